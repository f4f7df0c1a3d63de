"""Triage assessments: queue, answer (provider or rules), recommend doctors with free slots.

The route stores a queued assessment and enqueues a task after commit; the
task claims the row and answers it. An assessment always ends answered: the
rule engine answers whenever a provider fails, when the queue is unreachable,
and when a queued row has waited too long.
"""
from __future__ import annotations

import logging
from datetime import timedelta

import sqlalchemy as sa
from flask import current_app
from sqlalchemy.exc import IntegrityError

from backend.errors import Conflict, InvalidInput, NotFound
from backend.extensions import db
from backend.messages import Message
from backend.models import Doctor, Patient, Specialization, TriageAssessment, User, utcnow
from backend.services import cache, queue
from backend.services.clock import clinic_now
from backend.services.directory.serializers import specialty_labels
from backend.services.paging import Page, paginate
from backend.services.scheduling import bookability
from backend.services.triage import photos
from backend.triage.decide import decide
from backend.triage.engine import URGENCY_RANK
from backend.triage.providers import get_provider
from backend.triage.translations import Translator, translator

log = logging.getLogger(__name__)

GENERAL_MEDICINE = "General Medicine"
# How soon each level should be seen; the doctors offered have a slot inside it.
DEADLINES = {"urgent": timedelta(hours=24), "routine": timedelta(days=14), "self_care": timedelta(days=14)}
MAX_DOCTORS = 5
SLOTS_PER_DOCTOR = 3
STALE_QUEUED = timedelta(minutes=2)
STALE_RUNNING = timedelta(minutes=5)
MAX_ATTEMPTS = 3


# ---- creating and answering ------------------------------------------------

def request_assessment(patient_id: int, *, symptoms: str, share_history: bool, age_years: int | None,
                       client_id: str | None = None, photo_token: str | None = None) -> TriageAssessment:
    """Store a queued assessment, then hand it to a worker (or answer it here if the queue is down).

    With a `client_id` (an entry made offline and sent again until it is answered), a retry
    returns the assessment the first request created: the database keeps the key unique.
    """
    if client_id:
        earlier = _by_client_id(patient_id, client_id)
        if earlier is not None:
            return earlier
    photo = photos.claim_photo(patient_id, photo_token) if photo_token else None
    assessment = TriageAssessment(patient_id=patient_id, symptoms=symptoms, share_history=share_history,
                                  age_years=age_years, status="queued", client_id=client_id,
                                  photo_name=photo.name if photo else None, photo_type=photo.mime if photo else None,
                                  photo_size=photo.size if photo else None)
    db.session.add(assessment)
    try:
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        earlier = _by_client_id(patient_id, client_id) if client_id else None
        if earlier is None:
            raise
        return earlier  # the same entry, sent twice at once: the other request created it
    cache.clear_patient_dashboard(patient_id)
    if not _enqueue(assessment.id):
        answer_assessment(assessment.id, fallback_reason="queue_unavailable: answered by the rules at once",
                          force_rules=True)
    return assessment


def _by_client_id(patient_id: int, client_id: str) -> TriageAssessment | None:
    return db.session.execute(sa.select(TriageAssessment).where(
        TriageAssessment.patient_id == patient_id, TriageAssessment.client_id == client_id)).scalar_one_or_none()


def _enqueue(assessment_id: int) -> bool:
    return queue.enqueue(queue.RUN_TRIAGE, assessment_id) is not None


def _claim(assessment_id: int) -> bool:
    """Mark a queued (or stale running) assessment as running; False if another worker has it or it is done."""
    stale_before = utcnow() - STALE_RUNNING
    result = db.session.execute(
        sa.update(TriageAssessment)
        .where(TriageAssessment.id == assessment_id,
               sa.or_(TriageAssessment.status == "queued",
                      sa.and_(TriageAssessment.status == "running", TriageAssessment.started_at < stale_before)))
        .values(status="running", started_at=utcnow(), attempts=TriageAssessment.attempts + 1)
    )
    db.session.commit()
    return result.rowcount == 1


def answer_assessment(assessment_id: int, *, fallback_reason: str | None = None, force_rules: bool = False) -> bool:
    """Answer one assessment. Idempotent: a done assessment is left alone. Returns True if answered now."""
    if not _claim(assessment_id):
        return False
    assessment = db.session.get(TriageAssessment, assessment_id)
    patient = db.session.get(Patient, assessment.patient_id)
    clinic_specs = _clinic_specializations()
    config = current_app.config
    provider_name = "rules" if force_rules else config["TRIAGE_PROVIDER"]
    try:
        provider = get_provider(provider_name, url=config.get("TRIAGE_URL"), model=config.get("TRIAGE_MODEL"),
                                timeout=config["TRIAGE_TIMEOUT"], api_key=config.get("TRIAGE_API_KEY"))
        decision = decide(assessment.symptoms, age_years=_age_years(assessment, patient),
                          history=_history(assessment, patient), specializations=list(clinic_specs),
                          provider=provider, emergency_number=config["EMERGENCY_NUMBER"],
                          history_shared=assessment.share_history,
                          images=photos.photo_for_provider(assessment),
                          language=_language(patient))
    except Exception as exc:
        # decide() never raises for provider trouble; this is a defect, so record it and fail visibly.
        log.exception("triage assessment %s failed", assessment_id)
        db.session.rollback()
        _record_failure(assessment_id, exc)
        return False
    _store_decision(assessment, decision, clinic_specs, fallback_reason)
    db.session.commit()
    cache.clear_patient_dashboard(assessment.patient_id)
    return True


def _record_failure(assessment_id: int, exc: Exception) -> None:
    assessment = db.session.get(TriageAssessment, assessment_id)
    assessment.status = "failed"
    assessment.error = f"{type(exc).__name__}: the assessment could not be completed"
    assessment.completed_at = utcnow()
    db.session.commit()


def _store_decision(assessment: TriageAssessment, decision, clinic_specs: dict[str, int],
                    fallback_reason: str | None) -> None:
    assessment.status = "done"
    assessment.urgency = decision.urgency
    assessment.specialization_name = decision.specialization
    assessment.specialization_id = clinic_specs.get(decision.specialization)
    assessment.red_flags = list(decision.red_flags)
    assessment.advice = decision.advice
    assessment.rationale = list(decision.rationale) if not isinstance(decision.rationale, str) else [decision.rationale]
    assessment.provider = decision.provider
    assessment.model = decision.model
    assessment.fallback_reason = decision.fallback_reason or fallback_reason
    assessment.latency_ms = decision.latency_ms
    assessment.completed_at = utcnow()
    assessment.understood = decision.understood
    assessment.findings = list(decision.findings)
    assessment.conditions = list(decision.conditions)
    assessment.questions = list(decision.questions)
    assessment.answers = {}
    assessment.first_answer = None


# ---- the interview: answers to follow-up questions --------------------------

# Plausible ranges for number answers; a temperature may be given in °C or °F.
NUMBER_RANGES = {"age": [(0, 120)], "temp": [(30, 45), (86, 113)], "days": [(0, 3650)]}
# One sentence per unit a number question is asked in (triage/engine.py), each with its translation.
NUMBER_ANSWERS = {"years": "Answer with a number in years.", "°C": "Answer with a number in °C.",
                  "days": "Answer with a number in days."}
YES_WORDS, NO_WORDS = {"yes", "y", "true"}, {"no", "n", "false"}


def _valid_answer(question: dict, value) -> bool | int | float | str:
    kind = question.get("kind")
    if kind == "yes_no":
        if isinstance(value, bool):
            return "yes" if value else "no"
        word = str(value).strip().lower()
        if word in YES_WORDS:
            return "yes"
        if word in NO_WORDS:
            return "no"
        raise ValueError("Answer yes or no.")
    if kind == "number":
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ValueError(NUMBER_ANSWERS.get(question.get("unit") or "", "Answer with a number."))
        ranges = NUMBER_RANGES.get(question["id"], [(0, 10000)])
        if not any(low <= value <= high for low, high in ranges):
            raise ValueError("That number is outside the possible range.")
        return value
    if kind == "choice":
        options = question.get("options") or []
        if str(value).strip().lower() not in options:
            raise ValueError(Message("Choose one of: {options}.", options=", ".join(options)))
        return str(value).strip().lower()
    raise ValueError("This question cannot be answered here.")


def answer_questions(patient_id: int, assessment_id: int, answers: dict) -> TriageAssessment:
    """Store the patient's answers and decide again with the rules, at once.

    The level never drops below the first answer (which may be an AI provider's), so answering is
    optional and the first answer is safe on its own; an answer can raise it, up to emergency.
    """
    assessment = get_assessment(patient_id, assessment_id)
    if assessment.status != "done":
        raise Conflict("This assessment is not ready yet. Answer its questions once the result is shown.",
                       code="assessment_not_ready")
    asked = {question["id"]: question for question in assessment.questions or []}
    cleaned, problems = {}, {}
    for question_id, value in answers.items():
        question = asked.get(question_id)
        if question is None:
            problems[question_id] = "This question was not asked in this assessment."
            continue
        try:
            cleaned[question_id] = _valid_answer(question, value)
        except ValueError as error:
            problems[question_id] = str(error)
    if problems:
        raise InvalidInput("Some answers could not be used. Please check them.", code="invalid_answer",
                           fields=problems)

    patient = db.session.get(Patient, assessment.patient_id)
    clinic_specs = _clinic_specializations()
    config = current_app.config
    merged = {**(assessment.answers or {}), **cleaned}
    decision = decide(assessment.symptoms, age_years=_age_years(assessment, patient),
                      history=_history(assessment, patient), specializations=list(clinic_specs),
                      provider=get_provider("rules"), emergency_number=config["EMERGENCY_NUMBER"],
                      answers=merged, history_shared=assessment.share_history, language=_language(patient))
    _store_answers(assessment, decision, merged, clinic_specs)
    db.session.commit()
    cache.clear_patient_dashboard(assessment.patient_id)
    return assessment


FIRST_ANSWER_FIELDS = ("urgency", "specialization_name", "specialization_id", "red_flags", "advice", "rationale")


def _store_answers(assessment: TriageAssessment, decision, answers: dict, clinic_specs: dict[str, int]) -> None:
    if assessment.first_answer is None:
        assessment.first_answer = {name: getattr(assessment, name) for name in FIRST_ANSWER_FIELDS}
    first = assessment.first_answer
    raised = URGENCY_RANK[decision.urgency] > URGENCY_RANK[first["urgency"]]
    same_rules_level = assessment.provider == "rules" and decision.urgency == first["urgency"]
    if raised or same_rules_level:
        assessment.urgency = decision.urgency
        assessment.specialization_name = decision.specialization
        assessment.specialization_id = clinic_specs.get(decision.specialization)
        assessment.red_flags = list(dict.fromkeys([*decision.red_flags, *(first["red_flags"] or [])]))
        assessment.advice = decision.advice
        note = (f"Your answers raised the level from {first['urgency'].replace('_', ' ')} to "
                f"{decision.urgency.replace('_', ' ')}." if raised else "Your answers did not change the level.")
        assessment.rationale = [note, *decision.rationale]
    else:
        # The first answer stands (it was at least as urgent): as it was given.
        for name in FIRST_ANSWER_FIELDS:
            setattr(assessment, name, first[name])
        assessment.rationale = ["Your answers did not change the level.", *(first["rationale"] or [])]
    asked_before = [question for question in assessment.questions or [] if question["id"] in answers]
    still_open = [question for question in decision.questions if question["id"] not in answers]
    assessment.questions = asked_before + still_open
    assessment.answers = answers
    assessment.understood = decision.understood
    assessment.findings = list(decision.findings)
    assessment.conditions = list(decision.conditions)
    assessment.answered_at = utcnow()


def _language(patient: Patient) -> str:
    """The advice's language: the one the patient chose for the app (English until they choose)."""
    return (patient.user.language if patient.user is not None else None) or "en"


def _clinic_specializations() -> dict[str, int]:
    rows = db.session.execute(sa.select(Specialization.name, Specialization.id)).all()
    return {name: spec_id for name, spec_id in rows}


def _age_years(assessment: TriageAssessment, patient: Patient) -> int | None:
    if assessment.age_years is not None:
        return assessment.age_years
    if patient.date_of_birth is None:
        return None
    today = clinic_now().date()
    born = patient.date_of_birth
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


def _history(assessment: TriageAssessment, patient: Patient) -> dict | None:
    """What the engine may know: sex always (it changes what symptoms can mean), the record only if shared."""
    history: dict = {"sex": patient.sex} if patient.sex else {}
    if assessment.share_history:
        history.update(conditions=patient.conditions, allergies=patient.allergies, medications=patient.medications)
    return history or None


def answer_stale_assessments(now=None) -> dict:
    """Re-queue assessments that have waited too long; answer by rules after too many attempts."""
    now = now or utcnow()
    stale = db.session.execute(
        sa.select(TriageAssessment.id, TriageAssessment.attempts).where(
            sa.or_(sa.and_(TriageAssessment.status == "queued", TriageAssessment.created_at < now - STALE_QUEUED),
                   sa.and_(TriageAssessment.status == "running", TriageAssessment.started_at < now - STALE_RUNNING)))
    ).all()
    handled = 0
    for assessment_id, attempts in stale:
        if attempts >= MAX_ATTEMPTS - 1 or not _enqueue(assessment_id):
            answer_assessment(assessment_id, fallback_reason="stale: answered by the rules after waiting too long",
                              force_rules=True)
        handled += 1
    return {"stale": handled}


# ---- reading ---------------------------------------------------------------

def get_assessment(patient_id: int, assessment_id: int) -> TriageAssessment:
    assessment = db.session.execute(
        sa.select(TriageAssessment).where(TriageAssessment.id == assessment_id,
                                          TriageAssessment.patient_id == patient_id)
    ).scalar_one_or_none()
    if assessment is None:
        raise NotFound("No such assessment.")
    return assessment


def list_assessments(patient_id: int, *, page: int, per_page: int) -> Page:
    stmt = (sa.select(TriageAssessment).where(TriageAssessment.patient_id == patient_id)
            .order_by(TriageAssessment.created_at.desc(), TriageAssessment.id.desc()))
    return paginate(stmt, page, per_page)


def _translator_for(assessment: TriageAssessment, language: str | None) -> Translator:
    """The patient's language now (not when the answer was given): old answers follow a switch."""
    if language is None:
        patient = assessment.patient or db.session.get(Patient, assessment.patient_id)
        language = _language(patient) if patient is not None else "en"
    return translator(language)


def serialize_summary(assessment: TriageAssessment, language: str | None = None) -> dict:
    words = _translator_for(assessment, language)
    return {
        "id": assessment.id, "status": assessment.status, "urgency": assessment.urgency,
        "specialization": assessment.specialization_name,
        "specialization_label": words.specialty(assessment.specialization_name),
        "symptoms": assessment.symptoms[:200],
        "created_at": assessment.created_at.isoformat(),
        "questions": [words.question(q) for q in assessment.questions or []], "answers": assessment.answers or {},
        "first_urgency": (assessment.first_answer or {}).get("urgency"),
        "language": words.language,
    }


def serialize_assessment(assessment: TriageAssessment, language: str | None = None) -> dict:
    """The assessment for its patient, in the patient's language (`language` overrides it).

    What the engine wrote is stored in English (and the advice in the language of the day); the
    patient's language is applied here, so the same stored answer reads in either language.
    """
    words = _translator_for(assessment, language)
    body = {
        "id": assessment.id, "status": assessment.status, "symptoms": assessment.symptoms,
        "share_history": assessment.share_history, "urgency": assessment.urgency,
        "specialization": assessment.specialization_name, "specialization_id": assessment.specialization_id,
        "specialization_label": words.specialty(assessment.specialization_name),
        "red_flags": [words.text(flag) for flag in assessment.red_flags or []],
        "advice": words.advice(assessment.advice),
        "rationale": [words.text(line) for line in assessment.rationale or []],
        "provider": assessment.provider, "model": assessment.model,
        "fallback_reason": assessment.fallback_reason, "latency_ms": assessment.latency_ms,
        "error": assessment.error, "created_at": assessment.created_at.isoformat(),
        "completed_at": assessment.completed_at.isoformat() if assessment.completed_at else None,
        "recommended_doctors": [], "recommendation_note": None,
        "emergency_number": current_app.config["EMERGENCY_NUMBER"],
        "understood": assessment.understood,
        "findings": [words.finding(row) for row in assessment.findings or []],
        "conditions": [words.condition(row) for row in assessment.conditions or []],
        "questions": [words.question(q) for q in assessment.questions or []],
        "answers": assessment.answers or {},
        "first_urgency": (assessment.first_answer or {}).get("urgency"),
        "answered_at": assessment.answered_at.isoformat() if assessment.answered_at else None,
        "has_photo": bool(assessment.photo_name),
        "photo_url": f"/patient/triage/{assessment.id}/photo" if assessment.photo_name else None,
        "language": words.language,
    }
    if assessment.status != "done":
        return body
    if assessment.urgency == "emergency":
        # An emergency is not a booking: the patient is told where to go now.
        body["recommendation_note"] = words.text(
            f"Call {current_app.config['EMERGENCY_NUMBER']} or go to the nearest emergency department now.")
        return body
    body["recommended_doctors"], note = recommend_doctors(assessment.specialization_name, assessment.urgency)
    body["recommendation_note"] = words.text(note)
    return body


# ---- recommendations -------------------------------------------------------

def recommend_doctors(specialization: str | None, urgency: str) -> tuple[list[dict], str | None]:
    """Active doctors of the specialty with free slots before the level's deadline; General Medicine if none."""
    deadline = DEADLINES.get(urgency, DEADLINES["routine"])
    wanted = specialization or GENERAL_MEDICINE
    found = _doctors_with_slots(wanted, deadline)
    if found:
        return found, None
    if wanted != GENERAL_MEDICINE:
        found = _doctors_with_slots(GENERAL_MEDICINE, deadline)
        if found:
            return found, (f"No {wanted} doctor has a free slot in time, so these General Medicine doctors are "
                           "suggested instead.")
    window = "within 24 hours" if urgency == "urgent" else "in the next two weeks"
    return [], (f"No doctor has a free slot {window}. Please call the clinic"
                + (" or visit an urgent care centre today." if urgency == "urgent" else "."))


def _doctors_with_slots(specialization: str, deadline: timedelta) -> list[dict]:
    doctors = db.session.execute(
        sa.select(Doctor).join(Doctor.user).join(Specialization, Specialization.id == Doctor.specialization_id)
        .where(Specialization.name == specialization, Doctor.is_active.is_(True), User.is_active.is_(True))
    ).scalars().all()
    by_id = {doctor.id: doctor for doctor in doctors}
    slots = bookability.next_free_slots(list(by_id), per_doctor=SLOTS_PER_DOCTOR, until=utcnow() + deadline)
    # The doctors who can see the patient soonest first.
    soonest = sorted(slots, key=lambda doctor_id: (slots[doctor_id][0]["date"], slots[doctor_id][0]["start_time"],
                                                    doctor_id))
    return [{"doctor": _doctor_card(by_id[doctor_id], specialization), "next_free_slots": slots[doctor_id]}
            for doctor_id in soonest[:MAX_DOCTORS]]


def _doctor_card(doctor: Doctor, specialization: str) -> dict:
    return {"id": doctor.id, "full_name": doctor.full_name, "specialization": specialization,
            "specialization_labels": specialty_labels(specialization),
            "qualification": doctor.qualification, "experience_years": doctor.experience_years,
            "fee": float(doctor.fee)}

