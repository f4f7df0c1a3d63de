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
