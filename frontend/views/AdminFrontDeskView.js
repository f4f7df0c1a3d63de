import { h, reactive, ref, watch } from 'vue'
import { api, itemsOf } from '../api.js'
import { store } from '../store.js'
import SlotPicker from '../components/SlotPicker.js'
import { t } from '../i18n.js'
import { SEX_CHOICES, applyFieldErrors, appointmentDate, appointmentTime, button, card, dataTable, doctorName, field, formAlert, formatBirthDate, formatDate, formatTime, pageHeader, stateView, statusBadge, useLoader } from '../components/ui.js'

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
        store.notify(t(data.patient.email ? 'admin.desk.registered_emailed' : 'admin.desk.registered', { name: data.patient.full_name }))
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
      const when = t('admin.desk.when', { date: formatDate(slot.date), time: formatTime(slot.start_time) })
      const ok = await store.confirm({
        title: t(moving.value ? 'admin.desk.move_title' : 'admin.desk.book_title'),
        message: t('admin.desk.book_text', { patient: selected.value.full_name, doctor: doctor ? doctor.full_name : t('admin.desk.the_doctor'), when }),
        confirmLabel: t(moving.value ? 'admin.desk.move_confirm' : 'admin.desk.book_confirm'),
      })
      if (!ok) return
      try {
        if (moving.value) {
          await api.post(`/admin/appointments/${moving.value.id}/reschedule`, { slot_id: slot.id, override: booking.override })
          store.notify(t('admin.desk.moved', { when }))
          moving.value = null
        } else {
          await api.post('/admin/appointments', { patient_id: selected.value.id, slot_id: slot.id, reason: booking.reason.trim(), override: booking.override })
          store.notify(t('admin.desk.booked', { patient: selected.value.full_name, when }))
        }
        upcoming.reload()
      } catch (err) {
        store.notifyError(err)
      }
    }

    async function cancel(appointment) {
      if (!booking.cancel_reason.trim()) {
        store.notify(t('admin.desk.reason_first'), 'danger')
        return
      }
      const ok = await store.confirm({
        title: t('admin.desk.cancel_title'),
        message: t('admin.desk.cancel_text', { date: formatDate(appointmentDate(appointment)), time: appointmentTime(appointment), doctor: doctorName(appointment), reason: booking.cancel_reason.trim() }),
        confirmLabel: t('admin.desk.cancel_confirm'),
        cancelLabel: t('admin.desk.keep'),
        danger: true,
      })
      if (!ok) return
      try {
        await api.post(`/admin/appointments/${appointment.id}/cancel`, { reason: booking.cancel_reason.trim() })
        store.notify(t('admin.desk.cancelled'))
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
        store.notify(t('admin.desk.link_sent', { email: data.link_sent_to }))
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
        store.notify(t('admin.desk.link_sent', { email: selected.value.email }))
      } catch (err) {
        store.notifyError(err)
      }
    }

    const findCard = () =>
      card([
        h('form', { class: 'filter-bar', role: 'search', onSubmit: (e) => e.preventDefault() }, [
          field(search, 'q', { label: t('admin.desk.search'), type: 'search', idPrefix: 'desk-search' }),
          field(search, 'date_of_birth', { label: t('admin.date_of_birth'), type: 'date', idPrefix: 'desk-search' }),
        ]),
        search.q.trim() || search.date_of_birth
          ? stateView(results, (data) =>
              dataTable([
                [t('admin.name'), (p) => h('span', { class: 'fw-semibold' }, p.full_name)],
                [t('admin.desk.born'), (p) => (p.date_of_birth ? formatBirthDate(p.date_of_birth) : '—')],
                [t('admin.phone'), (p) => p.phone || '—'],
                [h('span', { class: 'visually-hidden' }, t('admin.open')), (p) => h('button', { type: 'button', class: 'btn btn-sm btn-outline-primary', 'data-testid': `desk-open-${p.id}`, onClick: () => choose(p) }, t('admin.open'))],
              ], itemsOf(data), { testid: 'desk-results', rowTestid: 'desk-result', caption: t('admin.desk.found') }),
              { emptyText: t('admin.desk.nobody') })
          : h('p', { class: 'text-secondary mb-0' }, t('admin.desk.search_hint')),
      ], { title: t('admin.desk.find_title'), testid: 'desk-find' })

    const registerCard = () =>
      card(
        h('form', { novalidate: true, onSubmit: register, 'data-testid': 'desk-register' }, [
          formAlert(formError.value),
          field(form, 'full_name', { label: t('admin.full_name'), errors: formErrors, idPrefix: 'desk', required: true }),
          h('div', { class: 'grid-2' }, [
            field(form, 'date_of_birth', { label: t('admin.date_of_birth'), type: 'date', errors: formErrors, idPrefix: 'desk', required: true }),
            field(form, 'sex', { label: t('admin.desk.sex'), type: 'select', choices: SEX_CHOICES, errors: formErrors, idPrefix: 'desk' }),
          ]),
          field(form, 'phone', { label: t('admin.phone'), type: 'tel', errors: formErrors, idPrefix: 'desk', autocomplete: 'off' }),
          field(form, 'email', { label: t('admin.desk.email_optional'), type: 'email', errors: formErrors, idPrefix: 'desk', autocomplete: 'off', help: t('admin.desk.email_help') }),
          button(t('admin.desk.register'), { type: 'submit', busy: busy.value === 'register', testid: 'desk-register-submit' }),
        ]),
        { title: t('admin.desk.register_title'), testid: 'desk-register-card' },
      )

    const patientCard = () => {
      const p = selected.value
      if (!p) return null
      const doctorChoices = [{ value: '', label: t('admin.desk.choose_doctor') }, ...(doctors.data || []).filter((d) => d.is_active !== false).map((d) => ({ value: d.id, label: `${d.full_name}${d.specialization ? ` · ${d.specialization.name}` : ''}` }))]
      return card([
        h('div', { class: 'd-flex flex-wrap justify-content-between align-items-start gap-2 mb-3' }, [
          h('div', [
            h('h2', { class: 'h4 mb-1', 'data-testid': 'desk-patient-name' }, p.full_name),
            h('p', { class: 'text-secondary mb-0' }, [p.date_of_birth ? t('admin.desk.born_on', { date: formatBirthDate(p.date_of_birth) }) : null, p.phone ? ` · ${p.phone}` : null, ` · ${p.email || t('admin.desk.no_email')}`].filter(Boolean).join('')),
          ]),
          p.email ? button(t('admin.desk.send_reset'), { variant: 'outline-secondary', onClick: sendReset, testid: 'desk-send-reset', size: 'sm' }) : null,
        ]),
        p.email
          ? null
          : h('form', { class: 'desk-login mb-3', novalidate: true, onSubmit: giveLogin, 'data-testid': 'desk-login' }, [
              field(login, 'email', { label: t('admin.desk.login_email'), type: 'email', errors: loginErrors, idPrefix: 'desk-login', autocomplete: 'off', help: t('admin.desk.login_help') }),
              button(t('admin.desk.login_submit'), { type: 'submit', variant: 'outline-primary', size: 'sm', busy: busy.value === 'login', testid: 'desk-login-submit' }),
            ]),
        h('h3', { class: 'h6' }, t('admin.desk.upcoming')),
        stateView(upcoming, (data) =>
          h('div', [
            dataTable([
              [t('admin.when'), (a) => `${formatDate(appointmentDate(a))} ${appointmentTime(a)}`],
              [t('admin.doctor'), (a) => doctorName(a)],
              [t('admin.status'), (a) => statusBadge(a.status)],
              [h('span', { class: 'visually-hidden' }, t('admin.actions')), (a) => h('div', { class: 'desk-actions' }, [
                h('button', { type: 'button', class: 'btn btn-sm btn-outline-primary', 'data-testid': `desk-move-${a.id}`, onClick: () => { moving.value = a; booking.doctor_id = String(a.doctor_id) } }, t('admin.desk.move')),
                h('button', { type: 'button', class: 'btn btn-sm btn-outline-danger', 'data-testid': `desk-cancel-${a.id}`, onClick: () => cancel(a) }, t('admin.cancel')),
              ])],
            ], itemsOf(data), { testid: 'desk-upcoming', rowTestid: 'desk-upcoming-row', caption: t('admin.desk.upcoming') }),
            itemsOf(data).length ? field(booking, 'cancel_reason', { label: t('admin.desk.cancel_reason'), idPrefix: 'desk' }) : null,
          ]), { emptyText: t('admin.desk.no_upcoming') }),
        h('h3', { class: 'h6 mt-3', 'data-testid': 'desk-book-title' }, moving.value ? t('admin.desk.move_to', { date: formatDate(appointmentDate(moving.value)) }) : t('admin.desk.book_heading')),
        field(booking, 'doctor_id', { label: t('admin.doctor'), type: 'select', choices: doctorChoices, idPrefix: 'desk-book' }),
        moving.value ? null : field(booking, 'reason', { label: t('admin.desk.visit_reason'), idPrefix: 'desk-book' }),
        field(booking, 'override', { label: t('admin.desk.override'), type: 'switch', idPrefix: 'desk-book', help: t('admin.desk.override_help') }),
        booking.doctor_id ? h(SlotPicker, { key: `${booking.doctor_id}`, doctorId: booking.doctor_id, asPatient: false, actionLabel: t(moving.value ? 'admin.desk.move_here' : 'admin.desk.book'), onSelect: book }) : null,
      ], { title: t('admin.desk.patient_title'), testid: 'desk-patient' })
    }

    return () =>
      h('div', [
        pageHeader(t('admin.desk.title'), t('admin.desk.subtitle')),
        h('div', { class: 'grid-2' }, [findCard(), registerCard()]),
        h('div', { class: 'mt-3' }, [patientCard()]),
      ])
  },
}
