"""Journey 4: an admin sees the dashboard charts render, adds a specialty and a doctor
through the UI, and both appear in the lists (the new doctor can log in)."""
from __future__ import annotations

import re
from datetime import time, timedelta

from playwright.sync_api import expect

from backend.services.clock import clinic_today
from tests.browser.conftest import log_in, screenshot

CHARTS = ("chart-per-day", "chart-by-specialization", "chart-rates", "chart-next-7-days")


def test_admin_dashboard_charts_then_adds_a_specialty_and_a_doctor(open_page, factory, make_appointment):
    admin = factory.admin(email="admin@example.com")
    cardiologist = factory.doctor("Cardiology", full_name="Dr. Selim Chowdhury")
    gp = factory.doctor("General Medicine", full_name="Dr. Omar Hossain")
    today = clinic_today()
    make_appointment(doctor=cardiologist, day=today - timedelta(days=3), status="completed", diagnosis="Angina")
    make_appointment(doctor=gp, day=today - timedelta(days=2), status="cancelled")
    make_appointment(doctor=gp, day=today - timedelta(days=1), status="no_show")
    make_appointment(doctor=cardiologist, day=today + timedelta(days=2), start=time(11, 0))

    page = open_page()
    log_in(page, admin.email, home="/admin")
    expect(page.get_by_test_id("page-title")).to_have_text("Clinic dashboard")
    for chart in CHARTS:
        expect(page.get_by_test_id(chart)).to_have_attribute("data-rendered", "true")
        # Chart.js drew into the canvas: it has a size and is not blank.
        assert page.get_by_test_id(chart).locator("canvas").evaluate(
            """canvas => canvas.width > 0 && canvas.height > 0 &&
                 canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data.some(v => v !== 0)""")
    expect(page.get_by_test_id("chart-by-specialization").locator("tbody tr")).to_have_count(2)
    screenshot(page, "admin-dashboard")

    page.get_by_test_id("nav-specializations").click()
    expect(page.get_by_test_id("spec-row")).to_have_count(2)
    page.get_by_test_id("spec-submit").click()
    expect(page.get_by_test_id("spec-name-error")).to_have_text("Enter a name.")
    page.get_by_test_id("spec-name").fill("Pulmonology")
    page.get_by_test_id("spec-description").fill("Lungs and breathing")
    page.get_by_test_id("spec-submit").click()
    expect(page.get_by_test_id("toast").last).to_contain_text("Pulmonology added.")
    expect(page.get_by_test_id("spec-row")).to_have_count(3)
    expect(page.get_by_test_id("spec-row").filter(has_text="Pulmonology")).to_contain_text("Lungs and breathing")
    expect(page.get_by_test_id("spec-name")).to_have_value("")
    screenshot(page, "admin-specializations")

    page.get_by_test_id("nav-doctors").click()
    expect(page.get_by_test_id("doctor-row")).to_have_count(2)
    page.get_by_test_id("doctor-full-name").fill("Dr. Rumana Haque")
    page.get_by_test_id("doctor-email").fill("rumana.haque@example.com")
    page.get_by_test_id("doctor-password").fill("lungs-and-breath-2026")
    page.get_by_test_id("doctor-specialization-id").select_option(label="Pulmonology")
    page.get_by_test_id("doctor-qualification").fill("MBBS, FCPS (Pulmonology)")
    page.get_by_test_id("doctor-experience-years").fill("12")
    page.get_by_test_id("doctor-fee").fill("800")
    page.get_by_test_id("doctor-submit").click()
    expect(page.get_by_test_id("toast").last).to_contain_text("Dr. Rumana Haque added.")
    expect(page.get_by_test_id("doctor-row")).to_have_count(3)
    new_row = page.get_by_test_id("doctor-row").filter(has_text="Dr. Rumana Haque")
    expect(new_row).to_contain_text("Pulmonology")
    expect(new_row).to_contain_text("rumana.haque@example.com")
    expect(new_row.get_by_test_id("status-badge")).to_have_attribute("data-status", "active")
    screenshot(page, "admin-doctors")

    # The same email twice is refused with a message, not with a crash.
    page_opener_note = "409 .*/admin/doctors$"
    open_page.allow_console(page_opener_note)
    page.get_by_test_id("doctor-full-name").fill("Dr. Duplicate")
    page.get_by_test_id("doctor-email").fill("rumana.haque@example.com")
    page.get_by_test_id("doctor-password").fill("another-long-password")
    page.get_by_test_id("doctor-specialization-id").select_option(label="Pulmonology")
    page.get_by_test_id("doctor-submit").click()
    expect(page.get_by_test_id("form-error")).to_be_visible()
    expect(page.get_by_test_id("doctor-row")).to_have_count(3)

    new_doctor = open_page()
    log_in(new_doctor, "rumana.haque@example.com", password="lungs-and-breath-2026", home="/doctor")
    expect(new_doctor.get_by_test_id("nav-user")).to_have_text("Dr. Rumana Haque")
    expect(new_doctor).to_have_title(re.compile("CareQueue"))
