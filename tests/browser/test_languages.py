"""English and Bangla: switching to Bangla leaves no English on the main screens, numbers and times use
Bangla digits, and the choice is saved on the account (it survives a reload and a new device)."""
from __future__ import annotations

import re
from datetime import time, timedelta

import sqlalchemy as sa
from playwright.sync_api import expect

from backend.extensions import db
from backend.models import User
from backend.services.clock import clinic_today
from tests.browser.conftest import log_in, screenshot, wait_until

LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
# Codes and units that stay in Latin letters in Bangla text too.
ALLOWED = {"JPEG", "PNG", "WebP", "MB"}

SCREENS = [("/#/patient", "স্বাগতম"), ("/#/patient/check", "উপসর্গ যাচাই"), ("/#/patient/doctors", "ডাক্তার খুঁজুন"),
           ("/#/patient/appointments", "অ্যাপয়েন্টমেন্ট")]


def english_left(page, data: list[str]) -> list[str]:
    """Latin words on the page once the people's and places' names (data, not interface) are set aside."""
    text = page.evaluate("() => document.body.innerText")
    for value in sorted(data, key=len, reverse=True):
        text = text.replace(value, " ")
    return [word for word in LATIN_WORD.findall(text) if word not in ALLOWED]


def test_switching_to_bangla_leaves_no_english_on_the_main_screens(open_page, factory, new_client):
    spec = "Dermatology"
    doctor = factory.doctor(spec, full_name="Dr. Nusrat Jahan")
    factory.slot(doctor, day=clinic_today() + timedelta(days=2), start=time(10, 30))
    patient = factory.patient(full_name="Rahima Begum")
    data = ["Dr. Nusrat Jahan", "Nusrat Jahan", "Rahima Begum", "Rahima", spec, "CareQueue Clinic", "CareQueue",
            "English", "CAREQUEUE CLINIC", "CAREQUEUE", "MBBS", "NJ", patient.user.email]

    page = open_page()
    page.goto("/#/login")
    page.get_by_test_id("language-select").select_option("bn")  # chosen before logging in
    expect(page.get_by_test_id("page-title")).to_have_text("লগ ইন")
    assert english_left(page, data) == [], "login"
    screenshot(page, "bangla-login")
    log_in(page, patient.user.email, home="/patient")
    wait_until(lambda: db.session.execute(sa.select(User.language).where(User.id == patient.user_id)).scalar_one()
               == "bn", message="the choice to be saved on the account")
    for url, heading in SCREENS:
        page.goto(url)
        expect(page.get_by_test_id("page-title")).to_contain_text(heading)
        page.wait_for_load_state("networkidle")
        assert english_left(page, data) == [], url
    expect(page.locator("html")).to_have_attribute("lang", "bn")
    # Numbers in Bangla digits: the emergency number in the footer, the character count, a slot's time.
    expect(page.get_by_test_id("footer-emergency")).to_contain_text("৯৯৯")
    page.goto("/#/patient/check")
    expect(page.get_by_test_id("triage-form")).to_contain_text("০/২০০০")
    page.goto("/#/patient/doctors")
    expect(page.get_by_test_id("doctor-card")).to_contain_text("১০:৩০")
    screenshot(page, "bangla-find-doctor")
    page.goto("/#/patient/check")
    screenshot(page, "bangla-symptom-check")

    # A new device with an English browser: the account's choice wins.
    other = open_page(viewport={"width": 375, "height": 740}, locale="en-US")
    log_in(other, patient.user.email)
    other.goto("/#/patient/check")
    expect(other.get_by_test_id("page-title")).to_have_text("উপসর্গ যাচাই")
    screenshot(other, "phone-bangla-symptom-check")


def test_the_browsers_language_is_the_default(open_page, factory):
    page = open_page(locale="bn-BD")
    page.goto("/#/login")
    expect(page.locator("html")).to_have_attribute("lang", "bn")
    expect(page.get_by_test_id("language-select")).to_have_value("bn")
