"""Accounts: registration, password checks, login sessions and their revocation."""
from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa

from backend.errors import Conflict, DomainError, NotAuthenticated, NotFound, commit_or_conflict
from backend.extensions import db
from backend.models import AuthSession, Patient, User, utcnow
from backend.services import audit
from backend.services.accounts import links, throttle, two_factor
from backend.services.accounts.credentials import (  # noqa: F401 - re-exported: the accounts API
    check_current_password,
    dummy_hash,
    email_taken,
    hash_password,
    normalize_email,
    password_matches,
    revoke_all_sessions,
    unusable_password_hash,
)
from backend.services.email import outbox

INVALID_LOGIN = "The email or password is not correct."
DEACTIVATED = "This account has been deactivated. Please contact the clinic."


def create_user(email: str, password: str, role: str) -> User:
    """Add a user to the session. The caller's transaction decides when it lands."""
    if email_taken(email):
        raise Conflict("An account with this email already exists.", code="email_taken",
                       fields={"email": "This email is already registered."})
    user = User(email=normalize_email(email), password_hash=hash_password(password), role=role)
    db.session.add(user)
    return user


def register_patient(*, email: str, password: str, full_name: str, date_of_birth=None,
                     sex: str | None = None, phone: str | None = None, language: str | None = None,
                     ip: str | None = None) -> User:
    """A patient's own registration. Their address gets a confirmation link and nothing else until it is confirmed.

    `language` is the app's language they signed up in: the confirmation email is already written in it.
    """
    user = create_user(email, password, "patient")
    user.language = language
    user.patient = Patient(full_name=full_name, date_of_birth=date_of_birth, sex=sex, phone=phone)
    commit_or_conflict(flush=True)
    audit.record("user.register", actor_id=user.id, target=f"user:{user.id}", ip=ip, patient_id=user.patient.id)
    links.queue_confirmation(user)
    commit_or_conflict()
    outbox.send_queued_now()
    return user


def register_patient_at_desk(*, full_name: str, date_of_birth: date, sex: str | None, phone: str | None,
                             email: str | None, actor_id: int, ip: str | None = None) -> Patient:
    """A walk-in or phone patient registered by staff. Without an email they get no email and no login
    until one is added; with one, it gets a confirmation link (that link, or a reset link, lets them in)."""
    if email and email_taken(email):
        raise Conflict("An account with this email already exists.", code="email_taken",
                       fields={"email": "This email is already registered."})
    user = User(email=normalize_email(email) if email else None, password_hash=unusable_password_hash(),
                role="patient")
    user.patient = Patient(full_name=full_name, date_of_birth=date_of_birth, sex=sex, phone=phone)
    db.session.add(user)
    commit_or_conflict(flush=True)
    audit.record("patient.register_at_desk", actor_id=actor_id, target=f"patient:{user.patient.id}", ip=ip,
                 patient_id=user.patient.id, with_email=bool(email))
    links.queue_confirmation(user)
    commit_or_conflict()
    outbox.send_queued_now()
    return user.patient


@dataclass(frozen=True)
class LoginStep:
    """A password accepted: `token` is the new session, or None while the second factor is pending."""

    user: User
    token: str | None


def log_in(email: str, password: str, *, ip: str | None, user_agent: str | None) -> LoginStep:
    user = authenticate(email, password, ip=ip)
    if user.two_factor_enabled:
        return LoginStep(user, None)
    return LoginStep(user, start_session(user, ip=ip, user_agent=user_agent))


def log_in_second_factor(user_id: int, *, code: str | None, recovery_code: str | None, ip: str | None,
                         user_agent: str | None) -> User:
    """The second step of a login whose password was right: a current code or an unused recovery code."""
    user = db.session.get(User, user_id)
    if user is None or not user.is_active or not user.two_factor_enabled:
        raise NotAuthenticated("Please log in again.", code="login_expired")
    two_factor.verify(user, code=code, recovery_code=recovery_code, ip=ip)
    start_session(user, ip=ip, user_agent=user_agent)
    return user


def authenticate(email: str, password: str, *, ip: str | None = None) -> User:
    """The active user with these credentials, or NotAuthenticated with one message for every cause.

    Failures are throttled per (email typed, address) whether the account exists
    or not; the answers are the same. A deactivated account is named as such
    only after its correct password.
    """
    key = throttle.login_key(email, ip)
    try:
        throttle.check(key)
    except throttle.TooManyAttempts:
        password_matches(dummy_hash(), password)  # the same time as any other answer
        raise
    user = db.session.execute(
        sa.select(User).where(User.email == normalize_email(email))
    ).scalar_one_or_none()
    matches = password_matches(user.password_hash if user is not None else dummy_hash(), password)
    if user is None or not matches:
        throttle.fail(key)
        audit.record_now("user.login_failed", actor_id=None, target=f"email:{normalize_email(email)[:110]}", ip=ip)
        raise NotAuthenticated(INVALID_LOGIN, code="invalid_credentials")
    if not user.is_active:
        audit.record_now("user.login_refused_inactive", actor_id=None, target=f"user:{user.id}", ip=ip)
        raise DomainError(DEACTIVATED, code="account_deactivated", status=403)
    throttle.clear(key)
    user.last_login_at = utcnow()
    return user


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


def change_password(user: User, current_password: str, new_password: str, *, ip: str | None) -> None:
    check_current_password(user, current_password, ip=ip)
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
            "is_active": user.is_active, "email_confirmed": user.email_confirmed_at is not None,
            "two_factor_enabled": user.two_factor_enabled,
            "two_factor_required": two_factor.required_for(user), "language": user.language}


def set_language(user: User, language: str) -> User:
    """Save the person's language on their account: the app, their emails and triage advice follow it."""
    user.language = language
    db.session.commit()
    return user
