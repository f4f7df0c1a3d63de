"""The periodic jobs sent by beat, by name (see services/jobs.py for the registry)."""
from __future__ import annotations

import logging

from celery import shared_task

from backend.services import queue
from backend.services.ops.jobs import JobLocked, run_job

log = logging.getLogger(__name__)


@shared_task(bind=True, name=queue.RUN_SCHEDULED_JOB, max_retries=3)
def run_scheduled_job(self, name: str) -> dict:
    try:
        return run_job(name)
    except JobLocked:
        # Another run (a second beat, a manual run) is doing the same work right now.
        log.info("job %s is already running; this tick is skipped", name)
        return {"skipped": "already running"}
    except Exception as exc:
        # Jobs are idempotent: a transient failure (database restart) is simply run again.
        raise self.retry(exc=exc, countdown=60 * (2 ** self.request.retries))
