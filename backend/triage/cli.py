"""`flask triage-eval FILE [--json] [--answers]`: measure the triage engine (or the configured provider) on a
case file. `flask triage-explain "text" [--age N] [--json]`: show every step of one decision."""
from __future__ import annotations

import json

import click
from flask import Flask, current_app

from backend.triage import engine
from backend.triage.decide import decide
from backend.triage.evaluation import evaluate, format_report, load_cases
from backend.triage.providers import get_provider


def register_triage_cli(app: Flask) -> None:
    @app.cli.command("triage-eval")
    @click.argument("path", type=click.Path(exists=True, dir_okay=False))
    @click.option("--json", "as_json", is_flag=True, help="Print one JSON object with the summary and every case.")
    @click.option("--provider", default=None,
                  help="rules, ollama or openai (default: the configured TRIAGE_PROVIDER).")
    @click.option("--answers", "use_answers", is_flag=True,
                  help="Pass each case's 'answers' (question id -> answer) to the rule engine.")
    def triage_eval(path: str, as_json: bool, provider: str | None, use_answers: bool) -> None:
        """Accuracy, emergency sensitivity, over- and under-triage on a file of cases."""
        try:
            cases = load_cases(path)
        except (ValueError, KeyError, json.JSONDecodeError) as exc:
            raise click.ClickException(f"{path}: {exc}") from None
        assess_fn = _assess_fn(provider or current_app.config["TRIAGE_PROVIDER"], use_answers)
        summary = evaluate(cases, assess_fn, use_answers=use_answers)
        click.echo(json.dumps(summary, indent=2) if as_json else format_report(summary))

    @app.cli.command("triage-explain")
    @click.argument("text")
    @click.option("--age", "age", type=float, default=None, help="The patient's age in years.")
    @click.option("--json", "as_json", is_flag=True, help="Print the whole result as JSON.")
    def triage_explain(text: str, age: float | None, as_json: bool) -> None:
        """Findings, facts, conditions considered, the level and why, and the questions to ask."""
        result = engine.assess(text, age_years=age, emergency_number=current_app.config.get("EMERGENCY_NUMBER", "999"))
        if as_json:
            click.echo(json.dumps(result.to_dict(), indent=2, ensure_ascii=False))
            return
        click.echo(format_explanation(result, engine.load_rules().version))


def format_explanation(result: engine.TriageResult, version: str) -> str:
    """A plain-text account of one decision, for clinicians and knowledge writers."""
    lines = [f"Knowledge base {version}", "", "Findings:"]
    for row in result.findings or []:
        flags = [flag for flag in ("negated", "uncertain", "historical") if row[flag]]
        if row["experiencer"] != "patient":
            flags.append("someone else's")
        lines.append(f"  {row['name']:<28} \"{row['text']}\"" + (f"  [{', '.join(flags)}]" if flags else ""))
    if not result.findings:
        lines.append("  (none)")
    facts = result.facts
    lines += ["", "Facts: " + ", ".join(f"{key}={value}" for key, value in facts.items() if value not in (None, False))
              if any(value not in (None, False) for value in facts.values()) else "", "Conditions considered:"]
    for row in result.conditions:
        mark = "+" if row["plausible"] else "-"
        lines.append(f"  {mark} {row['id']:<34} {row['level']:<10} score {row['score']:<5g} {row['why']}")
        for why in row["raised_by"]:
            lines.append(f"      raised: {why}")
    if not result.conditions:
        lines.append("  (none)")
    lines += ["", (f"Level: {result.urgency}   Specialty: {result.specialization}   "
                   f"Understood: {'yes' if result.understood else 'no'}")]
    lines += [f"  {line}" for line in result.rationale]
    if result.questions:
        lines += ["", "Questions that could raise the level:"]
        lines += [f"  [{q['id']}, {q['kind']}] {q['text']}  ({q['why']})" for q in result.questions]
    lines += ["", f"Advice: {result.advice}"]
    return "\n".join(line for line in lines if line is not None)


def _assess_fn(provider_name: str, use_answers: bool = False):
    config = current_app.config
    provider = get_provider(provider_name, url=config.get("TRIAGE_URL"), model=config.get("TRIAGE_MODEL"),
                            timeout=config["TRIAGE_TIMEOUT"], api_key=config.get("TRIAGE_API_KEY"))
    specializations = list(engine.DEFAULT_SPECIALIZATIONS)

    # With --answers, each case's answers reach the rules exactly as POST /patient/triage/<id>/answers does.
    def assess(text: str, *, age_years=None, history=None, answers=None):
        return decide(text, age_years=age_years, history=history, specializations=specializations,
                      provider=provider, emergency_number=config["EMERGENCY_NUMBER"],
                      answers=answers if use_answers else None)

    return assess
