"""Embedded rule engine: free-text symptoms in, urgency + specialty + advice out.

The clinical content lives in ``rules.json`` (concepts, rules, specialty
keywords, advice); this module only knows how to read text. It is pure Python,
deterministic and compiled once, so it can run thousands of assessments per
second inside a web worker and serve as the fallback for every AI provider.
"""
from __future__ import annotations

import bisect
import json
import re
import unicodedata
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path
from re import _constants as sre_constants
from re import _parser as sre_parse
from typing import Any, Callable

RULES_PATH = Path(__file__).with_name("rules.json")

# Lowest to highest: the index is the urgency rank used everywhere.
URGENCY_ORDER = ("self_care", "routine", "urgent", "emergency")
URGENCY_RANK = {level: rank for rank, level in enumerate(URGENCY_ORDER)}

DEFAULT_SPECIALIZATIONS = (
    "Cardiology", "Neurology", "Pulmonology", "Gastroenterology", "Dermatology",
    "Orthopedics", "ENT", "Ophthalmology", "Gynecology", "Urology", "Psychiatry",
    "Endocrinology", "Pediatrics", "General Medicine",
)
GENERAL_MEDICINE = "General Medicine"
PEDIATRICS = "Pediatrics"
PEDIATRIC_AGE_LIMIT = 16
HISTORY_PREFIX = "history_"
NEAR = " ~ "
NEAR_CHARS = 40  # how far apart the two halves of a "near" term may be
MAX_ADVICE_CHARS = 2000
# Words before a finding that can negate it ("denies fever, no cough").
NEGATION_WINDOW_WORDS = 6


def more_urgent(a: str, b: str) -> str:
    """The more urgent of two levels."""
    return a if URGENCY_RANK[a] >= URGENCY_RANK[b] else b


@dataclass(frozen=True)
class TriageResult:
    urgency: str
    specialization: str
    red_flags: list[str] = field(default_factory=list)
    advice: str = ""
    rationale: list[str] = field(default_factory=list)
    rules_fired: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


# --------------------------------------------------------------------------
# Text reading: normalisation, negation-aware concept matching, numbers.
# --------------------------------------------------------------------------

_APOSTROPHES = re.compile(r"[\u2019\u2018'`]")
# Keep digits, letters (Latin and Bangla: the default clinic is in Bangladesh),
# clause punctuation and decimal points; the rest is noise.
_NOISE = re.compile(r"[^a-z0-9.,;:!?\s\u0980-\u09ff]")
# Zero-width joiners appear in typed Bangla and must not split words; the danda
# ends a Bangla sentence; Bangla digits read as digits.
_BANGLA_FOLD = str.maketrans({"\u200c": None, "\u200d": None, "\u0964": ".", "\u0965": ".",
                              **{chr(0x09E6 + d): str(d) for d in range(10)}})
_SPACES = re.compile(r"\s+")
# A clause ends at punctuation (not a decimal point) or a contrasting word;
# negation never crosses a clause ("no fever but crushing chest pain").
_SENTENCE_BREAK = re.compile(r"[;!?]|\.(?!\d)")
_CLAUSE_BREAK = re.compile(
    r"[,;:!?]|\.(?!\d)|(?<![a-z])(?:but|however|although|though|yet|except|apart from|"
    r"besides|now|then|and (?:i|im|ive|my|it|its|he|hes|she|shes|they|now|then|also|has|have|is|was))(?![a-z])"
)
_NEGATION_CUE = re.compile(
    r"(?<![a-z])(?:no|not|never|without|denies|denied|deny|denying|nor|neither|none|"
    r"free of|negative for|absence of|dont|doesnt|didnt|havent|hasnt|isnt|arent|wasnt|werent|aint)(?![a-z])"
)
# Negation written after the finding: "confusion is not there", "rash: none".
_AFTER_NEGATION = re.compile(r"[ :]*(?:is |was |are |were )?(?:not there|not present|absent|none|isnt there|wasnt there|ruled out|nai|nei|নেই|নাই)(?![a-z\u0980-\u09ff])")
# Phrases that contain a cue word but do not negate what follows.
_PSEUDO_NEGATION = re.compile(
    r"(?<![a-z])(?:not sure|not only|not just|no idea|no matter|not certain|dont know|"
    r"no one|doesnt matter|dont think|not long|no longer|doesnt help|dont help|didnt help|"
    r"doesnt go|dont remember|didnt realise|didnt realize)(?![a-z])"
)

_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "couple of": 2, "a couple of": 2, "few": 3, "a few": 3, "several": 4, "half a": 0.5,
}
_UNIT_DAYS = {"minute": 1 / 1440, "min": 1 / 1440, "hour": 1 / 24, "hr": 1 / 24, "day": 1, "night": 1,
              "week": 7, "wk": 7, "month": 30, "year": 365, "yr": 365}
_NUM = r"(\d+(?:\.\d+)?|a couple of|couple of|a few|half a|" + "|".join(
    sorted((w for w in _NUMBER_WORDS if " " not in w), key=len, reverse=True)) + r")"
# "for 3 days", "2 weeks now". A bare "... ago" dates a past event ("a stent 2 years
# ago"), not how long the complaint has lasted, unless it says the complaint started then.
_DURATION = re.compile(
    r"(?<![a-z0-9])" + _NUM + r" ?(minute|min|hour|hr|day|night|week|wk|month|year|yr)s?(?![a-z])"
    r"(?! ?old)(?! ?pregnant)(?! of pregnancy)(?! ago)"
)
# Bangla: "৩ দিন ধরে" (for 3 days); "৫ বছরের" / "৫ বছর বয়স" is an age, not a duration.
_BANGLA_UNIT_DAYS = {unicodedata.normalize("NFC", unit): days for unit, days in (
    ("ঘণ্টা", 1 / 24), ("ঘন্টা", 1 / 24), ("দিন", 1), ("সপ্তাহ", 7), ("মাস", 30), ("বছর", 365),
    ("ghonta", 1 / 24), ("ghanta", 1 / 24), ("din", 1), ("saptaho", 7), ("shoptaho", 7))}
_BANGLA_AGE_TAIL = r"(?:ের|এর| ?বয়স| ?বয়সী| ?বয়সের)"
_BANGLA_DURATION = re.compile(unicodedata.normalize("NFC", (
    r"(?<![0-9.])(\d+(?:\.\d+)?) ?(ঘণ্টা|ঘন্টা|দিন|সপ্তাহ|মাস|বছর|ghonta|ghanta|din|saptaho|shoptaho)(?![a-z])(?!" + _BANGLA_AGE_TAIL + ")")))
# "৫ বছরের বাচ্চা" (a five-year-old child), "বয়স ৭০" (aged 70).
_BANGLA_AGE = re.compile(unicodedata.normalize("NFC", r"(\d+(?:\.\d+)?) ?(বছর|মাস|সপ্তাহ|দিন)" + _BANGLA_AGE_TAIL))
_BANGLA_AGE_UNIT = {unicodedata.normalize("NFC", k): v for k, v in (("বছর", 365), ("মাস", 30), ("সপ্তাহ", 7), ("দিন", 1))}
_BANGLA_OWN_AGE = re.compile(unicodedata.normalize("NFC", r"বয়স (\d{1,3})(?![0-9])"))
# "day 2 of the flu", "3rd day": the complaint's own day count.
_DAY_COUNT = re.compile(r"(?<![a-z])(?:day|night) (\d{1,2}|two|three|four|five|six|seven|eight|nine|ten)(?![0-9a-z.])|(?<![0-9])(\d{1,2}) ?(?:st|nd|rd|th) (?:day|night)(?![a-z])")
_STARTED_AGO = re.compile(
    r"(?:started|start|began|begun|came on|come on|since|first noticed|noticed it|it was) (?:about |around |roughly |nearly |over )?"
    + _NUM + r" ?(minute|min|hour|hr|day|night|week|wk|month|year|yr)s? ago"
)
_DURATION_PHRASES = (
    (re.compile(r"\b(?:since|from) (?:this morning|today|earlier today|lunch|an hour ago)"), 0.25),
    (re.compile(r"\b(?:since|from) (?:last night|yesterday evening|overnight)|\ball night\b"), 0.6),
    (re.compile(r"\bsince yesterday\b|\byesterday\b"), 1),
    (re.compile(r"\bsince (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|the weekend)\b"), 3),
    (re.compile(r"\bsince last week\b|\ball week\b"), 7),
    (re.compile(r"\bfor (?:some time|a long time)\b"), 21),
    (re.compile(r"\bsince last month\b|\bfor weeks\b|\bweeks now\b"), 21),
    (re.compile(r"\bfor ages\b|\bfor months\b|\bmonths now\b|\bsince last year\b"), 60),
    (re.compile(r"\b(?:for|after|over|past|last|in|of) (?:many |some |several )?weeks\b(?! pregnant)"), 14),
    (re.compile(r"\b(?:for|after|over|past|last|in|of) (?:many |some |several )?months\b"), 60),
    (re.compile(r"\b(?:this|last|past) year\b|\bover the (?:last|past) year\b"), 180),
    (re.compile(r"\bfor years\b|\ball my life\b|\bsince (?:i was a|childhood)\b"), 365),
)
# "my 6 week old", "72 year old woman": the age of whoever the text is about.
_STATED_AGE = re.compile(r"(?<![a-z0-9])" + _NUM + r" ?(day|week|month|year|yr)s? ?old(?![a-z])")
# "the baby is 5 months", "my son is 3 weeks": an age without "old", about a child.
_AGE_IS = re.compile(
    r"(?<![a-z])(?:baby|babys|son|daughter|boy|girl|child|kid|toddler|infant|grandson|granddaughter|he|she|hes|shes|who)"
    r" (?:is|s|turned|just turned|is only|is just|is nearly|is almost|is about|only|just) " + _NUM
    + r" ?(day|week|month|year|yr)s?(?![a-z])(?! ?ago)(?! (?:of|into|in|since|after|now|with|late|overdue|pregnant|post|along))"
)
# "I'm 72", "aged 80": the writer's own age.
_OWN_AGE = (
    re.compile(r"(?<![a-z])(?:im|i am|aged|age|hes|shes|he is|she is) (\d{1,3})(?! ?(?:weeks|days|months|kg|lb|c|f|deg|percent|\d))(?![0-9a-z.])"),
    re.compile(r"(?<![a-z0-9])(\d{1,3}) ?(?:yo|y o|yrs|years)(?: old)?(?: (?:man|woman|male|female|guy|lady))(?![a-z])"),
)
_NEWBORN = re.compile(r"(?<![a-z])(?:newborn|new born)(?![a-z])")
_TEMPERATURE = (
    re.compile(r"(?:temp[a-z]*|fever|thermometer|reading|running|spiking|up to|hit|reached)(?: (?:of|is|was|at|around|about|reads|said|says|went|up|to|over|nearly|just|now|has|had|gone|got|been|came|come|still|currently|checked|measured|reading))* (\d{2,3}(?:\.\d+)?) ?(?:deg[a-z]*)? ?(c|f|celsius|fahrenheit)?(?![a-z0-9])"),
    re.compile(r"(?<![0-9.])(\d{2,3}(?:\.\d+)?) ?(?:deg[a-z]*) ?(c|f|celsius|fahrenheit)?(?![a-z])"),
    re.compile(r"(?<![0-9.])(\d{2,3}(?:\.\d+)?) ?(c|f)(?![a-z])"),
)


def _to_number(token: str) -> float:
    return float(token) if token[0].isdigit() else float(_NUMBER_WORDS[token])


def normalize(text: str, spellings: dict[str, str]) -> str:
    """Lower-case, drop apostrophes ("can't" == "cant"), fix common misspellings."""
    lowered = _APOSTROPHES.sub("", unicodedata.normalize("NFC", text.lower()).translate(_BANGLA_FOLD)).replace("°", " deg ").replace("-", " ").replace("/", " ")
    cleaned = _SPACES.sub(" ", _NOISE.sub(" ", lowered)).strip()
    if not spellings:
        return cleaned
    return " ".join(spellings.get(word, word) for word in cleaned.split(" "))


def _temperature_spans(text: str) -> list[tuple[int, int]]:
    return [m.span(1) for pattern in _TEMPERATURE for m in pattern.finditer(text)]


def _parse_duration_days(text: str) -> float | None:
    # "temp 38.2 day 2" is a reading and a day count, not 38 days.
    # "baby is 5 months" is an age, not how long the complaint has lasted.
    skip = _temperature_spans(text) + [m.span(1) for m in _AGE_IS.finditer(text)]
    found = [_to_number(m.group(1)) * _UNIT_DAYS[m.group(2)]
             for pattern in (_DURATION, _STARTED_AGO) for m in pattern.finditer(text)
             if not any(start <= m.start(1) < end for start, end in skip)]
    found += [float(m.group(1)) * _BANGLA_UNIT_DAYS[m.group(2)] for m in _BANGLA_DURATION.finditer(text)]
    found += [_to_number(m.group(1) or m.group(2)) for m in _DAY_COUNT.finditer(text)]
    found += [days for pattern, days in _DURATION_PHRASES if pattern.search(text)]
    return max(found) if found else None


def _stated_age_years(text: str) -> float | None:
    match = _STATED_AGE.search(text)
    if match:
        return _to_number(match.group(1)) * _UNIT_DAYS[match.group(2)] / 365
    match = _AGE_IS.search(text)
    if match:
        return _to_number(match.group(1)) * _UNIT_DAYS[match.group(2)] / 365
    match = _BANGLA_AGE.search(text)
    if match:
        return float(match.group(1)) * _BANGLA_AGE_UNIT[match.group(2)] / 365
    return 0.02 if _NEWBORN.search(text) else None


def _own_age_years(text: str) -> float | None:
    for pattern in (*_OWN_AGE, _BANGLA_OWN_AGE):
        match = pattern.search(text)
        if match and 0 < int(match.group(1)) < 120:
            return float(match.group(1))
    return None


def _subject_age(age_years: float | None, text: str, about_a_child: bool) -> float | None:
    """Age of the person the text is about.

    A parent often writes from their own account about their child, so an age
    stated in the text wins, and an adult account age is not the child's age.
    """
    stated = _stated_age_years(text)
    if stated is not None:
        return stated
    if about_a_child:
        return float(age_years) if age_years is not None and age_years < PEDIATRIC_AGE_LIMIT else None
    if age_years is not None:
        return float(age_years)
    return _own_age_years(text)


def _parse_temperature_c(text: str) -> float | None:
    """Highest plausible body temperature written in the text, in Celsius."""
    readings = []
    for pattern in _TEMPERATURE:
        for match in pattern.finditer(text):
            value, unit = float(match.group(1)), (match.group(2) or "")
            celsius = (value - 32) * 5 / 9 if unit.startswith("f") or value >= 90 else value
            if 34.0 <= celsius <= 43.5:
                readings.append(celsius)
    return max(readings) if readings else None


class _Text:
    """One normalised text with negation-aware lookup of compiled concepts."""

    def __init__(self, text: str):
        self.text = text
        self.clause_starts = [0] + [m.end() for m in _CLAUSE_BREAK.finditer(text)]
        self.sentence_starts = [0] + [m.end() for m in _SENTENCE_BREAK.finditer(text)]

    def same_sentence(self, a: int, b: int) -> bool:
        starts = self.sentence_starts
        return bisect.bisect_right(starts, a) == bisect.bisect_right(starts, b)

    def is_negated(self, start: int, end: int) -> bool:
        clause_start = self.clause_starts[bisect.bisect_right(self.clause_starts, start) - 1]
        window = " ".join(self.text[clause_start:start].split()[-NEGATION_WINDOW_WORDS:])
        return bool(_NEGATION_CUE.search(_PSEUDO_NEGATION.sub(" ", window))) or bool(_AFTER_NEGATION.match(self.text, end))

    def first_affirmed(self, pattern: re.Pattern) -> int | None:
        """Position of the first non-negated match, or None."""
        for match in pattern.finditer(self.text):
            if not self.is_negated(match.start(), match.end()):
                return match.start()
        return None

    def affirmed_spans(self, pattern: re.Pattern) -> list[tuple[int, int]]:
        return [m.span() for m in pattern.finditer(self.text) if not self.is_negated(m.start(), m.end())]


# --------------------------------------------------------------------------
# Compiled rule book.
# --------------------------------------------------------------------------


# A gap "[a-z ]{0,N}" between two parts of a finding may hold numbers ("for 40
# minutes") but may not run through a negation or a "but": "coughing up phlegm
# and no blood" is not coughing blood.
_GAP = re.compile(r"\[a-z \]\{0,(\d+)\}")
_GAP_WORDS = r"(?:no|without|never|denies|denied|nor|neither|but|however|although)(?![a-z])"
_GAP_STOP = rf"(?! {_GAP_WORDS})(?!(?<![a-z]){_GAP_WORDS})"


def _compile_alternatives(patterns: list[str]) -> re.Pattern:
    patterns = [unicodedata.normalize("NFC", pattern) for pattern in patterns]
    joined = _GAP.sub(lambda gap: f"(?:{_GAP_STOP}[a-z0-9 ]){{0,{gap.group(1)}}}", "|".join(patterns))
    return re.compile(r"(?<![a-z0-9])(?:" + joined + r")(?![a-z0-9])")


# Speed: most concepts are absent from most texts. For each pattern we derive
# plain substrings ("literals"), one of which must occur for it to match, and
# index one three-letter piece of each literal. One pass over the text's own
# three-letter pieces then names the few terms worth running a regex for.
MIN_GATE_CHARS = 3
_REPEATS = (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT)


def _sequence_literals(items: list) -> frozenset[str] | None:
    """Substrings of which one must occur wherever this parsed sequence matches, or None."""
    candidates: list[frozenset[str]] = []
    run: list[str] = []
    for op, av in [*items, (None, None)]:
        if op is sre_constants.LITERAL:
            run.append(chr(av))
            continue
        if run:
            candidates.append(frozenset(["".join(run)]))
            run = []
        options = None
        if op is sre_constants.SUBPATTERN:
            options = _sequence_literals(list(av[3]))
        elif op is sre_constants.BRANCH:
            branches = [_sequence_literals(list(branch)) for branch in av[1]]
            options = None if any(b is None for b in branches) else frozenset().union(*branches)
        elif op in _REPEATS and av[0] >= 1:
            options = _sequence_literals(list(av[2]))
        if options:
            candidates.append(options)
    usable = [c for c in candidates if min(map(len, c)) >= MIN_GATE_CHARS]
    return max(usable, key=lambda c: (min(map(len, c)), -len(c))) if usable else None


def _required_literals(patterns: list[str]) -> frozenset[str] | None:
    """Substrings of which one must occur wherever any of `patterns` matches, or None."""
    found = []
    for pattern in patterns:
        try:
            literals = _sequence_literals(list(sre_parse.parse(pattern)))
        except (re.error, TypeError, ValueError):
            literals = None
        if literals is None:
            return None  # this alternative could match anything: always run the regex
        found.append(literals)
    return frozenset().union(*found)


def _trigrams(text: str) -> set[str]:
    return {text[i:i + 3] for i in range(len(text) - 2)}


class _TermIndex:
    """Which terms can possibly match a text, from its three-letter pieces."""

    def __init__(self, literals_by_term: dict[str, frozenset[str] | None]):
        self.always = frozenset(term for term, literals in literals_by_term.items() if literals is None)
        # Index each literal under its rarest piece, so few texts wake it up needlessly.
        frequency: dict[str, int] = {}
        for literals in literals_by_term.values():
            for literal in literals or ():
                for piece in _trigrams(literal):
                    frequency[piece] = frequency.get(piece, 0) + 1
        self.by_piece: dict[str, set[str]] = {}
        for term, literals in literals_by_term.items():
            for literal in literals or ():
                piece = min(_trigrams(literal), key=lambda p: (frequency[p], p))
                self.by_piece.setdefault(piece, set()).add(term)

    def candidates(self, text: str) -> set[str]:
        found = set(self.always)
        for piece in _trigrams(text):
            terms = self.by_piece.get(piece)
            if terms:
                found |= terms
        return found


@dataclass(frozen=True)
class Rule:
    id: str
    group: str
    level: str
    label: str
    reason: str
    all_terms: tuple[tuple[str, ...], ...]
    any_terms: tuple[tuple[str, ...], ...]
    none_terms: tuple[tuple[str, ...], ...]
    when: dict[str, Any]
    specialty: str | None
    advice: str | None
    # A fallback rule is only considered when no other rule fired.
    fallback: bool = False


class RuleBook:
    """rules.json, validated and compiled once."""

    def __init__(self, data: dict[str, Any]):
        self.version = data["version"]
        self.spellings = data.get("spellings", {})
        # History flags are matched in the symptom text too ("I'm diabetic"), so
        # they join the concepts under a reserved prefix and share the index.
        raw_concepts = {**data["concepts"],
                        **{HISTORY_PREFIX + name: p for name, p in data["history_flags"].items()}}
        nested = [name for name, p in raw_concepts.items() if any(alt.startswith("@") for alt in p)]
        if nested:
            raise ValueError(f"rules.json: concepts hold patterns, not other concepts: {nested}")
        self.concepts = {name: _compile_alternatives(p) for name, p in raw_concepts.items()}
        self.history_flags = tuple(data["history_flags"])
        self._inline: dict[str, re.Pattern] = {}
        self.near: dict[str, tuple[str, str]] = {}
        self.rules = [self._load_rule(raw) for raw in data["rules"]]
        self.specialty_keywords = {
            name: self._weighted(words) for name, words in data["specialty_keywords"].items()
        }
        self.advice = data["advice"]
        literals = {"@" + name: _required_literals(p) for name, p in raw_concepts.items()}
        literals.update({term: _required_literals([term]) for term in self._inline})
        self.index = _TermIndex(literals)
        self._gate_rules()

    def _gate_rules(self) -> None:
        """Index rules by the terms one of which must be present for them to fire.

        A rule with an "all" term cannot fire unless one of that term's
        alternatives is a candidate in the text; a rule with only "any" terms
        needs one of those. Rules with neither (conditions only) always run.
        """
        self.ungated: list[int] = []
        self.rules_by_term: dict[str, list[int]] = {}
        for position, rule in enumerate(self.rules):
            gate_terms = rule.all_terms[:1] or rule.any_terms
            if not gate_terms:
                self.ungated.append(position)
                continue
            keys = {self.near[alt][0] if alt in self.near else alt for term in gate_terms for alt in term}
            for key in keys:
                self.rules_by_term.setdefault(key, []).append(position)

    def rules_to_try(self, candidates: set[str]) -> list["Rule"]:
        woken = set(self.ungated)
        for term in candidates:
            positions = self.rules_by_term.get(term)
            if positions:
                woken.update(positions)
        return [self.rules[position] for position in sorted(woken)]

    def _weighted(self, words: list[Any]) -> list[tuple[str, float]]:
        # A keyword is "term" (weight 1) or ["term", weight] for strong signals.
        weighted = [(w, 1.0) if isinstance(w, str) else (w[0], float(w[1])) for w in words]
        for term, _ in weighted:
            self._check_term(term)
        return weighted

    def _terms(self, raw: list[Any]) -> tuple[tuple[str, ...], ...]:
        terms = []
        for term in raw:
            alternatives = (term,) if isinstance(term, str) else tuple(term)
            for alt in alternatives:
                self._check_term(alt)
            terms.append(alternatives)
        return tuple(terms)

    def _check_term(self, term: str) -> None:
        if NEAR in term:
            # "A ~ B": both found, in either order, close together in one sentence
            # ("acid went in my eye" and "eye full of acid" alike).
            first, second = (part.strip() for part in term.split(NEAR))
            self._check_term(first)
            self._check_term(second)
            self.near[term] = (first, second)
        elif term.startswith("@"):
            if term[1:] not in self.concepts:
                raise ValueError(f"rules.json: unknown concept {term}")
        elif term not in self._inline:
            self._inline[term] = _compile_alternatives([term])

    def _load_rule(self, raw: dict[str, Any]) -> Rule:
        unknown = set(raw.get("when", {})) - set(_CONDITIONS)
        if unknown or raw["level"] not in URGENCY_RANK:
            raise ValueError(f"rules.json: rule {raw['id']} has bad level or conditions {unknown}")
        return Rule(
            id=raw["id"], group=raw["group"], level=raw["level"], label=raw["label"], reason=raw["reason"],
            all_terms=self._terms(raw.get("all", [])), any_terms=self._terms(raw.get("any", [])),
            none_terms=self._terms(raw.get("none", [])),
            when={k: v for k, v in raw.get("when", {}).items() if k != "only_if_nothing_else"},
            specialty=raw.get("specialty"), advice=raw.get("advice"),
            fallback=bool(raw.get("when", {}).get("only_if_nothing_else")),
        )

    def pattern(self, term: str) -> re.Pattern:
        return self.concepts[term[1:]] if term.startswith("@") else self._inline[term]


@lru_cache(maxsize=1)
def load_rules(path: str = str(RULES_PATH)) -> RuleBook:
    with open(path, encoding="utf-8") as handle:
        return RuleBook(json.load(handle))


# --------------------------------------------------------------------------
# One assessment's facts, and the conditions rules can ask about.
# --------------------------------------------------------------------------


class _Facts:
    def __init__(self, book: RuleBook, text: str, age_years: float | None, history: dict | None):
        self.book = book
        self.doc = _Text(normalize(text, book.spellings))
        self._seen: dict[str, int | None] = {}
        self._candidates = book.index.candidates(self.doc.text)
        self.duration_days = _parse_duration_days(self.doc.text)
        self.temperature_c = _parse_temperature_c(self.doc.text)
        self.history = self._history_flags(history or {})
        # "the baby is moving less" in pregnancy is about the pregnancy, not a child patient.
        about_a_child = self.has("@child_words") and not self.history.get("pregnant")
        self.age = _subject_age(age_years, self.doc.text, about_a_child)
        self.is_child = (self.age is not None and self.age < PEDIATRIC_AGE_LIMIT) or (self.age is None and about_a_child)
        # A written reading beats words: "temperature 37.2" is not a fever.
        if self.temperature_c is not None:
            self.fever = self.temperature_c >= 37.8
            self.high_fever = self.temperature_c >= 39.0
        else:
            self.fever = self.has("@fever")
            self.high_fever = self.has("@high_fever")

    def position(self, term: str) -> int | None:
        if term not in self._candidates:
            return None
        if term not in self._seen:
            self._seen[term] = self.doc.first_affirmed(self.book.pattern(term))
        return self._seen[term]

    def has(self, term: str) -> bool:
        if term in self.book.near:
            return self._near(term)
        return term in self._candidates and self.position(term) is not None

    def _near(self, term: str) -> bool:
        if term not in self._seen:
            first, second = self.book.near[term]
            found = None
            if first in self._candidates and second in self._candidates:
                spans_a = self.doc.affirmed_spans(self.book.pattern(first))
                spans_b = self.doc.affirmed_spans(self.book.pattern(second)) if spans_a else []
                found = next((min(a[0], b[0]) for a in spans_a for b in spans_b if self._close(a, b)), None)
            self._seen[term] = found
        return self._seen[term] is not None

    def _close(self, a: tuple[int, int], b: tuple[int, int]) -> bool:
        gap = max(a[0], b[0]) - min(a[1], b[1])
        return gap <= NEAR_CHARS and self.doc.same_sentence(a[0], b[0])

    def _history_flags(self, history: dict) -> dict[str, bool]:
        # Shared history is free text; the symptom text itself often says it too
        # ("I'm diabetic", "on chemo", "30 weeks pregnant").
        shared = " . ".join(str(history.get(key) or "") for key in ("conditions", "medications", "allergies", "notes"))
        shared_doc = _Text(normalize(shared, self.book.spellings)) if shared.strip(" .") else None
        flags = {}
        for name in self.book.history_flags:
            term = "@" + HISTORY_PREFIX + name
            in_shared = shared_doc is not None and shared_doc.first_affirmed(self.book.pattern(term)) is not None
            flags[name] = in_shared or self.has(term)
        if history.get("pregnant") is True:
            flags["pregnant"] = True
        if str(history.get("sex") or "").lower() in {"male", "m", "man"}:
            flags["pregnant"] = False
        flags["immunosuppressed"] = flags.get("immunosuppressed", False) or flags.get("chemotherapy", False)
        return flags


def _history_all(facts: _Facts, names: list[str]) -> bool:
    return all(facts.history.get(name, False) for name in names)


def _history_any(facts: _Facts, names: list[str]) -> bool:
    return any(facts.history.get(name, False) for name in names)


def _duration_at_least(facts: _Facts, days: float) -> bool:
    return facts.duration_days is not None and facts.duration_days >= days


def _duration_under(facts: _Facts, days: float) -> bool:
    # Unknown duration reads as recent: people mention time when it has dragged on.
    return facts.duration_days is None or facts.duration_days < days


_CONDITIONS: dict[str, Callable[[_Facts, Any], bool]] = {
    "age_under": lambda f, v: f.age is not None and f.age < v,
    "age_at_least": lambda f, v: f.age is not None and f.age >= v,
    "age_unknown": lambda f, v: (f.age is None) == v,
    # Unknown age counts as under: for rules that only step down for younger adults.
    "age_under_or_unknown": lambda f, v: f.age is None or f.age < v,
    "child": lambda f, v: f.is_child == v,
    "history": _history_all,
    "history_any": _history_any,
    "fever": lambda f, v: f.fever == v,
    "high_fever": lambda f, v: f.high_fever == v,
    "duration_at_least_days": _duration_at_least,
    "duration_under_days": _duration_under,
    "only_if_nothing_else": lambda f, v: True,  # read when loading: marks a fallback rule
}


def _term_present(facts: _Facts, alternatives: tuple[str, ...]) -> bool:
    for alternative in alternatives:
        if facts.has(alternative):
            return True
    return False


# Plain loops rather than nested any()/all(): this runs ~150 times per assessment.
def _rule_fires(rule: Rule, facts: _Facts) -> bool:
    for key, value in rule.when.items():
        if not _CONDITIONS[key](facts, value):
            return False
    for term in rule.all_terms:
        if not _term_present(facts, term):
            return False
    if rule.any_terms:
        for term in rule.any_terms:
            if _term_present(facts, term):
                break
        else:
            return False
    for term in rule.none_terms:
        if _term_present(facts, term):
            return False
    return True


# --------------------------------------------------------------------------
# Specialty and advice.
# --------------------------------------------------------------------------


def _recognised_anything(facts: _Facts) -> bool:
    """Whether any complaint keyword matched at all (the engine knows what this is about)."""
    return any(facts.position(term) is not None
               for keywords in facts.book.specialty_keywords.values() for term, _ in keywords)


def _match_clinic_name(wanted: str, clinic: list[str]) -> str | None:
    lowered = wanted.lower()
    return next((name for name in clinic if name.lower() == lowered), None)


def _score_specialties(facts: _Facts, fired: list[Rule]) -> list[tuple[float, int, str]]:
    """(score, -first position, name) per specialty, best last when sorted."""
    scores: dict[str, float] = {}
    first_seen: dict[str, int] = {}
    for name, keywords in facts.book.specialty_keywords.items():
        for term, weight in keywords:
            position = facts.position(term)
            if position is not None:
                scores[name] = scores.get(name, 0.0) + weight
                first_seen[name] = min(first_seen.get(name, position), position)
    # The most urgent rule that names a specialty knows the complaint best.
    for rule in sorted(fired, key=lambda r: URGENCY_RANK[r.level]):
        if rule.specialty:
            scores[rule.specialty] = scores.get(rule.specialty, 0.0) + 2.0 + URGENCY_RANK[rule.level]
            first_seen.setdefault(rule.specialty, len(facts.doc.text))
    return sorted((score, -first_seen[name], name) for name, score in scores.items())


def _choose_specialization(facts: _Facts, fired: list[Rule], clinic: list[str]) -> tuple[str, list[str]]:
    notes: list[str] = []
    if facts.is_child:
        pediatrics = _match_clinic_name(PEDIATRICS, clinic)
        if pediatrics:
            return pediatrics, ["Patient is a child: Pediatrics."]
    ranked = _score_specialties(facts, fired)
    for _, _, name in reversed(ranked):
        if name == GENERAL_MEDICINE:
            break
        available = _match_clinic_name(name, clinic)
        if available:
            return available, notes
        notes.append(f"The clinic has no {name} service; recommending {GENERAL_MEDICINE} instead.")
        break
    general = _match_clinic_name(GENERAL_MEDICINE, clinic)
    if general:
        if not ranked:
            notes.append(f"No specialty-specific complaint recognised: {GENERAL_MEDICINE}.")
        return general, notes
    # A clinic without General Medicine still gets one of its own services.
    notes.append(f"The clinic has no {GENERAL_MEDICINE} service; recommending {clinic[0]}.")
    return clinic[0], notes


def _compose_advice(book: RuleBook, urgency: str, fired: list[Rule], emergency_number: str) -> str:
    # Only first aid for the deciding level: home remedies do not belong next to "call now".
    specific = [rule.advice for rule in fired if rule.advice and rule.level == urgency]
    unique_specific = list(dict.fromkeys(specific))[:3]
    base = book.advice[urgency].format(emergency_number=emergency_number)
    tail = book.advice["safety_net"].format(emergency_number=emergency_number) if urgency != "emergency" else ""
    advice = " ".join([base, *unique_specific, tail]).strip()
    return advice[:MAX_ADVICE_CHARS]


# --------------------------------------------------------------------------
# Public entry point.
# --------------------------------------------------------------------------


def assess(
    text: str,
    *,
    age_years: float | None = None,
    history: dict | None = None,
    specializations: list[str] | None = None,
    emergency_number: str = "999",
) -> TriageResult:
    """Triage one free-text complaint with the embedded clinical rules."""
    book = load_rules()
    facts = _Facts(book, text or "", age_years, history)
    # Most urgent first, so the rule that decided the level leads the rationale.
    to_try = book.rules_to_try(facts._candidates)
    fired = [rule for rule in to_try if not rule.fallback and _rule_fires(rule, facts)]
    if not fired:
        fired = [rule for rule in to_try if rule.fallback and _rule_fires(rule, facts)]
    fired.sort(key=lambda r: -URGENCY_RANK[r.level])
    if fired:
        urgency = fired[0].level
        # Self-care reasons ("without warning signs") would contradict a higher level.
        shown = [rule for rule in fired if rule.level != "self_care" or urgency == "self_care"]
        rationale = [f"{rule.label}: {rule.reason}" for rule in shown]
    else:
        urgency = "routine"
        rationale = []

    clinic = list(specializations) if specializations else list(DEFAULT_SPECIALIZATIONS)
    specialization, notes = _choose_specialization(facts, fired, clinic)
    if not fired:
        if _recognised_anything(facts):
            rationale = ["No urgency pattern recognised: a routine appointment lets a doctor take a proper history."]
        else:
            rationale = ["The rule engine did not recognise any symptom or condition in this description, so it "
                         "cannot judge how urgent it is. Book a routine General Medicine appointment so a doctor "
                         "can take a proper history; if you feel very unwell, seek care sooner."]
    return TriageResult(
        urgency=urgency,
        specialization=specialization,
        red_flags=[rule.label for rule in fired if rule.level == "emergency"],
        advice=_compose_advice(book, urgency, fired, emergency_number),
        rationale=rationale + notes,
        rules_fired=[rule.id for rule in fired],
    )
