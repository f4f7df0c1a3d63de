import { reactive } from 'vue'
import { api, setCsrfToken } from './api.js'
import { setClinic } from './components/ui.js'

let toastSeq = 0
let mePromise = null

export const store = reactive({
  user: null,
  ready: false,
  toasts: [],
  confirmation: null,

  get role() {
    return this.user ? this.user.role : null
  },

  // Asks once who is logged in (200 either way, so a visitor's page load logs no error), and learns
  // the clinic's time zone and currency for dates and fees.
  async loadMe() {
    if (!mePromise) {
      mePromise = api
        .get('/auth/session', null, { quiet401: true })
        .then((data) => {
          this.user = data.user || null
          if (data.csrf_token) setCsrfToken(data.csrf_token)
          if (data.clinic) setClinic(data.clinic)
        })
        .catch(() => {
          this.user = null
        })
        .finally(() => {
          this.ready = true
        })
    }
    return mePromise
  },

  async login(email, password) {
    const data = await api.post('/auth/login', { email, password })
    setCsrfToken(data.csrf_token)
    this.user = data.user
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

function describeSlot(slot) {
  const date = new Date(`${String(slot.date).slice(0, 10)}T00:00:00`)
  const day = Number.isNaN(date.getTime()) ? slot.date : date.toLocaleDateString(undefined, { weekday: 'long', day: 'numeric', month: 'long' })
  return `${day} at ${String(slot.start_time || slot.time || '').slice(0, 5)}`
}

export function homeFor(role) {
  return { patient: '/patient', doctor: '/doctor', admin: '/admin' }[role] || '/login'
}
