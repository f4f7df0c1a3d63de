"""A doctor's weekly template and concrete slots."""
from __future__ import annotations

from datetime import date, time, timedelta

import sqlalchemy as sa

from backend.errors import Conflict, InvalidInput, NotFound, RuleViolation
from backend.extensions import db
from backend.messages import Message
from backend.models import Doctor, DoctorAvailability, DoctorSchedule
from backend.services import audit, cache, clock
from backend.services.formats import hhmm
from backend.services.scheduling import bookability
from backend.services.scheduling.slots import cut_slots, insert_slots, publish_from_template

MAX_RANGE_DAYS = 92


def _doctor(doctor_id: int) -> Doctor:
    doctor = db.session.get(Doctor, doctor_id)
    if doctor is None:
        raise NotFound("No such doctor.")
    return doctor


def schedule_of(doctor_id: int) -> dict:
    doctor = _doctor(doctor_id)
    return {"slot_minutes": doctor.slot_minutes,
            "weekly": [{"weekday": b.weekday, "start": hhmm(b.start_time), "end": hhmm(b.end_time)}
                       for b in doctor.schedules]}


def replace_schedule(doctor_id: int, *, slot_minutes: int, weekly: list[tuple[int, time, time]],
                     actor_id: int | None = None) -> dict:
    """Replace the weekly template. Blocks of one weekday must not overlap."""
    fields: dict[str, str] = {}
    by_day: dict[int, list[tuple[int, time, time]]] = {}
    for index, (weekday, start, end) in enumerate(weekly):
        if start >= end:
            fields[f"weekly.{index}.end"] = "The end must be after the start."
        by_day.setdefault(weekday, []).append((index, start, end))
    for blocks in by_day.values():
        blocks.sort(key=lambda b: b[1])
        for (_, _, prev_end), (index, start, _) in zip(blocks, blocks[1:]):
            if start < prev_end:
                fields.setdefault(f"weekly.{index}.start", "This block overlaps another one on the same day.")
    if fields:
        raise InvalidInput("The weekly schedule is not valid.", fields=fields)
    doctor = _doctor(doctor_id)
    doctor.slot_minutes = slot_minutes
    doctor.schedules.clear()
    db.session.flush()  # the old blocks go before the new ones meet the unique (weekday, start)
    doctor.schedules.extend(DoctorSchedule(weekday=w, start_time=s, end_time=e) for w, s, e in weekly)
    audit.record("schedule.replace", actor_id=actor_id, target=f"doctor:{doctor_id}")
    db.session.commit()
    cache.clear_doctors()
    return schedule_of(doctor_id)


def publish_slots(doctor_id: int, days: int, *, actor_id: int | None = None) -> int:
    """The template's slots for `days` days starting today. Idempotent: existing slots are kept."""
    doctor = _doctor(doctor_id)
    created = publish_from_template(doctor, clock.clinic_today(), days)
    audit.record("slots.publish", actor_id=actor_id, target=f"doctor:{doctor_id}", days=days, created=created)
    db.session.commit()
    if created:
        cache.clear_doctors()
    return created


def add_slots(doctor_id: int, day: date, start: time, end: time, *, actor_id: int | None = None) -> int:
    """Cut a one-off time range into slots of the doctor's length. Existing slots are kept."""
    if start >= end:
        raise InvalidInput(fields={"end_time": "The end must be after the start."})
    today = clock.clinic_today()
    if day < today:
        raise RuleViolation("Slots cannot be added in the past.", code="past_slot")
    bookability.check_within_horizon(day)
    doctor = _doctor(doctor_id)
    ranges = cut_slots(start, end, doctor.slot_minutes)
    if not ranges:
        raise InvalidInput(fields={"end_time": Message("The range is shorter than one {minutes}-minute slot.",
                                                       minutes=doctor.slot_minutes)})
    overlapping = _overlapping_slot(doctor_id, day, ranges)
    if overlapping is not None:
        raise Conflict(Message("This range overlaps the existing slot at {time}.", time=hhmm(overlapping)),
                       code="slot_overlap")
    created = insert_slots(doctor_id, day, ranges)
    audit.record("slots.add", actor_id=actor_id, target=f"doctor:{doctor_id}", day=day.isoformat(),
                 created=created)
    db.session.commit()
    if created:
        cache.clear_doctors()
    return created


def _overlapping_slot(doctor_id: int, day: date, ranges: list[tuple[time, time]]) -> time | None:
    """A slot that overlaps the new ones without starting at the same time (same start is idempotent)."""
    existing = db.session.execute(
        sa.select(DoctorAvailability.start_time, DoctorAvailability.end_time)
        .where(DoctorAvailability.doctor_id == doctor_id, DoctorAvailability.date == day)
    ).all()
    starts = {s for s, _ in ranges}
    for have_start, have_end in existing:
        if have_start in starts:
            continue
        if any(s < have_end and e > have_start for s, e in ranges):
            return have_start
    return None


def _date_range(date_from: date | None, date_to: date | None, default_days: int) -> tuple[date, date]:
    first = date_from or clock.clinic_today()
    last = date_to or first + timedelta(days=default_days - 1)
    if last < first:
        raise InvalidInput("The date range is reversed.", fields={"to": "Must be on or after from."})
    if (last - first).days >= MAX_RANGE_DAYS:
        raise InvalidInput(Message("Ask for at most {days} days at a time.", days=MAX_RANGE_DAYS),
                           fields={"to": "Range too long."})
    return first, last


def slots_of(doctor_id: int, date_from: date | None, date_to: date | None, *, free_only: bool) -> list[DoctorAvailability]:
    """The doctor's slots in a date range (default: the next 14 days)."""
    first, last = _date_range(date_from, date_to, 14)
    stmt = (sa.select(DoctorAvailability)
            .where(DoctorAvailability.doctor_id == doctor_id, DoctorAvailability.date >= first,
                   DoctorAvailability.date <= last)
            .order_by(DoctorAvailability.date, DoctorAvailability.start_time))
    if free_only:
        stmt = stmt.where(DoctorAvailability.is_booked.is_(False))
    return list(db.session.execute(stmt).scalars())


def delete_slot(doctor_id: int, slot_id: int, *, actor_id: int | None = None) -> None:
    """Remove a free slot. A booked one stays: its appointment must be cancelled first."""
    deleted = db.session.execute(
        sa.delete(DoctorAvailability)
        .where(DoctorAvailability.id == slot_id, DoctorAvailability.doctor_id == doctor_id,
               DoctorAvailability.is_booked.is_(False))
        .execution_options(synchronize_session=False)
    ).rowcount
    if deleted != 1:
        db.session.rollback()
        exists = db.session.execute(
            sa.select(DoctorAvailability.id).where(DoctorAvailability.id == slot_id,
                                                   DoctorAvailability.doctor_id == doctor_id)).first()
        if exists is None:
            raise NotFound("No such slot.")
        raise Conflict("This slot is booked; cancel the appointment first.", code="slot_booked")
    audit.record("slots.delete", actor_id=actor_id, target=f"slot:{slot_id}")
    db.session.commit()
    cache.clear_doctors()
