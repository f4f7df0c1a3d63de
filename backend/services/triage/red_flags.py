"""The offline red-flag check's rules, exported from the knowledge base with the clinic's emergency number."""
from __future__ import annotations

from flask import current_app

from backend.triage import offline


def offline_rules() -> dict:
    """What the browser needs to tell an emergency from "we will assess this when you are back online"."""
    return {**offline.export(), "emergency_number": current_app.config["EMERGENCY_NUMBER"]}
