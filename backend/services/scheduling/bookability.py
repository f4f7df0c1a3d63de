"""Which slots a patient can book now: the minimum notice and the booking horizon, in one place.

Booking, the doctor directory, slot publishing and the symptom check's
recommended doctors all ask this module, so they can never disagree about
whether a time is bookable.
"""
from __future__ import annotations

from datetime import date, datetime, time, timedelta

import sqlalchemy as sa
from flask import current_app

from backend.errors import RuleViolation
from backend.extensions import db
from backend.messages import Message
from backend.models import DoctorAvailability
from backend.services import clock
from backend.services.formats import hhmm, iso_date


def starts_at(day: date, start: time) -> datetime:
    """The real (UTC) instant a clinic-local slot starts; elapsed time is measured between instants."""
    return clock.local_to_utc(day, start)


def notice() -> timedelta:
    return timedelta(minutes=current_app.config["BOOKING_MIN_NOTICE_MINUTES"])


def horizon_days() -> int:
    return current_app.config["BOOKING_HORIZON_DAYS"]


def last_bookable_day(now: datetime | None = None) -> date:
    now = now or clock.utc_now()
    return now.astimezone(clock.clinic_tz()).date() + timedelta(days=horizon_days())


def earliest_bookable_wall_time(now: datetime | None = None) -> datetime:
    """The clinic-local wall time (naive, rounded up to the minute) of now + minimum notice."""
    moment = ((now or clock.utc_now()) + notice()).astimezone(clock.clinic_tz()).replace(tzinfo=None)
    if moment.second or moment.microsecond:
        moment = moment.replace(second=0, microsecond=0) + timedelta(minutes=1)
    return moment


def check_bookable(day: date, start: time, now: datetime | None = None, *, notice_applies: bool = True) -> None:
    """Raise RuleViolation unless a slot at this clinic-local time can be booked now.

    `notice_applies=False` is the front desk's recorded override of the minimum notice.
    """
    now = now or clock.utc_now()
    begins = starts_at(day, start)
    if begins <= now:
        raise RuleViolation("This time has already passed.", code="past_slot")
    if notice_applies and begins - now < notice():
        raise RuleViolation(
            Message("Appointments must be booked at least {minutes} minutes ahead.",
                    minutes=current_app.config["BOOKING_MIN_NOTICE_MINUTES"]),
            code="too_late")
    if day > last_bookable_day(now):
        raise RuleViolation(Message("Appointments can be booked up to {days} days ahead.", days=horizon_days()),
                            code="beyond_horizon")


def is_bookable(day: date, start: time, now: datetime | None = None) -> bool:
    now = now or clock.utc_now()
    # Wall clocks repeat an hour when daylight saving ends: check the real elapsed time.
    return starts_at(day, start) - now >= notice() and day <= last_bookable_day(now)


def check_within_horizon(day: date) -> None:
    """For publishing slots: a day past the horizon could never be booked."""
    if day > clock.clinic_today() + timedelta(days=horizon_days()):
        raise RuleViolation("This date is beyond the booking horizon.", code="beyond_horizon")


def slot_json(row) -> dict:
    return {"id": row.id, "date": iso_date(row.date), "start_time": hhmm(row.start_time),
            "end_time": hhmm(row.end_time)}


def next_free_slots(doctor_ids: list[int] | None = None, *, per_doctor: int = 1,
                    until: datetime | None = None) -> dict[int, list[dict]]:
    """Each doctor's first `per_doctor` bookable free slots (before `until`, a UTC instant), in one query."""
    now = clock.utc_now()
    earliest = earliest_bookable_wall_time(now)
    last_day = last_bookable_day(now)
    if until is not None:
        last_day = min(last_day, until.astimezone(clock.clinic_tz()).date())
    slot = DoctorAvailability
    rank = sa.func.row_number().over(partition_by=slot.doctor_id, order_by=(slot.date, slot.start_time, slot.id))
    ranked = (sa.select(slot.id, slot.doctor_id, slot.date, slot.start_time, slot.end_time, rank.label("rank"))
              .where(slot.is_booked.is_(False), slot.date <= last_day,
                     sa.or_(slot.date > earliest.date(),
                            sa.and_(slot.date == earliest.date(), slot.start_time >= earliest.time()))))
    if doctor_ids is not None:
        ranked = ranked.where(slot.doctor_id.in_(doctor_ids))
    ranked = ranked.subquery()
    # One more than wanted per doctor: a slot in the repeated hour of a DST change may drop out below.
    rows = db.session.execute(sa.select(ranked).where(ranked.c.rank <= per_doctor + 1)
                              .order_by(ranked.c.doctor_id, ranked.c.rank))
    found: dict[int, list[dict]] = {}
    for row in rows:
        if not is_bookable(row.date, row.start_time, now):
            continue
        if until is not None and starts_at(row.date, row.start_time) > until:
            continue
        slots = found.setdefault(row.doctor_id, [])
        if len(slots) < per_doctor:
            slots.append(slot_json(row))
    return found
