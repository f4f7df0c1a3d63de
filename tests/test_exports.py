"""services/exports.py and /api/export, /api/jobs: scope, CSV safety, progress, access."""
from __future__ import annotations

import csv
import io
import os
from datetime import date, timedelta

import pytest
import sqlalchemy as sa

from backend.extensions import db
from backend.models import EmailOutbox, Job
from backend.services import queue as work_queue
from backend.services.clock import utc_now
from backend.services.exports import treatments as exports
from backend.services.ops import housekeeping


def read_csv(path: str) -> list[list[str]]:
    with open(path, "rb") as fh:
        raw = fh.read()
    assert raw.startswith(b"\xef\xbb\xbf"), "Excel needs the UTF-8 BOM"
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


@pytest.mark.parametrize("value, cell", [
    ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
    ("+1", "'+1"), ("-2", "'-2"), ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"), ("\rx", "'\rx"),
    ("plain", "plain"), ("a=b", "a=b"), (None, ""), ("", ""),
])
def test_neutralise(value, cell):
    assert exports.neutralise(value) == cell


def make_job(user) -> Job:
    job = Job(kind=exports.EXPORT_KIND, owner_id=user.id, status="queued", params={})
    db.session.add(job)
    db.session.commit()
    return job


def test_patient_export_is_their_own_treatments_quoted_safely(app, factory, make_appointment, monkeypatch):
    patient = factory.patient(full_name="Zoë \"Z\" Ahmed, Jr.")
    other = factory.patient()
    doctor = factory.doctor()
    for index in range(7):
        make_appointment(patient=patient, doctor=doctor, day=date(2026, 9, 1) + timedelta(days=index),
                         status="completed", diagnosis=f"Line one\nline two, {index}" if index else "=cmd|' /C calc'!A0")
    make_appointment(patient=patient, doctor=doctor, day=date(2026, 9, 20), status="booked")
    make_appointment(patient=other, doctor=doctor, day=date(2026, 9, 21), status="completed", diagnosis="Other")
    monkeypatch.setitem(app.config, "EXPORT_BATCH_SIZE", 3)
    progress = []
    original = exports._progress
    monkeypatch.setattr(exports, "_progress", lambda job_id, done, total: (progress.append((done, total)),
                                                                           original(job_id, done, total)))
    job = make_job(patient.user)
    assert exports.run_treatment_export(job.id)["rows"] == 7
    assert progress == [(3, 7), (6, 7), (7, 7)]
    db.session.expire_all()
    job = db.session.get(Job, job.id)
    assert (job.status, job.progress, job.rows_done, job.rows_total) == ("done", 100, 7, 7)
    assert job.expires_at - job.finished_at == timedelta(days=app.config["EXPORT_RETENTION_DAYS"])
    rows = read_csv(exports.export_file(job))
    assert rows[0] == exports.HEADER
    assert len(rows) == 8
    assert rows[1][5] == "Zoë \"Z\" Ahmed, Jr."
    assert rows[1][7] == "'=cmd|' /C calc'!A0"
    assert rows[2][7] == "Line one\nline two, 1"
    email = db.session.execute(sa.select(EmailOutbox).where(EmailOutbox.kind == "export_ready")).scalar_one()
    assert email.recipient == patient.user.email
    assert email.attachments[0]["path"] == exports.export_file(job)
    assert exports.run_treatment_export(job.id)["status"] == "done"  # a redelivered task changes nothing


def test_doctor_and_admin_scopes(app, factory, make_appointment):
    mine, theirs = factory.doctor(), factory.doctor()
    make_appointment(doctor=mine, day=date(2026, 9, 1), status="completed", diagnosis="A")
    make_appointment(doctor=theirs, day=date(2026, 9, 1), status="completed", diagnosis="B")
    make_appointment(doctor=theirs, day=date(2026, 9, 2), status="no_show")
    make_appointment(doctor=theirs, day=date(2026, 9, 3), status="cancelled")
    doctor_job, admin_job = make_job(mine.user), make_job(factory.admin())
    exports.run_treatment_export(doctor_job.id)
    exports.run_treatment_export(admin_job.id)
    assert [row[7] for row in read_csv(exports.export_file(db.session.get(Job, doctor_job.id)))[1:]] == ["A"]
    admin_rows = read_csv(exports.export_file(db.session.get(Job, admin_job.id)))[1:]
    assert sorted(row[6] for row in admin_rows) == ["completed", "completed", "no_show"]


def test_large_exports_are_linked_not_attached(app, factory, make_appointment, monkeypatch):
    patient = factory.patient()
    make_appointment(patient=patient, day=date(2026, 9, 1), status="completed", diagnosis="A")
    monkeypatch.setitem(app.config, "EXPORT_ATTACH_MAX_BYTES", 10)
    job = make_job(patient.user)
    exports.run_treatment_export(job.id)
    email = db.session.execute(sa.select(EmailOutbox).where(EmailOutbox.kind == "export_ready")).scalar_one()
    assert email.attachments == []
    # The link opens the app's page for the export (login first when logged out), not the raw API.
    assert f"/#/exports/{job.id}" in email.body_text and "/api/jobs/" not in email.body_text


def test_an_export_with_no_rows_is_not_emailed(app, factory):
    """Issue 13, point 9: a zero-row export finishes (the page says so) but sends no email."""
    patient = factory.patient()
    job = make_job(patient.user)
    assert exports.run_treatment_export(job.id) == {"job": job.id, "status": "done", "rows": 0}
    assert db.session.get(Job, job.id).rows_done == 0
    assert db.session.execute(sa.select(sa.func.count()).select_from(EmailOutbox)).scalar_one() == 0


def test_opted_out_patient_gets_the_file_but_no_email(app, factory, make_appointment):
    patient = factory.patient(email_opt_in=False)
    make_appointment(patient=patient, day=date(2026, 9, 1), status="completed", diagnosis="A")
    job = make_job(patient.user)
    assert exports.run_treatment_export(job.id)["status"] == "done"
    assert db.session.execute(sa.select(sa.func.count()).select_from(EmailOutbox)).scalar_one() == 0


def test_api_export_access(app, factory, make_appointment, new_client, monkeypatch):
    patient, stranger, admin = factory.patient(), factory.patient(), factory.admin()
    make_appointment(patient=patient, day=date(2026, 9, 1), status="completed", diagnosis="A")
    queued = []
    monkeypatch.setattr(app.extensions["celery"], "send_task",
                        lambda name, args=(), **kw: queued.append((name, args)) or type("R", (), {"id": "t-1"})())
    owner = new_client()
    owner.login(patient.user.email)
    response = owner.post("/api/export/treatments")
    assert response.status_code == 202
    job_id = response.get_json()["job_id"]
    assert queued == [(work_queue.EXPORT_TREATMENTS, (job_id,))]
    again = owner.post("/api/export/treatments")  # a second click while it is queued
    assert again.status_code == 202 and again.get_json()["job_id"] == job_id
    assert len(queued) == 1
    assert owner.get(f"/api/jobs/{job_id}").get_json()["status"] == "queued"
    assert owner.get(f"/api/jobs/{job_id}/download").status_code == 404  # not ready yet
    exports.run_treatment_export(job_id)
    body = owner.get(f"/api/jobs/{job_id}").get_json()
    assert body["status"] == "done" and body["progress"] == 100
    assert body["download_url"] == f"/api/jobs/{job_id}/download"
    download = owner.get(body["download_url"])
    assert download.status_code == 200 and download.mimetype == "text/csv"
    assert download.data.startswith(b"\xef\xbb\xbf")
    other = new_client()
    other.login(stranger.user.email)
    assert other.get(f"/api/jobs/{job_id}").status_code == 404
    assert other.get(f"/api/jobs/{job_id}/download").status_code == 404
    boss = new_client()
    boss.login(admin.email)
    assert boss.get(f"/api/jobs/{job_id}/download").status_code == 200
    assert boss.get("/admin/jobs").get_json()["total"] == 1
    assert new_client().get(f"/api/jobs/{job_id}").status_code == 401
    assert owner.get("/api/jobs/999999").status_code == 404


def test_broker_down_answers_503_and_records_the_failure(app, factory, new_client, monkeypatch):
    patient = factory.patient()

    def broker_down(*args, **kwargs):
        raise ConnectionError("no broker")

    monkeypatch.setattr(app.extensions["celery"], "send_task", broker_down)
    client = new_client()
    client.login(patient.user.email)
    response = client.post("/api/export/treatments")
    assert response.status_code == 503
    job = db.session.execute(sa.select(Job)).scalar_one()
    assert job.status == "failed" and "unavailable" in job.error


def test_expired_files_are_deleted_and_the_job_kept(app, factory, make_appointment, new_client):
    patient = factory.patient()
    make_appointment(patient=patient, day=date(2026, 9, 1), status="completed", diagnosis="A")
    job = make_job(patient.user)
    exports.run_treatment_export(job.id)
    job = db.session.get(Job, job.id)
    path = exports.export_file(job)
    assert housekeeping.purge_expired_exports()["deleted"] == 0
    assert housekeeping.purge_expired_exports(now=utc_now() + timedelta(days=8))["deleted"] == 1
    assert not os.path.exists(path)
    db.session.expire_all()
    job = db.session.get(Job, job.id)
    assert job.status == "done" and job.result_path is None and "deleted" in job.params["note"]
    client = new_client()
    client.login(patient.user.email)
    assert client.get(f"/api/jobs/{job.id}").get_json()["download_url"] is None
    response = client.get(f"/api/jobs/{job.id}/download")
    assert response.status_code == 404 and response.get_json()["error"]["code"] == "export_expired"
