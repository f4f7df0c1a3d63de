"""Exports never get stuck: a worker killed mid-export, a message lost with a Redis restart, a user who
starts over, and a per-user rate limit. Real worker processes and a real redis-server."""
from __future__ import annotations

import glob
import os
import signal
import time as clock
from datetime import timedelta

import pytest
import sqlalchemy as sa

from backend.extensions import db
from backend.models import Job
from backend.services.clock import utc_now
from backend.services.exports import stale, treatments as exports
from backend.services.ops.jobs import run_job
from tests.conftest import WorkerProcess, free_port
from tests.faults import RedisProcess
from tests.test_broker_loss import seed_treatments, wait_until

pytestmark = pytest.mark.slow


def worker_env(app, database_url, instance_dir, redis_url, **extra) -> dict:
    env = dict(os.environ, CAREQUEUE_ENV="test", TEST_DATABASE_URL=database_url, TEST_REDIS_URL=redis_url,
               CAREQUEUE_INSTANCE=instance_dir, EXPORT_DIR=app.config["EXPORT_DIR"], MAIL_SERVER="127.0.0.1",
               MAIL_PORT=str(free_port()), OUTBOX_KICK_AFTER_COMMIT="false")
    env.update({key: str(value) for key, value in extra.items()})
    return env


@pytest.fixture(autouse=True)
def own_settings(app, monkeypatch, tmp_path):
    """Settings changed by a test stay in that test; an export folder no other test writes to."""
    monkeypatch.setitem(app.config, "EXPORT_DIR", str(tmp_path / "exports"))
    for key in ("EXPORT_STALE_SECONDS", "EXPORT_RATE_PER_HOUR"):
        monkeypatch.setitem(app.config, key, app.config[key])


def part_files(app, job_id: int) -> list[str]:
    return glob.glob(os.path.join(app.config["EXPORT_DIR"], f"treatments-{job_id}-*.part"))


def test_worker_killed_mid_export_is_swept_and_the_user_starts_over(app, factory, new_client, database_url,
                                                                    instance_dir, redis_url, tmp_path):
    app.config["EXPORT_STALE_SECONDS"] = 2
    seed_treatments(factory, 1500)
    admin = factory.admin()
    owner = new_client()
    owner.login(admin.email)
    worker = WorkerProcess(worker_env(app, database_url, instance_dir, redis_url, EXPORT_BATCH_SIZE=1),
                           str(tmp_path / "worker.log")).wait_ready(app.extensions["celery"])
    try:
        job_id = owner.post("/api/export/treatments").get_json()["job_id"]
        wait_until(lambda: db.session.get(Job, job_id).rows_done > 20, what="the export to be running")
        for child in worker.children():
            child.send_signal(signal.SIGKILL)
        worker.proc.send_signal(signal.SIGKILL)
        worker.proc.wait(10)
    finally:
        worker.stop()
    db.session.rollback()
    job = db.session.get(Job, job_id)
    assert job.status == "running" and 0 < job.progress < 100 and part_files(app, job_id)

    # While it still looks alive, a second click returns the same job ...
    assert owner.post("/api/export/treatments").get_json()["job_id"] == job_id
    clock.sleep(2.5)
    # ... and once its file stopped growing, the sweep fails it and removes the orphan.
    assert run_job("sweep-stale-exports") == {"requeued": 0, "failed": 1, "orphans_removed": 0}
    db.session.rollback()
    job = db.session.get(Job, job_id)
    assert job.status == "failed" and job.error == stale.STOPPED
    assert part_files(app, job_id) == []
    again = owner.post("/api/export/treatments")
    assert again.status_code == 202 and again.get_json()["job_id"] != job_id


def test_a_dead_job_never_blocks_a_new_export_even_before_the_sweep(app, factory, new_client):
    app.config["EXPORT_STALE_SECONDS"] = 60
    patient = factory.patient()
    dead = Job(kind=exports.EXPORT_KIND, owner_id=patient.user.id, status="running", params={},
               created_at=utc_now() - timedelta(minutes=10), started_at=utc_now() - timedelta(minutes=10))
    db.session.add(dead)
    db.session.commit()
    orphan = os.path.join(app.config["EXPORT_DIR"], f"treatments-{dead.id}-0123456789abcdef.csv.part")
    os.makedirs(app.config["EXPORT_DIR"], exist_ok=True)
    open(orphan, "w").close()
    os.utime(orphan, (clock.time() - 600, clock.time() - 600))
    owner = new_client()
    owner.login(patient.user.email)
    response = owner.post("/api/export/treatments")
    assert response.status_code == 202 and response.get_json()["job_id"] != dead.id
    db.session.rollback()
    assert db.session.get(Job, dead.id).status == "failed" and not os.path.exists(orphan)


def test_a_job_lost_with_a_redis_restart_is_queued_again(app, factory, make_app, new_client, database_url,
                                                         instance_dir, tmp_path):
    broker = RedisProcess(str(tmp_path / "redis.log")).start()
    worker = None
    try:
        other = make_app(REDIS_URL=broker.url, EXPORT_STALE_SECONDS=1, EXPORT_DIR=app.config["EXPORT_DIR"])
        patient = factory.patient()
        client = other.test_client()
        login = client.post("/auth/login", json={"email": patient.user.email, "password": "correct-horse-battery"})
        response = client.post("/api/export/treatments", headers={"X-CSRF-Token": login.get_json()["csrf_token"]})
        assert response.status_code == 202  # queued in Redis; no worker is running yet
        job_id = response.get_json()["job_id"]
        broker.kill()
        broker.start()  # same port, empty: restarted without persistence, the message is gone
        worker = WorkerProcess(worker_env(app, database_url, instance_dir, broker.url),
                               str(tmp_path / "worker.log")).wait_ready(other.extensions["celery"])
        clock.sleep(2)
        db.session.rollback()
        assert db.session.get(Job, job_id).status == "queued"  # nobody will ever take it
        with other.app_context():
            assert run_job("sweep-stale-exports")["requeued"] == 1
        wait_until(lambda: db.session.get(Job, job_id).status == "done", what="the re-queued export")
    finally:
        if worker is not None:
            worker.stop()
        broker.stop()


def test_a_job_requeued_once_and_still_lost_is_failed(app, factory):
    app.config["EXPORT_STALE_SECONDS"] = 60
    user = factory.patient().user
    job = Job(kind=exports.EXPORT_KIND, owner_id=user.id, status="queued", created_at=utc_now() - timedelta(hours=1),
              params={"requeued": 1, "queued_at": (utc_now() - timedelta(minutes=5)).isoformat()})
    db.session.add(job)
    db.session.commit()
    assert stale.sweep_stale_exports()["failed"] == 1
    assert db.session.get(Job, job.id).status == "failed"


def test_exports_are_rate_limited_per_user_and_failures_do_not_count(app, factory, new_client):
    app.config["EXPORT_RATE_PER_HOUR"] = 3
    patient, other = factory.patient(), factory.patient()
    for status in ("done", "done", "failed", "failed", "done"):
        db.session.add(Job(kind=exports.EXPORT_KIND, owner_id=patient.user.id, status=status, params={}))
    db.session.commit()
    owner = new_client()
    owner.login(patient.user.email)
    refused = owner.post("/api/export/treatments")
    assert refused.status_code == 429 and refused.get_json()["error"]["code"] == "export_rate_limited"
    assert 0 < int(refused.headers["Retry-After"]) <= 3601
    assert db.session.execute(sa.select(sa.func.count()).select_from(Job)).scalar_one() == 5
    someone_else = new_client()
    someone_else.login(other.user.email)
    assert someone_else.post("/api/export/treatments").status_code == 202


def test_export_kind_is_one_name():
    assert stale.EXPORT_KIND == exports.EXPORT_KIND
