"""Emails in the recipient's language: a patient who chose Bangla gets the appointment and reminder
emails in Bangla (dates and times in Bangla digits); everyone else in English; every Bangla template
has an English original."""
from __future__ import annotations

import re
from datetime import time, timedelta
from pathlib import Path

import sqlalchemy as sa

from backend.extensions import db
from backend.models import EmailOutbox
from backend.services.clock import clinic_today
from backend.services.email import reminders
from tests.conftest import ROOT

TEMPLATES = Path(ROOT) / "backend" / "templates" / "email"
BANGLA = re.compile(r"[\u0980-\u09ff]")
# The English sentences of the templates that must not appear in a Bangla email.
ENGLISH_SENTENCES = ("Hello", "Your appointment", "A reminder", "If you cannot come", "You receive this email")


def emails(kind_prefix: str) -> list[EmailOutbox]:
    return list(db.session.execute(sa.select(EmailOutbox).where(EmailOutbox.kind.startswith(kind_prefix))
                                   .order_by(EmailOutbox.id)).scalars())


def test_every_bangla_template_has_an_english_original():
    for path in (TEMPLATES / "bn").iterdir():
        assert (TEMPLATES / path.name).is_file(), path.name
        assert BANGLA.search(path.read_text("utf-8")), path.name


def test_reminders_follow_each_patients_language(app, factory, make_appointment):
    today = clinic_today()
    doctor = factory.doctor(full_name="Dr. Nusrat Jahan")
    bangla = factory.patient(full_name="Rahima Begum")
    bangla.user.language = "bn"
    english = factory.patient(full_name="Amina Khatun")
    db.session.commit()
    make_appointment(patient=bangla, doctor=doctor, day=today, start=time(10, 30))
    make_appointment(patient=english, doctor=doctor, day=today, start=time(11, 0))
    assert reminders.send_daily_reminders()["queued"] == 2
    by_name = {("Rahima" in row.body_text): row for row in emails("reminder")}
    bn, en = by_name[True], by_name[False]
    assert BANGLA.search(bn.subject) and BANGLA.search(bn.body_text) and BANGLA.search(bn.body_html)
    assert "১০:৩০" in bn.body_text and 'lang="bn"' in bn.body_html
    assert not any(sentence in bn.body_text or sentence in bn.body_html for sentence in ENGLISH_SENTENCES)
    assert en.subject == "Reminder: your appointment today" and not BANGLA.search(en.body_text)
    assert "11:00" in en.body_text


def test_booking_email_in_bangla(app, factory, client):
    patient = factory.patient(full_name="Rahima Begum")
    client.login(patient.user.email)
    assert client.put("/auth/language", json={"language": "bn"}).status_code == 200
    doctor = factory.doctor(full_name="Dr. Nusrat Jahan")
    slot = factory.slot(doctor, day=clinic_today() + timedelta(days=2), start=time(9, 0))
    assert client.post("/patient/appointments", json={"slot_id": slot.id}).status_code == 201
    (row,) = emails("appointment_booked")
    assert row.subject == "আপনার অ্যাপয়েন্টমেন্ট বুক হয়েছে"
    assert "০৯:০০" in row.body_text and "Dr. Nusrat Jahan" in row.body_text
    assert not any(sentence in row.body_text or sentence in row.body_html for sentence in ENGLISH_SENTENCES)
