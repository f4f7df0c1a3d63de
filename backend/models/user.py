"""Accounts, sessions and the people behind them."""
from __future__ import annotations

from datetime import date, datetime

import sqlalchemy as sa
import sqlalchemy.orm as so
from flask_login import UserMixin

from backend.extensions import db
from backend.models.base import UTCDateTime, enum_check, utcnow

ROLES = ("admin", "doctor", "patient")
SEXES = ("female", "male", "other")


class User(UserMixin, db.Model):
    __tablename__ = "users"
    __table_args__ = (enum_check("role", ROLES, "role"),
                      sa.CheckConstraint("language IS NULL OR language IN ('en', 'bn')", name="language"))

    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    # None for a patient registered at the front desk without an email: no login, no email.
    email: so.Mapped[str | None] = so.mapped_column(sa.String(254), unique=True, index=True)
    password_hash: so.Mapped[str] = so.mapped_column(sa.String(128))
    role: so.Mapped[str] = so.mapped_column(sa.String(16))
    # Staff accounts have no patient or doctor profile: their name lives here.
    full_name: so.Mapped[str | None] = so.mapped_column(sa.String(120))
    is_active: so.Mapped[bool] = so.mapped_column(default=True, server_default=sa.true())
    # No email but the confirmation link goes to an address until it is confirmed.
    email_confirmed_at: so.Mapped[datetime | None] = so.mapped_column(UTCDateTime())
    # Two-factor login (TOTP, RFC 6238): the secret once enrolled, the one being enrolled,
    # and the last time step accepted (a code works once).
    totp_secret: so.Mapped[str | None] = so.mapped_column(sa.String(64))
    totp_pending_secret: so.Mapped[str | None] = so.mapped_column(sa.String(64))
    totp_last_step: so.Mapped[int | None]
    created_at: so.Mapped[datetime] = so.mapped_column(UTCDateTime(), default=utcnow)
    last_login_at: so.Mapped[datetime | None] = so.mapped_column(UTCDateTime())
    # The language the person chose for the app, emails and triage advice; None follows the browser (emails: English).
    language: so.Mapped[str | None] = so.mapped_column(sa.String(8))

    patient: so.Mapped["Patient | None"] = so.relationship(back_populates="user", uselist=False)
    doctor: so.Mapped["Doctor | None"] = so.relationship(back_populates="user", uselist=False)  # noqa: F821

    # Set by the session loader: the token of the session this request runs under.
    session_token = None

    def get_id(self) -> str | None:
        # Flask-Login stores this in the signed cookie. It is a revocable session
        # token, not the user id, so logout and deactivation end the session.
        return self.session_token

    @property
    def display_name(self) -> str:
        if self.patient is not None:
            return self.patient.full_name
        if self.doctor is not None:
            return self.doctor.full_name
        if self.full_name:
            return self.full_name
        return (self.email or "").split("@")[0] or f"User {self.id}"

    @property
    def can_receive_email(self) -> bool:
        """Only a confirmed address gets mail (the confirmation link itself excepted)."""
        return bool(self.email) and self.email_confirmed_at is not None and self.is_active

    @property
    def two_factor_enabled(self) -> bool:
        return self.totp_secret is not None


class AuthSession(db.Model):
    """One logged-in browser. Revoked on logout, password change or deactivation."""

    __tablename__ = "auth_sessions"

    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    user_id: so.Mapped[int] = so.mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"), index=True)
    token_hash: so.Mapped[str] = so.mapped_column(sa.String(64), unique=True)
    created_at: so.Mapped[datetime] = so.mapped_column(UTCDateTime(), default=utcnow)
    last_seen_at: so.Mapped[datetime] = so.mapped_column(UTCDateTime(), default=utcnow)
    revoked_at: so.Mapped[datetime | None] = so.mapped_column(UTCDateTime())
    ip: so.Mapped[str | None] = so.mapped_column(sa.String(64))
    user_agent: so.Mapped[str | None] = so.mapped_column(sa.String(256))

    user: so.Mapped[User] = so.relationship()


class Patient(db.Model):
    __tablename__ = "patients"
    __table_args__ = (enum_check("sex", SEXES, "sex"),)

    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    user_id: so.Mapped[int] = so.mapped_column(sa.ForeignKey("users.id", ondelete="RESTRICT"), unique=True)
    full_name: so.Mapped[str] = so.mapped_column(sa.String(120), index=True)
    date_of_birth: so.Mapped[date | None] = so.mapped_column(sa.Date)
    sex: so.Mapped[str | None] = so.mapped_column(sa.String(16))
    phone: so.Mapped[str | None] = so.mapped_column(sa.String(32))
    allergies: so.Mapped[str] = so.mapped_column(sa.Text, default="", server_default="")
    conditions: so.Mapped[str] = so.mapped_column(sa.Text, default="", server_default="")
    medications: so.Mapped[str] = so.mapped_column(sa.Text, default="", server_default="")
    email_opt_in: so.Mapped[bool] = so.mapped_column(default=True, server_default=sa.true())
    # Day-before reminders are optional; same-day reminders are always sent.
    remind_day_before: so.Mapped[bool] = so.mapped_column(default=True, server_default=sa.true())
    created_at: so.Mapped[datetime] = so.mapped_column(UTCDateTime(), default=utcnow)

    user: so.Mapped[User] = so.relationship(back_populates="patient")
