"""A Redis loss under a running export: the Celery worker survives, reconnects and keeps working.

Real parts only: a redis-server this test owns (killed with SIGKILL, then started
again empty on the same port, as a restart without persistence), a Celery worker
subprocess, the test database.
"""
from __future__ import annotations

import os
import time as clock
from datetime import date, time, timedelta

import pytest
import sqlalchemy as sa

from backend.extensions import db
from backend.models import Appointment, Job, Treatment
from backend.services import queue
from backend.services.exports import treatments as exports
from tests.conftest import ROOT, WorkerProcess, free_port
from tests.faults import RedisProcess

pytestmark = pytest.mark.slow


def seed_treatments(factory, count: int):
    """`count` completed appointments with treatments, inserted in bulk."""
    patient, doctor = factory.patient(), factory.doctor()
    first = date(2025, 1, 1)
    db.session.execute(sa.insert(Appointment), [
        {"id": 100_000 + i, "patient_id": patient.id, "doctor_id": doctor.id, "date": first + timedelta(days=i % 300),
         "start_time": time(9, 0), "end_time": time(9, 30), "status": "completed", "reason": ""}
        for i in range(count)])
    db.session.execute(sa.insert(Treatment), [
        {"appointment_id": 100_000 + i, "diagnosis": f"diagnosis {i}", "prescription": "rest", "notes": ""}
        for i in range(count)])
    db.session.commit()


class ProcfileWorker(WorkerProcess):
    """The worker exactly as the Procfile runs it (gossip, mingle and heartbeats on, two children)."""

    def __init__(self, env: dict, log_path: str) -> None:
        import subprocess

        command = procfile_command("worker").replace("${WORKER_CONCURRENCY:-2}", "2")
        self.log = open(log_path, "ab")
        env = dict(env, PATH=os.path.join(ROOT, ".venv", "bin") + os.pathsep + env.get("PATH", ""))
        self.proc = subprocess.Popen(command.split() + ["-n", f"procfile-{free_port()}@%h"], cwd=ROOT, env=env,
                                     stdout=self.log, stderr=subprocess.STDOUT)


def procfile_command(name: str) -> str:
    from backend.devserver import read_procfile

    return dict(read_procfile(os.path.join(ROOT, "Procfile")))[name]


def wait_until(condition, timeout: float = 60.0, what: str = "condition"):
    deadline = clock.monotonic() + timeout
    while clock.monotonic() < deadline:
        db.session.rollback()
        value = condition()
        if value:
            return value
        clock.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


def test_worker_survives_redis_killed_under_a_running_export(app, factory, make_app, database_url, instance_dir,
                                                             tmp_path):
    broker = RedisProcess(str(tmp_path / "redis.log")).start()
    worker = None
    try:
        other = make_app(REDIS_URL=broker.url)
        celery = other.extensions["celery"]
        seed_treatments(factory, 1500)
        admin = factory.admin()
        env = dict(os.environ, CAREQUEUE_ENV="test", TEST_DATABASE_URL=database_url, TEST_REDIS_URL=broker.url,
                   CAREQUEUE_INSTANCE=instance_dir, EXPORT_DIR=app.config["EXPORT_DIR"], MAIL_SERVER="127.0.0.1",
                   MAIL_PORT=str(free_port()), EXPORT_BATCH_SIZE="1", OUTBOX_KICK_AFTER_COMMIT="false")
        worker = ProcfileWorker(env, str(tmp_path / "worker.log")).wait_ready(celery)
        job = Job(kind=exports.EXPORT_KIND, owner_id=admin.id, status="queued", params={})
        db.session.add(job)
        db.session.commit()
        with other.app_context():
            assert queue.enqueue(queue.EXPORT_TREATMENTS, job.id) is not None
        wait_until(lambda: db.session.get(Job, job.id).rows_done > 20, what="the export to be running")

        broker.kill()
        clock.sleep(4)  # the consumer notices, restores the unacknowledged message, retries
        assert worker.proc.poll() is None, open(worker.log.name, errors="replace").read()[-3000:]

        broker.start()  # same port, empty: a restart without persistence
        finished = wait_until(lambda: db.session.get(Job, job.id).status in ("done", "failed"), timeout=120,
                              what="the export to finish")
        assert finished and db.session.get(Job, job.id).status == "done"
        assert worker.proc.poll() is None, open(worker.log.name, errors="replace").read()[-3000:]

        # The worker is connected again: new work is taken and done.
        second = Job(kind=exports.EXPORT_KIND, owner_id=admin.id, status="queued", params={})
        db.session.add(second)
        db.session.commit()
        with other.app_context():
            assert queue.enqueue(queue.EXPORT_TREATMENTS, second.id) is not None
        wait_until(lambda: db.session.get(Job, second.id).status == "done", timeout=120, what="the second export")
        assert worker.proc.poll() is None
    finally:
        if worker is not None:
            worker.stop()
        broker.stop()


def test_the_workaround_is_pinned_to_the_kombu_it_was_written_for(app):
    """`survive_broker_loss` patches kombu 5.7.0's Redis channel: an upgrade must re-run the test above."""
    import kombu
    from kombu.transport import redis as kombu_redis

    pinned = [line.strip() for line in open(os.path.join(ROOT, "requirements.txt")) if line.startswith("kombu==")]
    assert pinned == [f"kombu=={kombu.__version__}"] == ["kombu==5.7.0"]
    assert getattr(kombu_redis.Channel._connparams, "carequeue_patched", False)
