import { h, nextTick, onBeforeUnmount, reactive, ref, watch } from 'vue'
import { RouterLink, useRouter } from 'vue-router'
import { api } from '../api.js'
import { store } from '../store.js'
import { localDigits, t } from '../i18n.js'
import { URGENCY, applyFieldErrors, avatar, button, card, doctorName, field, formAlert, formatDate, formatTime, specializationName, urgencyBadge } from '../components/ui.js'
import { answerLabel, plainConditions, plainFindings, uniqueFlags } from '../components/triage.js'
import { OfflineCheckResult, assessOffline } from '../components/offlineCheck.js'
import { NearbyResources } from '../components/resources.js'

const POLL_MS = 1000
const MAX_PHOTO_BYTES = 5 * 1024 * 1024
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
    const bookingError = ref(null)
    const notFound = ref(false)
    const answers = reactive({})
    const answering = ref(false)
    const answerError = ref(null)
    const detail = reactive({ text: '' })
    const detailErrors = reactive({})
    // With no connection: the offline red-flag check's answer, and the entry kept to send later.
    const offlineOutcome = ref(null)
    // An optional photo (a rash, a wound), sent before the check and named by its token.
    const photo = ref(null)
    // Status changes are announced in the page itself (role="status"), not with toasts that could cover
    // the booking buttons or the warning signs on a phone.
    let timer = null
    let polls = 0

    async function poll(id) {
      clearTimeout(timer)
      try {
        result.value = await api.get(`/patient/triage/${id}`)
        pollError.value = null
      } catch (err) {
        pollError.value = err
        if (err.status === 404) {
          notFound.value = true
          return
        }
      }
      const status = result.value && result.value.status
      if (status !== 'done' && status !== 'failed' && ++polls < MAX_POLLS) timer = setTimeout(() => poll(id), POLL_MS)
    }

    watch(
      () => props.id,
      (id) => {
        polls = 0
        if (id) offlineOutcome.value = null
        showDoctorsAfterEmergency.value = false
        notFound.value = false
        pollError.value = null
        answerError.value = null
        bookingError.value = null
        for (const key of Object.keys(answers)) delete answers[key]
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

    async function start(symptoms, shareHistory, withPhoto = false) {
      const body = { symptoms, share_history: shareHistory }
      if (withPhoto && photo.value) {
        body.photo_token = (await api.postRaw('/patient/triage/photos', photo.value, photo.value.type || 'application/octet-stream')).photo_token
      }
      const data = await api.post('/patient/triage', body)
      result.value = { id: data.id, status: data.status || 'queued' }
      router.push(`/patient/check/${data.id}`)
    }

    async function submit(event) {
      event.preventDefault()
      error.value = null
      applyFieldErrors(errors, null)
      if (!form.symptoms.trim()) {
        errors.symptoms = t('check.describe_error')
        return
      }
      if (photo.value && photo.value.size > MAX_PHOTO_BYTES) {
        errors.photo = t('check.photo_too_big')
        return
      }
      submitting.value = true
      try {
        if (!navigator.onLine) throw Object.assign(new Error('offline'), { status: 0 })
        await start(form.symptoms.trim(), form.share_history, true)
        photo.value = null
      } catch (err) {
        if (err.status === 0) {
          offlineOutcome.value = await assessOffline({ symptoms: form.symptoms.trim(), shareHistory: form.share_history, photo: photo.value })
          form.symptoms = ''
          photo.value = null
          return
        }
        error.value = err
        applyFieldErrors(errors, err)
      } finally {
        submitting.value = false
      }
    }

    // "Not understood": the patient adds detail and the check runs again on the whole description.
    async function submitDetail(event, data) {
      event.preventDefault()
      applyFieldErrors(detailErrors, null)
      if (!detail.text.trim()) {
        detailErrors.text = t('check.detail_error')
        return
      }
      submitting.value = true
      try {
        await start(`${data.symptoms}. ${detail.text.trim()}`.slice(0, 2000), data.share_history)
        detail.text = ''
      } catch (err) {
        applyFieldErrors(detailErrors, err)
        detailErrors.text = detailErrors.text || err.message
      } finally {
        submitting.value = false
      }
    }

    async function submitAnswers(event, data) {
      event.preventDefault()
      answerError.value = null
      const given = Object.fromEntries(Object.entries(answers).filter(([, value]) => value !== '' && value !== null && value !== undefined))
      if (!Object.keys(given).length) {
        answerError.value = { message: t('check.answer_error') }
        return
      }
      answering.value = true
      try {
        const updated = await api.post(`/patient/triage/${data.id}/answers`, { answers: given })
        for (const key of Object.keys(answers)) delete answers[key]
        result.value = updated
        if (updated.urgency === 'emergency') {
          await nextTick()
          const panel = document.querySelector('[data-testid="triage-emergency"]')
          if (panel) {
            panel.scrollIntoView({ block: 'start' })
            panel.focus({ preventScroll: true })
          }
        }
      } catch (err) {
        answerError.value = err
      } finally {
        answering.value = false
      }
    }

    async function book(slot, doctor) {
      bookingSlotId.value = slot.id
      bookingError.value = null
      try {
        const appointment = await store.bookAppointment({ slot, doctor: doctorName(doctor), triageId: result.value.id })
        if (appointment) router.push('/patient/appointments')
      } catch (err) {
        // Shown next to the doctors, where the patient is looking (a toast could cover the buttons on a phone).
        bookingError.value = err
      } finally {
        bookingSlotId.value = null
      }
    }

    function renderForm() {
      return card(
        h('form', { novalidate: true, onSubmit: submit, 'data-testid': 'triage-form' }, [
          formAlert(error.value),
          field(form, 'symptoms', {
            label: t('check.symptoms_label'),
            type: 'textarea',
            rows: 5,
            maxlength: 2000,
            errors,
            idPrefix: 'triage',
            required: true,
            help: t('check.symptoms_help', { count: form.symptoms.length }),
          }),
          field(form, 'share_history', {
            label: t('check.share_history'),
            type: 'switch',
            errors,
            idPrefix: 'triage',
          }),
          photoField(),
          h('div', { class: 'alert alert-warning small', role: 'note' }, [
            h('strong', t('check.emergency_note')),
            t('check.emergency_signs', { call: capitalize(store.emergencyCall) }),
          ]),
          button(t('check.submit'), { type: 'submit', busy: submitting.value, testid: 'triage-submit' }),
        ]),
        { title: t('check.form_title') },
      )
    }

    function photoField() {
      return h('div', { class: 'mb-3' }, [
        h('label', { class: 'form-label', for: 'triage-photo' }, t('check.photo_label')),
        h('input', { id: 'triage-photo', type: 'file', accept: 'image/jpeg,image/png,image/webp', class: `form-control${errors.photo ? ' is-invalid' : ''}`,
          'aria-describedby': 'triage-photo-help', 'data-testid': 'triage-photo',
          onChange: (event) => {
            delete errors.photo
            photo.value = event.target.files[0] || null
          } }),
        h('div', { id: 'triage-photo-help', class: 'form-text' }, t('check.photo_help')),
        errors.photo ? h('div', { class: 'invalid-feedback', 'data-testid': 'triage-photo-error' }, errors.photo) : null,
      ])
    }

    function renderWaiting() {
      return h('section', { class: 'card cq-card', 'data-testid': 'triage-waiting', 'aria-busy': 'true' }, [
        h('div', { class: 'waiting-panel', role: 'status' }, [
          h('span', { class: 'pulse-dot', 'aria-hidden': 'true' }),
          h('div', [
            h('h2', { class: 'h5 mb-1' }, t('check.waiting_title')),
            h('p', { class: 'mb-0 text-secondary' }, t('check.waiting_text')),
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
        const text = data.urgency === 'emergency' ? t('check.follow_up_text') : note ? null : t('check.no_doctor_free')
        return card(
          h('div', [
            note,
            text ? h('p', text) : null,
            h(RouterLink, { to: '/patient/doctors', class: 'btn btn-outline-primary btn-sm', 'data-testid': 'browse-doctors' }, () => t('check.browse_doctors')),
          ]),
          { title: data.urgency === 'emergency' ? t('check.follow_up_doctors') : t('check.recommended_doctors'), testid: 'recommended-doctors' },
        )
      }
      return card(
        [
          note,
          bookingError.value ? h('div', { 'data-testid': 'booking-error' }, formAlert(bookingError.value)) : null,
          h(
            'div',
            { class: 'grid-2' },
            doctors.map((entry) => {
              const doctor = entry.doctor || entry
              const slots = entry.next_free_slots || []
              return h('div', { key: doctor.id, class: 'doctor-card border rounded-3 p-3', 'data-testid': 'recommended-doctor', 'data-doctor-id': doctor.id }, [
                h('div', { class: 'doctor-head' }, [
                  avatar(doctorName(doctor)),
                  h('div', [h('p', { class: 'doctor-name' }, doctorName(doctor)), h('p', { class: 'doctor-meta' }, [specializationName(doctor), doctor.experience_years ? ` · ${t('find.years', { years: doctor.experience_years })}` : ''])]),
                ]),
                slots.length
                  ? h('div', [
                      h('p', { class: 'small fw-semibold mb-2' }, t('check.next_free')),
                      h(
                        'div',
                        { class: 'slot-chips' },
                        slots.slice(0, 4).map((slot) => {
                          const text = t('check.book_slot', { when: `${formatDate(slot.date, { weekday: 'short', day: 'numeric', month: 'short' })} ${formatTime(slot.start_time)}` })
                          return h(
                            'button',
                            {
                              key: slot.id,
                              type: 'button',
                              class: 'btn btn-primary btn-sm',
                              disabled: bookingSlotId.value != null,
                              // The spoken name starts with the visible text, so voice control users can say what they see.
                              'aria-label': t('check.book_slot_with', { slot: text, doctor: doctorName(doctor) }),
                              'data-testid': `book-slot-${slot.id}`,
                              'data-slot-id': slot.id,
                              onClick: () => book(slot, doctor),
                            },
                            text,
                          )
                        }),
                      ),
                    ])
                  : h('p', { class: 'small text-secondary mb-0' }, t('check.no_free_times')),
                h(RouterLink, { to: { path: `/patient/doctors/${doctor.id}`, query: { triage: data.id } }, class: 'small', 'data-testid': 'doctor-more-times' }, () => t('check.more_times')),
              ])
            }),
          ),
        ],
        { title: t('check.recommended_doctors'), testid: 'recommended-doctors' },
      )
    }

    function renderEmergencyPanel(number) {
      return h('section', { class: 'emergency-panel', role: 'alert', tabindex: '-1', 'data-testid': 'triage-emergency' }, [
        h('h2', { class: 'h3' }, [h('span', { 'aria-hidden': 'true' }, '⚠ '), t('check.emergency_title')]),
        h('p', { class: 'fs-5' }, t('check.emergency_text')),
        number
          ? h('a', { class: 'emergency-number', href: `tel:${number}`, 'data-testid': 'emergency-number' }, t('offline.call_button', { number: localDigits(number) }))
          : h('p', { class: 'fs-5 fw-bold mb-0', 'data-testid': 'emergency-number' }, t('check.call_emergency')),
        h(NearbyResources),
      ])
    }

    function renderNotUnderstood(data) {
      return h('section', { class: 'card cq-card border-warning', 'data-testid': 'triage-not-understood' }, [
        h('div', { class: 'card-body' }, [
          h('h2', { class: 'h5' }, t('check.more_detail_title')),
          h('p', t('check.not_understood')),
          h('form', { novalidate: true, onSubmit: (event) => submitDetail(event, data), 'data-testid': 'triage-detail-form' }, [
            field(detail, 'text', { label: t('check.more_detail'), type: 'textarea', rows: 3, maxlength: 1500, errors: detailErrors, idPrefix: 'triage-detail', required: true }),
            button(t('check.check_again'), { type: 'submit', busy: submitting.value, testid: 'triage-detail-submit' }),
          ]),
        ]),
      ])
    }

    function questionInput(question) {
      const id = `q-${question.id}`
      if (question.kind === 'yes_no') {
        return h('div', { class: 'd-flex gap-3', role: 'radiogroup', 'aria-labelledby': `${id}-label` }, ['yes', 'no'].map((value) =>
          h('div', { key: value, class: 'form-check' }, [
            h('input', { class: 'form-check-input', type: 'radio', name: id, id: `${id}-${value}`, value, checked: answers[question.id] === value,
              'data-testid': `answer-${question.id}-${value}`, onChange: () => (answers[question.id] = value) }),
            h('label', { class: 'form-check-label', for: `${id}-${value}` }, t(value === 'yes' ? 'common.triage.yes' : 'common.triage.no')),
          ]),
        ))
      }
      if (question.kind === 'choice') {
        return h('select', { class: 'form-select', id, 'aria-labelledby': `${id}-label`, value: answers[question.id] || '', 'data-testid': `answer-${question.id}`,
          onChange: (event) => (answers[question.id] = event.target.value) },
        [h('option', { value: '' }, t('check.choose')), ...(question.options || []).map((option) => h('option', { key: option, value: option }, (question.option_labels || {})[option] || option))])
      }
      return h('div', { class: 'input-group', style: 'max-width: 14rem' }, [
        h('input', { class: 'form-control', type: 'number', inputmode: 'decimal', step: 'any', id, 'aria-labelledby': `${id}-label`, value: answers[question.id] ?? '',
          'data-testid': `answer-${question.id}`, onInput: (event) => (answers[question.id] = event.target.value === '' ? '' : Number(event.target.value)) }),
        question.unit ? h('span', { class: 'input-group-text' }, question.unit) : null,
      ])
    }

    function renderQuestions(data) {
      const given = data.answers || {}
      const asked = (data.questions || []).filter((question) => question.id in given)
      const open = (data.questions || []).filter((question) => !(question.id in given))
      if (!asked.length && !open.length) return null
      return card(
        [
          asked.length
            ? h('div', { class: 'mb-3', 'data-testid': 'triage-answered' }, [
                open.length ? h('h3', { class: 'h6' }, t('check.your_answers')) : null,
                h('ul', { class: 'mb-0' }, asked.map((question) => h('li', { key: question.id }, [`${question.text} `, h('strong', answerLabel(question, given[question.id]))]))),
              ])
            : null,
          open.length
            ? h('form', { novalidate: true, onSubmit: (event) => submitAnswers(event, data), 'data-testid': 'triage-questions' }, [
                h('p', { class: 'small text-secondary' }, t('check.questions_optional')),
                ...open.map((question) =>
                  h('fieldset', { key: question.id, class: 'mb-3', 'data-testid': `question-${question.id}` }, [
                    h('legend', { class: 'fs-6 fw-semibold mb-1', id: `q-${question.id}-label` }, question.text),
                    questionInput(question),
                    h('p', { class: 'small text-secondary mb-0 mt-1' }, t('check.why_we_ask', { why: question.why })),
                  ]),
                ),
                answerError.value ? formAlert(answerError.value) : null,
                button(t('check.update_result'), { type: 'submit', busy: answering.value, testid: 'triage-answer-submit' }),
              ])
            : null,
        ],
        { title: open.length ? t('check.questions_title') : t('check.your_answers'), testid: 'triage-interview' },
      )
    }

    function renderWhy(data, rationale) {
      const read = plainFindings(data.findings)
      const considered = plainConditions(data.conditions)
      if (!rationale.length && !read.length && !considered.length) return null
      return h('details', { class: 'mb-2', 'data-testid': 'triage-why' }, [
        h('summary', t('check.why')),
        read.length ? h('p', { class: 'mt-2 mb-1', 'data-testid': 'triage-findings' }, around('check.read', 'findings', h('strong', read.join('; ')))) : null,
        considered.length
          ? h('div', { class: 'mb-1', 'data-testid': 'triage-conditions' }, [
              h('p', { class: 'mb-1' }, t('check.considered')),
              h('ul', { class: 'mb-1' }, considered.map((line, i) => h('li', { key: i }, line))),
            ])
          : null,
        rationale.length ? h('ul', { class: 'mt-2 mb-0 small text-secondary', 'data-testid': 'triage-rationale' }, rationale.map((reason, i) => h('li', { key: i }, reason))) : null,
      ])
    }

    function renderResult(data) {
      const urgency = data.urgency
      const info = URGENCY[urgency] || {}
      const flags = uniqueFlags(data.red_flags)
      // The API sends a list of reasons (older answers: one sentence). Render copies: Vue
      // normalises a children array in place, and writing into this reactive array would
      // re-render the view forever.
      const rationale = Array.isArray(data.rationale) ? [...data.rationale] : data.rationale ? [data.rationale] : []
      // The specialty in the patient's language when the API sends it (the name stays the key for doctors).
      const spec = data.specialization_label || (typeof data.specialization === 'object' && data.specialization ? data.specialization.name : data.specialization)
      const emergency = urgency === 'emergency'
      const number = data.emergency_number || store.config.emergency_number
      return h('div', { class: 'stack', 'data-testid': 'triage-result', 'data-urgency': urgency }, [
        emergency ? renderEmergencyPanel(number) : null,
        data.understood === false ? renderNotUnderstood(data) : null,
        h('section', { class: `card cq-card triage-result triage-${urgency}` }, [
          h('div', { class: 'card-body' }, [
            h('div', { class: 'd-flex flex-wrap align-items-center gap-3 mb-3' }, [
              urgencyBadge(urgency, { large: true }),
              info.hint ? h('strong', { 'data-testid': 'urgency-hint' }, info.hint) : null,
            ]),
            data.first_urgency && data.first_urgency !== urgency
              ? h('p', { class: 'small', 'data-testid': 'triage-raised' }, t('check.raised', { level: (URGENCY[data.first_urgency] || {}).label || data.first_urgency }))
              : null,
            spec ? h('p', { class: 'mb-3' }, [t('check.recommended_specialty'), h('strong', { 'data-testid': 'triage-specialization' }, spec)]) : null,
            flags.length
              ? h('div', { class: 'mb-3' }, [h('h3', { class: 'h6' }, t('check.warning_signs')), h('ul', { class: 'red-flags', 'data-testid': 'red-flags' }, flags.map((flag) => h('li', { key: flag }, flag)))])
              : null,
            data.advice ? h('div', { class: 'mb-3' }, [h('h3', { class: 'h6' }, t('check.what_to_do')), h('p', { class: 'mb-0', 'data-testid': 'triage-advice' }, data.advice)]) : null,
            data.photo_url
              ? h('figure', { class: 'triage-photo mb-3' }, [
                  h('img', { src: data.photo_url, alt: t('check.photo_alt'), 'data-testid': 'triage-photo-shown' }),
                  h('figcaption', { class: 'small text-secondary' }, t('check.photo_caption')),
                ])
              : null,
            renderWhy(data, rationale),
            data.fallback_reason
              ? h('p', { class: 'small text-secondary mb-0', 'data-testid': 'triage-fallback' }, t('check.from_rules'))
              : null,
            h('p', { class: 'small text-secondary mt-3 mb-0' }, t('check.guidance')),
          ]),
        ]),
        renderQuestions(data),
        emergency && !showDoctorsAfterEmergency.value
          ? h('div', [
              h(
                'button',
                { type: 'button', class: 'btn btn-link px-0', 'data-testid': 'emergency-show-doctors', onClick: () => (showDoctorsAfterEmergency.value = true) },
                t('check.show_follow_up'),
              ),
            ])
          : renderDoctors(data),
        h('div', { class: 'd-flex flex-wrap gap-2' }, [
          h(RouterLink, { to: '/patient/check', class: 'btn btn-outline-secondary', 'data-testid': 'triage-new' }, () => t('check.new')),
          h(RouterLink, { to: '/patient/check/history', class: 'btn btn-link', 'data-testid': 'triage-history-link' }, () => t('check.all_past')),
        ]),
      ])
    }

    function renderNotFound() {
      return h('div', { class: 'alert alert-warning', role: 'alert', 'data-testid': 'triage-not-found' }, [
        h('p', t('check.not_found')),
        h('div', { class: 'd-flex flex-wrap gap-2' }, [
          h(RouterLink, { to: '/patient/check', class: 'btn btn-outline-secondary btn-sm' }, () => t('check.new')),
          h(RouterLink, { to: '/patient/check/history', class: 'btn btn-link btn-sm' }, () => t('check.all_past')),
        ]),
      ])
    }

    return () => {
      const current = result.value
      let body
      if (!props.id && offlineOutcome.value) body = h(OfflineCheckResult, { outcome: offlineOutcome.value, key: offlineOutcome.value.entry.client_id })
      else if (!props.id) body = renderForm()
      else if (notFound.value) body = renderNotFound()
      else if (!current || current.status === 'queued' || current.status === 'running' || !current.status) body = renderWaiting()
      else if (current.status === 'failed')
        body = h('div', { class: 'alert alert-danger', role: 'alert', 'data-testid': 'triage-failed' }, [
          h('p', t('check.failed', { call: store.emergencyCall })),
          h(RouterLink, { to: '/patient/check', class: 'btn btn-outline-danger btn-sm' }, () => t('ui.try_again')),
        ])
      else body = renderResult(current)
      return h('div', [pageHeader(), body])
    }

    function pageHeader() {
      return h('header', { class: 'page-header' }, [
        h('div', [
          h('h1', { class: 'page-title', tabindex: '-1', 'data-testid': 'page-title' }, t('check.title')),
          h('p', { class: 'page-subtitle' }, t('check.subtitle')),
        ]),
        h('div', { class: 'page-actions' }, [h(RouterLink, { to: '/patient/check/history', class: 'btn btn-outline-secondary btn-sm', 'data-testid': 'triage-history' }, () => t('check.past'))]),
      ])
    }
  },
}

// A message with an element inside it ("What we read: <strong>…</strong>."): the words either side come
// from the catalogue, so each language puts the element where its grammar wants it.
function around(key, name, node) {
  const [before, after = ''] = t(key).split(`{${name}}`)
  return [before, node, after]
}

function capitalize(text) {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
