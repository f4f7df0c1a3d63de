"""Outbox delivery."""
from __future__ import annotations

from celery import shared_task

from backend.services import queue
from backend.services.email.delivery import deliver_due_emails


@shared_task(bind=True, name=queue.SEND_DUE_EMAILS)
def send_due_emails(self) -> dict:
    # The task id names the claim: if this worker dies mid-send, the redelivered
    # task (same id) takes its rows back at once instead of waiting for them to go stale.
    return deliver_due_emails(claimer=self.request.id or None)
