"""Measure a triage function against vignettes with a known (gold) urgency.

Used by `flask triage-eval FILE [--json]` and by the test gate on the
project's own set: `format_report(evaluate(load_cases(path), assess))`.
"""
from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .engine import URGENCY_ORDER, URGENCY_RANK

# Published vignette sets use several spellings for the same disposition.
GOLD_ALIASES = {
    "emergency": "emergency", "emergent": "emergency",
    "urgent": "urgent",
    "routine": "routine", "non_urgent": "routine", "nonurgent": "routine",
    "non_emergent": "routine", "nonemergent": "routine",
    "self_care": "self_care", "selfcare": "self_care",
}
# Most urgent first reads naturally in a report.
REPORT_ORDER = tuple(reversed(URGENCY_ORDER))


def normalize_level(raw: Any) -> str:
    key = str(raw).strip().lower().replace("-", "_").replace(" ", "_")
    if key not in GOLD_ALIASES:
        raise ValueError(f"unknown urgency {raw!r}; expected one of {', '.join(URGENCY_ORDER)}")
    return GOLD_ALIASES[key]


def load_cases(path: str | Path) -> list[dict]:
    """Read a JSON list of {"id", "text", "gold_urgency", "age_years"?, "history"?, "register"?, "answers"?}."""
    with open(path, encoding="utf-8") as handle:
        raw = json.load(handle)
    if isinstance(raw, dict) and "cases" in raw:
        raw = raw["cases"]
    if not isinstance(raw, list):
        raise ValueError("an evaluation file holds a JSON list of cases")
    return [_load_case(index, item) for index, item in enumerate(raw)]


def _load_case(index: int, item: Any) -> dict:
    if not isinstance(item, dict) or not str(item.get("text") or "").strip():
        raise ValueError(f"case {index}: needs a non-empty 'text'")
    case_id = str(item.get("id", index))
    try:
        gold = normalize_level(item.get("gold_urgency"))
    except ValueError as error:
        raise ValueError(f"case {case_id}: {error}") from None
    return {
        "id": case_id,
        "text": str(item["text"]),
        "gold_urgency": gold,
        "age_years": item.get("age_years"),
        "history": item.get("history"),
        "register": item.get("register"),
        "answers": item.get("answers") if isinstance(item.get("answers"), dict) else None,
    }


def _read(answer: Any, field: str) -> Any:
    return answer[field] if isinstance(answer, dict) else getattr(answer, field)


def _rate(numerator: int, denominator: int) -> float | None:
    return round(numerator / denominator, 4) if denominator else None


def _summary(rows: list[dict]) -> dict:
    total = len(rows)
    correct = sum(row["gold"] == row["predicted"] for row in rows)
    over = sum(URGENCY_RANK[row["predicted"]] > URGENCY_RANK[row["gold"]] for row in rows)
    under = sum(URGENCY_RANK[row["predicted"]] < URGENCY_RANK[row["gold"]] for row in rows)
    return {"n": total, "accuracy": _rate(correct, total), "over_triage_rate": _rate(over, total),
            "under_triage_rate": _rate(under, total)}


def evaluate(cases: list[dict], assess_fn: Callable[..., Any], *, use_answers: bool = False) -> dict:
    """Run assess_fn(text, age_years=, history=[, answers=]) on every case and summarise.

    Over-triage: predicted more urgent than gold; under-triage: less urgent.
    With use_answers, each case's "answers" dict is passed as answers=.
    """
    confusion = {gold: {pred: 0 for pred in REPORT_ORDER} for gold in REPORT_ORDER}
    rows = []
    for case in cases:
        kwargs = {"age_years": case.get("age_years"), "history": case.get("history")}
        if use_answers:
            kwargs["answers"] = case.get("answers")
        answer = assess_fn(case["text"], **kwargs)
        gold, predicted = case["gold_urgency"], _read(answer, "urgency")
        confusion[gold][predicted] += 1
        rows.append({"id": case["id"], "gold": gold, "predicted": predicted,
                     "specialization": _read(answer, "specialization"), "register": case.get("register")})

    headline = _summary(rows)
    per_level = {}
    for level in REPORT_ORDER:
        n = sum(confusion[level].values())
        per_level[level] = {"n": n, "correct": confusion[level][level], "accuracy": _rate(confusion[level][level], n)}
    per_register = {}
    for register in sorted({row["register"] for row in rows if row["register"]}):
        per_register[register] = _summary([row for row in rows if row["register"] == register])
    return {
        **headline,
        "per_level": per_level,
        "per_register": per_register,
        "emergency_sensitivity": per_level["emergency"]["accuracy"],
        "self_care_accuracy": per_level["self_care"]["accuracy"],
        "missed_emergencies": [row["id"] for row in rows if row["gold"] == "emergency" and row["predicted"] != "emergency"],
        "confusion": confusion,
        "cases": rows,
    }


def _percent(value: float | None) -> str:
    return "n/a" if value is None else f"{value * 100:.1f}%"


def format_report(summary: dict) -> str:
    """A plain-text report for people: headline figures, per level, confusion matrix."""
    lines = [
        f"Cases: {summary['n']}",
        f"Accuracy: {_percent(summary['accuracy'])}",
        f"Emergency sensitivity: {_percent(summary['emergency_sensitivity'])}",
        f"Self-care accuracy: {_percent(summary.get('self_care_accuracy'))}",
        f"Over-triage rate: {_percent(summary['over_triage_rate'])}",
        f"Under-triage rate: {_percent(summary['under_triage_rate'])}",
        "",
        "Accuracy per level:",
    ]
    for level, stats in summary["per_level"].items():
        lines.append(f"  {level:<10} {_percent(stats['accuracy']):>7}  ({stats['correct']}/{stats['n']})")
    if summary.get("per_register"):
        lines += ["", "Per register:"]
        for register, stats in summary["per_register"].items():
            lines.append(f"  {register:<10} accuracy {_percent(stats['accuracy']):>7}  over {_percent(stats['over_triage_rate']):>7}"
                         f"  under {_percent(stats['under_triage_rate']):>7}  (n={stats['n']})")
    lines += ["", "Confusion matrix (rows: gold, columns: predicted):"]
    width = max(len(level) for level in REPORT_ORDER) + 2
    lines.append(" " * width + "".join(f"{level:>{width}}" for level in REPORT_ORDER))
    for gold, row in summary["confusion"].items():
        lines.append(f"{gold:<{width}}" + "".join(f"{row[pred]:>{width}}" for pred in REPORT_ORDER))
    if summary["missed_emergencies"]:
        lines += ["", "Missed emergencies: " + ", ".join(summary["missed_emergencies"])]
    return "\n".join(lines)
