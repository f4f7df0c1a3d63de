"""The session cookie is verified once per process (backend/cookie_session.py): the same string is not
re-checked, but a changed, forged or expired one is still refused."""
from __future__ import annotations

from datetime import timedelta

from itsdangerous import URLSafeTimedSerializer

from backend.cookie_session import VerifiedCookieSessionInterface


def session_cookie(client) -> str:
    return client.raw.get_cookie("session").value


def count_full_checks(app, monkeypatch) -> list[int]:
    calls = []
    original = URLSafeTimedSerializer.loads

    def counted(self, *args, **kwargs):
        calls.append(1)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(URLSafeTimedSerializer, "loads", counted)
    return calls


def test_the_app_uses_it(app):
    assert isinstance(app.session_interface, VerifiedCookieSessionInterface)


def test_a_cookie_is_checked_once_then_recognised(app, client, factory, monkeypatch):
    factory.patient(email="p@example.com")
    client.login("p@example.com")
    checks = count_full_checks(app, monkeypatch)
    for _ in range(5):
        assert client.get("/auth/me").status_code == 200
    assert len(checks) <= 1


def test_a_changed_cookie_is_checked_and_refused(app, client, factory):
    factory.patient(email="p@example.com")
    client.login("p@example.com")
    assert client.get("/auth/me").status_code == 200  # the genuine string is now known
    genuine = session_cookie(client)
    forged = genuine[:-2] + ("AA" if not genuine.endswith("AA") else "BB")
    client.raw.set_cookie("session", forged)
    assert client.get("/auth/me").status_code == 401


def test_a_known_cookie_still_expires_with_the_session_lifetime(app, client, factory):
    factory.patient(email="p@example.com")
    client.login("p@example.com")
    assert client.get("/auth/me").status_code == 200
    lifetime = app.permanent_session_lifetime
    app.permanent_session_lifetime = timedelta(seconds=-1)  # as if the cookie were older than its lifetime
    try:
        assert client.get("/auth/me").status_code == 401
    finally:
        app.permanent_session_lifetime = lifetime
    assert client.get("/auth/me").status_code == 200
