"""`flask triage-eval FILE [--json]`: measure the triage engine (or the configured provider) on a case file."""
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
    def triage_eval(path: str, as_json: bool, provider: str | None) -> None:
        """Accuracy, emergency sensitivity, over- and under-triage on a file of cases."""
        try:
            cases = load_cases(path)
        except (ValueError, KeyError, json.JSONDecodeError) as exc:
            raise click.ClickException(f"{path}: {exc}") from None
        summary = evaluate(cases, _assess_fn(provider or current_app.config["TRIAGE_PROVIDER"]))
        click.echo(json.dumps(summary, indent=2) if as_json else format_report(summary))


def _assess_fn(provider_name: str):
    config = current_app.config
    provider = get_provider(provider_name, url=config.get("TRIAGE_URL"), model=config.get("TRIAGE_MODEL"),
                            timeout=config["TRIAGE_TIMEOUT"], api_key=config.get("TRIAGE_API_KEY"))
    specializations = list(engine.DEFAULT_SPECIALIZATIONS)

    def assess(text: str, *, age_years=None, history=None):
        return decide(text, age_years=age_years, history=history, specializations=specializations,
                      provider=provider, emergency_number=config["EMERGENCY_NUMBER"])

    return assess
