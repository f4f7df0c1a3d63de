import { h, reactive, ref, watch } from 'vue'
import { RouterLink } from 'vue-router'
import { api, itemsOf } from '../api.js'
import { store } from '../store.js'
import { t } from '../i18n.js'
import { questionsAndAnswers } from '../components/triage.js'
import SlotPicker from '../components/SlotPicker.js'
import {
  appointmentDate,
  appointmentTime,
  applyFieldErrors,
  button,
  field,
  formAlert,
  formatDate,
  formatTime,
  pageHeader,
  patientIdOf,
  patientName,
  stateView,
  statusBadge,
  urgencyBadge,
  urgencyRank,
  todayISO,
  useLoader,
} from '../components/ui.js'

const SCOPES = ['today', 'upcoming', 'past']
const SHORT_DAY = { weekday: 'short', day: 'numeric', month: 'short' }

// Most urgent first; within a level, earliest first.
function byUrgencyThenTime(a, b) {
  const rank = urgencyRank(a.triage && a.triage.urgency) - urgencyRank(b.triage && b.triage.urgency)
  if (rank) return rank
  return `${appointmentDate(a)} ${appointmentTime(a)}`.localeCompare(`${appointmentDate(b)} ${appointmentTime(b)}`)
}

export default {
  name: 'DoctorQueueView',
  props: {},
  setup() {
    const scope = ref('today')
    const completing = ref(null)
    const form = reactive({ diagnosis: '', prescription: '', notes: '', follow_up_date: '' })
    const errors = reactive({})
    const formError = ref(null)
    const saving = ref(false)
    const busyId = ref(null)
    // One appointment at a time is being cancelled or moved: { id, mode: 'cancel' | 'move' }.
    const changing = ref(null)
    const change = reactive({ reason: '' })
    const changeErrors = reactive({})
    // The "write the reason" message goes as soon as there is one.
    watch(() => change.reason, (reason) => { if (reason.trim()) delete changeErrors.reason })
    const appointments = useLoader(async () => {
      const list = itemsOf(await api.get('/doctor/appointments', { scope: scope.value, per_page: 100 }), 'appointments')
      if (scope.value === 'today') return [...list].sort((a, b) => (a.status === 'booked' ? 0 : 1) - (b.status === 'booked' ? 0 : 1) || byUrgencyThenTime(a, b))
      if (scope.value === 'past') return [...list].sort((a, b) => -byTime(a, b))
      return [...list].sort(byTime)
    })

    function byTime(a, b) {
      return `${appointmentDate(a)} ${appointmentTime(a)}`.localeCompare(`${appointmentDate(b)} ${appointmentTime(b)}`)
    }

    function selectScope(key) {
      scope.value = key
      completing.value = null
      appointments.data = null
      appointments.reload()
    }

    function startComplete(appointment) {
      changing.value = null
      completing.value = appointment.id
      Object.assign(form, { diagnosis: '', prescription: '', notes: '', follow_up_date: '' })
      applyFieldErrors(errors, null)
      formError.value = null
    }

    async function submitComplete(event, appointment) {
      event.preventDefault()
      applyFieldErrors(errors, null)
      formError.value = null
      if (!form.diagnosis.trim()) {
        errors.diagnosis = t('doctor.queue.diagnosis_required')
        return
      }
      saving.value = true
      const body = { diagnosis: form.diagnosis.trim(), prescription: form.prescription.trim(), notes: form.notes.trim() }
      if (form.follow_up_date) body.follow_up_date = form.follow_up_date
      try {
        await api.post(`/doctor/appointments/${appointment.id}/complete`, body)
        store.notify(t('doctor.queue.completed', { name: patientName(appointment) }))
        completing.value = null
        appointments.reload()
      } catch (err) {
        formError.value = err
        applyFieldErrors(errors, err)
      } finally {
        saving.value = false
      }
    }

    async function markNoShow(appointment) {
      const ok = await store.confirm({
        title: t('doctor.queue.no_show_title'),
        message: t('doctor.queue.no_show_message', { name: patientName(appointment), time: appointmentTime(appointment) }),
        confirmLabel: t('doctor.queue.no_show_confirm'),
        danger: true,
      })
      if (!ok) return
      busyId.value = appointment.id
      try {
        await api.post(`/doctor/appointments/${appointment.id}/no-show`)
        store.notify(t('doctor.queue.marked_no_show', { name: patientName(appointment) }))
        appointments.reload()
      } catch (err) {
        store.notifyError(err)
      } finally {
        busyId.value = null
      }
    }

    // A finished move or cancellation closes its own form only: on a slow connection the doctor may already
    // have opened another visit's form, and what they typed there must stay.
    function closeChange(appointment) {
      if (changing.value && changing.value.id === appointment.id) changing.value = null
    }

    function startChange(appointment, mode) {
      completing.value = null
      changing.value = { id: appointment.id, mode }
      change.reason = ''
      applyFieldErrors(changeErrors, null)
    }

    async function submitCancel(event, appointment) {
      event.preventDefault()
      applyFieldErrors(changeErrors, null)
      const reason = change.reason.trim()
      if (!reason) {
        changeErrors.reason = t('doctor.queue.cancel_reason_required')
        return
      }
      busyId.value = appointment.id
      try {
        await api.post(`/doctor/appointments/${appointment.id}/cancel`, { reason })
        store.notify(t('doctor.queue.cancelled', { time: appointmentTime(appointment), name: patientName(appointment) }))
        closeChange(appointment)
        appointments.reload()
      } catch (err) {
        applyFieldErrors(changeErrors, err)
        store.notifyError(err)
      } finally {
        busyId.value = null
      }
    }

    async function moveTo(appointment, slot) {
      const when = t('doctor.queue.date_at_time', { date: formatDate(slot.date), time: formatTime(slot.start_time) })
      const from = `${formatDate(appointmentDate(appointment))} ${appointmentTime(appointment)}`
      const ok = await store.confirm({
        title: t('doctor.queue.move_title'),
        message: t('doctor.queue.move_message', { name: patientName(appointment), from, to: when }),
        confirmLabel: t('doctor.queue.move_confirm'),
      })
      if (!ok) return
      busyId.value = appointment.id
      try {
        const body = { slot_id: slot.id }
        if (change.reason.trim()) body.reason = change.reason.trim()
        await api.post(`/doctor/appointments/${appointment.id}/reschedule`, body)
        store.notify(t('doctor.queue.moved', { name: patientName(appointment), when }))
        closeChange(appointment)
        appointments.reload()
      } catch (err) {
        store.notifyError(err)
      } finally {
        busyId.value = null
      }
    }

    function changeForm(a) {
      const c = changing.value
      if (!c || c.id !== a.id) return null
      if (c.mode === 'cancel') {
        return h('form', { class: 'mt-3 border-top pt-3', novalidate: true, onSubmit: (e) => submitCancel(e, a), 'data-testid': 'queue-cancel-form' }, [
          field(change, 'reason', { label: t('doctor.queue.cancel_reason'), type: 'textarea', rows: 2, errors: changeErrors, idPrefix: `cancel-${a.id}`, required: true }),
          h('div', { class: 'd-flex gap-2 flex-wrap' }, [
            button(t('doctor.queue.cancel_appointment'), { type: 'submit', variant: 'danger', busy: busyId.value === a.id, testid: 'queue-cancel-submit' }),
            button(t('doctor.queue.keep_it'), { variant: 'outline-secondary', onClick: () => (changing.value = null), testid: 'queue-cancel-keep' }),
          ]),
        ])
      }
      return h('div', { class: 'mt-3 border-top pt-3', 'data-testid': 'queue-move' }, [
        field(change, 'reason', { label: t('doctor.queue.move_reason'), idPrefix: `move-${a.id}` }),
        h('p', { class: 'small text-secondary mb-2' }, t('doctor.queue.choose_free_time')),
        h(SlotPicker, { key: `move-${a.id}`, doctorId: a.doctor_id, asPatient: false, actionLabel: t('doctor.queue.move_here'), busySlotId: null, onSelect: (slot) => moveTo(a, slot) }),
        h('div', { class: 'mt-2' }, [button(t('doctor.queue.keep_time'), { variant: 'outline-secondary', size: 'sm', onClick: () => (changing.value = null), testid: 'queue-move-keep' })]),
      ])
    }

    // When the outcome buttons wake up: a time today, or a time and a day later on.
    function notYetText(a) {
      const time = appointmentTime(a)
      if (appointmentDate(a) === todayISO()) return t('doctor.queue.available_from', { time })
      return t('doctor.queue.available_from_on', { time, date: formatDate(appointmentDate(a), SHORT_DAY) })
    }

    // The server says whether the visit has started (`outcome_possible`); older answers lack it.
    const canRecord = (a) => a.outcome_possible !== false

    function triageDetails(triage) {
      if (!triage) return h('p', { class: 'small text-secondary mb-0 mt-2' }, t('doctor.queue.no_triage'))
      const flags = triage.red_flags || []
      const spec = triage.specialization_label || (triage.specialization && typeof triage.specialization === 'object' ? triage.specialization.name : triage.specialization)
      return h('div', { class: 'triage-details', 'data-testid': 'queue-triage' }, [
        triage.symptoms ? h('p', { class: 'mb-1' }, [h('strong', t('doctor.queue.symptoms')), triage.symptoms]) : null,
        spec ? h('p', { class: 'mb-1' }, [h('strong', t('doctor.queue.suggested_specialty')), spec]) : null,
        flags.length ? h('p', { class: 'mb-1 text-danger' }, [h('strong', t('doctor.queue.warning_signs')), flags.join('; ')]) : null,
        triage.advice ? h('p', { class: 'mb-0' }, [h('strong', t('doctor.queue.advice_given')), triage.advice]) : null,
        triage.photo_url
          ? h('figure', { class: 'triage-photo mt-2 mb-1' }, [
              h('a', { href: triage.photo_url, target: '_blank', rel: 'noopener' }, h('img', { src: triage.photo_url, alt: t('doctor.queue.photo_alt'), 'data-testid': 'queue-triage-photo' })),
              h('figcaption', { class: 'small text-secondary' }, t('doctor.queue.photo_caption')),
            ])
          : null,
        (triage.questions || []).length ? h('div', { class: 'mt-1' }, [h('strong', t('doctor.queue.questions_asked')), questionsAndAnswers(triage, { testid: 'queue-triage-qa' })]) : null,
      ])
    }

    function completeForm(appointment) {
      const opts = (extra) => ({ errors, idPrefix: 'complete', ...extra })
      return h('form', { class: 'mt-3 border-top pt-3', novalidate: true, onSubmit: (e) => submitComplete(e, appointment), 'data-testid': 'complete-form' }, [
        formAlert(formError.value),
        h('div', { class: 'grid-2' }, [
          h('div', [
            field(form, 'diagnosis', opts({ label: t('doctor.queue.diagnosis'), required: true })),
            field(form, 'prescription', opts({ label: t('doctor.queue.prescription'), type: 'textarea', rows: 2 })),
          ]),
          h('div', [field(form, 'notes', opts({ label: t('doctor.queue.notes'), type: 'textarea', rows: 2 })), field(form, 'follow_up_date', opts({ label: t('doctor.queue.follow_up_date'), type: 'date' }))]),
        ]),
        h('div', { class: 'd-flex gap-2 flex-wrap' }, [
          button(t('doctor.queue.save_and_complete'), { type: 'submit', busy: saving.value, testid: 'complete-submit' }),
          button(t('doctor.queue.cancel'), { variant: 'outline-secondary', onClick: () => (completing.value = null), testid: 'complete-cancel' }),
        ]),
      ])
    }

    function queueItem(a) {
      const urgency = a.triage && a.triage.urgency
      const patientId = patientIdOf(a)
      return h('article', { key: a.id, class: `queue-item queue-${urgency || 'none'}`, 'data-testid': 'queue-item', 'data-id': a.id, 'data-urgency': urgency || 'none' }, [
        h('div', { class: 'appt-row' }, [
          h('div', { class: 'appt-when' }, [appointmentTime(a), h('small', formatDate(appointmentDate(a), SHORT_DAY))]),
          h('div', { class: 'appt-main' }, [h('div', { class: 'fw-semibold', 'data-testid': 'queue-patient' }, patientName(a)), a.reason ? h('div', { class: 'small text-secondary' }, a.reason) : null]),
          h('div', { class: 'd-flex align-items-center gap-2 flex-wrap' }, [urgencyBadge(urgency), statusBadge(a.status)]),
        ]),
        triageDetails(a.triage),
        h('div', { class: 'appt-actions mt-3' }, [
          patientId != null ? h(RouterLink, { to: `/doctor/patients/${patientId}`, class: 'btn btn-sm btn-outline-secondary', 'data-testid': `history-${a.id}` }, () => t('doctor.queue.patient_history')) : null,
          a.status === 'booked' && completing.value !== a.id
            ? h('button', { type: 'button', class: 'btn btn-sm btn-primary', disabled: !canRecord(a), 'aria-describedby': canRecord(a) ? undefined : `not-yet-${a.id}`, 'data-testid': `complete-${a.id}`, onClick: () => startComplete(a) }, t('doctor.queue.complete_visit'))
            : null,
          a.status === 'booked' && scope.value !== 'upcoming'
            ? h('button', { type: 'button', class: 'btn btn-sm btn-outline-danger', disabled: busyId.value === a.id || !canRecord(a), 'aria-describedby': canRecord(a) ? undefined : `not-yet-${a.id}`, 'data-testid': `no-show-${a.id}`, onClick: () => markNoShow(a) }, t('doctor.queue.no_show'))
            : null,
          a.status === 'booked'
            ? h('button', { type: 'button', class: 'btn btn-sm btn-outline-secondary', 'data-testid': `move-${a.id}`, onClick: () => startChange(a, 'move') }, t('doctor.queue.move'))
            : null,
          a.status === 'booked'
            ? h('button', { type: 'button', class: 'btn btn-sm btn-outline-danger', 'data-testid': `cancel-${a.id}`, onClick: () => startChange(a, 'cancel') }, t('doctor.queue.cancel_visit'))
            : null,
          // Outcomes describe a visit that has begun: until then the buttons wait, and say why.
          a.status === 'booked' && !canRecord(a)
            ? h('span', { id: `not-yet-${a.id}`, class: 'small text-secondary align-self-center', 'data-testid': `not-yet-${a.id}` }, notYetText(a))
            : null,
        ]),
        completing.value === a.id ? completeForm(a) : null,
        changeForm(a),
      ])
    }

    // Today: patients still to see first (most urgent first), then the visits already finished.
    function queueList(list) {
      if (scope.value !== 'today') return h('div', list.map(queueItem))
      const waiting = list.filter((a) => a.status === 'booked')
      const finished = list.filter((a) => a.status !== 'booked')
      return h('div', [
        waiting.length ? h('div', waiting.map(queueItem)) : h('p', { class: 'state-block state-empty', 'data-testid': 'queue-all-seen' }, t('doctor.queue.all_seen')),
        finished.length ? h('h2', { class: 'h6 text-secondary mt-4 mb-2', 'data-testid': 'queue-finished-title' }, t('doctor.queue.seen_today', { count: finished.length })) : null,
        finished.length ? h('div', { class: 'queue-finished' }, finished.map(queueItem)) : null,
      ])
    }

    return () =>
      h('div', [
        pageHeader(t('doctor.queue.title'), scope.value === 'today' ? t('doctor.queue.subtitle_today') : null, [button(t('doctor.queue.refresh'), { variant: 'outline-primary', onClick: () => appointments.reload(), testid: 'queue-refresh' })]),
        h(
          'div',
          { class: 'tabs-cq', role: 'tablist', 'aria-label': t('doctor.queue.tabs_label') },
          SCOPES.map((key) => h('button', { key, type: 'button', role: 'tab', 'aria-selected': scope.value === key ? 'true' : 'false', 'data-testid': `scope-${key}`, onClick: () => selectScope(key) }, t(`doctor.queue.scope.${key}`))),
        ),
        h('div', { role: 'tabpanel', 'data-testid': 'queue-list' }, [
          stateView(appointments, queueList, { emptyText: scope.value === 'today' ? t('doctor.queue.empty_today') : t('doctor.queue.empty') }),
        ]),
      ])
  },
}
