"""Triage end to end through a real Celery worker: 202, a finished assessment, booking from it."""
from __future__ import annotations

import time
from datetime import timedelta

import pytest

from backend.extensions import db
from backend.models import Appointment
from backend.services.clock import clinic_now

pytestmark = pytest.mark.slow


def poll(client, url: str, timeout: float = 45.0) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        body = client.get(url).get_json()
        if body["status"] in ("done", "failed"):
            return body
        time.sleep(0.2)
    raise AssertionError(f"assessment still {body['status']} after {timeout}s")


def test_assessment_runs_on_the_worker_and_books_a_recommended_doctor(client, factory, smtp_sink, celery_worker):
    derm = factory.doctor("Dermatology", full_name="Dr. Nadia Karim")
    start = (clinic_now() + timedelta(days=2)).replace(hour=10, minute=0, second=0, microsecond=0)
    slot = factory.slot(derm, day=start.date(), start=start.time())
    factory.patient(email="rash@example.com")
    celery_worker(smtp_sink.port)
    client.login("rash@example.com")

    queued = client.post("/patient/triage", json={
        "symptoms": "I've had an itchy red rash on both arms for two weeks, no fever, otherwise well",
        "share_history": False})
    assert queued.status_code == 202
    assert queued.get_json()["status"] == "queued"

    result = poll(client, f"/patient/triage/{queued.get_json()['id']}")
    assert result["status"] == "done"
    assert result["urgency"] == "routine"
    assert result["specialization"] == "Dermatology"
    assert result["provider"] == "rules"
    offered = result["recommended_doctors"]
    assert offered[0]["doctor"]["full_name"] == "Dr. Nadia Karim"
    assert offered[0]["next_free_slots"][0]["id"] == slot.id

    booked = client.post("/patient/appointments", json={"slot_id": slot.id, "triage_id": result["id"],
                                                        "reason": "Rash"})
    assert booked.status_code == 201, booked.get_json()
    appointment = db.session.get(Appointment, booked.get_json()["appointment"]["id"])
    assert appointment.triage_id == result["id"]
    # The worker also delivers the booking confirmation through the outbox.
    messages = smtp_sink.wait_for(1)
    assert messages[0]["To"] == "rash@example.com"
