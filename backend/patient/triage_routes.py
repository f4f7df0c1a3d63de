"""/patient/triage: symptom assessments."""
from __future__ import annotations

from flask import current_app, jsonify
from flask_login import current_user

from backend.extensions import limiter
from backend.patient.blueprint import bp
from backend.schemas import TriageIn, page_args, parse
from backend.security import role_required
from backend.services.triage import assessments as service


def _triage_limit() -> str:
    return current_app.config["TRIAGE_RATE_LIMIT"]


def _per_patient() -> str:
    return f"triage:{current_user.id}"


@bp.post("/triage")
@role_required("patient")
@limiter.limit(_triage_limit, key_func=_per_patient)
def create_triage():
    """Queue a symptom assessment; poll GET /patient/triage/<id> for the answer."""
    data = parse(TriageIn)
    assessment = service.request_assessment(current_user.patient.id, symptoms=data.symptoms,
                                            share_history=data.share_history, age_years=data.age_years)
    return jsonify({"id": assessment.id, "status": assessment.status}), 202


@bp.get("/triage/<int:assessment_id>")
@role_required("patient")
def get_triage(assessment_id: int):
    """One assessment with its urgency, advice and recommended doctors."""
    assessment = service.get_assessment(current_user.patient.id, assessment_id)
    return jsonify(service.serialize_assessment(assessment))


@bp.get("/triage")
@role_required("patient")
def list_triage():
    """The patient's assessments, newest first."""
    page = page_args()
    listing = service.list_assessments(current_user.patient.id, page=page.page, per_page=page.per_page)
    return jsonify(listing.as_json(service.serialize_summary))
