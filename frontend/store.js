import { reactive } from 'vue'
import { api, setCsrfToken } from './api.js'
import { setClinic } from './components/ui.js'
import { offlineDb } from './offline/db.js'
import { hasChosenLanguage, i18n, localDigits, setLocale, t } from './i18n.js'

let toastSeq = 0
let mePromise = null
let configPromise = null

export const store = reactive({
  user: null,
  ready: false,
  toasts: [],
  confirmation: null,
  // The clinic's public settings (GET /api/config): its name and emergency number are never hard-coded here.
  config: { clinic_name: '', emergency_number: '', timezone: '', languages: [] },

  get role() {
    return this.user ? this.user.role : null
  },

  // Asks once who is logged in (200 either way, so a visitor's page load logs no error), and learns
  // the clinic's time zone and currency for dates and fees.
  async loadConfig() {
    if (!configPromise) {
      configPromise = api
        .get('/api/config', null, { quiet401: true })
        .then((data) => Object.assign(this.config, data))
        .catch(() => {
          configPromise = null
        })
    }
    return configPromise
  },

  // "call <the number>" once the configuration has arrived; never a guessed number.
  get emergencyCall() {
    return this.config.emergency_number ? t('offline.call_number', { number: localDigits(this.config.emergency_number) }) : t('offline.call_emergency')
  },

  async loadMe() {
    if (!mePromise) {
      mePromise = api
        .get('/auth/session', null, { quiet401: true })
        .then((data) => {
          this.user = data.user || null
          rememberSession(this.user)
          if (data.csrf_token) setCsrfToken(data.csrf_token)
          if (data.clinic) setClinic(data.clinic)
        })
        .catch(async (error) => {
          // Offline: the person logged in on this device before keeps using the app (IndexedDB, cleared on logout).
          this.user = error && error.status === 0 ? await offlineDb.loadSession().catch(() => null) || null : null
        })
        .finally(() => {
          this.ready = true
        })
    }
    return mePromise
  },

  // Resolves the user, or {twoFactor: true} when the password was right and a code is needed next.
  async login(email, password) {
    const data = await api.post('/auth/login', { email, password })
    if (data && data.two_factor_required) return { twoFactor: true }
    return this.finishLogin(data)
  },

  async loginSecondFactor({ code, recoveryCode }) {
    const data = await api.post('/auth/login/two-factor', code ? { code } : { recovery_code: recoveryCode })
    return this.finishLogin(data)
  },

  finishLogin(data) {
    setCsrfToken(data.csrf_token)
    this.user = data.user
    rememberSession(data.user)
    this.ready = true
    mePromise = Promise.resolve()
    return data.user
  },

  async registerPatient(form) {
    const data = await api.post('/auth/register', form)
    return data.user
  },

  async logout() {
    try {
      await api.post('/auth/logout')
    } finally {
      this.forgetSession()
    }
  },

  forgetSession() {
    this.toasts.splice(0)
    this.user = null
    setCsrfToken(null)
    mePromise = Promise.resolve()
    // Everything kept on this device for offline use goes with the session.
    offlineDb.clearAll().catch(() => null)
  },

  // Booking actions confirm with the person first; they resolve null if declined.
  async bookAppointment({ slot, doctor, triageId = null, reason = '' }) {
    const when = describeSlot(slot)
    const ok = await this.confirm({
      title: 'Book this appointment?',
      message: `${doctor || 'Your doctor'} on ${when}.`,
      confirmLabel: 'Book appointment',
    })
    if (!ok) return null
    const body = { slot_id: slot.id }
    if (triageId) body.triage_id = triageId
    if (reason) body.reason = reason
    const data = await api.post('/patient/appointments', body)
    this.notify(`Booked: ${doctor || 'your doctor'} on ${when}.`)
    return data.appointment || data
  },

  async rescheduleAppointment({ appointmentId, slot, doctor }) {
    const when = describeSlot(slot)
    const ok = await this.confirm({
      title: 'Move your appointment?',
      message: `Your appointment will move to ${when}${doctor ? ` with ${doctor}` : ''}. Your old time is released.`,
      confirmLabel: 'Move appointment',
    })
    if (!ok) return null
    const data = await api.post(`/patient/appointments/${appointmentId}/reschedule`, { slot_id: slot.id })
    this.notify(`Appointment moved to ${when}.`)
    return data.appointment || data
  },

  async cancelAppointment({ appointmentId, label }) {
    const ok = await this.confirm({
      title: 'Cancel this appointment?',
      message: `${label}. The time will be offered to other patients.`,
      confirmLabel: 'Cancel appointment',
      cancelLabel: 'Keep it',
      danger: true,
    })
    if (!ok) return null
    const data = await api.post(`/patient/appointments/${appointmentId}/cancel`, {})
    this.notify('Appointment cancelled.')
    return data || true
  },

  notify(message, kind = 'success') {
    const id = ++toastSeq
    this.toasts.push({ id, message, kind })
    if (this.toasts.length > 3) this.toasts.splice(0, this.toasts.length - 3)
    setTimeout(() => this.dismissToast(id), kind === 'danger' ? 9000 : 5000)
  },

  notifyError(error, fallback = 'Something went wrong.') {
    this.notify((error && error.message) || fallback, 'danger')
  },

  dismissToast(id) {
    const index = this.toasts.findIndex((toast) => toast.id === id)
    if (index >= 0) this.toasts.splice(index, 1)
  },

  // Asks the person to confirm; resolves true or false.
  confirm({ title, message, confirmLabel = 'Confirm', cancelLabel = 'Go back', danger = false }) {
    return new Promise((resolve) => {
      this.confirmation = { title, message, confirmLabel, cancelLabel, danger, resolve }
    })
  },

  answerConfirmation(answer) {
    const pending = this.confirmation
    this.confirmation = null
    if (pending) pending.resolve(answer)
  },
})

// Who is logged in, kept for offline use: id, role and name only.
function rememberSession(user) {
  if (!user) return
  // The language saved on the account wins over this device's default; a choice made here before
  // logging in (on the login page) is saved on the account.
  if (user.language) setLocale(user.language)
  else if (hasChosenLanguage()) {
    api.put('/auth/language', { language: i18n.locale }).then((data) => {
      if (store.user && store.user.id === user.id) store.user.language = data.user.language
    }).catch(() => null)
  }
  offlineDb.saveSession({ id: user.id, role: user.role, full_name: user.full_name, email: user.email, language: user.language || null }).catch(() => null)
}

function describeSlot(slot) {
  const date = new Date(`${String(slot.date).slice(0, 10)}T00:00:00`)
  const day = Number.isNaN(date.getTime()) ? slot.date : date.toLocaleDateString(undefined, { weekday: 'long', day: 'numeric', month: 'long' })
  return `${day} at ${String(slot.start_time || slot.time || '').slice(0, 5)}`
}

export function homeFor(role) {
  return { patient: '/patient', doctor: '/doctor', admin: '/admin' }[role] || '/login'
}
