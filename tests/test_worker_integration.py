"""End to end with real parts: a Celery worker subprocess, the test Redis as broker, an aiosmtpd server."""
from __future__ import annotations

import signal
import time as clock
from datetime import date, time, timedelta

import pytest
import sqlalchemy as sa

from backend.extensions import db
from backend.models import EmailOutbox
from backend.services.clock import clinic_today
from backend.services.email import outbox
from backend.services.queue import RUN_SCHEDULED_JOB as RUN_JOB_TASK, SEND_DUE_EMAILS as SEND_DUE_EMAILS_TASK
from tests.conftest import SmtpSink

pytestmark = pytest.mark.slow


def wait_until(condition, timeout: float = 30.0, what: str = "condition"):
    deadline = clock.monotonic() + timeout
    while clock.monotonic() < deadline:
        db.session.rollback()  # see the worker's commits
        value = condition()
        if value:
            return value
        clock.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


def statuses() -> list[str]:
    db.session.rollback()
    return list(db.session.execute(sa.select(EmailOutbox.status).order_by(EmailOutbox.id)).scalars())


def test_reminders_go_out_once_even_when_the_job_runs_twice(app, factory, make_appointment, smtp_sink,
                                                             celery_worker):
    celery = app.extensions["celery"]
    celery_worker(smtp_sink.port)
    today = clinic_today()
    doctor = factory.doctor()
    booked = [make_appointment(doctor=doctor, day=today, start=time(9 + i, 0)) for i in range(3)]
    make_appointment(doctor=doctor, day=today, start=time(15, 0), status="cancelled")
    # Two beats firing at once, and an operator's manual run on top.
    celery.send_task(RUN_JOB_TASK, args=("daily-reminders",))
    celery.send_task(RUN_JOB_TASK, args=("daily-reminders",))
    messages = smtp_sink.wait_for(3)
    celery.send_task(RUN_JOB_TASK, args=("daily-reminders",))
    celery.send_task(SEND_DUE_EMAILS_TASK)
    clock.sleep(3)
    messages = smtp_sink.messages
    assert len(messages) == 3
    assert sorted(m["To"] for m in messages) == sorted(a.patient.user.email for a in booked)
    assert {m["Subject"] for m in messages} == {"Reminder: your appointment today"}
    assert all(m.get_body(("plain",)) is not None and m.get_body(("html",)) is not None for m in messages)
    assert wait_until(lambda: statuses() == ["sent"] * 3, what="rows marked sent")


def test_monthly_report_through_the_worker(app, factory, make_appointment, smtp_sink, celery_worker):
    from backend.services.reports import monthly as reports

    doctor = factory.doctor()
    factory.admin()
    first, _end = reports.previous_month()
    make_appointment(doctor=doctor, day=first, start=time(9, 0), status="completed", diagnosis="Asthma")
    make_appointment(doctor=doctor, day=first + timedelta(days=1), start=time(9, 0), status="no_show")
    make_appointment(doctor=doctor, day=first + timedelta(days=2), start=time(9, 0), status="cancelled")
    make_appointment(doctor=doctor, day=clinic_today() + timedelta(days=3), start=time(9, 0))  # not last month
    celery_worker(smtp_sink.port)
    app.extensions["celery"].send_task(RUN_JOB_TASK, args=("monthly-reports",))
    messages = smtp_sink.wait_for(2)
    report = next(m for m in messages if m["To"] == doctor.user.email)
    text = report.get_body(("plain",)).get_content()
    assert "Appointments: 3" in text and "Completed:    1" in text
    assert "Cancelled:    1" in text and "No-shows:     1" in text and "asthma (1)" in text
    assert any(part.get_content_type() == "image/png" for part in report.iter_attachments())


def test_export_end_to_end(app, factory, make_appointment, smtp_sink, celery_worker, new_client):
    patient, stranger = factory.patient(full_name="Åsa Øberg"), factory.patient()
    for index in range(25):
        make_appointment(patient=patient, day=date(2026, 9, 1) + timedelta(days=index), status="completed",
                         diagnosis=f"@risk {index}")
    celery_worker(smtp_sink.port, EXPORT_BATCH_SIZE=5)
    owner = new_client()
    owner.login(patient.user.email)
    response = owner.post("/api/export/treatments")
    assert response.status_code == 202
    job_id = response.get_json()["job_id"]
    seen = set()

    def finished():
        body = owner.get(f"/api/jobs/{job_id}").get_json()
        seen.add(body["progress"])
        return body if body["status"] in ("done", "failed") else None

    body = wait_until(finished, what="the export")
    assert body["status"] == "done", body
    assert (body["rows_done"], body["rows_total"], body["progress"]) == (25, 25, 100)
    assert all(0 <= p <= 100 for p in seen)
    download = owner.get(body["download_url"])
    assert download.status_code == 200
    lines = download.data.decode("utf-8-sig").splitlines()
    assert len(lines) == 26 and "Åsa Øberg" in lines[1] and "'@risk 0" in lines[1]
    [email] = smtp_sink.wait_for(1)
    assert email["To"] == patient.user.email and email["Subject"] == "Your export is ready"
    [csv_part] = [p for p in email.iter_attachments() if p.get_content_type() == "text/csv"]
    assert csv_part.get_payload(decode=True) == download.data
    other = new_client()
    other.login(stranger.user.email)
    assert other.get(f"/api/jobs/{job_id}/download").status_code == 404


def test_smtp_down_during_the_run_loses_nothing(app, factory, make_appointment, celery_worker):
    sink = SmtpSink()  # not started: the port refuses connections
    celery = app.extensions["celery"]
    celery_worker(sink.port, OUTBOX_RETRY_BASE_SECONDS=1)
    today = clinic_today()
    doctor = factory.doctor()
    for index in range(4):
        make_appointment(doctor=doctor, day=today, start=time(9 + index, 0))
    celery.send_task(RUN_JOB_TASK, args=("daily-reminders",))
    celery.send_task(SEND_DUE_EMAILS_TASK)

    def deferred():
        db.session.rollback()
        rows = db.session.execute(sa.select(EmailOutbox)).scalars().all()
        return rows if len(rows) == 4 and any(r.attempts for r in rows) else None

    rows = wait_until(deferred, what="a failed delivery attempt")
    assert {r.status for r in rows} == {"pending"}
    assert any("unreachable" in (r.last_error or "") for r in rows)
    sink.start()
    try:
        clock.sleep(1.2)  # past the first backoff
        celery.send_task(SEND_DUE_EMAILS_TASK)  # what the every-minute beat does
        assert len(sink.wait_for(4)) == 4
        assert wait_until(lambda: statuses() == ["sent"] * 4, what="rows marked sent")
        clock.sleep(1)
        assert len(sink.messages) == 4
    finally:
        sink.stop()


def test_worker_killed_mid_send_runs_the_task_again_and_sends_once(app, smtp_sink, celery_worker):
    smtp_sink.handler.hold_next = True  # the first DATA hangs, as on a stalled server
    worker = celery_worker(smtp_sink.port, MAIL_TIMEOUT=60, OUTBOX_KICK_AFTER_COMMIT="false")
    outbox.queue_email(kind="test", recipient="patient@example.com", subject="Once only",
                              dedupe_key="kill-test:1", body_text="Hello")
    db.session.commit()
    app.extensions["celery"].send_task(SEND_DUE_EMAILS_TASK)
    assert smtp_sink.handler.holding.wait(30), "the worker never reached the SMTP server"
    assert statuses() == ["sending"]
    [child] = worker.children()
    child.send_signal(signal.SIGKILL)
    # The pool replaces the child; the task, acknowledged late, is rejected back to the
    # queue and runs again under the same id, taking back its own claim.
    smtp_sink.handler.release()
    [message] = smtp_sink.wait_for(1)
    assert message["Subject"] == "Once only"
    assert message["Message-ID"] == outbox.message_id_for("kill-test:1")
    assert wait_until(lambda: statuses() == ["sent"], what="the row marked sent")
    clock.sleep(2)
    assert len(smtp_sink.messages) == 1
