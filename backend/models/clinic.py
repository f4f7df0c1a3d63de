"""Specializations, doctors, their weekly templates and concrete slots."""
from __future__ import annotations

import unicodedata
from datetime import date, datetime, time
from decimal import Decimal

import sqlalchemy as sa
import sqlalchemy.orm as so

from backend.extensions import db
from backend.models.base import UTCDateTime, utcnow


def name_key(name: str) -> str:
    """How two names compare: Unicode-normalized, case-folded, inner spaces collapsed ("Ärzte" == "ärzte ")."""
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())


class Specialization(db.Model):
    __tablename__ = "specializations"

    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    name: so.Mapped[str] = so.mapped_column(sa.String(80), unique=True)
    # The database's unique index on this key is what keeps names distinct, in any
    # script: SQLite's lower() and NOCASE fold ASCII letters only.
    name_key: so.Mapped[str] = so.mapped_column(sa.String(80), unique=True)
    description: so.Mapped[str] = so.mapped_column(sa.Text, default="", server_default="")
    created_at: so.Mapped[datetime] = so.mapped_column(UTCDateTime(), default=utcnow)

    @so.validates("name")
    def _keep_name_key(self, _key: str, value: str) -> str:
        self.name_key = name_key(value)
        return value


class Doctor(db.Model):
    __tablename__ = "doctors"
    __table_args__ = (
        sa.CheckConstraint("experience_years >= 0 AND experience_years <= 80", name="experience_years"),
        sa.CheckConstraint("fee >= 0", name="fee"),
        sa.CheckConstraint("slot_minutes >= 5 AND slot_minutes <= 240", name="slot_minutes"),
        sa.CheckConstraint("notify_mode IN ('instant', 'digest')", name="notify_mode"),
    )

    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    user_id: so.Mapped[int] = so.mapped_column(sa.ForeignKey("users.id", ondelete="RESTRICT"), unique=True)
    full_name: so.Mapped[str] = so.mapped_column(sa.String(120), index=True)
    specialization_id: so.Mapped[int] = so.mapped_column(
        sa.ForeignKey("specializations.id", ondelete="RESTRICT"), index=True
    )
    qualification: so.Mapped[str] = so.mapped_column(sa.String(200), default="", server_default="")
    experience_years: so.Mapped[int] = so.mapped_column(default=0, server_default="0")
    fee: so.Mapped[Decimal] = so.mapped_column(sa.Numeric(10, 2), default=Decimal("0"), server_default="0")
    bio: so.Mapped[str] = so.mapped_column(sa.Text, default="", server_default="")
    is_active: so.Mapped[bool] = so.mapped_column(default=True, server_default=sa.true())
    slot_minutes: so.Mapped[int] = so.mapped_column(default=20, server_default="20")
    # How the doctor hears of bookings, cancellations and moves: one email each, or a daily digest.
    notify_mode: so.Mapped[str] = so.mapped_column(sa.String(16), default="instant", server_default="instant")
    # When the doctor last looked at "changes since your last visit".
    changes_seen_at: so.Mapped[datetime | None] = so.mapped_column(UTCDateTime())
    created_at: so.Mapped[datetime] = so.mapped_column(UTCDateTime(), default=utcnow)

    user: so.Mapped["User"] = so.relationship(back_populates="doctor")  # noqa: F821
    specialization: so.Mapped[Specialization] = so.relationship()
    schedules: so.Mapped[list["DoctorSchedule"]] = so.relationship(
        back_populates="doctor", cascade="all, delete-orphan", order_by="(DoctorSchedule.weekday, DoctorSchedule.start_time)"
    )


class DoctorSchedule(db.Model):
    """The weekly template: weekday 0 = Monday."""

    __tablename__ = "doctor_schedules"
    __table_args__ = (
        sa.CheckConstraint("weekday >= 0 AND weekday <= 6", name="weekday"),
        sa.CheckConstraint("start_time < end_time", name="start_before_end"),
        sa.UniqueConstraint("doctor_id", "weekday", "start_time", name="uq_doctor_schedules_block"),
    )

    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    doctor_id: so.Mapped[int] = so.mapped_column(sa.ForeignKey("doctors.id", ondelete="CASCADE"), index=True)
    weekday: so.Mapped[int]
    start_time: so.Mapped[time] = so.mapped_column(sa.Time)
    end_time: so.Mapped[time] = so.mapped_column(sa.Time)

    doctor: so.Mapped[Doctor] = so.relationship(back_populates="schedules")


class DoctorAvailability(db.Model):
    """A concrete bookable slot, in clinic-local date and time."""

    __tablename__ = "doctor_availability"
    __table_args__ = (
        sa.UniqueConstraint("doctor_id", "date", "start_time", name="uq_doctor_availability_slot"),
        sa.CheckConstraint("start_time < end_time", name="start_before_end"),
        sa.Index("ix_doctor_availability_free", "doctor_id", "is_booked", "date", "start_time"),
        sa.Index("ix_doctor_availability_date", "date", "is_booked"),
    )

    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    doctor_id: so.Mapped[int] = so.mapped_column(sa.ForeignKey("doctors.id", ondelete="CASCADE"))
    date: so.Mapped[date] = so.mapped_column(sa.Date)
    start_time: so.Mapped[time] = so.mapped_column(sa.Time)
    end_time: so.Mapped[time] = so.mapped_column(sa.Time)
    is_booked: so.Mapped[bool] = so.mapped_column(default=False, server_default=sa.false())
    created_at: so.Mapped[datetime] = so.mapped_column(UTCDateTime(), default=utcnow)

    doctor: so.Mapped[Doctor] = so.relationship()
