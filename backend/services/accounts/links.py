"""Links sent by email: password reset, email confirmation and email change.

A link carries a random token; only its SHA-256 is stored, so a copy of the
database does not hold usable links. A token works once (an atomic UPDATE
claims it) and until it expires. Asking for a reset answers the same whether
the email exists or not; using one ends every session of the account.

An address gets no email but its confirmation link until it is confirmed
(`User.email_confirmed_at`). A reset link also confirms the address it was
sent to: opening it proves the mailbox is the user's.

Each email is in the language the user chose (templates/email/account_link.*
and email/bn/account_link.*). A desk invitation goes to someone who has not
chosen yet: it is in the language of the staff member who sent it, the one
who spoke with the patient, unless the patient's record already has one.
"""
from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

import sqlalchemy as sa
from flask import current_app, render_template

from backend.errors import Conflict, DomainError, InvalidInput, NotFound, commit_or_conflict
from backend.extensions import db
from backend.models import AccountToken, Patient, User, utcnow
from backend.services import audit
from backend.services.accounts import throttle
from backend.services.accounts.credentials import (
    check_current_password,
    email_taken,
    hash_password,
    normalize_email,
    revoke_all_sessions,
)
from backend.services.email import language as i18n
from backend.services.email import outbox


class InvalidToken(DomainError):
    status, code = 400, "invalid_token"
    message = "This link is no longer valid. It may have been used already or expired; ask for a new one."


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode("ascii", "replace")).hexdigest()


def _issue(user: User, purpose: str, lifetime: timedelta, *, new_email: str | None = None) -> str:
    """A new token for this purpose; earlier unused ones of the same purpose stop working. Caller commits."""
    now = utcnow()
    db.session.execute(
        sa.update(AccountToken)
        .where(AccountToken.user_id == user.id, AccountToken.purpose == purpose, AccountToken.used_at.is_(None))
        .values(used_at=now).execution_options(synchronize_session=False))
    token = secrets.token_urlsafe(32)
    db.session.add(AccountToken(user_id=user.id, purpose=purpose, token_hash=_hash(token), new_email=new_email,
                                expires_at=now + lifetime))
    return token


def _consume(token: str, purpose: str) -> AccountToken:
    """Claim a live token once (concurrent uses: one wins). InvalidToken otherwise."""
    if not token or len(token) > 200:
        raise InvalidToken()
    now = utcnow()
    claimed = db.session.execute(
        sa.update(AccountToken)
        .where(AccountToken.token_hash == _hash(token), AccountToken.purpose == purpose,
               AccountToken.used_at.is_(None), AccountToken.expires_at > now)
        .values(used_at=now).execution_options(synchronize_session=False)
    ).rowcount
    if claimed != 1:
        raise InvalidToken()
    return db.session.execute(sa.select(AccountToken).where(AccountToken.token_hash == _hash(token))).scalar_one()


def _link(path: str, token: str) -> str:
    return f"{current_app.config['PUBLIC_URL'].rstrip('/')}/#/{path}?token={token}"


def _queue_link_email(*, kind: str, recipient: str, language: str, name: str, link: str, key: str,
                      minutes: int | None = None, hours: int | None = None) -> None:
    """The email with a link of this kind; its words (which depend on the kind) are in the templates."""
    clinic = current_app.config["CLINIC_NAME"]
    subject = i18n.subject(kind, language, clinic=clinic)
    context = {"clinic_name": clinic, "subject": subject, "name": name, "kind": kind, "link": link, "lang": language,
               "minutes": None if minutes is None else i18n.number(minutes, language),
               "hours": None if hours is None else i18n.number(hours, language)}
    outbox.queue_email(kind=kind, recipient=recipient, subject=subject, dedupe_key=key,
                       body_text=render_template(i18n.template("account_link.txt", language), **context),
                       body_html=render_template(i18n.template("account_link.html", language), **context))


# ---- password reset ----------------------------------------------------------

def _queue_reset(user: User) -> None:
    minutes = current_app.config["PASSWORD_RESET_MINUTES"]
    token = _issue(user, "password_reset", timedelta(minutes=minutes))
    _queue_link_email(
        kind="password_reset", recipient=user.email, language=i18n.language_of(user), name=user.display_name,
        link=_link("reset-password", token), minutes=minutes, key=f"password-reset:{_hash(token)}")


def request_password_reset(email: str, *, ip: str | None = None) -> None:
    """Email a reset link if an active account has this address. Says nothing either way."""
    user = db.session.execute(sa.select(User).where(User.email == email.strip().lower())).scalar_one_or_none()
    if user is None or not user.is_active:
        audit.record_now("user.password_reset_request_unknown", actor_id=None, target=None, ip=ip)
        return
    _queue_reset(user)
    audit.record("user.password_reset_request", actor_id=None, target=f"user:{user.id}", ip=ip)
    db.session.commit()
    outbox.send_queued_now()


def send_reset_by_admin(user_id: int, *, actor_id: int, ip: str | None = None) -> User:
    user = db.session.get(User, user_id)
    if user is None:
        raise NotFound("No such user.")
    if not user.email:
        raise Conflict("This person has no email address. Add one first.", code="no_email")
    if not user.is_active:
        raise Conflict("This account is deactivated. Reactivate it first.", code="user_inactive")
    _queue_reset(user)
    audit.record("user.password_reset_sent", actor_id=actor_id, target=f"user:{user.id}", ip=ip,
                 patient_id=user.patient.id if user.patient else None)
    db.session.commit()
    outbox.send_queued_now()
    return user


def give_login(patient_id: int, email: str, *, actor_id: int, ip: str | None = None) -> Patient:
    """Add an email to a patient registered at the desk without one, and send a link to choose a password.

    The link is a reset link that lives as long as a confirmation link (a first login is not urgent, and the
    patient may read their email days later); opening it sets the password and confirms the address.
    """
    patient = db.session.get(Patient, patient_id)
    if patient is None:
        raise NotFound("No such patient.")
    user = patient.user
    if user.email:
        raise Conflict("This patient already has a login. Send them a password reset link instead.",
                       code="has_login")
    if not user.is_active:
        raise Conflict("This account is deactivated. Reactivate it first.", code="user_inactive")
    email = normalize_email(email)
    if email_taken(email):
        raise Conflict("An account with this email already exists.", code="email_taken",
                       fields={"email": "This email is already registered."})
    user.email = email
    user.email_confirmed_at = None
    commit_or_conflict(flush=True)
    hours = current_app.config["EMAIL_CONFIRM_HOURS"]
    token = _issue(user, "password_reset", timedelta(hours=hours))
    # The patient has not chosen a language yet (unless their record says): the desk's is the best guess.
    language = i18n.language_of(user, fallback=i18n.language_of(db.session.get(User, actor_id)))
    _queue_link_email(
        kind="account_invite", recipient=email, language=language, name=user.display_name,
        link=_link("reset-password", token), hours=hours, key=f"account-invite:{_hash(token)}")
    audit.record("patient.login_added", actor_id=actor_id, target=f"user:{user.id}", ip=ip, patient_id=patient.id)
    commit_or_conflict()
    outbox.send_queued_now()
    return patient


def reset_password(token: str, new_password: str, *, ip: str | None = None) -> User:
    """Set a new password from a reset link: once, before it expires; every session of the account ends."""
    row = _consume(token, "password_reset")
    user = db.session.get(User, row.user_id)
    if user is None or not user.is_active:
        raise InvalidToken()
    user.password_hash = hash_password(new_password)
    if user.email_confirmed_at is None:
        user.email_confirmed_at = utcnow()
    revoke_all_sessions(user.id)
    throttle.clear(throttle.code_key(user.id))
    audit.record("user.password_reset", actor_id=user.id, target=f"user:{user.id}", ip=ip)
    db.session.commit()
    return user


# ---- email confirmation and change -------------------------------------------------

def queue_confirmation(user: User) -> None:
    """Email a confirmation link to the user's address. Caller commits (then send_queued_now)."""
    if not user.email or user.email_confirmed_at is not None:
        return
    hours = current_app.config["EMAIL_CONFIRM_HOURS"]
    token = _issue(user, "email_confirm", timedelta(hours=hours))
    _queue_link_email(
        kind="email_confirm", recipient=user.email, language=i18n.language_of(user), name=user.display_name,
        link=_link("confirm-email", token), hours=hours, key=f"email-confirm:{_hash(token)}")


def resend_confirmation(user: User) -> None:
    if user.email_confirmed_at is not None:
        raise Conflict("Your email address is already confirmed.", code="already_confirmed")
    queue_confirmation(user)
    db.session.commit()
    outbox.send_queued_now()


def confirm_email(token: str, *, ip: str | None = None) -> User:
    row = _consume(token, "email_confirm")
    user = db.session.get(User, row.user_id)
    if user is None:
        raise InvalidToken()
    if user.email_confirmed_at is None:
        user.email_confirmed_at = utcnow()
    audit.record("user.email_confirm", actor_id=user.id, target=f"user:{user.id}", ip=ip)
    db.session.commit()
    return user


def request_email_change(user: User, new_email: str, current_password: str, *, ip: str | None = None) -> None:
    """Send a link to the new address; the account's email changes only when it is opened."""
    check_current_password(user, current_password, ip=ip)
    if new_email == user.email:
        raise InvalidInput(fields={"new_email": "This is already your email address."})
    if email_taken(new_email):
        raise Conflict("An account with this email already exists.", code="email_taken",
                       fields={"new_email": "This email is already registered."})
    hours = current_app.config["EMAIL_CONFIRM_HOURS"]
    token = _issue(user, "email_change", timedelta(hours=hours), new_email=new_email)
    _queue_link_email(
        kind="email_change", recipient=new_email, language=i18n.language_of(user), name=user.display_name,
        link=_link("confirm-email", token) + "&change=1", hours=hours, key=f"email-change:{_hash(token)}")
    audit.record("user.email_change_request", actor_id=user.id, target=f"user:{user.id}", ip=ip)
    db.session.commit()
    outbox.send_queued_now()


def confirm_email_link(token: str, *, ip: str | None = None) -> User:
    """The link in a confirmation email: a first confirmation or a change of address."""
    try:
        return confirm_email(token, ip=ip)
    except InvalidToken:
        db.session.rollback()
    return confirm_email_change(token, ip=ip)


def confirm_email_change(token: str, *, ip: str | None = None) -> User:
    row = _consume(token, "email_change")
    user = db.session.get(User, row.user_id)
    if user is None or not row.new_email:
        raise InvalidToken()
    old = user.email
    user.email = row.new_email
    user.email_confirmed_at = utcnow()
    audit.record("user.email_change", actor_id=user.id, target=f"user:{user.id}", ip=ip, old_email=old,
                 new_email=row.new_email)
    commit_or_conflict()
    return user
