"""The offline red-flag check, generated from the knowledge base for the browser.

With no connection the app can only say one of two things: "emergency: call the
emergency number now", or "we will assess this when you are back online". It
decides with the rules exported here, built from the same knowledge files as the
engine, so there is no second, hand-written copy to drift:

- every condition whose level is `emergency`, with its `requires` groups,
  `supports`/`min_supports` and the findings of its `unless`;
- every `raise` rule that lifts a condition to `emergency` (the condition's
  `requires` plus the rule's findings), with its age and temperature tests. The
  browser checks a test when the text gives the number ("I'm 71", "71M", "T 38.6");
  when it does not, the test is taken to hold if the rule also names a finding
  (offline, with no one to ask, "call now" is the safe side of doubt). A rule made
  of number tests alone (`number_rules`) applies only when the numbers are read
  (taking them to hold raised false alarms from 0.5% to 5%). Duration tests are
  not read offline, nor is a rule's own `unless` (offline the rule holds: the
  safe side). Every offline entry is assessed in full once the connection
  is back;
- `numbers`: what the browser needs to read measured observations as the reader
  does, exported from the reader's own tables (regex sources, run in JavaScript,
  whose syntax agrees for these patterns): the shorthand that names them ("BP",
  "sats", "HR112"), the words a single reading adds ("blood pressure 82/48" ->
  "hypotension", which `red flag observation` and others name; a result read from
  one number, "K+ 6.9" -> "severe hyperkalaemia"), the NEWS2 chart
  (scored by probing `reader.news2`, so the bands are the server's), the scores
  at which the engine reads its NEWS2 findings, and the age and temperature
  readers with the ages at which the engine adds or drops context (`elderly`).

Each term is exported as its phrases (a finding's name and synonyms, or the
term itself), written as in the files: the browser folds case, word endings and
Bangla digits the same way on both sides.

    python -m backend.triage.offline > red_flags.json
"""
from __future__ import annotations

import json
import re
import sys
from functools import lru_cache
from typing import Any

from . import engine, knowledge, reader
from .knowledge import BUILTIN_SYNONYMS, KnowledgeBase, Test

FORMAT = 1


def _term_key(item: Any) -> str | None:
    """The concept a term or test stands for, or None for a numeric test the browser cannot check."""
    if isinstance(item, Test):
        return item.value if item.kind == "context" and isinstance(item.value, str) else None
    return str(item)


def _phrases(kb: KnowledgeBase, concept: str) -> list[str]:
    if concept in kb.findings:
        return list(dict.fromkeys([concept, *kb.findings[concept]]))
    if concept in BUILTIN_SYNONYMS:
        return list(dict.fromkeys([concept, *BUILTIN_SYNONYMS[concept]]))
    return [concept]


def _number_test(item: Any) -> dict | None:
    """An age or temperature test, as data the browser checks when the text gives the number."""
    if isinstance(item, Test) and item.kind in {"age", "temp"}:
        return {"kind": item.kind, "op": item.op, "value": item.value}
    return None


def _rule(condition, extra: list[str], why: str, tests: list[dict] | None = None) -> dict:
    return {
        "id": condition.id,
        "name": condition.name,
        "why": why,
        "all": [list(group) for group in condition.requires] + [[item] for item in extra],
        "tests": tests or [],
        # Supports only matter when some are required; the score they add does not change the level.
        "supports": list(condition.supports) if condition.min_supports else [],
        "min_supports": condition.min_supports,
        "unless": [key for key in (_term_key(item) for item in condition.unless) if key],
    }


def red_flag_rules(kb: KnowledgeBase) -> dict:
    """The emergency rules and the phrases of every concept they name."""
    rules: list[dict] = []
    number_rules: list[dict] = []
    skipped = 0
    for condition in kb.conditions:
        if condition.level == "emergency":
            rules.append(_rule(condition, [], condition.name))
            continue
        for raised in condition.raises:
            if raised.level != "emergency":
                continue
            keys = [key for key in (_term_key(item) for item in raised.items) if key is not None]
            tests = [test for test in map(_number_test, raised.items) if test]
            if keys:
                rules.append(_rule(condition, keys, raised.why, tests))
            elif tests and len(tests) == len(raised.items):
                # number tests alone (e.g. "age >= 50"): only when the text gives the numbers. A separate
                # key, so a checker that predates it (no number reading) ignores them.
                number_rules.append(_rule(condition, [], raised.why, tests))
            else:
                skipped += 1  # a duration or sex test alone: left to the server
    numbers = _numbers(kb)
    concepts = sorted({term for rule in [*rules, *number_rules]
                       for term in [*(t for group in rule["all"] for t in group), *rule["supports"], *rule["unless"]]}
                      | set(numbers["concepts"]))
    return {
        "format": FORMAT,
        "version": kb.version,
        "skip_words": sorted(reader.SKIP),
        "phrases": {concept: _phrases(kb, concept) for concept in concepts},
        "rules": rules,
        "number_rules": number_rules,
        "numbers": numbers,
        "left_to_server": skipped,
    }


# ---------------------------------------------------------------------------
# Numbers: the reader's tables for observations, temperature and age, as data.
# ---------------------------------------------------------------------------

# The shorthand the number readers need: entries whose replacement names what they read ("BP" -> "blood
# pressure"), the spacing in "HR112", and "32/40" read as weeks pregnant (NEWS2 is not scored in pregnancy).
_READ_NAMES = ("heart rate", "respiratory rate", "blood pressure", "oxygen saturation", "pulse", "year old",
               "weeks pregnant")


def _regex(pattern: re.Pattern | str) -> list[str]:
    """[source, flags] for JavaScript's RegExp: a leading (?i) becomes the "i" flag."""
    source = pattern.pattern if isinstance(pattern, re.Pattern) else pattern
    flags = ""
    if source.startswith("(?i)"):
        source, flags = source[4:], "i"
    return [source, flags]


def _replacement(text: str) -> str:
    """A Python replacement string for JavaScript's String.replace ("\\1" -> "$1")."""
    return re.sub(r"\\(\d)", r"$\1", text.replace("$", "$$"))


def _shorthand(table: list) -> list[list[str]]:
    return [[*_regex(pattern), _replacement(to)] for pattern, to in table
            if isinstance(to, str) and (to == r"\1 " or any(name in to for name in _READ_NAMES))]


def _runs(values, points) -> list[list]:
    """[[low, high, result], ...] over `values` (ascending) where `points(value)` is not None."""
    runs: list[list] = []
    previous = None
    for value in values:
        result = points(value)
        if result is not None:
            if runs and runs[-1][2] == result and runs[-1][1] == previous:
                runs[-1][1] = value  # (only a run just before: "Hb 6.4" and "Hb 64" are two runs, not 6.4 to 64)
            else:
                runs.append([value, value, result])
        previous = value
    return runs


def _part(observations: dict, name: str, temp_c: float | None = None):
    score = reader.news2({**observations, "avpu": "a"} if name != "consciousness" else observations, temp_c)
    return score.parts.get(name) if score else None


def _news2(kb: KnowledgeBase) -> dict:
    """The NEWS2 chart as the reader scores it: each parameter's points probed from `reader.news2`."""
    whole = range(0, 1000)
    parts = {"rr": "respiratory rate", "hr": "pulse", "sbp": "systolic blood pressure"}
    points = {kind: _runs(whole, lambda v, kind=kind, name=name: _part({kind: v}, name))
              for kind, name in parts.items()}
    points["spo2"] = _runs(whole, lambda v: _part({"spo2": v}, "SpO2"))
    points["spo2_scale2"] = _runs(whole, lambda v: _part({"spo2": v, "scale2": True}, "SpO2"))
    points["spo2_scale2_oxygen"] = _runs(whole, lambda v: _part({"spo2": v, "scale2": True, "oxygen": True}, "SpO2"))
    points["temp"] = _runs([t / 10 for t in range(250, 460)], lambda t: _part({}, "temperature", t))
    points["gcs"] = _runs(whole, lambda g: _part({"gcs": g, "rr": 16}, "consciousness"))
    points["avpu"] = {letter: _part({"avpu": letter, "rr": 16}, "consciousness") for letter in "avpu"}
    confused = reader.news2({"rr": 16}, confused=True)
    stated = [s for s in range(100) if reader.read_observations(f"news2 score {s}").get("stated") == s]
    # The lowest score at which the engine reads each of its aggregate findings.
    levels: list[list] = []
    for score in range(0, max(stated) + 1):
        found: set = set()
        engine._news2(kb, reader.Facts(observations={"stated": score}), found, set(), [])
        levels += [[score, name] for name in sorted(found) if name not in {known for _, known in levels}]
    pair = {"rr": 16, "hr": 70}
    return {
        "observations": [[*_regex(pattern), kind] for pattern, kind in reader._NEWS2_OBSERVATIONS],
        "avpu": _regex(reader._AVPU), "responds": _regex(reader._RESPONDS), "alert": _regex(reader._ALERT),
        "oxygen": _regex(reader._ON_OXYGEN), "hypercapnic": _regex(reader._HYPERCAPNIC),
        "stated": _regex(reader._NEWS_STATED), "stated_max": max(stated),
        "points": points, "oxygen_points": _part({"oxygen": True}, "supplemental oxygen"),
        "confused_points": confused.parts.get("consciousness") if confused else None,
        # a score needs this many observations (or a stated score)
        "min_observations": 1 if reader.news2({"rr": 16}) else 2 if reader.news2(pair) else len(pair) + 1,
        "levels": levels,
        "adult_age": engine.NEWS2_ADULT_AGE,
        # NEWS2 is for adults who are not pregnant (the engine's exclusions); confusion counts unless dementia
        "not_with": ["pregnant", "postpartum"], "confusion": "confusion", "confusion_unless": "dementia",
    }


def _age_contexts(kb: KnowledgeBase) -> list[list]:
    """[[from age, added concepts, dropped concepts], ...]: what the engine adds ("elderly" from 65) or drops
    ("child" for a stated adult age) given an age, probed from the engine on a small text about a son."""
    text = "my son has a cough"
    plain = engine._read(kb, text, None, None, None).known
    before = plain.present | plain.context_present
    ages = [0.01, 0.1, 0.25, 0.5, 0.75, 0.99, *range(1, 111)]
    runs: list[list] = []
    for age in ages:
        known = engine._read(kb, text, age, None, None).known
        after = known.present | known.context_present
        entry = [sorted(after - before), sorted(before - after)]
        if not runs or runs[-1][1:] != entry:
            runs.append([age, *entry])
    return runs


# The values a result is written in: potassium to two decimals, sodium whole, glucose and haemoglobin (g/dL or g/L)
# to one decimal. (A bare "Na 118" is read only beside other blood results: left to the server.)
_LAB_VALUES = {"k": [v / 100 for v in range(0, 1001)], "na": range(0, 1000),
               "glucose": [v / 10 for v in range(0, 1000)], "hb": [v / 10 for v in range(0, 10000)]}


def _numbers(kb: KnowledgeBase) -> dict:
    kinds = {kind for _, kind in reader._VITALS}
    words = {kind: _runs([v / 10 for v in range(0, 1000)] if kind == "ketones" else range(0, 1000),
                         lambda v, kind=kind: reader._vital_words(kind, v).strip() or None)
             for kind in sorted(kinds)}
    # Results read from one number ("K+ 6.9", "Na 118", "BM 2.8", "Hb 64"), on the steps they are written in
    for kind, values in _LAB_VALUES.items():
        words[kind] = _runs(values, lambda v, kind=kind: reader._lab_value_words(kind, v).strip() or None)
    # A child's respiratory rate has its own limits by age: the words for each run of ages from 0 to 12.
    rr_by_age: list[list] = []
    for age in [0.01, 0.25, 0.5, 0.75, *range(1, 13)]:
        table = _runs(range(0, 1000), lambda v, age=age: reader._vital_words("rr", v, age).strip() or None)
        if not rr_by_age or rr_by_age[-1][1] != table:
            rr_by_age.append([age, table])
    news2 = _news2(kb)
    ages = _age_contexts(kb)
    return {
        "cased_shorthand": _shorthand(reader._CASED_SHORTHAND),
        "shorthand": _shorthand(reader._SHORTHAND),
        # a single reading and the words the reader writes after it (adult limits)
        "readings": [[*_regex(pattern), kind] for pattern, kind in [*reader._VITALS, *reader.LAB_READINGS]],
        "words": words,
        "rr_by_age": rr_by_age,
        "at_baseline": _regex(reader._AT_BASELINE),
        "news2": news2,
        "temperature": [_regex(pattern) for pattern in reader._TEMP_PATTERNS],
        "fever": [engine.FEVER_C, "fever"],
        "age": {
            "patterns": [_regex(pattern) for pattern in reader._AGE_PATTERNS],
            "owned": _regex(reader._OWNED_AGE), "clinical": _regex(reader._CLINICAL_AGE_SEX),
            "number_words": reader._NUMBER_WORDS, "unit_years": reader._AGE_UNIT_YEARS,
            "contexts": ages,
            # the age a word gives ("infant"), for a child's breathing rate, unless the text is about a pregnancy
            # or a birth (the baby is not the patient)
            "words": [[*_regex(pattern), years] for pattern, years in reader._AGE_WORDS],
            "not_with": [_regex(reader._PREGNANCY_WORDS), _regex(reader._BIRTH_WORDS)],
        },
        "concepts": sorted({*news2["not_with"], news2["confusion"], news2["confusion_unless"],
                            *(name for _, name in news2["levels"]), "fever",
                            *(c for _, added, dropped in ages for c in [*added, *dropped])}),
    }


@lru_cache(maxsize=4)
def _cached(version: str) -> dict:
    return red_flag_rules(knowledge.load())


def export() -> dict:
    """The rules for the current knowledge base (compiled once per version)."""
    return _cached(knowledge.load().version)


if __name__ == "__main__":
    json.dump(export(), sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")
