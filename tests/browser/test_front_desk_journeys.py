"""Front desk and recovery journeys: an admin registers a phone patient and books for them; a doctor
cancels their day and the patient's email arrives; a user resets a forgotten password from the emailed link.

Each is photographed on a desktop (1280x800) and a phone (375x812).
"""
from __future__ import annotations

import re
from datetime import time, timedelta

from playwright.sync_api import expect

from backend.services.clock import clinic_today
from tests.browser.conftest import log_in, screenshot, wait_until

DESKTOP = {"viewport": {"width": 1280, "height": 800}}
PHONE = {"viewport": {"width": 375, "height": 812}, "is_mobile": True, "has_touch": True, "device_scale_factor": 2}


def fits(page) -> None:
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= page.viewport_size["width"], f"{page.url} is {width}px wide"


def test_an_admin_registers_a_phone_patient_and_books_for_them(open_page, factory):
    factory.admin(email="desk@example.com")
    doctor = factory.doctor("General Medicine", full_name="Dr. Farhana Rahman", email="farhana@example.com")
    day = clinic_today() + timedelta(days=2)
    slot = factory.slot(doctor, day=day, start=time(10, 0))
    factory.slot(doctor, day=day, start=time(10, 30))
    factory.patient(full_name="Rahim Uddin", phone="01711 000001")

    for name, options in (("desktop", DESKTOP), ("phone", PHONE)):
        page = open_page(**options)
        log_in(page, "desk@example.com", home="/admin")
        page.goto("/#/admin/front-desk")
        expect(page.get_by_test_id("page-title")).to_have_text("Front desk")
        if name == "desktop":
            page.get_by_test_id("desk-full-name").fill("Rahima Khatun")
            page.get_by_test_id("desk-date-of-birth").fill("1948-02-01")
            page.get_by_test_id("desk-sex").select_option("female")
            page.get_by_test_id("desk-phone").fill("+880 1711-223344")
            page.get_by_test_id("desk-register-submit").click()
            expect(page.get_by_test_id("desk-patient-name")).to_have_text("Rahima Khatun")
            expect(page.get_by_test_id("desk-patient")).to_contain_text("No email: no emails, no login yet")
            page.get_by_test_id("desk-book-doctor-id").select_option(label="Dr. Farhana Rahman · General Medicine")
            page.get_by_test_id(f"slot-{slot.id}").click()
            page.get_by_test_id("confirm-ok").click()
            expect(page.get_by_test_id("desk-upcoming-row")).to_have_count(1)
            expect(page.get_by_test_id("desk-upcoming-row")).to_contain_text("Dr. Farhana Rahman")
            screenshot(page, f"front-desk-booked-{name}")
            # Later she has an email: the desk gives her a login; the link to choose a password is emailed.
            page.get_by_test_id("desk-login-email").fill("rahima@example.com")
            page.get_by_test_id("desk-login-submit").click()
            expect(page.get_by_test_id("desk-patient")).to_contain_text("rahima@example.com")
            expect(page.get_by_test_id("desk-login")).to_have_count(0)
            expect(page.get_by_test_id("desk-send-reset")).to_be_visible()
            # The booking is in the audit log, with who made it; the settings page offers two-factor login.
            page.get_by_test_id("nav-home").click()
            page.get_by_test_id("open-audit").click()
            expect(page.get_by_test_id("audit-row").filter(has_text="appointment.book")).to_have_count(1)
            screenshot(page, "admin-audit-desktop")
            page.get_by_test_id("nav-user").click()
            page.get_by_test_id("twofa-start").click()
            expect(page.locator(".twofa-qr")).to_be_visible()
            screenshot(page, "settings-two-factor-desktop")
            continue
        else:
            # On the phone: find her again by the digits of her number, however they were written.
            page.get_by_test_id("desk-search-q").fill("1711223344")
            expect(page.get_by_test_id("desk-result")).to_have_count(1)
            page.get_by_test_id("desk-result").get_by_role("button", name="Open").click()
            expect(page.get_by_test_id("desk-upcoming-row")).to_have_count(1)
            fits(page)
        screenshot(page, f"front-desk-booked-{name}")


def test_a_doctor_cancels_their_day_and_the_patient_email_arrives(open_page, factory, make_appointment,
                                                                 celery_worker, smtp_sink):
    factory.doctor(full_name="Dr. Farhana Rahman", email="farhana@example.com")
    from backend.extensions import db
    from backend.models import Doctor
    doctor = db.session.query(Doctor).filter_by(full_name="Dr. Farhana Rahman").one()
    day = clinic_today() + timedelta(days=1)
    patients = [factory.patient(email=f"patient{i}@example.com", full_name=name)
                for i, name in enumerate(("Amina Begum", "Karim Hossain"))]
    for index, patient in enumerate(patients):
        make_appointment(patient=patient, doctor=doctor, day=day, start=time(9 + index, 0))
    celery_worker(smtp_sink.port)

    page = open_page(**DESKTOP)
    log_in(page, "farhana@example.com", home="/doctor")
    page.get_by_test_id("nav-time-off").click()
    expect(page.get_by_test_id("page-title")).to_have_text("Time off")
    expect(page.get_by_test_id("upcoming-list-row")).to_have_count(2)
    page.get_by_test_id("days-date-from").fill(day.isoformat())
    page.get_by_test_id("days-date-to").fill(day.isoformat())
    page.get_by_test_id("days-reason").fill("I am unwell with a fever.")
    page.get_by_test_id("cancel-days-submit").click()
    page.get_by_test_id("confirm-ok").click()
    expect(page.get_by_test_id("cancel-days-result")).to_contain_text("2 appointments cancelled")
    expect(page.get_by_test_id("upcoming-list-row")).to_have_count(0)
    screenshot(page, "doctor-cancelled-day-desktop")

    def amina_email():
        return next((m for m in smtp_sink.messages if m["To"] == "patient0@example.com"), None)

    email = wait_until(amina_email, timeout=60, message="the patient's cancellation email")
    text = email.get_body(("plain",)).get_content()
    assert "cancelled by Dr. Farhana Rahman" in text and "Reason: I am unwell with a fever." in text
    assert any(part.get_content_type() == "text/calendar" for part in email.iter_attachments())

    phone = open_page(**PHONE)
    log_in(phone, "farhana@example.com", home="/doctor")
    phone.goto("/#/doctor/time-off")
    expect(phone.get_by_test_id("cancel-days-form")).to_be_visible()
    fits(phone)
    screenshot(phone, "doctor-time-off-phone")


def test_a_user_resets_a_forgotten_password_from_the_emailed_link(open_page, factory, celery_worker, smtp_sink):
    factory.patient(email="amina@example.com", full_name="Amina Begum")
    celery_worker(smtp_sink.port)
    page = open_page(**PHONE)
    page.goto("/#/login")
    page.get_by_test_id("go-forgot").click()
    page.get_by_test_id("forgot-email").fill("amina@example.com")
    page.get_by_test_id("forgot-submit").click()
    expect(page.get_by_test_id("forgot-sent")).to_contain_text("amina@example.com")
    fits(page)
    screenshot(page, "forgot-password-sent-phone")

    email = wait_until(lambda: next((m for m in smtp_sink.messages if m["Subject"] == "Reset your password"), None),
                       timeout=60, message="the reset email")
    link = re.search(r"(http\S+#/reset-password\?token=[\w\-]+)", email.get_body(("plain",)).get_content()).group(1)
    page.goto("/#/" + link.split("#/", 1)[1])
    page.get_by_test_id("reset-password").fill("a-new-secret-2026")
    page.get_by_test_id("reset-confirm").fill("a-new-secret-2026")
    screenshot(page, "reset-password-phone")
    page.get_by_test_id("reset-submit").click()
    expect(page.get_by_test_id("reset-done")).to_be_visible()
    page.get_by_test_id("reset-login").click()
    log_in(page, "amina@example.com", password="a-new-secret-2026", home="/patient")

    # The same link does not work twice.
    again = open_page(**DESKTOP)
    again.goto("/#/" + link.split("#/", 1)[1])
    again.get_by_test_id("reset-password").fill("another-secret-2026")
    again.get_by_test_id("reset-confirm").fill("another-secret-2026")
    open_page.allow_console("400")
    again.get_by_test_id("reset-submit").click()
    expect(again.get_by_test_id("form-error")).to_contain_text("no longer valid")
    screenshot(again, "reset-password-used-link-desktop")


def test_a_doctor_moves_one_visit_and_cancels_another_from_the_queue(open_page, factory, make_appointment):
    doctor = factory.doctor("General Medicine", full_name="Dr. Farhana Rahman", email="farhana@example.com")
    day = clinic_today() + timedelta(days=2)
    moved = make_appointment(patient=factory.patient(full_name="Amina Begum"), doctor=doctor, day=day,
                             start=time(9, 0))
    cancelled = make_appointment(patient=factory.patient(full_name="Karim Hossain"), doctor=doctor, day=day,
                                 start=time(10, 0))
    free = factory.slot(doctor, day=day, start=time(11, 0))

    page = open_page(**DESKTOP)
    log_in(page, "farhana@example.com", home="/doctor")
    page.get_by_test_id("nav-queue").click()
    # Straight to the next tab, while today's list may still be loading: the later answer must not win.
    page.get_by_test_id("scope-upcoming").click()
    expect(page.get_by_test_id("queue-item")).to_have_count(2)
    page.get_by_test_id(f"move-{moved.id}").click()
    page.get_by_test_id("move-{}-reason".format(moved.id)).fill("I am in theatre that morning")
    page.get_by_test_id(f"slot-{free.id}").click()
    page.get_by_test_id("confirm-ok").click()
    expect(page.locator(f'[data-testid="queue-item"][data-id="{moved.id}"]')).to_contain_text("11:00")

    page.get_by_test_id(f"cancel-{cancelled.id}").click()
    page.get_by_test_id("queue-cancel-submit").click()  # no reason yet: asked for one, nothing sent
    expect(page.get_by_test_id("queue-cancel-form")).to_contain_text("Write the reason")
    page.get_by_test_id(f"cancel-{cancelled.id}-reason").fill("I have to attend an emergency")
    screenshot(page, "doctor-queue-cancel-desktop")
    page.get_by_test_id("queue-cancel-submit").click()
    expect(page.get_by_test_id("queue-item")).to_have_count(1)
    expect(page.get_by_test_id("queue-item")).to_contain_text("Amina Begum")
    screenshot(page, "doctor-queue-moved-desktop")

    phone = open_page(**PHONE)
    log_in(phone, "farhana@example.com", home="/doctor")
    phone.goto("/#/doctor/queue")
    phone.get_by_test_id("scope-upcoming").click()
    phone.get_by_test_id(f"move-{moved.id}").click()
    expect(phone.get_by_test_id("slot-picker")).to_be_visible()
    fits(phone)
    screenshot(phone, "doctor-queue-move-phone")
