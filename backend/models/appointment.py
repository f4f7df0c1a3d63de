"""Appointments and the treatments recorded for them."""
from __future__ import annotations

from datetime import date, datetime, time

import sqlalchemy as sa
import sqlalchemy.orm as so

from backend.extensions import db
from backend.models.base import UTCDateTime, enum_check, utcnow

APPOINTMENT_STATUSES = ("booked", "completed", "cancelled", "no_show")

_BOOKED = sa.text("status = 'booked'")


class Appointment(db.Model):
    __tablename__ = "appointments"
    __table_args__ = (
        enum_check("status", APPOINTMENT_STATUSES, "status"),
        # The database, not only the code, guarantees one booked appointment per slot.
        sa.Index(
            "uq_appointments_booked_slot", "slot_id", unique=True,
            sqlite_where=_BOOKED, postgresql_where=_BOOKED,
        ),
        sa.Index("ix_appointments_doctor_date", "doctor_id", "date", "start_time"),
        sa.Index("ix_appointments_patient_status", "patient_id", "status", "date"),
        sa.Index("ix_appointments_date_status", "date", "status"),
    )

    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    patient_id: so.Mapped[int] = so.mapped_column(sa.ForeignKey("patients.id", ondelete="RESTRICT"))
    doctor_id: so.Mapped[int] = so.mapped_column(sa.ForeignKey("doctors.id", ondelete="RESTRICT"))
    slot_id: so.Mapped[int | None] = so.mapped_column(
        sa.ForeignKey("doctor_availability.id", ondelete="SET NULL")
    )
    date: so.Mapped[date] = so.mapped_column(sa.Date)
    start_time: so.Mapped[time] = so.mapped_column(sa.Time)
    end_time: so.Mapped[time] = so.mapped_column(sa.Time)
    status: so.Mapped[str] = so.mapped_column(sa.String(16), default="booked", server_default="booked")
    reason: so.Mapped[str] = so.mapped_column(sa.Text, default="", server_default="")
    triage_id: so.Mapped[int | None] = so.mapped_column(
        sa.ForeignKey("triage_assessments.id", ondelete="SET NULL"), index=True
    )
    cancel_reason: so.Mapped[str | None] = so.mapped_column(sa.Text)
    cancelled_at: so.Mapped[datetime | None] = so.mapped_column(UTCDateTime())
    # Set by the hourly job when the appointment is over and still has no outcome.
    outcome_due_at: so.Mapped[datetime | None] = so.mapped_column(UTCDateTime())
    created_at: so.Mapped[datetime] = so.mapped_column(UTCDateTime(), default=utcnow)
    updated_at: so.Mapped[datetime] = so.mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)

    patient: so.Mapped["Patient"] = so.relationship()  # noqa: F821
    doctor: so.Mapped["Doctor"] = so.relationship()  # noqa: F821
    slot: so.Mapped["DoctorAvailability | None"] = so.relationship()  # noqa: F821
    triage: so.Mapped["TriageAssessment | None"] = so.relationship()  # noqa: F821
    treatment: so.Mapped["Treatment | None"] = so.relationship(back_populates="appointment", uselist=False)


class Treatment(db.Model):
    __tablename__ = "treatments"

    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    appointment_id: so.Mapped[int] = so.mapped_column(
        sa.ForeignKey("appointments.id", ondelete="RESTRICT"), unique=True
    )
    diagnosis: so.Mapped[str] = so.mapped_column(sa.Text)
    prescription: so.Mapped[str] = so.mapped_column(sa.Text, default="", server_default="")
    notes: so.Mapped[str] = so.mapped_column(sa.Text, default="", server_default="")
    follow_up_date: so.Mapped[date | None] = so.mapped_column(sa.Date)
    created_at: so.Mapped[datetime] = so.mapped_column(UTCDateTime(), default=utcnow)

    appointment: so.Mapped[Appointment] = so.relationship(back_populates="treatment")
