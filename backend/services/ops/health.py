"""Health of the parts CareQueue depends on: a cheap liveness for anyone, a detailed readiness for operators.

`liveness()` (GET /api/health, anonymous) costs a `SELECT 1` and a Redis PING,
each bounded by a short timeout: no broker connection and no broadcast to the
workers, so pollers can't slow the clinic down. Its broker and worker figures
are the last readiness report's, when one is fresh.

`readiness()` (GET /api/health/ready, admins or HEALTH_TOKEN) checks the broker
and asks the workers (about a second), and is cached for HEALTH_CACHE_SECONDS
in Redis (shared by every web process) or, without Redis, in the process.
"""
from __future__ import annotations

import hmac
import json
import time

import sqlalchemy as sa
from flask import current_app

from backend.errors import NotAllowed, NotAuthenticated
from backend.extensions import db, redis_handle

READY_KEY = "health:ready"
# A readiness report this old is still shown by the liveness answer (workers, broker); older is unknown.
REPORT_SHOWN_SECONDS = 60


def _local() -> dict:
    """This process's copy of the last report (per app), for when Redis is down."""
    return current_app.extensions.setdefault("carequeue_health", {})

WORKER_PING_TIMEOUT = 0.5


def _database_ok() -> bool:
    try:
        db.session.execute(sa.text("SELECT 1"))
        db.session.rollback()
        return True
    except Exception:  # any driver error means "down" here
        db.session.rollback()
        return False


def _broker_ok(celery) -> bool:
    try:
        with celery.connection_for_write() as conn:
            conn.ensure_connection(max_retries=0, timeout=1)
        return True
    except Exception:
        return False


def _workers(celery) -> int:
    try:
        replies = celery.control.inspect(timeout=WORKER_PING_TIMEOUT).ping() or {}
        return len(replies)
    except Exception:
        return 0


def check() -> dict:
    """The database is required; Redis, the broker and workers degrade service but don't stop it."""
    celery = current_app.extensions.get("celery")
    database = _database_ok()
    redis_ok = redis_handle.ping()
    broker = _broker_ok(celery) if celery is not None else False
    workers = _workers(celery) if broker else 0
    status = "ok" if database else "down"
    if database and not (redis_ok and broker and workers):
        status = "degraded"
    return {
        "status": status,
        "database": "ok" if database else "down",
        "redis": "ok" if redis_ok else "down",
        "broker": "ok" if broker else "down",
        "workers": workers,
    }


def _cached_report(max_age: float) -> dict | None:
    entry = _local().get(READY_KEY)  # without Redis: this process's copy
    client = redis_handle.client()
    if client is not None:
        try:
            raw = client.get(READY_KEY)
            entry = json.loads(raw) if raw else None
        except Exception as exc:  # noqa: BLE001  (any Redis failure: fall back to the process's copy)
            redis_handle.trip(exc)
    if entry and time.time() - entry["at"] <= max_age:
        return entry["report"]
    return None


def _store_report(report: dict) -> None:
    entry = {"at": time.time(), "report": report}
    _local()[READY_KEY] = entry
    client = redis_handle.client()
    if client is not None:
        try:
            client.set(READY_KEY, json.dumps(entry), ex=REPORT_SHOWN_SECONDS)
        except Exception as exc:  # noqa: BLE001
            redis_handle.trip(exc)


def readiness() -> dict:
    """The full check, at most once per HEALTH_CACHE_SECONDS across the web processes."""
    report = _cached_report(current_app.config["HEALTH_CACHE_SECONDS"])
    if report is None:
        report = check()
        _store_report(report)
    return report


def liveness() -> dict:
    """Is this process serving, with its database? Broker and workers as last seen (None when unknown)."""
    database = _database_ok()
    redis_ok = redis_handle.ping() if redis_handle.client() is not None else False
    last = _cached_report(REPORT_SHOWN_SECONDS) or {}
    same_redis = (current_app.config.get("CELERY_BROKER_URL") or current_app.config["REDIS_URL"]) == redis_handle.url
    broker = ("ok" if redis_ok else "down") if same_redis else last.get("broker", "unknown")
    return {
        "status": "ok" if database else "down",
        "database": "ok" if database else "down",
        "redis": "ok" if redis_ok else "down",
        "broker": broker,
        "workers": last.get("workers"),
    }


def check_readiness_access(is_admin: bool, authorization: str | None) -> None:
    """Readiness is for admins, or a monitor holding HEALTH_TOKEN (`Authorization: Bearer <token>`)."""
    if is_admin:
        return
    token = current_app.config.get("HEALTH_TOKEN") or ""
    sent = (authorization or "").removeprefix("Bearer ").strip()
    if token and sent and hmac.compare_digest(token.encode(), sent.encode()):
        return
    if sent:
        raise NotAllowed("This health token is not valid.", code="forbidden")
    raise NotAuthenticated("Log in as an admin or send the health token.")
