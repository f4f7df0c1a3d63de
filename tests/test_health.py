"""services/health.py and GET /api/health."""
from __future__ import annotations

from tests.conftest import free_port


def test_health_reports_each_part(client):
    answer = client.get("/api/health")
    body = answer.get_json()
    assert set(body) == {"status", "database", "redis", "broker", "workers"}
    assert body["database"] == "ok"
    assert body["redis"] == "ok"
    assert body["broker"] == "ok"
    assert answer.status_code == 200
    # No worker runs in this test, so the system is up but degraded.
    assert body["status"] == "degraded"
    assert body["workers"] == 0


def test_health_is_503_when_the_database_is_down(make_app):
    app = make_app(SQLALCHEMY_DATABASE_URI=f"postgresql+psycopg://nobody@127.0.0.1:{free_port()}/none")
    answer = app.test_client().get("/api/health")
    assert answer.status_code == 503
    assert answer.get_json()["database"] == "down"
    assert answer.get_json()["status"] == "down"


def test_health_reports_redis_down_without_failing(make_app):
    dead = f"redis://127.0.0.1:{free_port()}/0"
    app = make_app(REDIS_URL=dead, CELERY_BROKER_URL=dead)
    answer = app.test_client().get("/api/health")
    assert answer.status_code == 200
    assert answer.get_json()["redis"] == "down"
    assert answer.get_json()["broker"] == "down"
