import { h, reactive, ref } from 'vue'
import { api, itemsOf } from '../api.js'
import { store } from '../store.js'
import { addDays, applyFieldErrors, appointmentDate, appointmentTime, button, card, dataTable, field, formAlert, formatDate, pageHeader, patientName, stateView, todayISO, usePagedLoader } from '../components/ui.js'

// A doctor who cannot work: cancel a day (or several) at once, or one appointment, with a reason.
// Every patient is emailed who cancelled, why, and a link to book again.
export default {
  name: 'DoctorTimeOffView',
  props: {},
  setup() {
    const form = reactive({ date_from: todayISO(), date_to: todayISO(), reason: '' })
    const errors = reactive({})
    const error = ref(null)
    const busy = ref(false)
    const result = ref(null)
    const single = reactive({ reason: '' })
    const { loader: upcoming, paging } = usePagedLoader((page) => api.get('/doctor/appointments', { ...page, scope: 'upcoming', order: 'time' }))
    const today = usePagedLoader((page) => api.get('/doctor/appointments', { ...page, scope: 'today', status: 'booked' })).loader

    async function cancelDays(event) {
      event.preventDefault()
      error.value = null
      const range = form.date_from === form.date_to ? formatDate(form.date_from) : `${formatDate(form.date_from)} to ${formatDate(form.date_to)}`
      const ok = await store.confirm({ title: 'Cancel these days?', message: `Every appointment on ${range} that has not started is cancelled, and each patient is emailed your reason. The free times close.`, confirmLabel: 'Cancel the days', cancelLabel: 'Go back', danger: true })
      if (!ok) return
      busy.value = true
      try {
        const data = await api.post('/doctor/days/cancel', { ...form, reason: form.reason.trim() })
        result.value = `${data.cancelled} appointment${data.cancelled === 1 ? '' : 's'} cancelled on ${range}; every patient has been emailed.`
        applyFieldErrors(errors, null)
        upcoming.reload()
        today.reload()
      } catch (err) {
        error.value = err
        applyFieldErrors(errors, err)
      } finally {
        busy.value = false
      }
    }

    async function cancelOne(appointment) {
      if (!single.reason.trim()) {
        store.notify('Write the reason first: the patient is told.', 'danger')
        return
      }
      const ok = await store.confirm({ title: 'Cancel this appointment?', message: `${patientName(appointment)}, ${formatDate(appointmentDate(appointment))} ${appointmentTime(appointment)}.`, confirmLabel: 'Cancel appointment', cancelLabel: 'Keep it', danger: true })
      if (!ok) return
      try {
        await api.post(`/doctor/appointments/${appointment.id}/cancel`, { reason: single.reason.trim() })
        store.notify('Cancelled; the patient has been emailed.')
        upcoming.reload()
        today.reload()
      } catch (err) {
        store.notifyError(err)
      }
    }

    const list = (loader, testid) =>
      stateView(loader, (data) =>
        dataTable([
          ['When', (a) => h('span', { class: 'text-nowrap' }, `${formatDate(appointmentDate(a), { weekday: 'short', day: 'numeric', month: 'short' })} ${appointmentTime(a)}`)],
          ['Patient', (a) => patientName(a)],
          [h('span', { class: 'visually-hidden' }, 'Cancel'), (a) => h('button', { type: 'button', class: 'btn btn-sm btn-outline-danger', 'data-testid': `cancel-one-${a.id}`, onClick: () => cancelOne(a) }, 'Cancel')],
        ], itemsOf(data), { testid, rowTestid: `${testid}-row`, caption: 'Appointments' }),
        { emptyText: 'No booked appointments.' })

    return () =>
      h('div', [
        pageHeader('Time off', 'Unwell or called away? Cancel your day and your patients are told at once.'),
        h('div', { class: 'grid-2' }, [
          card(
            h('form', { novalidate: true, onSubmit: cancelDays, 'data-testid': 'cancel-days-form' }, [
              formAlert(error.value),
              result.value ? h('p', { class: 'alert alert-success', role: 'status', 'data-testid': 'cancel-days-result' }, result.value) : null,
              h('div', { class: 'grid-2' }, [
                field(form, 'date_from', { label: 'From', type: 'date', errors, idPrefix: 'days', required: true, min: todayISO() }),
                field(form, 'date_to', { label: 'To', type: 'date', errors, idPrefix: 'days', required: true, min: form.date_from, max: addDays(form.date_from, 30) }),
              ]),
              field(form, 'reason', { label: 'Reason (sent to each patient)', type: 'textarea', rows: 2, errors, idPrefix: 'days', required: true, maxlength: 500, placeholder: 'The doctor is unwell today.' }),
              button('Cancel these days', { type: 'submit', variant: 'danger', busy: busy.value, testid: 'cancel-days-submit' }),
            ]),
            { title: 'Cancel whole days', testid: 'cancel-days' },
          ),
          card([
            field(single, 'reason', { label: 'Reason for a single cancellation', idPrefix: 'single', placeholder: 'I have to attend an emergency.' }),
            h('h3', { class: 'h6' }, 'Today'),
            list(today, 'today-list'),
            h('h3', { class: 'h6 mt-3' }, `Coming up${paging.total ? ` (${paging.total})` : ''}`),
            list(upcoming, 'upcoming-list'),
          ], { title: 'Cancel one appointment', testid: 'cancel-one' }),
        ]),
      ])
  },
}
