"""Request-level security: the session loader, role checks and the CSRF token."""
from __future__ import annotations

import hmac
import secrets
from functools import wraps

from flask import current_app, request, session
from flask_login import current_user

from backend.errors import NotAllowed, NotAuthenticated
from backend.extensions import login_manager
from backend.messages import Message
from backend.services import audit
from backend.services.accounts import sessions, two_factor

CSRF_HEADER = "X-CSRF-Token"
UNSAFE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}
CSRF_EXEMPT_ENDPOINTS = {"auth.login", "auth.register"}


def client_ip() -> str | None:
    return request.remote_addr


@login_manager.user_loader
def load_user(token: str):
    return sessions.session_user(token)


@login_manager.unauthorized_handler
def unauthorized():
    # An API never redirects to a login page: it says 401 in the error shape.
    raise NotAuthenticated()


def role_required(*roles: str):
    """Only logged-in users with one of these roles; 401 for anonymous, 403 for other roles."""

    def decorator(view):
        @wraps(view)
        def wrapped(*args, **kwargs):
            user = current_user._get_current_object()  # one proxy lookup, not one per attribute
            if not user.is_authenticated:
                raise NotAuthenticated()
            if user.role not in roles:
                audit.record_now("request.denied", actor_id=user.id, target=request.path[:120],
                                 ip=client_ip(), method=request.method)
                raise NotAllowed("This area is not available to your account.")
            two_factor.enforce(user)
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
    profile_id = getattr(current_user, f"{role}_id", None)  # known to the session, no query
    if profile_id is None:
        profile = getattr(current_user, role, None)
        profile_id = profile.id if profile is not None else None
    if profile_id is None:
        raise NotAllowed(Message("This account has no {role} profile.", role=role))
    return profile_id


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


API_PREFIXES = frozenset({"auth", "admin", "doctor", "patient", "api"})


def security_headers(response):
    """after_request: nosniff on everything; no-store on an API answer to a logged-in user; HSTS in production."""
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    if request.path.split("/", 2)[1] in API_PREFIXES and current_user.is_authenticated:
        # Patient data must not stay in a shared computer's cache or a proxy's.
        response.headers["Cache-Control"] = "no-store"
    hsts = current_app.config.get("HSTS_MAX_AGE", 0)
    if hsts:
        response.headers.setdefault("Strict-Transport-Security", f"max-age={hsts}; includeSubDomains")
    return response


def _no_identifier() -> str:
    return ""


def init_security(app) -> None:
    login_manager.init_app(app)
    app.after_request(security_headers)
    login_manager.session_protection = None  # sessions are revocable rows; see services/accounts
    # With protection off Flask-Login never compares the client identifier it would hash (address and
    # user agent, SHA-512) on every request and store in the cookie: don't compute it.
    login_manager._session_identifier_generator = _no_identifier
    app.before_request(check_csrf)
