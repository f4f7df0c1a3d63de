"""Outbox delivery over SMTP.

`deliver_due_emails` claims each row with an atomic
`UPDATE ... WHERE status = 'pending'` before sending it, so two senders never
send the same row; a claim left behind by a dead sender is taken back by the
same task when it is redelivered (claimed_by) or by anyone once it is stale.
"""
from __future__ import annotations

import logging
import uuid
from datetime import datetime, timedelta, timezone

import sqlalchemy as sa
from flask import current_app

from backend.extensions import db
from backend.models import EmailOutbox
from backend.services.email import mailer

log = logging.getLogger(__name__)


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


def _defer_or_fail(outbox_id: int, attempts: int, error: str, counts: dict) -> None:
    if attempts >= current_app.config["OUTBOX_MAX_ATTEMPTS"]:
        _finish(outbox_id, status="failed", attempts=attempts,
                last_error=f"gave up after {attempts} attempts: {error}"[:1000])
        counts["failed"] += 1
    else:
        _finish(outbox_id, status="pending", attempts=attempts, last_error=error[:1000],
                next_attempt_at=datetime.now(timezone.utc) + retry_delay(attempts))
        counts["deferred"] += 1


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
            except Exception as exc:  # noqa: BLE001  (one bad row must never stall the others)
                # An error nobody foresaw (a message that cannot be built or encoded): this row
                # alone is retried with backoff and fails after the last attempt; the batch goes on.
                log.warning("outbox row %s could not be sent: %r", row.id, exc)
                _defer_or_fail(row.id, attempts, f"{exc.__class__.__name__}: {exc}", counts)
            else:
                _finish(row.id, status="sent", attempts=attempts, sent_at=datetime.now(timezone.utc),
                        last_error=None)
                counts["sent"] += 1
    finally:
        connection.close()
    return False
