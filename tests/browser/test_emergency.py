"""Journey 6: an emergency symptom check is shown as an emergency (call the number now),
not as a booking page; doctors are only offered on request, for a follow-up."""
from __future__ import annotations

from datetime import time, timedelta

from playwright.sync_api import expect

from backend.services.clock import clinic_today
from tests.browser.conftest import log_in, screenshot


def test_emergency_symptom_check_shows_the_emergency_number_and_no_booking(open_page, factory, celery_worker,
                                                                            smtp_sink):
    factory.specialization("General Medicine")
    cardiologist = factory.doctor("Cardiology", full_name="Dr. Selim Chowdhury")
    factory.slot(cardiologist, day=clinic_today() + timedelta(days=1), start=time(9, 0))
    patient = factory.patient(email="rahim@example.com", full_name="Rahim Mia")
    celery_worker(smtp_sink.port)

    page = open_page()
    log_in(page, patient.user.email, home="/patient")
    page.get_by_test_id("nav-check").click()
    page.get_by_test_id("triage-symptoms").fill("crushing chest pain spreading to my left arm and sweating")
    page.get_by_test_id("triage-submit").click()

    emergency = page.get_by_test_id("triage-emergency")
    expect(emergency).to_be_visible(timeout=30_000)
    expect(emergency).to_have_attribute("role", "alert")
    expect(page.get_by_test_id("triage-result")).to_have_attribute("data-urgency", "emergency")
    number = emergency.get_by_test_id("emergency-number")
    expect(number).to_have_text("Call 999")
    expect(number).to_have_attribute("href", "tel:999")
    expect(page.get_by_test_id("urgency-badge")).to_contain_text("Emergency")
    # The warning sign is the condition the rules found (the engine names conditions, not words).
    expect(page.get_by_test_id("red-flags")).to_contain_text("Heart attack")
    # The emergency comes first, above the assessment card, and nothing invites a booking.
    first_section = page.get_by_test_id("triage-result").locator("> *").first
    expect(first_section).to_have_attribute("data-testid", "triage-emergency")
    expect(page.locator("[data-testid^='book-slot-']")).to_have_count(0)
    expect(page.get_by_test_id("recommended-doctors")).to_have_count(0)
    screenshot(page, "triage-emergency")

    # Someone already seen in hospital can still go on to a follow-up visit, but the result
    # itself offers no time to book (the API recommends no doctor for an emergency).
    page.get_by_test_id("emergency-show-doctors").click()
    follow_up = page.get_by_test_id("recommended-doctors")
    expect(follow_up).to_contain_text("For a follow-up after emergency care")
    expect(page.locator("[data-testid^='book-slot-']")).to_have_count(0)
    follow_up.get_by_test_id("browse-doctors").click()
    expect(page.get_by_test_id("page-title")).to_have_text("Find a doctor")
    expect(page.get_by_test_id("doctor-card")).to_contain_text("Dr. Selim Chowdhury")
