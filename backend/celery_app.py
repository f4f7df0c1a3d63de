"""Flask's Celery pattern: one Celery app bound to a Flask app, tasks run in its context."""
from __future__ import annotations

from celery import Celery, Task
from celery.schedules import crontab
from flask import Flask

# Task names live in services/queue.py. Beat sends every scheduled job through
# one task, naming the job; the registry in services/ops/jobs.py maps the name
# to its service function, so beat and `flask jobs run <name>` run exactly the
# same code.
from backend.services import queue


def celery_init_app(app: Flask) -> Celery:
    survive_broker_loss()
    class FlaskTask(Task):
        def __call__(self, *args, **kwargs):
            with app.app_context():
                return self.run(*args, **kwargs)

    broker = app.config.get("CELERY_BROKER_URL") or app.config["REDIS_URL"]
    backend = app.config.get("CELERY_RESULT_BACKEND") or app.config["REDIS_URL"]
    celery = Celery(app.name, task_cls=FlaskTask)
    celery.config_from_object(celery_settings(app, broker, backend))
    celery.set_default()
    app.extensions["celery"] = celery
    return celery


def survive_broker_loss() -> None:
    """Keep the worker alive when Redis dies while a task is unacknowledged (kombu 5.7.0, pinned).

    On a lost connection the consumer first `collect()`s the connection, which
    detaches the transport from it (`transport.client = None`), then closes it.
    Closing the default channel restores its unacknowledged messages, and a
    task that finishes after the reconnect acknowledges on its old channel:
    both build a new connection pool from the detached transport, so kombu's
    Redis channel reads `None.hostname` (or `None.client`). That AttributeError
    is not a connection error, so the consumer's cleanup lets it through and
    the worker process exits ("Unrecoverable error"). The Procfile's worker
    (gossip and heartbeats on) reached it 3 times out of 3.

    Here a detached channel raises redis's ConnectionError instead, which every
    cleanup path already handles: the restore is skipped (the messages stay in
    Redis's `unacked` hash if Redis survived, and kombu's visibility sweep
    requeues them), a late acknowledgement is logged and dropped (tasks are
    idempotent; when Redis lost the message, the sweeps for the outbox, stale
    exports and stale symptom checks redo the work from the database).
    """
    import redis
    from kombu.transport import redis as kombu_redis

    connparams = kombu_redis.Channel._connparams
    if getattr(connparams, "carequeue_patched", False):
        return

    def _connparams(self, asynchronous=False):
        transport = self.connection
        if transport is None or transport.client is None:
            raise redis.exceptions.ConnectionError("the broker connection was closed after a connection loss")
        return connparams(self, asynchronous=asynchronous)

    _connparams.carequeue_patched = True
    kombu_redis.Channel._connparams = _connparams


def _hour_minute(value: str) -> tuple[int, int]:
    hours, minutes = value.split(":")
    return int(hours), int(minutes)


def beat_schedule(config) -> dict:
    """The named periodic jobs. Crontabs are read in the app's timezone, the clinic's."""
    rem_h, rem_m = _hour_minute(config["REMINDERS_AT"])
    eve_h, eve_m = _hour_minute(config["EVE_REMINDERS_AT"])
    rep_h, rep_m = _hour_minute(config["MONTHLY_REPORTS_AT"])
    pub_h, pub_m = _hour_minute(config["PUBLISH_SLOTS_AT"])
    pur_h, pur_m = _hour_minute(config["PURGE_EXPORTS_AT"])
    dig_h, dig_m = _hour_minute(config["DOCTOR_DIGEST_AT"])

    def job(name: str, schedule: crontab) -> dict:
        # expires: a beat tick that waited longer than an hour in the queue is
        # stale; the next tick (or an idempotent re-run) covers the same ground.
        return {"task": queue.RUN_SCHEDULED_JOB, "schedule": schedule, "args": (name,), "options": {"expires": 3600}}

    schedule = {
        "daily-reminders": job("daily-reminders", crontab(minute=rem_m, hour=rem_h)),
        "day-before-reminders": job("day-before-reminders", crontab(minute=eve_m, hour=eve_h)),
        "monthly-reports": job("monthly-reports", crontab(minute=rep_m, hour=rep_h, day_of_month=1)),
        "publish-slots": job("publish-slots", crontab(minute=pub_m, hour=pub_h)),
        "flag-missing-outcomes": job("flag-missing-outcomes", crontab(minute=config["OUTCOME_CHECK_MINUTE"])),
        "purge-expired-exports": job("purge-expired-exports", crontab(minute=pur_m, hour=pur_h)),
        "send-due-emails": {"task": queue.SEND_DUE_EMAILS, "schedule": crontab(), "options": {"expires": 55}},
        "answer-stale-triage": job("answer-stale-triage", crontab(minute="*/2")),
        "sweep-stale-exports": job("sweep-stale-exports", crontab(minute="1-59/2")),
        "doctor-digests": job("doctor-digests", crontab(minute=dig_m, hour=dig_h)),
        "redeliver-orphaned-tasks": dict(job("redeliver-orphaned-tasks", crontab()), options={"expires": 55}),
    }
    # For drills and the scale-out proof: named jobs fire every minute (each is idempotent).
    for name in config.get("SCHEDULE_EVERY_MINUTE") or ():
        if name in schedule:
            schedule[name] = dict(schedule[name], schedule=crontab())
    return schedule


def celery_settings(app: Flask, broker: str, backend: str) -> dict:
    config = app.config
    return {
        "broker_url": broker,
        "result_backend": backend,
        "task_serializer": "json",
        "result_serializer": "json",
        "accept_content": ["json"],
        "timezone": config["CLINIC_TIMEZONE"],
        "enable_utc": True,
        "task_ignore_result": True,
        "broker_connection_retry_on_startup": True,
        # Every task is idempotent, so a task whose worker died is run again
        # rather than lost: acknowledge after the run, requeue on a lost child.
        "task_acks_late": True,
        "task_reject_on_worker_lost": True,
        "worker_prefetch_multiplier": 1,
        "task_soft_time_limit": config["CELERY_TASK_SOFT_TIME_LIMIT"],
        "task_time_limit": config["CELERY_TASK_TIME_LIMIT"],
        "broker_transport_options": {
            "visibility_timeout": max(config["CELERY_VISIBILITY_TIMEOUT"], config["CELERY_TASK_TIME_LIMIT"] + 60),
            # A hung broker must not hold a web request that only wanted to
            # nudge the sender (the worker's BRPOP polls every second, well within).
            "socket_connect_timeout": 2,
            "socket_timeout": 5,
        },
        "broker_connection_timeout": 2,
        "worker_send_task_events": False,
        "beat_schedule": beat_schedule(config),
        "imports": ("backend.tasks",),
    }
