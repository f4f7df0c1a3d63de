import { h, reactive, ref } from 'vue'
import { RouterLink, useRoute, useRouter } from 'vue-router'
import { getDoctor } from '../api.js'
import { store } from '../store.js'
import { t } from '../i18n.js'
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
          store.notify(t('common.doctor_page.patients_only'), 'danger')
          return
        }
        store.notify(t('common.doctor_page.log_in_first'))
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
        h(RouterLink, { to: listPath(), class: 'd-inline-block mb-3' }, () => t('common.doctor_page.all_doctors')),
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
                ? h('div', { class: 'alert alert-info', role: 'status', 'data-testid': 'reschedule-banner' }, t('common.doctor_page.reschedule_banner'))
                : null,
              h('div', { class: 'grid-2' }, [
                card(
                  [
                    definitionList([
                      [t('common.doctor_page.specialty'), specializationName(d)],
                      [t('common.doctor_page.qualification'), d.qualification],
                      [t('common.doctor_page.experience'), d.experience_years != null ? t('common.doctor_page.years', { years: d.experience_years }) : null],
                      [t('common.doctor_page.fee'), d.fee != null ? formatMoney(d.fee) : null],
                    ]),
                    d.bio ? h('p', { class: 'mt-3 mb-0' }, d.bio) : null,
                  ],
                  { title: t('common.doctor_page.about') },
                ),
                !asPatient() && !store.user
                  ? card(
                      [
                        h('p', t('common.doctor_page.booking_text')),
                        h('div', { class: 'd-flex gap-2 flex-wrap' }, [
                          h(RouterLink, { to: { path: '/login', query: { redirect: `/patient/doctors/${props.id}` } }, class: 'btn btn-primary', 'data-testid': 'login-to-book' }, () => t('common.doctor_page.log_in_to_book')),
                          h(RouterLink, { to: '/register', class: 'btn btn-outline-primary' }, () => t('common.doctor_page.create_account')),
                        ]),
                      ],
                      { title: t('common.doctor_page.booking') },
                    )
                  : rescheduleId() || !asPatient()
                  ? null
                  : card(field(form, 'reason', { label: t('common.doctor_page.reason'), type: 'textarea', rows: 3, maxlength: 500, idPrefix: 'booking', wrapperClass: 'mb-0' }), { title: t('common.doctor_page.your_visit') }),
              ]),
              card(h(SlotPicker, { key: pickerKey.value, doctorId: props.id, asPatient: asPatient(), busySlotId: busySlotId.value, actionLabel: rescheduleId() ? t('common.slots.move_to') : t('common.slots.book'), onSelect: choose }), {
                title: rescheduleId() ? t('common.doctor_page.choose_new_time') : t('common.doctor_page.choose_time'),
                testid: 'doctor-slots',
              }),
            ]),
          { isEmpty: () => false, loadingText: t('common.doctor_page.loading') },
        ),
      ])
  },
}
