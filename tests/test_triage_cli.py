"""backend/triage/cli.py: `flask triage-eval FILE [--json]`."""
from __future__ import annotations

import json

CASES = [
    {"id": "a", "text": "crushing chest pain spreading to my jaw and I'm sweating", "gold_urgency": "emergency"},
    {"id": "b", "text": "runny nose and sneezing for two days, otherwise fine", "gold_urgency": "self-care"},
    {"id": "c", "text": "itchy patch of dry skin on my elbow for a month", "gold_urgency": "non-urgent"},
]


def test_triage_eval_prints_a_report(runner, tmp_path):
    path = tmp_path / "cases.json"
    path.write_text(json.dumps(CASES))
    result = runner.invoke(args=["triage-eval", str(path)])
    assert result.exit_code == 0, result.output
    assert "Emergency sensitivity: 100.0%" in result.output
    assert "Confusion matrix" in result.output


def test_triage_eval_json_has_summary_and_cases(runner, tmp_path):
    path = tmp_path / "cases.json"
    path.write_text(json.dumps(CASES))
    result = runner.invoke(args=["triage-eval", str(path), "--json"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.output)
    assert summary["n"] == 3
    assert {c["id"]: c["gold"] for c in summary["cases"]} == {"a": "emergency", "b": "self_care", "c": "routine"}
    assert {"id", "gold", "predicted", "specialization"} <= set(summary["cases"][0])
    assert summary["cases"][0]["predicted"] == "emergency"


def test_triage_eval_rejects_a_bad_file(runner, tmp_path):
    path = tmp_path / "bad.json"
    path.write_text(json.dumps([{"id": "x", "text": "cough", "gold_urgency": "whenever"}]))
    result = runner.invoke(args=["triage-eval", str(path)])
    assert result.exit_code != 0


def test_triage_eval_answers_mode_uses_each_cases_answers(runner):
    """--answers passes each case's answers to the rules, as POST /patient/triage/<id>/answers does."""
    from tests.conftest import ROOT

    path = f"{ROOT}/tests/data/triage_answers.json"
    one_shot = json.loads(runner.invoke(args=["triage-eval", path, "--json"]).output)
    answered = runner.invoke(args=["triage-eval", path, "--json", "--answers"])
    assert answered.exit_code == 0, answered.output
    with_answers = json.loads(answered.output)
    predicted = {row["id"]: row["predicted"] for row in with_answers["cases"]}
    assert predicted["ans-1"] == "emergency" and predicted["ans-2"] == "urgent"
    # One-shot, the same texts are not emergencies: the answers are what raise them.
    assert {row["id"]: row["predicted"] for row in one_shot["cases"]}["ans-1"] == "urgent"
    assert with_answers["emergency_sensitivity"] > one_shot["emergency_sensitivity"]
