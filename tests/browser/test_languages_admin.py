"""The admin and front-desk screens in Bangla: with real records in every list, no English is left on any
screen (the records' own names and codes set aside), in the text and in the labels a screen reader reads;
numbers and dates use Bangla digits. Pictures on a desktop and on a 375 px phone."""
from __future__ import annotations

from datetime import date, time, timedelta

import sqlalchemy as sa
from playwright.sync_api import expect

from backend.extensions import db
from backend.models import AuditLog, EmailOutbox, EmergencyResource, Job, User, utcnow
from backend.services import audit
from backend.services.clock import clinic_today
from tests.browser.conftest import log_in, screenshot
from tests.browser.test_languages import ALLOWED, LATIN_WORD
from tests.browser.test_languages import english_left as latin_words

# (screen, test id of something its data fills, the Bangla heading)
SCREENS = [
    ("/admin", "admin-totals", "ক্লিনিকের ড্যাশবোর্ড"),
    ("/admin/doctors", "doctor-table", "ডাক্তার"),
    ("/admin/specializations", "spec-table", "বিশেষত্ব"),
    ("/admin/patients", "patient-table", "রোগী"),
    ("/admin/appointments", "appointment-table", "অ্যাপয়েন্টমেন্ট"),
    ("/admin/resources", "resource-table", "জরুরি সেবা"),
    ("/admin/outbox", "outbox-table", "ইমেইল"),
    ("/admin/jobs", "job-table", "কাজ"),
    ("/admin/audit", "audit-table", "নিরীক্ষা লগ"),
]
# The CSV's column names are typed as they are, in any language; so are language codes and degrees.
CODES = ["name, kind, address, phones, hours, services, latitude, longitude, languages, source", "bn; en", "MBBS, FCPS"]
# File types keep their Latin names in Bangla too.
CODE_WORDS = ALLOWED | {"CSV"}
# What a screen reader reads that innerText does not show.
ACCESSIBLE_TEXT = """() => [...document.querySelectorAll('[aria-label], [placeholder], [title], img[alt]')]
  .flatMap(el => ['aria-label', 'placeholder', 'title', 'alt'].map(name => el.getAttribute(name)).filter(Boolean))"""


def english_left(page, data: list[str]) -> list[str]:
    return [word for word in latin_words(page, data) if word not in CODE_WORDS]


def english_in_labels(page, data: list[str]) -> list[str]:
    text = " ".join(page.evaluate(ACCESSIBLE_TEXT))
    for value in sorted(data, key=len, reverse=True):
        text = text.replace(value, " ")
    return [word for word in LATIN_WORD.findall(text) if word not in CODE_WORDS]


def arrange_clinic(factory, make_appointment):
    """A clinic a few weeks into use: doctors, patients, visits, an email, an export, a resource."""
    admin = factory.admin(email="nasrin.admin@example.com")
    admin.language = "bn"
    cardiologist = factory.doctor("Cardiology", full_name="Dr. Selim Chowdhury", email="selim@example.com")
    gp = factory.doctor("General Medicine", full_name="Dr. Omar Hossain", email="omar@example.com")
    rahima = factory.patient(email="rahima@example.com", full_name="Rahima Begum", phone="01711000111",
                             date_of_birth=date(1984, 3, 12))
    karim = factory.patient(email="karim@example.com", full_name="Abdul Karim", phone="01811000222",
                            date_of_birth=date(1960, 11, 2))
    today = clinic_today()
    make_appointment(patient=karim, doctor=cardiologist, day=today - timedelta(days=3), status="completed",
                     diagnosis="Angina")
    make_appointment(patient=rahima, doctor=gp, day=today - timedelta(days=2), status="cancelled")
    make_appointment(patient=karim, doctor=gp, day=today - timedelta(days=1), status="no_show")
    upcoming = make_appointment(patient=rahima, doctor=cardiologist, day=today + timedelta(days=2),
                                start=time(11, 30))
    db.session.add(EmergencyResource(name="Dhaka Medical College Hospital", kind="hospital",
                                     address="Secretariat Road, Dhaka", phones=["01711-000000"], hours="24/7",
                                     services="Emergency department", languages=["bn", "en"],
                                     source="Hospital website"))
    db.session.add(EmailOutbox(kind="appointment_booked", recipient=rahima.user.email,
                               subject="Your appointment is booked", body_text="Dear Rahima Begum, see you soon.",
                               dedupe_key=f"appointment:{upcoming.id}:booked", message_id="<a1@carequeue.test>",
                               status="sent", attempts=1, sent_at=utcnow()))
    db.session.add(Job(kind="treatments_export", owner_id=admin.id, status="done", progress=100, rows_done=3,
                       rows_total=3, finished_at=utcnow()))
    audit.record("appointment.book", actor_id=admin.id, target=f"appointment:{upcoming.id}",
                 patient_id=rahima.id, ip="127.0.0.1")
    db.session.commit()
    data = ["Dr. Selim Chowdhury", "Dr. Omar Hossain", "Rahima Begum", "Abdul Karim", "Cardiology",
            "General Medicine", "Cardiology clinic", "General Medicine clinic", "Dhaka Medical College Hospital",
            "Your appointment is booked", "Dear Rahima Begum, see you soon.", "CareQueue Clinic", "CAREQUEUE CLINIC", "CareQueue", "English", *CODES,
            admin.email, "nasrin.admin", *(user.email for user in db.session.execute(sa.select(User)).scalars())]
    return admin, data


def audit_data() -> list[str]:
    """The audit rows' own codes: actions, targets and details are records, not interface."""
    rows = db.session.execute(sa.select(AuditLog)).scalars().all()
    return [value for row in rows for value in (row.action, row.target or "",
                                                *(f"{k}: {v}" for k, v in (row.details or {}).items()))]


def picture_name(url: str) -> str:
    return url.removeprefix("/admin").strip("/").replace("/", "-") or "dashboard"


def visit(page, url: str, filled: str, heading: str, data: list[str]) -> None:
    page.goto(f"/#{url}")
    expect(page.get_by_test_id("page-title")).to_have_text(heading)
    expect(page.get_by_test_id(filled)).to_be_visible()
    page.wait_for_load_state("networkidle")
    assert english_left(page, data) == [], url
    assert english_in_labels(page, data) == [], url


def open_front_desk_patient(page, data: list[str]) -> None:
    page.goto("/#/admin/front-desk")
    expect(page.get_by_test_id("page-title")).to_have_text("অভ্যর্থনা")
    page.wait_for_load_state("networkidle")
    assert english_left(page, data) == [], "front desk, before a search"
    page.get_by_label("নাম, ফোন বা ইমেইল").fill("Rahima")
    page.get_by_test_id("desk-result").get_by_role("button", name="খুলুন").click()
    expect(page.get_by_test_id("desk-patient-name")).to_have_text("Rahima Begum")
    expect(page.get_by_test_id("desk-upcoming-row")).to_contain_text("Dr. Selim Chowdhury")
    page.wait_for_load_state("networkidle")
    assert english_left(page, data) == [], "front desk, a patient open"
    assert english_in_labels(page, data) == [], "front desk, a patient open"


def test_every_admin_screen_in_bangla(open_page, factory, make_appointment):
    admin, data = arrange_clinic(factory, make_appointment)

    page = open_page()
    log_in(page, admin.email, home="/admin")
    expect(page.locator("html")).to_have_attribute("lang", "bn")
    data += audit_data()  # with the login's own row
    for url, filled, heading in SCREENS:
        visit(page, url, filled, heading, data)
        screenshot(page, f"bangla-admin-{picture_name(url)}")
    # Numbers and dates in Bangla digits: the totals, a visit's time, a job's progress.
    page.goto("/#/admin")
    expect(page.get_by_test_id("total-patients")).to_contain_text("২")
    page.goto("/#/admin/appointments")
    expect(page.get_by_test_id("appointment-table")).to_contain_text("১১:৩০")
    page.goto("/#/admin/jobs")
    expect(page.get_by_test_id("job-row")).to_contain_text("১০০%")

    # One email opened: its details are labelled in Bangla too.
    page.goto("/#/admin/outbox")
    page.get_by_test_id("outbox-row").get_by_role("button").click()
    expect(page.get_by_test_id("email-message-body")).to_contain_text("Dear Rahima Begum")
    assert english_left(page, data) == [], "an email opened"
    assert english_in_labels(page, data) == [], "an email opened"
    screenshot(page, "bangla-admin-outbox-message")

    open_front_desk_patient(page, data)
    screenshot(page, "bangla-admin-front-desk")

    # A confirmation asked in Bangla (and answered "no").
    page.get_by_label("বাতিলের কারণ (রোগীকে জানানো হয়)").fill("ডাক্তার ছুটিতে")
    page.get_by_test_id("desk-upcoming-row").get_by_role("button", name="বাতিল করুন").click()
    dialog = page.get_by_test_id("confirm-dialog")
    expect(dialog).to_contain_text("এই অ্যাপয়েন্টমেন্ট বাতিল করবেন?")
    expect(dialog).to_contain_text("১১:৩০")
    assert [word for word in LATIN_WORD.findall(dialog.inner_text().replace("Dr. Selim Chowdhury", ""))] == []
    page.get_by_test_id("confirm-cancel").click()

    phone = open_page(viewport={"width": 375, "height": 740})
    log_in(phone, admin.email, home="/admin")
    for url, filled, heading in SCREENS:
        visit(phone, url, filled, heading, data)
        screenshot(phone, f"phone-bangla-admin-{picture_name(url)}")
    open_front_desk_patient(phone, data)
    screenshot(phone, "phone-bangla-admin-front-desk")


def test_the_label_check_finds_english(open_page):
    """english_in_labels is not vacuous: an English aria-label on the page is found, a data value is not."""
    page = open_page()
    page.goto("/#/login")
    page.evaluate("() => document.body.setAttribute('aria-label', 'Clinic dashboard of Rahima Begum')")
    found = english_in_labels(page, ["Rahima Begum"])
    assert {"Clinic", "dashboard", "of"} <= set(found) and "Rahima" not in found
