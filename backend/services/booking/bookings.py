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

import functools
import logging
from datetime import datetime, timedelta
from typing import Callable, TypeVar

import sqlalchemy as sa
import sqlalchemy.orm as so
from flask import current_app
from sqlalchemy.exc import OperationalError

from backend.errors import Conflict, DomainError, InvalidInput, NotFound, RuleViolation, SlotTaken, commit_or_conflict
from backend.extensions import db
from backend.messages import Message
from backend.models import Appointment, Doctor, DoctorAvailability, Patient, TriageAssessment, utcnow
from backend.services import audit, cache, clock
from backend.services.booking import notices
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
            Message("Appointments can be changed or cancelled up to {hours} hours before they start.", hours=hours),
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


# The booking's statements are built once, with bound parameters: SQLAlchemy then reuses their compiled
# form without building and hashing a new statement on every request.

@functools.cache
def _take_slot_statement() -> sa.Update:
    slots = DoctorAvailability.__table__
    return (sa.update(slots).where(slots.c.id == sa.bindparam("slot_id"), slots.c.is_booked.is_(False))
            .values(is_booked=True))


def _take_slot(slot_id: int) -> None:
    taken = db.session.execute(_take_slot_statement(), {"slot_id": slot_id}).rowcount
    if taken != 1:
        raise SlotTaken()


def _free_slot(slot_id: int | None) -> None:
    if slot_id is not None:
        db.session.execute(
            sa.update(DoctorAvailability).where(DoctorAvailability.id == slot_id)
            .values(is_booked=False).execution_options(synchronize_session=False)
        )


def _lock_patient(patient_id: int) -> None:
    # PostgreSQL: serializes one patient's bookings. SQLite ignores FOR UPDATE, and
    # there the slot UPDATE before this already holds the single database write lock:
    # the statement would change nothing, so it is not sent.
    if db.session.get_bind().dialect.name == "sqlite":
        return
    db.session.execute(sa.select(Patient.id).where(Patient.id == patient_id).with_for_update()).first()


# ---- lookups --------------------------------------------------------------

def _load_slot(slot_id: int) -> DoctorAvailability:
    slot = db.session.execute(
        sa.select(DoctorAvailability).options(so.joinedload(DoctorAvailability.doctor))
        .where(DoctorAvailability.id == slot_id)
    ).scalar_one_or_none()
    return _open_slot(slot)


def _open_slot(slot: DoctorAvailability | None) -> DoctorAvailability:
    """The slot, if it exists and its doctor takes appointments."""
    if slot is None:
        raise NotFound("No such slot.", code="slot_not_found")
    if not slot.doctor.is_active:
        raise Conflict("This doctor is not taking appointments.", code="doctor_unavailable")
    return slot


@functools.cache
def _load_booking_statement() -> sa.Select:
    return (sa.select(DoctorAvailability, Patient)
            .join(Patient, Patient.id == sa.bindparam("patient_id"))
            .options(so.joinedload(DoctorAvailability.doctor).joinedload(Doctor.specialization),
                     so.joinedload(DoctorAvailability.doctor).joinedload(Doctor.user),
                     so.joinedload(Patient.user))
            .where(DoctorAvailability.id == sa.bindparam("slot_id")))


def _load_booking(patient_id: int, slot_id: int) -> tuple[DoctorAvailability, Patient]:
    """The slot with its doctor, and the patient, in one query: all that the booking, its notice, its email
    and its answer read (the doctor's specialization and user, the patient's user). The errors and their
    order are _patient_exists's, then _load_slot's."""
    row = db.session.execute(_load_booking_statement(), {"slot_id": slot_id, "patient_id": patient_id}).first()
    if row is None and not _patient_exists(patient_id):
        raise NotFound("No such patient.", code="patient_not_found", fields={"patient_id": "Not found."})
    slot, patient = row or (None, None)
    return _open_slot(slot), patient


def _commit_keeping(*keep: object) -> None:
    """Commit, then expire every object but `keep`, as the commit would have: what is kept was read or
    written in this very transaction, so the answer is built from it without reading it back."""
    session = db.session()
    expire_on_commit = session.expire_on_commit
    session.expire_on_commit = False
    try:
        commit_or_conflict(default=SlotTaken)
    finally:
        session.expire_on_commit = expire_on_commit
    if expire_on_commit:
        kept = {id(obj) for obj in keep}
        for obj in list(session.identity_map.values()):
            if id(obj) not in kept:
                session.expire(obj)


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


@functools.cache
def _rules_statement() -> sa.Select:
    """Whether the patient has a booked appointment overlapping the slot (other than the one being moved),
    and how many upcoming ones: both answers in one statement."""
    visits = Appointment.__table__.c
    overlap = sa.select(visits.id).where(
        visits.patient_id == sa.bindparam("patient_id"), visits.status == "booked",
        visits.id != sa.bindparam("replacing"),
        visits.date == sa.bindparam("day"), visits.start_time < sa.bindparam("end"),
        visits.end_time > sa.bindparam("start"))
    upcoming = sa.select(sa.func.count(visits.id)).where(
        visits.patient_id == sa.bindparam("patient_id"), visits.status == "booked",
        sa.or_(visits.date > sa.bindparam("today"),
               sa.and_(visits.date == sa.bindparam("today"), visits.start_time > sa.bindparam("now"))))
    return sa.select(overlap.exists(), upcoming.scalar_subquery())


def _check_patient_rules(patient_id: int, slot: DoctorAvailability, *, replacing: int | None = None,
                         limit_applies: bool = True) -> None:
    """Inside the write transaction: no overlap, and not too many upcoming bookings (a move keeps the
    number of bookings; the front desk may override the limit)."""
    now_local = clock.utc_now().astimezone(clock.clinic_tz())
    overlapping, upcoming = db.session.execute(_rules_statement(), {
        "patient_id": patient_id, "replacing": -1 if replacing is None else replacing,
        "day": slot.date, "start": slot.start_time, "end": slot.end_time,
        "today": now_local.date(), "now": now_local.time().replace(tzinfo=None)}).one()
    if overlapping:
        raise RuleViolation("You already have an appointment at this time.", code="overlapping_booking")
    limit = current_app.config["MAX_ACTIVE_BOOKINGS"]
    if replacing is None and limit_applies and upcoming >= limit:
        raise RuleViolation(Message("You can hold at most {limit} upcoming appointments.", limit=limit),
                            code="too_many_bookings")


def _check_triage(patient_id: int, triage_id: int | None) -> None:
    if triage_id is None:
        return
    found = db.session.execute(
        sa.select(TriageAssessment.id).where(TriageAssessment.id == triage_id,
                                             TriageAssessment.patient_id == patient_id)
    ).first()
    if found is None:
        raise NotFound("No such assessment.", code="triage_not_found", fields={"triage_id": "Not found."})


def _patient_exists(patient_id: int) -> bool:
    return db.session.execute(sa.select(Patient.id).where(Patient.id == patient_id)).first() is not None


def _tell(appointment: Appointment, event: str, *, actor_id: int | None, by_staff: bool = False,
          reason: str | None = None, previous_doctor_id: int | None = None) -> None:
    """Queue the patient's email and the doctors' notices for a change. Caller commits.

    The patient's email names who made the change when it was not them, and why.
    """
    by = notices.actor_label(actor_id, appointment.patient_id)
    staff = by_staff or by != "the patient"
    appointments.appointment_event(appointment, event, changed_by=by if staff else None,
                                   reason=reason if staff else None)
    if event == "rescheduled" and previous_doctor_id not in (None, appointment.doctor_id):
        notices.record(appointment, "rescheduled_out", doctor_id=previous_doctor_id, actor_id=actor_id, by=by,
                       reason=reason)
        notices.record(appointment, "rescheduled_in", doctor_id=appointment.doctor_id, actor_id=actor_id, by=by,
                       reason=reason)
    else:
        notices.record(appointment, event, doctor_id=appointment.doctor_id, actor_id=actor_id, by=by, reason=reason)


# ---- the operations -------------------------------------------------------

def book_slot(patient_id: int, slot_id: int, *, reason: str = "", triage_id: int | None = None,
              ip: str | None = None, actor_id: int | None = None, by_staff: bool = False,
              override: bool = False) -> Appointment:
    """Book a free slot for a patient. 409 slot_taken if someone else got it first.

    `by_staff`: the front desk books for the patient (the email says so). `override` (front desk
    only) lifts the minimum notice and the limit on upcoming bookings, and is recorded in the audit log.
    """

    def work() -> Appointment:
        slot, patient = _load_booking(patient_id, slot_id)
        bookability.check_bookable(slot.date, slot.start_time, notice_applies=not override)
        if slot.is_booked:
            raise SlotTaken()
        _check_triage(patient_id, triage_id)
        doctor_id, day, start, end = slot.doctor_id, slot.date, slot.start_time, slot.end_time
        _take_slot(slot_id)
        so.attributes.set_committed_value(slot, "is_booked", True)  # as the UPDATE left the row
        _lock_patient(patient_id)
        _check_patient_rules(patient_id, slot, limit_applies=not override)
        appointment = Appointment(patient_id=patient_id, doctor_id=doctor_id, slot_id=slot_id, date=day,
                                  start_time=start, end_time=end, status="booked", reason=reason or "",
                                  triage_id=triage_id)
        db.session.add(appointment)
        commit_or_conflict(flush=True, default=SlotTaken)
        # Its doctor and patient are the ones loaded above (held by the appointment, as a reload would);
        # a new appointment has no treatment yet.
        so.attributes.set_committed_value(appointment, "doctor", slot.doctor)
        so.attributes.set_committed_value(appointment, "patient", patient)
        so.attributes.set_committed_value(appointment, "treatment", None)
        audit.record("appointment.book", actor_id=actor_id, target=f"appointment:{appointment.id}", ip=ip,
                     patient_id=patient_id, slot_id=slot_id, **({"override": True} if override else {}))
        _tell(appointment, "booked", actor_id=actor_id, by_staff=by_staff)
        doctor = slot.doctor
        _commit_keeping(appointment, slot, doctor, doctor.specialization, doctor.user, patient, patient.user)
        cache.clear_after_booking_change(doctor_id=doctor_id, patient_id=patient_id)
        return appointment

    return _write(work)


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
        audit.record("appointment.cancel", actor_id=actor_id, target=f"appointment:{appointment_id}", ip=ip,
                     patient_id=patient_id)
        _tell(_reload(appointment_id), "cancelled", actor_id=actor_id, reason=reason)
        db.session.commit()
        cache.clear_after_booking_change(doctor_id=doctor_id, patient_id=patient_id)

    _write(work)
    return _reload(appointment_id)


def _move(appointment: Appointment, new_slot_id: int, *, notice_applies: bool) -> int:
    """Inside the write: take the new slot, check the patient's rules, move the visit, free the old slot.

    The new slot is held before the old one is let go, so a lost race leaves the
    appointment where it was. Returns the new slot's doctor.
    """
    slot = _load_slot(new_slot_id)
    bookability.check_bookable(slot.date, slot.start_time, notice_applies=notice_applies)
    if slot.is_booked:
        raise SlotTaken()
    appointment_id, patient_id, old_slot_id = appointment.id, appointment.patient_id, appointment.slot_id
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
    return new_doctor_id


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
        old_slot_id, old_doctor_id = appointment.slot_id, appointment.doctor_id
        new_doctor_id = _move(appointment, new_slot_id, notice_applies=True)
        audit.record("appointment.reschedule", actor_id=actor_id, target=f"appointment:{appointment_id}", ip=ip,
                     patient_id=patient_id, from_slot=old_slot_id, to_slot=new_slot_id)
        _tell(_reload(appointment_id), "rescheduled", actor_id=actor_id, previous_doctor_id=old_doctor_id)
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
                         ip=ip, patient_id=appointment.patient_id, reason="doctor_deactivated")
            cancelled.append((appointment.id, appointment.patient_id))
        db.session.commit()
        return cancelled

    cancelled = _write(work)
    for _appointment_id, patient_id in cancelled:
        cache.clear_after_booking_change(doctor_id=doctor_id, patient_id=patient_id)
    return len(cancelled)



# ---- staff: the doctor (their own list) and the front desk (any) ------------------------

def _staff_appointment(appointment_id: int, doctor_id: int | None) -> Appointment:
    """An appointment the caller may change: a doctor's own, or any for the front desk (doctor_id None)."""
    stmt = (sa.select(Appointment)
            .options(so.joinedload(Appointment.doctor).joinedload(Doctor.specialization),
                     so.joinedload(Appointment.patient).joinedload(Patient.user))
            .where(Appointment.id == appointment_id))
    if doctor_id is not None:
        stmt = stmt.where(Appointment.doctor_id == doctor_id)
    appointment = db.session.execute(stmt).scalar_one_or_none()
    if appointment is None:
        raise NotFound("No such appointment.")
    return appointment


def _not_started(appointment: Appointment, now: datetime | None = None) -> None:
    if starts_at(appointment.date, appointment.start_time) <= (now or clock.utc_now()):
        raise RuleViolation("This appointment has already started; record its outcome instead.",
                            code="already_started")


def staff_cancel(appointment_id: int, *, reason: str, actor_id: int, doctor_id: int | None = None,
                 reopen_slot: bool | None = None, ip: str | None = None) -> Appointment:
    """Cancel one booked appointment with a reason; the patient is emailed who did it and why.

    The patient's cancellation cut-off does not apply to staff. A doctor's own
    cancellation closes the slot (they are the one unavailable) unless
    `reopen_slot`; the front desk's reopens it unless `reopen_slot` is False.
    """
    reopen = (doctor_id is None) if reopen_slot is None else reopen_slot

    def work() -> tuple[int, int]:
        appointment = _staff_appointment(appointment_id, doctor_id)
        if appointment.status != "booked":
            raise Conflict("Only a booked appointment can be cancelled.", code="not_booked")
        _not_started(appointment)
        slot_id, patient_id, owner = appointment.slot_id, appointment.patient_id, appointment.doctor_id
        changed = db.session.execute(
            sa.update(Appointment)
            .where(Appointment.id == appointment_id, Appointment.status == "booked")
            .values(status="cancelled", cancel_reason=reason, cancelled_at=utcnow(), updated_at=utcnow(),
                    **({} if reopen else {"slot_id": None}))
            .execution_options(synchronize_session=False)
        ).rowcount
        if changed != 1:
            raise Conflict("Only a booked appointment can be cancelled.", code="not_booked")
        if reopen:
            _free_slot(slot_id)
        elif slot_id is not None:
            db.session.execute(sa.delete(DoctorAvailability).where(DoctorAvailability.id == slot_id))
        audit.record("appointment.cancel", actor_id=actor_id, target=f"appointment:{appointment_id}", ip=ip,
                     patient_id=patient_id, reason=reason, by_staff=True, slot_reopened=reopen)
        _tell(_reload(appointment_id), "cancelled", actor_id=actor_id, by_staff=True, reason=reason)
        db.session.commit()
        return owner, patient_id

    owner, patient_id = _write(work)
    cache.clear_after_booking_change(doctor_id=owner, patient_id=patient_id)
    return _reload(appointment_id)


def staff_reschedule(appointment_id: int, new_slot_id: int, *, actor_id: int, doctor_id: int | None = None,
                     override: bool = False, reason: str | None = None, ip: str | None = None) -> Appointment:
    """Move a booked appointment to a free slot of the same or another doctor, atomically as for patients.

    The booking rules apply to the new time (notice, horizon, overlap); the front
    desk may override the notice, and that is recorded in the audit log.
    """

    def work() -> tuple[int, int, int]:
        appointment = _staff_appointment(appointment_id, doctor_id)
        if appointment.status != "booked":
            raise Conflict("Only a booked appointment can be moved.", code="not_booked")
        if appointment.slot_id == new_slot_id:
            raise RuleViolation("The appointment is already at this time.", code="same_slot")
        _not_started(appointment)
        patient_id = appointment.patient_id
        old_slot_id, old_doctor_id = appointment.slot_id, appointment.doctor_id
        new_doctor_id = _move(appointment, new_slot_id, notice_applies=not override)
        audit.record("appointment.reschedule", actor_id=actor_id, target=f"appointment:{appointment_id}", ip=ip,
                     patient_id=patient_id, from_slot=old_slot_id, to_slot=new_slot_id, by_staff=True,
                     **({"override": True} if override else {}))
        _tell(_reload(appointment_id), "rescheduled", actor_id=actor_id, by_staff=True, reason=reason,
              previous_doctor_id=old_doctor_id)
        commit_or_conflict(default=SlotTaken)
        return old_doctor_id, new_doctor_id, patient_id

    old_doctor_id, new_doctor_id, patient_id = _write(work)
    cache.clear_after_booking_change(doctor_id=old_doctor_id, patient_id=patient_id)
    if new_doctor_id != old_doctor_id:
        cache.clear_dashboards(doctor_ids=(new_doctor_id,))
    return _reload(appointment_id)


MAX_CANCEL_DAYS = 31


def cancel_doctor_days(doctor_id: int, date_from, date_to, *, reason: str, actor_id: int,
                       ip: str | None = None) -> int:
    """A doctor is away: cancel every booked appointment from date_from to date_to (clinic dates) that
    has not started, email each patient with the reason and a link to rebook, and close the freed
    slots (and the free ones) so nobody books them. Returns how many appointments were cancelled."""
    if date_to < date_from:
        raise InvalidInput("The date range is reversed.", fields={"date_to": "Must be on or after date_from."})
    if (date_to - date_from).days >= MAX_CANCEL_DAYS:
        raise InvalidInput(Message("Cancel at most {days} days at once.", days=MAX_CANCEL_DAYS),
                           fields={"date_to": Message("At most {days} days after date_from.", days=MAX_CANCEL_DAYS)})
    if date_to < clock.clinic_today():
        raise InvalidInput("These days are over.", fields={"date_to": "Choose today or a later day."})

    def work() -> list[int]:
        now = clock.utc_now()
        slots = db.session.execute(
            sa.select(DoctorAvailability).where(DoctorAvailability.doctor_id == doctor_id,
                                                DoctorAvailability.date >= date_from,
                                                DoctorAvailability.date <= date_to)
        ).scalars().all()
        upcoming = [s.id for s in slots if starts_at(s.date, s.start_time) > now]
        booked = db.session.execute(
            sa.select(Appointment).where(Appointment.doctor_id == doctor_id, Appointment.status == "booked",
                                         Appointment.date >= date_from, Appointment.date <= date_to)
            .order_by(Appointment.date, Appointment.start_time)
        ).scalars().all()
        cancelled = []
        for appointment in booked:
            if starts_at(appointment.date, appointment.start_time) <= now:
                continue  # begun: the doctor records its outcome
            appointment.status = "cancelled"
            appointment.cancel_reason = reason
            appointment.cancelled_at = now
            appointment.updated_at = now
            cancelled.append(appointment.id)
        db.session.flush()
        if upcoming:
            # Close the day: earlier cancelled visits keep their history, not the slot.
            db.session.execute(sa.update(Appointment).where(Appointment.slot_id.in_(upcoming))
                               .values(slot_id=None).execution_options(synchronize_session=False))
            db.session.execute(sa.delete(DoctorAvailability).where(DoctorAvailability.id.in_(upcoming))
                               .execution_options(synchronize_session=False))
        for appointment_id in cancelled:
            appointment = _reload_in_place(appointment_id)
            audit.record("appointment.cancel", actor_id=actor_id, target=f"appointment:{appointment_id}", ip=ip,
                         patient_id=appointment.patient_id, reason=reason, by_staff=True, day_cancelled=True)
            _tell(appointment, "cancelled", actor_id=actor_id, by_staff=True, reason=reason)
        audit.record("doctor.days_cancel", actor_id=actor_id, target=f"doctor:{doctor_id}", ip=ip,
                     date_from=date_from.isoformat(), date_to=date_to.isoformat(), reason=reason,
                     cancelled=len(cancelled), slots_closed=len(upcoming))
        db.session.commit()
        return [a.patient_id for a in booked if a.id in cancelled]

    patient_ids = _write(work)
    cache.clear_doctors()
    cache.clear_dashboards(doctor_ids=(doctor_id,), patient_ids=tuple(set(patient_ids)))
    return len(patient_ids)


def _reload_in_place(appointment_id: int) -> Appointment:
    return db.session.execute(
        sa.select(Appointment)
        .options(so.joinedload(Appointment.doctor).joinedload(Doctor.specialization),
                 so.joinedload(Appointment.patient).joinedload(Patient.user))
        .where(Appointment.id == appointment_id)
    ).scalar_one()
