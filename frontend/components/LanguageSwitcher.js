// English / বাংলা. The choice applies at once, is remembered on this device and, for someone
// logged in, saved on their account (their emails and triage advice follow it too).
import { h } from 'vue'
import { api } from '../api.js'
import { LANGUAGES, i18n, setLocale, t } from '../i18n.js'
import { store } from '../store.js'

export async function chooseLanguage(code) {
  setLocale(code)
  if (!store.user) return
  try {
    const data = await api.put('/auth/language', { language: code })
    store.user.language = data.user.language
  } catch {
    // offline or logged out: this device remembers it; the account is updated next time
  }
}

export default {
  name: 'LanguageSwitcher',
  setup() {
    return () =>
      h('div', { class: 'language-switcher' }, [
        h('label', { class: 'visually-hidden', for: 'language-select' }, t('language.label')),
        h('select', {
          id: 'language-select',
          class: 'form-select form-select-sm',
          value: i18n.locale,
          'data-testid': 'language-select',
          onChange: (event) => chooseLanguage(event.target.value),
        }, LANGUAGES.map((language) => h('option', { key: language.code, value: language.code, lang: language.code, selected: language.code === i18n.locale }, language.label))),
      ])
  },
}
