"""The emails that tell a patient an appointment was booked, moved or cancelled."""
from __future__ import annotations

from flask import current_app, render_template

from backend.extensions import db
from backend.models import Appointment
from backend.services.email import language as i18n
from backend.services.email.calendar import appointment_ics
from backend.services.email.outbox import queue_email
from backend.services.formats import hhmm

APPOINTMENT_EVENTS = ("booked", "rescheduled", "cancelled")


def appointment_context(appointment: Appointment) -> dict:
    config = current_app.config
    return {
        "clinic_name": config["CLINIC_NAME"],
        "public_url": config["PUBLIC_URL"].rstrip("/"),
        "patient_name": appointment.patient.full_name,
        "doctor_name": appointment.doctor.full_name,
        "specialization": appointment.doctor.specialization.name if appointment.doctor.specialization else "",
        "date": appointment.date,
        "date_text": appointment.date.strftime("%A %d %B %Y"),
        "start": hhmm(appointment.start_time),
        "end": hhmm(appointment.end_time),
        "timezone": config["CLINIC_TIMEZONE"],
    }


def appointment_event(appointment: Appointment, event: str, *, changed_by: str | None = None,
                      reason: str | None = None) -> bool:
    """Queue the email that tells the patient an appointment was booked, moved or cancelled.

    `changed_by` names who did it when it was not the patient (a doctor, the front desk), with
    `reason`; a `language.Wording` is read in the patient's language. A patient without a confirmed
    email address gets nothing.
    """
    if event not in APPOINTMENT_EVENTS:
        raise ValueError(f"unknown appointment event {event!r}")
    if not appointment.patient.user.can_receive_email:
        return False
    # The id and the change stamp name the event in the dedupe key; both exist only after a flush.
    db.session.flush()
    lang = i18n.language_of(appointment.patient.user)
    subject = i18n.subject(f"appointment_{event}", lang)
    stamp = appointment.updated_at.isoformat() if appointment.updated_at else ""
    context = dict(appointment_context(appointment), event=event, subject=subject,
                   changed_by=i18n.in_language(changed_by, lang),
                   reason=reason, opted_out=not appointment.patient.email_opt_in, lang=lang)
    if lang != "en":
        context.update(date_text=i18n.date_text(appointment.date, lang), start=i18n.digits(context["start"], lang),
                       end=i18n.digits(context["end"], lang))
    method = "CANCEL" if event == "cancelled" else "REQUEST"
    attachments = [{"filename": "appointment.ics", "content_type": "text/calendar", "method": method,
                    "ics": appointment_ics(appointment, method, lang)}]
    return queue_email(kind=f"appointment_{event}", recipient=appointment.patient.user.email, subject=subject,
                       dedupe_key=f"appointment:{appointment.id}:{event}:{stamp}",
                       body_text=render_template(i18n.template("appointment.txt", lang), **context),
                       body_html=render_template(i18n.template("appointment.html", lang), **context),
                       attachments=attachments)
