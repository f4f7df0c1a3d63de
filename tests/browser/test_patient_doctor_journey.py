"""Journeys 1-3 in one story, sharing their state as real people would:

1. a new patient registers, runs a symptom check answered by the real Celery worker, confirms the
   address through the emailed link, books a recommended dermatologist from the result card and
   finds the visit on their pages;
2. the dermatologist sees that visit in the queue with its urgency and, once it has started,
   completes it with a diagnosis, prescription and notes;
3. the patient reads the treatment, exports the history (progress, then a download link) and
   the CSV arrives by email at the SMTP sink.
"""
from __future__ import annotations

import csv
import io
import re
from datetime import datetime, time, timedelta

import pytest
import sqlalchemy as sa
from playwright.sync_api import expect

from backend.extensions import db
from backend.models import Appointment, DoctorAvailability, TriageAssessment
from backend.services.clock import clinic_now, clinic_today
from tests.browser.conftest import log_in, screenshot

SYMPTOMS = "I've had an itchy red rash on my arms for two weeks, no fever"
DIAGNOSIS = "Contact dermatitis"
PRESCRIPTION = "Hydrocortisone 1% cream twice daily for 7 days"
NOTES = "Avoid the new washing powder; return if it spreads."
# Records every state the export panel shows, however briefly.
WATCH_EXPORT_STATES = """() => {
  window.__exportStates = []
  const record = () => {
    const el = document.querySelector('[data-testid="export-status"]')
    const state = el && el.dataset.status
    if (state && window.__exportStates[window.__exportStates.length - 1] !== state) window.__exportStates.push(state)
  }
  new MutationObserver(record).observe(document.body, { subtree: true, childList: true, attributes: true })
}"""


def a_visit_time_that_has_started():
    """A 5-minute visit that began a little while ago, clinic time (the doctor may complete it)."""
    start = clinic_now().replace(second=0, microsecond=0, tzinfo=None) - timedelta(minutes=10)
    start -= timedelta(minutes=start.minute % 5)
    return start.date(), start.time(), (start + timedelta(minutes=5)).time()


@pytest.mark.clinic_midday  # a visit that began ten minutes ago is still today's at any hour the test runs
def test_patient_books_from_symptom_check_doctor_completes_patient_exports(
        open_page, factory, make_appointment, celery_worker, smtp_sink):
    factory.specialization("General Medicine")
    dermatologist = factory.doctor("Dermatology", email="nadia.karim@example.com", full_name="Dr. Nadia Karim")
    factory.doctor("General Medicine", email="gp@example.com", full_name="Dr. Omar Hossain")
    tomorrow = clinic_today() + timedelta(days=1)
    derm_slots = [factory.slot(dermatologist, day=tomorrow, start=time(10, 0)),
                  factory.slot(dermatologist, day=tomorrow, start=time(10, 30))]

    # ---- 1. register, symptom check, book from the result ----------------------------------
    patient_page = open_page()
    patient_page.goto("/")
    expect(patient_page).to_have_url(re.compile(r"#/login"))
    patient_page.get_by_test_id("go-register").click()
    patient_page.get_by_test_id("register-full-name").fill("Amina Rahman")
    patient_page.get_by_test_id("register-email").fill("amina@example.com")
    patient_page.get_by_test_id("register-password").fill("short")
    patient_page.get_by_test_id("register-submit").click()
    expect(patient_page.get_by_test_id("register-password-error")).to_have_text("Use at least 8 characters.")
    patient_page.get_by_test_id("register-password").fill("a-long-enough-passphrase")
    patient_page.get_by_test_id("register-date-of-birth").fill("1990-04-12")
    screenshot(patient_page, "register")
    patient_page.get_by_test_id("register-submit").click()
    expect(patient_page).to_have_url(re.compile(r"#/patient$"))
    expect(patient_page.get_by_test_id("page-title")).to_have_text("Hello, Amina")
    expect(patient_page.get_by_test_id("latest-triage").get_by_test_id("empty")).to_be_visible()

    patient_page.get_by_test_id("nav-check").click()
    patient_page.get_by_test_id("triage-symptoms").fill(SYMPTOMS)
    patient_page.get_by_test_id("triage-submit").click()
    # No worker runs yet, so the assessment stays queued: the waiting state must show.
    expect(patient_page.get_by_test_id("triage-waiting")).to_be_visible()
    expect(patient_page).to_have_url(re.compile(r"#/patient/check/\d+$"))
    screenshot(patient_page, "triage-waiting")
    assessment_id = int(patient_page.url.rsplit("/", 1)[1])
    assert db.session.get(TriageAssessment, assessment_id).status == "queued"

    celery_worker(smtp_sink.port)
    result = patient_page.get_by_test_id("triage-result")
    expect(result).to_have_attribute("data-urgency", "routine", timeout=30_000)
    expect(result.get_by_test_id("urgency-badge")).to_contain_text("Routine")
    expect(result.get_by_test_id("urgency-hint")).to_have_text("Book a regular visit")
    expect(result.get_by_test_id("triage-specialization")).to_have_text("Dermatology")
    expect(patient_page.get_by_test_id("triage-emergency")).to_have_count(0)
    expect(patient_page.get_by_test_id("recommended-doctor")).to_have_count(1)
    recommended = patient_page.get_by_test_id("recommended-doctor")
    expect(recommended).to_have_attribute("data-doctor-id", str(dermatologist.id))
    expect(recommended).to_contain_text("Dr. Nadia Karim")
    db.session.expire_all()
    answered = db.session.get(TriageAssessment, assessment_id)
    assert (answered.status, answered.provider, answered.fallback_reason) == ("done", "rules", None)
    screenshot(patient_page, "triage-result")

    # The worker delivered the confirmation email; until the address is confirmed it gets no other
    # email. Amina opens the emailed link, then goes back to her result to book.
    confirmation = smtp_sink.wait_for(1)[0]
    assert (confirmation["To"], confirmation["Subject"]) == ("amina@example.com", "Confirm your email address")
    link = re.search(r"https?://\S+/#/confirm-email\?token=[A-Za-z0-9_\-]+",
                     confirmation.get_body(("plain",)).get_content()).group(0)
    result_url = patient_page.url
    patient_page.goto(link)
    expect(patient_page.get_by_test_id("confirm-done")).to_contain_text("amina@example.com is confirmed")
    patient_page.goto(result_url)
    expect(patient_page.get_by_test_id("triage-result")).to_have_attribute("data-urgency", "routine")

    patient_page.get_by_test_id(f"book-slot-{derm_slots[0].id}").click()
    dialog = patient_page.get_by_test_id("confirm-dialog")
    expect(dialog).to_be_visible()
    expect(dialog).to_contain_text("Dr. Nadia Karim")
    expect(dialog).to_contain_text("10:00")
    dialog.get_by_test_id("confirm-ok").click()
    expect(patient_page).to_have_url(re.compile(r"#/patient/appointments$"))
    expect(patient_page.get_by_test_id("toast").first).to_contain_text("Booked: Dr. Nadia Karim")
    row = patient_page.get_by_test_id("appointment-row")
    expect(row).to_have_count(1)
    expect(row).to_contain_text("Dr. Nadia Karim")
    expect(row.get_by_test_id("status-badge")).to_have_attribute("data-status", "booked")
    appointment_id = int(row.get_attribute("data-id"))
    screenshot(patient_page, "patient-appointments")
    db.session.expire_all()
    appointment = db.session.get(Appointment, appointment_id)
    assert (appointment.slot_id, appointment.triage_id, appointment.status) == (derm_slots[0].id, assessment_id, "booked")

    patient_page.get_by_test_id("nav-home").click()
    upcoming = patient_page.get_by_test_id("upcoming-appointments").get_by_test_id("appointment-row")
    expect(upcoming).to_have_count(1)
    expect(upcoming).to_have_attribute("data-id", str(appointment_id))
    expect(patient_page.get_by_test_id("last-triage").get_by_test_id("urgency-badge")).to_contain_text("Routine")
    screenshot(patient_page, "patient-dashboard")

    # ---- 2. the doctor sees it with its urgency and completes it ---------------------------
    doctor_page = open_page()
    log_in(doctor_page, "nadia.karim@example.com", home="/doctor")
    doctor_page.get_by_test_id("nav-queue").click()
    expect(doctor_page.get_by_test_id("page-title")).to_have_text("Patient queue")
    doctor_page.get_by_test_id("scope-upcoming").click()
    item = doctor_page.locator(f"[data-testid='queue-item'][data-id='{appointment_id}']")
    expect(item).to_have_attribute("data-urgency", "routine")
    expect(item.get_by_test_id("urgency-badge")).to_contain_text("Routine")
    expect(item.get_by_test_id("queue-patient")).to_have_text("Amina Rahman")
    expect(item.get_by_test_id("queue-triage")).to_contain_text("Suggested specialty: Dermatology")
    screenshot(doctor_page, "doctor-queue-upcoming")

    # The clock reaches the visit: completing is only allowed from its start time on, so the
    # booked visit (and its slot) move to a time that has begun. An untriaged visit earlier
    # the same day shows that the queue puts urgency before time.
    visit_day, visit_start, visit_end = a_visit_time_that_has_started()
    make_appointment(patient=factory.patient(full_name="Karim Uddin"), doctor=dermatologist, day=visit_day,
                     start=time(0, 2), minutes=3)
    db.session.execute(sa.update(DoctorAvailability).where(DoctorAvailability.id == derm_slots[0].id)
                       .values(date=visit_day, start_time=visit_start, end_time=visit_end))
    db.session.execute(sa.update(Appointment).where(Appointment.id == appointment_id)
                       .values(date=visit_day, start_time=visit_start, end_time=visit_end))
    db.session.commit()
    scope = "today" if visit_day == clinic_today() else "past"
    doctor_page.get_by_test_id(f"scope-{scope}").click()
    queue = doctor_page.get_by_test_id("queue-item")
    expect(queue).to_have_count(2)
    expect(queue.first).to_have_attribute("data-id", str(appointment_id))
    expect(queue.nth(1)).to_have_attribute("data-urgency", "none")

    item.get_by_test_id(f"complete-{appointment_id}").click()
    item.get_by_test_id("complete-submit").click()
    expect(item.get_by_test_id("complete-diagnosis-error")).to_have_text("Enter a diagnosis.")
    item.get_by_test_id("complete-diagnosis").fill(DIAGNOSIS)
    item.get_by_test_id("complete-prescription").fill(PRESCRIPTION)
    item.get_by_test_id("complete-notes").fill(NOTES)
    screenshot(doctor_page, "doctor-complete-form")
    item.get_by_test_id("complete-submit").click()
    expect(doctor_page.get_by_test_id("toast").last).to_contain_text("Visit with Amina Rahman completed.")
    expect(item.get_by_test_id("status-badge")).to_have_attribute("data-status", "completed")
    expect(item.get_by_test_id(f"complete-{appointment_id}")).to_have_count(0)
    screenshot(doctor_page, "doctor-queue-completed")

    # ---- 3. the patient reads the treatment and exports the history ------------------------
    patient_page.get_by_test_id("nav-treatments").click()
    treatment = patient_page.get_by_test_id("treatment")
    expect(treatment).to_have_count(1)
    expect(treatment).to_contain_text(DIAGNOSIS)
    expect(treatment).to_contain_text(PRESCRIPTION)
    expect(treatment).to_contain_text(NOTES)

    patient_page.evaluate(WATCH_EXPORT_STATES)
    patient_page.get_by_test_id("export-button").click()
    expect(patient_page.get_by_test_id("export-download")).to_be_visible(timeout=30_000)
    expect(patient_page.get_by_test_id("export-status")).to_have_attribute("data-status", "done")
    states = patient_page.evaluate("() => window.__exportStates")
    assert states[0] in ("queued", "running") and states[-1] == "done", states
    screenshot(patient_page, "treatments-export")

    with patient_page.expect_download() as download_info:
        patient_page.get_by_test_id("export-download").click()
    rows = list(csv.reader(io.StringIO(open(download_info.value.path(), encoding="utf-8-sig").read())))
    assert len(rows) == 2, rows
    assert DIAGNOSIS in rows[1] and PRESCRIPTION in rows[1] and NOTES in rows[1]

    def export_email():
        return next((m for m in smtp_sink.messages if m["Subject"] == "Your export is ready"), None)

    deadline = datetime.now() + timedelta(seconds=30)
    while export_email() is None and datetime.now() < deadline:
        smtp_sink.wait_for(len(smtp_sink.messages) + 1, timeout=(deadline - datetime.now()).total_seconds())
    message = export_email()
    assert message is not None, [m["Subject"] for m in smtp_sink.messages]
    assert message["To"] == "amina@example.com"
    attachments = [part for part in message.iter_attachments() if part.get_filename().endswith(".csv")]
    assert len(attachments) == 1
    attached = attachments[0].get_content()
    attached = attached.decode("utf-8-sig") if isinstance(attached, bytes) else attached.lstrip("\ufeff")
    assert DIAGNOSIS in attached and PRESCRIPTION in attached
    # Once confirmed, the address got every email of the journey: the booking confirmation too.
    assert ("amina@example.com", "Your appointment is booked") in [(m["To"], m["Subject"]) for m in smtp_sink.messages]
