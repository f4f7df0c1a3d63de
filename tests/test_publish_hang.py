"""A hung broker never holds a request: publishing after the commit gives up within ~300 ms.

The fault is real: the test's own redis-server (cache and broker) is frozen with
SIGSTOP, so connections open and nothing answers, as a hung server does.
"""
from __future__ import annotations

import time

import pytest
import sqlalchemy as sa

from backend.extensions import db, redis_handle
from backend.models import Appointment, EmailOutbox
from backend.services import queue
from backend.services.email import delivery
from tests.faults import RedisProcess

pytestmark = pytest.mark.slow


@pytest.fixture
def hung_redis_app(make_app, tmp_path):
    server = RedisProcess(str(tmp_path / "redis.log")).start()
    app = make_app(REDIS_URL=server.url)
    try:
        yield app, server
    finally:
        server.stop()


def test_enqueue_gives_up_within_the_publish_timeout(hung_redis_app):
    app, server = hung_redis_app
    with app.app_context():
        assert queue.enqueue(queue.SEND_DUE_EMAILS) is not None  # a live broker takes it
        server.pause()
        try:
            redis_handle.reset()
            started = time.perf_counter()
            assert queue.enqueue(queue.SEND_DUE_EMAILS) is None
            waited = time.perf_counter() - started
            assert waited < 0.6, waited  # QUEUE_PUBLISH_TIMEOUT is 0.3 s; without it: 30 s and more
            # The breaker is now open: the next requests don't try that Redis at all.
            started = time.perf_counter()
            assert queue.enqueue(queue.SEND_DUE_EMAILS) is None
            assert time.perf_counter() - started < 0.05
        finally:
            server.resume()


def test_booking_and_cancel_with_a_hung_redis_are_quick_and_the_email_still_goes(hung_redis_app, factory,
                                                                                   smtp_sink):
    app, server = hung_redis_app
    app.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=smtp_sink.port, MAIL_TIMEOUT=5)
    patient = factory.patient()
    slot = factory.slot(factory.doctor())
    client = app.test_client()
    login = client.post("/auth/login", json={"email": patient.user.email, "password": "correct-horse-battery"})
    csrf = {"X-CSRF-Token": login.get_json()["csrf_token"]}
    server.pause()
    try:
        with app.app_context():
            redis_handle.reset()
        started = time.perf_counter()
        booked = client.post("/patient/appointments", json={"slot_id": slot.id}, headers=csrf)
        booking_time = time.perf_counter() - started
        assert booked.status_code == 201, booked.get_json()
        started = time.perf_counter()
        appointment_id = booked.get_json()["appointment"]["id"]
        cancelled = client.post(f"/patient/appointments/{appointment_id}/cancel", json={}, headers=csrf)
        cancel_time = time.perf_counter() - started
        assert cancelled.status_code == 200, cancelled.get_json()
    finally:
        server.resume()
    # Short cache timeouts (0.2 s) and one publish timeout (0.3 s) at most (0.8 s and 0.5 s measured);
    # without the publish timeout, over 30 s.
    assert booking_time < 1.5 and cancel_time < 1.5, (booking_time, cancel_time)
    db.session.rollback()
    assert db.session.get(Appointment, appointment_id).status == "cancelled"
    # What could not be published is delivered by the sweep.
    with app.app_context():
        delivery.deliver_due_emails()
    kinds = set(db.session.execute(sa.select(EmailOutbox.kind).where(EmailOutbox.status == "sent")).scalars())
    assert {"appointment_booked", "appointment_cancelled"} <= kinds
