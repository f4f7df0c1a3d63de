"""Invariants the database enforces, whatever the code does."""
from __future__ import annotations

import pytest
import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from backend.extensions import db
from backend.models import Appointment, DoctorAvailability, User


def test_emails_are_unique_in_the_database(factory):
    factory.patient(email="same@example.com")
    db.session.add(User(email="same@example.com", password_hash="x", role="patient"))
    with pytest.raises(IntegrityError):
        db.session.commit()
    db.session.rollback()


def test_one_slot_per_doctor_date_and_start_time(factory):
    doctor = factory.doctor()
    slot = factory.slot(doctor)
    db.session.add(DoctorAvailability(doctor_id=doctor.id, date=slot.date, start_time=slot.start_time,
                                      end_time=slot.end_time))
    with pytest.raises(IntegrityError):
        db.session.commit()
    db.session.rollback()


def _appointment(patient, slot, status="booked"):
    return Appointment(patient_id=patient.id, doctor_id=slot.doctor_id, slot_id=slot.id, date=slot.date,
                       start_time=slot.start_time, end_time=slot.end_time, status=status)


def test_at_most_one_booked_appointment_per_slot(factory):
    doctor = factory.doctor()
    slot = factory.slot(doctor)
    first, second = factory.patient(), factory.patient()
    db.session.add(_appointment(first, slot))
    db.session.commit()
    db.session.add(_appointment(second, slot))
    with pytest.raises(IntegrityError):
        db.session.commit()
    db.session.rollback()


def test_cancelled_appointments_do_not_hold_the_slot(factory):
    doctor = factory.doctor()
    slot = factory.slot(doctor)
    first, second = factory.patient(), factory.patient()
    db.session.add_all([_appointment(first, slot, "cancelled"), _appointment(second, slot, "cancelled")])
    db.session.commit()
    db.session.add(_appointment(first, slot, "booked"))
    db.session.commit()
    booked = db.session.execute(sa.select(sa.func.count()).select_from(Appointment)
                                .where(Appointment.status == "booked")).scalar_one()
    assert booked == 1


@pytest.mark.parametrize("model, field, value", [
    ("user", "role", "superuser"),
    ("appointment", "status", "maybe"),
])
def test_enum_columns_are_checked_by_the_database(factory, model, field, value):
    if model == "user":
        db.session.add(User(email="x@example.com", password_hash="x", role=value))
    else:
        doctor = factory.doctor()
        slot = factory.slot(doctor)
        db.session.add(_appointment(factory.patient(), slot, status=value))
    with pytest.raises(IntegrityError):
        db.session.commit()
    db.session.rollback()


def test_foreign_keys_are_enforced(factory):
    db.session.add(DoctorAvailability(doctor_id=999_999, date=sa.func.current_date(),
                                      start_time=sa.func.current_time(), end_time=sa.func.current_time()))
    with pytest.raises(IntegrityError):
        db.session.commit()
    db.session.rollback()
