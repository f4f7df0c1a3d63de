"""Telling doctors about changes on their list: one email per change, or one daily digest, their choice.

Each booking, cancellation or move adds a DoctorNotice in the same transaction
as the change. A doctor on "instant" is emailed at once; a doctor on "digest"
gets one email a day listing what is not yet emailed. The dashboard shows the
notices since the doctor last looked. A doctor is not told of their own changes.

A notice is written in the language the doctor chose (the dashboard and the
emails show the same words), with Bangla digits for a Bangla reader.
"""
from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
import sqlalchemy.orm as so
from flask import current_app, render_template

from backend.errors import NotFound
from backend.extensions import db
from backend.models import Appointment, Doctor, DoctorNotice, Patient, User, utcnow
from backend.services import audit
from backend.services.email import language as i18n
from backend.services.email.outbox import queue_email
from backend.services.formats import hhmm, iso_timestamp

EVENT_WORDS = {
    "booked": "booked",
    "cancelled": "cancelled",
    "rescheduled": "moved to a new time",
    "rescheduled_in": "moved to your list",
    "rescheduled_out": "moved to another doctor",
}
EVENT_WORDS_BN = {
    "booked": "বুক করা হয়েছে",
    "cancelled": "বাতিল করা হয়েছে",
    "rescheduled": "নতুন সময়ে সরানো হয়েছে",
    "rescheduled_in": "আপনার তালিকায় সরানো হয়েছে",
    "rescheduled_out": "অন্য ডাক্তারের কাছে সরানো হয়েছে",
}
EVENT_WORDS_BY_LANGUAGE = {"en": EVENT_WORDS, "bn": EVENT_WORDS_BN}
NOTIFY_MODES = ("instant", "digest")


THE_CLINIC = i18n.Wording("the clinic", bn="ক্লিনিক")
THE_PATIENT = i18n.Wording("the patient", bn="রোগী")


def actor_label(actor_id: int | None, patient_id: int | None = None) -> str:
    """Who made a change, in words for the people it concerns: English, which also knows its Bangla
    (`language.in_language`), as the patient and the doctor told may read different languages."""
    if actor_id is None:
        return THE_CLINIC
    user = db.session.get(User, actor_id)
    if user is None:
        return THE_CLINIC
    if user.role == "patient":
        # The patient record the caller already loaded, when it is theirs (one record per user): no query.
        loaded = db.session.identity_map.get(db.session.identity_key(Patient, patient_id)) if patient_id else None
        if loaded is not None and loaded.user_id == user.id:
            return THE_PATIENT
        return THE_PATIENT if user.patient is None or user.patient.id == patient_id else user.display_name
    if user.role == "doctor":
        return user.display_name
    return i18n.Wording(f"{user.display_name} at the front desk", bn=f"ফ্রন্ট ডেস্কের {user.display_name}")


def _summary(appointment: Appointment, event: str, by: str, reason: str | None, language: str = "en") -> str:
    when = f"{i18n.short_date_text(appointment.date, language)} {i18n.digits(hhmm(appointment.start_time), language)}"
    by = i18n.in_language(by, language)
    if language == "bn":
        text = f"{appointment.patient.full_name}, {when}: {by} কর্তৃক {EVENT_WORDS_BN[event]}"
    else:
        text = f"{appointment.patient.full_name}, {when}: {EVENT_WORDS[event]} by {by}"
    if reason:
        text += f" ({reason})"
    return text[:300]


def record(appointment: Appointment, event: str, *, doctor_id: int, actor_id: int | None, by: str,
           reason: str | None = None) -> DoctorNotice | None:
    """Add the notice for one doctor; email it now if they chose instant emails. Caller commits."""
    doctor = db.session.get(Doctor, doctor_id)
    if doctor is None or doctor.user_id == actor_id:
        return None
    notice = DoctorNotice(doctor_id=doctor_id, appointment_id=appointment.id, event=event,
                          summary=_summary(appointment, event, by, reason, i18n.language_of(doctor.user)))
    db.session.add(notice)
    db.session.flush()
    if doctor.notify_mode == "instant" and doctor.user.can_receive_email:
        _queue(doctor, [notice], digest=False)
    return notice


def _queue(doctor: Doctor, notices: list[DoctorNotice], *, digest: bool) -> None:
    config = current_app.config
    lang = i18n.language_of(doctor.user)
    kind = "doctor_digest" if digest else "doctor_notice"
    subject = (i18n.subject(kind, lang, count=len(notices)) if digest
               else i18n.subject(kind, lang, event=EVENT_WORDS_BY_LANGUAGE[lang][notices[0].event]))
    # Each line is the notice's summary, written in the doctor's language when the change happened.
    context = {"clinic_name": config["CLINIC_NAME"], "public_url": config["PUBLIC_URL"].rstrip("/"),
               "subject": subject, "doctor_name": doctor.full_name, "digest": digest, "lang": lang,
               "lines": [notice.summary for notice in notices]}
    key = f"doctor-digest:{doctor.id}:{notices[-1].id}" if digest else f"doctor-notice:{notices[0].id}"
    queue_email(kind=kind, recipient=doctor.user.email, subject=subject, dedupe_key=key,
                body_text=render_template(i18n.template("doctor_notice.txt", lang), **context),
                body_html=render_template(i18n.template("doctor_notice.html", lang), **context))
    now = utcnow()
    for notice in notices:
        notice.emailed_at = now


def send_daily_digests(now: datetime | None = None) -> dict:
    """One email per digest doctor with their changes not yet emailed. Idempotent: emailed notices are marked."""
    doctors = db.session.execute(
        sa.select(Doctor).join(User, User.id == Doctor.user_id).options(so.joinedload(Doctor.user))
        .where(Doctor.notify_mode == "digest", Doctor.is_active.is_(True),
               Doctor.id.in_(sa.select(DoctorNotice.doctor_id).where(DoctorNotice.emailed_at.is_(None))))
    ).scalars().all()
    sent = 0
    for doctor in doctors:
        if not doctor.user.can_receive_email:
            continue
        notices = db.session.execute(
            sa.select(DoctorNotice).where(DoctorNotice.doctor_id == doctor.id, DoctorNotice.emailed_at.is_(None))
            .order_by(DoctorNotice.id)
        ).scalars().all()
        _queue(doctor, notices, digest=True)
        db.session.commit()
        sent += 1
    return {"digests": sent}


def changes_since_last_visit(doctor_id: int, *, limit: int = 50) -> dict:
    doctor = db.session.get(Doctor, doctor_id)
    if doctor is None:
        raise NotFound("No such doctor.")
    stmt = sa.select(DoctorNotice).where(DoctorNotice.doctor_id == doctor_id)
    if doctor.changes_seen_at is not None:
        stmt = stmt.where(DoctorNotice.at > doctor.changes_seen_at)
    rows = db.session.execute(stmt.order_by(DoctorNotice.at.desc(), DoctorNotice.id.desc()).limit(limit)).scalars()
    return {"since": iso_timestamp(doctor.changes_seen_at), "notify_mode": doctor.notify_mode,
            "items": [{"id": n.id, "at": iso_timestamp(n.at), "event": n.event, "summary": n.summary,
                       "appointment_id": n.appointment_id} for n in rows]}


def mark_seen(doctor_id: int) -> None:
    db.session.execute(sa.update(Doctor).where(Doctor.id == doctor_id).values(changes_seen_at=utcnow()))
    db.session.commit()


def set_notify_mode(doctor_id: int, mode: str, *, actor_id: int) -> str:
    doctor = db.session.get(Doctor, doctor_id)
    if doctor is None:
        raise NotFound("No such doctor.")
    doctor.notify_mode = mode
    audit.record("doctor.notify_mode", actor_id=actor_id, target=f"doctor:{doctor_id}", mode=mode)
    db.session.commit()
    return doctor.notify_mode
