"""The one way to hand work to a worker: `enqueue(TASK, *ids)`, called after the commit that made the work.

Every task name is here, so a service never imports a task (tasks import
services, never the reverse). Arguments are ids, never objects. A broker that
can't be reached makes `enqueue` return None at once: each caller has its own
safety net (the outbox sweep sends the email, the rules answer the symptom
check, the export is marked failed and can be started again). A hung broker holds
a request QUEUE_PUBLISH_TIMEOUT (0.3 s) at most.
"""
from __future__ import annotations

import concurrent.futures
import logging
import os
import threading

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
    executor, in_flight = _publisher()
    if not in_flight.acquire(blocking=False):
        # Earlier publishes are still stuck on a hung broker: don't queue behind them.
        log.warning("could not queue %s%s: the broker is not answering", task_name, args)
        return None
    try:
        future = executor.submit(_publish, celery, task_name, args)
    except RuntimeError:  # the interpreter is shutting down
        in_flight.release()
        return None
    future.add_done_callback(lambda _: in_flight.release())
    try:
        return future.result(timeout=current_app.config.get("QUEUE_PUBLISH_TIMEOUT", 0.3))
    except concurrent.futures.TimeoutError:
        # A hung broker: the request goes on, the publish finishes (or fails) in the background,
        # and the cache's breaker keeps the next requests from trying the same Redis for a while.
        log.warning("could not queue %s%s within the publish timeout", task_name, args)
        if broker == redis_handle.url:
            redis_handle.trip(TimeoutError("publish timed out"))
        return None
    except Exception as exc:  # any broker failure: the caller's safety net takes over
        log.warning("could not queue %s%s: %s", task_name, args, exc)
        return None


# Publishing runs on a few threads so a request waits QUEUE_PUBLISH_TIMEOUT at most, however
# long the broker client's own timeouts and retries take. At most _MAX_IN_FLIGHT publishes
# wait on a hung broker at once. Made per process (after a fork, the parent's threads are gone).
_MAX_IN_FLIGHT = 8
_executor: tuple[int, concurrent.futures.ThreadPoolExecutor, threading.BoundedSemaphore] | None = None
_executor_lock = threading.Lock()


def _publisher() -> tuple[concurrent.futures.ThreadPoolExecutor, threading.BoundedSemaphore]:
    global _executor
    with _executor_lock:
        if _executor is None or _executor[0] != os.getpid():
            _executor = (os.getpid(), concurrent.futures.ThreadPoolExecutor(_MAX_IN_FLIGHT, "publish"),
                         threading.BoundedSemaphore(_MAX_IN_FLIGHT))
        return _executor[1], _executor[2]


def _publish(celery, task_name: str, args: tuple) -> str:
    return celery.send_task(task_name, args=args, retry=False).id
