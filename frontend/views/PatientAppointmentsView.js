import { h, ref } from 'vue'
import { RouterLink, useRouter } from 'vue-router'
import { api, itemsOf } from '../api.js'
import { store } from '../store.js'
import { t } from '../i18n.js'
import { appointmentRow } from '../components/appointments.js'
import { appointmentDate, appointmentTime, doctorName, formatDate, pageHeader, stateView, useLoader } from '../components/ui.js'

// Each tab's label is appts.tab.<status>.
const TABS = ['booked', 'completed', 'cancelled', 'no_show']

export default {
  name: 'PatientAppointmentsView',
  props: {},
  setup() {
    const router = useRouter()
    const tab = ref('booked')
    const busyId = ref(null)
    const appointments = useLoader(async () => itemsOf(await api.get('/patient/appointments', { status: tab.value, per_page: 100 }), 'appointments'))

    function selectTab(key) {
      tab.value = key
      appointments.data = null
      appointments.reload()
    }

    async function cancel(appointment) {
      busyId.value = appointment.id
      try {
        const label = t('account.appointments.cancel_label', { doctor: doctorName(appointment), date: formatDate(appointmentDate(appointment)), time: appointmentTime(appointment) })
        if (await store.cancelAppointment({ appointmentId: appointment.id, label })) appointments.reload()
      } catch (error) {
        store.notifyError(error)
      } finally {
        busyId.value = null
      }
    }

    function reschedule(appointment) {
      const doctorId = (appointment.doctor && appointment.doctor.id) ?? appointment.doctor_id
      router.push({ path: `/patient/doctors/${doctorId}`, query: { reschedule: appointment.id } })
    }

    return () =>
      h('div', [
        pageHeader(t('appts.title'), t('appts.subtitle'), [h(RouterLink, { to: '/patient/doctors', class: 'btn btn-primary', 'data-testid': 'book-new' }, () => t('dashboard.book_visit'))]),
        h(
          'div',
          { class: 'tabs-cq', role: 'tablist', 'aria-label': t('account.appointments.tabs') },
          TABS.map((key) =>
            h('button', { key, type: 'button', role: 'tab', 'aria-selected': tab.value === key ? 'true' : 'false', 'data-testid': `tab-${key}`, onClick: () => selectTab(key) }, t(`appts.tab.${key}`)),
          ),
        ),
        h('section', { class: 'card cq-card', role: 'tabpanel' }, [
          h('div', { class: 'card-body' }, [
            stateView(
              appointments,
              (list) =>
                h(
                  'ul',
                  { class: 'cq-list', 'data-testid': 'appointment-list' },
                  list.map((a) =>
                    h(
                      'li',
                      { key: a.id },
                      appointmentRow(a, {
                        actions:
                          a.status === 'booked'
                            ? [
                                h('button', { type: 'button', class: 'btn btn-sm btn-outline-primary', disabled: busyId.value === a.id, 'data-testid': `reschedule-${a.id}`, onClick: () => reschedule(a) }, t('appts.reschedule')),
                                h('button', { type: 'button', class: 'btn btn-sm btn-outline-danger', disabled: busyId.value === a.id, 'data-testid': `cancel-${a.id}`, onClick: () => cancel(a) }, t('appts.cancel')),
                              ]
                            : [],
                      }),
                    ),
                  ),
                ),
              { emptyText: tab.value === 'booked' ? t('dashboard.no_upcoming') : t('appts.nothing') },
            ),
          ]),
        ]),
      ])
  },
}
