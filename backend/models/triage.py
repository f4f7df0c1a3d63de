"""Symptom assessments."""
from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
import sqlalchemy.orm as so

from backend.extensions import db
from backend.models.base import UTCDateTime, enum_check, utcnow

TRIAGE_STATUSES = ("queued", "running", "done", "failed")
URGENCIES = ("emergency", "urgent", "routine", "self_care")


class TriageAssessment(db.Model):
    __tablename__ = "triage_assessments"
    __table_args__ = (
        enum_check("status", TRIAGE_STATUSES, "status"),
        sa.CheckConstraint(
            "urgency IS NULL OR urgency IN ('emergency', 'urgent', 'routine', 'self_care')", name="urgency"
        ),
        sa.Index("ix_triage_assessments_patient_created", "patient_id", "created_at"),
        sa.Index("ix_triage_assessments_status", "status", "created_at"),
        # An entry made offline is sent again until an answer arrives: one assessment per client key.
        sa.UniqueConstraint("patient_id", "client_id", name="uq_triage_assessments_client_id"),
    )

    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    patient_id: so.Mapped[int] = so.mapped_column(sa.ForeignKey("patients.id", ondelete="CASCADE"))
    symptoms: so.Mapped[str] = so.mapped_column(sa.Text)
    client_id: so.Mapped[str | None] = so.mapped_column(sa.String(64))
    # An optional photo (a rash, a wound): a file outside the web root, named at random, EXIF removed.
    photo_name: so.Mapped[str | None] = so.mapped_column(sa.String(80))
    photo_type: so.Mapped[str | None] = so.mapped_column(sa.String(32))
    photo_size: so.Mapped[int | None]
    age_years: so.Mapped[int | None]
    share_history: so.Mapped[bool] = so.mapped_column(default=False, server_default=sa.false())
    status: so.Mapped[str] = so.mapped_column(sa.String(16), default="queued", server_default="queued")
    urgency: so.Mapped[str | None] = so.mapped_column(sa.String(16))
    specialization_id: so.Mapped[int | None] = so.mapped_column(
        sa.ForeignKey("specializations.id", ondelete="SET NULL")
    )
    specialization_name: so.Mapped[str | None] = so.mapped_column(sa.String(80))
    red_flags: so.Mapped[list] = so.mapped_column(sa.JSON, default=list)
    advice: so.Mapped[str | None] = so.mapped_column(sa.Text)
    rationale: so.Mapped[list] = so.mapped_column(sa.JSON, default=list)
    provider: so.Mapped[str | None] = so.mapped_column(sa.String(32))
    model: so.Mapped[str | None] = so.mapped_column(sa.String(120))
    fallback_reason: so.Mapped[str | None] = so.mapped_column(sa.Text)
    latency_ms: so.Mapped[int | None]
    error: so.Mapped[str | None] = so.mapped_column(sa.Text)
    # The interview: what was read and considered, the questions asked and the patient's answers.
    understood: so.Mapped[bool | None]
    findings: so.Mapped[list | None] = so.mapped_column(sa.JSON)
    conditions: so.Mapped[list | None] = so.mapped_column(sa.JSON)
    questions: so.Mapped[list | None] = so.mapped_column(sa.JSON)
    answers: so.Mapped[dict | None] = so.mapped_column(sa.JSON)
    first_answer: so.Mapped[dict | None] = so.mapped_column(sa.JSON)  # the answer before any question was answered
    answered_at: so.Mapped[datetime | None] = so.mapped_column(UTCDateTime())
    attempts: so.Mapped[int] = so.mapped_column(default=0, server_default="0")
    created_at: so.Mapped[datetime] = so.mapped_column(UTCDateTime(), default=utcnow)
    started_at: so.Mapped[datetime | None] = so.mapped_column(UTCDateTime())
    completed_at: so.Mapped[datetime | None] = so.mapped_column(UTCDateTime())

    patient: so.Mapped["Patient"] = so.relationship()  # noqa: F821
    specialization: so.Mapped["Specialization | None"] = so.relationship()  # noqa: F821
