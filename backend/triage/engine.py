"""The triage decider: read the text, score the knowledge base's conditions,
answer with the highest level among the plausible ones.

The clinical content lives in `knowledge/*.yaml` (format in its README.md);
this module only decides. `flask triage-explain "text"` shows every step.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from . import reader
from .knowledge import KNOWLEDGE_DIR, Condition, KnowledgeBase, Known, Raise, Test, build, load

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
MAX_ADVICE_CHARS = 2000
MAX_QUESTIONS = 5
FEVER_C = 38.0
NORMAL_TEMP_C = 37.8

ADVICE = {
    "en": {
        "emergency": "This may be an emergency. Call {emergency_number} now or go to the nearest emergency "
                     "department. Do not wait for an appointment.",
        "urgent": "Please see a doctor within 24 hours. If it gets much worse, call {emergency_number}.",
        "routine": "Book a routine appointment. If it gets worse or new symptoms appear, seek care sooner.",
        "self_care": "This can usually be looked after at home or with a pharmacist's advice. Book an "
                     "appointment if it is not improving or gets worse.",
    },
    "bn": {
        "emergency": "এটি জরুরি অবস্থা হতে পারে। এখনই {emergency_number} নম্বরে কল করুন অথবা নিকটতম জরুরি "
                     "বিভাগে যান। অ্যাপয়েন্টমেন্টের জন্য অপেক্ষা করবেন না।",
        "urgent": "২৪ ঘণ্টার মধ্যে একজন ডাক্তার দেখান। অবস্থা অনেক খারাপ হলে {emergency_number} নম্বরে কল করুন।",
        "routine": "একটি সাধারণ অ্যাপয়েন্টমেন্ট নিন। অবস্থা খারাপ হলে বা নতুন উপসর্গ দেখা দিলে আগে চিকিৎসা নিন।",
        "self_care": "সাধারণত বাড়িতে বা ফার্মাসিস্টের পরামর্শে এর যত্ন নেওয়া যায়। উন্নতি না হলে বা খারাপ হলে "
                     "অ্যাপয়েন্টমেন্ট নিন।",
    },
}
NOT_UNDERSTOOD = ("The description could not be matched to any symptom the triage knowledge base knows, so its "
                  "urgency cannot be judged. Please describe the main problem in more detail (what you feel, where, "
                  "since when). A routine General Medicine appointment lets a doctor take a proper history; if you "
                  "feel very unwell, seek care sooner.")


NO_CONDITION = ("No condition in the knowledge base matched what was described, so a routine appointment lets a "
                "doctor take a proper history. If it gets worse, seek care sooner.")


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
    understood: bool = True
    findings: list[dict] = field(default_factory=list)
    conditions: list[dict] = field(default_factory=list)
    questions: list[dict] = field(default_factory=list)
    advice_bn: str = ""
    facts: dict = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def load_rules(directory: str | Path | None = None) -> KnowledgeBase:
    """The compiled knowledge base (compiled once per process); `.version` is a hash of its files."""
    kb = load(str(directory) if directory else None)
    if not kb.advice:
        kb.advice.update(ADVICE["en"])
        kb.advice_bn.update(ADVICE["bn"])
    return kb


def _knowledge(knowledge: KnowledgeBase | str | Path | None) -> KnowledgeBase:
    if knowledge is None:
        return load_rules()
    if isinstance(knowledge, KnowledgeBase):
        if not knowledge.advice:
            knowledge.advice.update(ADVICE["en"])
            knowledge.advice_bn.update(ADVICE["bn"])
        return knowledge
    return load_rules(knowledge)


def question_id(item: Any) -> str:
    """A stable id for what a question asks: 'age', 'temp', 'days', 'sex' or a finding's name in snake_case."""
    if isinstance(item, Test):
        return item.value.replace(" ", "_") if item.kind == "context" else item.kind
    return str(item).replace(" ", "_")


# ---------------------------------------------------------------------------
# Reading.
# ---------------------------------------------------------------------------

@dataclass
class Reading:
    findings: list[dict]
    known: Known
    facts: reader.Facts
    onset_sudden: bool
    worsening: bool


_TEMP_WORDS = frozenset({"temperature", "temp", "t"})
_CHILD_CONCEPTS = ("child", "infant", "young baby")
_CHILD_SUBJECTS = reader._CHILD_SUBJECTS
# Findings a knowledge phrase may give with an adult respiratory rate ("rr 30"); a child's is read by age.
_BREATHING_RATE_CONCEPTS = ("very fast breathing", "fast breathing")
_CHILD_RR_AGE = 12


def _read(kb: KnowledgeBase, text: str, age_years: float | None, history: dict | None,
          answers: dict | None) -> Reading:
    stream = reader.tokens(text)
    matches = kb.matcher.match(stream)
    # Words inside a finding of two or more words are not ConText triggers ("khacche na" is not eating); a
    # one-word finding that is itself a trigger ("resolved", "gone") still acts as one ("headache resolved").
    # A finding read from words far apart across a comma ("betha nai, shash kosto nai, matha") holds other
    # findings and their own triggers between its sides: those still act.
    covered = {k for occurrences in matches.values() for o in occurrences if o.end - o.start > 1
               and not (o.sides and "," in (t.raw for t in stream[o.start:o.end]))
               for k in range(o.start, o.end)}
    mods = reader.context_modifiers(stream, covered)
    facts = reader.read_facts(text, subject=mods.subject)
    history = history if isinstance(history, dict) else {}

    present, absent, context_present, negated_seen = set(), set(), set(), set()
    findings = []
    child_age = facts.age_years if facts.age_years is not None else age_years
    try:
        child_age = float(child_age) if child_age is not None else None
    except (TypeError, ValueError):
        child_age = None
    for concept, occurrences in matches.items():
        read_here = []
        for occurrence in sorted(occurrences, key=lambda o: o.start):
            first = occurrence.first
            sides = occurrence.sides or (first,)  # "A ~ B": a negated side negates the whole ("testicle no pain")
            own = reader.own_negation(stream, occurrence) if occurrence.sides else None
            if own is not None:
                # "haven't felt ~ baby ~ move": the term's own negation word is part of it; only a negation
                # before that word ("no, I haven't...") or of a side before it negates the term
                sides = tuple(k for k in sides if k <= own)
            if occurrence.sides and reader.number_not_a_reading(stream, occurrence):
                continue  # "hr ~ 4*" in "pulse 105 for 4 hours": the number is not the reading
            words = " ".join(t.raw for t in stream[occurrence.start:occurrence.end])
            if concept in _BREATHING_RATE_CONCEPTS and child_age is not None and child_age < _CHILD_RR_AGE \
                    and any(ch.isdigit() for ch in words):
                continue  # "rr 30" is an adult limit; a child's rate is read by age (reader._child_rr_words)
            row = {"name": concept, "text": words, "negated": any(mods.negated[k] for k in sides),
                   "uncertain": mods.uncertain[first] or mods.feared[first], "historical": mods.historical[first],
                   "experiencer": "other" if mods.other[first] else "patient"}
            if concept == "worsening" and reader.aggravated_by(stream, occurrence):
                continue  # "worse with coffee", "worse on twisting": what brings it on, not a progression
            if reader.inside_other_name(concept, stream, occurrence):
                continue  # "hay fever" is not a fever
            if (concept == "fever" and facts.temp_c is not None and facts.temp_c < NORMAL_TEMP_C
                    and set(words.split()) & _TEMP_WORDS):
                row["negated"] = True  # "temp 37.2" is a normal temperature, not a fever
            read_here.append((occurrence, row, first))
        # "no rash that doesn't fade when I press a glass": a term that starts with its own negation ("doesn't fade
        # when I press a glass") inside a denied reading of the same mention ("no rash that doesn't fade") is denied
        for occurrence, row, first in read_here:
            if not row["negated"] and stream[first].stem in _OWN_NEGATION_WORDS and any(
                    other_row["negated"] and other.start < occurrence.start < other.end
                    and other_row["experiencer"] == row["experiencer"] for other, other_row, _ in read_here):
                row["negated"] = True
        for occurrence, row, first in read_here:
            findings.append(row)
            if row["experiencer"] == "other":
                continue
            if row["negated"]:
                negated_seen.add(concept)
            elif mods.feared[first]:
                continue  # "worried it might be a heart attack": a fear, not a finding
            elif mods.ongoing[first]:
                context_present.add(concept)  # "known asthmatic", "diagnosed with dengue": context and current
                present.add(concept)
            elif row["historical"]:
                context_present.add(concept)
            else:
                present.add(concept)
    absent = negated_seen - present - context_present

    # Shared history: the patient's own conditions and medicines are context.
    for key in ("conditions", "medications"):
        value = history.get(key)
        if isinstance(value, (list, tuple)):
            value = ", ".join(map(str, value))
        if value:
            history_stream = reader.tokens(str(value))
            history_mods = reader.context_modifiers(history_stream, set())
            for concept, occurrences in kb.matcher.match(history_stream).items():
                if any(not history_mods.negated[o.first] and not history_mods.other[o.first] for o in occurrences):
                    context_present.add(concept)
    # A stated age (the profile's) beats the rough guess from a word such as "baby" (read as 6 months).
    profile_age = False
    if age_years is not None and (facts.age_years is None or facts.age_from_word):
        try:
            facts.age_years = float(age_years)
            facts.age_from_word, facts.age_range = False, None
            profile_age = True
        except (TypeError, ValueError):
            pass
    sex = str(history.get("sex") or "").strip().lower()
    if facts.sex is None and sex in {"female", "male", "f", "m", "woman", "man"}:
        facts.sex = "female" if sex in {"female", "f", "woman"} else "male"
    if history.get("pregnant") is True or str(history.get("pregnant")).lower() in {"yes", "true", "1"}:
        context_present.add("pregnant")

    for key, value in (answers or {}).items():
        _apply_answer(kb, str(key), value, facts, present, absent, context_present)

    if facts.temp_c is not None and facts.temp_c >= FEVER_C:
        present.add("fever")
        absent.discard("fever")
    if "pregnant" in present or "pregnant" in context_present:
        facts.sex = facts.sex or "female"
    if ("postpartum" in present or "postpartum" in context_present) and mods.subject not in _CHILD_SUBJECTS \
            and not (facts.age_years is not None and facts.age_years < 16 and not facts.age_from_word):
        # "my wife had a baby 10 days ago", "my daughter had a c-section": the mother is the patient, not a child
        for concept in (*_CHILD_CONCEPTS, "newborn"):
            present.discard(concept)
            context_present.discard(concept)
        findings = [row for row in findings if row["name"] not in (*_CHILD_CONCEPTS, "newborn")]
    if facts.age_years is not None:
        if facts.age_years >= 16 and not facts.age_from_word:
            # "my 45 year old husband", "34 year old woman", "45 bochorer": an explicit age beats a child word
            for concept in _CHILD_CONCEPTS:
                present.discard(concept)
                context_present.discard(concept)
            findings = [row for row in findings if row["name"] not in _CHILD_CONCEPTS
                        or row["experiencer"] != "patient"]
        elif facts.age_years >= 1 and not facts.age_from_word:
            # "my baby is 2 years old": no longer an infant
            for concept in _INFANT_CONCEPTS:
                present.discard(concept)
                context_present.discard(concept)
        if profile_age and facts.age_years < 16 and mods.subject == "writer":
            # A child's own account with the age only in the profile ("temperature 38.5 since last night",
            # aged 4) is about a child, as "my 4 year old has..." is.
            present.add("child")
        elif not profile_age and not facts.age_from_word and facts.age_years < 16:
            # a note's "14mo F", "2y M", "9/12": the patient's own stated age under 16 is a child's, as the words
            # "my 4 year old" are
            present.add("child")
        if facts.age_years >= 65:
            context_present.add("elderly")
        if facts.age_years < 1:
            context_present.add("infant")
    _news2(kb, facts, present, context_present, findings)
    known = _Known(present=present, absent=absent - present, context_present=context_present,
                   age_years=facts.age_years, sex=facts.sex, temp_c=facts.temp_c, days=facts.days,
                   age_range=facts.age_range if facts.age_from_word else None)
    return Reading(findings, known, facts, "sudden" in present, "worsening" in present)


# The words that deny a term they open ("doesn't fade when I press a glass"): narrower than the reader's negation
# triggers on purpose, since a term opening with "nothing" ("nothing to the worst I've ever had") denies nothing
# (with every trigger, a sudden worst-ever headache in set AV was lost).
_OWN_NEGATION_WORDS = frozenset(t.stem for t in reader.tokens("doesnt dont didnt isnt wont not no never cant"))
_INFANT_CONCEPTS = ("infant", "young baby")
# What the NEWS2 aggregate means (RCP 2017): 7 or more, an emergency response; 5-6, or any single parameter
# scoring 3, an urgent response. The names are findings in knowledge/findings.yaml, whose conditions give the levels.
NEWS2_HIGH, NEWS2_MEDIUM, NEWS2_RED = "news2 high risk", "news2 medium risk", "news2 red score"
NEWS2_ADULT_AGE = 16


def _news2(kb: KnowledgeBase, facts: reader.Facts, present: set, context_present: set, findings: list) -> None:
    """The NEWS2 aggregate from the observations the text gives (two or more, or a stated score), as findings.
    NEWS2 is for adults who are not pregnant: children and pregnancy have their own charts (PEWS, MEOWS)."""
    if not facts.observations and facts.temp_c is None:
        return
    if facts.age_years is not None and facts.age_years < NEWS2_ADULT_AGE:
        return
    if "pregnant" in present or "pregnant" in context_present or "postpartum" in present:
        return
    confused = "confusion" in present and "dementia" not in context_present and "dementia" not in present
    score = reader.news2(facts.observations, facts.temp_c, confused=confused)
    if score is None:
        return
    names = [NEWS2_HIGH] if score.score >= 7 else [NEWS2_MEDIUM] if score.score >= 5 else []
    if score.red:
        names.append(NEWS2_RED)
    detail = ", ".join(f"{name} {points}" for name, points in score.parts.items())
    for name in names:
        if name not in kb.findings:
            continue  # the knowledge base does not define it: nothing to raise
        present.add(name)
        findings.append({"name": name, "text": f"NEWS2 {score.score}" + (f" ({detail})" if detail else ""),
                         "negated": False, "uncertain": False, "historical": False, "experiencer": "patient"})


@dataclass
class _Known(Known):
    """What is known, with the ages a word allows when no age is given ("my baby": under 1 year).
    An age test then holds when it holds for every age in the range, fails when it fails for all of
    them, and is unknown otherwise: a rule that needs it is not applied, and its question asks the age."""
    age_range: tuple[float, float] | None = None

    def term(self, item: Any) -> bool | None:
        if self.age_range is not None and isinstance(item, Test) and item.kind == "age":
            low, high = (item.holds(_AgeOnly(age)) for age in self.age_range)
            return low if low == high else None
        return super().term(item)


@dataclass
class _AgeOnly:
    age_years: float
    temp_c: float | None = None
    days: float | None = None


_YES = {"yes", "y", "true", "1", "হ্যাঁ", "ha", "haa", "ji"}
_NO = {"no", "n", "false", "0", "না", "na"}


def _apply_answer(kb: KnowledgeBase, key: str, value: Any, facts: reader.Facts, present: set, absent: set,
                  context_present: set) -> None:
    number = None
    try:
        number = float(value) if not isinstance(value, bool) else None
    except (TypeError, ValueError):
        pass
    if key == "age" and number is not None:
        facts.age_years = number
        facts.age_from_word, facts.age_range = False, None
    elif key == "temp" and number is not None:
        facts.temp_c = round((number - 32) * 5 / 9, 1) if number > 50 else number
    elif key == "days" and number is not None:
        facts.days = number
    elif key == "sex":
        facts.sex = str(value).strip().lower() if str(value).strip().lower() in {"female", "male"} else facts.sex
    else:
        concept = key.replace("_", " ").lower()
        answer = str(value).strip().lower()
        if value is True or answer in _YES:
            present.add(concept)
            context_present.add(concept)
            absent.discard(concept)
        elif value is False or answer in _NO:
            present.discard(concept)
            context_present.discard(concept)
            absent.add(concept)


# ---------------------------------------------------------------------------
# Deciding.
# ---------------------------------------------------------------------------

@dataclass
class Considered:
    condition: Condition
    plausible: bool
    level: str
    score: float
    why: str
    raised_by: list[str]


def _has(known: Known, term: str, context_names: set[str]) -> bool:
    if term in known.present:
        return True
    return term in context_names and term in known.context_present


def _stopped(rule: Raise, known: Known) -> bool:
    """A raise rule's own `unless` holds: the rule neither raises nor asks."""
    return any(known.term(item) is True for item in rule.unless)


def _consider(kb: KnowledgeBase, condition: Condition, known: Known) -> Considered:
    matched_groups = []
    for group in condition.requires:
        hits = [term for term in group if _has(known, term, kb.context_names)]
        if not hits:
            return Considered(condition, False, condition.level, 0.0,
                              f"missing one of: {', '.join(group[:6])}{'...' if len(group) > 6 else ''}", [])
        matched_groups.append(hits[0])
    supports = [term for term in condition.supports if _has(known, term, kb.context_names)]
    if len(supports) < condition.min_supports:
        return Considered(condition, False, condition.level, 0.0,
                          f"{len(supports)} of {condition.min_supports} supporting findings", [])
    for item in condition.unless:
        if known.term(item) is True:
            label = item.text if isinstance(item, Test) else item
            return Considered(condition, False, condition.level, 0.0, f"ruled out by '{label}'", [])
    level, raised_by = condition.level, []
    for rule in condition.raises:
        if rule.items and all(known.term(item) is True for item in rule.items) and not _stopped(rule, known):
            raised_by.append(rule.why)
            level = more_urgent(rule.level, level)
    score = 3.0 * len(condition.requires) + len(supports) + 0.5 * len(raised_by)
    why = "found " + ", ".join(dict.fromkeys(matched_groups + supports))
    return Considered(condition, True, level, score, why, raised_by)


def _questions(kb: KnowledgeBase, considered: list[Considered], known: Known, level: str) -> list[dict]:
    candidates = []
    for entry in considered:
        if not entry.plausible:
            continue
        for rule in entry.condition.raises:
            if URGENCY_RANK[rule.level] <= URGENCY_RANK[level]:
                continue
            states = [known.term(item) for item in rule.items]
            if any(state is False for state in states) or all(state is True for state in states) or _stopped(rule, known):
                continue
            item = next(item for item, state in zip(rule.items, states) if state is None)
            question = {"id": question_id(item), "text": rule.ask, "why": rule.why, "raises_to": rule.level}
            if isinstance(item, Test) and item.kind in {"age", "temp", "days"}:
                question.update(kind="number", unit={"age": "years", "temp": "°C", "days": "days"}[item.kind])
            elif isinstance(item, Test) and item.kind == "sex":
                question.update(kind="choice", options=["female", "male"])
            else:
                question["kind"] = "yes_no"
            candidates.append((-URGENCY_RANK[rule.level], -entry.score, question))
    candidates.sort(key=lambda c: (c[0], c[1]))
    questions, seen = [], set()
    for _, _, question in candidates:
        if question["id"] in seen:
            continue
        seen.add(question["id"])
        questions.append(question)
        if len(questions) == MAX_QUESTIONS:
            break
    return questions


def assess(
    text: str,
    *,
    age_years: float | None = None,
    history: dict | None = None,
    specializations: list[str] | None = None,
    emergency_number: str = "999",
    answers: dict | None = None,
    language: str = "en",
    knowledge: KnowledgeBase | str | Path | None = None,
) -> TriageResult:
    """Triage one free-text complaint with the knowledge base.

    `answers` maps question ids (from an earlier result's `questions`) to the
    patient's answers: yes/no for findings, numbers for age, temp and days.
    """
    kb = _knowledge(knowledge)
    reading = _read(kb, text or "", age_years, history, answers)
    known = reading.known

    candidate_indexes = sorted({index for concept in known.present | known.context_present
                                for index in kb.by_concept.get(concept, ())})
    considered = [_consider(kb, kb.conditions[index], known) for index in candidate_indexes]
    plausible = [entry for entry in considered if entry.plausible]
    clinic = list(specializations) if specializations else list(DEFAULT_SPECIALIZATIONS)
    symptoms_read = any(row["name"] not in kb.context_names and row["name"] not in ("sudden", "worsening")
                        for row in reading.findings)
    understood = bool(plausible) or symptoms_read
    facts = {"age_years": known.age_years, "sex": known.sex, "temp_c": known.temp_c, "days": known.days,
             "sudden": reading.onset_sudden, "worsening": reading.worsening}
    findings = reading.findings
    conditions = [_condition_row(entry) for entry in sorted(considered, key=lambda e: (-e.plausible,
                                                                                       -URGENCY_RANK[e.level],
                                                                                       -e.score))]
    notes: list[str] = []
    if not plausible:
        urgency = "routine"
        rationale = ([NOT_UNDERSTOOD] if not understood else
                     [NO_CONDITION])
        specialty = GENERAL_MEDICINE
        best = None
        top: list[Considered] = []
    else:
        urgency = max((entry.level for entry in plausible), key=URGENCY_RANK.__getitem__)
        top = sorted((entry for entry in plausible if entry.level == urgency), key=lambda e: -e.score)
        best = top[0]
        specialty = best.condition.specialty
        rationale = []
        for entry in top[:3]:
            reason = "; ".join(entry.raised_by) if entry.raised_by else entry.why
            rationale.append(f"{entry.condition.name} ({urgency.replace('_', ' ')}): {reason} "
                             f"[{entry.condition.source}]")
    if known.age_years is not None and known.age_years < PEDIATRIC_AGE_LIMIT and PEDIATRICS in clinic:
        if specialty != PEDIATRICS:
            notes.append(f"Pediatrics chosen for a patient under {PEDIATRIC_AGE_LIMIT}.")
        specialty = PEDIATRICS
    if specialty not in clinic:
        notes.append(f"{specialty} is not offered at this clinic, so General Medicine is recommended instead.")
        specialty = GENERAL_MEDICINE if GENERAL_MEDICINE in clinic or not clinic else clinic[0]

    red_flags = []
    if urgency == "emergency":
        for entry in top:
            red_flags.append(entry.condition.name)
            red_flags.extend(why for why in entry.raised_by)
        red_flags = list(dict.fromkeys(red_flags))
    questions = _questions(kb, considered, known, urgency) if plausible else []
    advice_en = _advice(kb, "en", urgency, best, emergency_number)
    advice_bn = _advice(kb, "bn", urgency, best, emergency_number)
    return TriageResult(
        urgency=urgency,
        specialization=specialty,
        red_flags=red_flags,
        advice=advice_bn if language == "bn" else advice_en,
        rationale=rationale + notes,
        rules_fired=[entry.condition.id for entry in top],
        understood=understood,
        findings=findings,
        conditions=conditions,
        questions=questions,
        advice_bn=advice_bn,
        facts=facts,
    )


def _condition_row(entry: Considered) -> dict:
    condition = entry.condition
    return {"id": condition.id, "name": condition.name, "level": entry.level, "score": entry.score,
            "plausible": entry.plausible, "why": entry.why, "raised_by": entry.raised_by,
            "source": condition.source, "specialty": condition.specialty, "file": condition.file}


def _advice(kb: KnowledgeBase, language: str, urgency: str, best: Considered | None, emergency_number: str) -> str:
    templates = kb.advice if language == "en" else kb.advice_bn
    general = templates[urgency].format(emergency_number=emergency_number)
    if urgency == "emergency" or best is None:
        return general[:MAX_ADVICE_CHARS]
    own = best.condition.advice.get(language) if best.level == best.condition.level else None
    return (f"{own.strip()} {general}" if own else general)[:MAX_ADVICE_CHARS]


__all__ = [
    "DEFAULT_SPECIALIZATIONS",
    "GENERAL_MEDICINE",
    "KNOWLEDGE_DIR",
    "MAX_ADVICE_CHARS",
    "PEDIATRICS",
    "URGENCY_ORDER",
    "URGENCY_RANK",
    "TriageResult",
    "assess",
    "build",
    "load_rules",
    "more_urgent",
]
