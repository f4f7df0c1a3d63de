"""Combine a provider's answer with the rule engine: red flags always win.

The rule engine runs on every assessment. An AI answer is used when it is
valid, but red-flag rules can only raise its urgency, never lower it; any
provider failure falls back to the rule engine's answer with the reason kept.
"""
from __future__ import annotations

import logging
import time
from dataclasses import asdict, dataclass, field, replace
from typing import Any

from . import engine
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

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _elapsed_ms(started: float) -> int:
    return int(round((time.perf_counter() - started) * 1000))


def _from_rules(rules: engine.TriageResult, *, fallback_reason: str | None, started: float) -> Decision:
    return Decision(urgency=rules.urgency, specialization=rules.specialization, red_flags=list(rules.red_flags),
                    advice=rules.advice, rationale=list(rules.rationale), provider="rules",
                    model=engine.load_rules().version, fallback_reason=fallback_reason,
                    latency_ms=_elapsed_ms(started))


def _merge(answer: TriageAnswer, rules: engine.TriageResult, provider: Provider, started: float) -> Decision:
    """Use the AI answer, raised to emergency when the red-flag rules say so."""
    rationale = answer.rationale_lines()
    red_flags = list(dict.fromkeys([*answer.red_flags, *rules.red_flags]))
    urgency, advice = answer.urgency, answer.advice
    # Only red flags may overrule the model, and only upwards.
    if rules.red_flags and engine.more_urgent(rules.urgency, answer.urgency) != answer.urgency:
        urgency, advice = rules.urgency, rules.advice
        rationale.append(f"Red-flag rules raised the urgency from {answer.urgency} to {rules.urgency}: "
                         + "; ".join(rules.red_flags) + ".")
    return Decision(urgency=urgency, specialization=answer.specialization, red_flags=red_flags, advice=advice,
                    rationale=rationale, provider=provider.name, model=provider.model, fallback_reason=None,
                    latency_ms=_elapsed_ms(started))


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
) -> Decision:
    """The final triage answer. Never raises for provider problems: it falls back to the rules."""
    started = time.perf_counter()
    rules = engine.assess(text, age_years=age_years, history=history, specializations=specializations,
                          emergency_number=emergency_number)
    if provider.name == "rules":
        return _from_rules(rules, fallback_reason=None, started=started)
    try:
        answer = provider.assess(text, age_years=age_years, history=history, specializations=specializations)
    except ProviderError as error:
        return _from_rules(rules, fallback_reason=f"{error.reason_code}: {error.detail}", started=started)
    except Exception as error:  # a defect in a provider must still leave the patient with an answer
        log.exception("triage provider %s failed unexpectedly", provider.name)
        return _from_rules(rules, fallback_reason=f"unexpected_error: {type(error).__name__}", started=started)
    return _ensure_emergency_number(_merge(answer, rules, provider, started), emergency_number)
