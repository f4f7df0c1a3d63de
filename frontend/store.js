import { reactive } from 'vue'
import { api, setCsrfToken } from './api.js'
import { formatDate, formatTime, setClinic } from './components/ui.js'
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
      title: t('common.booking.confirm_title'),
      message: t('common.booking.confirm_text', { doctor: doctor || t('common.booking.your_doctor'), when }),
      confirmLabel: t('common.booking.confirm'),
    })
    if (!ok) return null
    const body = { slot_id: slot.id }
    if (triageId) body.triage_id = triageId
    if (reason) body.reason = reason
    const data = await api.post('/patient/appointments', body)
    this.notify(t('common.booking.booked', { doctor: doctor || t('common.booking.your_doctor_lower'), when }))
    return data.appointment || data
  },

  async rescheduleAppointment({ appointmentId, slot, doctor }) {
    const when = describeSlot(slot)
    const ok = await this.confirm({
      title: t('common.booking.move_title'),
      message: doctor ? t('common.booking.move_text_doctor', { when, doctor }) : t('common.booking.move_text', { when }),
      confirmLabel: t('common.booking.move'),
    })
    if (!ok) return null
    const data = await api.post(`/patient/appointments/${appointmentId}/reschedule`, { slot_id: slot.id })
    this.notify(t('common.booking.moved', { when }))
    return data.appointment || data
  },

  async cancelAppointment({ appointmentId, label }) {
    const ok = await this.confirm({
      title: t('common.booking.cancel_title'),
      message: t('common.booking.cancel_text', { label }),
      confirmLabel: t('common.booking.cancel'),
      cancelLabel: t('common.booking.keep'),
      danger: true,
    })
    if (!ok) return null
    const data = await api.post(`/patient/appointments/${appointmentId}/cancel`, {})
    this.notify(t('common.booking.cancelled'))
    return data || true
  },

  notify(message, kind = 'success') {
    const id = ++toastSeq
    this.toasts.push({ id, message, kind })
    if (this.toasts.length > 3) this.toasts.splice(0, this.toasts.length - 3)
    setTimeout(() => this.dismissToast(id), kind === 'danger' ? 9000 : 5000)
  },

  notifyError(error, fallback = null) {
    this.notify((error && error.message) || fallback || t('common.something_wrong'), 'danger')
  },

  dismissToast(id) {
    const index = this.toasts.findIndex((toast) => toast.id === id)
    if (index >= 0) this.toasts.splice(index, 1)
  },

  // Asks the person to confirm; resolves true or false.
  confirm({ title, message, confirmLabel = null, cancelLabel = null, danger = false }) {
    return new Promise((resolve) => {
      this.confirmation = { title, message, confirmLabel: confirmLabel || t('common.confirm'), cancelLabel: cancelLabel || t('common.go_back'), danger, resolve }
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

// "Tuesday 3 March at 10:30", in the chosen language like every other date in the app.
function describeSlot(slot) {
  const day = formatDate(slot.date, { weekday: 'long', day: 'numeric', month: 'long' })
  return t('common.booking.when', { day, time: formatTime(slot.start_time || slot.time) })
}

export function homeFor(role) {
  return { patient: '/patient', doctor: '/doctor', admin: '/admin' }[role] || '/login'
}
