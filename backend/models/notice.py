"""What a doctor is told: a booking, cancellation or move on their list."""
from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
import sqlalchemy.orm as so

from backend.extensions import db
from backend.models.base import UTCDateTime, enum_check, utcnow

NOTICE_EVENTS = ("booked", "cancelled", "rescheduled_in", "rescheduled_out", "rescheduled")


class DoctorNotice(db.Model):
    """One change on a doctor's list. Emailed at once or in the daily digest (`emailed_at`),
    and shown on the dashboard as "since your last visit"."""

    __tablename__ = "doctor_notices"
    __table_args__ = (
        enum_check("event", NOTICE_EVENTS, "event"),
        sa.Index("ix_doctor_notices_doctor_at", "doctor_id", "at"),
        sa.Index("ix_doctor_notices_unsent", "emailed_at", "doctor_id"),
    )

    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    doctor_id: so.Mapped[int] = so.mapped_column(sa.ForeignKey("doctors.id", ondelete="CASCADE"))
    appointment_id: so.Mapped[int] = so.mapped_column(sa.ForeignKey("appointments.id", ondelete="CASCADE"))
    event: so.Mapped[str] = so.mapped_column(sa.String(20))
    # What the doctor reads, written when it happened: "Amina Begum, Tue 3 Jun 10:00, cancelled by the clinic".
    summary: so.Mapped[str] = so.mapped_column(sa.String(300))
    at: so.Mapped[datetime] = so.mapped_column(UTCDateTime(), default=utcnow)
    emailed_at: so.Mapped[datetime | None] = so.mapped_column(UTCDateTime())
