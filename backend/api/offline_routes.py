"""/api/triage/red-flags: the offline symptom check's rules, generated from the triage knowledge base."""
from __future__ import annotations

from flask import jsonify, request

from backend import contracts as c
from backend.api.blueprint import bp
from backend.contracts import contract
from backend.services.triage import red_flags


@bp.get("/triage/red-flags")
@contract(responses={200: c.RedFlagRulesOut, 304: None})
def offline_red_flags():
    """Public: the red-flag rules the app checks with no connection (generated from the knowledge files)."""
    rules = red_flags.offline_rules()
    response = jsonify(rules)
    response.set_etag(f'{rules["version"]}-{rules["emergency_number"]}')
    response.headers["Cache-Control"] = "no-cache"
    return response.make_conditional(request)
