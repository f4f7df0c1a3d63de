"""The one way to hand work to a worker: `enqueue(TASK, *ids)`, called after the commit that made the work.

Every task name is here, so a service never imports a task (tasks import
services, never the reverse). Arguments are ids, never objects. A broker that
can't be reached makes `enqueue` return None at once: each caller has its own
safety net (the outbox sweep sends the email, the rules answer the symptom
check, the export is marked failed and can be started again).
"""
from __future__ import annotations

import logging

from flask import current_app

from backend.extensions import redis_handle

log = logging.getLogger(__name__)

SEND_DUE_EMAILS = "backend.tasks.email.send_due_emails"
EXPORT_TREATMENTS = "backend.tasks.exports.export_treatments"
RUN_TRIAGE = "backend.tasks.triage.run_triage"
RUN_SCHEDULED_JOB = "backend.tasks.scheduled.run_scheduled_job"
TASK_NAMES = frozenset({SEND_DUE_EMAILS, EXPORT_TREATMENTS, RUN_TRIAGE, RUN_SCHEDULED_JOB})


def enqueue(task_name: str, *args: int | str) -> str | None:
    """Send `task_name(*args)` to the workers. The task id, or None when it could not be queued."""
    if task_name not in TASK_NAMES:
        raise ValueError(f"unknown task {task_name!r}")
    celery = current_app.extensions.get("celery")
    if celery is None:
        return None
    broker = current_app.config.get("CELERY_BROKER_URL") or current_app.config["REDIS_URL"]
    if broker == redis_handle.url and redis_handle.client() is None:
        # That Redis just failed for the cache: don't spend a connect timeout
        # on every request while it is down.
        return None
    try:
        return celery.send_task(task_name, args=args, retry=False).id
    except Exception as exc:  # any broker failure: the caller's safety net takes over
        log.warning("could not queue %s%s: %s", task_name, args, exc)
        return None
