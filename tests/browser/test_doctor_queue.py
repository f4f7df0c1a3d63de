"""The doctor's queue for today: most urgent first whatever the time, each visit with the
triage details a doctor needs before calling the patient in (symptoms, warning signs)."""
from __future__ import annotations

from datetime import time

from playwright.sync_api import expect

from backend.extensions import db
from backend.services.clock import clinic_today
from backend.services.triage.assessments import answer_assessment, request_assessment
from tests.browser.conftest import log_in, screenshot

URGENT = "fever of 39.8 for three days with a cough and I feel short of breath when walking"
ROUTINE = "I've had an itchy red rash on my arms for two weeks, no fever"


def test_todays_queue_is_ordered_by_urgency_and_shows_the_symptoms(open_page, factory, make_appointment):
    doctor = factory.doctor("General Medicine", full_name="Dr. Omar Hossain")
    today = clinic_today()

    def visit(name: str, start: time, symptoms: str | None):
        patient = factory.patient(full_name=name)
        appointment = make_appointment(patient=patient, doctor=doctor, day=today, start=start)
        if symptoms:
            assessment = request_assessment(patient.id, symptoms=symptoms, share_history=False, age_years=None)
            assert answer_assessment(assessment.id)
            appointment.triage_id = assessment.id
            db.session.commit()
        return appointment

    untriaged = visit("Karim Uddin", time(8, 0), None)
    routine = visit("Amina Rahman", time(9, 0), ROUTINE)
    urgent = visit("Jamal Sarkar", time(15, 0), URGENT)

    page = open_page()
    log_in(page, doctor.user.email, home="/doctor")
    page.get_by_test_id("nav-queue").click()
    items = page.get_by_test_id("queue-item")
    expect(items).to_have_count(3)
    assert [items.nth(i).get_attribute("data-id") for i in range(3)] == [str(urgent.id), str(routine.id), str(untriaged.id)]
    assert [items.nth(i).get_attribute("data-urgency") for i in range(3)] == ["urgent", "routine", "none"]
    expect(items.nth(0).get_by_test_id("urgency-badge")).to_contain_text("Urgent")
    expect(items.nth(2)).to_contain_text("No symptom check attached to this booking.")
    screenshot(page, "doctor-queue-today")

    # What the patient wrote is the first thing a doctor reads.
    expect(items.nth(0).get_by_test_id("queue-triage")).to_contain_text(f"Symptoms: {URGENT}")
    expect(items.nth(1).get_by_test_id("queue-triage")).to_contain_text(f"Symptoms: {ROUTINE}")
