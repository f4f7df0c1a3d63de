"""Booking a free slot, as one request does it: the answer, what is written with it, and how few statements
it takes (backend/services/booking/bookings.py, book_slot)."""
from __future__ import annotations

from datetime import time, timedelta

import sqlalchemy as sa

from backend.extensions import db
from backend.models import Appointment, AuditLog, DoctorAvailability, DoctorNotice, EmailOutbox
from backend.services.clock import clinic_today
from tests.test_queries import counting


def test_the_answer_is_what_a_later_read_shows_and_the_booking_is_written_whole(factory, client, new_client):
    doctor = factory.doctor(full_name="Dr. Ada", specialization="Cardiology")
    patient = factory.patient(full_name="Pat One")
    slot = factory.slot(doctor, clinic_today() + timedelta(days=2), time(11, 0))
    client.login(patient.user.email)

    answer = client.post("/patient/appointments", json={"slot_id": slot.id, "reason": "Chest pain on stairs"})
    assert answer.status_code == 201, answer.get_json()
    booked = answer.get_json()["appointment"]

    # The answer is built without reading the appointment back: it must be what a fresh read shows.
    again = new_client()
    again.login(patient.user.email)
    listed = again.get("/patient/appointments").get_json()["items"]
    assert listed == [booked]
    assert booked["doctor"]["full_name"] == "Dr. Ada"
    assert booked["specialization"] == "Cardiology"
    assert booked["treatment"] is None and booked["status"] == "booked" and booked["slot_id"] == slot.id

    # The slot, the audit row, the doctor's notice and both emails are committed together.
    db.session.expire_all()
    assert db.session.get(DoctorAvailability, slot.id).is_booked
    appointment_id = booked["id"]
    assert db.session.execute(sa.select(sa.func.count()).select_from(AuditLog).where(
        AuditLog.action == "appointment.book", AuditLog.target == f"appointment:{appointment_id}")).scalar_one() == 1
    notice = db.session.execute(sa.select(DoctorNotice).where(DoctorNotice.appointment_id == appointment_id)
                                ).scalar_one()
    assert notice.summary.startswith("Pat One, ") and notice.summary.endswith("booked by the patient")
    kinds = set(db.session.execute(sa.select(EmailOutbox.kind)).scalars())
    assert kinds == {"appointment_booked", "doctor_notice"}


def test_a_front_desk_booking_answers_with_the_patient(factory, client):
    doctor = factory.doctor(full_name="Dr. Bob")
    patient = factory.patient(full_name="Pat Two")
    slot = factory.slot(doctor, clinic_today() + timedelta(days=3), time(9, 30))
    admin = factory.admin()
    client.login(admin.email)
    answer = client.post("/admin/appointments", json={"patient_id": patient.id, "slot_id": slot.id})
    assert answer.status_code == 201, answer.get_json()
    booked = answer.get_json()["appointment"]
    assert booked["patient"] == {"id": patient.id, "full_name": "Pat Two"}
    assert booked["doctor"]["full_name"] == "Dr. Bob"
    notice = db.session.execute(sa.select(DoctorNotice).where(DoctorNotice.appointment_id == booked["id"])
                                ).scalar_one()
    assert "at the front desk" in notice.summary


def test_a_booking_takes_a_handful_of_statements(factory, client):
    """One read of the slot, its doctor and the patient; the conditional UPDATE; one read of the patient's
    rules; the inserts; no lazy loads and no reading back after the commit."""
    doctor = factory.doctor()
    patient = factory.patient()
    slots = [factory.slot(doctor, clinic_today() + timedelta(days=2), time(9 + n, 0)) for n in range(2)]
    first, second = (slot.id for slot in slots)
    client.login(patient.user.email)
    assert client.post("/patient/appointments", json={"slot_id": first}).status_code == 201  # warm-up
    with counting() as statements:
        assert client.post("/patient/appointments", json={"slot_id": second}).status_code == 201
    # (The login session's own upkeep is not the booking's.)
    selects = [s for s in statements if s.lstrip().upper().startswith("SELECT") and "auth_sessions" not in s]
    # The load, the rules, and each email's dedupe check (patient, doctor); PostgreSQL also locks the patient.
    expected = 5 if db.engine.dialect.name == "postgresql" else 4
    assert len(selects) == expected, "\n\n".join(selects)
    assert not [s for s in statements if "FROM appointments" in s and "WHERE appointments.id" in s]
    assert db.session.execute(sa.select(sa.func.count()).select_from(Appointment)).scalar_one() == 2
