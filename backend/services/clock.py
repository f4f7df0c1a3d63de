"""Clinic time: slots are clinic-local dates and times, timestamps are UTC."""
from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

from flask import current_app


def clinic_tz() -> ZoneInfo:
    return ZoneInfo(current_app.config["CLINIC_TIMEZONE"])


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


def clinic_now() -> datetime:
    return utc_now().astimezone(clinic_tz())


def clinic_today() -> date:
    return clinic_now().date()


def local_to_utc(day: date, at: time, tz: ZoneInfo | None = None) -> datetime:
    """The UTC instant of a clinic-local wall time.

    Across a daylight-saving change a wall time can be missing (spring
    forward) or happen twice (fall back). zoneinfo with fold=0 resolves both
    the way people read a clock: a missing time is shifted forward by the gap,
    a repeated time means its first occurrence.
    """
    zone = tz or clinic_tz()
    local = datetime.combine(day, at).replace(tzinfo=zone, fold=0)
    return local.astimezone(timezone.utc)


def wall_time_exists(day: date, at: time, tz: ZoneInfo | None = None) -> bool:
    """False for wall times skipped by a spring-forward change."""
    zone = tz or clinic_tz()
    local = datetime.combine(day, at).replace(tzinfo=zone)
    round_trip = local.astimezone(timezone.utc).astimezone(zone)
    return round_trip.replace(tzinfo=None) == datetime.combine(day, at)


def clinic_day_bounds_utc(day: date, tz: ZoneInfo | None = None) -> tuple[datetime, datetime]:
    """[start, end) of a clinic-local calendar day, in UTC (23 or 25 hours on DST days)."""
    zone = tz or clinic_tz()
    return local_to_utc(day, time(0, 0), zone), local_to_utc(day + timedelta(days=1), time(0, 0), zone)
