// Plain-words helpers for a symptom check: its answers, what was read, what was considered.
import { h } from 'vue'
import { localDigits, t } from '../i18n.js'

const LEVELS = new Set(['emergency', 'urgent', 'routine', 'self_care'])

export function answerLabel(question, value) {
  if (value === undefined || value === null) return '—'
  if (question && question.kind === 'yes_no') return String(value).toLowerCase() === 'yes' || value === true ? t('common.triage.yes') : t('common.triage.no')
  return localDigits(question && question.unit ? `${value} ${question.unit}` : String(value))
}

// Warning signs once each, whatever their case or spacing.
export function uniqueFlags(flags) {
  const seen = new Set()
  const out = []
  for (const flag of flags || []) {
    const key = String(flag).trim().toLowerCase().replace(/\s+/g, ' ')
    if (!key || seen.has(key)) continue
    seen.add(key)
    out.push(String(flag).trim())
  }
  return out
}

// "chest pain; no fever; breathlessness (not sure)" from the findings the engine read.
export function plainFindings(findings) {
  const lines = []
  const seen = new Set()
  for (const row of findings || []) {
    const name = String(row.name || '').replace(/_/g, ' ')
    let text = name
    if (row.experiencer && row.experiencer !== 'patient') text = t('common.triage.someone_else', { name })
    else if (row.negated) text = t('common.triage.negated', { name })
    else if (row.historical) text = t('common.triage.past', { name })
    else if (row.uncertain) text = t('common.triage.unsure', { name })
    if (!seen.has(text)) {
      seen.add(text)
      lines.push(text)
    }
  }
  return lines
}

// "Heart attack: considered, would be an emergency — ruled out (missing ...)" in plain words.
export function plainConditions(conditions, limit = 6) {
  const rows = [...(conditions || [])].sort((a, b) => Number(Boolean(b.plausible)) - Number(Boolean(a.plausible)))
  return rows.slice(0, limit).map((row) => {
    const level = LEVELS.has(row.level) ? t(`common.triage.level.${row.level}`) : row.level
    return row.plausible
      ? t('common.triage.fits', { name: row.name, level })
      : t('common.triage.does_not_fit', { name: row.name, why: row.why || t('common.triage.not_enough_signs') })
  })
}

// The questions and answers of one check, for history lists and the doctor's queue.
export function questionsAndAnswers(triage, { testid = 'triage-qa' } = {}) {
  const questions = (triage && triage.questions) || []
  const answers = (triage && triage.answers) || {}
  if (!questions.length) return null
  return h('ul', { class: 'small mb-0', 'data-testid': testid }, questions.map((question) =>
    h('li', { key: question.id }, [`${question.text} `, question.id in answers ? h('strong', answerLabel(question, answers[question.id])) : h('span', { class: 'text-secondary' }, t('common.triage.not_answered'))]),
  ))
}
