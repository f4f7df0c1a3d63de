"""Request-level security: the session loader, role checks and the CSRF token."""
from __future__ import annotations

import hmac
import secrets
from functools import wraps

from flask import request, session
from flask_login import current_user

from backend.errors import NotAllowed, NotAuthenticated
from backend.extensions import login_manager
from backend.services.accounts import users as accounts

CSRF_HEADER = "X-CSRF-Token"
UNSAFE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}
CSRF_EXEMPT_ENDPOINTS = {"auth.login", "auth.register"}


def client_ip() -> str | None:
    return request.remote_addr


@login_manager.user_loader
def load_user(token: str):
    return accounts.user_for_session(token)


@login_manager.unauthorized_handler
def unauthorized():
    # An API never redirects to a login page: it says 401 in the error shape.
    raise NotAuthenticated()


def role_required(*roles: str):
    """Only logged-in users with one of these roles; 401 for anonymous, 403 for other roles."""

    def decorator(view):
        @wraps(view)
        def wrapped(*args, **kwargs):
            if not current_user.is_authenticated:
                raise NotAuthenticated()
            if current_user.role not in roles:
                raise NotAllowed("This area is not available to your account.")
            return view(*args, **kwargs)

        wrapped.allowed_roles = roles
        return wrapped

    return decorator


def login_required(view):
    """Any logged-in user."""

    @wraps(view)
    def wrapped(*args, **kwargs):
        if not current_user.is_authenticated:
            raise NotAuthenticated()
        return view(*args, **kwargs)

    wrapped.allowed_roles = ("admin", "doctor", "patient")
    return wrapped


def current_profile_id(role: str) -> int:
    """The id of the logged-in user's own patient or doctor record."""
    profile = getattr(current_user, role, None)
    if profile is None:
        raise NotAllowed(f"This account has no {role} profile.")
    return profile.id


def csrf_token() -> str:
    token = session.get("csrf_token")
    if not token:
        token = secrets.token_urlsafe(32)
        session["csrf_token"] = token
    return token


def check_csrf() -> None:
    """before_request: a logged-in user's state-changing request must carry the session's token."""
    if request.method not in UNSAFE_METHODS or request.endpoint in CSRF_EXEMPT_ENDPOINTS:
        return
    if not current_user.is_authenticated:
        return  # the view answers 401
    expected = session.get("csrf_token")
    sent = request.headers.get(CSRF_HEADER, "")
    if not expected or not hmac.compare_digest(expected.encode(), sent.encode()):
        raise NotAllowed("The request is missing a valid CSRF token. Reload the page and try again.",
                         code="csrf_failed")


def init_security(app) -> None:
    login_manager.init_app(app)
    login_manager.session_protection = None  # sessions are revocable rows; see services/accounts
    app.before_request(check_csrf)
