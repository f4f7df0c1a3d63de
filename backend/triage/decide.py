"""Combine a provider's answer with the rule engine: the rules are the floor.

The rule engine runs on every assessment. An AI answer may raise the rules'
level, never lower it: the decision is the more urgent of the two. When the
rules' level is the higher one, their specialty and advice go with it. A
provider's advice is used only when it passes the advice safety filter
(`advice_safety`), the same filter the rules' advice goes through; otherwise
the rules' advice for that level is given. Any provider failure falls back to
the rule engine's answer with the reason kept.
"""
from __future__ import annotations

import logging
import time
from dataclasses import asdict, dataclass, field, replace
from typing import Any

from . import advice_safety, engine
from .providers import Provider, ProviderError
from .schema import TriageAnswer

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Decision:
    urgency: str
    specialization: str
    red_flags: list[str] = field(default_factory=list)
    advice: str = ""
    rationale: list[str] = field(default_factory=list)
    provider: str = "rules"
    model: str | None = None
    fallback_reason: str | None = None
    latency_ms: int = 0
    # What the rules read and considered, and the questions whose answers could raise the level.
    understood: bool = True
    findings: list[dict] = field(default_factory=list)
    conditions: list[dict] = field(default_factory=list)
    questions: list[dict] = field(default_factory=list)
    rules_urgency: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _elapsed_ms(started: float) -> int:
    return int(round((time.perf_counter() - started) * 1000))


MAX_STORED_CONDITIONS = 12


def _reading(rules: engine.TriageResult) -> dict:
    """What the rules read and considered, trimmed to what a patient or doctor is shown."""
    findings = [{key: row.get(key) for key in ("name", "text", "negated", "uncertain", "historical", "experiencer")}
                for row in rules.findings]
    considered = [row for row in rules.conditions if row.get("plausible")]
    considered += [row for row in rules.conditions if not row.get("plausible")][:max(0, MAX_STORED_CONDITIONS
                                                                                       - len(considered))]
    conditions = [{key: row.get(key) for key in ("id", "name", "level", "plausible", "why", "raised_by",
                                                   "specialty", "source")} for row in considered]
    questions = [{key: value for key, value in question.items()} for question in rules.questions]
    return {"understood": rules.understood, "findings": findings, "conditions": conditions,
            "questions": questions, "rules_urgency": rules.urgency}


def _from_rules(rules: engine.TriageResult, *, fallback_reason: str | None, started: float,
                cautions: advice_safety.Cautions) -> Decision:
    return Decision(urgency=rules.urgency, specialization=rules.specialization, red_flags=list(rules.red_flags),
                    advice=advice_safety.filter_advice(rules.advice, cautions, max_chars=engine.MAX_ADVICE_CHARS),
                    rationale=list(rules.rationale), provider="rules",
                    model=engine.load_rules().version, fallback_reason=fallback_reason,
                    latency_ms=_elapsed_ms(started), **_reading(rules))


def _merge(answer: TriageAnswer, rules: engine.TriageResult, provider: Provider, started: float,
           cautions: advice_safety.Cautions, emergency_number: str) -> Decision:
    """The more urgent of the AI's and the rules' levels; the AI's advice and specialty only when safe."""
    rationale = answer.rationale_lines()
    red_flags = list(dict.fromkeys([*answer.red_flags, *rules.red_flags]))
    urgency = engine.more_urgent(rules.urgency, answer.urgency)
    rules_advice = advice_safety.filter_advice(rules.advice, cautions, max_chars=engine.MAX_ADVICE_CHARS)
    if urgency != answer.urgency:
        # The rules are the floor: their level comes with their specialty and advice.
        specialization, advice = rules.specialization, rules_advice
        reasons = rules.red_flags or [line.split(" [")[0] for line in rules.rationale[:2]]
        rationale.append(f"The clinical rules raised the urgency from {answer.urgency} to {rules.urgency}: "
                         + "; ".join(reasons) + ".")
    else:
        specialization = answer.specialization
        if advice_safety.is_safe(answer.advice, cautions):
            advice = advice_safety.filter_advice(answer.advice, cautions, max_chars=engine.MAX_ADVICE_CHARS)
        else:
            advice = (rules_advice if rules.urgency == urgency else
                      engine.load_rules().advice[urgency].format(emergency_number=emergency_number))
            rationale.append("The suggested advice named a medicine the patient's record rules out, so the "
                             "clinic's standard advice is given instead.")
    return Decision(urgency=urgency, specialization=specialization, red_flags=red_flags, advice=advice,
                    rationale=rationale, provider=provider.name, model=provider.model, fallback_reason=None,
                    latency_ms=_elapsed_ms(started), **_reading(rules))


def _ensure_emergency_number(decision: Decision, emergency_number: str) -> Decision:
    """An emergency answer must tell the patient which number to call, whoever wrote it."""
    if decision.urgency != "emergency" or emergency_number in decision.advice:
        return decision
    prefix = engine.load_rules().advice["emergency"].format(emergency_number=emergency_number)
    advice = f"{prefix} {decision.advice}".strip()[: engine.MAX_ADVICE_CHARS]
    return replace(decision, advice=advice)


def decide(
    text: str,
    *,
    age_years: float | None = None,
    history: dict | None = None,
    specializations: list[str] | None = None,
    provider: Provider,
    emergency_number: str = "999",
    answers: dict | None = None,
    history_shared: bool | None = None,
    images: list[dict] | None = None,
    language: str = "en",
) -> Decision:
    """The final triage answer. Never raises for provider problems: it falls back to the rules.

    `answers` are the patient's answers to earlier questions (rules only: a provider sees the text).
    `history_shared` says whether the patient shared their record; by default, whether `history` holds
    any of allergies, conditions or medications. Unshared, advice that depends on it says what to check.
    """
    started = time.perf_counter()
    rules = engine.assess(text, age_years=age_years, history=history, specializations=specializations,
                          emergency_number=emergency_number, answers=answers, language=language)
    if history_shared is None:
        history_shared = isinstance(history, dict) and any(key in history for key in
                                                           ("allergies", "conditions", "medications"))
    cautions = advice_safety.cautions_for(history, shared=history_shared,
                                          age_years=rules.facts.get("age_years") if rules.facts else age_years,
                                          findings=rules.findings)
    if provider.name == "rules":
        return _from_rules(rules, fallback_reason=None, started=started, cautions=cautions)
    try:
        # A photo goes to a provider that reads images; the rules never see it.
        extra = {"images": images} if images else {}
        answer = provider.assess(text, age_years=age_years, history=history, specializations=specializations, **extra)
    except ProviderError as error:
        return _from_rules(rules, fallback_reason=f"{error.reason_code}: {error.detail}", started=started,
                           cautions=cautions)
    except Exception as error:  # a defect in a provider must still leave the patient with an answer
        log.exception("triage provider %s failed unexpectedly", provider.name)
        return _from_rules(rules, fallback_reason=f"unexpected_error: {type(error).__name__}", started=started,
                           cautions=cautions)
    return _ensure_emergency_number(_merge(answer, rules, provider, started, cautions, emergency_number),
                                    emergency_number)
