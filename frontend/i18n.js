// One message catalogue per language (i18n/en.js, i18n/bn.js) and the formatting of dates,
// times and numbers for the chosen locale (Bangla digits in Bangla). The choice is the user's:
// saved on their account, remembered on this device, and the browser's language until then.
import { reactive } from 'vue'
import en from './i18n/en.js'
import bn from './i18n/bn.js'

export const CATALOGUES = { en, bn }
export const LANGUAGES = [
  { code: 'en', label: 'English' },
  { code: 'bn', label: 'বাংলা' },
]
const INTL_LOCALE = { en: 'en-GB', bn: 'bn-BD' }
const STORAGE_KEY = 'carequeue.language'

function browserLanguage() {
  const wanted = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || 'en']
  for (const tag of wanted) {
    const code = String(tag).toLowerCase().split('-')[0]
    if (CATALOGUES[code]) return code
  }
  return 'en'
}

function initialLanguage() {
  try {
    const saved = localStorage.getItem(STORAGE_KEY)
    if (saved && CATALOGUES[saved]) return saved
  } catch {
    // storage may be unavailable (private mode): the browser's language it is
  }
  return browserLanguage()
}

// The Bangla web font (styles.css) in every weight the app draws with, fetched as soon as Bangla is the
// language. Chromium keeps the empty boxes of the Bangla words it drew while their weight was still loading,
// even once it has arrived; when every weight is in, a change of font settings that looks the same ("kern"
// is on by default) makes it set the page's text again, with the font.
const BANGLA_FONT = '"CareQueue Bangla"'
const BANGLA_WEIGHTS = [400, 600, 700]
let banglaFont = null

function loadFontFor(code) {
  if (code !== 'bn' || banglaFont || !document.fonts || typeof document.fonts.load !== 'function') return
  banglaFont = Promise.all(BANGLA_WEIGHTS.map((weight) => document.fonts.load(`${weight} 16px ${BANGLA_FONT}`, 'ক')))
    .then((faces) => {
      if (faces.some((found) => !found.length)) throw new Error('the font is not declared yet')
      document.documentElement.style.fontFeatureSettings = '"kern"'
    })
    .catch(() => {
      banglaFont = null // offline before it was ever fetched: the system's font until the next choice of Bangla
    })
}

export const i18n = reactive({ locale: initialLanguage() })
document.documentElement.lang = i18n.locale
loadFontFor(i18n.locale)

// Whether someone chose a language on this device (rather than following the browser).
export function hasChosenLanguage() {
  try {
    return Boolean(localStorage.getItem(STORAGE_KEY))
  } catch {
    return false
  }
}

export function setLocale(code) {
  if (!CATALOGUES[code]) return
  loadFontFor(code)
  i18n.locale = code
  document.documentElement.lang = code
  try {
    localStorage.setItem(STORAGE_KEY, code)
  } catch {
    // not remembered on this device; the account keeps it
  }
}

// t('key', {name: 'x'}): the message in the current language, with {name} filled in.
export function t(key, params = null) {
  const catalogue = CATALOGUES[i18n.locale] || en
  let text = catalogue[key] ?? en[key] ?? key
  if (params) {
    for (const [name, value] of Object.entries(params)) {
      const shown = typeof value === 'number' ? formatNumber(value) : String(value ?? '')
      text = text.split(`{${name}}`).join(shown)
    }
  }
  return text
}

export function intlLocale() {
  return INTL_LOCALE[i18n.locale] || 'en-GB'
}

export function formatNumber(value, options = {}) {
  if (value === null || value === undefined || value === '') return ''
  const number = Number(value)
  if (Number.isNaN(number)) return String(value)
  return new Intl.NumberFormat(intlLocale(), options).format(number)
}

// Digits in a string written for the locale ("10:30" -> "১০:৩০" in Bangla).
export function localDigits(text) {
  if (i18n.locale !== 'bn') return String(text ?? '')
  return String(text ?? '').replace(/[0-9]/g, (digit) => '০১২৩৪৫৬৭৮৯'[Number(digit)])
}

export function formatDateLocal(date, options) {
  return date.toLocaleDateString(intlLocale(), options)
}

export function formatDateTimeLocal(date, options) {
  return date.toLocaleString(intlLocale(), options)
}
