"""Each reader's language where it was still missing: a new sign-up keeps the language they signed up in
(backend/services/accounts/users.py), a doctor reads a patient's symptom check in their own language
(backend/services/booking/serializers.py), and the standard specialty names come with their translations
(backend/services/directory/serializers.py) on doctor cards and the patient's dashboard."""
from __future__ import annotations

from datetime import time, timedelta

import pytest
import sqlalchemy as sa

from backend.extensions import db
from backend.models import Appointment, User
from backend.services.clock import clinic_today
from backend.services.triage.assessments import answer_assessment, request_assessment
from backend.triage.translations import BANGLA
from tests.conftest import TEST_PASSWORD, ApiClient
from tests.test_email_languages import assert_bangla, assert_english, delivered, to

CHEST = "I have had chest pain since this morning"
CARDIOLOGY_BN = "হৃদরোগ (কার্ডিওলজি)"


def sign_up(app, email: str, **extra):
    return ApiClient(app.test_client()).post("/auth/register", json={
        "email": email, "password": TEST_PASSWORD, "full_name": "Rahima Begum", **extra})


def language_of(email: str) -> str | None:
    return db.session.execute(sa.select(User.language).where(User.email == email)).scalar_one()


# ---- a new sign-up's language ------------------------------------------------------------

def test_a_bangla_sign_up_is_saved_in_bangla_and_confirmed_in_bangla(app, smtp_sink):
    answer = sign_up(app, "rahima@example.com", language="bn")
    assert answer.status_code == 201, answer.get_json()
    assert answer.get_json()["user"]["language"] == "bn"
    assert sign_up(app, "amina@example.com", language="en").status_code == 201
    assert sign_up(app, "salma@example.com").status_code == 201  # an older client sends none

    assert language_of("rahima@example.com") == "bn"
    assert language_of("amina@example.com") == "en"
    assert language_of("salma@example.com") is None
    messages = delivered(smtp_sink, 3)
    text, _ = assert_bangla(app, to(messages, "rahima@example.com"), "আপনার ইমেইল ঠিকানা নিশ্চিত করুন",
                            "Rahima Begum")
    assert "/#/confirm-email?token=" in text
    for english in ("amina@example.com", "salma@example.com"):
        assert_english(to(messages, english), "Confirm your email address",
                       "Please confirm that this is your email address.")


@pytest.mark.parametrize("language", ["fr", "BN", "", 1, ["bn"]])
def test_a_language_the_app_does_not_speak_is_refused(app, language):
    answer = sign_up(app, "karim@example.com", language=language)
    assert answer.status_code in (400, 422), answer.get_json()
    assert "language" in answer.get_json()["error"]["fields"]
    assert db.session.execute(sa.select(User).where(User.email == "karim@example.com")).scalar_one_or_none() is None


# ---- the doctor's queue ----------------------------------------------------------------------

def chest_pain_visit(factory, make_appointment, doctor):
    """A patient who chose English, her chest pain check (with follow-up questions) and a visit booked from it."""
    patient = factory.patient(full_name="Rahima Begum")
    patient.user.language = "en"
    db.session.commit()
    assessment = request_assessment(patient.id, symptoms=CHEST, share_history=False, age_years=None)
    assert answer_assessment(assessment.id)
    visit = make_appointment(patient=patient, doctor=doctor, day=clinic_today() + timedelta(days=1),
                             start=time(10, 0))
    visit.triage_id = assessment.id
    db.session.commit()
    return assessment, visit


def queue_triage(app, email: str, visit: Appointment) -> dict:
    client = ApiClient(app.test_client())
    client.login(email)
    answer = client.get("/doctor/appointments?scope=upcoming")
    assert answer.status_code == 200, answer.get_json()
    [item] = [row for row in answer.get_json()["items"] if row["id"] == visit.id]
    return item["triage"]


def test_a_bangla_doctor_reads_the_follow_up_questions_in_bangla(app, factory, make_appointment):
    doctor = factory.doctor("Cardiology", full_name="Dr. Farzana Akter", email="farzana@example.com")
    doctor.user.language = "bn"
    db.session.commit()
    assessment, visit = chest_pain_visit(factory, make_appointment, doctor)
    stored = {question["id"]: question for question in assessment.questions}
    assert stored and all(not BANGLA.search(question["text"]) for question in stored.values())

    triage = queue_triage(app, "farzana@example.com", visit)
    shown = {question["id"]: question for question in triage["questions"]}
    assert shown.keys() == stored.keys()  # answered by the same ids
    for key, question in shown.items():
        assert BANGLA.search(question["text"]), question
        assert BANGLA.search(question["why"]), question
        assert question["text"] != stored[key]["text"] and question["kind"] == stored[key]["kind"]
    assert triage["symptoms"] == CHEST  # the patient's own words stay as written
    assert triage["specialization"] == assessment.specialization_name  # the key, for filtering
    assert triage["specialization_label"] == CARDIOLOGY_BN
    assert BANGLA.search(triage["advice"])
    assert all(BANGLA.search(flag) for flag in triage["red_flags"])


def test_an_english_doctor_reads_them_as_asked(app, factory, make_appointment):
    doctor = factory.doctor("Cardiology", full_name="Dr. Selim Chowdhury", email="selim@example.com")
    assessment, visit = chest_pain_visit(factory, make_appointment, doctor)
    triage = queue_triage(app, "selim@example.com", visit)
    assert triage["questions"] == assessment.questions
    assert triage["specialization_label"] == "Cardiology"
    assert triage["advice"] == assessment.advice and triage["red_flags"] == assessment.red_flags


# ---- specialty names ----------------------------------------------------------------------

def test_doctor_cards_carry_the_standard_specialty_names_in_bangla(app, factory, client):
    factory.doctor("Cardiology", full_name="Dr. Selim Chowdhury")
    factory.doctor("Sleep Clinic", full_name="Dr. Nusrat Jahan")  # a name the clinic chose: no translation
    answer = client.get("/api/doctors?per_page=50")  # the public directory
    assert answer.status_code == 200, answer.get_json()
    labels = {row["specialization"]["name"]: row["specialization"]["labels"] for row in answer.get_json()["items"]}
    assert labels == {"Cardiology": {"bn": CARDIOLOGY_BN}, "Sleep Clinic": {}}


def test_the_patients_dashboard_names_the_checks_specialty_in_each_language(app, factory, client):
    patient = factory.patient(email="pat@example.com")
    assessment = request_assessment(patient.id, symptoms=CHEST, share_history=False, age_years=None)
    assert answer_assessment(assessment.id)
    client.login("pat@example.com")
    answer = client.get("/patient/dashboard")
    assert answer.status_code == 200, answer.get_json()
    [recent] = answer.get_json()["recent_triage"]
    assert recent["specialization"] == "Cardiology"
    assert recent["specialization_labels"] == {"bn": CARDIOLOGY_BN}
