"""services/ops/health.py: GET /api/health (cheap liveness) and GET /api/health/ready (readiness, admins or a token)."""
from __future__ import annotations

import time

import pytest

from backend.services.ops import health
from tests.conftest import free_port
from tests.faults import RedisProcess

TOKEN = "health-token-for-the-monitor"


def test_liveness_reports_each_part_without_asking_the_broker_or_workers(client, monkeypatch):
    def no_round_trips(*args, **kwargs):
        raise AssertionError("liveness must not talk to the broker or the workers")

    monkeypatch.setattr(health, "_broker_ok", no_round_trips)
    monkeypatch.setattr(health, "_workers", no_round_trips)
    answer = client.get("/api/health")
    body = answer.get_json()
    assert answer.status_code == 200
    assert set(body) == {"status", "database", "redis", "broker", "workers"}
    assert (body["status"], body["database"], body["redis"], body["broker"]) == ("ok", "ok", "ok", "ok")
    assert body["workers"] is None  # no readiness report yet: unknown, not zero


def test_readiness_reports_each_part(app, client, factory):
    client.login(factory.admin().email)
    answer = client.get("/api/health/ready")
    body = answer.get_json()
    assert set(body) == {"status", "database", "redis", "broker", "workers"}
    assert (body["database"], body["redis"], body["broker"]) == ("ok", "ok", "ok")
    # No worker runs in this test, so the system is up but degraded.
    assert answer.status_code == 200 and body["status"] == "degraded" and body["workers"] == 0
    # The liveness answer now shows the workers as last seen.
    assert client.get("/api/health").get_json()["workers"] == 0


def test_readiness_is_for_admins_or_the_token(app, client, new_client, factory):
    assert client.get("/api/health/ready").status_code == 401
    patient = new_client()
    patient.login(factory.patient().user.email)
    assert patient.get("/api/health/ready").status_code == 401
    assert client.get("/api/health/ready", headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 403
    app.config["HEALTH_TOKEN"] = TOKEN
    try:
        assert client.get("/api/health/ready", headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 200
        assert client.get("/api/health/ready", headers={"Authorization": "Bearer wrong"}).status_code == 403
    finally:
        app.config["HEALTH_TOKEN"] = None


def test_readiness_is_cached_for_a_few_seconds(app, client, factory, monkeypatch):
    client.login(factory.admin().email)
    calls = []
    real = health.check
    monkeypatch.setattr(health, "check", lambda: calls.append(1) or real())
    app.config["HEALTH_CACHE_SECONDS"] = 1.0
    try:
        for _ in range(5):
            assert client.get("/api/health/ready").status_code == 200
        assert len(calls) == 1
        time.sleep(1.1)
        client.get("/api/health/ready")
        assert len(calls) == 2
    finally:
        app.config["HEALTH_CACHE_SECONDS"] = 5.0


def test_health_is_503_when_the_database_is_down(app, make_app):
    app = make_app(SQLALCHEMY_DATABASE_URI=f"postgresql+psycopg://nobody@127.0.0.1:{free_port()}/none",
                   HEALTH_TOKEN=TOKEN)
    for url in ("/api/health", "/api/health/ready"):
        answer = app.test_client().get(url, headers={"Authorization": f"Bearer {TOKEN}"})
        assert answer.status_code == 503
        assert answer.get_json()["database"] == "down"
        assert answer.get_json()["status"] == "down"


def test_health_reports_redis_down_without_failing(app, make_app):
    dead = f"redis://127.0.0.1:{free_port()}/0"
    app = make_app(REDIS_URL=dead, CELERY_BROKER_URL=dead, HEALTH_TOKEN=TOKEN)
    for url in ("/api/health", "/api/health/ready"):
        answer = app.test_client().get(url, headers={"Authorization": f"Bearer {TOKEN}"})
        assert answer.status_code == 200
        assert answer.get_json()["redis"] == "down"
        assert answer.get_json()["broker"] == "down"


@pytest.mark.slow
def test_liveness_stays_quick_with_a_hung_redis(app, make_app, tmp_path):
    server = RedisProcess(str(tmp_path / "redis.log")).start()
    try:
        app = make_app(REDIS_URL=server.url)
        client = app.test_client()
        assert client.get("/api/health").get_json()["redis"] == "ok"
        server.pause()
        started = time.perf_counter()
        answers = [client.get("/api/health") for _ in range(10)]
        elapsed = time.perf_counter() - started
        assert all(a.status_code == 200 and a.get_json()["redis"] == "down" for a in answers)
        assert elapsed < 1.5, elapsed  # one short Redis timeout, then the breaker; never a broker round trip
    finally:
        server.stop()
