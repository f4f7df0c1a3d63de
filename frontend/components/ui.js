// Small render helpers shared by every view: form fields wired to a reactive
// form object, loading/empty/error states, badges and date formatting.
import { h, reactive } from 'vue'
import { RouterLink } from 'vue-router'
import { i18n, intlLocale, localDigits, t } from '../i18n.js'

// ---------- dates ----------
const pad = (n) => String(n).padStart(2, '0')

// The clinic's time zone and currency (from GET /auth/session): "today", timestamps and fees are the clinic's,
// whatever zone the browser is in.
const clinic = { timezone: null, currency: 'BDT' }

export function setClinic(settings) {
  if (settings && settings.timezone) clinic.timezone = settings.timezone
  if (settings && settings.currency) clinic.currency = settings.currency
}

// The clinic's wall clock now: { date: 'YYYY-MM-DD', time: 'HH:MM' }.
export function clinicNow() {
  const parts = {}
  const format = new Intl.DateTimeFormat('en-GB', {
    timeZone: clinic.timezone || undefined, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  })
  for (const part of format.formatToParts(new Date())) parts[part.type] = part.value
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` }
}

export function toISODate(date) {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}

export function todayISO() {
  return clinicNow().date
}

export function parseISODate(iso) {
  const [y, m, d] = String(iso).slice(0, 10).split('-').map(Number)
  return new Date(y, (m || 1) - 1, d || 1)
}

export function addDays(iso, days) {
  const date = parseISODate(iso)
  date.setDate(date.getDate() + days)
  return toISODate(date)
}

export function startOfWeek(iso) {
  const date = parseISODate(iso)
  const offset = (date.getDay() + 6) % 7 // Monday first
  date.setDate(date.getDate() - offset)
  return toISODate(date)
}

export function formatDate(iso, options = { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' }) {
  if (!iso) return '—'
  const date = parseISODate(iso)
  if (Number.isNaN(date.getTime())) return String(iso)
  return date.toLocaleDateString(intlLocale(), options)
}

export function formatTime(time) {
  if (!time) return ''
  return localDigits(String(time).slice(0, 5))
}

// A timestamp in clinic time, 24-hour, like every other time in the app: "29 Nov 2026, 14:05".
export function formatDateTime(timestamp) {
  if (!timestamp) return '—'
  const date = new Date(timestamp)
  if (Number.isNaN(date.getTime())) return String(timestamp)
  return date.toLocaleString(intlLocale(), {
    timeZone: clinic.timezone || undefined, day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  })
}

// A date of birth: no weekday, the month in words.
export function formatBirthDate(iso) {
  return formatDate(iso, { day: 'numeric', month: 'long', year: 'numeric' })
}

// A fee in the clinic's currency: "BDT 1,200" (cents only when there are some).
export function formatMoney(amount) {
  if (amount === null || amount === undefined || amount === '') return '—'
  const value = Number(amount)
  if (!Number.isFinite(value)) return String(amount)
  const whole = Number.isInteger(value)
  return new Intl.NumberFormat(intlLocale(), { style: 'currency', currency: clinic.currency || 'BDT', minimumFractionDigits: whole ? 0 : 2, maximumFractionDigits: 2 }).format(value)
}

// ---------- common shapes (defensive about the exact serialization) ----------
export function doctorName(item) {
  if (!item) return ''
  const doctor = item.doctor && typeof item.doctor === 'object' ? item.doctor : item
  return doctor.full_name || item.doctor_name || doctor.name || t('common.doctor')
}

// A specialty in the reader's language: the server sends the standard names' translations by language
// (`labels`); a name the clinic chose itself is shown as typed.
export function specialtyLabel(name, labels) {
  return (labels && labels[i18n.locale]) || name || ''
}

export function specializationName(item) {
  if (!item) return ''
  const doctor = item.doctor && typeof item.doctor === 'object' ? item.doctor : item
  const spec = doctor.specialization ?? item.specialization
  if (spec && typeof spec === 'object') return specialtyLabel(spec.name, spec.labels)
  return specialtyLabel(spec || doctor.specialization_name || item.specialization_name || '', doctor.specialization_labels || item.specialization_labels)
}

export function patientName(item) {
  if (!item) return ''
  const patient = item.patient && typeof item.patient === 'object' ? item.patient : null
  return (patient && patient.full_name) || item.patient_name || t('common.patient')
}

export function patientIdOf(item) {
  const patient = item.patient && typeof item.patient === 'object' ? item.patient : null
  return (patient && patient.id) ?? item.patient_id
}

export function appointmentDate(item) {
  return item.date || (item.slot && item.slot.date) || ''
}

export function appointmentTime(item) {
  return formatTime(item.time || item.start_time || (item.slot && item.slot.start_time))
}

export function initials(name) {
  return String(name || '?')
    .replace(/^(dr\.?\s+)/i, '')
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0].toUpperCase())
    .join('')
}

// ---------- data loading ----------
export function useLoader(load, { immediate = true } = {}) {
  // Only the latest reload writes: an earlier, slower answer (say, the previous tab's) never replaces it.
  let latest = 0
  const state = reactive({
    loading: false,
    error: null,
    data: null,
    async reload() {
      const mine = ++latest
      state.loading = true
      state.error = null
      try {
        const data = await load()
        if (mine === latest) state.data = data
      } catch (error) {
        if (mine === latest) state.error = error
      } finally {
        if (mine === latest) state.loading = false
      }
      return state.data
    },
  })
  if (immediate) state.reload()
  return state
}

export function loadingBlock(text = t('ui.loading')) {
  return h('div', { class: 'state-block', role: 'status', 'data-testid': 'loading' }, [
    h('span', { class: 'spinner-border spinner-border-sm text-primary', 'aria-hidden': 'true' }),
    h('span', text),
  ])
}

export function errorBlock(error, retry) {
  return h('div', { class: 'alert alert-danger d-flex flex-wrap align-items-center gap-2', role: 'alert', 'data-testid': 'load-error' }, [
    h('span', { class: 'flex-grow-1' }, (error && error.message) || t('ui.load_failed')),
    retry ? h('button', { type: 'button', class: 'btn btn-sm btn-outline-danger', onClick: retry }, t('ui.try_again')) : null,
  ])
}

export function emptyBlock(text, action = null) {
  return h('div', { class: 'state-block state-empty', 'data-testid': 'empty' }, [h('p', { class: 'mb-2' }, text), action])
}

// Renders loading / error / empty / content for a loader.
export function stateView(state, render, { emptyText = t('ui.empty'), isEmpty, emptyAction = null, loadingText } = {}) {
  if (state.loading && state.data == null) return loadingBlock(loadingText)
  // Retrying cannot fix what the person asked for (a 4xx such as a reversed date range): no "Try again" then.
  if (state.error) return errorBlock(state.error, state.error.status >= 400 && state.error.status < 500 ? null : () => state.reload())
  if (state.data == null) return loadingBlock(loadingText)
  const empty = isEmpty ? isEmpty(state.data) : Array.isArray(state.data) && state.data.length === 0
  if (empty) return emptyBlock(emptyText, emptyAction)
  return render(state.data)
}

// ---------- layout ----------
export function pageHeader(title, subtitle = null, actions = null) {
  return h('header', { class: 'page-header' }, [
    h('div', [h('h1', { class: 'page-title', tabindex: '-1', 'data-testid': 'page-title' }, title), subtitle ? h('p', { class: 'page-subtitle' }, subtitle) : null]),
    actions ? h('div', { class: 'page-actions' }, actions) : null,
  ])
}

export function card(children, { title = null, testid = null, extraClass = '', headerActions = null } = {}) {
  return h('section', { class: `card cq-card ${extraClass}`, 'data-testid': testid }, [
    title
      ? h('div', { class: 'card-header d-flex align-items-center justify-content-between gap-2' }, [h('h2', { class: 'card-title h6 mb-0' }, title), headerActions])
      : null,
    h('div', { class: 'card-body' }, children),
  ])
}

export function link(to, label, extra = {}) {
  return h(RouterLink, { to, ...extra }, () => label)
}

export function button(label, { onClick, variant = 'primary', testid, disabled = false, busy = false, type = 'button', size = '', id, ariaLabel } = {}) {
  return h(
    'button',
    {
      type,
      id,
      class: `btn btn-${variant}${size ? ` btn-${size}` : ''}`,
      disabled: disabled || busy,
      'aria-busy': busy ? 'true' : undefined,
      'aria-label': ariaLabel,
      'data-testid': testid,
      onClick,
    },
    [busy ? h('span', { class: 'spinner-border spinner-border-sm me-2', 'aria-hidden': 'true' }) : null, label],
  )
}

// ---------- forms ----------
// A labelled control bound to form[name]; shows errors[name] next to it.
export function field(form, name, options = {}) {
  const {
    label,
    type = 'text',
    errors = {},
    choices = null,
    rows = 3,
    required = false,
    idPrefix = 'field',
    help = null,
    placeholder,
    autocomplete,
    min,
    max,
    step,
    maxlength,
    disabled = false,
    wrapperClass = 'mb-3',
  } = options
  const id = `${idPrefix}-${name.replace(/_/g, '-')}`
  const error = errors[name]
  const describedBy = [error ? `${id}-error` : null, help ? `${id}-help` : null].filter(Boolean).join(' ') || undefined

  if (type === 'checkbox' || type === 'switch') {
    return h('div', { class: `form-check ${type === 'switch' ? 'form-switch' : ''} ${wrapperClass}` }, [
      h('input', {
        id,
        class: `form-check-input${error ? ' is-invalid' : ''}`,
        type: 'checkbox',
        role: type === 'switch' ? 'switch' : undefined,
        checked: Boolean(form[name]),
        disabled,
        'aria-describedby': describedBy,
        'data-testid': id,
        onChange: (event) => {
          form[name] = event.target.checked
        },
      }),
      h('label', { class: 'form-check-label', for: id }, label),
      help ? h('div', { id: `${id}-help`, class: 'form-text' }, help) : null,
      error ? h('div', { id: `${id}-error`, class: 'invalid-feedback' }, error) : null,
    ])
  }

  const common = {
    id,
    name,
    class: `${type === 'select' ? 'form-select' : 'form-control'}${error ? ' is-invalid' : ''}`,
    required,
    disabled,
    placeholder,
    autocomplete,
    'aria-invalid': error ? 'true' : undefined,
    'aria-describedby': describedBy,
    'data-testid': id,
  }
  let control
  if (type === 'select') {
    control = h(
      'select',
      { ...common, value: form[name] ?? '', onChange: (event) => (form[name] = event.target.value) },
      (choices || []).map((choice) => h('option', { key: String(choice.value), value: choice.value, selected: String(choice.value) === String(form[name] ?? '') }, choice.label)),
    )
  } else if (type === 'textarea') {
    control = h('textarea', { ...common, rows, maxlength, value: form[name] ?? '', onInput: (event) => (form[name] = event.target.value) })
  } else {
    control = h('input', {
      ...common,
      type,
      min,
      max,
      step,
      maxlength,
      value: form[name] ?? '',
      onInput: (event) => (form[name] = event.target.value),
    })
  }
  return h('div', { class: wrapperClass }, [
    h('label', { class: 'form-label', for: id }, [label, required ? h('span', { class: 'text-danger ms-1', 'aria-hidden': 'true' }, '*') : null]),
    control,
    help ? h('div', { id: `${id}-help`, class: 'form-text' }, help) : null,
    error ? h('div', { id: `${id}-error`, class: 'invalid-feedback', 'data-testid': `${id}-error` }, error) : null,
  ])
}

// The choices a patient has for the optional `sex` field; labels are read when shown, in the language of the moment.
export const SEX_CHOICES = [
  ['', 'unspecified'],
  ['female', 'female'],
  ['male', 'male'],
  ['other', 'other'],
].map(([value, key]) => ({ value, get label() { return t(`common.sex.${key}`) } }))

// Copies an ApiError's field problems into a reactive errors object.
export function applyFieldErrors(errors, error) {
  for (const key of Object.keys(errors)) delete errors[key]
  if (error && error.fields) Object.assign(errors, error.fields)
}

export function formAlert(error) {
  if (!error) return null
  return h('div', { class: 'alert alert-danger', role: 'alert', 'data-testid': 'form-error' }, error.message)
}

// ---------- badges ----------
export const URGENCY = {
  emergency: urgencyInfo('emergency', '⚠', 'urgency-emergency', 0),
  urgent: urgencyInfo('urgent', '!', 'urgency-urgent', 1),
  routine: urgencyInfo('routine', '●', 'urgency-routine', 2),
  self_care: urgencyInfo('self_care', '✓', 'urgency-self-care', 3),
}

// Labels and hints are read when shown, in the language of the moment.
function urgencyInfo(level, icon, className, rank) {
  return {
    icon, className, rank,
    get label() { return t(`urgency.${level}`) },
    get hint() { return t(`urgency.${level}.hint`) },
  }
}

export function urgencyRank(urgency) {
  return URGENCY[urgency] ? URGENCY[urgency].rank : 9
}

export function urgencyBadge(urgency, { large = false } = {}) {
  const info = URGENCY[urgency] || { label: t('urgency.none'), icon: '–', className: 'urgency-none' }
  return h('span', { class: `urgency-badge ${info.className}${large ? ' urgency-badge-lg' : ''}`, 'data-testid': 'urgency-badge', 'data-urgency': urgency || 'none' }, [
    h('span', { class: 'urgency-icon', 'aria-hidden': 'true' }, info.icon),
    h('span', info.label),
  ])
}

// Each status's message (status.<key>) and badge colour.
const STATUS = {
  booked: ['booked', 'status-booked'],
  completed: ['completed', 'status-completed'],
  cancelled: ['cancelled', 'status-cancelled'],
  no_show: ['no_show', 'status-no-show'],
  queued: ['queued', 'status-pending'],
  pending: ['pending', 'status-pending'],
  running: ['running', 'status-running'],
  started: ['running', 'status-running'],
  done: ['done', 'status-completed'],
  succeeded: ['done', 'status-completed'],
  success: ['done', 'status-completed'],
  sent: ['sent', 'status-completed'],
  failed: ['failed', 'status-failed'],
  error: ['failed', 'status-failed'],
  active: ['active', 'status-completed'],
  inactive: ['inactive', 'status-cancelled'],
}

export function statusBadge(status) {
  const known = STATUS[status]
  const label = known ? t(`status.${known[0]}`) : status ? String(status).replace(/_/g, ' ') : t('common.unknown')
  return h('span', { class: `status-badge ${known ? known[1] : 'status-pending'}`, 'data-testid': 'status-badge', 'data-status': status }, label)
}

export function avatar(name) {
  return h('span', { class: 'avatar', 'aria-hidden': 'true' }, initials(name))
}

export function definitionList(pairs) {
  return h(
    'dl',
    { class: 'cq-dl' },
    pairs.filter(([, value]) => value !== undefined && value !== null && value !== '').flatMap(([term, value]) => [h('dt', term), h('dd', value)]),
  )
}

// An email address that may wrap after its "@" and dots, never inside a word.
export function breakableEmail(text) {
  const parts = String(text || '').split(/(?<=[@.])/)
  return parts.flatMap((part, i) => (i < parts.length - 1 ? [part, h('wbr')] : [part]))
}

// A responsive table: columns are [header, (row) => cell] pairs. Words never break inside; on a phone
// each row becomes a small card with the column name in front of each value (`data-label`).
export function dataTable(columns, rows, { testid = 'data-table', caption = null, rowTestid = 'table-row' } = {}) {
  const labels = columns.map(([header]) => (typeof header === 'string' ? header : ''))
  return h('div', { class: 'table-responsive' }, [
    h('table', { class: 'table table-hover table-cq table-stack', 'data-testid': testid }, [
      caption ? h('caption', { class: 'visually-hidden' }, caption) : null,
      h('thead', [h('tr', columns.map(([header], i) => h('th', { scope: 'col', key: i }, header)))]),
      h(
        'tbody',
        rows.map((row, r) => h('tr', { key: row.id ?? r, 'data-testid': rowTestid, 'data-id': row.id }, columns.map(([, cell], i) => {
          const value = cell(row)
          return h('td', { key: i, class: labels[i] ? 'cell-wrap' : 'cell-wrap cell-actions', 'data-label': labels[i] || undefined }, typeof value === 'string' && value.includes('@') ? breakableEmail(value) : value)
        }))),
      ),
    ]),
  ])
}

// Paged list loader for {items, page, per_page, total} answers.
export function usePagedLoader(fetchPage, perPage = 20) {
  const paging = reactive({ page: 1, perPage, total: 0 })
  const loader = useLoader(async () => {
    const data = await fetchPage({ page: paging.page, per_page: paging.perPage })
    const items = Array.isArray(data) ? data : (data && data.items) || []
    paging.total = data && typeof data.total === 'number' ? data.total : items.length
    return items
  })
  function goTo(page) {
    paging.page = page
    loader.reload()
  }
  return { loader, paging, goTo }
}
