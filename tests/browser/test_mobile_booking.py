"""Journey 5: on a 375 px phone a patient finds a doctor by specialty and books a slot from
the week picker, and no page scrolls sideways."""
from __future__ import annotations

import re
from datetime import time, timedelta

from playwright.sync_api import expect

from backend.services.clock import clinic_today
from tests.browser.conftest import log_in, screenshot

PHONE = {"viewport": {"width": 375, "height": 740}, "is_mobile": True, "has_touch": True, "device_scale_factor": 2}


def assert_no_horizontal_scroll(page) -> None:
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= 375, f"{page.url} is {width}px wide on a 375px screen"


def test_phone_patient_finds_a_doctor_and_books_from_the_week_picker(open_page, factory):
    surgeon = factory.doctor("Orthopedics", full_name="Dr. Farhana Akter")
    factory.doctor("General Medicine", full_name="Dr. Omar Hossain")
    patient = factory.patient(email="tanvir@example.com", full_name="Tanvir Ahmed")
    today = clinic_today()
    soon = factory.slot(surgeon, day=today + timedelta(days=2), start=time(11, 0))
    later = factory.slot(surgeon, day=today + timedelta(days=9), start=time(9, 30))

    page = open_page(**PHONE)
    log_in(page, patient.user.email, home="/patient")
    assert_no_horizontal_scroll(page)
    expect(page.get_by_test_id("nav-doctors")).to_be_hidden()
    page.get_by_test_id("nav-toggle").tap()
    page.get_by_test_id("nav-doctors").tap()
    expect(page.get_by_test_id("doctor-card")).to_have_count(2)
    page.get_by_test_id("find-spec-id").select_option(label="Orthopedics")
    expect(page.get_by_test_id("doctor-card")).to_have_count(1)
    expect(page.get_by_test_id("doctor-card")).to_contain_text("Dr. Farhana Akter")
    assert_no_horizontal_scroll(page)
    screenshot(page, "phone-find-doctor")

    page.get_by_test_id(f"view-doctor-{surgeon.id}").tap()
    expect(page.get_by_test_id("page-title")).to_have_text("Dr. Farhana Akter")
    # The picker opens on the first week with free times; the later slot, 7 days on, is in the next week.
    expect(page.get_by_test_id(f"slot-{soon.id}")).to_be_visible()
    expect(page.get_by_test_id(f"slot-{later.id}")).to_have_count(0)
    assert_no_horizontal_scroll(page)
    screenshot(page, "phone-slot-picker")
    first_week = page.get_by_test_id("week-label").inner_text()
    page.get_by_test_id("week-next").tap()
    expect(page.get_by_test_id("week-label")).not_to_have_text(first_week)
    slot = page.get_by_test_id(f"slot-{later.id}")
    expect(slot).to_have_text("09:30")
    page.get_by_test_id("booking-reason").fill("Knee pain after running")
    slot.tap()
    dialog = page.get_by_test_id("confirm-dialog")
    expect(dialog).to_contain_text("Dr. Farhana Akter")
    expect(dialog).to_contain_text("09:30")
    assert_no_horizontal_scroll(page)
    dialog.get_by_test_id("confirm-ok").tap()

    expect(page).to_have_url(re.compile(r"#/patient/appointments$"))
    row = page.get_by_test_id("appointment-row")
    expect(row).to_have_count(1)
    expect(row).to_contain_text("Dr. Farhana Akter")
    expect(row).to_contain_text("09:30")
    expect(row.get_by_test_id("status-badge")).to_have_attribute("data-status", "booked")
    assert_no_horizontal_scroll(page)
    screenshot(page, "phone-appointments")
