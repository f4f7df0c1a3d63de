"""Listing routes load in a constant number of SQL statements, whatever the number of rows."""
from __future__ import annotations

from contextlib import contextmanager
from datetime import time, timedelta

import sqlalchemy as sa

from backend.extensions import db
from backend.models import Appointment, Treatment, TriageAssessment
from backend.services.clock import clinic_today


@contextmanager
def counting():
    statements: list[str] = []

    def count(conn, cursor, statement, parameters, context, executemany):
        statements.append(statement)

    sa.event.listen(db.engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        sa.event.remove(db.engine, "before_cursor_execute", count)


def populate(factory, rows: int) -> dict:
    """`rows` doctors, patients and appointments (half triaged, some completed)."""
    doctors = [factory.doctor(specialization=("Cardiology", "Neurology")[i % 2]) for i in range(rows)]
    patient = factory.patient()
    others = [factory.patient() for _ in range(rows)]
    today = clinic_today()
    for i, doctor in enumerate(doctors):
        factory.slot(doctor, today + timedelta(days=3), time(9, 0))
        for j, (who, day) in enumerate(((patient, today + timedelta(days=1 + i % 5)), (others[i], today))):
            slot = factory.slot(doctor, day, time(10 + j, 0))
            slot.is_booked = True
            triage = None
            if i % 2 == 0:
                triage = TriageAssessment(patient_id=who.id, symptoms="cough", status="done", urgency="urgent",
                                          red_flags=["x"])
                db.session.add(triage)
                db.session.flush()
            status = "completed" if (j == 0 and i % 3 == 0) else "booked"
            appointment = Appointment(patient_id=who.id, doctor_id=doctor.id, slot_id=slot.id, date=day,
                                      start_time=slot.start_time, end_time=slot.end_time, status=status,
                                      triage_id=triage.id if triage else None)
            db.session.add(appointment)
            if status == "completed":
                db.session.flush()
                db.session.add(Treatment(appointment_id=appointment.id, diagnosis="Fine"))
    # One doctor sees every "other" patient today, for the doctor's own list.
    busy = doctors[0]
    for k, who in enumerate(others):
        slot = factory.slot(busy, today + timedelta(days=2), time(8, 0) if k == 0 else time(8 + k % 12, (k // 12) * 5))
        slot.is_booked = True
        db.session.add(Appointment(patient_id=who.id, doctor_id=busy.id, slot_id=slot.id, date=slot.date,
                                   start_time=slot.start_time, end_time=slot.end_time, status="booked"))
    db.session.commit()
    return {"patient": patient, "doctor": busy, "admin": factory.admin()}


ROUTES = [
    ("patient", "/patient/doctors"),
    ("patient", "/patient/appointments"),
    ("patient", "/patient/treatments"),
    ("admin", "/admin/doctors"),
    ("admin", "/admin/appointments"),
    ("admin", "/admin/patients"),
    ("admin", "/admin/specializations"),
    ("doctor", "/doctor/appointments?scope=today&order=urgency"),
    ("doctor", "/doctor/appointments?scope=upcoming"),
]


def statements_for(app, factory, new_client, rows: int) -> dict[str, int]:
    from tests.conftest import clean_database

    db.session.remove()  # PostgreSQL's TRUNCATE waits for any open transaction, ours included
    clean_database(app)
    people = populate(factory, rows)
    clients = {}
    for role in ("patient", "doctor", "admin"):
        who = people[role]
        clients[role] = new_client()
        clients[role].login(who.email if role == "admin" else who.user.email)
    found = {}
    for role, url in ROUTES:
        with counting() as statements:
            response = clients[role].get(url + ("&" if "?" in url else "?") + "per_page=100")
        assert response.status_code == 200, response.get_json()
        body = response.get_json()
        assert body["items"], url
        found[url] = len(statements)
    return found


def test_listing_queries_do_not_grow_with_rows(app, factory, new_client, redis_url):
    import redis

    one = statements_for(app, factory, new_client, 1)
    redis.Redis.from_url(redis_url).flushdb()
    twenty = statements_for(app, factory, new_client, 20)
    assert one == twenty, {url: (one[url], twenty[url]) for url in one}
    # Session lookup, count, page: a handful, not one per row.
    assert max(twenty.values()) <= 6, twenty


def test_next_free_slot_is_one_query_for_all_doctors(app, factory):
    from backend.services.scheduling.bookability import next_free_slots

    doctors = [factory.doctor() for _ in range(15)]
    for doctor in doctors:
        for hour in (9, 10, 11):
            factory.slot(doctor, clinic_today() + timedelta(days=2), time(hour, 0))
    with counting() as statements:
        found = next_free_slots()
    assert len(statements) == 1
    assert {d.id: found[d.id][0]["start_time"] for d in doctors} == {d.id: "09:00" for d in doctors}
