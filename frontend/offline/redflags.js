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

function compilePhrase(phrase, skip, numbers) {
  // `word*` is a prefix: keep the star through tokenising.
  const expand = (side) => (numbers ? expandNumbers(side, numbers, true) : side)
  const sides = String(phrase).split('~').map((side) => compileSide(expand(side).replace(/\*/g, 'qqstar'), skip)
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

// ---- numbers ------------------------------------------------------------------------------------
// Observations, temperature and age, read with the reader's own patterns and tables (rules.numbers):
// the shorthand that names an observation ("BP 82/48", "sats 88%", "HR112"), the words a single
// reading adds ("blood pressure 82/48 hypotension", which the rules' phrases name), the NEWS2 aggregate,
// and an age or a temperature for the rules' number tests. Rules from before `numbers` read none.

const regex = ([source, flags], extra = '') => new RegExp(source, flags + extra)
const inRuns = (runs, value) => (runs || []).find(([low, high]) => value >= low && value <= high)

function compileNumbers(numbers) {
  if (!numbers) return null
  const replacements = (table) => table.map(([source, flags, to]) => [regex([source, flags], 'g'), to])
  const news2 = numbers.news2
  return {
    ...numbers,
    cased: replacements(numbers.cased_shorthand),
    shorthand: replacements(numbers.shorthand),
    readings: numbers.readings.map(([source, flags, kind]) => [regex([source, flags], 'g'), kind]),
    atBaseline: regex(numbers.at_baseline, 'y'),
    temperature: numbers.temperature.map((pattern) => regex(pattern, 'g')),
    age: {
      ...numbers.age,
      patterns: numbers.age.patterns.map((p) => regex(p, 'g')),
      owned: regex(numbers.age.owned, 'g'),
      clinical: regex(numbers.age.clinical),
      words: numbers.age.words.map(([source, flags, years]) => [regex([source, flags]), years]),
      notWith: numbers.age.not_with.map((p) => regex(p)),
    },
    news2: {
      ...news2,
      observations: news2.observations.map(([source, flags, kind]) => [regex([source, flags]), kind]),
      ...Object.fromEntries(['avpu', 'responds', 'alert', 'oxygen', 'hypercapnic', 'stated'].map((key) => [key, regex(news2[key])])),
    },
  }
}

// The shorthand the number readers need, on patient text and (phrase = true) on the rules' phrases alike.
function expandNumbers(text, numbers, phrase = false) {
  let out = String(text || '').normalize('NFC')
    .replace(/[০-৯]/g, (digit) => String(BANGLA_DIGITS.indexOf(digit)))
    .replace(/[\u200c\u200d\u2019\u2018'`]/g, '')
    .replace(/[\u00b0\u00ba]/g, ' deg ')
  for (const [pattern, to] of numbers.cased) out = out.replace(pattern, to)
  out = out.toLowerCase().replace(/(?<=[a-z0-9])-(?=[a-z0-9])/g, ' ')
  for (const [pattern, to] of numbers.shorthand) out = out.replace(pattern, to)
  if (phrase) return out
  // A single reading and its words; an SpO2 at the patient's own baseline ("88%, her usual") is not new;
  // a child's breathing rate is read by age (a word such as "infant" gives one).
  const age = out.includes('respiratory rate') ? readAge(out, numbers.age, true) : null
  const byAge = age === null ? null : numbers.rr_by_age.filter(([from]) => age >= from).pop()
  const words = { ...numbers.words, ...(byAge ? { rr: byAge[1] } : {}) }
  for (const [pattern, kind] of numbers.readings) {
    out = out.replace(pattern, (match, value, offset, whole) => {
      if (kind === 'spo2') {
        numbers.atBaseline.lastIndex = offset + match.length
        const baseline = numbers.atBaseline.exec(whole)
        if (baseline && (baseline[1] === undefined || Number(value) >= Number(baseline[1]) - 1)) return match
      }
      const found = inRuns(words[kind], Number(value))
      return found ? `${match} ${found[2]} ` : match
    })
  }
  return out
}

function readTemperature(text, numbers) {
  let best = null
  for (const pattern of numbers.temperature) {
    for (const match of text.matchAll(pattern)) {
      const value = Number(match[1])
      const unit = match[2] ? match[2][0] : null
      // as read_temperature_c: a unit, or a plausible value in either scale
      const celsius = unit === 'f' || (!unit && value >= 95 && value <= 110) ? (value - 32) * 5 / 9
        : unit === 'c' || (!unit && value >= 34 && value <= 43) ? value : null
      if (celsius !== null && celsius >= 30 && celsius <= 45) best = best === null ? celsius : Math.max(best, celsius)
    }
  }
  return best === null ? null : Math.round(best * 10) / 10
}

// The first age the text states ("I'm 71", "he's 71", "71M", "71 yo", "aged 4 months"), in years; with
// `guess`, else the age a word gives ("baby") unless the text is about a pregnancy or a birth.
function readAge(text, { patterns, owned, clinical, number_words: words, unit_years: units, ...age }, guess = false) {
  const found = []
  for (const pattern of patterns) {
    for (const match of text.matchAll(pattern)) {
      let unit = (match[2] || 'year').replace(/s$/, '')
      unit = unit in units ? unit : `${unit}s` in units ? `${unit}s` : 'year'
      const number = match[1] in words ? words[match[1]] : Number(match[1])
      found.push([match.index, number * units[unit]])
    }
    if (found.length) break
  }
  for (const match of text.matchAll(owned)) if (match[2] > 0 && match[2] <= 110) found.push([match.index, Number(match[2])])
  const match = clinical.exec(text)
  if (match && match[1] <= 110) found.push([match.index, Number(match[1])])
  found.sort((a, b) => a[0] - b[0])
  if (found.length || !guess || age.notWith.some((pattern) => pattern.test(text))) return found.length ? found[0][1] : null
  const word = age.words.find(([pattern]) => pattern.test(text))
  return word ? word[1] : null
}

// The NEWS2 aggregate (two or more observations, or a stated score), or null.
function news2Score(text, n, temp, confused) {
  const seen = {}
  for (const [pattern, kind] of n.observations) {
    const match = kind in seen ? null : pattern.exec(text)
    if (match) seen[kind] = Number(match[1])
  }
  const avpu = n.avpu.exec(text)
  const letter = avpu ? avpu[1] : n.responds.test(text) ? 'v' : n.alert.test(text) ? 'a' : null
  const oxygen = n.oxygen.test(text)
  const spo2 = n.hypercapnic.test(text) ? (oxygen ? 'spo2_scale2_oxygen' : 'spo2_scale2') : 'spo2'
  const parts = []
  for (const [kind, table] of [['rr', 'rr'], ['hr', 'hr'], ['sbp', 'sbp'], ['spo2', spo2]]) {
    const found = kind in seen ? inRuns(n.points[table], seen[kind]) : null
    if (found) parts.push(found[2])
  }
  if (oxygen) parts.push(n.oxygen_points)
  if (temp !== null) parts.push(inRuns(n.points.temp, temp)[2])
  const conscious = [confused ? n.confused_points : null, letter ? n.points.avpu[letter] : null,
    'gcs' in seen ? (inRuns(n.points.gcs, seen.gcs) || [])[2] : null].filter((p) => p !== null && p !== undefined)
  if (conscious.length) parts.push(Math.max(...conscious))
  const stated = n.stated.exec(text)
  const said = stated && Number(stated[1]) <= n.stated_max ? Number(stated[1]) : null
  if (parts.length < n.min_observations && said === null) return null
  const score = parts.reduce((sum, p) => sum + p, 0)
  return said !== null && (parts.length < n.min_observations || said > score) ? said : score
}

// What the numbers in `text` add to the concepts present ({concept: true/false}), and the age and temperature.
function readNumbers(text, numbers, present) {
  const found = { age: readAge(text, numbers.age), temp: readTemperature(text, numbers), news2: null, concepts: {} }
  if (found.temp !== null && found.temp >= numbers.fever[0]) found.concepts[numbers.fever[1]] = true
  if (found.age !== null) {
    const [, added, dropped] = [...numbers.age.contexts].reverse().find(([from]) => found.age >= from) || [0, [], []]
    for (const concept of added) found.concepts[concept] = true
    for (const concept of dropped) found.concepts[concept] = false
  }
  const n = numbers.news2
  if ((found.age === null || found.age >= n.adult_age) && !n.not_with.some(present)) {
    const confused = present(n.confusion) && !present(n.confusion_unless)
    const score = news2Score(text, n, found.temp, confused)
    found.news2 = score
    const level = score === null ? null : [...n.levels].reverse().find(([from]) => score >= from)
    if (level) found.concepts[level[1]] = true
  }
  return found
}

function testHolds({ kind, op, value }, known) {
  const actual = known[kind]
  if (actual === null || actual === undefined) return null
  return { '<': actual < value, '<=': actual <= value, '>': actual > value, '>=': actual >= value, '=': actual === value }[op]
}

let compiled = null

function compile(rules) {
  if (compiled && compiled.version === rules.version && compiled.source === rules) return compiled
  const skip = new Set(rules.skip_words || [])
  const numbers = compileNumbers(rules.numbers)
  const phrases = {}
  for (const [concept, list] of Object.entries(rules.phrases || {})) {
    phrases[concept] = list.map((phrase) => compilePhrase(phrase, skip, numbers)).filter((sides) => sides.length)
  }
  const cues = {
    before: NEGATION_BEFORE.map((cue) => compileSide(cue, skip)),
    after: NEGATION_AFTER.map((cue) => compileSide(cue, skip)),
  }
  compiled = { version: rules.version, source: rules, skip, phrases, cues, numbers }
  return compiled
}

function reading(text, rules) {
  const { skip, phrases, cues, numbers } = compile(rules)
  const expanded = numbers ? expandNumbers(text, numbers) : text
  const clauses = clausesOf(expanded, skip)
  const seen = new Map()
  const written = (concept) => {
    if (!seen.has(concept)) seen.set(concept, (phrases[concept] || []).some((sides) => phrasePresent(sides, clauses, cues)))
    return seen.get(concept)
  }
  const read = numbers ? readNumbers(expanded, numbers, written) : { age: null, temp: null, news2: null, concepts: {} }
  return { expanded, numbers, read, present: (concept) => (concept in read.concepts ? read.concepts[concept] : written(concept)) }
}

// What the numbers in `text` read as (for the tests): the expanded text, age, temperature and NEWS2 score.
export function readNumbersIn(text, rules) {
  const { expanded, read } = reading(text, rules)
  return { expanded, ...read }
}

// {emergency: true, rule} when an emergency red flag is written in `text`; else {emergency: false}.
export function checkOffline(text, rules) {
  const { numbers, read, present } = reading(text, rules)
  // A number test: checked when the text gives the number; otherwise it holds for a rule that also names a
  // finding, and fails for a rule of number tests alone (`number_rules`).
  const candidates = [...(rules.rules || []).map((rule) => [rule, false]),
    ...(numbers ? rules.number_rules || [] : []).map((rule) => [rule, true])]
  for (const [rule, alone] of candidates) {
    if (!(rule.tests || []).every((test) => testHolds(test, read) ?? !alone)) continue
    if (!rule.all.every((group) => group.some(present))) continue
    if (rule.min_supports && rule.supports.filter(present).length < rule.min_supports) continue
    if (rule.unless.some(present)) continue
    return { emergency: true, rule: { id: rule.id, name: rule.name, why: rule.why } }
  }
  return { emergency: false, rule: null }
}
