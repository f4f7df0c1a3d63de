"""Appointment reminders: the same-day one (everyone) and the day-before one (if the patient wants it).

Each reminder is an outbox row keyed `reminder:<appointment>:<date>` or
`reminder-eve:<appointment>:<date>`, inserted with ON CONFLICT DO NOTHING, so
running a job twice, or two beat processes at once, queues each reminder once.
Appointments are read in keyset-paginated batches with their patient, user and
doctor in the same query: the number of queries grows with batches, not rows.
"""
from __future__ import annotations

from datetime import date, datetime, timedelta

import sqlalchemy as sa
from flask import current_app

from backend.extensions import db
from backend.models import Appointment, Doctor, Patient, Specialization, User
from backend.services.clock import clinic_tz, utc_now
from backend.services.email import language as i18n
from backend.services.email.outbox import queue_emails_bulk
from backend.services.formats import hhmm

BATCH_SIZE = 1000


def clinic_date_of(now: datetime | None = None) -> date:
    """The clinic-local calendar date at a UTC instant (now by default)."""
    return (now or utc_now()).astimezone(clinic_tz()).date()


def _appointment_batches(day: date, day_before_only: bool):
    """Booked appointments of `day` with what the email needs, in id order, BATCH_SIZE at a time."""
    last_id = 0
    columns = (Appointment.id, Appointment.date, Appointment.start_time, Appointment.end_time,
               Patient.full_name, User.email, Doctor.full_name, Specialization.name, User.language)
    while True:
        query = (
            sa.select(*columns)
            .join(Patient, Patient.id == Appointment.patient_id)
            .join(User, User.id == Patient.user_id)
            .join(Doctor, Doctor.id == Appointment.doctor_id)
            .outerjoin(Specialization, Specialization.id == Doctor.specialization_id)
            .where(Appointment.date == day, Appointment.status == "booked", Appointment.id > last_id,
                   User.is_active.is_(True), User.email.is_not(None), User.email_confirmed_at.is_not(None),
                   # "Email me appointment reminders and updates" off means no reminders.
                   Patient.email_opt_in.is_(True))
            .order_by(Appointment.id)
            .limit(BATCH_SIZE)
        )
        if day_before_only:
            query = query.where(Patient.remind_day_before.is_(True))
        rows = db.session.execute(query).all()
        if not rows:
            return
        yield rows
        last_id = rows[-1][0]


def _queue_reminders(day: date, *, eve: bool) -> dict:
    config = current_app.config
    kind = "reminder_eve" if eve else "reminder"
    prefix = "reminder-eve" if eve else "reminder"
    base = {"clinic_name": config["CLINIC_NAME"], "public_url": config["PUBLIC_URL"].rstrip("/"),
            "timezone": config["CLINIC_TIMEZONE"], "eve": eve}
    subjects = {lang: i18n.subject(kind, lang) for lang in i18n.LANGUAGES}
    dates = {lang: i18n.date_text(day, lang) for lang in i18n.LANGUAGES}
    # Each recipient reads it in the language they chose (English until they choose).
    templates = {lang: (current_app.jinja_env.get_template(i18n.template("reminder.html", lang)),
                        current_app.jinja_env.get_template(i18n.template("reminder.txt", lang)))
                 for lang in i18n.LANGUAGES}
    considered = queued = 0
    for rows in _appointment_batches(day, day_before_only=eve):
        emails = []
        for appointment_id, _day, start, end, patient_name, email, doctor_name, spec_name, language in rows:
            lang = i18n.chosen_language(language)
            html_template, text_template = templates[lang]
            context = dict(base, patient_name=patient_name, doctor_name=doctor_name, specialization=spec_name or "",
                           start=i18n.digits(hhmm(start), lang), end=i18n.digits(hhmm(end), lang), lang=lang,
                           subject=subjects[lang], date_text=dates[lang])
            emails.append({
                "kind": kind, "recipient": email, "subject": subjects[lang],
                "dedupe_key": f"{prefix}:{appointment_id}:{day.isoformat()}",
                "body_text": text_template.render(context), "body_html": html_template.render(context),
            })
        considered += len(rows)
        queued += queue_emails_bulk(emails)
        # One commit per batch keeps transactions short; a crash mid-run is
        # harmless because a re-run skips what was queued.
        db.session.commit()
    return {"date": day.isoformat(), "appointments": considered, "queued": queued}


def send_daily_reminders(now: datetime | None = None) -> dict:
    """Queue today's (clinic date) reminder for every booked appointment."""
    return _queue_reminders(clinic_date_of(now), eve=False)


def send_day_before_reminders(now: datetime | None = None) -> dict:
    """Queue a reminder for tomorrow's (clinic date) appointments of patients who asked for one."""
    return _queue_reminders(clinic_date_of(now) + timedelta(days=1), eve=True)
