"""/auth: register, login, logout, me, csrf, password."""
from __future__ import annotations

from flask import current_app, jsonify, request, session
from flask_login import current_user, login_user, logout_user

from backend import contracts as c
from backend.auth.blueprint import bp
from backend.contracts import contract
from backend.extensions import limiter
from backend.schemas import LoginIn, PasswordChangeIn, RegisterIn
from backend.security import client_ip, csrf_token, login_required
from backend.services.accounts import users as accounts


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
@contract(body=LoginIn, responses={200: c.LoginOut, 401: None, 429: None})
def login(body: LoginIn):
    user = accounts.authenticate(body.email, body.password, ip=client_ip())
    accounts.start_session(user, ip=client_ip(), user_agent=request.user_agent.string)
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
@contract(body=PasswordChangeIn, responses={200: c.OkOut, 401: None})
def change_password(body: PasswordChangeIn):
    accounts.change_password(current_user, body.current_password, body.new_password, ip=client_ip())
    return jsonify({"ok": True})
