import { h, reactive, ref } from 'vue'
import { RouterLink, useRoute, useRouter } from 'vue-router'
import { getDoctor } from '../api.js'
import { store } from '../store.js'
import SlotPicker from '../components/SlotPicker.js'
import { avatar, card, definitionList, doctorName, field, formatMoney, stateView, specializationName, useLoader } from '../components/ui.js'

export default {
  name: 'DoctorDetailView',
  props: { id: { type: [String, Number], required: true } },
  setup(props) {
    const route = useRoute()
    const router = useRouter()
    const asPatient = () => store.role === 'patient'
    const listPath = () => (route.path.startsWith('/patient') ? '/patient/doctors' : '/doctors')
    const doctor = useLoader(() => getDoctor(props.id, { asPatient: asPatient() }))
    const form = reactive({ reason: '' })
    const busySlotId = ref(null)
    const pickerKey = ref(0)

    const rescheduleId = () => route.query.reschedule
    const triageId = () => route.query.triage

    async function choose(slot) {
      // Looking is open to everyone; booking needs a patient's login, then comes back here.
      if (!asPatient()) {
        if (store.user) {
          store.notify('Booking is for patients: log in with a patient account to book.', 'danger')
          return
        }
        store.notify('Log in or create an account to book this time.')
        router.push({ path: '/login', query: { redirect: `/patient/doctors/${props.id}` } })
        return
      }
      busySlotId.value = slot.id
      const name = doctorName(doctor.data)
      try {
        const done = rescheduleId()
          ? await store.rescheduleAppointment({ appointmentId: rescheduleId(), slot, doctor: name })
          : await store.bookAppointment({ slot, doctor: name, triageId: triageId(), reason: form.reason.trim() })
        if (done) router.push('/patient/appointments')
      } catch (error) {
        store.notifyError(error)
        if (error.status === 409) pickerKey.value++
      } finally {
        busySlotId.value = null
      }
    }

    return () =>
      h('div', [
        h(RouterLink, { to: listPath(), class: 'd-inline-block mb-3' }, () => '‹ All doctors'),
        stateView(
          doctor,
          (d) =>
            h('div', { class: 'stack' }, [
              h('header', { class: 'page-header' }, [
                h('div', { class: 'doctor-head' }, [
                  avatar(doctorName(d)),
                  h('div', [h('h1', { class: 'page-title', tabindex: '-1', 'data-testid': 'page-title' }, doctorName(d)), h('p', { class: 'page-subtitle' }, specializationName(d))]),
                ]),
              ]),
              rescheduleId()
                ? h('div', { class: 'alert alert-info', role: 'status', 'data-testid': 'reschedule-banner' }, 'Pick a new time for your appointment. Your current time stays booked until the new one is confirmed.')
                : null,
              h('div', { class: 'grid-2' }, [
                card(
                  [
                    definitionList([
                      ['Specialty', specializationName(d)],
                      ['Qualification', d.qualification],
                      ['Experience', d.experience_years != null ? `${d.experience_years} years` : null],
                      ['Fee', d.fee != null ? formatMoney(d.fee) : null],
                    ]),
                    d.bio ? h('p', { class: 'mt-3 mb-0' }, d.bio) : null,
                  ],
                  { title: 'About' },
                ),
                !asPatient() && !store.user
                  ? card(
                      [
                        h('p', 'Pick a time below, then log in to confirm it. New here? Creating an account takes a minute.'),
                        h('div', { class: 'd-flex gap-2 flex-wrap' }, [
                          h(RouterLink, { to: { path: '/login', query: { redirect: `/patient/doctors/${props.id}` } }, class: 'btn btn-primary', 'data-testid': 'login-to-book' }, () => 'Log in to book'),
                          h(RouterLink, { to: '/register', class: 'btn btn-outline-primary' }, () => 'Create an account'),
                        ]),
                      ],
                      { title: 'Booking' },
                    )
                  : rescheduleId() || !asPatient()
                  ? null
                  : card(field(form, 'reason', { label: 'Reason for the visit (optional)', type: 'textarea', rows: 3, maxlength: 500, idPrefix: 'booking', wrapperClass: 'mb-0' }), { title: 'Your visit' }),
              ]),
              card(h(SlotPicker, { key: pickerKey.value, doctorId: props.id, asPatient: asPatient(), busySlotId: busySlotId.value, actionLabel: rescheduleId() ? 'Move to' : 'Book', onSelect: choose }), {
                title: rescheduleId() ? 'Choose a new time' : 'Choose a time',
                testid: 'doctor-slots',
              }),
            ]),
          { isEmpty: () => false, loadingText: 'Loading doctor…' },
        ),
      ])
  },
}
