"""Booking, cancelling and rescheduling: the rules, and a slot that is never double-booked.

A slot is taken with one conditional UPDATE (`... WHERE is_booked = false`,
rowcount checked) and the partial unique index on booked appointments backs
it up: two concurrent requests can never both win, on SQLite or PostgreSQL.
The conditional UPDATE is the first write of the transaction, so on SQLite it
also takes the database write lock before the patient's rules are checked;
on PostgreSQL the patient row is locked instead. Either way two bookings by
one patient cannot both slip past the overlap and the active-booking limit.
"""
from __future__ import annotations

import logging
from datetime import datetime, timedelta
from typing import Callable, TypeVar

import sqlalchemy as sa
import sqlalchemy.orm as so
from flask import current_app
from sqlalchemy.exc import OperationalError

from backend.errors import Conflict, DomainError, NotFound, RuleViolation, SlotTaken, commit_or_conflict
from backend.extensions import db
from backend.models import Appointment, Doctor, DoctorAvailability, Patient, TriageAssessment, utcnow
from backend.services import audit, cache, clock
from backend.services.email import appointments, outbox
from backend.services.scheduling import bookability
from backend.services.scheduling.bookability import starts_at

log = logging.getLogger(__name__)
T = TypeVar("T")


# ---- time rules -----------------------------------------------------------

def check_cancellable(appointment: Appointment, now: datetime | None = None) -> None:
    now = now or clock.utc_now()
    hours = current_app.config["CANCEL_CUTOFF_HOURS"]
    if starts_at(appointment.date, appointment.start_time) - now < timedelta(hours=hours):
        raise RuleViolation(
            f"Appointments can be changed or cancelled up to {hours} hours before they start.",
            code="cancel_window_closed")


# ---- transactions ---------------------------------------------------------

def _is_locked(exc: OperationalError) -> bool:
    return "locked" in str(exc.orig).lower() or "busy" in str(exc.orig).lower()


def _write(work: Callable[[], T]) -> T:
    """Run one short write transaction; on SQLite's rare "database is locked", retry once, then 409."""
    for attempt in (1, 2):
        try:
            result = work()
            outbox.send_queued_now()
            return result
        except DomainError:
            # Also outside a request (CLI, tasks): a refused booking leaves nothing behind.
            db.session.rollback()
            raise
        except OperationalError as exc:
            db.session.rollback()
            if not _is_locked(exc):
                raise
            log.warning("database busy (attempt %d): %s", attempt, exc.orig)
    raise Conflict("The clinic is very busy right now. Please try again.", code="busy")


def _take_slot(slot_id: int) -> None:
    taken = db.session.execute(
        sa.update(DoctorAvailability)
        .where(DoctorAvailability.id == slot_id, DoctorAvailability.is_booked.is_(False))
        .values(is_booked=True)
        .execution_options(synchronize_session=False)
    ).rowcount
    if taken != 1:
        raise SlotTaken()


def _free_slot(slot_id: int | None) -> None:
    if slot_id is not None:
        db.session.execute(
            sa.update(DoctorAvailability).where(DoctorAvailability.id == slot_id)
            .values(is_booked=False).execution_options(synchronize_session=False)
        )


def _lock_patient(patient_id: int) -> None:
    # PostgreSQL: serializes one patient's bookings. SQLite ignores FOR UPDATE, but
    # there the slot UPDATE before this already holds the single database write lock.
    db.session.execute(sa.select(Patient.id).where(Patient.id == patient_id).with_for_update()).first()


# ---- lookups --------------------------------------------------------------

def _load_slot(slot_id: int) -> DoctorAvailability:
    slot = db.session.execute(
        sa.select(DoctorAvailability).options(so.joinedload(DoctorAvailability.doctor))
        .where(DoctorAvailability.id == slot_id)
    ).scalar_one_or_none()
    if slot is None:
        raise NotFound("No such slot.", code="slot_not_found")
    if not slot.doctor.is_active:
        raise Conflict("This doctor is not taking appointments.", code="doctor_unavailable")
    return slot


def _patient_appointment(patient_id: int, appointment_id: int) -> Appointment:
    appointment = db.session.execute(
        sa.select(Appointment)
        .options(so.joinedload(Appointment.doctor).joinedload(Doctor.specialization),
                 so.joinedload(Appointment.patient).joinedload(Patient.user),
                 so.joinedload(Appointment.treatment))
        .where(Appointment.id == appointment_id, Appointment.patient_id == patient_id)
    ).scalar_one_or_none()
    if appointment is None:
        raise NotFound("No such appointment.")
    return appointment


def _reload(appointment_id: int) -> Appointment:
    db.session.expire_all()
    return db.session.execute(
        sa.select(Appointment)
        .options(so.joinedload(Appointment.doctor).joinedload(Doctor.specialization),
                 so.joinedload(Appointment.patient).joinedload(Patient.user),
                 so.joinedload(Appointment.treatment))
        .where(Appointment.id == appointment_id)
    ).scalar_one()


def _check_patient_rules(patient_id: int, slot: DoctorAvailability, *, replacing: int | None = None) -> None:
    """Inside the write transaction: no overlap, and not too many upcoming bookings."""
    overlap = sa.select(Appointment.id).where(
        Appointment.patient_id == patient_id, Appointment.status == "booked",
        Appointment.date == slot.date, Appointment.start_time < slot.end_time,
        Appointment.end_time > slot.start_time,
    )
    if replacing is not None:
        overlap = overlap.where(Appointment.id != replacing)
    if db.session.execute(overlap.limit(1)).first() is not None:
        raise RuleViolation("You already have an appointment at this time.", code="overlapping_booking")
    if replacing is not None:
        return  # a move keeps the number of bookings
    now_local = clock.utc_now().astimezone(clock.clinic_tz())
    upcoming = db.session.execute(
        sa.select(sa.func.count(Appointment.id)).where(
            Appointment.patient_id == patient_id, Appointment.status == "booked",
            sa.or_(Appointment.date > now_local.date(),
                   sa.and_(Appointment.date == now_local.date(),
                           Appointment.start_time > now_local.time().replace(tzinfo=None))))
    ).scalar_one()
    limit = current_app.config["MAX_ACTIVE_BOOKINGS"]
    if upcoming >= limit:
        raise RuleViolation(f"You can hold at most {limit} upcoming appointments.", code="too_many_bookings")


def _check_triage(patient_id: int, triage_id: int | None) -> None:
    if triage_id is None:
        return
    found = db.session.execute(
        sa.select(TriageAssessment.id).where(TriageAssessment.id == triage_id,
                                             TriageAssessment.patient_id == patient_id)
    ).first()
    if found is None:
        raise NotFound("No such assessment.", code="triage_not_found", fields={"triage_id": "Not found."})


# ---- the operations -------------------------------------------------------

def book_slot(patient_id: int, slot_id: int, *, reason: str = "", triage_id: int | None = None,
              ip: str | None = None, actor_id: int | None = None) -> Appointment:
    """Book a free slot for a patient. 409 slot_taken if someone else got it first."""

    def work() -> int:
        slot = _load_slot(slot_id)
        bookability.check_bookable(slot.date, slot.start_time)
        if slot.is_booked:
            raise SlotTaken()
        _check_triage(patient_id, triage_id)
        doctor_id, day, start, end = slot.doctor_id, slot.date, slot.start_time, slot.end_time
        _take_slot(slot_id)
        _lock_patient(patient_id)
        _check_patient_rules(patient_id, slot)
        appointment = Appointment(patient_id=patient_id, doctor_id=doctor_id, slot_id=slot_id, date=day,
                                  start_time=start, end_time=end, status="booked", reason=reason or "",
                                  triage_id=triage_id)
        db.session.add(appointment)
        commit_or_conflict(flush=True, default=SlotTaken)
        audit.record("appointment.book", actor_id=actor_id, target=f"appointment:{appointment.id}", ip=ip,
                     patient_id=patient_id, slot_id=slot_id)
        appointments.appointment_event(_reload(appointment.id), "booked")
        commit_or_conflict(default=SlotTaken)
        cache.clear_after_booking_change(doctor_id=doctor_id, patient_id=patient_id)
        return appointment.id

    return _reload(_write(work))


def cancel_appointment(patient_id: int, appointment_id: int, *, reason: str | None = None,
                       ip: str | None = None, actor_id: int | None = None) -> Appointment:
    """Cancel a patient's booked appointment and make its slot bookable again."""

    def work() -> None:
        appointment = _patient_appointment(patient_id, appointment_id)
        if appointment.status != "booked":
            raise Conflict("Only a booked appointment can be cancelled.", code="not_booked")
        check_cancellable(appointment)
        slot_id, doctor_id = appointment.slot_id, appointment.doctor_id
        changed = db.session.execute(
            sa.update(Appointment)
            .where(Appointment.id == appointment_id, Appointment.status == "booked")
            .values(status="cancelled", cancel_reason=reason or None, cancelled_at=utcnow(), updated_at=utcnow())
            .execution_options(synchronize_session=False)
        ).rowcount
        if changed != 1:
            raise Conflict("Only a booked appointment can be cancelled.", code="not_booked")
        _free_slot(slot_id)
        audit.record("appointment.cancel", actor_id=actor_id, target=f"appointment:{appointment_id}", ip=ip)
        appointments.appointment_event(_reload(appointment_id), "cancelled")
        db.session.commit()
        cache.clear_after_booking_change(doctor_id=doctor_id, patient_id=patient_id)

    _write(work)
    return _reload(appointment_id)


def reschedule_appointment(patient_id: int, appointment_id: int, new_slot_id: int, *,
                           ip: str | None = None, actor_id: int | None = None) -> Appointment:
    """Move a booked appointment to another slot, in one transaction.

    The new slot is taken first; the old one is freed only once the new one is
    held, so a lost race leaves the patient with the appointment they had.
    """

    def work() -> None:
        appointment = _patient_appointment(patient_id, appointment_id)
        if appointment.status != "booked":
            raise Conflict("Only a booked appointment can be moved.", code="not_booked")
        if appointment.slot_id == new_slot_id:
            raise RuleViolation("The appointment is already at this time.", code="same_slot")
        check_cancellable(appointment)
        slot = _load_slot(new_slot_id)
        bookability.check_bookable(slot.date, slot.start_time)
        if slot.is_booked:
            raise SlotTaken()
        old_slot_id, old_doctor_id = appointment.slot_id, appointment.doctor_id
        new_doctor_id, day, start, end = slot.doctor_id, slot.date, slot.start_time, slot.end_time
        _take_slot(new_slot_id)
        _lock_patient(patient_id)
        _check_patient_rules(patient_id, slot, replacing=appointment_id)
        moved = db.session.execute(
            sa.update(Appointment)
            .where(Appointment.id == appointment_id, Appointment.status == "booked")
            .values(slot_id=new_slot_id, doctor_id=new_doctor_id, date=day, start_time=start, end_time=end,
                    updated_at=utcnow())
            .execution_options(synchronize_session=False)
        ).rowcount
        if moved != 1:
            raise Conflict("Only a booked appointment can be moved.", code="not_booked")
        _free_slot(old_slot_id)
        commit_or_conflict(flush=True, default=SlotTaken)
        audit.record("appointment.reschedule", actor_id=actor_id, target=f"appointment:{appointment_id}", ip=ip,
                     from_slot=old_slot_id, to_slot=new_slot_id)
        appointments.appointment_event(_reload(appointment_id), "rescheduled")
        commit_or_conflict(default=SlotTaken)
        cache.clear_after_booking_change(doctor_id=old_doctor_id, patient_id=patient_id)
        if new_doctor_id != old_doctor_id:
            cache.clear_dashboards(doctor_ids=(new_doctor_id,))

    _write(work)
    return _reload(appointment_id)


DOCTOR_LEFT_REASON = "The doctor is no longer available at the clinic. Please book with another doctor."


def cancel_doctor_future_appointments(doctor_id: int, *, actor_id: int | None = None,
                                      ip: str | None = None) -> int:
    """Cancel a departing doctor's upcoming bookings and tell each patient. Returns how many."""

    def work() -> list[tuple[int, int]]:
        now = clock.utc_now()
        upcoming = db.session.execute(
            sa.select(Appointment).where(Appointment.doctor_id == doctor_id, Appointment.status == "booked",
                                         Appointment.date >= clock.clinic_today() - timedelta(days=1))
        ).scalars().all()
        cancelled = []
        for appointment in upcoming:
            if starts_at(appointment.date, appointment.start_time) <= now:
                continue  # already started: the doctor still records its outcome
            appointment.status = "cancelled"
            appointment.cancel_reason = DOCTOR_LEFT_REASON
            appointment.cancelled_at = now
            _free_slot(appointment.slot_id)
            appointments.appointment_event(appointment, "cancelled")
            audit.record("appointment.cancel", actor_id=actor_id, target=f"appointment:{appointment.id}",
                         ip=ip, reason="doctor_deactivated")
            cancelled.append((appointment.id, appointment.patient_id))
        db.session.commit()
        return cancelled

    cancelled = _write(work)
    for _appointment_id, patient_id in cancelled:
        cache.clear_after_booking_change(doctor_id=doctor_id, patient_id=patient_id)
    return len(cancelled)

