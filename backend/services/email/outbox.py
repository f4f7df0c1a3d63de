"""The email outbox: every email is a row first, identified by a dedupe key.

Writers call the functions here inside their own transaction, so an email is
queued if and only if the change it tells about is committed; after the commit
they call `send_queued_now()` so a worker delivers it at once. The unique dedupe
key makes each email happen once. Admin pages read the outbox here too.
"""
from __future__ import annotations

import logging
import uuid
from datetime import datetime, timezone

import sqlalchemy as sa
from flask import current_app

from backend.extensions import db
from backend.models import EmailOutbox
from backend.services import queue

log = logging.getLogger(__name__)


# Mail a patient gets even after opting out of reminders and updates: what confirms a change
# they made or that was made to their appointment (each such email says why it still came).
ESSENTIAL_PATIENT_KINDS = frozenset({
    "appointment_booked", "appointment_rescheduled", "appointment_cancelled",
    "password_reset", "email_confirm", "email_change",
})


# Set on the session by a write that queued email; read by send_queued_now().
_QUEUED_FLAG = "carequeue_outbox_queued"


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
    db.session.info[_QUEUED_FLAG] = True
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
        db.session.info[_QUEUED_FLAG] = True
    return inserted


# ---- sending now ----------------------------------------------------------

def send_queued_now() -> bool:
    """Called by a service after the commit that queued email: ask a worker to deliver it now.

    Without it nothing is lost, only later: the every-minute sweep sends every
    pending row. True when a sender task was queued.
    """
    if not db.session.info.pop(_QUEUED_FLAG, False):
        return False
    if not current_app.config.get("OUTBOX_KICK_AFTER_COMMIT", True):
        return False
    return queue.enqueue(queue.SEND_DUE_EMAILS) is not None
