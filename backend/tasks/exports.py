"""User-requested exports."""
from __future__ import annotations

import logging

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded

from backend.services import queue
from backend.services.exports.treatments import fail_export, run_treatment_export

log = logging.getLogger(__name__)


@shared_task(bind=True, name=queue.EXPORT_TREATMENTS, max_retries=2)
def export_treatments(self, job_id: int) -> dict:
    try:
        return run_treatment_export(job_id)
    except SoftTimeLimitExceeded:
        fail_export(job_id, "The export took too long and was stopped. Please try again later.")
        return {"job": job_id, "status": "failed"}
    except Exception as exc:
        if self.request.retries < self.max_retries:
            raise self.retry(exc=exc, countdown=30 * (2 ** self.request.retries))
        log.exception("export job %s failed", job_id)
        fail_export(job_id, "The export could not be completed. Please try again.")
        return {"job": job_id, "status": "failed"}
