"""Bangla on the account screens, the patient's own lists and the public pages: register, forgotten and new
password, settings with two-factor login, profile, treatment and symptom-check history, the cancel
confirmation, an export, find a doctor and a doctor's page logged out, and a missing page. Each shows no
English once the people's names and other data are set aside, and is photographed on a desktop and a
375 px phone (tests/artifacts/bangla-*.png)."""
from __future__ import annotations

import os
from datetime import date, time, timedelta

import pyotp
from playwright.sync_api import expect

from backend.extensions import db
from backend.models import Job, Treatment, TriageAssessment
from backend.services.clock import clinic_today, utc_now
from tests.browser.conftest import log_in, screenshot
from tests.browser.test_languages import english_left

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 740}
DIAGNOSIS = "Contact dermatitis"
PRESCRIPTION = "Cetirizine 10 mg, one at night for 7 days"


def check_and_photograph(page, name: str, data: list[str]) -> None:
    """No English on this screen at desktop and phone width, and a picture of each."""
    page.wait_for_load_state("networkidle")
    assert english_left(page, data) == [], name
    screenshot(page, f"bangla-{name}")
    page.set_viewport_size(PHONE)
    assert english_left(page, data) == [], f"{name} (phone)"
    # On a phone nothing may stick out sideways: long Bangla words and buttons wrap.
    assert page.evaluate("() => document.documentElement.scrollWidth") <= PHONE["width"], f"{name} overflows"
    screenshot(page, f"phone-bangla-{name}")
    page.set_viewport_size(DESKTOP)


def arrange_patient_records(factory, make_appointment, app):
    """A dermatologist with free times; a patient with a past visit, a booked one, three checks and an export."""
    doctor = factory.doctor("Dermatology", full_name="Dr. Nusrat Jahan")
    for hour in (9, 10, 11):
        factory.slot(doctor, day=clinic_today() + timedelta(days=2), start=time(hour, 30))
    patient = factory.patient(full_name="Rahima Begum", phone="+8801712345678", date_of_birth=date(1988, 4, 12),
                              allergies="পেনিসিলিন", conditions="ডায়াবেটিস", medications="মেটফরমিন")
    past = make_appointment(patient, doctor, day=clinic_today() - timedelta(days=10), start=time(9, 0),
                            status="completed")
    db.session.add(Treatment(appointment_id=past.id, diagnosis=DIAGNOSIS, prescription=PRESCRIPTION,
                             notes="নতুন সাবান ব্যবহার বন্ধ রাখুন।",
                             follow_up_date=clinic_today() + timedelta(days=20)))
    booked = make_appointment(patient, doctor, day=clinic_today() + timedelta(days=3), start=time(11, 0))
    questions = [{"id": "fever", "text": "আপনার কি জ্বর আছে?", "kind": "yes_no"},
                 {"id": "days", "text": "কত দিন ধরে এমন হচ্ছে?", "kind": "number", "unit": "দিন"}]
    now = utc_now()
    db.session.add_all([
        TriageAssessment(patient_id=patient.id, symptoms="হাতে চুলকানি আর লাল দাগ, তিন দিন ধরে", status="done",
                         urgency="routine", specialization_name="Dermatology", questions=questions,
                         answers={"fever": "no"}, created_at=now - timedelta(days=12)),
        TriageAssessment(patient_id=patient.id, symptoms="জ্বর আর গলা ব্যথা", status="done", urgency="urgent",
                         questions=questions, answers={"fever": "yes", "days": 2}, created_at=now - timedelta(days=2)),
        TriageAssessment(patient_id=patient.id, symptoms="মাথা ঘোরা", status="queued", created_at=now),
    ])
    job = Job(kind="export_treatments", owner_id=patient.user_id, status="done", progress=100, rows_done=1,
              rows_total=1, created_at=now, finished_at=now, expires_at=now + timedelta(days=7),
              result_path=os.path.join(app.config["EXPORT_DIR"], "x.csv"), result_filename="treatments.csv")
    db.session.add(job)
    db.session.commit()
    return doctor, patient, booked, job


def data_values(patient) -> list[str]:
    """What stays as written in Bangla too: names, the address, the clinic's records, app names, file types."""
    return ["Dr. Nusrat Jahan", "Nusrat Jahan", "Rahima Begum", "Rahima", "Dermatology", "CareQueue Clinic",
            "CareQueue", "CAREQUEUE CLINIC", "English", "MBBS", "NJ", patient.user.email, DIAGNOSIS, PRESCRIPTION,
            "Google Authenticator", "Microsoft Authenticator", "1Password", "CSV"]


def test_public_and_password_screens_in_bangla(open_page, factory, make_appointment, app):
    doctor, patient, _, _ = arrange_patient_records(factory, make_appointment, app)
    email, data = patient.user.email, data_values(patient)

    page = open_page(viewport=DESKTOP)
    page.goto("/#/register")
    page.get_by_test_id("language-select").select_option("bn")
    expect(page.get_by_test_id("page-title")).to_have_text("আপনার অ্যাকাউন্ট খুলুন")
    expect(page.get_by_test_id("register-sex")).to_contain_text("বলতে চাই না")
    check_and_photograph(page, "register", data)

    page.goto("/#/forgot-password")
    expect(page.get_by_test_id("page-title")).to_have_text("পাসওয়ার্ড ভুলে গেছেন?")
    check_and_photograph(page, "forgot-password", data)
    page.get_by_test_id("forgot-email").fill(email)
    page.get_by_test_id("forgot-submit").click()
    expect(page.get_by_test_id("forgot-sent")).to_contain_text("৩০ মিনিট")
    check_and_photograph(page, "forgot-password-sent", data)

    page.goto("/#/reset-password?token=from-the-email")
    page.get_by_test_id("reset-password").fill("a long new password")
    page.get_by_test_id("reset-confirm").fill("another password")
    page.get_by_test_id("reset-submit").click()
    expect(page.get_by_test_id("reset-confirm-error")).to_have_text("দুটি পাসওয়ার্ড এক নয়।")
    check_and_photograph(page, "reset-password", data)

    page.goto("/#/doctors")
    expect(page.get_by_test_id("doctor-card")).to_contain_text("০৯:৩০")
    check_and_photograph(page, "find-doctor-public", data)
    page.goto(f"/#/doctors/{doctor.id}")
    expect(page.get_by_test_id("login-to-book")).to_have_text("বুক করতে লগ ইন করুন")
    expect(page.get_by_test_id("doctor-slots").locator(".slot-button").first).to_have_text("০৯:৩০")
    check_and_photograph(page, "doctor-public", data)

    page.goto("/#/no-such-page")
    expect(page.get_by_test_id("page-title")).to_have_text("পাতাটি পাওয়া যায়নি")
    check_and_photograph(page, "not-found", data)


def test_patient_account_screens_in_bangla(open_page, factory, make_appointment, app):
    _, patient, booked, job = arrange_patient_records(factory, make_appointment, app)
    email, data = patient.user.email, data_values(patient)

    page = open_page(viewport=DESKTOP)
    page.goto("/#/login")
    page.get_by_test_id("language-select").select_option("bn")
    log_in(page, email, home="/patient")
    page.goto("/#/settings")
    expect(page.get_by_test_id("page-title")).to_have_text("সেটিংস")
    page.get_by_test_id("twofa-start").click()
    secret = page.get_by_test_id("twofa-secret").inner_text()
    expect(page.get_by_test_id("twofa-setup")).to_contain_text("অথেনটিকেটর অ্যাপ দিয়ে")
    check_and_photograph(page, "settings-two-factor-setup", [*data, secret])
    page.get_by_test_id("twofa-code").fill(pyotp.TOTP(secret).now())
    page.get_by_test_id("twofa-enable").click()
    codes = page.get_by_test_id("recovery-codes").locator("code")
    expect(codes.first).to_be_visible()
    expect(page.get_by_test_id("two-factor")).to_contain_text("চালু · ১০টি রিকভারি কোড বাকি")
    check_and_photograph(page, "settings-two-factor-on", [*data, *codes.all_inner_texts()])

    page.goto("/#/patient/profile")
    expect(page.get_by_test_id("profile-full-name")).to_have_value("Rahima Begum")
    check_and_photograph(page, "profile", data)

    page.goto("/#/patient/treatments")
    expect(page.get_by_test_id("treatment")).to_contain_text(DIAGNOSIS)
    check_and_photograph(page, "treatments", data)

    page.goto("/#/patient/check/history")
    items = page.get_by_test_id("triage-history-item")
    # The first list in Bangla loads the knowledge base's translations in that server process (20 s and more
    # on a busy 2-core machine).
    expect(items).to_have_count(3, timeout=90_000)
    expect(items.nth(1).get_by_test_id("triage-history-qa")).to_contain_text("আপনার কি জ্বর আছে? হ্যাঁ")
    expect(items.nth(1).get_by_test_id("triage-history-qa")).to_contain_text("২ দিন")
    expect(items.nth(2).get_by_test_id("triage-history-qa")).to_contain_text("উত্তর দেওয়া হয়নি")
    expect(items.nth(2).get_by_test_id("triage-history-specialty")).to_have_text("চর্মরোগ")
    check_and_photograph(page, "triage-history", data)

    page.goto("/#/patient/appointments")
    page.get_by_test_id(f"cancel-{booked.id}").click()
    dialog = page.get_by_test_id("confirm-dialog")
    expect(dialog).to_contain_text("এই অ্যাপয়েন্টমেন্টটি বাতিল করবেন?")
    expect(dialog).to_contain_text("১১:০০")
    check_and_photograph(page, "cancel-confirmation", data)
    page.get_by_test_id("confirm-cancel").click()

    page.goto(f"/#/exports/{job.id}")
    expect(page.get_by_test_id("export-job")).to_contain_text("১টি সারি")
    check_and_photograph(page, "export", data)
