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
from backend.near_cache import near_cache

log = logging.getLogger(__name__)

DOCTORS_TTL = 10 * 60
SPECIALIZATIONS_TTL = 60 * 60
DASHBOARD_TTL = 5 * 60
RESOURCES_TTL = 60 * 60

HIT, MISS, BYPASS = "hit", "miss", "bypass"
# Every key derived from the doctors, their slots and their bookings (listings, pages, free times)
# is listed here, so one delete clears them all.
DOCTORS_REGISTRY = "doctors:keys"
DOCTORS_PREFIX = "doctors:*"  # every such key, in the processes' near copies
REGISTRY_TTL = DOCTORS_TTL + 60
# Free times change with the clock (minimum notice) as well as with bookings.
AVAILABILITY_TTL = 60


def doctors_key(spec_id: int | None) -> str:
    return "doctors:all" if spec_id is None else f"doctors:spec:{spec_id}"


def doctors_page_key(spec_id: int | None, page: int, per_page: int) -> str:
    return f"doctors:page:{'all' if spec_id is None else spec_id}:{page}:{per_page}"


def availability_key(doctor_id: int, date_from, date_to) -> str:
    return f"doctors:slots:{doctor_id}:{date_from or '-'}:{date_to or '-'}"


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


def read_through(key: str, ttl: int, load: Callable[[], Any], *, registry: str | None = None) -> Cached:
    """The cached JSON value of `key`, or `load()` stored for `ttl` seconds (and listed in `registry`)."""
    client, raw = _fetch(key)
    if raw is not None:
        try:
            return Cached(json.loads(raw), HIT)
        except ValueError:
            log.warning("discarding unreadable cache entry %s", key)
    if client is None:
        return Cached(json.loads(_rendered_while_down(key, lambda: json.dumps(load(), separators=(",", ":")))),
                      BYPASS)
    value = load()
    if not _store(client, key, json.dumps(value, separators=(",", ":")), ttl, registry):
        return Cached(value, BYPASS)
    return Cached(value, MISS)


@dataclass
class CachedBytes:
    """A response body exactly as it is sent: a hit is returned without being parsed or serialised."""
    body: bytes
    status: str


def body_through(key: str, ttl: int, render: Callable[[], tuple[bytes, int]], *,
                 registry: str | None = None) -> CachedBytes:
    """The cached bytes of `key`, or `render()`'s (body, seconds it stays right) stored for min(ttl, seconds)."""
    client, raw = _fetch(key)
    if raw is not None:
        return CachedBytes(raw.encode(), HIT)
    if client is None:
        return CachedBytes(_rendered_while_down(key, lambda: render()[0]), BYPASS)
    body, fresh_for = render()
    seconds = min(ttl, fresh_for)
    if seconds <= 0 or not _store(client, key, body.decode(), seconds, registry):
        return CachedBytes(body, BYPASS)
    return CachedBytes(body, MISS)


def dumps(value: Any) -> bytes:
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False).encode()


def _fetch(key: str):
    """(the Redis client, the cached text or None); the client is None when Redis is down (the breaker trips).

    This process's near copy answers first (see backend/near_cache.py); a Redis answer is kept there.
    """
    near = near_cache.get(key)
    if near is not None:
        return redis_handle.client(), near
    client = redis_handle.client()
    if client is None:
        return None, None
    generation = near_cache.generation()
    try:
        text = client.get(key)
    except redis.RedisError as exc:
        redis_handle.trip(exc)
        return None, None
    near_cache.put(key, text, generation)
    return client, text


def _rendered_while_down(key: str, render: Callable[[], Any]):
    """Redis is down: what this process rendered for `key` a moment ago, else render it now."""
    found = near_cache.get_rendered(key)
    if found is None:
        generation = near_cache.generation()
        try:
            found = render()
        finally:
            near_cache.put_rendered(key, found, generation)
    return found


def _store(client, key: str, text: str, ttl: int, registry: str | None) -> bool:
    try:
        pipe = client.pipeline(transaction=False)
        pipe.set(key, text, ex=ttl)
        if registry:
            # The writers' clear_*() delete what the registry lists, without scanning the keyspace.
            pipe.sadd(registry, key)
            pipe.expire(registry, REGISTRY_TTL)
        pipe.execute()
    except redis.RedisError as exc:
        redis_handle.trip(exc)
        return False
    return True


def _delete(*keys: str, patterns: tuple[str, ...] = ()) -> None:
    near_cache.drop_local([*keys, *patterns])
    client = redis_handle.client(ignore_breaker=True)  # a clear is always tried: a missed one stays stale
    if client is None:
        log.warning("cache not cleared (redis unavailable), entries expire by TTL: %s %s", keys, patterns)
        return
    try:
        names = list(keys)
        for pattern in patterns:
            names.extend(client.scan_iter(match=pattern, count=500))
        # Deleted, and every process told to drop its near copy, in one round trip.
        near_cache.announce(client, [*keys, *patterns], delete=names)
    except redis.RedisError as exc:
        redis_handle.trip(exc)


def clear_doctors(*also: str) -> None:
    """Every doctor listing, page and free-time answer (a doctor, a slot or a booking changed), and the
    keys in `also`, in one go."""
    announced = [DOCTORS_PREFIX, *also]
    near_cache.drop_local(announced)
    client = redis_handle.client(ignore_breaker=True)  # a clear is always tried: a missed one stays stale
    if client is None:
        log.warning("cache not cleared (redis unavailable), entries expire by TTL: doctors %s", also)
        return
    try:
        # One round trip: the registry is read and dropped with the keys it lists, atomically (keys stored
        # afterwards go to a new one), then every process is told and the answer waits for them.
        near_cache.announce(client, announced, delete=(doctors_key(None), *also),
                            delete_listed_in=(DOCTORS_REGISTRY,))
    except redis.RedisError as exc:
        redis_handle.trip(exc)


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
    clear_doctors(ADMIN_DASHBOARD_KEY, doctor_dashboard_key(doctor_id), patient_dashboard_key(patient_id))


def clear_resources() -> None:
    """The emergency resources directory changed."""
    _delete(RESOURCES_KEY)
