"""Read a free-text complaint: tokens, facts (age, sex, temperature, duration,
onset) and the ConText modifiers (negated, uncertain, historical, someone
else's) that the knowledge base's findings are matched against.

Phrases from the knowledge files go through the same `tokens()` pipeline as
patient text, so a phrase is written once in plain words: case, British or
American spelling, word endings and shorthand are folded on both sides.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

import snowballstemmer

# ---------------------------------------------------------------------------
# Normalisation and tokens.
# ---------------------------------------------------------------------------

_BANGLA_DIGITS = {ord("০") + i: str(i) for i in range(10)}
_CHAR_FOLD = {
    **_BANGLA_DIGITS,
    0x200C: None, 0x200D: None,             # zero-width (non-)joiners inside Bangla words
    0x0964: ".", 0x0965: ".",               # danda, double danda
    0x2019: "", 0x2018: "", ord("'"): "", ord("`"): "",   # can't -> cant, baby's -> babys
    0x201C: " ", 0x201D: " ", ord('"'): " ",
    0x2013: " - ", 0x2014: " - ",
    0x00B0: " deg ",                        # 39°C -> 39 deg c
    0x00BA: " deg ",
    0x2109: " deg f", 0x2103: " deg c",
}

# Clinical shorthand that is only safe to read when written in capitals.
_CASED_SHORTHAND = [(re.compile(p), r) for p, r in (
    (r"\bHA\b", " headache "), (r"\bLOC\b", " loss of consciousness "), (r"\bHR\b", " heart rate "),
    (r"\bSI\b", " suicidal ideation "), (r"\bOD\b", " overdose "), (r"\bST\b", " sore throat "),
    (r"\bRR\b", " respiratory rate "), (r"\bPR\b", " per rectum "), (r"\bPV\b", " per vagina "),
)]

# Shorthand read in any case; applied to patient text and knowledge phrases alike.
_SHORTHAND = [(re.compile(p), r) for p, r in (
    (r"(?<![a-z0-9])y\s*/\s*o(?![a-z])", " year old "),
    (r"(?<![a-z])y\.\s?o\.?(?![a-z])", " year old "),
    (r"(?<=\d)\s?yo\s?m(?![a-z])", " year old male "),
    (r"(?<=\d)\s?yo\s?f(?![a-z])", " year old female "),
    (r"(?<=\d)\s?yom(?![a-z])", " year old male "),
    (r"(?<=\d)\s?yof(?![a-z])", " year old female "),
    (r"(?<=\d)\s?(?:yo|yrs?\s?old|years?\s?old)(?![a-z])", " year old "),
    (r"(?<![a-z])h\s*/\s*o(?![a-z])", " history of "),
    (r"(?<![a-z])c\s*/\s*o(?![a-z])", " complains of "),
    (r"(?<![a-z])r\s*/\s*o(?![a-z])", " query "),
    (r"(?<![a-z])s\s*/\s*p(?![a-z])", " status post "),
    (r"(?<![a-z])w\s*/\s*o(?![a-z])", " without "),
    (r"(?<![a-z])w\s*/(?![a-z]{2})", " with "),
    (r"(?<![a-z])b\s*/\s*l(?![a-z])", " bilateral "),
    (r"(?<![a-z])n\s*[/+&]\s*v(?![a-z])", " nausea and vomiting "),
    (r"(?<![a-z])d\s*[/+&]\s*v(?![a-z])", " diarrhoea and vomiting "),
    (r"(?<![a-z])d\s*/\s*o(?![a-z])", " diarrhoea "),
    (r"(?<![a-z])pmh(?:x)?(?![a-z])", " past medical history "),
    (r"(?<![a-z])(?:fhx|fh|fam hx|fam history)(?![a-z])", " family history "),
    (r"(?<![a-z])(?:hx)(?![a-z])", " history "),
    (r"(?<![a-z])sob(?:oe)?(?![a-z])", " shortness of breath "),
    (r"(?<![a-z])doe(?![a-z])", " shortness of breath on exertion "),
    (r"(?<![a-z])(?:urti|uri)(?![a-z])", " upper respiratory tract infection "),
    (r"(?<![a-z])uti(?![a-z])", " urinary tract infection "),
    (r"(?<![a-z])cp(?![a-z])", " chest pain "),
    (r"(?<![a-z])(?:abd|abdo)(?![a-z])", " abdominal "),
    (r"(?<![a-z])bp(?![a-z])", " blood pressure "),
    (r"(?<![a-z])(?:spo2|sp02|sats|o2 sats)(?![a-z0-9])", " oxygen saturation "),
    (r"(?<![a-z])(?:pt|pts)(?![a-z])", " patient "),
    (r"(?<![a-z])sx(?![a-z])", " symptoms "),
    (r"(?<![a-z])(?:hrs|hr)(?![a-z])", " hours "),
    (r"(?<![a-z])(?:wks|wk)(?![a-z])", " weeks "),
    (r"(?<![a-z])(?:mins)(?![a-z])", " minutes "),
    (r"(?<![a-z])(?:yrs)(?![a-z])", " years "),
    (r"(?<![a-z])(?:mths|mos)(?![a-z])", " months "),
    (r"(?<![a-z])(?:cva)(?![a-z])", " stroke "),
    (r"(?<![a-z])(?:sz)(?![a-z])", " seizure "),
    (r"(?<![a-z])(?:ams)(?![a-z])", " altered mental status "),
    (r"(?<![a-z])(?:loc)(?![a-z])", " loss of consciousness "),
    (r"(?<![a-z])(?:etoh)(?![a-z])", " alcohol "),
    (r"(?<![a-z])(?:dx)(?![a-z])", " diagnosed "),
)]
_SPACES = re.compile(r"\s+")
_WORD_HYPHEN = re.compile(r"(?<=[a-z0-9\u0980-\u09ff])-(?=[a-z0-9\u0980-\u09ff])")
# Words (Latin letters, digits, Bangla letters with their combining signs),
# decimals, a few symbols that carry meaning, and clause punctuation.
_TOKEN = re.compile(r"\d+(?:\.\d+)?|[a-z\u0980-\u09ff]+(?:[0-9][a-z0-9]*)?|[.,;:!?()/\-+]|\n")

# Determiners skipped when matching phrases, so "pain in chest" also reads
# "pain in my chest"; kept in the stream for ConText and experiencer.
SKIP = frozenset({"a", "an", "the", "my", "his", "her", "their", "your", "our", "its", "some"})
CLAUSE_PUNCT = frozenset({".", ",", ";", ":", "!", "?", "(", ")", "\n", "-"})
SENTENCE_PUNCT = frozenset({".", ";", "!", "?", "\n"})

_STEMMER = snowballstemmer.stemmer("english")
# Endings snowball would conflate with an unrelated word.
_STEM_EXCEPTIONS = {"fitness": "fitness", "positive": "positive", "position": "position", "news": "news",
                    "general": "general", "generally": "general", "organ": "organ", "organs": "organ"}
_STEM_CACHE: dict[str, str] = {}

_SPELLING = [(re.compile(p), r) for p, r in (
    (r"^oe", "e"), (r"oea", "ea"), (r"foet", "fet"), (r"coel", "cel"),
    (r"(?<=.)ae", "e"), (r"is(e|ed|es|ing|ation|ations)$", r"iz\1"),
    (r"^(tum|col|behavi|hum|lab|od|fav|vap)our", r"\1or"),
    (r"tre$", "ter"), (r"ogue$", "og"), (r"yse$", "yze"),
)]
_ASCII_WORD = re.compile(r"[a-z]+")


def fold(word: str) -> str:
    """British/American spelling folded to one form (haem/hem, oedema, -ise/-ize)."""
    if not word.isascii() or len(word) < 4:
        return word
    for pattern, replacement in _SPELLING:
        word = pattern.sub(replacement, word)
    return word


def stem(form: str) -> str:
    cached = _STEM_CACHE.get(form)
    if cached is None:
        if form in _STEM_EXCEPTIONS:
            cached = _STEM_EXCEPTIONS[form]
        elif len(form) > 3 and _ASCII_WORD.fullmatch(form):
            cached = _STEMMER.stemWord(form)
        else:
            cached = form
        if len(_STEM_CACHE) < 200_000:
            _STEM_CACHE[form] = cached
    return cached


def _expand(text: str) -> str:
    text = unicodedata.normalize("NFC", text).translate(_CHAR_FOLD)
    for pattern, replacement in _CASED_SHORTHAND:
        text = pattern.sub(replacement, text)
    text = _WORD_HYPHEN.sub(" ", text.lower())
    for pattern, replacement in _SHORTHAND:
        text = pattern.sub(replacement, text)
    return text


@dataclass(frozen=True, slots=True)
class Token:
    raw: str      # as written, lowercased and with shorthand expanded
    form: str     # spelling folded, not stemmed (prefix terms match this)
    stem: str     # what phrases match


@lru_cache(maxsize=4096)
def _word_token(raw: str) -> Token:
    form = fold(raw)
    return Token(raw, form, stem(form))


def tokens(text: str) -> list[Token]:
    """The token stream for patient text or for a knowledge phrase."""
    expanded = _expand(text)
    return [_word_token(raw) for raw in _TOKEN.findall(expanded)]


def expanded_text(text: str) -> str:
    return _SPACES.sub(" ", _expand(text)).strip()


# ---------------------------------------------------------------------------
# Facts: age, sex, temperature, duration, onset.
# ---------------------------------------------------------------------------

_NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                 "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fourteen": 14, "twenty": 20,
                 "a couple of": 2, "couple of": 2, "a few": 3, "few": 3, "several": 3, "half a": 0.5,
                 "a half": 0.5}
_NUM = r"(\d+(?:\.\d+)?|" + "|".join(sorted(map(re.escape, _NUMBER_WORDS), key=len, reverse=True)) + ")"
_UNIT_DAYS = {
    "min": 1 / 1440, "minute": 1 / 1440, "minutes": 1 / 1440, "m": 1 / 1440,
    "h": 1 / 24, "hour": 1 / 24, "hours": 1 / 24,
    "d": 1, "day": 1, "days": 1, "night": 1, "nights": 1, "din": 1, "দিন": 1,
    "w": 7, "week": 7, "weeks": 7, "saptah": 7, "সপ্তাহ": 7,
    "mo": 30, "month": 30, "months": 30, "mash": 30, "mas": 30, "মাস": 30,
    "y": 365, "year": 365, "years": 365, "bochor": 365, "বছর": 365,
}
_UNIT = r"(minutes?|min|hours?|h|days?|d|nights?|weeks?|w|months?|mo|years?|y|din|saptah|mash|mas|bochor|দিন|সপ্তাহ|মাস|বছর)"
_DURATION_PATTERNS = [re.compile(p) for p in (
    r"(?:for|since|past|last|over|x|about|almost|nearly|around|already)\s*(?:the\s+)?(?:past\s+|last\s+)?" + _NUM
    + r"\s*(?:-\s*)?" + _UNIT + r"(?![a-z])",
    _NUM + r"\s*" + _UNIT + r"\s*(?:ago|now|ongoing|history|duration|of\s)",
    _NUM + r"\s*" + _UNIT + r"\s*(?:ধরে|dhore|theke|থেকে)",
    r"(?<![a-z0-9])x\s*" + _NUM + r"\s*" + _UNIT + r"(?![a-z])",
)]
_FRACTION_DURATION = re.compile(r"(?<![\d/])(\d{1,2})\s*/\s*(7|52|12)(?![\d/])")
_DURATION_PHRASES = [(re.compile(p), days) for p, days in (
    (r"since (?:this morning|today|earlier today|this afternoon|this evening|tonight|an hour ago)", 0.3),
    (r"(?:this morning|earlier today|since lunch|for an hour|for a few hours|for hours)", 0.3),
    (r"since (?:yesterday|last night)|overnight|from yesterday|গতকাল থেকে|kal theke|gotokal theke", 1),
    (r"since (?:the )?weekend", 3),
    (r"since last week|for a week|for about a week|over a week|more than a week|one week", 7),
    (r"for weeks|for several weeks|for a few weeks|for many weeks", 21),
    (r"since last month|for a month|over a month|more than a month", 30),
    (r"for months|over months|for many months|for several months", 90),
    (r"for years|over years|for many years|since childhood|lifelong|for ages", 730),
)]
_AGE_PATTERNS = [re.compile(p) for p in (
    _NUM + r"\s*(?:-\s*)?(year|month|week|day|yr|mo|mth|wk|w|d|m|y)s?\s*(?:-\s*)?old(?![a-z])",
    r"(?:aged|age|ages|বয়স)\s*:?\s*(\d{1,3}(?:\.\d+)?)\s*(years?|months?|weeks?|days?|বছর|মাস)?(?![\d.])",
    r"(\d{1,3}(?:\.\d+)?)\s*(বছর|মাস|সপ্তাহ|দিন)\s*(?:ের|এর|বয়স|বয়সী|বয়সের|বয়সী)",
    r"(\d{1,3}(?:\.\d+)?)\s*(bochor|bochorer|masher|mash)\s*(?:er|boyosh|boyoshi|bayas|age)?",
)]
_CLINICAL_AGE_SEX = re.compile(r"(?:^|[.,;:(]\s*|patient\s|pt\s)(\d{1,3})\s?(m|f|male|female)(?![a-z0-9])")
_AGED_SEX = re.compile(r"(?:year|month|week|day)s?\s*old\s*(m|f|male|female|man|woman|boy|girl|lady|gentleman)(?![a-z])")
_AGE_UNIT_YEARS = {"year": 1, "yr": 1, "y": 1, "years": 1, "বছর": 1, "bochor": 1, "bochorer": 1,
                   "month": 1 / 12, "months": 1 / 12, "mo": 1 / 12, "mth": 1 / 12, "m": 1 / 12, "মাস": 1 / 12,
                   "mash": 1 / 12, "masher": 1 / 12,
                   "week": 7 / 365, "weeks": 7 / 365, "wk": 7 / 365, "w": 7 / 365, "সপ্তাহ": 7 / 365,
                   "day": 1 / 365, "days": 1 / 365, "d": 1 / 365, "দিন": 1 / 365}
_AGE_WORDS = [(re.compile(p), years) for p, years in (
    (r"(?<![a-z])(?:newborn|new born|neonate|নবজাতক|nobojatok)(?![a-z])", 0.02),
    (r"(?<![a-z])(?:infant|baby|babies|শিশু বাচ্চা)(?![a-z])", 0.5),
    (r"(?<![a-z])(?:toddler)(?![a-z])", 2),
)]
_TEMP_PATTERNS = [re.compile(p) for p in (
    r"(\d{2,3}(?:\.\d+)?)\s*(?:deg(?:rees?)?\s*)?(c|f|celsius|fahrenheit|centigrade)(?![a-z])",
    r"(\d{2,3}(?:\.\d+)?)\s*deg(?:rees?)?(?![a-z])",
    r"(?:temperature|temp|t|tmax|fever|pyrexia|pyrexial|febrile|jor|jwor|জ্বর|spiked|spiking)\s*[,:]?\s*(?:of|is|was|at|to|reached|reading|:|=|up to|of about|around|ache|hoyeche)?\s*(\d{2,3}(?:\.\d+)?)(?![\d/])",
)]
_MALE = re.compile(r"(?<![a-z])(?:male|man|boy|son|husband|father|dad|brother|gentleman|grandfather|grandpa|he|him|his|"
                   r"chele|চেলে|ছেলে|বাবা|স্বামী|abbu|baba)(?![a-z])")
_FEMALE = re.compile(r"(?<![a-z])(?:female|woman|lady|girl|daughter|wife|mother|mum|mom|sister|grandmother|grandma|she|her|"
                     r"meye|মেয়ে|মা|স্ত্রী|ammu|amma|pregnant|গর্ভবতী)(?![a-z])")


def _number(raw: str) -> float:
    return _NUMBER_WORDS[raw] if raw in _NUMBER_WORDS else float(raw)


def read_age_years(text: str) -> float | None:
    for pattern in _AGE_PATTERNS:
        match = pattern.search(text)
        if match:
            unit = (match.group(2) or "year").rstrip("s") if match.lastindex and match.lastindex >= 2 else "year"
            unit = unit if unit in _AGE_UNIT_YEARS else unit + "s" if unit + "s" in _AGE_UNIT_YEARS else "year"
            return round(_number(match.group(1)) * _AGE_UNIT_YEARS.get(unit, 1), 3)
    match = _CLINICAL_AGE_SEX.search(text)
    if match and int(match.group(1)) <= 110:
        return float(match.group(1))
    for pattern, years in _AGE_WORDS:
        if pattern.search(text):
            return years
    return None


def read_sex(text: str) -> str | None:
    match = _CLINICAL_AGE_SEX.search(text)
    if match:
        return "male" if match.group(2).startswith("m") else "female"
    match = _AGED_SEX.search(text)
    if match:
        return "male" if match.group(1) in {"m", "male", "man", "boy", "gentleman"} else "female"
    male, female = _MALE.search(text), _FEMALE.search(text)
    if male and female:
        return "male" if male.start() < female.start() else "female"
    return "male" if male else "female" if female else None


def read_temperature_c(text: str) -> float | None:
    best = None
    for pattern in _TEMP_PATTERNS:
        for match in pattern.finditer(text):
            value = float(match.group(1))
            unit = match.group(2)[0] if match.lastindex and match.lastindex >= 2 and match.group(2) else None
            if unit == "f" or (unit is None and 95 <= value <= 110):
                celsius = (value - 32) * 5 / 9
            elif unit == "c" or (unit is None and 34 <= value <= 43):
                celsius = value
            else:
                continue
            if 30 <= celsius <= 45:
                best = celsius if best is None else max(best, celsius)
    return None if best is None else round(best, 1)


def read_duration_days(text: str) -> float | None:
    found: list[float] = []
    for pattern in _DURATION_PATTERNS:
        for match in pattern.finditer(text):
            unit = match.group(2)
            found.append(_number(match.group(1)) * _UNIT_DAYS.get(unit, _UNIT_DAYS.get(unit.rstrip("s"), 1)))
    for match in _FRACTION_DURATION.finditer(text):
        count, base = int(match.group(1)), match.group(2)
        if base == "7" and count <= 7:
            found.append(count)
        elif base == "52" and count <= 52:
            found.append(count * 7)
        elif base == "12" and count <= 12:
            found.append(count * 30)
    for pattern, days in _DURATION_PHRASES:
        if pattern.search(text):
            found.append(days)
    return round(max(found), 3) if found else None


# ---------------------------------------------------------------------------
# ConText: negation, uncertainty, history, experiencer.
# ---------------------------------------------------------------------------

def _phrases(*items: str) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(t.stem for t in tokens(item)) for item in items)


NEGATION_PRE = _phrases(
    "no", "not", "denies", "denied", "deny", "denying", "without", "negative for", "free of", "never had",
    "never", "doesnt have", "does not have", "dont have", "do not have", "hasnt got", "hasnt had", "havent got",
    "havent had", "has not had", "have not had", "didnt have", "did not have", "absence of", "absent",
    "ruled out", "rules out", "nor", "neither", "no sign of", "no signs of", "no evidence of", "no history of",
    "isnt", "wasnt", "not had", "no complaints of", "no c/o", "nil", "none")
NEGATION_POST = _phrases(
    "none", "denied", "absent", "negative", "nil", "not present", "not there", "resolved", "gone", "ruled out",
    "nai", "nei", "nay", "nei ekhon", "নেই", "নাই", "হয়নি", "hoyni", "na")
UNCERTAIN_PRE = _phrases(
    "might", "may", "maybe", "possibly", "possible", "perhaps", "probably", "not sure if", "not sure whether",
    "could be", "could have", "query", "suspected", "suspect", "wonder if", "wondering if", "worried about",
    "concerned about", "afraid of", "rule out", "likely", "?", "ki", "মনে হয়", "mone hoy")
UNCERTAIN_POST = _phrases("?", "maybe", "possibly", "not sure", "i think")
HISTORICAL_PRE = _phrases(
    "history of", "past medical history", "past history", "known", "known case of", "previous", "previously",
    "prior", "diagnosed with", "background of", "a history", "status post", "recovered from",
    "used to have", "used to get")
HISTORICAL_POST = _phrases("last year", "as a child", "years ago", "in the past", "when i was young",
                           "when i was a child", "in childhood", "long ago", "previously")
FAMILY_PRE = _phrases("family history", "family history of", "runs in the family", "runs in my family", "genetic")
FAMILY_POST = _phrases("runs in the family", "runs in my family", "in the family", "in my family")
TERMINATORS = _phrases(
    "but", "however", "although", "though", "except", "apart from", "aside from", "which", "who", "presents with",
    "presenting with", "presented with", "complains", "complains of", "complaining", "reports", "reporting", "now",
    "has", "have", "with", "today", "currently", "still", "yet", "kintu", "কিন্তু", "tobe", "ache",
    "আছে", "since", "whereas", "while", "then", "so", "because", "as", "presents", "feels", "feel", "got",
    "developed", "started", "complaint")
# Words that open a new list item with its own verb: "denies chest pain, HAS productive cough".
_LIST_VERBS = frozenset(t for phrase in _phrases(
    "has", "have", "had", "with", "reports", "complains", "presents", "is", "was", "are", "got", "feels",
    "now", "new", "also", "developed", "started", "having", "productive", "getting", "ongoing", "persistent",
    "ache", "আছে", "hoyeche", "hocche") for t in phrase)
_CONJUNCTIONS = frozenset({"or", "nor", "and", "ba", "ebong", "ও", "বা", "এবং"})

_RELATIVES = frozenset(t.stem for t in tokens(
    "mother mum mom mam mummy mommy father dad daddy papa brother sister son daughter baby child kid kids husband "
    "wife grandmother grandfather granny grandma grandpa nan nana aunt uncle cousin parents parent partner boy girl "
    "toddler infant newborn niece nephew grandson granddaughter friend ammu abbu amma abba bhai bon chele meye "
    "স্বামী স্ত্রী ছেলে মেয়ে মা বাবা ভাই বোন বাচ্চা দাদা দাদি নানা নানি baccha"))
_POSSESSIVES = frozenset({"my", "our", "his", "her", "their", "আমার", "amar", "amader"})
_FIRST_PERSON = frozenset({"i", "im", "ive", "id", "me", "myself", "আমি", "ami", "amr"})
# "mother had", "dad died of": a relative's past illness is family history even in a carer's text.
_DIED = frozenset({"die", "pass", "died", "passed"})
_FAMILY_PAST_VERBS = frozenset(t.stem for t in tokens("had died passed suffered")) | {"die", "pass", "suffer"}


_BY_FIRST: dict[int, dict[str, tuple[tuple[str, ...], ...]]] = {}


def _starts(stems: list[str], i: int, phrases: tuple[tuple[str, ...], ...]) -> int:
    """Length of the longest phrase starting at i, or 0."""
    index = _BY_FIRST.get(id(phrases))
    if index is None:
        grouped: dict[str, list] = {}
        for phrase in phrases:
            grouped.setdefault(phrase[0], []).append(phrase)
        index = _BY_FIRST[id(phrases)] = {k: tuple(sorted(v, key=len, reverse=True)) for k, v in grouped.items()}
    candidates = index.get(stems[i])
    if not candidates:
        return 0
    for phrase in candidates:  # longest first
        n = len(phrase)
        if n == 1 or tuple(stems[i:i + n]) == phrase:
            return n
    return 0


@dataclass(slots=True)
class Modifiers:
    negated: list[bool]
    uncertain: list[bool]
    historical: list[bool]
    other: list[bool]   # someone else's (family history)
    subject: str        # "writer" or the relative's stem the text is about


def _sentences(stems: list[str]) -> list[tuple[int, int]]:
    spans, start = [], 0
    for i, s in enumerate(stems):
        if s in SENTENCE_PUNCT:
            if i > start:
                spans.append((start, i))
            start = i + 1
    if start < len(stems):
        spans.append((start, len(stems)))
    return spans


def _terminator_at(stems: list[str], i: int) -> bool:
    return _starts(stems, i, TERMINATORS) > 0


def _forward_scope(stems: list[str], start: int, end: int, *, across_commas: bool) -> int:
    """Where a pre-trigger's scope ends (exclusive), from `start` within a sentence ending at `end`.

    Commas continue a negation only across a closed list: "no fever, chills, or weight loss"
    (closed by or/nor/and before any terminator) but not "denies chest pain, productive cough".
    """
    i = start
    while i < end:
        s = stems[i]
        if s in CLAUSE_PUNCT and s != ",":
            return i
        if s == ",":
            if not across_commas:
                return i
            nxt = i + 1
            if nxt < end and stems[nxt] in _LIST_VERBS:
                return i
            closed = False
            j = nxt
            while j < end:
                if stems[j] in _CONJUNCTIONS:
                    closed = stems[j + 1] not in _LIST_VERBS if j + 1 < end else True
                    break
                if stems[j] in CLAUSE_PUNCT and stems[j] != ",":
                    break
                if _terminator_at(stems, j):
                    break
                j += 1
            if not closed:
                return i
        elif i > start and _terminator_at(stems, i):
            return i
        i += 1
    return end


def context_modifiers(stream: list[Token], protected: set[int]) -> Modifiers:
    """Per-token flags; a finding takes the flags of its first token. `protected` are the
    token indexes inside findings ("khacche na"), where a post-trigger does not act."""
    stems = [t.stem if t.raw not in SKIP else t.raw for t in stream]
    n = len(stems)
    negated, uncertain, historical, other = [False] * n, [False] * n, [False] * n, [False] * n
    subject = _text_subject(stems)
    for i, s in enumerate(stems):
        if s == "?":  # "?appendicitis", "fever?": a query, in either direction
            k = i + 1
            while k < n and stems[k] not in CLAUSE_PUNCT:
                uncertain[k] = True
                k += 1
            k = i - 1
            while k >= 0 and stems[k] not in CLAUSE_PUNCT:
                uncertain[k] = True
                k -= 1
    for start, end in _sentences(stems):
        i = start
        while i < end:
            best, flags, across = 0, None, True
            for phrases, target, commas in ((FAMILY_PRE, other, True), (HISTORICAL_PRE, historical, True),
                                            (NEGATION_PRE, negated, True), (UNCERTAIN_PRE, uncertain, False)):
                length = _starts(stems, i, phrases)
                if length > best:
                    best, flags, across = length, target, commas
            if not best:
                i += 1
                continue
            # A trigger never flags its own tokens, so a finding that starts with one
            # ("no wet nappies", "not eating") stays affirmed while the list after it does not.
            if i + best < end and stems[i + best] == ":":  # "PMH: asthma, diabetes"
                best += 1
            stop = _forward_scope(stems, i + best, end, across_commas=across)
            for k in range(i + best, stop):
                flags[k] = True
            i += best
        # Post-triggers look back to the start of their clause.
        for i in range(start, end):
            for phrases, flags in ((NEGATION_POST, negated), (UNCERTAIN_POST, uncertain),
                                   (HISTORICAL_POST, historical), (FAMILY_POST, other)):
                if i in protected:
                    continue
                if _starts(stems, i, phrases):
                    k = i - 1
                    if phrases is NEGATION_POST and k >= start and stems[k] == ":":
                        k -= 1
                    while k >= start and stems[k] not in CLAUSE_PUNCT and not _terminator_at(stems, k):
                        flags[k] = True
                        k -= 1
                    break
        _mark_relatives(stems, start, end, subject, other)
    return Modifiers(negated, uncertain, historical, other, subject)


def _relative_at(stems: list[str], i: int) -> str | None:
    """The relative named at i ("my brother", "his dad", "আমার ছেলে"), if any."""
    if stems[i] in _RELATIVES and i > 0 and stems[i - 1] in _POSSESSIVES:
        return stems[i]
    if stems[i] in _RELATIVES and i + 1 < len(stems) and stems[i + 1] in _FAMILY_PAST_VERBS:
        return stems[i]  # "dad died of", "mother had"
    if stems[i] in _POSSESSIVES and i + 1 < len(stems) and stems[i + 1] in _RELATIVES:
        return None  # read at the noun
    return None


_BODY = frozenset(t.stem for t in tokens(
    "chest head stomach tummy belly back leg legs arm arms eye eyes ear ears throat skin period periods heart knee "
    "foot feet hand hands neck face lips tongue mouth nose tooth teeth joint joints urine pee poo stool breathing "
    "body vision hip shoulder ankle wrist breast breasts vagina penis testicle bladder kidney side temperature "
    "বুক মাথা পেট চোখ কান গলা"))
_NOT_SYMPTOM = frozenset(t.stem for t in tokens(
    "think worried worry concerned scared afraid notice noticed found want need wonder gave took brought called "
    "believe guess sure am"))


def _first_person_symptom(stems: list[str], i: int) -> bool:
    s = stems[i]
    if s in {"my", "আমার", "amar"}:
        return i + 1 < len(stems) and stems[i + 1] in _BODY
    if s not in _FIRST_PERSON:
        return False
    following = stems[i + 1:i + 3]
    return not following or not (_NOT_SYMPTOM & set(following))


def _text_subject(stems: list[str]) -> str:
    """Who the text is about: the writer when they speak of their own symptoms
    ("I have", "my chest"), otherwise the first relative named ("my son has a fever")."""
    first_relative = None
    for i in range(len(stems)):
        if _first_person_symptom(stems, i):
            return "writer"
        if first_relative is None and i > 0 and stems[i - 1] in _POSSESSIVES:
            first_relative = _relative_at(stems, i)
    return first_relative or "writer"


_BABY = stem("baby")
_PREGNANCY = frozenset({stem("pregnant"), stem("pregnancy"), "গর্ভবতী", stem("gorbhoboti")})


def _mark_relatives(stems: list[str], start: int, end: int, subject: str, other: list[bool]) -> None:
    """In a sentence about another relative than the patient, that relative's findings are not the patient's."""
    pregnant = not _PREGNANCY.isdisjoint(stems)
    i = start
    while i < end:
        relative = _relative_at(stems, i)
        bare = relative is not None and not (i > 0 and stems[i - 1] in _POSSESSIVES)
        if relative and (relative != subject or bare) and not (relative == _BABY and pregnant):
            past = i + 1 < end and stems[i + 1] in _FAMILY_PAST_VERBS
            if subject == "writer" or past or (i > 0 and stems[i - 1] in {"his", "her", "their"}):
                k = i + 1
                while (k < end and not (stems[k] in CLAUSE_PUNCT and stems[k] != ",")
                       and stems[k] not in {"but", "kintu"} and stems[k] not in _FIRST_PERSON):
                    if _relative_at(stems, k) == subject:
                        break
                    other[k] = True
                    k += 1
                i = k
                continue
        i += 1


@dataclass
class Facts:
    age_years: float | None = None
    sex: str | None = None
    temp_c: float | None = None
    days: float | None = None
    age_from_text: bool = False
    notes: list[str] = field(default_factory=list)


def read_facts(text: str) -> Facts:
    """Age, sex, temperature and duration from the expanded text."""
    expanded = expanded_text(text)
    facts = Facts()
    facts.age_years = read_age_years(expanded)
    facts.age_from_text = facts.age_years is not None
    facts.sex = read_sex(expanded)
    facts.temp_c = read_temperature_c(expanded)
    facts.days = read_duration_days(expanded)
    return facts
