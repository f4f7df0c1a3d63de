"""Account security records: single-use links, two-factor recovery codes and login throttles."""
from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
import sqlalchemy.orm as so

from backend.extensions import db
from backend.models.base import UTCDateTime, enum_check, utcnow

TOKEN_PURPOSES = ("password_reset", "email_confirm", "email_change")


class AccountToken(db.Model):
    """A link sent by email. Only its SHA-256 is stored; it works once and until `expires_at`."""

    __tablename__ = "account_tokens"
    __table_args__ = (enum_check("purpose", TOKEN_PURPOSES, "purpose"),)

    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    user_id: so.Mapped[int] = so.mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"), index=True)
    purpose: so.Mapped[str] = so.mapped_column(sa.String(20))
    token_hash: so.Mapped[str] = so.mapped_column(sa.String(64), unique=True)
    # For an email change: the address the link was sent to, which becomes the account's on use.
    new_email: so.Mapped[str | None] = so.mapped_column(sa.String(254))
    expires_at: so.Mapped[datetime] = so.mapped_column(UTCDateTime())
    used_at: so.Mapped[datetime | None] = so.mapped_column(UTCDateTime())
    created_at: so.Mapped[datetime] = so.mapped_column(UTCDateTime(), default=utcnow)


class RecoveryCode(db.Model):
    """One of a user's ten two-factor recovery codes, stored as its SHA-256; each works once."""

    __tablename__ = "recovery_codes"
    __table_args__ = (sa.UniqueConstraint("user_id", "code_hash", name="uq_recovery_codes_user_code"),)

    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    user_id: so.Mapped[int] = so.mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"), index=True)
    code_hash: so.Mapped[str] = so.mapped_column(sa.String(64))
    used_at: so.Mapped[datetime | None] = so.mapped_column(UTCDateTime())
    created_at: so.Mapped[datetime] = so.mapped_column(UTCDateTime(), default=utcnow)


class LoginThrottle(db.Model):
    """Failed attempts per key: (email typed, client address) for passwords, the account for codes.

    The key never says whether an account exists, so a known and an unknown
    email are throttled, and answered, alike.
    """

    __tablename__ = "login_throttles"

    key: so.Mapped[str] = so.mapped_column(sa.String(64), primary_key=True)
    failures: so.Mapped[int] = so.mapped_column(default=0, server_default="0")
    locked_until: so.Mapped[datetime | None] = so.mapped_column(UTCDateTime())
    updated_at: so.Mapped[datetime] = so.mapped_column(UTCDateTime(), default=utcnow)
