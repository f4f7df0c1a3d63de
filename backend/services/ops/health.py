"""Health of the parts CareQueue depends on."""
from __future__ import annotations

import sqlalchemy as sa
from flask import current_app

from backend.extensions import db, redis_handle

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
