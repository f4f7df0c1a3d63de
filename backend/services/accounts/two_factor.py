"""Two-factor login with time-based codes (TOTP, RFC 6238) and ten single-use recovery codes.

Optional for everyone; required for admins when CAREQUEUE_ENV=production and
for doctors when DOCTORS_REQUIRE_2FA is on. A user who must have it and has
not enrolled can reach only the enrolment routes. Wrong codes are throttled
like passwords. A code works once (the last accepted time step is kept), and
recovery codes are stored as SHA-256 hashes and each works once.
"""
from __future__ import annotations

import hashlib
import secrets

import pyotp
import segno
import sqlalchemy as sa
from flask import current_app

from backend.errors import Conflict, InvalidInput, NotAllowed
from backend.extensions import db
from backend.models import RecoveryCode, User, utcnow
from backend.services import audit
from backend.services.accounts import throttle
from backend.services.accounts.credentials import check_current_password

RECOVERY_CODES = 10
# Accept the code of the previous and next 30-second step too: phone clocks drift.
VALID_WINDOW = 1


def required_for(user: User) -> bool:
    return required_for_role(user.role, current_app.config)


def required_for_role(role: str, config) -> bool:
    """Whether accounts with this role must use two-factor login under this configuration."""
    if role == "admin":
        return config.get("ENV_NAME") == "production"
    if role == "doctor":
        return bool(config.get("DOCTORS_REQUIRE_2FA"))
    return False


def enforce(user: User) -> None:
    """Refuse staff routes to someone who must use two-factor login and has not set it up."""
    if required_for(user) and not user.two_factor_enabled:
        raise NotAllowed("Set up two-factor login in Settings before you continue.", code="two_factor_setup_required")


def _code_hash(code: str) -> str:
    return hashlib.sha256(code.replace("-", "").replace(" ", "").lower().encode("ascii", "replace")).hexdigest()


def begin_enrolment(user: User) -> dict:
    """A new secret to scan, kept as pending until a code from it is entered."""
    if user.two_factor_enabled:
        raise Conflict("Two-factor login is already on. Turn it off first to use another device.",
                       code="two_factor_enabled")
    secret = pyotp.random_base32()
    user.totp_pending_secret = secret
    db.session.commit()
    issuer = current_app.config["CLINIC_NAME"]
    uri = pyotp.TOTP(secret).provisioning_uri(name=user.email or f"user-{user.id}", issuer_name=issuer)
    qr = segno.make(uri, error="m").svg_data_uri(scale=5, border=2)
    return {"secret": secret, "otpauth_uri": uri, "qr_svg": qr}


def _new_recovery_codes(user: User) -> list[str]:
    db.session.execute(sa.delete(RecoveryCode).where(RecoveryCode.user_id == user.id))
    codes = []
    for _ in range(RECOVERY_CODES):
        raw = secrets.token_hex(5)  # 40 bits, shown as xxxxx-xxxxx
        code = f"{raw[:5]}-{raw[5:]}"
        codes.append(code)
        db.session.add(RecoveryCode(user_id=user.id, code_hash=_code_hash(code)))
    return codes


def _accept_code(user: User, secret: str, code: str) -> bool:
    """True for a current code not used before (its time step is remembered)."""
    code = (code or "").replace(" ", "")
    if not code.isdigit() or len(code) != 6:
        return False
    totp = pyotp.TOTP(secret)
    now = utcnow()
    step = int(now.timestamp()) // totp.interval
    for offset in range(-VALID_WINDOW, VALID_WINDOW + 1):
        candidate = step + offset
        if secrets.compare_digest(totp.at(candidate * totp.interval), code):
            if user.totp_last_step is not None and candidate <= user.totp_last_step:
                return False  # replayed
            user.totp_last_step = candidate
            return True
    return False


def enable(user: User, code: str, *, ip: str | None = None) -> list[str]:
    """Turn two-factor login on with a code from the scanned secret. Returns the recovery codes, shown once."""
    if user.two_factor_enabled:
        raise Conflict("Two-factor login is already on.", code="two_factor_enabled")
    if not user.totp_pending_secret:
        raise Conflict("Start the set-up first.", code="two_factor_not_started")
    key = throttle.code_key(user.id)
    throttle.check(key)
    if not _accept_code(user, user.totp_pending_secret, code):
        throttle.fail(key)
        raise InvalidInput("That code is not correct. Enter the 6 digits your app shows now.",
                           code="invalid_code", fields={"code": "Not correct."})
    throttle.clear(key)
    user.totp_secret, user.totp_pending_secret = user.totp_pending_secret, None
    codes = _new_recovery_codes(user)
    audit.record("user.two_factor_enable", actor_id=user.id, target=f"user:{user.id}", ip=ip)
    db.session.commit()
    return codes


def disable(user: User, password: str, *, ip: str | None = None) -> None:
    if required_for(user):
        raise Conflict("Two-factor login is required for your account.", code="two_factor_required")
    if not user.two_factor_enabled:
        raise Conflict("Two-factor login is not on.", code="two_factor_disabled")
    check_current_password(user, password, ip=ip)
    user.totp_secret = user.totp_pending_secret = user.totp_last_step = None
    db.session.execute(sa.delete(RecoveryCode).where(RecoveryCode.user_id == user.id))
    audit.record("user.two_factor_disable", actor_id=user.id, target=f"user:{user.id}", ip=ip)
    db.session.commit()


def regenerate_recovery_codes(user: User, password: str, *, ip: str | None = None) -> list[str]:
    if not user.two_factor_enabled:
        raise Conflict("Two-factor login is not on.", code="two_factor_disabled")
    check_current_password(user, password, ip=ip)
    codes = _new_recovery_codes(user)
    audit.record("user.recovery_codes_regenerate", actor_id=user.id, target=f"user:{user.id}", ip=ip)
    db.session.commit()
    return codes


def verify(user: User, *, code: str | None, recovery_code: str | None, ip: str | None) -> None:
    """The login's second step. Wrong codes count toward the same lock as passwords. Caller commits."""
    key = throttle.code_key(user.id)
    throttle.check(key)
    ok = False
    if code:
        ok = _accept_code(user, user.totp_secret, code)
    elif recovery_code:
        used = db.session.execute(
            sa.update(RecoveryCode)
            .where(RecoveryCode.user_id == user.id, RecoveryCode.code_hash == _code_hash(recovery_code),
                   RecoveryCode.used_at.is_(None))
            .values(used_at=utcnow()).execution_options(synchronize_session=False)
        ).rowcount
        ok = used == 1
        if ok:
            audit.record("user.recovery_code_used", actor_id=user.id, target=f"user:{user.id}", ip=ip)
    if not ok:
        throttle.fail(key)
        audit.record_now("user.two_factor_failed", actor_id=None, target=f"user:{user.id}", ip=ip)
        raise InvalidInput("That code is not correct.", code="invalid_code",
                           fields={"code" if code or not recovery_code else "recovery_code": "Not correct."})
    throttle.clear(key)


def status(user: User) -> dict:
    return {"enabled": user.two_factor_enabled, "required": required_for(user),
            "recovery_codes_left": recovery_codes_left(user) if user.two_factor_enabled else 0}


def recovery_codes_left(user: User) -> int:
    return db.session.execute(
        sa.select(sa.func.count(RecoveryCode.id)).where(RecoveryCode.user_id == user.id, RecoveryCode.used_at.is_(None))
    ).scalar_one()
