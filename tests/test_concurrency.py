"""Two gunicorn workers, 32 patients, one slot: exactly one booking wins, on SQLite and PostgreSQL."""
from __future__ import annotations

import threading

import pytest
import requests
import sqlalchemy as sa

from backend.extensions import db
from backend.models import Appointment, DoctorAvailability
from tests.conftest import TEST_PASSWORD, gunicorn_server

CONTENDERS = 32


@pytest.fixture
def server(app, database_url, redis_url, instance_dir, tmp_path):
    with gunicorn_server(database_url, redis_url, instance_dir, str(tmp_path / "gunicorn.log")) as base:
        yield base


def logged_in(base: str, email: str) -> requests.Session:
    session = requests.Session()
    response = session.post(base + "/auth/login", json={"email": email, "password": TEST_PASSWORD}, timeout=30)
    assert response.status_code == 200, response.text
    session.headers["X-CSRF-Token"] = response.json()["csrf_token"]
    # The login's connection sits idle while the others log in, and the server may close it (keep-alive
    # timeout) just as the contended request is sent on it: "connection reset by peer". Start afresh.
    session.close()
    return session


@pytest.mark.slow
def test_32_simultaneous_bookings_of_one_slot_make_exactly_one_appointment(server, factory):
    doctor = factory.doctor()
    slot_id = factory.slot(doctor).id
    emails = [factory.patient().user.email for _ in range(CONTENDERS)]
    sessions = [logged_in(server, email) for email in emails]
    barrier = threading.Barrier(CONTENDERS)
    results: list[tuple[int, dict]] = [None] * CONTENDERS  # type: ignore[list-item]

    def contend(i: int) -> None:
        barrier.wait()
        response = sessions[i].post(server + "/patient/appointments", json={"slot_id": slot_id}, timeout=60)
        results[i] = (response.status_code, response.json())

    threads = [threading.Thread(target=contend, args=(i,)) for i in range(CONTENDERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    statuses = sorted(status for status, _ in results)
    assert statuses.count(201) == 1, statuses
    assert statuses.count(409) == CONTENDERS - 1, statuses
    assert all(body["error"]["code"] == "slot_taken" for status, body in results if status == 409)
    db.session.expire_all()
    rows = db.session.execute(sa.select(Appointment).where(Appointment.slot_id == slot_id)).scalars().all()
    assert len(rows) == 1 and rows[0].status == "booked"
    assert db.session.get(DoctorAvailability, slot_id).is_booked

    winner = next(i for i, (status, _) in enumerate(results) if status == 201)
    appointment_id = results[winner][1]["appointment"]["id"]
    cancelled = sessions[winner].post(f"{server}/patient/appointments/{appointment_id}/cancel", json={}, timeout=30)
    assert cancelled.status_code == 200, cancelled.text
    rebooker = (winner + 1) % CONTENDERS
    rebooked = sessions[rebooker].post(server + "/patient/appointments", json={"slot_id": slot_id}, timeout=30)
    assert rebooked.status_code == 201, rebooked.text
    db.session.expire_all()
    statuses_now = db.session.execute(
        sa.select(Appointment.status).where(Appointment.slot_id == slot_id).order_by(Appointment.id)).scalars().all()
    assert statuses_now == ["cancelled", "booked"]
