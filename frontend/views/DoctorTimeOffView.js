import { h, reactive, ref } from 'vue'
import { api, itemsOf } from '../api.js'
import { store } from '../store.js'
import { t } from '../i18n.js'
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
      const range = form.date_from === form.date_to ? formatDate(form.date_from) : t('doctor.time_off.range', { from: formatDate(form.date_from), to: formatDate(form.date_to) })
      const ok = await store.confirm({
        title: t('doctor.time_off.days_confirm_title'),
        message: t('doctor.time_off.days_confirm_message', { range }),
        confirmLabel: t('doctor.time_off.days_confirm'),
        cancelLabel: t('doctor.time_off.go_back'),
        danger: true,
      })
      if (!ok) return
      busy.value = true
      try {
        const data = await api.post('/doctor/days/cancel', { ...form, reason: form.reason.trim() })
        result.value = t(data.cancelled === 1 ? 'doctor.time_off.days_cancelled_one' : 'doctor.time_off.days_cancelled', { count: data.cancelled, range })
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
        store.notify(t('doctor.time_off.reason_first'), 'danger')
        return
      }
      const ok = await store.confirm({
        title: t('doctor.time_off.one_confirm_title'),
        message: t('doctor.time_off.one_confirm_message', { name: patientName(appointment), date: formatDate(appointmentDate(appointment)), time: appointmentTime(appointment) }),
        confirmLabel: t('doctor.time_off.one_confirm'),
        cancelLabel: t('doctor.time_off.keep_it'),
        danger: true,
      })
      if (!ok) return
      try {
        await api.post(`/doctor/appointments/${appointment.id}/cancel`, { reason: single.reason.trim() })
        store.notify(t('doctor.time_off.one_cancelled'))
        upcoming.reload()
        today.reload()
      } catch (err) {
        store.notifyError(err)
      }
    }

    const list = (loader, testid) =>
      stateView(loader, (data) =>
        dataTable([
          [t('doctor.time_off.when'), (a) => h('span', { class: 'text-nowrap' }, `${formatDate(appointmentDate(a), { weekday: 'short', day: 'numeric', month: 'short' })} ${appointmentTime(a)}`)],
          [t('doctor.time_off.patient'), (a) => patientName(a)],
          [h('span', { class: 'visually-hidden' }, t('doctor.time_off.cancel')), (a) => h('button', { type: 'button', class: 'btn btn-sm btn-outline-danger', 'data-testid': `cancel-one-${a.id}`, onClick: () => cancelOne(a) }, t('doctor.time_off.cancel'))],
        ], itemsOf(data), { testid, rowTestid: `${testid}-row`, caption: t('doctor.time_off.appointments') }),
        { emptyText: t('doctor.time_off.none') })

    return () =>
      h('div', [
        pageHeader(t('doctor.time_off.title'), t('doctor.time_off.subtitle')),
        h('div', { class: 'grid-2' }, [
          card(
            h('form', { novalidate: true, onSubmit: cancelDays, 'data-testid': 'cancel-days-form' }, [
              formAlert(error.value),
              result.value ? h('p', { class: 'alert alert-success', role: 'status', 'data-testid': 'cancel-days-result' }, result.value) : null,
              // Side by side where they fit, one above the other on a phone (no grid gap on top of each field's margin).
              h('div', { class: 'row gx-3' }, [
                h('div', { class: 'col-sm-6' }, field(form, 'date_from', { label: t('doctor.time_off.from'), type: 'date', errors, idPrefix: 'days', required: true, min: todayISO() })),
                h('div', { class: 'col-sm-6' }, field(form, 'date_to', { label: t('doctor.time_off.to'), type: 'date', errors, idPrefix: 'days', required: true, min: form.date_from, max: addDays(form.date_from, 30) })),
              ]),
              field(form, 'reason', { label: t('doctor.time_off.reason'), type: 'textarea', rows: 2, errors, idPrefix: 'days', required: true, maxlength: 500, placeholder: t('doctor.time_off.reason_placeholder') }),
              button(t('doctor.time_off.cancel_days'), { type: 'submit', variant: 'danger', busy: busy.value, testid: 'cancel-days-submit' }),
            ]),
            { title: t('doctor.time_off.days_title'), testid: 'cancel-days' },
          ),
          card([
            field(single, 'reason', { label: t('doctor.time_off.single_reason'), idPrefix: 'single', placeholder: t('doctor.time_off.single_placeholder') }),
            h('h3', { class: 'h6' }, t('doctor.time_off.today')),
            list(today, 'today-list'),
            h('h3', { class: 'h6 mt-3' }, paging.total ? t('doctor.time_off.coming_up_count', { count: paging.total }) : t('doctor.time_off.coming_up')),
            list(upcoming, 'upcoming-list'),
          ], { title: t('doctor.time_off.one_title'), testid: 'cancel-one' }),
        ]),
      ])
  },
}
