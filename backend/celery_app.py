"""Flask's Celery pattern: one Celery app bound to a Flask app, tasks run in its context."""
from __future__ import annotations

from celery import Celery, Task
from flask import Flask


def celery_init_app(app: Flask) -> Celery:
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


def celery_settings(app: Flask, broker: str, backend: str) -> dict:
    return {
        "broker_url": broker,
        "result_backend": backend,
        "task_serializer": "json",
        "result_serializer": "json",
        "accept_content": ["json"],
        "timezone": app.config["CLINIC_TIMEZONE"],
        "enable_utc": True,
        "task_ignore_result": True,
        "broker_connection_retry_on_startup": True,
        "imports": ("backend.tasks",),
    }
