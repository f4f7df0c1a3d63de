"""Operational records: user-visible jobs, the email outbox and the audit log."""
from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
import sqlalchemy.orm as so

from backend.extensions import db
from backend.models.base import UTCDateTime, enum_check, utcnow

JOB_STATUSES = ("queued", "running", "done", "failed")
EMAIL_STATUSES = ("pending", "sending", "sent", "failed")


class Job(db.Model):
    __tablename__ = "jobs"
    __table_args__ = (
        enum_check("status", JOB_STATUSES, "status"),
        sa.CheckConstraint("progress >= 0 AND progress <= 100", name="progress"),
        sa.Index("ix_jobs_owner_created", "owner_id", "created_at"),
    )

    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    kind: so.Mapped[str] = so.mapped_column(sa.String(40))
    owner_id: so.Mapped[int] = so.mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"))
    status: so.Mapped[str] = so.mapped_column(sa.String(16), default="queued", server_default="queued")
    params: so.Mapped[dict] = so.mapped_column(sa.JSON, default=dict)
    celery_id: so.Mapped[str | None] = so.mapped_column(sa.String(64))
    progress: so.Mapped[int] = so.mapped_column(default=0, server_default="0")
    rows_done: so.Mapped[int] = so.mapped_column(default=0, server_default="0")
    rows_total: so.Mapped[int | None]
    result_path: so.Mapped[str | None] = so.mapped_column(sa.String(500))
    result_filename: so.Mapped[str | None] = so.mapped_column(sa.String(200))
    error: so.Mapped[str | None] = so.mapped_column(sa.Text)
    created_at: so.Mapped[datetime] = so.mapped_column(UTCDateTime(), default=utcnow)
    started_at: so.Mapped[datetime | None] = so.mapped_column(UTCDateTime())
    finished_at: so.Mapped[datetime | None] = so.mapped_column(UTCDateTime())
    expires_at: so.Mapped[datetime | None] = so.mapped_column(UTCDateTime())

    owner: so.Mapped["User"] = so.relationship()  # noqa: F821


class EmailOutbox(db.Model):
    """Every email is a row first; the dedupe key makes each one happen once."""

    __tablename__ = "email_outbox"
    __table_args__ = (
        enum_check("status", EMAIL_STATUSES, "status"),
        sa.Index("ix_email_outbox_due", "status", "next_attempt_at"),
    )

    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    kind: so.Mapped[str] = so.mapped_column(sa.String(40))
    recipient: so.Mapped[str] = so.mapped_column(sa.String(254))
    subject: so.Mapped[str] = so.mapped_column(sa.String(300))
    body_text: so.Mapped[str] = so.mapped_column(sa.Text, default="", server_default="")
    body_html: so.Mapped[str] = so.mapped_column(sa.Text, default="", server_default="")
    # Attachments described, not stored: [{"filename", "content_type", "path" | "ics"}].
    attachments: so.Mapped[list] = so.mapped_column(sa.JSON, default=list)
    dedupe_key: so.Mapped[str] = so.mapped_column(sa.String(200), unique=True)
    message_id: so.Mapped[str] = so.mapped_column(sa.String(200))
    status: so.Mapped[str] = so.mapped_column(sa.String(16), default="pending", server_default="pending")
    attempts: so.Mapped[int] = so.mapped_column(default=0, server_default="0")
    last_error: so.Mapped[str | None] = so.mapped_column(sa.Text)
    next_attempt_at: so.Mapped[datetime] = so.mapped_column(UTCDateTime(), default=utcnow)
    claimed_at: so.Mapped[datetime | None] = so.mapped_column(UTCDateTime())
    # Who holds the claim (a Celery task id): a task redelivered after its worker
    # died takes its own rows back at once instead of waiting for the claim to go stale.
    claimed_by: so.Mapped[str | None] = so.mapped_column(sa.String(64))
    sent_at: so.Mapped[datetime | None] = so.mapped_column(UTCDateTime())
    created_at: so.Mapped[datetime] = so.mapped_column(UTCDateTime(), default=utcnow)


class AuditLog(db.Model):
    """Append-only: no route changes a row, and on PostgreSQL (and SQLite databases built by the
    migrations) a trigger refuses UPDATE and DELETE. Users are deactivated, never deleted."""

    __tablename__ = "audit_log"

    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    actor_id: so.Mapped[int | None] = so.mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"), index=True)
    action: so.Mapped[str] = so.mapped_column(sa.String(60), index=True)
    target: so.Mapped[str | None] = so.mapped_column(sa.String(120))
    # The patient whose record the action touched or read, for "who saw my record".
    patient_id: so.Mapped[int | None] = so.mapped_column(index=True)
    ip: so.Mapped[str | None] = so.mapped_column(sa.String(64))
    details: so.Mapped[dict] = so.mapped_column(sa.JSON, default=dict)
    at: so.Mapped[datetime] = so.mapped_column(UTCDateTime(), default=utcnow, index=True)

    actor: so.Mapped["User | None"] = so.relationship(viewonly=True)  # noqa: F821
