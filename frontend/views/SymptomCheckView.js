import { h, onBeforeUnmount, reactive, ref, watch } from 'vue'
import { RouterLink, useRouter } from 'vue-router'
import { api } from '../api.js'
import { store } from '../store.js'
import { URGENCY, applyFieldErrors, avatar, button, card, doctorName, field, formAlert, formatDate, formatTime, specializationName, urgencyBadge } from '../components/ui.js'

const EMERGENCY_NUMBER = '999'
const POLL_MS = 1000
const MAX_POLLS = 120

export default {
  name: 'SymptomCheckView',
  props: { id: { type: [String, Number], default: null } },
  setup(props) {
    const router = useRouter()
    const form = reactive({ symptoms: '', share_history: true })
    const errors = reactive({})
    const error = ref(null)
    const submitting = ref(false)
    const result = ref(null)
    const pollError = ref(null)
    const showDoctorsAfterEmergency = ref(false)
    const bookingSlotId = ref(null)
    let timer = null
    let polls = 0

    async function poll(id) {
      clearTimeout(timer)
      try {
        result.value = await api.get(`/patient/triage/${id}`)
        pollError.value = null
      } catch (err) {
        pollError.value = err
        if (err.status === 404) return
      }
      const status = result.value && result.value.status
      if (status !== 'done' && status !== 'failed' && ++polls < MAX_POLLS) timer = setTimeout(() => poll(id), POLL_MS)
      else if (status === 'done') store.notify('Your assessment is ready.')
    }

    watch(
      () => props.id,
      (id) => {
        polls = 0
        showDoctorsAfterEmergency.value = false
        if (id) {
          result.value = result.value && String(result.value.id) === String(id) ? result.value : { id, status: 'queued' }
          poll(id)
        } else {
          clearTimeout(timer)
          result.value = null
        }
      },
      { immediate: true },
    )
    onBeforeUnmount(() => clearTimeout(timer))

    async function submit(event) {
      event.preventDefault()
      error.value = null
      applyFieldErrors(errors, null)
      if (!form.symptoms.trim()) {
        errors.symptoms = 'Describe your symptoms in a few words.'
        return
      }
      submitting.value = true
      try {
        const data = await api.post('/patient/triage', { symptoms: form.symptoms.trim(), share_history: form.share_history })
        result.value = { id: data.id, status: data.status || 'queued' }
        store.notify('Assessment started.')
        router.push(`/patient/check/${data.id}`)
      } catch (err) {
        error.value = err
        applyFieldErrors(errors, err)
      } finally {
        submitting.value = false
      }
    }

    async function book(slot, doctor) {
      bookingSlotId.value = slot.id
      try {
        const appointment = await store.bookAppointment({ slot, doctor: doctorName(doctor), triageId: result.value.id })
        if (appointment) router.push('/patient/appointments')
      } catch (err) {
        store.notifyError(err)
      } finally {
        bookingSlotId.value = null
      }
    }

    function renderForm() {
      return card(
        h('form', { novalidate: true, onSubmit: submit, 'data-testid': 'triage-form' }, [
          formAlert(error.value),
          field(form, 'symptoms', {
            label: 'What are your symptoms?',
            type: 'textarea',
            rows: 5,
            maxlength: 2000,
            errors,
            idPrefix: 'triage',
            required: true,
            help: `For example: "headache and fever for two days, worse in the evening". ${form.symptoms.length}/2000 characters.`,
          }),
          field(form, 'share_history', {
            label: 'Share my medical history (allergies, conditions, medications) to improve the assessment',
            type: 'switch',
            errors,
            idPrefix: 'triage',
          }),
          h('div', { class: 'alert alert-warning small', role: 'note' }, [
            h('strong', 'In an emergency do not wait. '),
            `Call ${EMERGENCY_NUMBER} for chest pain, difficulty breathing, severe bleeding or signs of a stroke.`,
          ]),
          button('Check my symptoms', { type: 'submit', busy: submitting.value, testid: 'triage-submit' }),
        ]),
        { title: 'Describe how you feel' },
      )
    }

    function renderWaiting() {
      return h('section', { class: 'card cq-card', 'data-testid': 'triage-waiting', 'aria-busy': 'true' }, [
        h('div', { class: 'waiting-panel', role: 'status' }, [
          h('span', { class: 'pulse-dot', 'aria-hidden': 'true' }),
          h('div', [
            h('h2', { class: 'h5 mb-1' }, 'Assessing your symptoms…'),
            h('p', { class: 'mb-0 text-secondary' }, 'This usually takes a few seconds. You can stay on this page.'),
          ]),
        ]),
        pollError.value ? h('div', { class: 'px-3 pb-3' }, formAlert(pollError.value)) : null,
      ])
    }

    function renderDoctors(data) {
      const doctors = data.recommended_doctors || []
      // The API explains a fallback (e.g. General Medicine instead of the specialty) in a note.
      const note = data.recommendation_note && data.urgency !== 'emergency' ? h('p', { class: 'small text-secondary', 'data-testid': 'recommendation-note' }, data.recommendation_note) : null
      if (!doctors.length) {
        // No recommendations are made for an emergency: after emergency care the patient picks a follow-up here.
        const text = data.urgency === 'emergency' ? 'For a follow-up after emergency care, choose a doctor and a time.' : note ? null : 'No doctor of this specialty has free times right now.'
        return card(
          h('div', [
            note,
            text ? h('p', text) : null,
            h(RouterLink, { to: '/patient/doctors', class: 'btn btn-outline-primary btn-sm', 'data-testid': 'browse-doctors' }, () => 'Browse all doctors'),
          ]),
          { title: data.urgency === 'emergency' ? 'Doctors for a follow-up' : 'Recommended doctors', testid: 'recommended-doctors' },
        )
      }
      return card(
        [
          note,
          h(
            'div',
            { class: 'grid-2' },
            doctors.map((entry) => {
              const doctor = entry.doctor || entry
              const slots = entry.next_free_slots || []
              return h('div', { key: doctor.id, class: 'doctor-card border rounded-3 p-3', 'data-testid': 'recommended-doctor', 'data-doctor-id': doctor.id }, [
                h('div', { class: 'doctor-head' }, [
                  avatar(doctorName(doctor)),
                  h('div', [h('p', { class: 'doctor-name' }, doctorName(doctor)), h('p', { class: 'doctor-meta' }, [specializationName(doctor), doctor.experience_years ? ` · ${doctor.experience_years} years` : ''])]),
                ]),
                slots.length
                  ? h('div', [
                      h('p', { class: 'small fw-semibold mb-2' }, 'Next free times'),
                      h(
                        'div',
                        { class: 'slot-chips' },
                        slots.slice(0, 4).map((slot) => {
                          const text = `Book ${formatDate(slot.date, { weekday: 'short', day: 'numeric', month: 'short' })} ${formatTime(slot.start_time)}`
                          return h(
                            'button',
                            {
                              key: slot.id,
                              type: 'button',
                              class: 'btn btn-primary btn-sm',
                              disabled: bookingSlotId.value != null,
                              // The spoken name starts with the visible text, so voice control users can say what they see.
                              'aria-label': `${text} with ${doctorName(doctor)}`,
                              'data-testid': `book-slot-${slot.id}`,
                              'data-slot-id': slot.id,
                              onClick: () => book(slot, doctor),
                            },
                            text,
                          )
                        }),
                      ),
                    ])
                  : h('p', { class: 'small text-secondary mb-0' }, 'No free times in the next two weeks.'),
                h(RouterLink, { to: { path: `/patient/doctors/${doctor.id}`, query: { triage: data.id } }, class: 'small', 'data-testid': 'doctor-more-times' }, () => 'More times'),
              ])
            }),
          ),
        ],
        { title: 'Recommended doctors', testid: 'recommended-doctors' },
      )
    }

    function renderResult(data) {
      const urgency = data.urgency
      const info = URGENCY[urgency] || {}
      const flags = data.red_flags || []
      // The API sends a list of reasons (older answers: one sentence). Render copies: Vue
      // normalises a children array in place, and writing into this reactive array would
      // re-render the view forever.
      const rationale = Array.isArray(data.rationale) ? [...data.rationale] : data.rationale ? [data.rationale] : []
      const spec = typeof data.specialization === 'object' && data.specialization ? data.specialization.name : data.specialization
      const emergency = urgency === 'emergency'
      const number = data.emergency_number || EMERGENCY_NUMBER
      return h('div', { class: 'stack', 'data-testid': 'triage-result', 'data-urgency': urgency }, [
        emergency
          ? h('section', { class: 'emergency-panel', role: 'alert', 'data-testid': 'triage-emergency' }, [
              h('h2', { class: 'h3' }, [h('span', { 'aria-hidden': 'true' }, '⚠ '), 'This may be an emergency']),
              h('p', { class: 'fs-5' }, 'Call emergency services now or go to the nearest emergency department. Do not wait for an appointment.'),
              h('a', { class: 'emergency-number', href: `tel:${number}`, 'data-testid': 'emergency-number' }, `Call ${number}`),
            ])
          : null,
        h('section', { class: `card cq-card triage-result triage-${urgency}` }, [
          h('div', { class: 'card-body' }, [
            h('div', { class: 'd-flex flex-wrap align-items-center gap-3 mb-3' }, [
              urgencyBadge(urgency, { large: true }),
              info.hint ? h('strong', { 'data-testid': 'urgency-hint' }, info.hint) : null,
            ]),
            spec ? h('p', { class: 'mb-3' }, ['Recommended specialty: ', h('strong', { 'data-testid': 'triage-specialization' }, spec)]) : null,
            flags.length
              ? h('div', { class: 'mb-3' }, [h('h3', { class: 'h6' }, 'Warning signs we noticed'), h('ul', { class: 'red-flags', 'data-testid': 'red-flags' }, flags.map((flag, i) => h('li', { key: i }, flag)))])
              : null,
            data.advice ? h('div', { class: 'mb-3' }, [h('h3', { class: 'h6' }, 'What to do'), h('p', { class: 'mb-0', 'data-testid': 'triage-advice' }, data.advice)]) : null,
            rationale.length
              ? h('details', { class: 'mb-2' }, [
                  h('summary', 'Why this result'),
                  h('ul', { class: 'mt-2 mb-0', 'data-testid': 'triage-rationale' }, rationale.map((reason, i) => h('li', { key: i }, reason))),
                ])
              : null,
            data.fallback_reason
              ? h('p', { class: 'small text-secondary mb-0', 'data-testid': 'triage-fallback' }, 'This result comes from our standard clinical rules.')
              : null,
            h('p', { class: 'small text-secondary mt-3 mb-0' }, 'This assessment is guidance, not a diagnosis. If you feel worse, seek care straight away.'),
          ]),
        ]),
        emergency && !showDoctorsAfterEmergency.value
          ? h('div', [
              h(
                'button',
                { type: 'button', class: 'btn btn-link px-0', 'data-testid': 'emergency-show-doctors', onClick: () => (showDoctorsAfterEmergency.value = true) },
                'I have already been seen — show doctors for a follow-up',
              ),
            ])
          : renderDoctors(data),
        h('div', [h(RouterLink, { to: '/patient/check', class: 'btn btn-outline-secondary', 'data-testid': 'triage-new' }, () => 'Start a new check')]),
      ])
    }

    return () => {
      const current = result.value
      let body
      if (!props.id) body = renderForm()
      else if (!current || current.status === 'queued' || current.status === 'running' || !current.status) body = renderWaiting()
      else if (current.status === 'failed')
        body = h('div', { class: 'alert alert-danger', role: 'alert', 'data-testid': 'triage-failed' }, [
          h('p', 'We could not complete the assessment. If you feel very unwell, call ' + EMERGENCY_NUMBER + '.'),
          h(RouterLink, { to: '/patient/check', class: 'btn btn-outline-danger btn-sm' }, () => 'Try again'),
        ])
      else body = renderResult(current)
      return h('div', [pageHeader(), body])
    }

    function pageHeader() {
      return h('header', { class: 'page-header' }, [
        h('div', [
          h('h1', { class: 'page-title', tabindex: '-1', 'data-testid': 'page-title' }, 'Symptom check'),
          h('p', { class: 'page-subtitle' }, 'Tell us what is wrong and we will suggest how soon to be seen and by whom.'),
        ]),
      ])
    }
  },
}
