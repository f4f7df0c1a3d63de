import { h, reactive, watch } from 'vue'
import { api, itemsOf } from '../api.js'
import PagerControls from '../components/PagerControls.js'
import { appointmentDate, appointmentTime, card, dataTable, doctorName, field, formatDate, pageHeader, patientName, stateView, statusBadge, urgencyBadge, useLoader, usePagedLoader } from '../components/ui.js'

const STATUS_CHOICES = [
  { value: '', label: 'Any status' },
  { value: 'booked', label: 'Booked' },
  { value: 'completed', label: 'Completed' },
  { value: 'cancelled', label: 'Cancelled' },
  { value: 'no_show', label: 'No-show' },
]

export default {
  name: 'AdminAppointmentsView',
  props: {},
  setup() {
    const filters = reactive({ status: '', doctor_id: '', date_from: '', date_to: '' })
    const doctors = useLoader(async () => itemsOf(await api.get('/admin/doctors', { per_page: 100 }), 'doctors'))
    // A reversed range is the person's to fix, so it is said next to the date (no "Try again").
    const reversed = () => Boolean(filters.date_from && filters.date_to && filters.date_to < filters.date_from)
    const { loader: appointments, paging, goTo } = usePagedLoader((page) => {
      if (reversed()) return Promise.reject(Object.assign(new Error('The “To” date is before the “From” date.'), { status: 400 }))
      return api.get('/admin/appointments', { ...page, ...filters })
    })
    watch(() => ({ ...filters }), () => goTo(1))

    return () => {
      const doctorChoices = [{ value: '', label: 'Any doctor' }, ...(doctors.data || []).map((d) => ({ value: d.id, label: doctorName(d) }))]
      return h('div', [
        pageHeader('Appointments', 'Every booking in the clinic.'),
        card([
          h('form', { class: 'filter-bar', onSubmit: (e) => e.preventDefault(), 'aria-label': 'Filter appointments' }, [
            field(filters, 'status', { label: 'Status', type: 'select', choices: STATUS_CHOICES, idPrefix: 'appt-filter' }),
            field(filters, 'doctor_id', { label: 'Doctor', type: 'select', choices: doctorChoices, idPrefix: 'appt-filter' }),
            field(filters, 'date_from', { label: 'From', type: 'date', idPrefix: 'appt-filter' }),
            field(filters, 'date_to', { label: 'To', type: 'date', idPrefix: 'appt-filter', min: filters.date_from || undefined, errors: reversed() ? { date_to: 'Choose a date on or after “From”.' } : {} }),
          ]),
          stateView(
            appointments,
            (list) =>
              h('div', [
                dataTable(
                  [
                    ['When', (a) => h('span', { class: 'text-nowrap' }, `${formatDate(appointmentDate(a), { day: 'numeric', month: 'short', year: 'numeric' })} ${appointmentTime(a)}`)],
                    ['Patient', (a) => patientName(a)],
                    ['Doctor', (a) => doctorName(a)],
                    ['Urgency', (a) => { const level = a.urgency ?? (a.triage && a.triage.urgency); return level ? urgencyBadge(level) : h('span', { class: 'text-secondary' }, 'No symptom check') }],
                    ['Status', (a) => statusBadge(a.status)],
                  ],
                  list,
                  { testid: 'appointment-table', rowTestid: 'appointment-row', caption: 'Appointments' },
                ),
                h(PagerControls, { page: paging.page, perPage: paging.perPage, total: paging.total, onChange: goTo }),
              ]),
            { emptyText: 'No appointments match these filters.' },
          ),
        ]),
      ])
    }
  },
}
