// The offline red-flag check. It runs the rules the server exports from its triage knowledge
// base (GET /api/triage/red-flags), never a copy of its own, and can only answer one of two
// things: an emergency (call the emergency number now), or "we will assess this when you are
// back online". No Vue here: the same module runs in the browser and under node in the tests.

const BANGLA_DIGITS = '০১২৩৪৫৬৭৮৯'
const TOKEN = /\d+(?:\.\d+)?|[a-z\u0980-\u09ff]+|[.,;:!?()\n]/g
const CLAUSE_END = new Set(['.', ',', ';', ':', '!', '?', '(', ')', '\n', 'but', 'however', 'although', 'kintu', 'কিন্তু'])
const NEAR_WORDS = 5
// Negation cues: before a finding ("no chest pain", "denies fever"), and after it, as Bangla
// puts them ("বুকে ব্যথা নেই", "jor nai").
const NEGATION_BEFORE = ['no', 'not', 'denies', 'denied', 'deny', 'without', 'never', 'nor', 'neither', 'none', 'nil',
  'dont', 'doesnt', 'didnt', 'havent', 'hasnt', 'isnt', 'wasnt', 'free of', 'negative for', 'absence of']
const NEGATION_AFTER = ['নেই', 'নাই', 'হয়নি', 'nai', 'nei', 'nay', 'hoyni', 'none', 'absent', 'gone', 'resolved']
const NEGATION_REACH = 3

function normalize(text) {
  return String(text || '')
    .normalize('NFC')
    .toLowerCase()
    .replace(/[০-৯]/g, (digit) => String(BANGLA_DIGITS.indexOf(digit)))
    .replace(/[\u200c\u200d]/g, '')
    .replace(/[\u2019\u2018'`]/g, '')
    .replace(/[\u0964\u0965]/g, '.')
    .replace(/(?<=[a-z])-(?=[a-z])/g, ' ')
}

// British/American spellings and word endings folded the same way on both sides.
function fold(word) {
  if (!/^[a-z]+$/.test(word) || word.length < 4) return word
  return word.replace(/^oe/, 'e').replace(/(?<=.)ae/g, 'e').replace(/our$/, 'or').replace(/is(e|ed|es|ing)$/, 'iz$1')
}

export function stem(word) {
  const form = fold(word)
  if (!/^[a-z]+$/.test(form) || form.length <= 4) return form
  for (const ending of ['ings', 'ing', 'ies', 'ed', 'es', 'ly', 's']) {
    if (form.endsWith(ending) && form.length - ending.length >= 3) {
      return ending === 'ies' ? `${form.slice(0, -3)}y` : form.slice(0, -ending.length)
    }
  }
  return form
}

function words(text) {
  return normalize(text).match(TOKEN) || []
}

// Text -> clauses of {form, stem} tokens (determiners left out, as the server matches phrases).
function clausesOf(text, skip) {
  const clauses = [[]]
  for (const raw of words(text)) {
    if (CLAUSE_END.has(raw)) {
      if (clauses[clauses.length - 1].length) clauses.push([])
      continue
    }
    if (skip.has(raw)) continue
    clauses[clauses.length - 1].push({ form: fold(raw), stem: stem(raw) })
  }
  return clauses.filter((clause) => clause.length)
}

function compileSide(side, skip) {
  return words(side)
    .filter((raw) => !CLAUSE_END.has(raw) && !skip.has(raw))
    .map((raw) => (raw.endsWith('*') ? { prefix: fold(raw.slice(0, -1)) } : { stem: stem(raw) }))
}

function compilePhrase(phrase, skip) {
  // `word*` is a prefix: keep the star through tokenising.
  const sides = String(phrase).split('~').map((side) => compileSide(side.replace(/\*/g, 'qqstar'), skip)
    .map((part) => (part.stem && part.stem.endsWith('qqstar') ? { prefix: part.stem.slice(0, -6) } : part)))
  return sides.filter((side) => side.length)
}

function tokenMatches(part, token) {
  return part.prefix !== undefined ? token.form.startsWith(part.prefix) : token.stem === part.stem
}

function sideAt(side, clause, start) {
  for (let k = 0; k < side.length; k += 1) {
    if (!clause[start + k] || !tokenMatches(side[k], clause[start + k])) return false
  }
  return true
}

function sideStarts(side, clause) {
  const found = []
  for (let i = 0; i + side.length <= clause.length; i += 1) if (sideAt(side, clause, i)) found.push(i)
  return found
}

function negated(clause, start, end, cues) {
  for (const cue of cues.before) {
    for (let i = Math.max(0, start - NEGATION_REACH - cue.length + 1); i < start; i += 1) {
      if (sideAt(cue, clause, i) && i + cue.length <= start) return true
    }
  }
  for (const cue of cues.after) {
    for (let i = end; i <= Math.min(clause.length - cue.length, end + NEGATION_REACH - 1); i += 1) {
      if (sideAt(cue, clause, i)) return true
    }
  }
  return false
}

// A phrase is present when it is written, affirmed, in one clause (`A ~ B`: each side within 5 words).
function phrasePresent(sides, clauses, cues) {
  for (const clause of clauses) {
    const starts = sides.map((side) => sideStarts(side, clause))
    if (starts.some((list) => !list.length)) continue
    if (sides.length === 1) {
      if (starts[0].some((s) => !negated(clause, s, s + sides[0].length, cues))) return true
      continue
    }
    const first = Math.min(...starts.map((list) => list[0]))
    const last = Math.max(...starts.map((list, n) => list[list.length - 1] + sides[n].length))
    const near = starts.every((list, n) => n === 0 || list.some((s) => starts[n - 1].some((p) => Math.abs(s - p) <= NEAR_WORDS + sides[n - 1].length)))
    if (near && !negated(clause, first, last, cues)) return true
  }
  return false
}

let compiled = null

function compile(rules) {
  if (compiled && compiled.version === rules.version && compiled.source === rules) return compiled
  const skip = new Set(rules.skip_words || [])
  const phrases = {}
  for (const [concept, list] of Object.entries(rules.phrases || {})) {
    phrases[concept] = list.map((phrase) => compilePhrase(phrase, skip)).filter((sides) => sides.length)
  }
  const cues = {
    before: NEGATION_BEFORE.map((cue) => compileSide(cue, skip)),
    after: NEGATION_AFTER.map((cue) => compileSide(cue, skip)),
  }
  compiled = { version: rules.version, source: rules, skip, phrases, cues }
  return compiled
}

// {emergency: true, rule} when an emergency red flag is written in `text`; else {emergency: false}.
export function checkOffline(text, rules) {
  const { skip, phrases, cues } = compile(rules)
  const clauses = clausesOf(text, skip)
  const seen = new Map()
  const present = (concept) => {
    if (!seen.has(concept)) seen.set(concept, (phrases[concept] || []).some((sides) => phrasePresent(sides, clauses, cues)))
    return seen.get(concept)
  }
  for (const rule of rules.rules || []) {
    if (!rule.all.every((group) => group.some(present))) continue
    if (rule.min_supports && rule.supports.filter(present).length < rule.min_supports) continue
    if (rule.unless.some(present)) continue
    return { emergency: true, rule: { id: rule.id, name: rule.name, why: rule.why } }
  }
  return { emergency: false, rule: null }
}
