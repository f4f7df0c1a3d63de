// Render helpers for appointments and triage summaries, used by several views.
import { h } from 'vue'
import { appointmentDate, appointmentTime, avatar, doctorName, formatDate, patientName, specializationName, statusBadge, urgencyBadge } from './ui.js'
import { t } from '../i18n.js'

export function appointmentRow(appointment, { audience = 'patient', actions = [] } = {}) {
  const who = audience === 'patient' ? doctorName(appointment) : patientName(appointment)
  const detail = audience === 'patient' ? specializationName(appointment) : appointment.reason
  return h('div', { class: 'appt-row', 'data-testid': 'appointment-row', 'data-id': appointment.id, 'data-status': appointment.status }, [
    h('div', { class: 'appt-when' }, [formatDate(appointmentDate(appointment), { weekday: 'short', day: 'numeric', month: 'short' }), h('small', appointmentTime(appointment))]),
    avatar(who),
    h('div', { class: 'appt-main' }, [
      h('div', { class: 'fw-semibold' }, who),
      detail ? h('div', { class: 'small text-secondary' }, detail) : null,
    ]),
    h('div', { class: 'd-flex align-items-center gap-2' }, [appointment.triage ? urgencyBadge(appointment.triage.urgency) : null, statusBadge(appointment.status)]),
    actions.length ? h('div', { class: 'appt-actions' }, actions) : null,
  ])
}

export function treatmentBlock(treatment) {
  const doctor = doctorName(treatment)
  const date = treatment.date || treatment.appointment_date || (treatment.appointment && treatment.appointment.date) || treatment.created_at
  return h('article', { class: 'card cq-card', 'data-testid': 'treatment', 'data-id': treatment.id }, [
    h('div', { class: 'card-body' }, [
      h('div', { class: 'd-flex flex-wrap justify-content-between gap-2 mb-2' }, [
        h('h3', { class: 'h6 mb-0' }, treatment.diagnosis || t('treat.visit')),
        h('span', { class: 'small text-secondary' }, [formatDate(date), doctor && doctor !== t('common.doctor') ? ` · ${doctor}` : '']),
      ]),
      h('dl', { class: 'cq-dl' }, [
        // Prescriptions and notes keep the lines the doctor wrote.
        ...(treatment.prescription ? [h('dt', t('treat.prescription')), h('dd', { class: 'pre-line', 'data-testid': 'treatment-prescription' }, treatment.prescription)] : []),
        ...(treatment.notes ? [h('dt', t('treat.notes')), h('dd', { class: 'pre-line' }, treatment.notes)] : []),
        ...(treatment.follow_up_date ? [h('dt', t('treat.follow_up')), h('dd', formatDate(treatment.follow_up_date))] : []),
      ]),
    ]),
  ])
}
