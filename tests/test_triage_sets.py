"""Regression floors on the independently written case sets (see README, "Triage accuracy").

The holdout, blind and final sets were each measured once unseen, then used to
improve the rules, so they now guard against regressions. The sealed set has
never been used to change a rule: its floor is the figure measured unseen.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from backend.triage.engine import assess
from backend.triage.evaluation import evaluate, load_cases

DATA = Path(__file__).resolve().parent / "data"

FLOORS = {
    # set: (accuracy, emergency sensitivity)
    "triage_holdout.json": (0.98, 1.0),
    "triage_test_blind.json": (0.98, 1.0),
    "triage_test_final.json": (0.98, 1.0),
    "triage_test_sealed.json": (0.83, 0.82),
}


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_accuracy_and_emergency_sensitivity_stay_above_their_floor(name):
    summary = evaluate(load_cases(DATA / name), assess)
    accuracy_floor, sensitivity_floor = FLOORS[name]
    assert summary["accuracy"] >= accuracy_floor, summary["per_level"]
    assert summary["emergency_sensitivity"] >= sensitivity_floor, summary["missed_emergencies"]
