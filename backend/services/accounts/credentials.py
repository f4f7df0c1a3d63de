"""Passwords and the sessions they open: hashing, checking, revoking."""
from __future__ import annotations

import base64
import hashlib
import secrets

import sqlalchemy as sa
from flask import current_app

from backend.errors import InvalidInput
from backend.extensions import bcrypt, db
from backend.models import AuthSession, User, utcnow
from backend.services.accounts import throttle

# Hash of a random password, checked when the email is unknown so that the
# answer takes as long as a wrong password (no account enumeration by timing).
_DUMMY_HASH: dict[int, str] = {}


def _prehash(password: str) -> bytes:
    # bcrypt reads at most 72 bytes; a SHA-256 digest lets every allowed
    # password (up to 128 characters of any script) count in full.
    return base64.b64encode(hashlib.sha256(password.encode("utf-8")).digest())


def hash_password(password: str) -> str:
    return bcrypt.generate_password_hash(_prehash(password)).decode("ascii")


def password_matches(password_hash: str, password: str) -> bool:
    return bcrypt.check_password_hash(password_hash, _prehash(password))


def dummy_hash() -> str:
    rounds = current_app.config["BCRYPT_LOG_ROUNDS"]
    if rounds not in _DUMMY_HASH:
        _DUMMY_HASH[rounds] = hash_password(secrets.token_urlsafe(16))
    return _DUMMY_HASH[rounds]


def unusable_password_hash() -> str:
    """For an account nobody can log in to yet (a patient registered at the front desk)."""
    return hash_password(secrets.token_urlsafe(32))


def normalize_email(email: str) -> str:
    return email.strip().lower()


def email_taken(email: str) -> bool:
    return db.session.execute(
        sa.select(User.id).where(User.email == normalize_email(email))
    ).first() is not None


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("ascii", "replace")).hexdigest()


def revoke_all_sessions(user_id: int, *, except_token: str | None = None) -> None:
    """End every session of a user (deactivation, password change or reset). Caller commits."""
    stmt = sa.update(AuthSession).where(AuthSession.user_id == user_id, AuthSession.revoked_at.is_(None))
    if except_token:
        stmt = stmt.where(AuthSession.token_hash != token_hash(except_token))
    db.session.execute(stmt.values(revoked_at=utcnow()))


def check_current_password(user: User, password: str, *, ip: str | None) -> None:
    """For changes a logged-in user makes: a wrong password counts like a failed login."""
    key = throttle.password_key(user.id, ip)
    throttle.check(key)
    if not password_matches(user.password_hash, password):
        throttle.fail(key)
        raise InvalidInput("The current password is not correct.",
                           fields={"current_password": "The current password is not correct."})
    throttle.clear(key)
