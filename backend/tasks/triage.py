"""Triage task: answer one assessment (the stale sweep runs as the scheduled job `answer-stale-triage`)."""
from __future__ import annotations

from celery import shared_task

from backend.services import queue
from backend.services.triage import assessments as service


@shared_task(name=queue.RUN_TRIAGE, acks_late=True, soft_time_limit=150, time_limit=180)
def run_triage(assessment_id: int) -> bool:
    """Answer one queued assessment (the provider, or the rules on any failure). Idempotent."""
    return service.answer_assessment(assessment_id)

