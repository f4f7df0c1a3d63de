"""Scheduled jobs by name, and the user-visible Job records.

The registry below is the single list of periodic work: beat sends
`run_scheduled_job(<name>)` and `flask jobs run <name>` calls `run_job(<name>)`,
so an operator (or a test) runs exactly what the schedule runs. Jobs that
could overlap (two beats, a slow run meeting the next tick, a manual run) take
a Redis lock; each is idempotent anyway, so a lock lost with Redis is harmless.
"""
from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Callable

import redis
import sqlalchemy as sa
import sqlalchemy.orm as so

from backend.errors import NotFound
from backend.extensions import db, redis_handle
from backend.models import Job, User
from backend.services.booking import notices, outcomes
from backend.services.email import delivery, outbox, reminders
from backend.services.exports import stale as stale_exports
from backend.services.ops import housekeeping, redelivery
from backend.services.paging import Page, paginate
from backend.services.reports import monthly as reports
from backend.services.triage import assessments as triage

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ScheduledJob:
    name: str
    description: str
    run: Callable[..., dict]
    lock_seconds: int


def _registry() -> dict[str, ScheduledJob]:
    def send_due(now: datetime | None = None) -> dict:
        return delivery.deliver_due_emails(claimer=f"job-{uuid.uuid4().hex}")

    jobs = [
        ScheduledJob("daily-reminders", "Queue today's appointment reminders (08:00 clinic time).",
                     reminders.send_daily_reminders, 1800),
        ScheduledJob("day-before-reminders", "Queue reminders for tomorrow's appointments, for patients who want one.",
                     reminders.send_day_before_reminders, 1800),
        ScheduledJob("monthly-reports", "Queue last month's report to each doctor and the clinic summary to admins.",
                     reports.send_monthly_reports, 1800),
        ScheduledJob("publish-slots", "Publish slots from every active doctor's weekly template.",
                     housekeeping.publish_slots, 1800),
        ScheduledJob("flag-missing-outcomes", "Flag ended appointments without an outcome; tell their doctors.",
                     outcomes.flag_missing_outcomes, 900),
        ScheduledJob("purge-expired-exports", "Delete export files past their retention.",
                     housekeeping.purge_expired_exports, 900),
        ScheduledJob("send-due-emails", "Send the outbox's due emails.", send_due, 0),
        ScheduledJob("doctor-digests", "Email each doctor who chose a daily summary the changes to their list.",
                     notices.send_daily_digests, 1800),
        ScheduledJob("redeliver-orphaned-tasks", "Requeue tasks taken by a worker that died (every minute).",
                     redelivery.redeliver_orphaned_tasks, 50),
        ScheduledJob("sweep-stale-exports", "Re-queue or fail exports whose worker died or whose message was lost; "
                     "remove orphan files.", stale_exports.sweep_stale_exports, 120),
        ScheduledJob("answer-stale-triage", "Re-queue symptom checks that waited too long, or answer them by the rules.",
                     triage.answer_stale_assessments, 120),
    ]
    return {job.name: job for job in jobs}


def scheduled_jobs() -> dict[str, ScheduledJob]:
    return _registry()


class JobLocked(Exception):
    """Another run of the same job holds its lock."""


def run_job(name: str, now: datetime | None = None) -> dict:
    """Run a scheduled job now, under its lock. Raises KeyError for an unknown name, JobLocked if running."""
    job = _registry()[name]
    lock = _acquire(name, job.lock_seconds)
    try:
        result = job.run(now=now) if now is not None else job.run()
        db.session.commit()
        outbox.send_queued_now()
        return result
    except Exception:
        db.session.rollback()
        raise
    finally:
        _release(lock)


def _acquire(name: str, seconds: int):
    if seconds <= 0:
        return None
    client = redis_handle.client()
    if client is None:
        return None
    lock = client.lock(f"carequeue:lock:job:{name}", timeout=seconds, blocking=False)
    try:
        acquired = lock.acquire()
    except redis.RedisError as exc:
        # No Redis, no lock: the job is idempotent, so running unlocked is safe.
        log.warning("job %s runs without its lock: %s", name, exc)
        return None
    if not acquired:
        raise JobLocked(name)
    return lock


def _release(lock) -> None:
    if lock is None:
        return
    try:
        lock.release()
    except (redis.RedisError, redis.exceptions.LockError):
        pass


# ---- user-visible Job records ----------------------------------------------

def job_for(user, job_id: int) -> Job:
    """The job if `user` owns it or is an admin; NotFound otherwise (others' jobs don't exist for them)."""
    job = db.session.get(Job, job_id)
    if job is None or (job.owner_id != user.id and user.role != "admin"):
        raise NotFound("No such job.")
    return job


def serialize_job_for_admin(job: Job) -> dict:
    owner = job.owner
    return dict(serialize_job(job), owner_id=job.owner_id,
                owner={"id": owner.id, "name": owner.display_name, "email": owner.email, "role": owner.role})


def serialize_job(job: Job) -> dict:
    downloadable = job.status == "done" and bool(job.result_path)
    return {
        "id": job.id,
        "kind": job.kind,
        "status": job.status,
        "progress": job.progress,
        "error": job.error,
        "note": (job.params or {}).get("note"),
        "rows_done": job.rows_done,
        "rows_total": job.rows_total,
        "created_at": job.created_at.isoformat() if job.created_at else None,
        "finished_at": job.finished_at.isoformat() if job.finished_at else None,
        "expires_at": job.expires_at.isoformat() if job.expires_at else None,
        "download_url": f"/api/jobs/{job.id}/download" if downloadable else None,
    }


def list_jobs(page: int, per_page: int, status: str | None = None, kind: str | None = None) -> Page:
    where = []
    if status:
        where.append(Job.status == status)
    if kind:
        where.append(Job.kind == kind)
    # The owner's name is on every row: load owners (and their patient/doctor record) with the page.
    stmt = (sa.select(Job).where(*where)
            .options(so.selectinload(Job.owner).selectinload(User.patient),
                     so.selectinload(Job.owner).selectinload(User.doctor))
            .order_by(Job.created_at.desc(), Job.id.desc()))
    return paginate(stmt, page, per_page)
