"""Past appointments still without an outcome: flag them and tell each doctor once a day, in their language."""
from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from flask import current_app, render_template

from backend.extensions import db
from backend.models import Appointment, Doctor, User
from backend.services.clock import clinic_tz, local_to_utc, utc_now
from backend.services.email import language as i18n
from backend.services.email.outbox import queue_email
from backend.services.formats import hhmm

SUMMARY_ROWS = 20


def flag_missing_outcomes(now: datetime | None = None) -> dict:
    """Set outcome_due_at on booked appointments that have ended; queue one summary per doctor per day."""
    now = now or utc_now()
    zone = clinic_tz()
    today = now.astimezone(zone).date()
    unflagged = (Appointment.status == "booked", Appointment.outcome_due_at.is_(None))
    # Every earlier day is over: flag those in one statement.
    flagged = db.session.execute(
        sa.update(Appointment).where(*unflagged, Appointment.date < today)
        .values(outcome_due_at=now).execution_options(synchronize_session=False)
    ).rowcount or 0
    # Today's are over only once their clinic-local end time has passed.
    todays = db.session.execute(
        sa.select(Appointment.id, Appointment.end_time).where(*unflagged, Appointment.date == today)
    ).all()
    ended = [row.id for row in todays if local_to_utc(today, row.end_time, zone) <= now]
    if ended:
        flagged += db.session.execute(
            sa.update(Appointment).where(Appointment.id.in_(ended), *unflagged)
            .values(outcome_due_at=now).execution_options(synchronize_session=False)
        ).rowcount or 0
    notified = _queue_doctor_summaries(today)
    db.session.commit()
    return {"flagged": flagged, "doctors_notified": notified}


def _queue_doctor_summaries(today) -> int:
    config = current_app.config
    due = db.session.execute(
        sa.select(Appointment.doctor_id, Appointment.date, Appointment.start_time)
        .where(Appointment.status == "booked", Appointment.outcome_due_at.is_not(None))
        .order_by(Appointment.doctor_id, Appointment.date, Appointment.start_time)
    ).all()
    per_doctor: dict[int, list] = {}
    for doctor_id, day, start in due:
        per_doctor.setdefault(doctor_id, []).append((day, start))
    if not per_doctor:
        return 0
    doctors = db.session.execute(
        sa.select(Doctor.id, Doctor.full_name, User.email, User.language).join(User, User.id == Doctor.user_id)
        .where(Doctor.id.in_(list(per_doctor)), User.email_confirmed_at.is_not(None))
    ).all()
    queued = 0
    for doctor_id, name, email, language in doctors:
        lang = i18n.chosen_language(language)
        subject = i18n.subject("outcome_due", lang)
        due_here = per_doctor[doctor_id]
        items = [_item(day, start, lang) for day, start in due_here[:SUMMARY_ROWS]]
        # Patients are not named: the email only points the doctor to their queue.
        context = {"clinic_name": config["CLINIC_NAME"], "public_url": config["PUBLIC_URL"].rstrip("/"),
                   "doctor_name": name, "total": len(due_here), "items": items, "subject": subject, "lang": lang,
                   "num": i18n.numbers_in(lang)}
        queued += queue_email(kind="outcome_due", recipient=email, subject=subject,
                              dedupe_key=f"outcome-due:{doctor_id}:{today.isoformat()}",
                              body_text=render_template(i18n.template("outcome_due.txt", lang), **context),
                              body_html=render_template(i18n.template("outcome_due.html", lang), **context))
    return queued


def _item(day, start, lang: str) -> dict:
    """One row of the list: the ISO date in English, the written date in Bangla digits in Bangla."""
    if lang == "en":
        return {"date": day.isoformat(), "start": hhmm(start)}
    return {"date": i18n.date_text(day, lang), "start": i18n.digits(hhmm(start), lang)}
