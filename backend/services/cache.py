"""Read-through JSON cache in Redis, with the keys and TTLs of the design.

Reads go to Redis first and fall through to the database when Redis is
missing, slow or down: `redis_handle` has short socket timeouts and no retry,
and after one failure its breaker skips Redis for a few seconds, so an
outage costs one short timeout, not one per request. Writers call the named
`clear_*()` functions right after their commit; a failed delete is logged and
left to the TTL.
"""
from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from typing import Any, Callable

import redis

from backend.extensions import redis_handle

log = logging.getLogger(__name__)

DOCTORS_TTL = 10 * 60
SPECIALIZATIONS_TTL = 60 * 60
DASHBOARD_TTL = 5 * 60
RESOURCES_TTL = 60 * 60

HIT, MISS, BYPASS = "hit", "miss", "bypass"


def doctors_key(spec_id: int | None) -> str:
    return "doctors:all" if spec_id is None else f"doctors:spec:{spec_id}"


SPECIALIZATIONS_KEY = "specializations:all"
ADMIN_DASHBOARD_KEY = "dashboard:admin"
RESOURCES_KEY = "resources:all"


def doctor_dashboard_key(doctor_id: int) -> str:
    return f"dashboard:doctor:{doctor_id}"


def patient_dashboard_key(patient_id: int) -> str:
    return f"dashboard:patient:{patient_id}"


@dataclass
class Cached:
    value: Any
    status: str  # hit | miss | bypass: shown to clients as the X-Cache header


def read_through(key: str, ttl: int, load: Callable[[], Any]) -> Cached:
    """The cached JSON value of `key`, or `load()` stored for `ttl` seconds."""
    client = redis_handle.client()
    if client is not None:
        try:
            raw = client.get(key)
        except redis.RedisError as exc:
            redis_handle.trip(exc)
            client = None
        else:
            if raw is not None:
                try:
                    return Cached(json.loads(raw), HIT)
                except ValueError:
                    log.warning("discarding unreadable cache entry %s", key)
    value = load()
    if client is None:
        return Cached(value, BYPASS)
    try:
        client.set(key, json.dumps(value, separators=(",", ":")), ex=ttl)
    except redis.RedisError as exc:
        redis_handle.trip(exc)
        return Cached(value, BYPASS)
    return Cached(value, MISS)


def _delete(*keys: str, patterns: tuple[str, ...] = ()) -> None:
    client = redis_handle.client()
    if client is None:
        log.warning("cache not cleared (redis unavailable), entries expire by TTL: %s %s", keys, patterns)
        return
    try:
        names = list(keys)
        for pattern in patterns:
            names.extend(client.scan_iter(match=pattern, count=500))
        if names:
            client.delete(*names)
    except redis.RedisError as exc:
        redis_handle.trip(exc)


def clear_doctors() -> None:
    """Every doctor listing: a doctor, a slot or a booking changed."""
    _delete(doctors_key(None), patterns=("doctors:spec:*",))


def clear_specializations() -> None:
    _delete(SPECIALIZATIONS_KEY)


def clear_dashboards(*, doctor_ids: tuple[int, ...] = (), patient_ids: tuple[int, ...] = ()) -> None:
    """The admin dashboard and those of the doctors and patients concerned."""
    _delete(ADMIN_DASHBOARD_KEY, *(doctor_dashboard_key(i) for i in doctor_ids),
            *(patient_dashboard_key(i) for i in patient_ids))


def clear_patient_dashboard(patient_id: int) -> None:
    """For writers outside scheduling (a new triage assessment shows on the patient's dashboard)."""
    _delete(patient_dashboard_key(patient_id))


def clear_after_booking_change(*, doctor_id: int, patient_id: int) -> None:
    """A slot was taken or freed: next free slots and three dashboards changed."""
    clear_doctors()
    clear_dashboards(doctor_ids=(doctor_id,), patient_ids=(patient_id,))


def clear_resources() -> None:
    """The emergency resources directory changed."""
    _delete(RESOURCES_KEY)
