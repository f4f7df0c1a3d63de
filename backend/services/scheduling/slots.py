"""Doctors' slots: cutting time ranges into slots and publishing them from the weekly template."""
from __future__ import annotations

from datetime import date, datetime, time, timedelta

import sqlalchemy as sa

from backend.extensions import db
from backend.models import Doctor, DoctorAvailability, DoctorSchedule
from backend.services.clock import wall_time_exists


def cut_slots(start: time, end: time, minutes: int) -> list[tuple[time, time]]:
    """Consecutive [start, end) slots of `minutes` that fit entirely in the range."""
    slots = []
    cursor = datetime.combine(date.min, start)
    stop = datetime.combine(date.min, end)
    step = timedelta(minutes=minutes)
    while cursor + step <= stop:
        slots.append((cursor.time(), (cursor + step).time()))
        cursor += step
    return slots


def insert_slots(doctor_id: int, day: date, ranges: list[tuple[time, time]]) -> int:
    """Insert the slots that don't exist yet; returns how many were created. Caller commits."""
    wanted = [(s, e) for s, e in ranges if wall_time_exists(day, s)]
    if not wanted:
        return 0
    existing = set(db.session.execute(
        sa.select(DoctorAvailability.start_time).where(
            DoctorAvailability.doctor_id == doctor_id, DoctorAvailability.date == day)
    ).scalars())
    new = [DoctorAvailability(doctor_id=doctor_id, date=day, start_time=s, end_time=e)
           for s, e in wanted if s not in existing]
    db.session.add_all(new)
    return len(new)


def publish_from_template(doctor: Doctor, first_day: date, days: int) -> int:
    """Create the slots of the weekly template for `days` days from `first_day`. Idempotent."""
    blocks: dict[int, list[DoctorSchedule]] = {}
    for block in doctor.schedules:
        blocks.setdefault(block.weekday, []).append(block)
    created = 0
    for offset in range(days):
        day = first_day + timedelta(days=offset)
        ranges: list[tuple[time, time]] = []
        for block in blocks.get(day.weekday(), []):
            ranges.extend(cut_slots(block.start_time, block.end_time, doctor.slot_minutes))
        created += insert_slots(doctor.id, day, ranges)
    return created
