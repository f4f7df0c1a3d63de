"""/patient/triage: symptom assessments."""
from __future__ import annotations

from flask import current_app, jsonify
from flask_login import current_user

from backend import contracts as c
from backend.contracts import contract
from backend.extensions import limiter
from backend.patient.blueprint import bp
from backend.schemas import TriageAnswersIn, TriageIn
from backend.security import role_required
from backend.services.triage import assessments as service


def _triage_limit() -> str:
    return current_app.config["TRIAGE_RATE_LIMIT"]


def _per_patient() -> str:
    return f"triage:{current_user.id}"


@bp.post("/triage")
@role_required("patient")
@limiter.limit(_triage_limit, key_func=_per_patient)
@contract(body=TriageIn, responses={202: c.AssessmentQueued, 429: None})
def create_triage(body: TriageIn):
    """Queue a symptom assessment; poll GET /patient/triage/<id> for the answer."""
    assessment = service.request_assessment(current_user.patient.id, symptoms=body.symptoms,
                                            share_history=body.share_history, age_years=body.age_years,
                                            client_id=body.client_id, photo_token=body.photo_token)
    return jsonify({"id": assessment.id, "status": assessment.status}), 202


@bp.get("/triage/<int:assessment_id>")
@role_required("patient")
@contract(responses={200: c.AssessmentOut})
def get_triage(assessment_id: int):
    """One assessment with its urgency, advice and recommended doctors."""
    assessment = service.get_assessment(current_user.patient.id, assessment_id)
    return jsonify(service.serialize_assessment(assessment))


@bp.post("/triage/<int:assessment_id>/answers")
@role_required("patient")
@contract(body=TriageAnswersIn, responses={200: c.AssessmentOut, 409: None})
def answer_triage(assessment_id: int, body: TriageAnswersIn):
    """Answer follow-up questions; the rules decide again at once and the updated assessment is returned.

    Body: `{"answers": {"<question id>": <answer>}}` with ids from the assessment's `questions`. A `yes_no`
    question takes `true`/`false` (or "yes"/"no"), a `number` question a number in its `unit`, a `choice`
    question one of its `options`. Answers are stored with the assessment and merged with earlier ones (a
    later answer to the same question replaces it). Answering is optional: the first answer stands until
    then and is already safe. An answer can raise the level (up to `emergency`, with `emergency_number`),
    never lower it below the first answer. 400 `invalid_answer` for an unknown question or a wrong kind of
    answer (nothing is stored); 404 for another patient's assessment; 409 `assessment_not_ready` while it
    is still being assessed.
    """
    assessment = service.answer_questions(current_user.patient.id, assessment_id, body.answers)
    return jsonify(service.serialize_assessment(assessment))


@bp.get("/triage")
@role_required("patient")
@contract(paged=True, responses={200: c.AssessmentPage})
def list_triage(paging):
    """The patient's assessments, newest first."""
    listing = service.list_assessments(current_user.patient.id, page=paging.page, per_page=paging.per_page)
    return jsonify(listing.as_json(service.serialize_summary))
