import { h, reactive, watch } from 'vue'
import { api, itemsOf } from '../api.js'
import PagerControls from '../components/PagerControls.js'
import { t } from '../i18n.js'
import { appointmentDate, appointmentTime, card, dataTable, doctorName, field, formatDate, pageHeader, patientName, stateView, statusBadge, urgencyBadge, useLoader, usePagedLoader } from '../components/ui.js'

const STATUSES = ['booked', 'completed', 'cancelled', 'no_show']
const statusChoices = () => [{ value: '', label: t('admin.appts.any_status') }, ...STATUSES.map((status) => ({ value: status, label: t(`status.${status}`) }))]

export default {
  name: 'AdminAppointmentsView',
  props: {},
  setup() {
    const filters = reactive({ status: '', doctor_id: '', date_from: '', date_to: '' })
    const doctors = useLoader(async () => itemsOf(await api.get('/admin/doctors', { per_page: 100 }), 'doctors'))
    // A reversed range is the person's to fix, so it is said next to the date (no "Try again").
    const reversed = () => Boolean(filters.date_from && filters.date_to && filters.date_to < filters.date_from)
    const { loader: appointments, paging, goTo } = usePagedLoader((page) => {
      if (reversed()) return Promise.reject(Object.assign(new Error(t('admin.appts.reversed')), { status: 400 }))
      return api.get('/admin/appointments', { ...page, ...filters })
    })
    watch(() => ({ ...filters }), () => goTo(1))

    return () => {
      const doctorChoices = [{ value: '', label: t('admin.appts.any_doctor') }, ...(doctors.data || []).map((d) => ({ value: d.id, label: doctorName(d) }))]
      return h('div', [
        pageHeader(t('admin.appts.title'), t('admin.appts.subtitle')),
        card([
          h('form', { class: 'filter-bar', onSubmit: (e) => e.preventDefault(), 'aria-label': t('admin.appts.filter') }, [
            field(filters, 'status', { label: t('admin.status'), type: 'select', choices: statusChoices(), idPrefix: 'appt-filter' }),
            field(filters, 'doctor_id', { label: t('admin.doctor'), type: 'select', choices: doctorChoices, idPrefix: 'appt-filter' }),
            field(filters, 'date_from', { label: t('admin.from'), type: 'date', idPrefix: 'appt-filter' }),
            field(filters, 'date_to', { label: t('admin.to'), type: 'date', idPrefix: 'appt-filter', min: filters.date_from || undefined, errors: reversed() ? { date_to: t('admin.appts.choose_later') } : {} }),
          ]),
          stateView(
            appointments,
            (list) =>
              h('div', [
                dataTable(
                  [
                    [t('admin.when'), (a) => h('span', { class: 'text-nowrap' }, `${formatDate(appointmentDate(a), { day: 'numeric', month: 'short', year: 'numeric' })} ${appointmentTime(a)}`)],
                    [t('admin.patient'), (a) => patientName(a)],
                    [t('admin.doctor'), (a) => doctorName(a)],
                    [t('admin.appts.urgency'), (a) => { const level = a.urgency ?? (a.triage && a.triage.urgency); return level ? urgencyBadge(level) : h('span', { class: 'text-secondary' }, t('admin.appts.no_check')) }],
                    [t('admin.status'), (a) => statusBadge(a.status)],
                  ],
                  list,
                  { testid: 'appointment-table', rowTestid: 'appointment-row', caption: t('admin.appts.title') },
                ),
                h(PagerControls, { page: paging.page, perPage: paging.perPage, total: paging.total, onChange: goTo }),
              ]),
            { emptyText: t('admin.appts.empty') },
          ),
        ]),
      ])
    }
  },
}
