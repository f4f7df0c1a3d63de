"""services/accounts/sessions.py: the session lookup from Redis, expiry, last_seen writes, revocation across processes,
no cookie on unchanged sessions, and the instance's own secret key."""
from __future__ import annotations

import os
from datetime import timedelta

import pytest
import redis
import requests
import sqlalchemy as sa

from backend.extensions import db
from backend.models import AuthSession, utcnow
from backend.near_cache import near_cache
from backend.services.accounts import sessions, users as accounts
from tests.conftest import TEST_PASSWORD, gunicorn_server


@pytest.fixture
def raw_redis(redis_url):
    return redis.Redis.from_url(redis_url)


def count_statements(app, predicate):
    seen = []

    def listen(_conn, _cursor, statement, *_args):
        if predicate(statement):
            seen.append(statement)

    sa.event.listen(db.engine, "before_cursor_execute", listen)
    return seen, lambda: sa.event.remove(db.engine, "before_cursor_execute", listen)


def the_session() -> AuthSession:
    db.session.expire_all()
    return db.session.execute(sa.select(AuthSession).order_by(AuthSession.id.desc())).scalars().first()


def forget_cached(raw_redis) -> None:
    """As a process that has never seen the session: nothing in Redis, nothing in its near copy."""
    for key in raw_redis.scan_iter("session:*"):
        raw_redis.delete(key)
    near_cache.clear()


def test_a_logged_in_request_reads_no_session_row_once_cached(app, client, factory):
    patient = factory.patient(email="p@example.com")
    factory.doctor()
    client.login("p@example.com")
    client.get("/patient/doctors")  # fills the session entry and the listing
    statements, stop = count_statements(app, lambda s: True)
    try:
        for _ in range(5):
            assert client.get("/patient/doctors").status_code == 200
    finally:
        stop()
    assert statements == [], "a cached listing for a cached session should not touch the database"
    assert client.get("/patient/profile").get_json()["profile"]["full_name"] == patient.full_name


def test_responses_do_not_reset_an_unchanged_session_cookie(client, factory):
    factory.patient(email="p@example.com")
    login = client.login("p@example.com")
    assert "session=" in login.headers.get("Set-Cookie", "")
    for path in ("/auth/me", "/patient/doctors", "/auth/csrf"):
        answer = client.get(path)
        assert answer.status_code == 200
        assert "Set-Cookie" not in answer.headers, path


def test_last_seen_is_written_at_most_once_a_minute(app, client, factory, raw_redis):
    factory.patient(email="p@example.com")
    client.login("p@example.com")
    updates, stop = count_statements(app, lambda s: s.startswith("UPDATE auth_sessions"))
    try:
        for _ in range(10):
            client.get("/auth/me")
        forget_cached(raw_redis)  # even a process without the entry does not write a fresh last_seen
        client.get("/auth/me")
        assert updates == []
        row = the_session()
        row.last_seen_at = utcnow() - timedelta(seconds=90)
        db.session.commit()
        updates.clear()  # the test's own write
        forget_cached(raw_redis)
        for _ in range(5):
            assert client.get("/auth/me").status_code == 200
    finally:
        stop()
    assert len(updates) == 1
    assert (utcnow() - the_session().last_seen_at).total_seconds() < 30


@pytest.mark.parametrize("column, age", [("last_seen_at", timedelta(minutes=40)),
                                         ("created_at", timedelta(hours=12, minutes=1))])
def test_idle_and_absolute_expiry(client, factory, raw_redis, column, age):
    factory.patient(email="p@example.com")
    client.login("p@example.com")
    assert client.get("/auth/me").status_code == 200
    row = the_session()
    setattr(row, column, utcnow() - age)
    db.session.commit()
    forget_cached(raw_redis)  # the entry would have expired within a minute anyway
    assert client.get("/auth/me").status_code == 401
    assert the_session().revoked_at is not None


def test_a_session_idle_less_than_the_limit_lives_on(client, factory, raw_redis):
    factory.patient(email="p@example.com")
    client.login("p@example.com")
    row = the_session()
    row.last_seen_at = utcnow() - timedelta(minutes=25)
    db.session.commit()
    forget_cached(raw_redis)
    assert client.get("/auth/me").status_code == 200


def test_expiry_is_configurable(make_app, factory, raw_redis):
    from tests.conftest import ApiClient

    short = make_app(SESSION_IDLE_TIMEOUT=timedelta(minutes=5))
    factory.patient(email="p@example.com")
    with short.app_context():
        client = ApiClient(short.test_client())
        client.login("p@example.com")
        row = the_session()
        row.last_seen_at = utcnow() - timedelta(minutes=7)
        db.session.commit()
        forget_cached(raw_redis)
        assert client.get("/auth/me").status_code == 401


def test_revocation_wins_over_a_cached_entry(client, new_client, factory, raw_redis):
    """Revocation written by any code path (here a bare UPDATE) ends the session at once, cache or not."""
    patient = factory.patient(email="p@example.com")
    client.login("p@example.com")
    assert client.get("/auth/me").status_code == 200
    assert list(raw_redis.scan_iter("session:*"))
    db.session.execute(sa.update(AuthSession).where(AuthSession.user_id == patient.user_id)
                       .values(revoked_at=utcnow()))
    db.session.commit()
    assert client.get("/auth/me").status_code == 401


def test_a_rolled_back_revocation_leaves_the_session_alone(client, factory):
    patient = factory.patient(email="p@example.com")
    client.login("p@example.com")
    db.session.execute(sa.update(AuthSession).where(AuthSession.user_id == patient.user_id)
                       .values(revoked_at=utcnow()))
    db.session.rollback()
    assert client.get("/auth/me").status_code == 200


def test_revocation_is_immediate_in_other_processes(app, database_url, redis_url, instance_dir, factory, tmp_path):
    """Logout, deactivation and password change in one process end the session in gunicorn's workers at once."""
    patient = factory.patient(email="p@example.com")
    other = factory.patient(email="q@example.com")
    admin = factory.admin(email="admin@example.com")
    with gunicorn_server(database_url, redis_url, instance_dir, str(tmp_path / "gunicorn.log")) as base:
        def browser(email: str) -> requests.Session:
            web = requests.Session()
            answer = web.post(f"{base}/auth/login", json={"email": email, "password": TEST_PASSWORD})
            assert answer.status_code == 200, answer.text
            web.headers["X-CSRF-Token"] = answer.json()["csrf_token"]
            return web

        first, second, third = browser("p@example.com"), browser("p@example.com"), browser("q@example.com")
        for web in (first, second, third):
            assert all(web.get(f"{base}/auth/me").status_code == 200 for _ in range(6))  # both workers cache it

        # Logout through one worker: the replayed cookie fails in every worker.
        cookie = first.cookies.get("session")
        assert first.post(f"{base}/auth/logout").status_code == 204
        replay = requests.Session()
        replay.cookies.set("session", cookie)
        assert [replay.get(f"{base}/auth/me").status_code for _ in range(6)] == [401] * 6
        assert all(second.get(f"{base}/auth/me").status_code == 200 for _ in range(4))

        # Deactivation by this (another) process.
        accounts.set_user_active(patient.user_id, False, actor_id=admin.id)
        assert [second.get(f"{base}/auth/me").status_code for _ in range(6)] == [401] * 6

        # A password change ends the user's other sessions.
        fourth = browser("q@example.com")
        changed = fourth.post(f"{base}/auth/password", json={"current_password": TEST_PASSWORD,
                                                              "new_password": "a-brand-new-secret"})
        assert changed.status_code == 200
        assert [third.get(f"{base}/auth/me").status_code for _ in range(6)] == [401] * 6
        assert fourth.get(f"{base}/auth/me").status_code == 200
    assert other.user_id


def test_sessions_work_without_redis(make_app, factory):
    """With Redis unreachable every lookup goes to the database, and logout still ends the session."""
    from tests.conftest import ApiClient, free_port

    offline = make_app(REDIS_URL=f"redis://127.0.0.1:{free_port()}/0")
    factory.patient(email="p@example.com")
    with offline.app_context():
        client = ApiClient(offline.test_client())
        client.login("p@example.com")
        assert client.get("/auth/me").status_code == 200
        cookie = client.raw.get_cookie("session").value
        assert client.logout().status_code == 204
        replay = ApiClient(offline.test_client())
        replay.raw.set_cookie("session", cookie)
        assert replay.get("/auth/me").status_code == 401


def test_first_run_without_secret_key_makes_its_own(monkeypatch, tmp_path):
    from backend import create_app
    from config import DEFAULT_SECRET_KEY, TestConfig

    monkeypatch.setenv("CAREQUEUE_INSTANCE", str(tmp_path))

    def build():
        config = TestConfig()
        config.SECRET_KEY = DEFAULT_SECRET_KEY
        config.REDIS_URL = "redis://127.0.0.1:1/0"
        return create_app(config)

    first, second = build(), build()
    key_file = tmp_path / "secret_key"
    assert first.config["SECRET_KEY"] == second.config["SECRET_KEY"] == key_file.read_text().strip()
    assert first.config["SECRET_KEY"] != DEFAULT_SECRET_KEY and len(first.config["SECRET_KEY"]) >= 48
    assert oct(os.stat(key_file).st_mode & 0o777) == "0o600"
    assert sessions.token_hash("x") != sessions.token_hash("y")
