"""Exports that can't get stuck: liveness, the stale-export sweep, and the per-user rate limit.

A running export writes its `.part` file batch after batch, so the file's
modification time is its heartbeat (in the shared EXPORT_DIR, seen from every
machine). A job is alive while it is queued for less than EXPORT_STALE_SECONDS,
or running and its `.part` file (or, before the first batch, its start) is
younger than that. Anything else belongs to a worker that died or a message
Redis lost:

- a queued job is queued again once, then failed;
- a running job is failed, its `.part` file removed;
- `.part` files nobody writes to any more are removed;

and the user can always start a new export: a dead job never stands in for it.
"""
from __future__ import annotations

import glob
import logging
import os
import time
from datetime import datetime, timedelta

import sqlalchemy as sa
from flask import current_app

from backend.errors import TooManyRequests
from backend.extensions import db
from backend.messages import Message
from backend.models import Job
from backend.services import queue
from backend.services.clock import utc_now

log = logging.getLogger(__name__)

EXPORT_KIND = "treatments_export"  # treatments.EXPORT_KIND (a test keeps them equal)
STOPPED = "The export stopped before it finished. Please start it again."
MAX_REQUEUES = 1


def _stale_seconds() -> int:
    return int(current_app.config["EXPORT_STALE_SECONDS"])


def _files(job_id: int, suffix: str) -> list[str]:
    return glob.glob(os.path.join(current_app.config["EXPORT_DIR"], f"treatments-{job_id}-*{suffix}"))


def is_alive(job: Job, now: datetime | None = None) -> bool:
    """Whether a queued or running job is still being worked on (see the module's docstring)."""
    now = now or utc_now()
    limit = timedelta(seconds=_stale_seconds())
    if job.status == "queued":
        queued_at = (job.params or {}).get("queued_at")
        return (datetime.fromisoformat(queued_at) if queued_at else job.created_at) > now - limit
    if job.status != "running":
        return False
    if job.started_at and job.started_at > now - limit:
        return True
    newest = max((os.path.getmtime(path) for path in _files(job.id, ".csv.part") + _files(job.id, ".csv")),
                 default=0.0)
    return newest > time.time() - _stale_seconds()


def check_rate(user_id: int, now: datetime | None = None) -> None:
    """At most EXPORT_RATE_PER_HOUR exports per user per hour (failed ones don't count: starting over is free)."""
    now = now or utc_now()
    per_hour = int(current_app.config["EXPORT_RATE_PER_HOUR"])
    since = now - timedelta(hours=1)
    recent = db.session.execute(
        sa.select(Job.created_at).where(Job.owner_id == user_id, Job.kind == EXPORT_KIND, Job.created_at > since,
                                        Job.status != "failed").order_by(Job.created_at)
    ).scalars().all()
    if len(recent) >= per_hour:
        wait = max(int((recent[0] + timedelta(hours=1) - now).total_seconds()) + 1, 1)
        raise TooManyRequests(Message("You can start {per_hour} exports an hour. Please try again in {minutes} "
                                      "minutes; your last exports are still available to download.",
                                      per_hour=per_hour, minutes=wait // 60 + 1),
                              code="export_rate_limited", headers={"Retry-After": str(wait)})


def fail_stopped(job: Job, reason: str = STOPPED) -> bool:
    """Fail a dead job unless it moved on meanwhile (the update re-checks its status). Caller commits."""
    result = db.session.execute(
        sa.update(Job).where(Job.id == job.id, Job.status == job.status)
        .values(status="failed", error=reason, finished_at=utc_now())
        .execution_options(synchronize_session=False))
    for path in _files(job.id, ".csv.part"):
        _remove(path)
    return result.rowcount == 1


def sweep_stale_exports(now: datetime | None = None) -> dict:
    """The scheduled job `sweep-stale-exports`: re-queue or fail stale export jobs, remove orphan files."""
    now = now or utc_now()
    counts = {"requeued": 0, "failed": 0, "orphans_removed": 0}
    limit = timedelta(seconds=_stale_seconds())
    candidates = db.session.execute(
        sa.select(Job).where(Job.kind == EXPORT_KIND, sa.or_(
            sa.and_(Job.status == "queued", Job.created_at <= now - limit),
            sa.and_(Job.status == "running", Job.started_at <= now - limit)))
        .order_by(Job.id)
    ).scalars().all()
    for job in candidates:
        if is_alive(job, now):
            continue
        requeues = int((job.params or {}).get("requeued", 0))
        if job.status == "queued" and requeues < MAX_REQUEUES:
            # A fresh wait before the next sweep judges it again.
            job.params = dict(job.params or {}, requeued=requeues + 1, queued_at=now.isoformat())
            db.session.commit()
            task_id = queue.enqueue(queue.EXPORT_TREATMENTS, job.id)
            if task_id is not None:
                job.celery_id = task_id
                db.session.commit()
                counts["requeued"] += 1
                continue
        if fail_stopped(job):
            counts["failed"] += 1
        db.session.commit()
    # .part files no live export writes to: a worker killed mid-write left them.
    cutoff = time.time() - _stale_seconds()
    for path in glob.glob(os.path.join(current_app.config["EXPORT_DIR"], "*.part")):
        try:
            if os.path.getmtime(path) < cutoff:
                os.remove(path)
                counts["orphans_removed"] += 1
        except FileNotFoundError:
            pass
    if any(counts.values()):
        log.info("stale exports: %s", counts)
    return counts


def _remove(path: str) -> None:
    try:
        os.remove(path)
    except FileNotFoundError:
        pass
