import { h, reactive, ref, watch } from 'vue'
import { api, itemsOf } from '../api.js'
import { store } from '../store.js'
import SlotPicker from '../components/SlotPicker.js'
import { SEX_CHOICES, applyFieldErrors, appointmentDate, appointmentTime, button, card, dataTable, doctorName, field, formAlert, formatBirthDate, formatDate, pageHeader, stateView, statusBadge, useLoader } from '../components/ui.js'

// The front desk: find or register a patient (phone and walk-in patients too), then book,
// move or cancel their appointments. Every booking rule applies; the override is recorded.
export default {
  name: 'AdminFrontDeskView',
  props: {},
  setup() {
    const search = reactive({ q: '', date_of_birth: '' })
    const results = useLoader(() => api.get('/admin/patients', { q: search.q.trim(), date_of_birth: search.date_of_birth, per_page: 10 }), { immediate: false })
    const form = reactive({ full_name: '', date_of_birth: '', sex: '', phone: '', email: '' })
    const formErrors = reactive({})
    const formError = ref(null)
    const selected = ref(null)
    const booking = reactive({ doctor_id: '', reason: '', override: false, cancel_reason: '' })
    const moving = ref(null)
    const busy = ref('')
    const doctors = useLoader(async () => itemsOf(await api.get('/admin/doctors', { per_page: 100 })))
    const upcoming = useLoader(() => (selected.value ? api.get('/admin/appointments', { patient_id: selected.value.id, status: 'booked', per_page: 20 }) : Promise.resolve({ items: [] })))

    let debounce = null
    watch(() => ({ ...search }), () => {
      clearTimeout(debounce)
      debounce = setTimeout(() => (search.q.trim() || search.date_of_birth ? results.reload() : null), 300)
    })

    function choose(patient) {
      selected.value = patient
      moving.value = null
      upcoming.reload()
    }

    async function register(event) {
      event.preventDefault()
      busy.value = 'register'
      formError.value = null
      try {
        const body = { full_name: form.full_name.trim(), date_of_birth: form.date_of_birth, sex: form.sex || null, phone: form.phone.trim() || null, email: form.email.trim() || null }
        const data = await api.post('/admin/patients', body)
        applyFieldErrors(formErrors, null)
        Object.assign(form, { full_name: '', date_of_birth: '', sex: '', phone: '', email: '' })
        store.notify(`${data.patient.full_name} is registered.${data.patient.email ? ' We emailed them a link to confirm their address.' : ''}`)
        choose(data.patient)
      } catch (err) {
        formError.value = err
        applyFieldErrors(formErrors, err)
      } finally {
        busy.value = ''
      }
    }

    async function book(slot) {
      const doctor = (doctors.data || []).find((d) => String(d.id) === String(booking.doctor_id))
      const when = `${formatDate(slot.date)} at ${String(slot.start_time).slice(0, 5)}`
      const ok = await store.confirm({ title: moving.value ? 'Move this appointment?' : 'Book this appointment?', message: `${selected.value.full_name} with ${doctor ? doctor.full_name : 'the doctor'} on ${when}.`, confirmLabel: moving.value ? 'Move appointment' : 'Book appointment' })
      if (!ok) return
      try {
        if (moving.value) {
          await api.post(`/admin/appointments/${moving.value.id}/reschedule`, { slot_id: slot.id, override: booking.override })
          store.notify(`Moved to ${when}.`)
          moving.value = null
        } else {
          await api.post('/admin/appointments', { patient_id: selected.value.id, slot_id: slot.id, reason: booking.reason.trim(), override: booking.override })
          store.notify(`Booked: ${selected.value.full_name}, ${when}.`)
        }
        upcoming.reload()
      } catch (err) {
        store.notifyError(err)
      }
    }

    async function cancel(appointment) {
      if (!booking.cancel_reason.trim()) {
        store.notify('Write the reason first: the patient is told.', 'danger')
        return
      }
      const ok = await store.confirm({ title: 'Cancel this appointment?', message: `${formatDate(appointmentDate(appointment))} ${appointmentTime(appointment)} with ${doctorName(appointment)}. Reason: ${booking.cancel_reason.trim()}`, confirmLabel: 'Cancel appointment', cancelLabel: 'Keep it', danger: true })
      if (!ok) return
      try {
        await api.post(`/admin/appointments/${appointment.id}/cancel`, { reason: booking.cancel_reason.trim() })
        store.notify('Appointment cancelled.')
        booking.cancel_reason = ''
        upcoming.reload()
      } catch (err) {
        store.notifyError(err)
      }
    }

    const login = reactive({ email: '' })
    const loginErrors = reactive({})

    async function giveLogin(event) {
      event.preventDefault()
      busy.value = 'login'
      try {
        const data = await api.post(`/admin/patients/${selected.value.id}/login`, { email: login.email.trim() })
        applyFieldErrors(loginErrors, null)
        login.email = ''
        selected.value = data.patient
        store.notify(`We emailed ${data.link_sent_to} a link to choose a password.`)
      } catch (err) {
        applyFieldErrors(loginErrors, err)
        store.notifyError(err)
      } finally {
        busy.value = ''
      }
    }

    async function sendReset() {
      try {
        await api.post(`/admin/users/${selected.value.user_id}/password-reset`)
        store.notify(`We emailed ${selected.value.email} a link to choose a password.`)
      } catch (err) {
        store.notifyError(err)
      }
    }

    const findCard = () =>
      card([
        h('form', { class: 'filter-bar', role: 'search', onSubmit: (e) => e.preventDefault() }, [
          field(search, 'q', { label: 'Name, phone or email', type: 'search', idPrefix: 'desk-search' }),
          field(search, 'date_of_birth', { label: 'Date of birth', type: 'date', idPrefix: 'desk-search' }),
        ]),
        search.q.trim() || search.date_of_birth
          ? stateView(results, (data) =>
              dataTable([
                ['Name', (p) => h('span', { class: 'fw-semibold' }, p.full_name)],
                ['Born', (p) => (p.date_of_birth ? formatBirthDate(p.date_of_birth) : '—')],
                ['Phone', (p) => p.phone || '—'],
                [h('span', { class: 'visually-hidden' }, 'Open'), (p) => h('button', { type: 'button', class: 'btn btn-sm btn-outline-primary', 'data-testid': `desk-open-${p.id}`, onClick: () => choose(p) }, 'Open')],
              ], itemsOf(data), { testid: 'desk-results', rowTestid: 'desk-result', caption: 'Patients found' }),
              { emptyText: 'Nobody matches. Register them below.' })
          : h('p', { class: 'text-secondary mb-0' }, 'Search by any part of the name or phone number, or by date of birth.'),
      ], { title: 'Find a patient', testid: 'desk-find' })

    const registerCard = () =>
      card(
        h('form', { novalidate: true, onSubmit: register, 'data-testid': 'desk-register' }, [
          formAlert(formError.value),
          field(form, 'full_name', { label: 'Full name', errors: formErrors, idPrefix: 'desk', required: true }),
          h('div', { class: 'grid-2' }, [
            field(form, 'date_of_birth', { label: 'Date of birth', type: 'date', errors: formErrors, idPrefix: 'desk', required: true }),
            field(form, 'sex', { label: 'Sex', type: 'select', choices: SEX_CHOICES, errors: formErrors, idPrefix: 'desk' }),
          ]),
          field(form, 'phone', { label: 'Phone', type: 'tel', errors: formErrors, idPrefix: 'desk', autocomplete: 'off' }),
          field(form, 'email', { label: 'Email (optional)', type: 'email', errors: formErrors, idPrefix: 'desk', autocomplete: 'off', help: 'Without an email the patient gets no emails and no login; you can add one later.' }),
          button('Register patient', { type: 'submit', busy: busy.value === 'register', testid: 'desk-register-submit' }),
        ]),
        { title: 'Register a patient', testid: 'desk-register-card' },
      )

    const patientCard = () => {
      const p = selected.value
      if (!p) return null
      const doctorChoices = [{ value: '', label: 'Choose a doctor' }, ...(doctors.data || []).filter((d) => d.is_active !== false).map((d) => ({ value: d.id, label: `${d.full_name}${d.specialization ? ` · ${d.specialization.name}` : ''}` }))]
      return card([
        h('div', { class: 'd-flex flex-wrap justify-content-between gap-2 mb-3' }, [
          h('div', [
            h('h2', { class: 'h4 mb-1', 'data-testid': 'desk-patient-name' }, p.full_name),
            h('p', { class: 'text-secondary mb-0' }, [p.date_of_birth ? `Born ${formatBirthDate(p.date_of_birth)}` : null, p.phone ? ` · ${p.phone}` : null, ` · ${p.email || 'No email: no emails, no login yet'}`].filter(Boolean).join('')),
          ]),
          p.email ? button('Send password link', { variant: 'outline-secondary', onClick: sendReset, testid: 'desk-send-reset', size: 'sm' }) : null,
        ]),
        p.email
          ? null
          : h('form', { class: 'desk-login mb-3', novalidate: true, onSubmit: giveLogin, 'data-testid': 'desk-login' }, [
              field(login, 'email', { label: 'Give a login: the patient\'s email', type: 'email', errors: loginErrors, idPrefix: 'desk-login', autocomplete: 'off', help: 'We email them a link to choose a password; opening it confirms the address.' }),
              button('Email a login link', { type: 'submit', variant: 'outline-primary', size: 'sm', busy: busy.value === 'login', testid: 'desk-login-submit' }),
            ]),
        h('h3', { class: 'h6' }, 'Upcoming appointments'),
        stateView(upcoming, (data) =>
          h('div', [
            dataTable([
              ['When', (a) => `${formatDate(appointmentDate(a))} ${appointmentTime(a)}`],
              ['Doctor', (a) => doctorName(a)],
              ['Status', (a) => statusBadge(a.status)],
              [h('span', { class: 'visually-hidden' }, 'Actions'), (a) => h('div', { class: 'desk-actions' }, [
                h('button', { type: 'button', class: 'btn btn-sm btn-outline-primary', 'data-testid': `desk-move-${a.id}`, onClick: () => { moving.value = a; booking.doctor_id = String(a.doctor_id) } }, 'Move'),
                h('button', { type: 'button', class: 'btn btn-sm btn-outline-danger', 'data-testid': `desk-cancel-${a.id}`, onClick: () => cancel(a) }, 'Cancel'),
              ])],
            ], itemsOf(data), { testid: 'desk-upcoming', rowTestid: 'desk-upcoming-row', caption: 'Upcoming appointments' }),
            itemsOf(data).length ? field(booking, 'cancel_reason', { label: 'Reason for a cancellation (the patient is told)', idPrefix: 'desk' }) : null,
          ]), { emptyText: 'No upcoming appointments.' }),
        h('h3', { class: 'h6 mt-3', 'data-testid': 'desk-book-title' }, moving.value ? `Move the ${formatDate(appointmentDate(moving.value))} appointment to…` : 'Book an appointment'),
        field(booking, 'doctor_id', { label: 'Doctor', type: 'select', choices: doctorChoices, idPrefix: 'desk-book' }),
        moving.value ? null : field(booking, 'reason', { label: 'Reason for the visit (optional)', idPrefix: 'desk-book' }),
        field(booking, 'override', { label: 'Override the minimum notice and the booking limit', type: 'switch', idPrefix: 'desk-book', help: 'Recorded in the audit log with your name.' }),
        booking.doctor_id ? h(SlotPicker, { key: `${booking.doctor_id}`, doctorId: booking.doctor_id, asPatient: false, actionLabel: moving.value ? 'Move here' : 'Book', onSelect: book }) : null,
      ], { title: 'Patient', testid: 'desk-patient' })
    }

    return () =>
      h('div', [
        pageHeader('Front desk', 'Find or register a patient, then book, move or cancel for them.'),
        h('div', { class: 'grid-2' }, [findCard(), registerCard()]),
        h('div', { class: 'mt-3' }, [patientCard()]),
      ])
  },
}
