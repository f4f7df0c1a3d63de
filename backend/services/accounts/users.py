"""Accounts: registration, password checks, login sessions and their revocation."""
from __future__ import annotations

import base64
import hashlib
import secrets
from datetime import datetime, timedelta

import sqlalchemy as sa
from flask import current_app

from backend.errors import Conflict, DomainError, InvalidInput, NotAuthenticated, NotFound, commit_or_conflict
from backend.extensions import bcrypt, db
from backend.models import AuthSession, Patient, User, utcnow
from backend.services import audit

INVALID_LOGIN = "The email or password is not correct."
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


def _dummy_hash() -> str:
    rounds = current_app.config["BCRYPT_LOG_ROUNDS"]
    if rounds not in _DUMMY_HASH:
        _DUMMY_HASH[rounds] = hash_password(secrets.token_urlsafe(16))
    return _DUMMY_HASH[rounds]


def normalize_email(email: str) -> str:
    return email.strip().lower()


def email_taken(email: str) -> bool:
    return db.session.execute(
        sa.select(User.id).where(User.email == normalize_email(email))
    ).first() is not None


def create_user(email: str, password: str, role: str) -> User:
    """Add a user to the session. The caller's transaction decides when it lands."""
    if email_taken(email):
        raise Conflict("An account with this email already exists.", code="email_taken",
                       fields={"email": "This email is already registered."})
    user = User(email=normalize_email(email), password_hash=hash_password(password), role=role)
    db.session.add(user)
    return user


def register_patient(*, email: str, password: str, full_name: str, date_of_birth=None,
                     sex: str | None = None, phone: str | None = None, ip: str | None = None) -> User:
    user = create_user(email, password, "patient")
    user.patient = Patient(full_name=full_name, date_of_birth=date_of_birth, sex=sex, phone=phone)
    commit_or_conflict(flush=True)
    audit.record("user.register", actor_id=user.id, target=f"user:{user.id}", ip=ip)
    commit_or_conflict()
    return user


def authenticate(email: str, password: str, *, ip: str | None = None) -> User:
    """The active user with these credentials, or NotAuthenticated with one message for every cause."""
    user = db.session.execute(
        sa.select(User).where(User.email == normalize_email(email))
    ).scalar_one_or_none()
    if user is None:
        password_matches(_dummy_hash(), password)
        raise NotAuthenticated(INVALID_LOGIN, code="invalid_credentials")
    now = utcnow()
    if user.locked_until and user.locked_until > now:
        password_matches(_dummy_hash(), password)
        raise DomainError(
            "Too many failed attempts. Try again later.", code="account_locked", status=429,
            headers={"Retry-After": str(max(1, int((user.locked_until - now).total_seconds())))},
        )
    if not password_matches(user.password_hash, password) or not user.is_active:
        _count_failure(user, now, ip)
        raise NotAuthenticated(INVALID_LOGIN, code="invalid_credentials")
    user.failed_logins = 0
    user.locked_until = None
    user.last_login_at = now
    return user


def _count_failure(user: User, now: datetime, ip: str | None) -> None:
    config = current_app.config
    user.failed_logins += 1
    if user.failed_logins >= config["LOGIN_MAX_FAILURES"]:
        user.locked_until = now + timedelta(minutes=config["LOGIN_LOCKOUT_MINUTES"])
        user.failed_logins = 0
        audit.record("user.locked", actor_id=None, target=f"user:{user.id}", ip=ip)
    db.session.commit()


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("ascii", "replace")).hexdigest()


def start_session(user: User, *, ip: str | None, user_agent: str | None) -> str:
    """Create a revocable login session and return its token (stored in the signed cookie)."""
    token = secrets.token_urlsafe(32)
    db.session.add(AuthSession(user_id=user.id, token_hash=_token_hash(token), ip=ip,
                               user_agent=(user_agent or "")[:256]))
    audit.record("user.login", actor_id=user.id, target=f"user:{user.id}", ip=ip)
    db.session.commit()
    user.session_token = token
    return token


def user_for_session(token: str) -> User | None:
    """The user behind a live session token; None once revoked or deactivated."""
    if not token or len(token) > 128:
        return None
    row = db.session.execute(
        sa.select(AuthSession, User)
        .join(User, User.id == AuthSession.user_id)
        .where(AuthSession.token_hash == _token_hash(token), AuthSession.revoked_at.is_(None),
               User.is_active.is_(True))
    ).first()
    if row is None:
        return None
    _session, user = row
    user.session_token = token
    return user


def end_session(token: str | None) -> None:
    if not token:
        return
    db.session.execute(
        sa.update(AuthSession).where(AuthSession.token_hash == _token_hash(token),
                                     AuthSession.revoked_at.is_(None)).values(revoked_at=utcnow())
    )
    db.session.commit()


def revoke_all_sessions(user_id: int, *, except_token: str | None = None) -> None:
    """End every session of a user (deactivation, password change). Caller commits."""
    stmt = sa.update(AuthSession).where(AuthSession.user_id == user_id, AuthSession.revoked_at.is_(None))
    if except_token:
        stmt = stmt.where(AuthSession.token_hash != _token_hash(except_token))
    db.session.execute(stmt.values(revoked_at=utcnow()))


def change_password(user: User, current_password: str, new_password: str, *, ip: str | None) -> None:
    if not password_matches(user.password_hash, current_password):
        raise InvalidInput("The current password is not correct.",
                           fields={"current_password": "The current password is not correct."})
    user.password_hash = hash_password(new_password)
    revoke_all_sessions(user.id, except_token=user.session_token)
    audit.record("user.password_change", actor_id=user.id, target=f"user:{user.id}", ip=ip)
    db.session.commit()


def set_user_active(user_id: int, active: bool, *, actor_id: int, ip: str | None = None) -> User:
    user = db.session.get(User, user_id)
    if user is None:
        raise NotFound("No such user.")
    if user.id == actor_id and not active:
        raise Conflict("You cannot deactivate your own account.", code="cannot_deactivate_self")
    user.is_active = active
    if user.doctor is not None:
        user.doctor.is_active = active
    if not active:
        revoke_all_sessions(user.id)
    audit.record("user.activate" if active else "user.deactivate", actor_id=actor_id,
                 target=f"user:{user.id}", ip=ip)
    db.session.commit()
    return user


def serialize_user(user: User) -> dict:
    return {"id": user.id, "email": user.email, "role": user.role, "full_name": user.display_name,
            "is_active": user.is_active}
