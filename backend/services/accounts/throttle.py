"""Failed-attempt throttling for passwords and two-factor codes.

Passwords are counted per (email typed, client address): five failures lock
that pair for LOGIN_LOCKOUT_MINUTES. The key does not depend on whether the
account exists, so a known and an unknown email get the same answers in the
same order (no enumeration oracle), and nobody can lock the admin out from
their own address: the admin's address is another key. Wrong current
passwords on `/auth/password` count under the account and address; wrong
two-factor codes count under the account alone (whoever sends them already
knows the password).
"""
from __future__ import annotations

import hashlib
from datetime import datetime, timedelta

import sqlalchemy as sa
from flask import current_app
from sqlalchemy.exc import IntegrityError

from backend.errors import DomainError
from backend.extensions import db
from backend.messages import Message
from backend.models import LoginThrottle, utcnow


class TooManyAttempts(DomainError):
    status, code = 429, "too_many_attempts"
    message = "Too many attempts. Please wait a few minutes and try again."


def _digest(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8", "replace")).hexdigest()


def login_key(email: str, ip: str | None) -> str:
    return _digest("login", email.strip().lower(), ip or "-")


def password_key(user_id: int, ip: str | None) -> str:
    return _digest("password", str(user_id), ip or "-")


def code_key(user_id: int) -> str:
    return _digest("second-factor", str(user_id))


def _locked(row: LoginThrottle | None, now: datetime) -> int:
    """Seconds left of a lock, or 0."""
    if row is None or row.locked_until is None or row.locked_until <= now:
        return 0
    return max(1, int((row.locked_until - now).total_seconds()))


def check(key: str) -> None:
    """TooManyAttempts (429 with Retry-After) while the key is locked."""
    now = utcnow()
    seconds = _locked(db.session.get(LoginThrottle, key), now)
    if seconds:
        minutes = max(1, (seconds + 59) // 60)
        text = ("Too many attempts. Please try again in 1 minute." if minutes == 1 else
                Message("Too many attempts. Please try again in {minutes} minutes.", minutes=minutes))
        raise TooManyAttempts(text, headers={"Retry-After": str(seconds)})


def fail(key: str) -> bool:
    """Count one failure and commit it (the request will be refused and rolled back). True if now locked."""
    config = current_app.config
    now = utcnow()
    for _attempt in (1, 2):
        updated = db.session.execute(
            sa.update(LoginThrottle).where(LoginThrottle.key == key)
            .values(failures=LoginThrottle.failures + 1, updated_at=now)
            .execution_options(synchronize_session=False)
        ).rowcount
        if updated:
            break
        try:
            with db.session.begin_nested():
                db.session.add(LoginThrottle(key=key, failures=1, updated_at=now))
            break
        except IntegrityError:
            continue  # another request inserted it first: count on its row
    row = db.session.get(LoginThrottle, key, populate_existing=True)
    locked = row is not None and row.failures >= config["LOGIN_MAX_FAILURES"]
    if locked:
        row.failures = 0
        row.locked_until = now + timedelta(minutes=config["LOGIN_LOCKOUT_MINUTES"])
    db.session.commit()
    return locked


def clear(key: str) -> None:
    """A success forgets earlier failures. Caller commits."""
    db.session.execute(sa.delete(LoginThrottle).where(LoginThrottle.key == key))
