"""The triage knowledge base: load, validate and compile the YAML files in
`backend/triage/knowledge/` (format: that folder's README.md).

    python -m backend.triage.knowledge check [FILE...]

validates the files and runs every entry's examples through the engine,
printing what fails; it exits non-zero when anything in the named files (all
files when none are named) is wrong.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import re
import sys
import tempfile
import threading
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise, product
from pathlib import Path
from typing import Any

import yaml

from . import reader
from .reader import CLAUSE_PUNCT, SKIP, Token

KNOWLEDGE_DIR = Path(__file__).with_name("knowledge")
LEVELS = ("self_care", "routine", "urgent", "emergency")
SPECIALTIES = (
    "Cardiology", "Neurology", "Pulmonology", "Gastroenterology", "Dermatology", "Orthopedics", "ENT",
    "Ophthalmology", "Gynecology", "Urology", "Psychiatry", "Endocrinology", "Pediatrics", "General Medicine",
)
REGISTERS = ("lay", "caregiver", "clinical")
SHARED_FILES = ("findings.yaml", "context.yaml")
CONTEXT_FILE = "context.yaml"
NEAR_WORDS = 5

_FILE_KEYS = {"system", "findings", "context", "conditions"}
_CONDITION_KEYS = {"id", "name", "source", "specialty", "level", "requires", "supports", "min_supports", "unless",
                   "raise", "advice", "examples"}
_REQUIRED_CONDITION_KEYS = ("id", "name", "source", "specialty", "level", "examples")
_RAISE_KEYS = {"if", "level", "why", "ask", "unless"}
_EXAMPLE_KEYS = {"register", "text", "age_years", "history", "answers"}
_ADVICE_LANGUAGES = {"en", "bn"}
_ID = re.compile(r"^[a-z][a-z0-9_]*$")
# Built-in context tests; every other context name comes from context.yaml.
BUILTIN_CONTEXT = ("sudden", "worsening")
_TEST = re.compile(r"^(age|temp|days)\s*(<=|>=|<|>|=)\s*(\d+(?:\.\d+)?)\s*([a-z]*)$")
_SEX_TEST = re.compile(r"^sex\s*=\s*(female|male)$")
_LOOKS_LIKE_TEST = re.compile(r"^(age|temp|days|sex)\s*(<|>|=|!|≥|≤)")
_AGE_UNITS = {"": 1.0, "y": 1.0, "yr": 1.0, "years": 1.0, "m": 1 / 12, "mo": 1 / 12, "months": 1 / 12,
              "w": 7 / 365, "wk": 7 / 365, "weeks": 7 / 365, "d": 1 / 365, "days": 1 / 365}
_DAY_UNITS = {"": 1.0, "d": 1.0, "days": 1.0, "h": 1 / 24, "hours": 1 / 24, "w": 7.0, "weeks": 7.0,
              "m": 30.0, "months": 30.0, "y": 365.0}
# Words a built-in context finding is read from.
BUILTIN_SYNONYMS = {
    "sudden": ["sudden", "suddenly", "sudden onset", "abrupt", "abruptly", "thunderclap", "out of nowhere",
               "came on suddenly", "all of a sudden", "out of the blue", "instantly", "within seconds",
               "হঠাৎ", "hotat", "hothat", "hathat"],
    "worsening": ["worse", "worsening", "getting worse", "deteriorating", "deteriorated", "increasing",
                  "progressively", "progressive", "worse and worse", "spreading", "keeps getting worse",
                  "বাড়ছে", "বেড়ে যাচ্ছে", "barche", "bere jacche", "aro kharap"],
}


class KnowledgeError(ValueError):
    """The knowledge files are invalid; the message names every file and entry at fault."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("invalid triage knowledge:\n  " + "\n  ".join(problems))


# ---------------------------------------------------------------------------
# Compiled structures.
# ---------------------------------------------------------------------------

@dataclass(frozen=True)
class Test:
    """A context test: age/temp/days comparisons, sex, or a context finding."""
    kind: str             # "age" | "temp" | "days" | "sex" | "context"
    op: str = ""
    value: Any = None
    text: str = ""

    def holds(self, known: Known) -> bool | None:
        """True/False, or None when the fact is not known."""
        if self.kind == "sex":
            return None if known.sex is None else known.sex == self.value
        if self.kind == "context":
            return known.context(self.value)
        actual = {"age": known.age_years, "temp": known.temp_c, "days": known.days}[self.kind]
        if actual is None:
            return None
        return {"<": actual < self.value, "<=": actual <= self.value, ">": actual > self.value,
                ">=": actual >= self.value, "=": actual == self.value}[self.op]


@dataclass
class Raise:
    items: list[Any]      # Test or concept key (str)
    level: str
    why: str
    ask: str
    unless: list[Any] = field(default_factory=list)   # findings or tests that stop this rule (not the condition)


@dataclass
class Condition:
    id: str
    name: str
    source: str
    specialty: str
    level: str
    requires: list[list[str]]
    supports: list[str]
    min_supports: int
    unless: list[Any]
    raises: list[Raise]
    advice: dict[str, str]
    examples: list[dict]
    system: str
    file: str


@dataclass
class KnowledgeBase:
    version: str
    directory: Path
    findings: dict[str, list[str]]         # finding name -> synonyms (merged across files)
    context_names: set[str]
    conditions: list[Condition]
    matcher: Matcher
    by_concept: dict[str, list[int]]        # concept -> indexes of conditions it may make plausible
    files: list[str] = field(default_factory=list)
    advice: dict[str, str] = field(default_factory=dict)      # level -> English template (engine fills in)
    advice_bn: dict[str, str] = field(default_factory=dict)
    skipped: dict[str, list[str]] = field(default_factory=dict)  # file -> problems (check mode only)

    def condition(self, condition_id: str) -> Condition:
        for condition in self.conditions:
            if condition.id == condition_id:
                return condition
        raise KeyError(condition_id)


# ---------------------------------------------------------------------------
# Phrase matching: one pass over the tokens with an index keyed by first token.
# ---------------------------------------------------------------------------

Spec = tuple[str, str]  # ("w", stem) or ("p", prefix of the folded form)


_STAR = re.compile(r"(?<=[^\s*])\*(?=\s|$)")
_STAR_WORD = "qqprefixqq"
# Determiners kept when the author wrote them where they carry the meaning: an article before a
# phrase's only word ("a cold" is the illness, not the adjective "cold"; "a fit") and a
# determiner ending a phrase ("stabbed her" is not "stabbed"). Text matches them with any
# determiner in that place ("a cold", "the cold", "my cold"). Elsewhere they are skipped, so
# "after a fall" also reads the clinical "after fall".
KEPT_DETERMINERS = frozenset({"a", "an"})


def _phrase_parts(phrase: str) -> tuple[tuple[Spec, ...], tuple[tuple[int, str], ...]]:
    """The phrase's specs, and where the text must have a determiner: (index of the spec it comes
    before, or len(specs) for after the last; how strictly, see `Matcher.match`)."""
    specs: list[Spec] = []
    dets: list[int] = []
    stream = reader.tokens(_STAR.sub(" " + _STAR_WORD, phrase), phrase=True)
    words = [t for t in stream if t.raw != _STAR_WORD]
    content = [t for t in words if t.raw not in SKIP]
    several = len(words) > 1
    for index, token in enumerate(stream):
        if token.raw == _STAR_WORD:
            if specs and specs[-1][0] == "w" and index > 0 and stream[index - 1].raw not in SKIP:
                specs[-1] = ("p", stream[index - 1].form)
            continue
        if token.raw in SKIP:
            last = all(t.raw in SKIP or t.raw == _STAR_WORD for t in stream[index + 1:])
            if several and specs and last:
                dets.append((len(specs), "strict"))
            elif several and token.raw in KEPT_DETERMINERS and len(content) == 1:
                # "a fall": without the article only after a preposition ("after fall"), never "fall asleep"
                dets.append((len(specs), "noun"))
            elif several and token.raw in KEPT_DETERMINERS and len(specs) == len(content) - 1:
                # "has a cold": without the article the word must end its clause
                # ("has cold, ..." still reads; "has cold hands" does not)
                dets.append((len(specs), "soft"))
            continue
        specs.append(("w", token.stem))
    return tuple(specs), tuple(sorted(set(dets)))


def _phrase_specs(phrase: str) -> tuple[Spec, ...]:
    return _phrase_parts(phrase)[0]


def _prefix_matches(prefix: str, form: str) -> bool:
    """'pain*' reads pain, pains, painful, but never painless (a -less word means its root is absent)."""
    if not form.startswith(prefix):
        return False
    rest = form[len(prefix):]
    return not ("less" in rest and re.search(r"less(?:ly|ness)?$", rest))


@dataclass
class Occurrence:
    start: int          # index in the full token stream
    end: int            # exclusive
    first: int          # token whose ConText flags the occurrence takes
    sides: tuple[int, ...] = ()   # for "A ~ B": the first token of every side (each may be negated)


class Matcher:
    """Every phrase of every concept compiled into one index."""

    def __init__(self) -> None:
        self.atoms: list[tuple[Spec, ...]] = []
        self.atom_dets: list[tuple[tuple[int, str], ...]] = []   # where the text must have a determiner
        self._atom_ids: dict[tuple, int] = {}
        self.by_word: dict[str, list[int]] = defaultdict(list)
        self.by_prefix: dict[int, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
        self.atom_concepts: dict[int, list[str]] = defaultdict(list)
        self._near_terms: dict[tuple[str, tuple[int, ...]], None] = {}  # every "A ~ B" term: (concept, sides)
        # atom -> the "A ~ B" terms looked at when it is found: each term under one of its sides (finalize)
        self.near: dict[int, list[tuple[str, tuple[int, ...], frozenset[int]]]] = {}
        self.concept_alternatives: dict[str, int] = defaultdict(int)

    def _atom(self, parts: tuple[tuple[Spec, ...], tuple[tuple[int, str], ...]]) -> int:
        atom = self._atom_ids.get(parts)
        if atom is None:
            specs, dets = parts
            atom = self._atom_ids[parts] = len(self.atoms)
            self.atoms.append(specs)
            self.atom_dets.append(dets)
            kind, value = specs[0]
            if kind == "w":
                self.by_word[value].append(atom)
            else:
                self.by_prefix[len(value)][value].append(atom)
        return atom

    def add(self, concept: str, phrase: str) -> str | None:
        """Compile one phrase for a concept; a problem description if it cannot be compiled."""
        if "~" in phrase:
            parts = [part.strip() for part in phrase.split("~")]
            if not all(parts):
                return f"'{phrase}': every side of 'A ~ B' needs words"
            specs = [_phrase_parts(part) for part in parts]
            if not all(spec for spec, _ in specs):
                return f"'{phrase}': a side has no words"
            self._near_terms[(concept, tuple(self._atom(spec) for spec in specs))] = None
        else:
            if re.search(r"\*\S", phrase) or phrase.strip() == "*":
                return f"'{phrase}': '*' may only end a word"
            parts = _phrase_parts(phrase)
            if not parts[0]:
                return f"'{phrase}': no words to match"
            self.atom_concepts[self._atom(parts)].append(concept)
        self.concept_alternatives[concept] += 1
        return None

    def finalize(self) -> None:
        self.prefix_lengths = sorted(self.by_prefix)
        self.longest_side = max((len(specs) for specs in self.atoms), default=1)
        # An atom of two or more words whose second is a whole word is found through its first two words
        # (most atoms starting with a common word such as "pain" fail on the second); the rest by the first.
        self.by_pair: dict[tuple[str, str], list[int]] = defaultdict(list)
        by_first: dict[str, list[int]] = {}
        for word, atoms in self.by_word.items():
            for atom in atoms:
                specs = self.atoms[atom]
                if len(specs) > 1 and specs[1][0] == "w":
                    self.by_pair[(word, specs[1][1])].append(atom)
                else:
                    by_first.setdefault(word, []).append(atom)
        self.by_pair = dict(self.by_pair)
        self.by_word = by_first
        self.by_prefix = {length: dict(index) for length, index in self.by_prefix.items()}
        for concept_list in self.atom_concepts.values():
            concept_list[:] = list(dict.fromkeys(concept_list))
        # A term needs every side, so it is enough to look at it when one chosen side is found: the side
        # that takes part in the fewest terms (a common word such as "pain" is a side of hundreds), so a
        # text wakes few terms, each once.
        sides_in = Counter(atom for _, atoms in self._near_terms for atom in set(atoms))
        near: dict[int, list] = defaultdict(list)
        for concept, atoms in self._near_terms:
            near[min(atoms, key=lambda atom: (sides_in[atom], atom))].append((concept, atoms, frozenset(atoms)))
        self.near = dict(near)

    def match(self, stream: list[Token]) -> dict[str, list[Occurrence]]:
        """concept -> its occurrences in the token stream."""
        content = [i for i, token in enumerate(stream) if token.raw not in SKIP]
        stems = [stream[i].stem for i in content]
        forms = [stream[i].form for i in content]
        # det_before[j]: a determiner stands right before content token j (det_before[n]: after the last one)
        det_before = [j > 0 and stream[j - 1].raw in SKIP for j in content]
        det_after = [j + 1 < len(stream) and stream[j + 1].raw in SKIP for j in content]
        # clause_end[j]: nothing but punctuation, a conjunction or the end follows content token j
        clause_end = [j + 1 >= len(stream) or stream[j + 1].raw in CLAUSE_PUNCT
                      or stream[j + 1].raw in _ENDING_WORDS for j in content]
        after_preposition = [j > 0 and stream[j - 1].raw in _NOUN_PREPOSITIONS for j in content]
        clause, current, wordpos, words = [], 0, [], 0
        for s in stems:  # "within 5 words": punctuation is not a word
            wordpos.append(words)
            words += s not in CLAUSE_PUNCT
        wordpos.append(words)
        for index, s in enumerate(stems):
            if (s in CLAUSE_PUNCT and not (s == "," and reader.comma_continues(stems, index))) or s in _CLAUSE_WORDS:
                current += 1
            clause.append(current)
        atoms = self.atoms
        found: dict[int, list[tuple[int, int]]] = defaultdict(list)  # atom -> (start, end) in content
        n = len(stems)
        by_word, by_pair, by_prefix, prefix_lengths = self.by_word, self.by_pair, self.by_prefix, self.prefix_lengths
        for j in range(n):
            candidates = by_word.get(stems[j], ())
            if j + 1 < n:
                pairs = by_pair.get((stems[j], stems[j + 1]))
                if pairs:
                    candidates = [*candidates, *pairs]
            form = forms[j]
            form_length = len(form)
            for length in prefix_lengths:
                if length > form_length:
                    break
                extra = by_prefix[length].get(form[:length])
                if extra and _prefix_matches(form[:length], form):
                    candidates = [*candidates, *extra]
            for atom in candidates:
                specs = atoms[atom]
                end = j + len(specs)
                if end > n:
                    continue
                for k in range(1, len(specs)):
                    kind, value = specs[k]
                    if kind == "w":
                        if stems[j + k] != value:
                            break
                    elif not _prefix_matches(value, forms[j + k]):
                        break
                else:
                    dets = self.atom_dets[atom]
                    if dets and not all(
                            det_after[end - 1] if k == len(specs) else
                            det_before[j + k] or (mode != "strict" and after_preposition[j + k])
                            or (mode == "soft" and clause_end[j + k]) for k, mode in dets):
                        continue
                    found[atom].append((j, end))
        result: dict[str, dict[tuple[int, int], Occurrence]] = defaultdict(dict)
        pending: list[tuple[str, tuple[int, ...], frozenset[int]]] = []
        for atom, spans in found.items():
            for concept in self.atom_concepts.get(atom, ()):
                for start, end in spans:
                    key = (content[start], content[end - 1] + 1)
                    result[concept].setdefault(key, Occurrence(key[0], key[1], key[0]))
            pending.extend(self.near.get(atom, ()))
        found_atoms = found.keys()
        # "45 year old female, blocked nose": the unit of an age is not how long ("blocked ~ nose ~ years")
        age_unit = [s in _TIME_UNITS and j + 1 < n and stems[j + 1] == "old" for j, s in enumerate(stems)]
        for concept, atoms, needed in pending:
            if not found_atoms >= needed:
                continue
            for combination in _near_combinations([found[atom] for atom in atoms], clause, wordpos,
                                                  self.longest_side):
                spans = sorted(combination)
                if len({clause[start] for start, _ in spans}) != 1:
                    continue
                if any(end - start == 1 and age_unit[start] for start, end in spans):
                    continue
                if any(later[0] < earlier[1] or wordpos[later[0]] - wordpos[earlier[1]] > NEAR_WORDS
                       for earlier, later in pairwise(spans)):
                    continue
                key = (content[spans[0][0]], content[max(end for _, end in spans) - 1] + 1)
                sides = tuple(sorted({content[start] for start, _ in spans}))
                # A plain phrase over the same words wins; two terms covering them with different sides are both
                # kept, so what is read never depends on the order terms are looked at (which shifts whenever an
                # unrelated phrase is added)
                if key not in result[concept]:
                    result[concept].setdefault((key, sides), Occurrence(key[0], key[1], key[0], sides))
        return {concept: list(occurrences.values()) for concept, occurrences in result.items()}


def _near_combinations(side_spans: list[list[tuple[int, int]]], clause: list[int], wordpos: list[int],
                       longest_side: int):
    """The combinations of one span per side that can be one "A ~ B" match: each around a span of the first side,
    with the other sides' spans from the same clause and within reach of it (every side is at most NEAR_WORDS from
    the next, so none is further than the sides times NEAR_WORDS plus their length). A long text repeating the same
    words would otherwise try every span of every side against every other."""
    reach = len(side_spans) * (NEAR_WORDS + longest_side)
    first, rest = side_spans[0], side_spans[1:]
    for anchor in first:
        where, at = clause[anchor[0]], wordpos[anchor[0]]
        near = [[span for span in spans if clause[span[0]] == where and abs(wordpos[span[0]] - at) <= reach]
                for spans in rest]
        for others in product(*near):
            yield (anchor, *others)


_TIME_UNITS = frozenset({"year", "month", "week", "day"})
_NOUN_PREPOSITIONS = frozenset({"after", "from", "with", "since", "following", "post", "of", "x", "w", "s/p"})
_ENDING_WORDS = frozenset({"and", "or", "but", "since", "for", "with", "after", "x", "today", "yesterday", "now"})
_CLAUSE_WORDS = frozenset({"but", "however", "although", "though", "except", "whereas", "while", "kintu", "কিন্তু"})


# ---------------------------------------------------------------------------
# What is known about the patient, for tests and questions.
# ---------------------------------------------------------------------------

@dataclass
class Known:
    present: set[str]            # affirmed concepts (uncertain count)
    absent: set[str]             # concepts only ever negated (or answered "no")
    context_present: set[str]    # context concepts: affirmed or historical, the patient's own
    age_years: float | None
    sex: str | None
    temp_c: float | None
    days: float | None

    def context(self, name: str) -> bool | None:
        if name in self.context_present or name in self.present:
            return True
        if name in self.absent:
            return False
        return None

    def term(self, item: Any) -> bool | None:
        if isinstance(item, Test):
            return item.holds(self)
        if item in self.present or item in self.context_present:
            return True
        if item in self.absent:
            return False
        return None


# ---------------------------------------------------------------------------
# Loading and validation.
# ---------------------------------------------------------------------------

def parse_test(text: str, context_names: set[str]) -> Test | None:
    """A context test, or None if the text is not one (then it is a finding or phrase)."""
    raw = " ".join(str(text).split()).lower()
    match = _TEST.match(raw)
    if match:
        kind, op, number, unit = match.groups()
        value = float(number)
        units = _AGE_UNITS if kind == "age" else _DAY_UNITS if kind == "days" else {"": 1.0, "c": 1.0}
        if unit not in units:
            raise ValueError(f"'{text}': unknown unit '{unit}' for {kind}")
        return Test(kind, op, value * units[unit], text)
    match = _SEX_TEST.match(raw)
    if match:
        return Test("sex", "=", match.group(1), text)
    if _LOOKS_LIKE_TEST.match(raw):
        raise ValueError(f"'{text}': not a valid context test (use 'age < 5', 'temp >= 38', 'days >= 3', "
                         f"'sex = female')")
    if raw in context_names or raw in BUILTIN_CONTEXT:
        return Test("context", "", raw, text)
    return None


def _concept_key(term: str) -> str:
    return " ".join(str(term).split()).lower()


# libyaml's parser (bundled with PyYAML's wheels) reads the knowledge files ten times faster than the
# pure-Python one; the same safe subset of YAML either way.
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _read_yaml(path: Path) -> tuple[dict | None, list[str]]:
    try:
        with open(path, encoding="utf-8") as handle:
            data = yaml.load(handle, Loader=_YAML_LOADER)
    except yaml.YAMLError as error:
        return None, [f"{path.name}: YAML error: {error}".replace("\n", " ")]
    except OSError as error:
        return None, [f"{path.name}: cannot read: {error}"]
    if data is None:
        data = {}
    if not isinstance(data, dict):
        return None, [f"{path.name}: the file must be a mapping with 'system', 'findings' and/or 'conditions'"]
    return data, []


def _file_findings(path: Path, data: dict) -> tuple[dict[str, list[str]], list[str]]:
    problems, findings = [], {}
    for key in ("findings", "context"):
        block = data.get(key)
        if block is None:
            continue
        if not isinstance(block, dict):
            problems.append(f"{path.name}: '{key}' must map finding names to lists of synonyms")
            continue
        for name, synonyms in block.items():
            if synonyms is None:
                synonyms = []
            if isinstance(synonyms, str):
                synonyms = [synonyms]
            if not isinstance(synonyms, list) or not all(isinstance(s, (str, int, float)) for s in synonyms):
                problems.append(f"{path.name}: finding '{name}': synonyms must be a list of phrases")
                continue
            findings.setdefault(_concept_key(name), []).extend(str(s) for s in synonyms)
    return findings, problems


def _terms(value: Any, where: str, problems: list[str]) -> list[str]:
    if value is None:
        return []
    if isinstance(value, (str, int, float)):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, (str, int, float)) for v in value):
        problems.append(f"{where}: must be a list of terms")
        return []
    terms = [str(v).strip() for v in value]
    if any(not t for t in terms):
        problems.append(f"{where}: empty term")
    return [t for t in terms if t]


def _validate_condition(path: Path, system: str, index: int, entry: Any, context_names: set[str],
                        problems: list[str]) -> Condition | None:
    label = f"{path.name}: condition #{index + 1}"
    if not isinstance(entry, dict):
        problems.append(f"{label}: must be a mapping")
        return None
    if entry.get("id"):
        label = f"{path.name}: {entry.get('id')}"
    before = len(problems)
    unknown = set(entry) - _CONDITION_KEYS
    if unknown:
        problems.append(f"{label}: unknown key(s) {', '.join(sorted(map(str, unknown)))}")
    for key in _REQUIRED_CONDITION_KEYS:
        if entry.get(key) in (None, "", []):
            problems.append(f"{label}: missing '{key}'")
    condition_id = str(entry.get("id") or "")
    if condition_id and not _ID.match(condition_id):
        problems.append(f"{label}: id must be snake_case")
    level = entry.get("level")
    if level is not None and level not in LEVELS:
        problems.append(f"{label}: level '{level}' is not one of {', '.join(LEVELS)}")
    specialty = entry.get("specialty")
    if specialty is not None and specialty not in SPECIALTIES:
        problems.append(f"{label}: specialty '{specialty}' is not one of {', '.join(SPECIALTIES)}")

    requires = []
    raw_requires = entry.get("requires") or []
    if not isinstance(raw_requires, list):
        problems.append(f"{label}: 'requires' must be a list of groups")
        raw_requires = []
    for group_index, group in enumerate(raw_requires):
        terms = _terms(group, f"{label}: requires group {group_index + 1}", problems)
        for term in terms:
            if _is_test(term, context_names, f"{label}: requires", problems):
                problems.append(f"{label}: requires: context test '{term}' is only allowed in raise.if and unless")
        if terms:
            requires.append([_concept_key(t) for t in terms])
    supports = _terms(entry.get("supports"), f"{label}: supports", problems)
    for term in supports:
        if _is_test(term, context_names, f"{label}: supports", problems):
            problems.append(f"{label}: supports: context test '{term}' is only allowed in raise.if and unless")
    min_supports = entry.get("min_supports", 0)
    if not isinstance(min_supports, int) or isinstance(min_supports, bool) or min_supports < 0:
        problems.append(f"{label}: min_supports must be a whole number >= 0")
        min_supports = 0
    elif min_supports > len(supports):
        problems.append(f"{label}: min_supports {min_supports} is more than the {len(supports)} supports")
    if not requires and min_supports < 1:
        problems.append(f"{label}: needs 'requires' (or min_supports >= 1), or every text would match it")
    unless = []
    for term in _terms(entry.get("unless"), f"{label}: unless", problems):
        unless.append(_item(term, context_names, f"{label}: unless", problems))

    raises = []
    raw_raises = entry.get("raise") or []
    if not isinstance(raw_raises, list):
        problems.append(f"{label}: 'raise' must be a list")
        raw_raises = []
    for rule_index, rule in enumerate(raw_raises):
        where = f"{label}: raise #{rule_index + 1}"
        if not isinstance(rule, dict):
            problems.append(f"{where}: must be a mapping with if, level, why, ask")
            continue
        unknown = set(rule) - _RAISE_KEYS
        if unknown:
            problems.append(f"{where}: unknown key(s) {', '.join(sorted(map(str, unknown)))}")
        for key in ("if", "level", "why", "ask"):
            if not rule.get(key):
                problems.append(f"{where}: missing '{key}'")
        if rule.get("level") is not None and rule.get("level") not in LEVELS:
            problems.append(f"{where}: level '{rule.get('level')}' is not one of {', '.join(LEVELS)}")
        elif level in LEVELS and rule.get("level") in LEVELS and LEVELS.index(rule["level"]) < LEVELS.index(level):
            problems.append(f"{where}: level '{rule['level']}' does not raise '{level}' (raise never lowers)")
        items = [_item(t, context_names, where, problems) for t in _terms(rule.get("if"), f"{where}: if", problems)]
        rule_unless = [_item(t, context_names, f"{where}: unless", problems)
                       for t in _terms(rule.get("unless") or [], f"{where}: unless", problems)]
        raises.append(Raise(items, str(rule.get("level")), str(rule.get("why") or ""), str(rule.get("ask") or ""),
                            rule_unless))

    advice = entry.get("advice") or {}
    if not isinstance(advice, dict):
        problems.append(f"{label}: 'advice' must map a language (en, bn) to text")
        advice = {}
    if set(advice) - _ADVICE_LANGUAGES:
        problems.append(f"{label}: advice language(s) {', '.join(sorted(map(str, set(advice) - _ADVICE_LANGUAGES)))}"
                        f" not one of en, bn")
    if advice and level == "emergency":
        problems.append(f"{label}: an emergency condition has no advice (the emergency message is fixed)")

    examples = entry.get("examples") or []
    if not isinstance(examples, list):
        problems.append(f"{label}: 'examples' must be a list")
        examples = []
    registers = set()
    for example_index, example in enumerate(examples):
        where = f"{label}: example #{example_index + 1}"
        if not isinstance(example, dict) or not str(example.get("text") or "").strip():
            problems.append(f"{where}: needs 'text' and 'register'")
            continue
        unknown = set(example) - _EXAMPLE_KEYS
        if unknown:
            problems.append(f"{where}: unknown key(s) {', '.join(sorted(map(str, unknown)))}")
        if example.get("register") not in REGISTERS:
            problems.append(f"{where}: register '{example.get('register')}' is not one of {', '.join(REGISTERS)}")
        registers.add(example.get("register"))
    if examples and (len(examples) < 2 or len(registers & set(REGISTERS)) < 2):
        problems.append(f"{label}: needs at least two examples in at least two registers")
    if len(problems) > before:
        return None
    return Condition(
        id=condition_id, name=str(entry["name"]), source=str(entry["source"]), specialty=specialty, level=level,
        requires=requires, supports=[_concept_key(t) for t in supports], min_supports=min_supports,
        unless=unless, raises=raises, advice={k: str(v) for k, v in advice.items()}, examples=examples,
        system=system, file=path.name)


def _is_test(term: str, context_names: set[str], where: str, problems: list[str]) -> bool:
    try:
        test = parse_test(term, context_names)
    except ValueError as error:
        problems.append(f"{where}: {error}")
        return False
    return test is not None and test.kind != "context"


def _item(term: str, context_names: set[str], where: str, problems: list[str]) -> Any:
    try:
        test = parse_test(term, context_names)
    except ValueError as error:
        problems.append(f"{where}: {error}")
        return _concept_key(term)
    return test if test is not None else _concept_key(term)


def _hash(paths: Iterable[Path]) -> str:
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return "kb-" + digest.hexdigest()[:12]


def build(directory: Path | str = KNOWLEDGE_DIR, *, lenient: bool = False) -> KnowledgeBase:
    """Load every *.yaml in `directory`. Invalid files raise KnowledgeError naming
    every problem; with lenient=True they are left out and listed in `.skipped`."""
    directory = Path(directory)
    paths = sorted(directory.glob("*.yaml"))
    parsed: dict[Path, dict] = {}
    problems_by_file: dict[str, list[str]] = defaultdict(list)
    for path in paths:
        data, problems = _read_yaml(path)
        if problems:
            problems_by_file[path.name] += problems
            continue
        unknown = set(data) - _FILE_KEYS
        if unknown:
            problems_by_file[path.name].append(f"{path.name}: unknown top-level key(s) {', '.join(sorted(map(str, unknown)))}")
        parsed[path] = data

    findings: dict[str, list[str]] = {}
    context_names: set[str] = set()
    for path, data in parsed.items():
        file_findings, problems = _file_findings(path, data)
        problems_by_file[path.name] += problems
        for name, synonyms in file_findings.items():
            findings.setdefault(name, []).extend(synonyms)
            if path.name == CONTEXT_FILE:
                context_names.add(name)

    conditions: list[Condition] = []
    seen_ids: dict[str, str] = {}
    for path, data in parsed.items():
        raw_conditions = data.get("conditions") or []
        if not isinstance(raw_conditions, list):
            problems_by_file[path.name].append(f"{path.name}: 'conditions' must be a list")
            continue
        system = str(data.get("system") or path.stem)
        for index, entry in enumerate(raw_conditions):
            condition = _validate_condition(path, system, index, entry, context_names, problems_by_file[path.name])
            if condition is None:
                continue
            if condition.id in seen_ids:
                problems_by_file[path.name].append(
                    f"{path.name}: {condition.id}: duplicate condition id (also in {seen_ids[condition.id]})")
                continue
            seen_ids[condition.id] = path.name
            conditions.append(condition)

    matcher = Matcher()
    for name, synonyms in findings.items():
        for phrase in dict.fromkeys([name, *synonyms]):
            problem = matcher.add(name, phrase)
            if problem:
                owner = next((p.name for p, d in parsed.items()
                              if name in {_concept_key(k) for k in (d.get("findings") or {}) | (d.get("context") or {})}),
                             "?")
                problems_by_file[owner].append(f"{owner}: finding '{name}': {problem}")
    for name, synonyms in BUILTIN_SYNONYMS.items():
        for phrase in [name, *synonyms]:
            matcher.add(name, phrase)
    # Terms that are not finding names are phrases of their own.
    for condition in conditions:
        terms = [t for group in condition.requires for t in group] + condition.supports
        terms += [t for t in condition.unless if isinstance(t, str)]
        terms += [t for rule in condition.raises for t in rule.items + rule.unless if isinstance(t, str)]
        for term in terms:
            if term not in findings and term not in BUILTIN_SYNONYMS and matcher.concept_alternatives[term] == 0:
                problem = matcher.add(term, term)
                if problem:
                    problems_by_file[condition.file].append(f"{condition.file}: {condition.id}: {problem}")
    matcher.finalize()

    problems_by_file = {name: problems for name, problems in problems_by_file.items() if problems}
    if problems_by_file and not lenient:
        raise KnowledgeError([p for problems in problems_by_file.values() for p in problems])
    bad_files = set(problems_by_file)
    if bad_files:
        conditions = [c for c in conditions if c.file not in bad_files]

    by_concept: dict[str, list[int]] = defaultdict(list)
    for index, condition in enumerate(conditions):
        keys = condition.requires[0] if condition.requires else condition.supports
        for key in dict.fromkeys(keys):
            by_concept[key].append(index)
    return KnowledgeBase(
        version=_hash(paths), directory=directory, findings=findings, context_names=context_names,
        conditions=conditions, matcher=matcher, by_concept=dict(by_concept), files=[p.name for p in paths],
        skipped=problems_by_file)


_LOAD_LOCK = threading.Lock()


def _fresh_lock_after_fork() -> None:
    # A process forked while the warm-up thread held the lock (a Celery or gunicorn parent) would
    # otherwise wait on it for ever: the child starts with a free lock and builds if it has to.
    global _LOAD_LOCK
    _LOAD_LOCK = threading.Lock()


os.register_at_fork(after_in_child=_fresh_lock_after_fork)


def load(directory: str | None = None) -> KnowledgeBase:
    """The compiled knowledge base, compiled once per directory and process (two threads asking at
    once wait for the one compilation)."""
    with _LOAD_LOCK:
        return _load(directory)


@lru_cache(maxsize=8)
def _load(directory: str | None) -> KnowledgeBase:
    path = Path(directory) if directory else KNOWLEDGE_DIR
    cache = _cache_file(path)
    if cache is not None:
        kb = _read_cache(cache)
        if kb is not None:
            return kb
    kb = build(path)
    if cache is not None:
        _write_cache(cache, kb)
    return kb


# The compiled knowledge base is kept on disk between processes (a web worker, a Celery worker and each test
# process would otherwise compile the same files for 10-20 s each). The file's name is a digest of everything
# that shapes the result: the knowledge files, the code that reads them and the Python version, so a change to
# any of them compiles afresh. TRIAGE_KB_CACHE names the folder, or "off"; by default a folder of this user's
# own in the temporary directory, used only when this user owns it and no one else can write to it.
_CODE_FILES = ("knowledge.py", "reader.py", "bangla_reading.py")


def _cache_folder() -> Path | None:
    setting = os.environ.get("TRIAGE_KB_CACHE", "").strip()
    if setting.lower() in {"off", "0", "no", "false"}:
        return None
    folder = Path(setting) if setting else Path(tempfile.gettempdir()) / f"careqeue-triage-{os.getuid()}"
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = folder.stat()
    except OSError:
        return None
    if info.st_uid != os.getuid() or info.st_mode & 0o022:
        return None  # someone else's folder, or one others can write to: never load a pickle from it
    return folder


def _cache_file(directory: Path) -> Path | None:
    folder = _cache_folder()
    if folder is None:
        return None
    digest = hashlib.sha256(f"{sys.version_info[:3]}|{pickle.HIGHEST_PROTOCOL}".encode())
    try:
        for path in sorted(directory.glob("*.yaml")) + [Path(__file__).with_name(n) for n in _CODE_FILES]:
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    except OSError:
        return None
    return folder / f"kb-{digest.hexdigest()[:24]}.pickle"


def _read_cache(cache: Path) -> KnowledgeBase | None:
    try:
        with open(cache, "rb") as handle:
            kb = pickle.load(handle)
    except Exception:  # none yet, or a torn or stale file: compile afresh and write it again
        return None
    return kb if isinstance(kb, KnowledgeBase) else None


_CACHE_KEEP = 8  # compiled copies kept: the newest, for the few knowledge folders and versions in use


def _write_cache(cache: Path, kb: KnowledgeBase) -> None:
    temporary = None
    try:
        handle, temporary = tempfile.mkstemp(dir=cache.parent, prefix=".kb-", suffix=".tmp")
        with os.fdopen(handle, "wb") as out:
            pickle.dump(kb, out, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, cache)  # atomic: a reader sees the whole file or none
        old = sorted(cache.parent.glob("kb-*.pickle"), key=lambda path: path.stat().st_mtime, reverse=True)
        for stale in old[_CACHE_KEEP:]:  # copies for knowledge or code since changed are never read again
            stale.unlink(missing_ok=True)
    except Exception:
        if temporary:
            Path(temporary).unlink(missing_ok=True)


def warm_up_in_background() -> threading.Thread:
    """Compile the knowledge base now, off the request path, so a process's first symptom check
    does not wait for it."""
    thread = threading.Thread(target=load, name="triage-warm-up", daemon=True)
    thread.start()
    return thread


if __name__ == "__main__":
    # The check command runs the engine, which imports this module: it lives in kbcheck.
    import runpy

    runpy.run_module("backend.triage.kbcheck", run_name="__main__")
