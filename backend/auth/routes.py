"""/auth: register, login, logout, me, csrf, password."""
from __future__ import annotations

from flask import current_app, jsonify, request, session
from flask_login import current_user, login_user, logout_user

from backend.auth.blueprint import bp
from backend.extensions import limiter
from backend.schemas import LoginIn, PasswordChangeIn, RegisterIn, parse
from backend.security import client_ip, csrf_token, login_required
from backend.services.accounts import users as accounts


def _login_limit() -> str:
    return current_app.config["LOGIN_RATE_LIMIT"]


@bp.post("/register")
@limiter.limit(_login_limit)
def register():
    data = parse(RegisterIn)
    user = accounts.register_patient(**data.model_dump(), ip=client_ip())
    return jsonify({"user": accounts.serialize_user(user)}), 201


@bp.post("/login")
@limiter.limit(_login_limit)
def login():
    data = parse(LoginIn)
    user = accounts.authenticate(data.email, data.password, ip=client_ip())
    accounts.start_session(user, ip=client_ip(), user_agent=request.user_agent.string)
    session.clear()
    login_user(user)
    session.permanent = True
    return jsonify({"user": accounts.serialize_user(user), "csrf_token": csrf_token()})


@bp.post("/logout")
@login_required
def logout():
    accounts.end_session(current_user.session_token)
    logout_user()
    session.clear()
    return "", 204


@bp.get("/me")
@login_required
def me():
    return jsonify({"user": accounts.serialize_user(current_user)})


@bp.get("/csrf")
def csrf():
    return jsonify({"csrf_token": csrf_token()})


@bp.post("/password")
@login_required
def change_password():
    data = parse(PasswordChangeIn)
    accounts.change_password(current_user, data.current_password, data.new_password, ip=client_ip())
    return jsonify({"ok": True})
