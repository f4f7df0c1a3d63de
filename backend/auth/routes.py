"""/auth: register, login (with its second factor), logout, me, csrf, passwords, email and two-factor login."""
from __future__ import annotations

import time

from flask import current_app, jsonify, request, session
from flask_login import current_user, login_user, logout_user

from backend import contracts as c
from backend.auth.blueprint import bp
from backend.contracts import contract
from backend.errors import NotAuthenticated
from backend.extensions import limiter
from backend.schemas import (
    CodeIn,
    EmailChangeIn,
    ForgotPasswordIn,
    LoginIn,
    PasswordChangeIn,
    PasswordConfirmIn,
    RegisterIn,
    ResetPasswordIn,
    SecondFactorIn,
    TokenIn,
)
from backend.security import client_ip, csrf_token, login_required
from backend.services.accounts import links, two_factor, users as accounts


def _login_limit() -> str:
    return current_app.config["LOGIN_RATE_LIMIT"]


@bp.post("/register")
@limiter.limit(_login_limit)
@contract(body=RegisterIn, responses={201: c.UserBody, 409: None, 429: None})
def register(body: RegisterIn):
    user = accounts.register_patient(**body.model_dump(), ip=client_ip())
    return jsonify({"user": accounts.serialize_user(user)}), 201


@bp.post("/login")
@limiter.limit(_login_limit)
@contract(body=LoginIn, responses={200: c.LoginOut, 202: c.SecondFactorPending, 401: None, 403: None, 429: None})
def login(body: LoginIn):
    step = accounts.log_in(body.email, body.password, ip=client_ip(), user_agent=request.user_agent.string)
    session.clear()
    if step.token is None:
        # The password was right; the session remembers that, briefly, for the second step.
        session[PENDING_SECOND_FACTOR] = {"user_id": step.user.id, "at": int(time.time())}
        return jsonify({"two_factor_required": True}), 202
    login_user(step.user)
    session.permanent = True
    return jsonify({"user": accounts.serialize_user(step.user), "csrf_token": csrf_token()})


PENDING_SECOND_FACTOR = "second_factor_pending"
SECOND_FACTOR_SECONDS = 300


@bp.post("/login/two-factor")
@limiter.limit(_login_limit)
@contract(body=SecondFactorIn, responses={200: c.LoginOut, 400: None, 401: None, 429: None})
def login_second_factor(body: SecondFactorIn):
    pending = session.get(PENDING_SECOND_FACTOR) or {}
    if not pending or int(time.time()) - int(pending.get("at", 0)) > SECOND_FACTOR_SECONDS:
        session.pop(PENDING_SECOND_FACTOR, None)
        raise NotAuthenticated("Please log in again.", code="login_expired")
    user = accounts.log_in_second_factor(int(pending["user_id"]), code=body.code, recovery_code=body.recovery_code,
                                         ip=client_ip(), user_agent=request.user_agent.string)
    session.clear()
    login_user(user)
    session.permanent = True
    return jsonify({"user": accounts.serialize_user(user), "csrf_token": csrf_token()})


@bp.post("/logout")
@login_required
@contract(responses={204: None})
def logout():
    accounts.end_session(current_user.session_token)
    logout_user()
    session.clear()
    return "", 204


@bp.get("/me")
@login_required
@contract(responses={200: c.UserBody})
def me():
    return jsonify({"user": accounts.serialize_user(current_user)})


@bp.get("/session")
@contract(responses={200: c.SessionOut})
def session_status():
    """Who is logged in, if anyone: 200 either way, so a visitor's first page load logs no error."""
    user = accounts.serialize_user(current_user) if current_user.is_authenticated else None
    config = current_app.config
    clinic = {"name": config["CLINIC_NAME"], "timezone": config["CLINIC_TIMEZONE"],
              "currency": config["CLINIC_CURRENCY"], "emergency_number": config["EMERGENCY_NUMBER"]}
    return jsonify({"user": user, "csrf_token": csrf_token(), "clinic": clinic})


@bp.get("/csrf")
@contract(responses={200: c.CsrfOut})
def csrf():
    return jsonify({"csrf_token": csrf_token()})


@bp.post("/password")
@login_required
@contract(body=PasswordChangeIn, responses={200: c.OkOut, 401: None, 429: None})
def change_password(body: PasswordChangeIn):
    accounts.change_password(current_user, body.current_password, body.new_password, ip=client_ip())
    return jsonify({"ok": True})


@bp.post("/password/forgot")
@limiter.limit(_login_limit)
@contract(body=ForgotPasswordIn, responses={202: c.AcceptedOut, 429: None})
def forgot_password(body: ForgotPasswordIn):
    links.request_password_reset(body.email, ip=client_ip())
    return jsonify({}), 202


@bp.post("/password/reset")
@limiter.limit(_login_limit)
@contract(body=ResetPasswordIn, responses={200: c.OkOut, 400: None, 429: None})
def reset_password(body: ResetPasswordIn):
    links.reset_password(body.token, body.password, ip=client_ip())
    return jsonify({"ok": True})


@bp.post("/email/confirm")
@limiter.limit(_login_limit)
@contract(body=TokenIn, responses={200: c.UserBody, 400: None, 409: None})
def confirm_email(body: TokenIn):
    user = links.confirm_email_link(body.token, ip=client_ip())
    return jsonify({"user": accounts.serialize_user(user)})


@bp.post("/email/resend")
@login_required
@contract(responses={202: c.AcceptedOut, 409: None})
def resend_confirmation():
    links.resend_confirmation(current_user)
    return jsonify({}), 202


@bp.post("/email")
@login_required
@contract(body=EmailChangeIn, responses={202: c.AcceptedOut, 400: None, 409: None, 429: None})
def change_email(body: EmailChangeIn):
    links.request_email_change(current_user, body.new_email, body.current_password, ip=client_ip())
    return jsonify({}), 202


@bp.get("/two-factor")
@login_required
@contract(responses={200: c.TwoFactorStatus})
def two_factor_status():
    return jsonify(two_factor.status(current_user))


@bp.post("/two-factor/setup")
@login_required
@contract(responses={200: c.TwoFactorSetupOut, 409: None})
def two_factor_setup():
    return jsonify(two_factor.begin_enrolment(current_user))


@bp.post("/two-factor/enable")
@login_required
@contract(body=CodeIn, responses={200: c.RecoveryCodesOut, 400: None, 409: None, 429: None})
def two_factor_enable(body: CodeIn):
    return jsonify({"recovery_codes": two_factor.enable(current_user, body.code, ip=client_ip())})


@bp.post("/two-factor/disable")
@login_required
@contract(body=PasswordConfirmIn, responses={200: c.TwoFactorStatus, 400: None, 409: None, 429: None})
def two_factor_disable(body: PasswordConfirmIn):
    two_factor.disable(current_user, body.password, ip=client_ip())
    return jsonify(two_factor.status(current_user))


@bp.post("/two-factor/recovery-codes")
@login_required
@contract(body=PasswordConfirmIn, responses={200: c.RecoveryCodesOut, 400: None, 409: None, 429: None})
def two_factor_recovery_codes(body: PasswordConfirmIn):
    return jsonify({"recovery_codes": two_factor.regenerate_recovery_codes(current_user, body.password,
                                                                           ip=client_ip())})
