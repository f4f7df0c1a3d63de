"""axe-core (served from node_modules, injected into the page) finds no serious or critical
accessibility problem on the main screens of patients, doctors and admins."""
from __future__ import annotations

from datetime import time, timedelta

from playwright.sync_api import expect

from backend.extensions import db
from backend.services.clock import clinic_today
from backend.services.triage.assessments import answer_assessment, request_assessment
from tests.browser.conftest import log_in, screenshot, serious_accessibility_violations


def test_main_pages_have_no_serious_accessibility_violations(open_page, factory, make_appointment):
    factory.specialization("General Medicine")
    admin = factory.admin(email="admin@example.com")
    dermatologist = factory.doctor("Dermatology", email="derm@example.com", full_name="Dr. Nadia Karim")
    tomorrow = clinic_today() + timedelta(days=1)
    for start in (time(9, 0), time(9, 30), time(11, 0)):
        factory.slot(dermatologist, day=tomorrow, start=start)
    patient = factory.patient(email="amina@example.com", full_name="Amina Rahman")
    assessment = request_assessment(patient.id, symptoms="itchy red rash on my arms for two weeks, no fever",
                                    share_history=False, age_years=None)
    assert answer_assessment(assessment.id)
    visit = make_appointment(patient=patient, doctor=dermatologist, day=clinic_today(), start=time(8, 2))
    visit.triage_id = assessment.id
    db.session.commit()

    violations: dict[str, list] = {}

    def scan(name: str) -> None:
        violations[name] = serious_accessibility_violations(page)
        screenshot(page, f"a11y-{name}")

    page = open_page()
    page.goto("/#/login")
    expect(page.get_by_test_id("login-form")).to_be_visible()
    scan("login")

    page.goto("/#/register")
    expect(page.get_by_test_id("register-form")).to_be_visible()
    scan("register")

    log_in(page, patient.user.email, home="/patient")
    expect(page.get_by_test_id("last-triage")).to_be_visible()
    scan("patient-dashboard")

    page.goto(f"/#/patient/check/{assessment.id}")
    expect(page.get_by_test_id("triage-result")).to_have_attribute("data-urgency", "routine")
    expect(page.get_by_test_id("recommended-doctor")).to_have_count(1)
    scan("triage-result")

    page.goto("/#/patient/doctors")
    expect(page.get_by_test_id("doctor-card")).to_have_count(1)
    scan("find-doctor")

    page.get_by_test_id(f"view-doctor-{dermatologist.id}").click()
    expect(page.locator("[data-testid^='slot-'][data-slot-id]")).to_have_count(3)
    scan("doctor-slot-picker")

    doctor_page = page = open_page()
    log_in(doctor_page, dermatologist.user.email, home="/doctor")
    doctor_page.get_by_test_id("nav-queue").click()
    expect(doctor_page.get_by_test_id("queue-item")).to_have_attribute("data-urgency", "routine")
    scan("doctor-queue")

    admin_page = page = open_page()
    log_in(admin_page, admin.email, home="/admin")
    for chart in ("chart-per-day", "chart-by-specialization", "chart-rates", "chart-next-7-days"):
        expect(admin_page.get_by_test_id(chart)).to_have_attribute("data-rendered", "true")
    scan("admin-dashboard")

    found = {name: problems for name, problems in violations.items() if problems}
    assert len(violations) == 8
    assert not found, f"serious or critical accessibility violations: {found}"
