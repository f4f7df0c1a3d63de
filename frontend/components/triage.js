// Plain-words helpers for a symptom check: its answers, what was read, what was considered.
import { h } from 'vue'

const LEVEL_WORDS = { emergency: 'an emergency', urgent: 'urgent', routine: 'routine', self_care: 'self-care' }

export function answerLabel(question, value) {
  if (value === undefined || value === null) return '—'
  if (question && question.kind === 'yes_no') return String(value).toLowerCase() === 'yes' || value === true ? 'Yes' : 'No'
  return question && question.unit ? `${value} ${question.unit}` : String(value)
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
    if (row.experiencer && row.experiencer !== 'patient') text = `${name} (someone else's)`
    else if (row.negated) text = `no ${name}`
    else if (row.historical) text = `${name} (in the past)`
    else if (row.uncertain) text = `${name} (not sure)`
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
    const level = LEVEL_WORDS[row.level] || row.level
    return row.plausible ? `${row.name}: fits what you described (${level})` : `${row.name}: considered, but does not fit (${row.why || 'not enough signs'})`
  })
}

// The questions and answers of one check, for history lists and the doctor's queue.
export function questionsAndAnswers(triage, { testid = 'triage-qa' } = {}) {
  const questions = (triage && triage.questions) || []
  const answers = (triage && triage.answers) || {}
  if (!questions.length) return null
  return h('ul', { class: 'small mb-0', 'data-testid': testid }, questions.map((question) =>
    h('li', { key: question.id }, [`${question.text} `, question.id in answers ? h('strong', answerLabel(question, answers[question.id])) : h('span', { class: 'text-secondary' }, 'not answered')]),
  ))
}
