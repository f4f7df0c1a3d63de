"""backend/triage/service.py and the /patient/triage routes (the task is run in-process here;
tests/test_triage_worker.py runs it through a real Celery worker)."""
from __future__ import annotations

from datetime import timedelta

import pytest
import sqlalchemy as sa

from backend.extensions import db
from backend.models import TriageAssessment, utcnow
from backend.services.clock import clinic_now
from backend.services.triage import assessments as service
from tests.conftest import ApiClient, free_port

CHEST = "Crushing chest pain spreading to my left arm, I'm sweating and feel sick"
RASH = "I have had an itchy rash on both elbows for three weeks, no fever"


def submit(client, symptoms, **extra):
    answer = client.post("/patient/triage", json={"symptoms": symptoms, "share_history": False, **extra})
    assert answer.status_code == 202, answer.get_json()
    return answer.get_json()["id"]


def slot_soon(factory, doctor, hours_ahead: int):
    start = (clinic_now() + timedelta(hours=hours_ahead)).replace(minute=0, second=0, microsecond=0)
    return factory.slot(doctor, day=start.date(), start=start.time())


@pytest.mark.parametrize("payload, field", [
    ({"symptoms": "ab"}, "symptoms"),
    ({"symptoms": "x" * 2001}, "symptoms"),
    ({"symptoms": 42}, "symptoms"),
    ({}, "symptoms"),
    ({"symptoms": "headache", "share_history": "perhaps"}, "share_history"),
    ({"symptoms": "headache", "age_years": -1}, "age_years"),
    ({"symptoms": "headache", "age_years": 500}, "age_years"),
])
def test_triage_input_is_validated(patient_client, payload, field):
    answer = patient_client.post("/patient/triage", json=payload)
    assert answer.status_code == 400
    assert field in answer.get_json()["error"]["fields"]
    assert db.session.execute(sa.select(sa.func.count(TriageAssessment.id))).scalar_one() == 0


def test_queued_then_answered_then_listed(patient_client):
    assessment_id = submit(patient_client, RASH)
    queued = patient_client.get(f"/patient/triage/{assessment_id}").get_json()
    assert queued["status"] == "queued" and queued["urgency"] is None
    assert service.answer_assessment(assessment_id) is True
    assert service.answer_assessment(assessment_id) is False  # idempotent: already answered
    done = patient_client.get(f"/patient/triage/{assessment_id}").get_json()
    assert done["status"] == "done"
    assert done["urgency"] == "routine"
    assert done["specialization"] == "Dermatology"
    assert done["provider"] == "rules" and done["fallback_reason"] is None
    assert done["advice"] and done["rationale"]
    listed = patient_client.get("/patient/triage").get_json()
    assert listed["total"] == 1 and listed["items"][0]["id"] == assessment_id


def test_emergency_answer_carries_the_number_and_no_booking(patient_client, factory):
    slot_soon(factory, factory.doctor("Cardiology"), hours_ahead=5)
    assessment_id = submit(patient_client, CHEST)
    service.answer_assessment(assessment_id)
    body = patient_client.get(f"/patient/triage/{assessment_id}").get_json()
    assert body["urgency"] == "emergency"
    assert body["red_flags"]
    assert body["emergency_number"] == "999"
    assert "999" in body["advice"]
    assert body["recommended_doctors"] == []


def test_recommended_doctors_have_slots_inside_the_deadline(patient_client, factory):
    derm = factory.doctor("Dermatology", full_name="Dr. Skin")
    slot = slot_soon(factory, derm, hours_ahead=30)
    factory.doctor("Cardiology")  # another specialty is not offered
    assessment_id = submit(patient_client, RASH)
    service.answer_assessment(assessment_id)
    body = patient_client.get(f"/patient/triage/{assessment_id}").get_json()
    assert [d["doctor"]["full_name"] for d in body["recommended_doctors"]] == ["Dr. Skin"]
    assert body["recommended_doctors"][0]["next_free_slots"][0]["id"] == slot.id
    assert body["recommendation_note"] is None


def test_urgent_case_falls_back_to_general_medicine_within_24_hours(patient_client, factory):
    uro = factory.doctor("Urology")
    slot_soon(factory, uro, hours_ahead=60)  # too late for an urgent case
    gp = factory.doctor("General Medicine", full_name="Dr. General")
    gp_slot = slot_soon(factory, gp, hours_ahead=6)
    assessment_id = submit(patient_client, "It burns when I pee, I need to go all the time, and I have a fever "
                                           "of 39 with pain in my side")
    service.answer_assessment(assessment_id)
    body = patient_client.get(f"/patient/triage/{assessment_id}").get_json()
    assert body["urgency"] == "urgent"
    assert body["specialization"] == "Urology"
    offered = body["recommended_doctors"]
    assert [d["doctor"]["full_name"] for d in offered] == ["Dr. General"]
    assert offered[0]["next_free_slots"][0]["id"] == gp_slot.id
    assert "General Medicine" in body["recommendation_note"]


def test_another_patients_assessment_is_not_found(patient_client, new_client, factory):
    assessment_id = submit(patient_client, RASH)
    factory.patient(email="other@example.com")
    other = new_client()
    other.login("other@example.com")
    assert other.get(f"/patient/triage/{assessment_id}").status_code == 404
    assert other.get("/patient/triage").get_json()["total"] == 0


def test_shared_history_is_used_only_when_shared(patient_client, factory):
    patient = patient_client.patient
    patient.conditions = "Pregnant, 30 weeks"
    patient.sex = "female"
    db.session.commit()
    text = "Bad headache since this morning and my ankles and face are swollen"
    without = submit(patient_client, text)
    with_history = submit(patient_client, text, share_history=True)
    service.answer_assessment(without)
    service.answer_assessment(with_history)
    a = db.session.get(TriageAssessment, without)
    b = db.session.get(TriageAssessment, with_history)
    db.session.refresh(a)
    db.session.refresh(b)
    rank = {"self_care": 0, "routine": 1, "urgent": 2, "emergency": 3}
    assert rank[b.urgency] > rank[a.urgency]


def test_a_failing_provider_falls_back_to_the_rules_with_its_reason(make_app, factory):
    app = make_app(TRIAGE_PROVIDER="ollama", TRIAGE_URL=f"http://127.0.0.1:{free_port()}",
                   TRIAGE_MODEL="llama3.1", TRIAGE_TIMEOUT=1.0)
    with app.app_context():
        patient = factory.patient()
        assessment = TriageAssessment(patient_id=patient.id, symptoms=CHEST, status="queued")
        db.session.add(assessment)
        db.session.commit()
        assert service.answer_assessment(assessment.id)
        db.session.refresh(assessment)
        assert assessment.status == "done"
        assert assessment.urgency == "emergency"
        assert assessment.provider == "rules"
        assert assessment.fallback_reason.startswith("connection_error")
        db.session.remove()


def test_queue_down_means_the_rules_answer_at_once(make_app, factory):
    dead = f"redis://127.0.0.1:{free_port()}/0"
    app = make_app(CELERY_BROKER_URL=dead)
    with app.app_context():
        factory.patient(email="q@example.com")
        browser = ApiClient(app.test_client())
        browser.login("q@example.com")
        answer = browser.post("/patient/triage", json={"symptoms": RASH})
        assert answer.status_code == 202
        body = browser.get(f"/patient/triage/{answer.get_json()['id']}").get_json()
        assert body["status"] == "done"
        assert body["fallback_reason"].startswith("queue_unavailable")
        db.session.remove()


def test_stale_assessments_are_answered(patient_client):
    assessment_id = submit(patient_client, RASH)
    assessment = db.session.get(TriageAssessment, assessment_id)
    assessment.created_at = utcnow() - timedelta(minutes=30)
    assessment.attempts = service.MAX_ATTEMPTS
    db.session.commit()
    assert service.answer_stale_assessments() == {"stale": 1}
    db.session.refresh(assessment)
    assert assessment.status == "done"
    assert assessment.fallback_reason.startswith("stale")


def test_triage_is_rate_limited_per_patient(make_app, factory):
    app = make_app(RATELIMIT_ENABLED=True, TRIAGE_RATE_LIMIT="2 per hour")
    with app.app_context():
        factory.patient(email="r@example.com")
        browser = ApiClient(app.test_client())
        browser.login("r@example.com")
        codes = [browser.post("/patient/triage", json={"symptoms": RASH}).status_code for _ in range(3)]
        assert codes == [202, 202, 429]
        db.session.remove()


def test_the_patient_dashboard_shows_a_new_assessment_at_once(patient_client):
    first = patient_client.get("/patient/dashboard")
    assert first.get_json()["recent_triage"] == []
    assessment_id = submit(patient_client, RASH)
    queued = patient_client.get("/patient/dashboard").get_json()["recent_triage"]
    assert [(t["id"], t["status"]) for t in queued] == [(assessment_id, "queued")]
    service.answer_assessment(assessment_id)
    answered = patient_client.get("/patient/dashboard").get_json()["recent_triage"]
    assert answered[0]["urgency"] == "routine"
