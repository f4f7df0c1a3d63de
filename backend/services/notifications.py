"""The email outbox: every email is a row first, identified by a dedupe key.

Writers call the functions here inside their own transaction, so an email is
queued if and only if the change it tells about is committed. A sender
delivers the rows later; the unique dedupe key makes each email happen once.
"""
from __future__ import annotations

import uuid

import sqlalchemy as sa
from flask import current_app

from backend.extensions import db
from backend.models import Appointment, EmailOutbox
from backend.schemas import hhmm

APPOINTMENT_EVENTS = {
    "booked": "Your appointment is booked",
    "rescheduled": "Your appointment has moved",
    "cancelled": "Your appointment is cancelled",
}


def message_id_for(dedupe_key: str) -> str:
    # Deterministic: a message re-sent after a crash carries the same Message-ID,
    # so mail clients can fold the rare duplicate.
    return f"<{uuid.uuid5(uuid.NAMESPACE_URL, dedupe_key)}@carequeue>"


def queue_email(*, kind: str, recipient: str, subject: str, dedupe_key: str, body_text: str,
                body_html: str = "", attachments: list | None = None) -> bool:
    """Add an outbox row unless one with this dedupe key exists. Returns True if added. Caller commits."""
    exists = db.session.execute(sa.select(EmailOutbox.id).where(EmailOutbox.dedupe_key == dedupe_key)).first()
    if exists is not None:
        return False
    db.session.add(EmailOutbox(kind=kind, recipient=recipient, subject=subject, dedupe_key=dedupe_key,
                               message_id=message_id_for(dedupe_key), body_text=body_text,
                               body_html=body_html, attachments=attachments or []))
    return True


def appointment_event(appointment: Appointment, event: str) -> bool:
    """Queue the email that tells the patient an appointment was booked, moved or cancelled."""
    subject = APPOINTMENT_EVENTS[event]
    stamp = appointment.updated_at.isoformat() if appointment.updated_at else ""
    when = f"{appointment.date.isoformat()} at {hhmm(appointment.start_time)}"
    body = (f"Hello {appointment.patient.full_name},\n\n{subject}: {appointment.doctor.full_name}, {when}.\n\n"
            f"{current_app.config['CLINIC_NAME']}")
    return queue_email(kind=f"appointment_{event}", recipient=appointment.patient.user.email, subject=subject,
                       dedupe_key=f"appointment:{appointment.id}:{event}:{stamp}", body_text=body)
