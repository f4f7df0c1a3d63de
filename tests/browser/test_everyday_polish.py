"""Issue 13, "Everyday polish": one browser regression test per numbered defect a clinic hit first.

Pictures of the fixed screens go to tests/artifacts/after/ (the README's before/after pairs).
"""
from __future__ import annotations

import os
import re
from datetime import date, datetime, time, timedelta

import pytest
import sqlalchemy as sa
from playwright.sync_api import expect

from backend.extensions import db
from backend.models import EmailOutbox, Job, Treatment
from backend.services import clock
from backend.services.clock import clinic_today, utc_now
from backend.services.email.outbox import queue_email
from tests.browser.conftest import ARTIFACTS, log_in
from tests.browser.test_screen_review import LAYOUT_PROBLEMS
from tests.conftest import TEST_PASSWORD

AFTER = os.path.join(ARTIFACTS, "after")
PHONE = {"width": 375, "height": 812}
DESKTOP = {"width": 1280, "height": 800}


def picture(page, name: str) -> None:
    os.makedirs(AFTER, exist_ok=True)
    page.evaluate("""() => document.querySelectorAll("[data-testid='toast-region']")
      .forEach(region => { region.style.display = 'none' })""")
    page.screenshot(path=os.path.join(AFTER, f"{name}.png"), full_page=True)


def test_1_find_a_doctor_pages_through_every_doctor_logged_out(open_page, factory):
    """Point 1 (and issue 14): all 28 doctors are reachable through the pager, without logging in;
    booking asks for a login and comes back to the doctor."""
    doctors = [factory.doctor("Cardiology" if i % 2 else "Dermatology", full_name=f"Dr. Name {i:02d}")
               for i in range(28)]
    for doctor in doctors[:3]:
        factory.slot(doctor, day=clinic_today() + timedelta(days=2), start=time(10, 0))
    patient = factory.patient(full_name="Amina Rahman")

    page = open_page(viewport=DESKTOP)
    page.goto("/#/doctors")
    expect(page.get_by_test_id("doctor-count")).to_have_text("28 doctors")
    seen, first_of_last_page = set(), None
    for expected_page in (1, 2, 3):
        expect(page.get_by_text(f"Page {expected_page} of 3 · 28 in all")).to_be_visible()
        cards = page.get_by_test_id("doctor-card")
        expect(cards.first).to_be_visible()
        if first_of_last_page is not None:
            # The pager shows the new number at once; the last page's cards stay until the new ones load.
            expect(cards.first).not_to_have_attribute("data-doctor-id", first_of_last_page)
        first_of_last_page = cards.first.get_attribute("data-doctor-id")
        seen.update(cards.nth(i).get_attribute("data-doctor-id") for i in range(cards.count()))
        if expected_page == 1:
            picture(page, "1-find-doctor")
        if expected_page < 3:
            page.get_by_test_id("page-next").click()
    assert seen == {str(d.id) for d in doctors}

    for expected_page in (2, 1):
        page.get_by_test_id("page-prev").click()
        expect(page.get_by_text(f"Page {expected_page} of 3 · 28 in all")).to_be_visible()
    page.get_by_test_id(f"view-doctor-{doctors[1].id}").click()
    page.locator("[data-slot-id]").first.click()
    expect(page).to_have_url(re.compile(r"#/login\?redirect="))
    page.get_by_test_id("login-email").fill(patient.user.email)
    page.get_by_test_id("login-password").fill(TEST_PASSWORD)
    page.get_by_test_id("login-submit").click()
    expect(page).to_have_url(re.compile(rf"#/patient/doctors/{doctors[1].id}$"))
    expect(page.locator("[data-slot-id]")).to_have_count(1)


def test_2_email_links_lead_to_the_page_after_logging_in(open_page, factory, app):
    """Point 2: `/#/appointments` from an email opens the appointments, and the export link shows the
    login page, then the file, never raw JSON."""
    patient = factory.patient(full_name="Amina Rahman")
    job = Job(kind="export_treatments", owner_id=patient.user.id, status="done", progress=100, rows_done=3,
              rows_total=3, params={"scope": "patient"}, finished_at=utc_now(),
              expires_at=utc_now() + timedelta(days=7), result_path=os.path.join(app.config["EXPORT_DIR"], "t.csv"),
              result_filename="treatments.csv")
    db.session.add(job)
    db.session.commit()

    page = open_page()
    page.goto(f"/#/exports/{job.id}")
    expect(page.get_by_test_id("login-form")).to_be_visible()
    page.get_by_test_id("login-email").fill(patient.user.email)
    page.get_by_test_id("login-password").fill(TEST_PASSWORD)
    page.get_by_test_id("login-submit").click()
    expect(page.get_by_test_id("export-download")).to_have_attribute("href", f"/api/jobs/{job.id}/download")

    page.goto("/#/appointments")
    expect(page).to_have_url(re.compile(r"#/patient/appointments$"))
    expect(page.locator("main h1")).to_have_text("Appointments")


@pytest.mark.clinic_midday
def test_3_and_5_the_queue_waits_for_the_visit_and_puts_finished_visits_last(open_page, factory, make_appointment):
    """Points 3 and 5: "Complete visit" and "No-show" wait for the start time and say so; finished visits
    sit under "Seen today"; the dashboard's counts are the tabs' counts. (At about noon in the clinic's
    zone, so that there are visits both earlier and later today whenever the test runs.)"""
    doctor = factory.doctor("General Medicine", full_name="Dr. Farhana Rahman")
    now = clock.clinic_now()
    assert 12 <= now.hour < 14, now  # the zone is picked when the test starts; the server's start may cross 13:00
    today = now.date()
    started = (now - timedelta(minutes=30)).replace(second=0, microsecond=0)
    later = (now + timedelta(hours=1)).replace(minute=0, second=0, microsecond=0)
    done = make_appointment(doctor=doctor, day=today, start=started.time(), status="completed", minutes=5)
    db.session.add(Treatment(appointment_id=done.id, diagnosis="Viral fever", prescription="Paracetamol"))
    db.session.commit()
    missed = make_appointment(doctor=doctor, day=today, start=(started + timedelta(minutes=5)).time(),
                              status="no_show", minutes=5)
    waiting = make_appointment(doctor=doctor, day=today, start=(started + timedelta(minutes=10)).time(), minutes=5)
    future = make_appointment(doctor=doctor, day=today, start=later.time())
    ahead = make_appointment(doctor=doctor, day=today + timedelta(days=2), start=time(10, 0))

    page = open_page(viewport=DESKTOP)
    log_in(page, doctor.user.email, home="/doctor")
    expect(page.get_by_test_id("stat-today")).to_contain_text("4")
    expect(page.get_by_test_id("stat-upcoming")).to_contain_text("1")
    picture(page, "5-doctor-dashboard")
    page.get_by_test_id("nav-queue").click()
    items = page.get_by_test_id("queue-item")
    expect(items).to_have_count(4)
    assert [items.nth(i).get_attribute("data-id") for i in range(4)] == [
        str(waiting.id), str(future.id), str(done.id), str(missed.id)]
    expect(page.get_by_test_id("queue-finished-title")).to_have_text("Seen today (2)")
    expect(page.get_by_test_id(f"complete-{waiting.id}")).to_be_enabled()
    expect(page.get_by_test_id(f"complete-{future.id}")).to_be_disabled()
    expect(page.get_by_test_id(f"no-show-{future.id}")).to_be_disabled()
    expect(page.get_by_test_id(f"not-yet-{future.id}")).to_have_text(
        f"Available from {later:%H:%M}, when the visit starts.")
    picture(page, "5-doctor-queue-today")
    page.get_by_test_id("scope-upcoming").click()
    expect(items).to_have_count(1)
    expect(items.first).to_have_attribute("data-id", str(ahead.id))


def test_4_admin_tables_keep_words_whole_on_a_desktop_and_a_phone(open_page, factory):
    """Point 4: no "Activ/e", "Deacti/vate", "Cardiolog/y"; no table scrolling sideways on a phone."""
    admin = factory.admin(email="admin@example.com")
    for i, spec in enumerate(["Cardiology", "Gastroenterology", "Ophthalmology", "Endocrinology"] * 3):
        factory.doctor(spec, full_name=f"Dr. Mahmudul Hasan {i}", email=f"mahmudul.hasan{i}@carequeue.local")
    for viewport, name in ((DESKTOP, "desktop"), (PHONE, "phone")):
        page = open_page(viewport=viewport)
        log_in(page, admin.email)
        for route, table in (("doctors", "doctor-table"), ("specializations", "spec-table")):
            page.goto(f"/#/admin/{route}")
            expect(page.get_by_test_id(table)).to_be_visible()
            assert page.evaluate(LAYOUT_PROBLEMS) == [], (route, name)
            picture(page, f"4-admin-{route}-{name}")


def test_6_the_week_view_starts_today_in_clinic_time(open_page, factory):
    """Point 6: with the browser on UTC, the first day shown is the clinic's today, and no day is "Past"."""
    doctor = factory.doctor("Dermatology", full_name="Dr. Nadia Karim")
    today = clinic_today()
    for offset in (1, 2, 5):
        factory.slot(doctor, day=today + timedelta(days=offset), start=time(10, 0))
    patient = factory.patient()
    page = open_page(timezone_id="UTC", viewport=DESKTOP)
    log_in(page, patient.user.email)
    page.goto(f"/#/patient/doctors/{doctor.id}")
    titles = page.locator(".slot-day-title")
    expect(titles).to_have_count(7)
    expect(titles.first).to_have_text(f"{today:%a} {today.day} {today:%b}")
    expect(page.get_by_test_id("slot-picker")).not_to_contain_text("Past")
    expect(page.locator("[data-slot-id]")).to_have_count(3)
    expect(page.get_by_test_id("week-prev")).to_be_disabled()
    picture(page, "6-week-view-browser-utc")


def test_7_forms_show_field_errors_in_plain_words(open_page):
    """Point 7: the registration form shows the API's `fields` sentence under the field."""
    open_page.allow_console(r"status of 400 .*/auth/register")  # the refusal this test provokes
    page = open_page()
    page.goto("/#/register")
    page.get_by_test_id("register-full-name").fill("Amina Rahman")
    page.get_by_test_id("register-email").fill("amina@example.com")
    page.get_by_test_id("register-password").fill("long-enough-1")
    page.get_by_test_id("register-phone").fill("call me")
    page.get_by_test_id("register-submit").click()
    expect(page.get_by_test_id("register-phone-error")).to_have_text(
        "Enter a phone number using digits, spaces, +, ( ) or -, at least 5 characters.")
    expect(page.locator("main")).not_to_contain_text("String should")


def test_8_admin_times_are_clinic_time_in_24_hours_and_jobs_name_people(open_page, factory):
    """Point 8: a browser on UTC still shows the clinic's 24-hour time; Jobs show a name, not an id."""
    admin = factory.admin(email="admin@example.com")
    patient = factory.patient(full_name="Amina Rahman")
    sent = datetime(2026, 3, 2, 9, 30, tzinfo=clock.clinic_tz()).astimezone(clock.utc_now().tzinfo)  # 15:30 clinic
    queue_email(kind="reminder", recipient=patient.user.email, subject="Your appointment tomorrow",
                dedupe_key="t-1", body_text="Hello Amina,\nSee you tomorrow at 10:00.")
    row = db.session.execute(sa.select(EmailOutbox)).scalar_one()
    row.status, row.sent_at = "sent", sent
    db.session.add(Job(kind="export_treatments", owner_id=patient.user.id, status="done", created_at=sent,
                       rows_done=2, params={}))
    db.session.commit()
    clinic_text = sent.astimezone(clock.clinic_tz()).strftime("%H:%M")
    page = open_page(timezone_id="UTC")
    log_in(page, admin.email)
    page.goto("/#/admin/outbox")
    expect(page.get_by_test_id("outbox-row")).to_contain_text(clinic_text)
    expect(page.get_by_test_id("outbox-row")).not_to_contain_text(re.compile(r"\b(AM|PM|am|pm)\b"))
    page.get_by_test_id(f"outbox-open-{row.id}").click()
    expect(page.get_by_test_id("email-message-body")).to_have_text("Hello Amina,\nSee you tomorrow at 10:00.")
    page.goto("/#/admin/jobs")
    expect(page.get_by_test_id("job-row")).to_contain_text("Amina Rahman")
    expect(page.get_by_test_id("job-row")).to_contain_text(clinic_text)


def test_9_smaller_defects(open_page, factory, make_appointment):
    """Point 9: reactivation, a stale duplicate-name error, a reversed date range, multi-line prescriptions,
    dates of birth, appointment tabs on a phone, fees with a currency."""
    admin = factory.admin(email="admin@example.com")
    factory.specialization("Cardiology")
    factory.specialization("Dermatology")
    doctor = factory.doctor("Cardiology", full_name="Dr. Rafiq Uddin")
    patient = factory.patient(full_name="Amina Rahman", date_of_birth=date(1990, 5, 17))
    visit = make_appointment(patient=patient, doctor=doctor, day=clinic_today() - timedelta(days=3),
                             status="completed")
    db.session.add(Treatment(appointment_id=visit.id, diagnosis="Essential hypertension",
                             prescription="Amlodipine 5 mg once daily\nHome blood pressure diary"))
    db.session.commit()

    page = open_page(viewport=DESKTOP)
    log_in(page, admin.email)
    page.goto("/#/admin/doctors")
    expect(page.get_by_test_id("doctor-row")).to_contain_text("BDT")
    page.get_by_test_id(f"doctor-deactivate-{doctor.id}").click()
    page.get_by_test_id("confirm-ok").click()
    page.get_by_test_id(f"doctor-reactivate-{doctor.id}").click()
    expect(page.get_by_test_id(f"doctor-deactivate-{doctor.id}")).to_be_visible()

    open_page.allow_console(r"status of 409")
    page.goto("/#/admin/specializations")
    rows = page.get_by_test_id("spec-row")
    expect(rows).to_have_count(2)
    page.get_by_test_id("spec-name").fill("Dermatology")
    page.get_by_test_id("spec-submit").click()
    expect(page.get_by_test_id("form-error")).to_be_visible()
    page.locator("[data-testid^='spec-edit-']").first.click()
    expect(page.get_by_test_id("form-error")).to_have_count(0)

    page.goto("/#/admin/appointments")
    page.get_by_test_id("appt-filter-date-from").fill("2026-05-10")
    page.get_by_test_id("appt-filter-date-to").fill("2026-05-01")
    expect(page.get_by_test_id("load-error")).to_be_visible()
    expect(page.get_by_test_id("load-error").get_by_role("button", name="Try again")).to_have_count(0)
    expect(page.get_by_test_id("appt-filter-date-to-error")).to_be_visible()

    doctor_page = open_page(viewport=DESKTOP)
    log_in(doctor_page, doctor.user.email)
    doctor_page.goto(f"/#/doctor/patients/{patient.id}")
    expect(doctor_page.locator("main")).to_contain_text("17 May 1990")
    expect(doctor_page.locator("main")).not_to_contain_text("Thu, 17 May 1990")
    prescription = doctor_page.get_by_test_id("treatment-prescription")
    assert prescription.evaluate("el => el.getClientRects()[0].height > 1.5 * parseFloat(getComputedStyle(el).lineHeight)")

    patient_page = open_page(viewport=PHONE)
    log_in(patient_page, patient.user.email)
    patient_page.goto("/#/patient/appointments")
    tabs = patient_page.get_by_role("tab")
    expect(tabs).to_have_count(4)
    for i in range(4):
        box = tabs.nth(i).bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], tabs.nth(i).inner_text()
