"""services/notifications.py and services/mailer.py: the outbox, its sender and the appointment emails."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
import sqlalchemy as sa
from icalendar import Calendar

from backend.extensions import db
from backend.models import EmailOutbox
from backend.services import queue as work_queue
from backend.services.email import appointments, calendar, delivery, outbox
from tests.conftest import SmtpSink, free_port


def outbox_rows(**where):
    query = sa.select(EmailOutbox).order_by(EmailOutbox.id)
    for key, value in where.items():
        query = query.where(getattr(EmailOutbox, key) == value)
    return db.session.execute(query).scalars().all()


def queue(key: str, recipient: str = "someone@example.com", **kw) -> None:
    outbox.queue_email(kind=kw.pop("kind", "test"), recipient=recipient, subject=kw.pop("subject", "Hello"),
                              dedupe_key=key, body_text=kw.pop("body_text", "Plain text body"), **kw)
    db.session.commit()


def test_queue_email_is_once_per_dedupe_key(app):
    assert outbox.queue_email(kind="t", recipient="a@example.com", subject="s", dedupe_key="k1", body_text="x")
    db.session.commit()
    assert not outbox.queue_email(kind="t", recipient="a@example.com", subject="s", dedupe_key="k1",
                                         body_text="x")
    assert outbox.queue_emails_bulk([
        {"kind": "t", "recipient": "a@example.com", "subject": "s", "dedupe_key": "k1", "body_text": "", "body_html": ""},
        {"kind": "t", "recipient": "b@example.com", "subject": "s", "dedupe_key": "k2", "body_text": "", "body_html": ""},
    ]) == 1
    db.session.commit()
    assert [row.dedupe_key for row in outbox_rows()] == ["k1", "k2"]
    assert outbox_rows()[0].message_id == outbox.message_id_for("k1")


def test_sender_delivers_html_text_and_the_same_message_id(app, smtp_sink):
    queue("hello:1", body_html="<p>Hi</p>")
    counts = delivery.deliver_due_emails()
    assert counts == {"sent": 1, "failed": 0, "deferred": 0}
    [message] = smtp_sink.wait_for(1)
    assert message["Message-ID"] == outbox.message_id_for("hello:1")
    assert message.get_body(("plain",)).get_content().strip() == "Plain text body"
    assert "<p>Hi</p>" in message.get_body(("html",)).get_content()
    [row] = outbox_rows()
    assert row.status == "sent" and row.attempts == 1 and row.sent_at is not None and row.claimed_by is None
    assert delivery.deliver_due_emails() == {"sent": 0, "failed": 0, "deferred": 0}
    assert len(smtp_sink.messages) == 1


def test_a_claimed_row_is_not_sent_by_another_sender_until_stale(app, smtp_sink):
    queue("claim:1")
    [row] = outbox_rows()
    assert delivery.claim_email(row.id, "worker-a")
    db.session.commit()
    assert not delivery.claim_email(row.id, "worker-b")
    assert delivery.deliver_due_emails(claimer="worker-b")["sent"] == 0
    # The same claimer (a redelivered task) takes its own row back at once.
    assert delivery.deliver_due_emails(claimer="worker-a")["sent"] == 1
    assert len(smtp_sink.wait_for(1)) == 1


def test_a_stale_claim_is_taken_over(app, smtp_sink):
    queue("stale:1")
    [row] = outbox_rows()
    assert delivery.claim_email(row.id, "dead-worker")
    db.session.commit()
    assert delivery.deliver_due_emails(claimer="sweeper")["sent"] == 0
    old = datetime.now(timezone.utc) - timedelta(seconds=app.config["OUTBOX_RECLAIM_SECONDS"] + 5)
    db.session.execute(sa.update(EmailOutbox).values(claimed_at=old))
    db.session.commit()
    assert delivery.deliver_due_emails(claimer="sweeper")["sent"] == 1


def test_smtp_down_defers_with_backoff_and_nothing_is_lost(app):
    port = free_port()  # nothing listens here
    app.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=port, MAIL_TIMEOUT=2)
    for index in range(3):
        queue(f"down:{index}")
    before = datetime.now(timezone.utc)
    counts = delivery.deliver_due_emails()
    assert counts == {"sent": 0, "failed": 0, "deferred": 3}
    rows = outbox_rows()
    assert [row.status for row in rows] == ["pending"] * 3
    assert rows[0].attempts == 1 and "unreachable" in rows[0].last_error
    assert [row.attempts for row in rows[1:]] == [0, 0]  # not tried: the server was down
    assert all(row.next_attempt_at >= before + timedelta(seconds=app.config["OUTBOX_RETRY_BASE_SECONDS"] - 1)
               for row in rows)
    # Not due yet: a second sweep right away does not hammer the server.
    assert delivery.deliver_due_emails() == {"sent": 0, "failed": 0, "deferred": 0}
    sink = SmtpSink()
    sink.port = port
    sink.start()
    try:
        db.session.execute(sa.update(EmailOutbox).values(next_attempt_at=datetime.now(timezone.utc)))
        db.session.commit()
        assert delivery.deliver_due_emails()["sent"] == 3
        assert len(sink.wait_for(3)) == 3
    finally:
        sink.stop()


def test_backoff_is_exponential_and_capped(app):
    base = app.config["OUTBOX_RETRY_BASE_SECONDS"]
    assert [delivery.retry_delay(n).total_seconds() for n in (1, 2, 3)] == [base, 2 * base, 4 * base]
    assert delivery.retry_delay(40).total_seconds() == app.config["OUTBOX_RETRY_MAX_SECONDS"]


class RejectingHandler:
    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # noqa: N802
        return "550 5.1.1 No such user"


def test_a_permanent_rejection_marks_the_row_failed(app):
    from aiosmtpd.controller import Controller

    port = free_port()
    controller = Controller(RejectingHandler(), hostname="127.0.0.1", port=port)
    controller.start()
    try:
        app.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=port, MAIL_TIMEOUT=5)
        queue("reject:1", recipient="nobody@example.com")
        assert delivery.deliver_due_emails() == {"sent": 0, "failed": 1, "deferred": 0}
    finally:
        controller.stop()
    [row] = outbox_rows()
    assert row.status == "failed" and "550" in row.last_error


def test_booking_email_carries_an_ics_request_in_the_clinic_zone(app, smtp_sink, make_appointment):
    appointment = make_appointment()
    assert appointments.appointment_event(appointment, "booked")
    db.session.commit()
    assert delivery.deliver_due_emails()["sent"] == 1, outbox_rows()[0].last_error
    [message] = smtp_sink.wait_for(1)
    assert message["Subject"] == "Your appointment is booked"
    assert appointment.doctor.full_name in message.get_body(("plain",)).get_content()
    assert appointment.doctor.full_name in message.get_body(("html",)).get_content()
    [ics] = [part for part in message.iter_attachments() if part.get_content_type() == "text/calendar"]
    calendar = Calendar.from_ical(ics.get_content())
    assert str(calendar["METHOD"]) == "REQUEST"
    [event] = calendar.walk("VEVENT")
    assert str(event["UID"]) == f"appointment-{appointment.id}@carequeue"
    start = event.decoded("DTSTART")
    assert str(start.tzinfo) == app.config["CLINIC_TIMEZONE"]
    assert (start.date(), start.time()) == (appointment.date, appointment.start_time)
    assert calendar.walk("VTIMEZONE"), "the clinic's zone travels with the invitation"


def test_reschedule_raises_the_sequence_and_cancel_sends_a_cancel(app, smtp_sink, make_appointment, monkeypatch):
    appointment = make_appointment()
    appointments.appointment_event(appointment, "booked")
    db.session.commit()
    clock = iter([1_800_000_000, 1_800_000_100])
    monkeypatch.setattr(calendar._time, "time", lambda: next(clock))
    appointment.start_time = appointment.start_time.replace(hour=11)
    appointments.appointment_event(appointment, "rescheduled")
    db.session.commit()
    appointment.status = "cancelled"
    appointments.appointment_event(appointment, "cancelled")
    db.session.commit()
    assert [row.kind for row in outbox_rows()] == ["appointment_booked", "appointment_rescheduled",
                                                  "appointment_cancelled"]
    monkeypatch.undo()
    delivery.deliver_due_emails()
    messages = smtp_sink.wait_for(3)
    calendars = [Calendar.from_ical(next(p for p in m.iter_attachments()
                                         if p.get_content_type() == "text/calendar").get_content())
                 for m in messages]
    sequences = [int(c.walk("VEVENT")[0]["SEQUENCE"]) for c in calendars]
    assert sequences[0] < sequences[1] < sequences[2]
    assert [str(c["METHOD"]) for c in calendars] == ["REQUEST", "REQUEST", "CANCEL"]
    assert len({str(c.walk("VEVENT")[0]["UID"]) for c in calendars}) == 1


def test_unknown_event_is_refused(app, make_appointment):
    with pytest.raises(ValueError):
        appointments.appointment_event(make_appointment(), "teleported")


def test_opted_out_patients_still_get_essential_mail(app, factory):
    patient = factory.patient(email_opt_in=False)
    # Reminders stop with the opt-out; a change to an appointment is still confirmed.
    assert not outbox.patient_accepts(patient, "reminder")
    assert outbox.patient_accepts(patient, "appointment_booked")
    assert not outbox.patient_accepts(patient, "export_ready")
    assert outbox.patient_accepts(factory.patient(), "export_ready")


def test_send_queued_now_enqueues_a_sweep_once_and_broker_outage_keeps_the_row(app, monkeypatch):
    sent = []
    celery = app.extensions["celery"]
    monkeypatch.setattr(celery, "send_task",
                        lambda name, **kw: sent.append(name) or type("Result", (), {"id": "t-1"})())
    queue("kick:1")
    assert outbox.send_queued_now() is True
    assert sent == [work_queue.SEND_DUE_EMAILS]
    db.session.commit()  # nothing queued in this transaction: no second sweep
    assert outbox.send_queued_now() is False
    assert len(sent) == 1

    def broker_down(name, **kw):
        raise ConnectionError("broker unreachable")

    monkeypatch.setattr(celery, "send_task", broker_down)
    queue("kick:2")  # the commit still succeeds
    assert outbox.send_queued_now() is False
    assert [row.status for row in outbox_rows()] == ["pending", "pending"]


def test_a_booking_asks_for_its_email_to_be_sent_after_the_commit(app, factory, monkeypatch):
    from backend.services.booking import bookings

    sent = []
    monkeypatch.setattr(app.extensions["celery"], "send_task",
                        lambda name, **kw: sent.append(name) or type("Result", (), {"id": "t-1"})())
    patient, slot = factory.patient(), factory.slot(factory.doctor())
    bookings.book_slot(patient.id, slot.id)
    assert sent == [work_queue.SEND_DUE_EMAILS]
    assert [row.kind for row in outbox_rows()] == ["appointment_booked", "doctor_notice"]


def test_admin_outbox_and_mailbox_pages(app, factory, smtp_sink, new_client):
    import os

    from backend.embedded import start_smtp_sink

    admin, patient = factory.admin(), factory.patient()
    queue("page:1", kind="reminder", body_html="<p>One</p>")
    queue("page:2", kind="report")
    delivery.deliver_due_emails(max_rows=1)
    boss = new_client()
    boss.login(admin.email)
    listing = boss.get("/admin/outbox?per_page=1").get_json()
    assert (listing["total"], listing["per_page"], len(listing["items"])) == (2, 1, 1)
    assert set(listing["items"][0]) >= {"id", "kind", "recipient", "subject", "status", "attempts", "last_error",
                                        "sent_at", "created_at"}
    sent = boss.get("/admin/outbox?status=sent").get_json()["items"]
    assert [item["kind"] for item in sent] == ["reminder"]
    assert [i["kind"] for i in boss.get("/admin/outbox?kind=report").get_json()["items"]] == ["report"]
    assert boss.get("/admin/outbox?status=bogus").status_code == 400
    assert boss.get("/admin/outbox?page=0").status_code == 400
    detail = boss.get(f"/admin/outbox/{sent[0]['id']}").get_json()["email"]
    assert detail["body_html"] == "<p>One</p>" and detail["body_text"] == "Plain text body"
    assert boss.get("/admin/outbox/999999").status_code == 404

    # The mailbox lists what the embedded sink received.
    folder = app.config["MAIL_SINK_DIR"]
    for name in os.listdir(folder) if os.path.isdir(folder) else []:
        os.remove(os.path.join(folder, name))
    port = free_port()
    sink = start_smtp_sink(folder, port=port)
    try:
        app.config["MAIL_PORT"] = port
        appointment_owner = factory.patient()
        queue("page:3", recipient=appointment_owner.user.email, subject="With a file",
              attachments=[{"filename": "a.ics", "content_type": "text/calendar", "ics": "BEGIN:VCALENDAR"}])
        assert delivery.deliver_due_emails()["sent"] == 2
    finally:
        sink.stop()
    mailbox = boss.get("/admin/mailbox").get_json()
    assert mailbox["total"] == 2
    with_file = next(item for item in mailbox["items"] if item["subject"] == "With a file")
    assert with_file["has_attachments"] and with_file["to"] == appointment_owner.user.email
    message = boss.get(f"/admin/mailbox/{with_file['name']}").get_json()["message"]
    assert message["body_text"].strip() == "Plain text body"
    assert boss.get("/admin/mailbox/..%2F..%2Fetc%2Fpasswd").status_code == 404
    assert boss.get("/admin/mailbox/missing.eml").status_code == 404

    nosy = new_client()
    nosy.login(patient.user.email)
    assert nosy.get("/admin/outbox").status_code == 403
    assert nosy.get("/admin/mailbox").status_code == 403


def test_no_kick_while_the_broker_redis_is_known_to_be_down(app, monkeypatch):
    from backend.extensions import redis_handle

    sent = []
    monkeypatch.setattr(app.extensions["celery"], "send_task",
                        lambda name, **kw: sent.append(name) or type("Result", (), {"id": "t-1"})())
    redis_handle.trip(ConnectionError("down"))
    try:
        assert work_queue.enqueue(work_queue.SEND_DUE_EMAILS) is None
        queue("breaker:1")
        assert outbox.send_queued_now() is False
    finally:
        redis_handle.reset()
    assert sent == []
    assert [row.status for row in outbox_rows()] == ["pending"]  # the sweep will send it
    assert work_queue.enqueue(work_queue.SEND_DUE_EMAILS) == "t-1" and sent == [work_queue.SEND_DUE_EMAILS]


def test_a_hung_broker_delays_a_commit_by_seconds_not_forever(make_app):
    import socket
    import time as clock

    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)  # accepts connections (the kernel does) and never answers
    try:
        hung = make_app(CELERY_BROKER_URL=f"redis://127.0.0.1:{server.getsockname()[1]}/0")
        with hung.app_context():
            started = clock.monotonic()
            assert work_queue.enqueue(work_queue.SEND_DUE_EMAILS) is None
            assert clock.monotonic() - started < 15
    finally:
        server.close()
