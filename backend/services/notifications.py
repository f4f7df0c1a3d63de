"""The email outbox: every email is a row first, identified by a dedupe key.

Writers call the functions here inside their own transaction, so an email is
queued if and only if the change it tells about is committed. A sender
delivers the rows later; the unique dedupe key makes each email happen once.

Delivery (`deliver_due_emails`) claims each row with an atomic
`UPDATE ... WHERE status = 'pending'` before sending it, so two senders never
send the same row; a claim left behind by a dead sender is taken back by the
same task when it is redelivered (claimed_by) or by anyone once it is stale.
"""
from __future__ import annotations

import logging
import time as _time
import uuid
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import sqlalchemy as sa
import sqlalchemy.orm as so
from flask import current_app, render_template

from backend.extensions import db
from backend.models import Appointment, EmailOutbox
from backend.schemas import hhmm
from backend.services import mailer

log = logging.getLogger(__name__)

APPOINTMENT_EVENTS = {
    "booked": "Your appointment is booked",
    "rescheduled": "Your appointment has moved",
    "cancelled": "Your appointment is cancelled",
}

# Mail a patient gets even after opting out of non-essential email.
ESSENTIAL_PATIENT_KINDS = frozenset({
    "appointment_booked", "appointment_rescheduled", "appointment_cancelled", "reminder", "reminder_eve",
})

_KICK_FLAG = "carequeue_outbox_kick"
_SEQUENCE_EPOCH = 1_577_836_800  # 2020-01-01T00:00:00Z


def message_id_for(dedupe_key: str) -> str:
    # Deterministic: a message re-sent after a crash carries the same Message-ID,
    # so mail clients can fold the rare duplicate.
    return f"<{uuid.uuid5(uuid.NAMESPACE_URL, dedupe_key)}@carequeue>"


def patient_accepts(patient, kind: str) -> bool:
    """Whether a patient should get an email of this kind, given their opt-out."""
    return kind in ESSENTIAL_PATIENT_KINDS or bool(patient.email_opt_in)


def queue_email(*, kind: str, recipient: str, subject: str, dedupe_key: str, body_text: str,
                body_html: str = "", attachments: list | None = None) -> bool:
    """Add an outbox row unless one with this dedupe key exists. Returns True if added. Caller commits."""
    exists = db.session.execute(sa.select(EmailOutbox.id).where(EmailOutbox.dedupe_key == dedupe_key)).first()
    if exists is not None:
        return False
    db.session.add(EmailOutbox(kind=kind, recipient=recipient, subject=subject, dedupe_key=dedupe_key,
                               message_id=message_id_for(dedupe_key), body_text=body_text,
                               body_html=body_html, attachments=attachments or []))
    db.session.info[_KICK_FLAG] = True
    return True


def queue_emails_bulk(rows: list[dict]) -> int:
    """Insert many outbox rows in one statement, skipping dedupe keys that exist. Caller commits.

    ON CONFLICT DO NOTHING makes concurrent writers (two beat processes, a job
    run twice at once) safe: the unique dedupe key decides, not a prior read.
    Each dict has kind, recipient, subject, dedupe_key, body_text, body_html.
    """
    if not rows:
        return 0
    now = datetime.now(timezone.utc)
    values = [dict(row, message_id=message_id_for(row["dedupe_key"]), attachments=row.get("attachments") or [],
                   status="pending", attempts=0, next_attempt_at=now, created_at=now) for row in rows]
    dialect = db.session.get_bind().dialect.name
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    elif dialect == "sqlite":
        from sqlalchemy.dialects.sqlite import insert
    else:  # pragma: no cover - the two supported databases are handled above
        raise RuntimeError(f"unsupported database {dialect}")
    stmt = (insert(EmailOutbox.__table__).on_conflict_do_nothing(index_elements=["dedupe_key"])
            .returning(EmailOutbox.__table__.c.id))
    # RETURNING lists only the rows inserted, which counts them on both databases.
    inserted = len(db.session.connection().execute(stmt, values).all())
    if inserted:
        db.session.info[_KICK_FLAG] = True
    return inserted


# ---- the commit kick ------------------------------------------------------

def install_commit_kick() -> None:
    """After a commit that queued email, ask a worker to send it now (once per process)."""
    if sa.event.contains(so.Session, "after_commit", _after_commit):
        return
    sa.event.listen(so.Session, "after_commit", _after_commit)
    sa.event.listen(so.Session, "after_rollback", _after_rollback)


def _after_commit(session) -> None:
    if not session.info.pop(_KICK_FLAG, False):
        return
    try:
        if not current_app.config.get("OUTBOX_KICK_AFTER_COMMIT", True):
            return
    except RuntimeError:  # no app context: nothing to kick with
        return
    kick_sender()


def _after_rollback(session) -> None:
    session.info.pop(_KICK_FLAG, None)


def kick_sender() -> bool:
    """Enqueue a send sweep. A broker outage only delays mail: the rows stay
    pending and the every-minute sweep sends them."""
    from backend.celery_app import SEND_DUE_EMAILS_TASK

    from backend.extensions import redis_handle

    celery = current_app.extensions.get("celery")
    if celery is None:
        return False
    broker = current_app.config.get("CELERY_BROKER_URL") or current_app.config["REDIS_URL"]
    if broker == redis_handle.url and redis_handle.client() is None:
        # That Redis just failed for the cache: don't spend a connect timeout
        # on every booking while it is down.
        return False
    try:
        celery.send_task(SEND_DUE_EMAILS_TASK, retry=False)
        return True
    except Exception as exc:  # any broker failure: the sweep is the safety net
        log.warning("could not enqueue the email sender, the periodic sweep will send: %s", exc)
        return False


# ---- delivery -------------------------------------------------------------

def _due_condition(now: datetime, claimer: str):
    stale = now - timedelta(seconds=current_app.config["OUTBOX_RECLAIM_SECONDS"])
    return sa.or_(
        sa.and_(EmailOutbox.status == "pending", EmailOutbox.next_attempt_at <= now),
        sa.and_(EmailOutbox.status == "sending",
                sa.or_(EmailOutbox.claimed_by == claimer, EmailOutbox.claimed_at < stale)),
    )


def claim_email(outbox_id: int, claimer: str, now: datetime | None = None) -> bool:
    """Atomically take one due row for sending; False when someone else has it. Caller commits."""
    now = now or datetime.now(timezone.utc)
    result = db.session.execute(
        sa.update(EmailOutbox)
        .where(EmailOutbox.id == outbox_id, _due_condition(now, claimer))
        .values(status="sending", claimed_at=now, claimed_by=claimer)
        .execution_options(synchronize_session=False)
    )
    return result.rowcount == 1


def claim_batch(ids: list[int], claimer: str, now: datetime) -> None:
    """Claim many rows in one statement. The WHERE is re-checked row by row by the
    database, so rows another sender took in the meantime are left alone; the
    caller then reads back the rows that carry its own claimer. Caller commits."""
    db.session.execute(
        sa.update(EmailOutbox)
        .where(EmailOutbox.id.in_(ids), _due_condition(now, claimer))
        .values(status="sending", claimed_at=now, claimed_by=claimer)
        .execution_options(synchronize_session=False)
    )


def retry_delay(attempts: int) -> timedelta:
    """Exponential backoff: base, 2x, 4x, ... capped."""
    config = current_app.config
    seconds = config["OUTBOX_RETRY_BASE_SECONDS"] * (2 ** max(attempts - 1, 0))
    return timedelta(seconds=min(seconds, config["OUTBOX_RETRY_MAX_SECONDS"]))


def _finish(outbox_id: int, **values) -> None:
    db.session.execute(
        sa.update(EmailOutbox).where(EmailOutbox.id == outbox_id).values(claimed_by=None, **values)
        .execution_options(synchronize_session=False)
    )
    db.session.commit()


def deliver_due_emails(claimer: str | None = None, max_rows: int | None = None) -> dict:
    """Send every due outbox row. Returns counts of sent, failed and deferred rows.

    Each row is committed as sent right after the server accepted it, so a
    crash can repeat at most the one message in flight (same Message-ID).
    When the server is unreachable the sweep stops and leaves the rest pending.
    """
    claimer = claimer or f"sweep-{uuid.uuid4().hex}"
    config = current_app.config
    batch = config["OUTBOX_BATCH_SIZE"]
    counts = {"sent": 0, "failed": 0, "deferred": 0}
    done = 0
    while max_rows is None or done < max_rows:
        now = datetime.now(timezone.utc)
        ids = db.session.execute(
            sa.select(EmailOutbox.id).where(_due_condition(now, claimer)).order_by(EmailOutbox.id)
            .limit(batch if max_rows is None else min(batch, max_rows - done))
        ).scalars().all()
        if not ids:
            break
        claim_batch(ids, claimer, now)
        db.session.commit()
        rows = db.session.execute(
            sa.select(EmailOutbox).where(EmailOutbox.id.in_(ids), EmailOutbox.status == "sending",
                                         EmailOutbox.claimed_by == claimer).order_by(EmailOutbox.id)
        ).scalars().all()
        if not rows:
            continue
        # Detached, the loaded rows survive the per-message commits without a reload each.
        for row in rows:
            db.session.expunge(row)
        server_down = _send_claimed(rows, counts)
        done += len(rows)
        if server_down:
            break
    return counts


def _send_claimed(rows: list[EmailOutbox], counts: dict) -> bool:
    """Send claimed rows over one SMTP session. Returns True if the server became unreachable."""
    config = current_app.config
    connection = mailer.SmtpConnection()
    try:
        for index, row in enumerate(rows):
            attempts = row.attempts + 1
            try:
                connection.send(mailer.build_message(row), row.recipient)
            except mailer.PermanentMailError as exc:
                _finish(row.id, status="failed", attempts=attempts, last_error=str(exc)[:1000])
                counts["failed"] += 1
            except mailer.TransientMailError as exc:
                now = datetime.now(timezone.utc)
                if attempts >= config["OUTBOX_MAX_ATTEMPTS"]:
                    _finish(row.id, status="failed", attempts=attempts,
                            last_error=f"gave up after {attempts} attempts: {exc}"[:1000])
                    counts["failed"] += 1
                else:
                    _finish(row.id, status="pending", attempts=attempts, last_error=str(exc)[:1000],
                            next_attempt_at=now + retry_delay(attempts))
                    counts["deferred"] += 1
                # The rest were not tried: hand them back untouched for the next sweep.
                rest = [r.id for r in rows[index + 1:]]
                if rest:
                    db.session.execute(
                        sa.update(EmailOutbox).where(EmailOutbox.id.in_(rest), EmailOutbox.status == "sending")
                        .values(status="pending", claimed_by=None, claimed_at=None,
                                next_attempt_at=now + retry_delay(attempts))
                        .execution_options(synchronize_session=False)
                    )
                    db.session.commit()
                    counts["deferred"] += len(rest)
                return True
            else:
                _finish(row.id, status="sent", attempts=attempts, sent_at=datetime.now(timezone.utc),
                        last_error=None)
                counts["sent"] += 1
    finally:
        connection.close()
    return False


# ---- appointment emails ---------------------------------------------------

def _ics_sequence() -> int:
    # Seconds since 2020: grows with every change, which is all SEQUENCE needs
    # (calendar clients keep the event with the highest one).
    return int(_time.time()) - _SEQUENCE_EPOCH


def appointment_ics(appointment: Appointment, method: str) -> str:
    """An iCalendar invitation (REQUEST) or cancellation (CANCEL) for the appointment, clinic time zone."""
    from icalendar import Calendar, Event, vCalAddress, vText

    config = current_app.config
    zone = ZoneInfo(config["CLINIC_TIMEZONE"])
    cal = Calendar()
    cal.add("prodid", "-//CareQueue//Appointments//EN")
    cal.add("version", "2.0")
    cal.add("method", method)
    event = Event()
    event.add("uid", f"appointment-{appointment.id}@carequeue")
    event.add("sequence", _ics_sequence())
    event.add("dtstamp", datetime.now(timezone.utc))
    event.add("dtstart", datetime.combine(appointment.date, appointment.start_time, tzinfo=zone))
    event.add("dtend", datetime.combine(appointment.date, appointment.end_time, tzinfo=zone))
    event.add("summary", f"Appointment with {appointment.doctor.full_name}")
    event.add("location", config["CLINIC_NAME"])
    event.add("status", "CANCELLED" if method == "CANCEL" else "CONFIRMED")
    organizer = vCalAddress("mailto:" + _sender_address(config["MAIL_DEFAULT_SENDER"]))
    organizer.params["cn"] = vText(config["CLINIC_NAME"])
    event.add("organizer", organizer)
    attendee = vCalAddress("mailto:" + appointment.patient.user.email)
    attendee.params["cn"] = vText(appointment.patient.full_name)
    event.add("attendee", attendee)
    cal.add_component(event)
    cal.add_missing_timezones()
    return cal.to_ical().decode("utf-8")


def _sender_address(sender: str) -> str:
    return sender.rsplit("<", 1)[-1].rstrip(">").strip() if "<" in sender else sender.strip()


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


def appointment_event(appointment: Appointment, event: str) -> bool:
    """Queue the email that tells the patient an appointment was booked, moved or cancelled."""
    if event not in APPOINTMENT_EVENTS:
        raise ValueError(f"unknown appointment event {event!r}")
    # The id and the change stamp name the event in the dedupe key; both exist only after a flush.
    db.session.flush()
    subject = APPOINTMENT_EVENTS[event]
    stamp = appointment.updated_at.isoformat() if appointment.updated_at else ""
    context = dict(appointment_context(appointment), event=event, subject=subject)
    method = "CANCEL" if event == "cancelled" else "REQUEST"
    attachments = [{"filename": "appointment.ics", "content_type": "text/calendar", "method": method,
                    "ics": appointment_ics(appointment, method)}]
    return queue_email(kind=f"appointment_{event}", recipient=appointment.patient.user.email, subject=subject,
                       dedupe_key=f"appointment:{appointment.id}:{event}:{stamp}",
                       body_text=render_template("email/appointment.txt", **context),
                       body_html=render_template("email/appointment.html", **context),
                       attachments=attachments)
