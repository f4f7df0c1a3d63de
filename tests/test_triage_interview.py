"""The triage interview: follow-up questions and answers (POST /patient/triage/<id>/answers), advice that
respects the patient's record (backend/triage/advice_safety.py), and the public clinic configuration."""
from __future__ import annotations

import pytest

from backend.extensions import db
from backend.models import TriageAssessment
from backend.services.triage import assessments as service
from backend.triage import advice_safety, engine
from backend.triage.advice_safety import ASPIRIN, NSAID, cautions_for, filter_advice, recommends
from backend.triage.knowledge import load

CHEST = "I have had chest pain since this morning"
SORE_THROAT = "sore throat and runny nose for two days"


def assessed(client, symptoms, share_history=False):
    answer = client.post("/patient/triage", json={"symptoms": symptoms, "share_history": share_history})
    assert answer.status_code == 202, answer.get_json()
    assessment_id = answer.get_json()["id"]
    service.answer_assessment(assessment_id)  # the worker's job, run here
    return client.get(f"/patient/triage/{assessment_id}").get_json()


# ---- questions and answers --------------------------------------------------

def test_chest_pain_asks_questions_that_could_raise_it(patient_client):
    body = assessed(patient_client, CHEST)
    assert body["urgency"] == "urgent" and body["understood"] is True
    assert 1 <= len(body["questions"]) <= 5
    ids = [q["id"] for q in body["questions"]]
    assert "shortness_of_breath" in ids
    for question in body["questions"]:
        assert question["text"] and question["why"] and question["kind"] in {"yes_no", "number", "choice"}
    assert body["answers"] == {} and body["first_urgency"] is None
    assert any(row["name"] == "chest pain" for row in body["findings"])
    assert any(row["plausible"] for row in body["conditions"])


def test_a_yes_to_a_red_flag_question_raises_it_to_emergency(patient_client, app, monkeypatch):
    monkeypatch.setitem(app.config, "EMERGENCY_NUMBER", "112")
    body = assessed(patient_client, CHEST)
    answer = patient_client.post(f"/patient/triage/{body['id']}/answers",
                                 json={"answers": {"shortness_of_breath": True}})
    assert answer.status_code == 200, answer.get_json()
    raised = answer.get_json()
    assert raised["urgency"] == "emergency" and raised["first_urgency"] == "urgent"
    assert raised["answers"] == {"shortness_of_breath": "yes"}
    assert raised["emergency_number"] == "112" and "112" in raised["advice"]
    assert raised["red_flags"] and raised["recommended_doctors"] == []
    assert raised["rationale"][0] == "Your answers raised the level from urgent to emergency."
    # Stored: the answered question is kept with its answer, and GET shows the same.
    again = patient_client.get(f"/patient/triage/{body['id']}").get_json()
    assert again["urgency"] == "emergency" and again["answers"] == {"shortness_of_breath": "yes"}
    assert "shortness_of_breath" in [q["id"] for q in again["questions"]]
    row = db.session.get(TriageAssessment, body["id"])
    assert row.first_answer["urgency"] == "urgent" and row.answered_at is not None


def test_an_answer_that_leaves_the_level_where_it_was(patient_client):
    body = assessed(patient_client, CHEST)
    answer = patient_client.post(f"/patient/triage/{body['id']}/answers",
                                 json={"answers": {"shortness_of_breath": "no", "fainting": False}})
    assert answer.status_code == 200
    same = answer.get_json()
    assert same["urgency"] == "urgent" and same["specialization"] == body["specialization"]
    assert same["answers"] == {"shortness_of_breath": "no", "fainting": "no"}
    assert same["rationale"][0] == "Your answers did not change the level."
    open_ids = [q["id"] for q in same["questions"] if q["id"] not in same["answers"]]
    assert "shortness_of_breath" not in open_ids and "dizziness" in open_ids
    # A later answer is merged with the earlier ones; dizziness with chest pain is an emergency from 40,
    # so the next question is the age, and its answer raises the level.
    later = patient_client.post(f"/patient/triage/{body['id']}/answers", json={"answers": {"dizziness": "yes"}})
    assert later.get_json()["urgency"] == "urgent"
    assert set(later.get_json()["answers"]) == {"shortness_of_breath", "fainting", "dizziness"}
    age = next(q for q in later.get_json()["questions"] if q["id"] == "age")
    assert age["kind"] == "number" and age["unit"] == "years"
    last = patient_client.post(f"/patient/triage/{body['id']}/answers", json={"answers": {"age": 55}})
    assert last.get_json()["urgency"] == "emergency"


@pytest.mark.parametrize("answers, field", [
    ({"not_a_question": True}, "not_a_question"),
    ({"shortness_of_breath": "perhaps"}, "shortness_of_breath"),
    ({"shortness_of_breath": 3}, "shortness_of_breath"),
])
def test_an_invalid_answer_gets_400_and_nothing_is_stored(patient_client, answers, field):
    body = assessed(patient_client, CHEST)
    answer = patient_client.post(f"/patient/triage/{body['id']}/answers", json={"answers": answers})
    assert answer.status_code == 400
    error = answer.get_json()["error"]
    assert error["code"] == "invalid_answer" and field in error["fields"]
    row = db.session.get(TriageAssessment, body["id"])
    db.session.refresh(row)
    assert row.answers == {} and row.urgency == "urgent"


@pytest.mark.parametrize("payload", [{}, {"answers": {}}, {"answers": []}, {"answers": {"x": None}},
                                     {"answers": {"x" * 65: True}}, {"answers": {"fever": True}, "extra": 1}])
def test_a_malformed_body_gets_400(patient_client, payload):
    body = assessed(patient_client, CHEST)
    assert patient_client.post(f"/patient/triage/{body['id']}/answers", json=payload).status_code == 400


def test_number_answers_are_checked_against_their_range(patient_client, factory):
    row = TriageAssessment(patient_id=patient_client.patient.id, symptoms="runny nose and a cough", status="done",
                           urgency="self_care", provider="rules",
                           questions=[{"id": "temp", "text": "What is your temperature?", "kind": "number",
                                       "unit": "°C", "why": "A high temperature"}])
    db.session.add(row)
    db.session.commit()
    url = f"/patient/triage/{row.id}/answers"
    assert patient_client.post(url, json={"answers": {"temp": 80}}).status_code == 400
    assert patient_client.post(url, json={"answers": {"temp": "hot"}}).status_code == 400
    answer = patient_client.post(url, json={"answers": {"temp": 39.4}})
    assert answer.status_code == 200 and answer.get_json()["urgency"] in {"urgent", "emergency"}


def test_another_patients_assessment_is_404(patient_client, factory, new_client):
    body = assessed(patient_client, CHEST)
    factory.patient(email="other@example.com")
    other = new_client()
    other.login("other@example.com")
    answer = other.post(f"/patient/triage/{body['id']}/answers", json={"answers": {"shortness_of_breath": True}})
    assert answer.status_code == 404
    assert db.session.get(TriageAssessment, body["id"]).answers == {}


def test_an_assessment_not_yet_answered_is_409(patient_client):
    queued = patient_client.post("/patient/triage", json={"symptoms": CHEST}).get_json()
    answer = patient_client.post(f"/patient/triage/{queued['id']}/answers", json={"answers": {"fever": True}})
    assert answer.status_code == 409 and answer.get_json()["error"]["code"] == "assessment_not_ready"


def test_an_ai_first_answer_is_never_lowered_by_answers(patient_client):
    """The first answer (here an AI provider's, more cautious than the rules) stands until answers raise it."""
    body = assessed(patient_client, CHEST)
    row = db.session.get(TriageAssessment, body["id"])
    row.provider, row.urgency, row.advice, row.specialization_name = "ollama", "emergency", "Go now.", "Cardiology"
    db.session.commit()
    answer = patient_client.post(f"/patient/triage/{row.id}/answers", json={"answers": {"fainting": "no"}})
    assert answer.get_json()["urgency"] == "emergency" and answer.get_json()["advice"] == "Go now."


def test_history_lists_questions_and_answers(patient_client):
    first = assessed(patient_client, CHEST)
    patient_client.post(f"/patient/triage/{first['id']}/answers", json={"answers": {"fainting": "no"}})
    assessed(patient_client, SORE_THROAT)
    listing = patient_client.get("/patient/triage?per_page=100").get_json()
    assert listing["total"] == 2
    chest = next(item for item in listing["items"] if item["id"] == first["id"])
    assert chest["answers"] == {"fainting": "no"} and chest["questions"]


def test_the_doctor_sees_the_questions_and_answers(patient_client, factory, new_client):
    doctor = factory.doctor("Cardiology", email="doc@example.com")
    slot = factory.slot(doctor)
    body = assessed(patient_client, CHEST)
    patient_client.post(f"/patient/triage/{body['id']}/answers", json={"answers": {"fainting": "no"}})
    booked = patient_client.post("/patient/appointments", json={"slot_id": slot.id, "triage_id": body["id"]})
    assert booked.status_code == 201, booked.get_json()
    doc = new_client()
    doc.login("doc@example.com")
    items = doc.get("/doctor/appointments?scope=upcoming").get_json()["items"]
    triage = items[0]["triage"]
    assert triage["answers"] == {"fainting": "no"}
    assert "fainting" in [q["id"] for q in triage["questions"]]


# ---- advice that respects the patient ----------------------------------------

def test_aspirin_allergy_means_no_aspirin_even_from_a_provider():
    """The defect as found: 'chew a 300 mg aspirin if you are not allergic' for an aspirin-allergic patient."""
    cautions = cautions_for({"allergies": "Aspirin (anaphylaxis)", "conditions": "", "medications": ""}, shared=True)
    advice = ("Call 999 now. While you wait, sit down and chew a 300 mg aspirin if you are not allergic to it. "
              "Unlock the door.")
    safe = filter_advice(advice, cautions)
    assert not recommends(safe, ASPIRIN)
    assert "Don't take aspirin: your record lists an allergy to aspirin." in safe
    assert "Call 999 now." in safe and "Unlock the door." in safe
    assert not advice_safety.is_safe(advice, cautions) and advice_safety.is_safe(safe, cautions)


def test_aspirin_allergy_through_the_service_removes_ibuprofen(patient_client):
    patient = patient_client.patient
    patient.allergies = "Aspirin (anaphylaxis)"
    db.session.commit()
    body = assessed(patient_client, SORE_THROAT, share_history=True)
    assert "ibuprofen" in engine.assess(SORE_THROAT).advice  # the knowledge base's advice names it
    assert not recommends(body["advice"], NSAID) and not recommends(body["advice"], ASPIRIN)
    assert "Don't take ibuprofen or other anti-inflammatory painkillers: your record lists an allergy to aspirin." \
        in body["advice"]
    assert "Paracetamol helps the pain." in body["advice"]


def test_anticoagulant_means_no_aspirin_or_nsaids(patient_client):
    patient = patient_client.patient
    patient.medications = "Warfarin 5 mg daily"
    db.session.commit()
    body = assessed(patient_client, SORE_THROAT, share_history=True)
    assert not recommends(body["advice"], NSAID)
    assert "your record lists warfarin, a blood thinner" in body["advice"]
    cautions = cautions_for({"medications": "apixaban"}, shared=True)
    safe = filter_advice("Take aspirin or ibuprofen for the pain.", cautions)
    assert not recommends(safe, ASPIRIN) and not recommends(safe, NSAID) and "Paracetamol" in safe


def test_an_anticoagulant_said_in_the_complaint_counts_without_shared_history(patient_client):
    body = assessed(patient_client, SORE_THROAT + ", I take warfarin")
    assert not recommends(body["advice"], NSAID)
    assert "you take warfarin, a blood thinner" in body["advice"]


@pytest.mark.parametrize("history, text", [
    ({"conditions": "Pregnant, 20 weeks", "allergies": "", "medications": ""}, SORE_THROAT),
    ({}, "I'm 20 weeks pregnant, " + SORE_THROAT),
])
def test_pregnancy_means_no_nsaids(history, text):
    from backend.triage.decide import decide
    from backend.triage.providers import get_provider

    decision = decide(text, history=history, provider=get_provider("rules"), history_shared=True)
    assert not recommends(decision.advice, NSAID)
    assert "Don't take ibuprofen or other anti-inflammatory painkillers: they are not recommended in pregnancy." \
        in decision.advice


def test_unshared_history_says_what_to_check(patient_client):
    body = assessed(patient_client, SORE_THROAT, share_history=False)
    assert recommends(body["advice"], NSAID)  # nothing known against it...
    assert "Before taking ibuprofen or aspirin, check that you are not allergic" in body["advice"]  # ...so: check
    shared = assessed(patient_client, SORE_THROAT, share_history=True)
    assert "Before taking ibuprofen or aspirin" not in shared["advice"]


def test_warnings_are_kept_as_they_are():
    cautions = cautions_for({"allergies": "ibuprofen"}, shared=True)
    text = "Avoid ibuprofen and aspirin until dengue has been ruled out, because they increase bleeding risk."
    assert filter_advice(text, cautions) == text


def test_no_knowledge_base_advice_recommends_what_the_record_rules_out():
    """Every condition's advice, for a patient allergic to aspirin who takes warfarin and is pregnant."""
    cautions = cautions_for({"allergies": "aspirin", "medications": "warfarin", "conditions": "pregnant"},
                            shared=True)
    checked = 0
    for condition in load().conditions:
        text = condition.advice.get("en")
        if not text:
            continue
        safe = filter_advice(text, cautions)
        assert not recommends(safe, ASPIRIN) and not recommends(safe, NSAID), (condition.id, safe)
        if recommends(text, NSAID):
            checked += 1
            assert "Don't take" in safe, condition.id
    assert checked >= 20


def test_children_get_no_aspirin():
    cautions = cautions_for(None, shared=True, age_years=8)
    assert not recommends(filter_advice("Give aspirin for the pain.", cautions), ASPIRIN)


# ---- configuration -----------------------------------------------------------

def test_public_config_comes_from_the_server(client, app, monkeypatch):
    monkeypatch.setitem(app.config, "EMERGENCY_NUMBER", "112")
    monkeypatch.setitem(app.config, "CLINIC_NAME", "Green Road Clinic")
    answer = client.get("/api/config")
    assert answer.status_code == 200
    assert answer.get_json() == {"clinic_name": "Green Road Clinic", "emergency_number": "112",
                                 "timezone": app.config["CLINIC_TIMEZONE"], "languages": ["en", "bn"]}
