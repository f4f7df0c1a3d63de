"""Emails in the recipient's language: whoever chose Bangla gets every email in Bangla (subject, text and
HTML; dates, times and numbers in Bangla digits); everyone else in English, word for word as before;
every Bangla template has an English original and every English email a Bangla translation.

Emails go through the real outbox sender to a real SMTP server (aiosmtpd), and are read as received.
"""
from __future__ import annotations

import html as html_lib
import io
import re
from datetime import date, time, timedelta
from pathlib import Path

import sqlalchemy as sa
from icalendar import Calendar
from PIL import Image

from backend.extensions import db
from backend.models import EmailOutbox, Job
from backend.services.accounts import links
from backend.services.booking import notices, outcomes
from backend.services.clock import clinic_today, local_to_utc
from backend.services.email import delivery, reminders
from backend.services.email import language as i18n
from backend.services.email.plain_text import ZWSP
from backend.services.exports import treatments as exports
from backend.services.reports import monthly
from tests.conftest import ROOT, TEST_PASSWORD, ApiClient

TEMPLATES = Path(ROOT) / "backend" / "templates" / "email"
BANGLA = re.compile(r"[\u0980-\u09ff]")
# The English sentences of the templates that must not appear in a Bangla email.
ENGLISH_SENTENCES = ("Hello", "Your appointment", "A reminder", "If you cannot come", "You receive this email")
LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
# Words a Bangla email may keep in Latin letters: file formats, not sentences.
CODES = {"CSV"}


# ---- reading what the SMTP server received ------------------------------------------

def delivered(sink, count: int) -> list:
    delivery.deliver_due_emails()
    return sink.wait_for(count)


def to(messages, address: str):
    [message] = [m for m in messages if m["To"] == address]
    return message


def text_of(message) -> str:
    return message.get_body(("plain",)).get_content()


def html_of(message) -> str:
    return message.get_body(("html",)).get_content()


def visible(html: str) -> str:
    """What a reader sees of an HTML body: the words between the tags."""
    return html_lib.unescape(re.sub(r"<[^>]+>", " ", html))


def leftovers(body: str, *data: str) -> tuple[set, list]:
    """Latin words and ASCII digits left once links, addresses and the given data (names, typed
    text, the clinic's name, the time zone) are taken out: a Bangla email has none."""
    body = body.replace(ZWSP, "")
    body = re.sub(r"https?://\S+", " ", body)
    body = re.sub(r"[\w.+-]+@[\w.-]+", " ", body)
    for value in sorted(data, key=len, reverse=True):
        body = body.replace(value, " ")
    return set(LATIN_WORD.findall(body)) - CODES, re.findall(r"[0-9]+", body)


def assert_bangla(app, message, subject: str, *data: str) -> tuple[str, str]:
    """The message is all Bangla but for `data`; returns its text and HTML."""
    data = (*data, app.config["CLINIC_NAME"], app.config["CLINIC_TIMEZONE"])
    assert str(message["Subject"]) == subject
    text, html = text_of(message), html_of(message)
    assert BANGLA.search(text) and 'lang="bn"' in html
    for body in (text, visible(html)):
        words, ascii_digits = leftovers(body, *data)
        assert not words, f"English left in a Bangla email: {sorted(words)}\n{body}"
        assert not ascii_digits, f"Latin digits in a Bangla email: {ascii_digits}\n{body}"
        assert not any(sentence in body for sentence in ENGLISH_SENTENCES)
    return text, html


def assert_english(message, subject: str, sentence: str) -> str:
    assert str(message["Subject"]) == subject
    text = text_of(message)
    assert sentence in text and not BANGLA.search(text) and not BANGLA.search(html_of(message))
    assert 'lang="en"' in html_of(message)
    return text


def bangla(text: str) -> str:
    return i18n.digits(text, "bn")


def browser(app, email: str) -> ApiClient:
    client = ApiClient(app.test_client())
    client.login(email)
    return client


def emails(kind_prefix: str) -> list[EmailOutbox]:
    return list(db.session.execute(sa.select(EmailOutbox).where(EmailOutbox.kind.startswith(kind_prefix))
                                   .order_by(EmailOutbox.id)).scalars())


# ---- the templates and subjects ------------------------------------------------------

def test_every_bangla_template_has_an_english_original():
    for path in (TEMPLATES / "bn").iterdir():
        assert (TEMPLATES / path.name).is_file(), path.name
        assert BANGLA.search(path.read_text("utf-8")), path.name


def test_every_english_email_has_a_bangla_translation():
    for path in TEMPLATES.iterdir():
        if path.is_file():
            assert (TEMPLATES / "bn" / path.name).is_file(), f"no Bangla for {path.name}"


def test_every_subject_is_written_in_every_language():
    for kind, by_language in i18n.SUBJECTS.items():
        assert set(by_language) == set(i18n.LANGUAGES), kind
        assert BANGLA.search(str(by_language["bn"])), kind
    assert i18n.subject("doctor_digest", "en", count=1) == "Your appointments: 1 change"
    assert i18n.subject("doctor_digest", "en", count=12) == "Your appointments: 12 changes"
    assert i18n.subject("doctor_digest", "bn", count=12) == "আপনার অ্যাপয়েন্টমেন্ট: ১২টি পরিবর্তন"
    # A name keeps its digits; only counts are written in Bangla digits.
    assert i18n.subject("account_invite", "bn", clinic="Clinic 24") == "Clinic 24-এ আপনার লগইন"


# ---- appointments and reminders --------------------------------------------------------

def test_reminders_follow_each_patients_language(app, factory, make_appointment, smtp_sink):
    today = clinic_today()
    doctor = factory.doctor(full_name="Dr. Nusrat Jahan")
    bangla_patient = factory.patient(full_name="Rahima Begum", email="rahima@example.com")
    bangla_patient.user.language = "bn"
    english = factory.patient(full_name="Amina Khatun", email="amina@example.com")
    db.session.commit()
    make_appointment(patient=bangla_patient, doctor=doctor, day=today, start=time(10, 30))
    make_appointment(patient=english, doctor=doctor, day=today, start=time(11, 0))
    assert reminders.send_daily_reminders()["queued"] == 2
    messages = delivered(smtp_sink, 2)
    text, _ = assert_bangla(app, to(messages, "rahima@example.com"), "মনে করিয়ে দিচ্ছি: আজ আপনার অ্যাপয়েন্টমেন্ট",
                            "Rahima Begum", "Dr. Nusrat Jahan", "General Medicine")
    assert "১০:৩০" in text and i18n.date_text(today, "bn") in text
    text = assert_english(to(messages, "amina@example.com"), "Reminder: your appointment today",
                          "A reminder: you have an appointment today.")
    assert "11:00" in text and today.strftime("%A %d %B %Y") in text


def test_booking_email_and_its_calendar_entry_in_bangla(app, factory, client, smtp_sink):
    patient = factory.patient(full_name="Rahima Begum", email="rahima@example.com")
    client.login(patient.user.email)
    assert client.put("/auth/language", json={"language": "bn"}).status_code == 200
    doctor = factory.doctor(full_name="Dr. Nusrat Jahan")
    slot = factory.slot(doctor, day=clinic_today() + timedelta(days=2), start=time(9, 0))
    assert client.post("/patient/appointments", json={"slot_id": slot.id}).status_code == 201
    message = to(delivered(smtp_sink, 1), "rahima@example.com")  # the doctor is told too, in English
    text, _ = assert_bangla(app, message, "আপনার অ্যাপয়েন্টমেন্ট বুক হয়েছে",
                            "Rahima Begum", "Dr. Nusrat Jahan", "General Medicine")
    assert "০৯:০০" in text
    [ics] = [part for part in message.iter_attachments() if part.get_content_type() == "text/calendar"]
    event = Calendar.from_ical(ics.get_content()).walk("VEVENT")[0]
    assert str(event["SUMMARY"]) == "Dr. Nusrat Jahan-এর সাথে অ্যাপয়েন্টমেন্ট"


def test_who_changed_an_appointment_is_named_in_each_readers_language(app, factory, make_appointment, smtp_sink):
    desk = factory.admin(email="desk@example.com")
    desk.full_name = "Shirin Akter"
    doctor = factory.doctor(full_name="Dr. Nusrat Jahan", email="dr@example.com")
    doctor.user.language = "bn"
    bangla_patient = factory.patient(full_name="Rahima Begum", email="rahima@example.com")
    bangla_patient.user.language = "bn"
    english = factory.patient(full_name="Amina Khatun", email="amina@example.com")
    db.session.commit()
    day = clinic_today() + timedelta(days=3)
    first = make_appointment(patient=bangla_patient, doctor=doctor, day=day, start=time(10, 0))
    second = make_appointment(patient=english, doctor=doctor, day=day, start=time(11, 0))
    desk_browser = browser(app, "desk@example.com")
    for appointment in (first, second):
        answer = desk_browser.post(f"/admin/appointments/{appointment.id}/cancel", json={"reason": "Doctor away"})
        assert answer.status_code == 200, answer.get_json()
    messages = delivered(smtp_sink, 4)
    text, _ = assert_bangla(app, to(messages, "rahima@example.com"), "আপনার অ্যাপয়েন্টমেন্ট বাতিল হয়েছে",
                            "Rahima Begum", "Dr. Nusrat Jahan", "General Medicine", "Shirin Akter", "Doctor away")
    assert "ফ্রন্ট ডেস্কের Shirin Akter বাতিল করেছেন" in text
    assert_english(to(messages, "amina@example.com"), "Your appointment is cancelled",
                   "Your appointment has been cancelled by Shirin Akter at the front desk.")
    # The Bangla-reading doctor is told of both, in Bangla, one email each.
    to_doctor = [m for m in messages if m["To"] == "dr@example.com"]
    assert len(to_doctor) == 2
    for message, name, start in zip(sorted(to_doctor, key=lambda m: "Amina" in text_of(m)),
                                    ("Rahima Begum", "Amina Khatun"), ("১০:০০", "১১:০০")):
        text, _ = assert_bangla(app, message, "অ্যাপয়েন্টমেন্ট বাতিল করা হয়েছে",
                                name, "Dr. Nusrat Jahan", "Shirin Akter", "Doctor away")
        when = f"{i18n.short_date_text(day, 'bn')} {start}"
        assert f"{name}, {when}: ফ্রন্ট ডেস্কের Shirin Akter কর্তৃক বাতিল করা হয়েছে (Doctor away)" in text


# ---- account links ---------------------------------------------------------------------

def test_account_link_emails_follow_each_users_language(app, factory, smtp_sink):
    minutes = bangla(str(app.config["PASSWORD_RESET_MINUTES"]))
    hours = bangla(str(app.config["EMAIL_CONFIRM_HOURS"]))
    rahima = factory.patient(full_name="Rahima Begum", email="rahima@example.com")
    rahima.user.language = "bn"
    amina = factory.patient(full_name="Amina Khatun", email="amina@example.com")
    unconfirmed = factory.patient(full_name="Salma Akter", email="salma@example.com")
    unconfirmed.user.language, unconfirmed.user.email_confirmed_at = "bn", None
    admin = factory.admin(email="admin@example.com")
    db.session.commit()
    assert ApiClient(app.test_client()).post("/auth/password/forgot",
                                             json={"email": "rahima@example.com"}).status_code == 202
    assert ApiClient(app.test_client()).post("/auth/password/forgot",
                                             json={"email": "amina@example.com"}).status_code == 202
    links.queue_confirmation(unconfirmed.user)
    db.session.commit()
    assert browser(app, "rahima@example.com").post("/auth/email", json={
        "new_email": "rahima.new@example.com", "current_password": TEST_PASSWORD}).status_code == 202
    links.send_reset_by_admin(rahima.user.id, actor_id=admin.id)
    messages = delivered(smtp_sink, 5)

    resets = [m for m in messages if m["To"] == "rahima@example.com"]
    assert len(resets) == 2  # asked for by herself, then sent by an admin
    for reset in resets:
        text, html = assert_bangla(app, reset, "আপনার পাসওয়ার্ড নতুন করে ঠিক করুন", "Rahima Begum")
        assert f"লিংকটি একবারই কাজ করবে, {minutes} মিনিট পর্যন্ত।" in text
        assert "/#/reset-password?token=" in text and "/#/reset-password?token=" in html
    text = assert_english(to(messages, "amina@example.com"), "Reset your password",
                          "Someone (we hope you) asked to set a new password for your account.")
    assert f"The link works once, for {app.config['PASSWORD_RESET_MINUTES']} minutes." in text
    assert "Choose a new password: http" in text

    text, _ = assert_bangla(app, to(messages, "salma@example.com"), "আপনার ইমেইল ঠিকানা নিশ্চিত করুন", "Salma Akter")
    assert f"লিংকটি {hours} ঘণ্টা পর্যন্ত কাজ করবে।" in text and "/#/confirm-email?token=" in text
    text, _ = assert_bangla(app, to(messages, "rahima.new@example.com"), "আপনার নতুন ইমেইল ঠিকানা নিশ্চিত করুন",
                            "Rahima Begum")
    assert "&change=1" in text and "এই ইমেইল ঠিকানা ব্যবহার করুন:" in text


def test_a_desk_invitation_is_in_the_patients_language_else_the_desks(app, factory, smtp_sink):
    clinic = app.config["CLINIC_NAME"]
    bangla_desk = factory.admin(email="desk.bn@example.com")
    bangla_desk.language = "bn"
    english_desk = factory.admin(email="desk.en@example.com")
    undecided = factory.patient(full_name="Karim Uddin")  # registered at the desk: no email, no language
    chose_english = factory.patient(full_name="Jamal Hossain")
    chose_english.user.language = "en"
    undecided_too = factory.patient(full_name="Nasrin Sultana")
    for patient in (undecided, chose_english, undecided_too):
        patient.user.email = None
    db.session.commit()
    links.give_login(undecided.id, "karim@example.com", actor_id=bangla_desk.id)
    links.give_login(chose_english.id, "jamal@example.com", actor_id=bangla_desk.id)
    links.give_login(undecided_too.id, "nasrin@example.com", actor_id=english_desk.id)
    messages = delivered(smtp_sink, 3)
    text, _ = assert_bangla(app, to(messages, "karim@example.com"), f"{clinic}-এ আপনার লগইন", "Karim Uddin")
    assert f"{clinic} এই ইমেইল ঠিকানা দিয়ে আপনার জন্য একটি লগইন তৈরি করেছে।" in text
    assert f"{bangla(str(app.config['EMAIL_CONFIRM_HOURS']))} ঘণ্টা" in text
    for address in ("jamal@example.com", "nasrin@example.com"):
        assert_english(to(messages, address), f"Your {clinic} login",
                       f"{clinic} has set up a login for you with this email address.")


# ---- doctors: notices, digests, outcomes -------------------------------------------------

def test_doctor_notices_and_digests_in_each_doctors_language(app, factory, make_appointment, smtp_sink):
    desk = factory.admin(email="desk@example.com")
    desk.full_name = "Shirin Akter"
    instant = factory.doctor(full_name="Dr. Nusrat Jahan", email="instant@example.com")
    instant.user.language = "bn"
    bangla_digest = factory.doctor(full_name="Dr. Farhana Islam", email="digest.bn@example.com")
    english_digest = factory.doctor(full_name="Dr. Kamal Ahmed", email="digest.en@example.com")
    bangla_digest.user.language = "bn"
    for doctor in (bangla_digest, english_digest):
        doctor.notify_mode = "digest"
    patient = factory.patient(full_name="Amina Khatun", email="amina@example.com")
    db.session.commit()
    day = clinic_today() + timedelta(days=4)
    patient_browser = browser(app, "amina@example.com")
    slot = factory.slot(instant, day=day, start=time(9, 30))
    assert patient_browser.post("/patient/appointments", json={"slot_id": slot.id}).status_code == 201
    desk_browser = browser(app, "desk@example.com")
    for later, doctor in enumerate((bangla_digest, english_digest)):  # a patient is in one place at a time
        cancelled = make_appointment(patient=patient, doctor=doctor, day=day, start=time(14, 0 + 30 * later))
        moved = make_appointment(patient=patient, doctor=doctor, day=day, start=time(15, 0 + 30 * later))
        target = factory.slot(doctor, day=day, start=time(16 + later, 30))
        assert desk_browser.post(f"/admin/appointments/{cancelled.id}/cancel",
                                 json={"reason": "Doctor away"}).status_code == 200
        assert desk_browser.post(f"/admin/appointments/{moved.id}/reschedule",
                                 json={"slot_id": target.id, "reason": "Room change"}).status_code == 200
    assert notices.send_daily_digests() == {"digests": 2}
    # The patient's own booking, two cancellations and two moves; the instant notice; two digests.
    messages = delivered(smtp_sink, 8)

    text, _ = assert_bangla(app, to(messages, "instant@example.com"), "অ্যাপয়েন্টমেন্ট বুক করা হয়েছে",
                            "Dr. Nusrat Jahan", "Amina Khatun")
    assert f"Amina Khatun, {i18n.short_date_text(day, 'bn')} ০৯:৩০: রোগী কর্তৃক বুক করা হয়েছে" in text
    text, _ = assert_bangla(app, to(messages, "digest.bn@example.com"), "আপনার অ্যাপয়েন্টমেন্ট: ২টি পরিবর্তন",
                            "Dr. Farhana Islam", "Amina Khatun", "Shirin Akter", "Doctor away", "Room change")
    assert "১৪:০০: ফ্রন্ট ডেস্কের Shirin Akter কর্তৃক বাতিল করা হয়েছে (Doctor away)" in text
    assert "১৬:৩০: ফ্রন্ট ডেস্কের Shirin Akter কর্তৃক নতুন সময়ে সরানো হয়েছে (Room change)" in text
    text = assert_english(to(messages, "digest.en@example.com"), "Your appointments: 2 changes",
                          "Changes to your appointments since the last summary:")
    assert f"Amina Khatun, {day.strftime('%a %d %b')} 14:30: cancelled by Shirin Akter at the front desk " \
           "(Doctor away)" in text
    # The dashboard shows each doctor the same words as their email.
    summaries = [item["summary"] for item in notices.changes_since_last_visit(bangla_digest.id)["items"]]
    assert len(summaries) == 2 and all(BANGLA.search(summary) for summary in summaries)


def test_outcome_reminders_in_each_doctors_language(app, factory, make_appointment, smtp_sink):
    bangla_doctor = factory.doctor(full_name="Dr. Nusrat Jahan", email="bn@example.com")
    bangla_doctor.user.language = "bn"
    english_doctor = factory.doctor(full_name="Dr. Kamal Ahmed", email="en@example.com")
    db.session.commit()
    past = clinic_today() - timedelta(days=2)
    for doctor in (bangla_doctor, english_doctor):
        make_appointment(doctor=doctor, day=past, start=time(10, 0))
        make_appointment(doctor=doctor, day=past, start=time(11, 30))
    assert outcomes.flag_missing_outcomes()["doctors_notified"] == 2
    messages = delivered(smtp_sink, 2)
    text, html = assert_bangla(app, to(messages, "bn@example.com"), "ফলাফলের অপেক্ষায় থাকা অ্যাপয়েন্টমেন্ট",
                               "Dr. Nusrat Jahan")
    assert "আগের ২টি অ্যাপয়েন্টমেন্টের ফলাফল এখনও লেখা হয়নি।" in text
    assert f"- {i18n.date_text(past, 'bn')} ১১:৩০" in text and "১০:০০" in html
    text = assert_english(to(messages, "en@example.com"), "Appointments waiting for an outcome",
                          "2 past appointments still have no outcome.")
    assert f"- {past.isoformat()} 11:30" in text


# ---- exports and monthly reports -----------------------------------------------------------

def test_export_ready_email_in_the_owners_language(app, factory, make_appointment, smtp_sink):
    bangla_patient = factory.patient(full_name="Rahima Begum", email="rahima@example.com")
    bangla_patient.user.language = "bn"
    english = factory.patient(full_name="Amina Khatun", email="amina@example.com")
    db.session.commit()
    jobs = {}
    for patient in (bangla_patient, english):
        for offset in range(3):
            make_appointment(patient=patient, day=date(2026, 9, 1) + timedelta(days=offset), status="completed",
                             diagnosis="Migraine")
        job = Job(kind=exports.EXPORT_KIND, owner_id=patient.user.id, status="queued", params={})
        db.session.add(job)
        db.session.commit()
        assert exports.run_treatment_export(job.id)["rows"] == 3
        jobs[patient.user.email] = db.session.get(Job, job.id)
    messages = delivered(smtp_sink, 2)
    message = to(messages, "rahima@example.com")
    text, _ = assert_bangla(app, message, "আপনার এক্সপোর্ট তৈরি হয়েছে", "Rahima Begum")
    expires = jobs["rahima@example.com"].expires_at.date()
    assert "আপনার ৩ সারির এক্সপোর্ট তৈরি হয়েছে।" in text and "CSV ফাইলটি এই ইমেইলের সাথে সংযুক্ত।" in text
    assert f"ফাইলটি {i18n.date_text(expires, 'bn', weekday=False)} পর্যন্ত রাখা হবে।" in text
    assert [part.get_content_type() for part in message.iter_attachments()] == ["text/csv"]
    text = assert_english(to(messages, "amina@example.com"), "Your export is ready",
                          "Your export of 3 rows is ready.")
    assert f"The file is kept until {jobs['amina@example.com'].expires_at.strftime('%d %B %Y')}." in text


def test_monthly_reports_in_each_readers_language(app, factory, make_appointment, smtp_sink):
    clinic = app.config["CLINIC_NAME"]
    bangla_doctor = factory.doctor(full_name="Dr. Nusrat Jahan", email="dr.bn@example.com")
    bangla_doctor.user.language = "bn"
    english_doctor = factory.doctor(full_name="Dr. Kamal Ahmed", email="dr.en@example.com")
    bangla_admin = factory.admin(email="admin.bn@example.com")
    bangla_admin.language = "bn"
    factory.admin(email="admin.en@example.com")
    db.session.commit()
    for start in (time(9, 0), time(9, 30), time(10, 0)):
        make_appointment(doctor=bangla_doctor, day=date(2026, 9, 10), start=start, status="completed",
                         diagnosis="Migraine")
    make_appointment(doctor=bangla_doctor, day=date(2026, 9, 11), status="no_show")
    make_appointment(doctor=english_doctor, day=date(2026, 9, 12), status="cancelled")
    result = monthly.send_monthly_reports(now=local_to_utc(date(2026, 10, 1), time(9, 0)))
    assert result["doctor_reports"] == 2 and result["clinic_reports"] == 2
    messages = delivered(smtp_sink, 4)

    text, html = assert_bangla(app, to(messages, "dr.bn@example.com"), f"{clinic}-এ আপনার মাস: সেপ্টেম্বর ২০২৬",
                               "Dr. Nusrat Jahan", "migraine")
    assert "সংখ্যায় আপনার মাস: সেপ্টেম্বর ২০২৬।" in text
    assert "অ্যাপয়েন্টমেন্ট: ৪" in text and "সম্পন্ন:        ৩" in text and "আসেননি:        ১" in text
    assert "১. migraine (৩)" in text and 'src="cid:month-chart"' in html
    text, _ = assert_bangla(app, to(messages, "admin.bn@example.com"), f"সেপ্টেম্বর ২০২৬-এ {clinic}",
                            "Dr. Nusrat Jahan", "Dr. Kamal Ahmed", "migraine", "admin.bn")
    assert "Dr. Nusrat Jahan: ৪ / ৩ / ১" in text and "Dr. Kamal Ahmed: ১ / ০ / ০" in text
    text = assert_english(to(messages, "dr.en@example.com"), f"Your month at {clinic}: September 2026",
                          "Your month in numbers: September 2026.")
    assert "Cancelled:    1" in text
    assert_english(to(messages, "admin.en@example.com"), f"{clinic} in September 2026",
                   "The clinic's month in numbers: September 2026.")

    def chart(address):
        [png] = [part for part in to(messages, address).iter_attachments() if part.get_content_type() == "image/png"]
        return png.get_content()

    # The same clinic chart, labelled in each admin's language.
    bangla_chart, english_chart = chart("admin.bn@example.com"), chart("admin.en@example.com")
    assert bangla_chart != english_chart
    for png in (bangla_chart, english_chart):
        assert Image.open(io.BytesIO(png)).size == (600, 260)


def test_an_english_reader_gets_what_they_always_got(app, factory):
    """The English words of the account emails moved into the templates: the same text, word for word."""
    patient = factory.patient(full_name="Amina Khatun", email="amina@example.com")
    patient.user.email_confirmed_at = None
    db.session.commit()
    links.queue_confirmation(patient.user)
    db.session.commit()
    [row] = emails("email_confirm")
    clinic, hours = app.config["CLINIC_NAME"], app.config["EMAIL_CONFIRM_HOURS"]
    link = re.search(r"http\S+", row.body_text).group(0)
    assert row.subject == "Confirm your email address"
    assert row.body_text == (
        f"Hello Amina Khatun,\n\nPlease confirm that this is your email address. Until you do, {clinic} sends you "
        "no other email: no booking confirmations and no reminders.\n\n"
        f"Confirm my email: {link}\n\n"
        f"The link works for {hours} hours. If you did not create an account, ignore this email.\n\n{clinic}")
