"""The directory: the cached public listing (filters, nearest first) and the admin's changes."""
from __future__ import annotations

import math

import sqlalchemy as sa

from backend.errors import InvalidInput, NotFound, commit_or_conflict
from backend.extensions import db
from backend.messages import Message
from backend.models import EMERGENCY_KINDS, RESOURCE_KINDS, EmergencyResource
from backend.services import audit, cache
from backend.services.paging import Page, page_of_list, paginate
from backend.services.resources import serializers
from backend.services.resources.fields import ResourceChanges, ResourceFields

EARTH_RADIUS_KM = 6371.0088


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance between two points, in kilometres."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlambda = phi2 - phi1, math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def _ordered():
    return sa.select(EmergencyResource).order_by(EmergencyResource.sort_order, EmergencyResource.name,
                                                  EmergencyResource.id)


def cached_resources() -> cache.Cached:
    """Every resource, serialized, in the configured order (one cached list: the directory is small)."""
    def load() -> list[dict]:
        return [serializers.resource(row) for row in db.session.execute(_ordered()).scalars()]

    return cache.read_through(cache.RESOURCES_KEY, cache.RESOURCES_TTL, load)


def parse_kinds(kind: str | None) -> tuple[str, ...]:
    """`kind` may name several kinds, comma-separated; `emergency` means the kinds an emergency needs."""
    if not kind:
        return ()
    kinds: list[str] = []
    for part in (p.strip() for p in kind.split(",")):
        if part == "emergency":
            kinds.extend(EMERGENCY_KINDS)
        elif part in RESOURCE_KINDS:
            kinds.append(part)
        elif part:
            raise InvalidInput(fields={"kind": Message("Use one of: {kinds}.",
                                                       kinds=", ".join((*RESOURCE_KINDS, "emergency")))})
    return tuple(dict.fromkeys(kinds))


def list_public(*, kind: str | None, q: str | None, lat: float | None, lon: float | None,
                page: int, per_page: int) -> Page:
    """The public listing: filtered by kind and text; with a location, nearest first with `distance_km`."""
    if (lat is None) != (lon is None):
        raise InvalidInput("Give both lat and lon, or neither.", fields={"lat" if lat is None else "lon": "Required with the other coordinate."})
    kinds = parse_kinds(kind)
    cached = cached_resources()
    rows = [dict(row) for row in cached.value]
    if kinds:
        rows = [row for row in rows if row["kind"] in kinds]
    if q:
        needle = q.casefold()
        rows = [row for row in rows
                if any(needle in str(row[key]).casefold() for key in ("name", "address", "services"))]
    if lat is not None and lon is not None:
        for row in rows:
            known = row["latitude"] is not None and row["longitude"] is not None
            row["distance_km"] = (round(haversine_km(lat, lon, row["latitude"], row["longitude"]), 2)
                                  if known else None)
        # Rows without a position keep the configured order, after every row with one.
        rows.sort(key=lambda row: (row["distance_km"] is None, row["distance_km"] or 0.0))
    return page_of_list(rows, page, per_page, cached.status)


def list_admin(*, q: str | None, kind: str | None, page: int, per_page: int) -> Page:
    stmt = _ordered()
    kinds = parse_kinds(kind)
    if kinds:
        stmt = stmt.where(EmergencyResource.kind.in_(kinds))
    if q:
        like = f"%{q}%"
        stmt = stmt.where(sa.or_(EmergencyResource.name.ilike(like), EmergencyResource.address.ilike(like)))
    return paginate(stmt, page, per_page)


def _resource(resource_id: int) -> EmergencyResource:
    row = db.session.get(EmergencyResource, resource_id)
    if row is None:
        raise NotFound("No such resource.")
    return row


def _committed() -> None:
    commit_or_conflict()
    cache.clear_resources()


def create_resource(fields: ResourceFields, *, actor_id: int | None = None) -> EmergencyResource:
    row = EmergencyResource(**fields.model_dump())
    db.session.add(row)
    commit_or_conflict(flush=True)
    audit.record("resource.create", actor_id=actor_id, target=f"resource:{row.id}")
    _committed()
    return row


def update_resource(resource_id: int, changes: ResourceChanges, *, actor_id: int | None = None) -> EmergencyResource:
    row = _resource(resource_id)
    for name, value in changes.model_dump(exclude_unset=True).items():
        if name in ("name", "kind") and value is None:
            raise InvalidInput(fields={name: "This field cannot be empty."})
        setattr(row, name, value)
    audit.record("resource.update", actor_id=actor_id, target=f"resource:{resource_id}")
    _committed()
    return row


def delete_resource(resource_id: int, *, actor_id: int | None = None) -> None:
    row = _resource(resource_id)
    db.session.delete(row)
    audit.record("resource.delete", actor_id=actor_id, target=f"resource:{resource_id}")
    _committed()
