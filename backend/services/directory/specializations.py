"""Specializations: the public list and the admin's management of it."""
from __future__ import annotations

import sqlalchemy as sa

from backend.errors import CONSTRAINT_ERRORS, Conflict, NotFound, commit_or_conflict
from backend.extensions import db
from backend.models import Doctor, Specialization
from backend.services import audit, cache
from backend.services.cache import Cached
from backend.services.directory import serializers as directory_serializers
from backend.services.paging import Page


def public_specializations() -> Cached:
    def load() -> list[dict]:
        rows = db.session.execute(sa.select(Specialization).order_by(Specialization.name)).scalars()
        return [directory_serializers.specialization(s) for s in rows]

    return cache.read_through(cache.SPECIALIZATIONS_KEY, cache.SPECIALIZATIONS_TTL, load)


def list_specializations(*, page: int, per_page: int) -> Page:
    """Items are (specialization, number of doctors) pairs."""
    total = db.session.execute(sa.select(sa.func.count(Specialization.id))).scalar_one()
    doctor_count = (sa.select(sa.func.count(Doctor.id)).where(Doctor.specialization_id == Specialization.id)
                    .correlate(Specialization).scalar_subquery())
    rows = db.session.execute(
        sa.select(Specialization, doctor_count).order_by(Specialization.name)
        .limit(per_page).offset((page - 1) * per_page)
    ).all()
    return Page([tuple(row) for row in rows], page, per_page, total)


def _committed() -> None:
    commit_or_conflict()
    cache.clear_specializations()
    cache.clear_doctors()


def _specialization(spec_id: int) -> Specialization:
    spec = db.session.get(Specialization, spec_id)
    if spec is None:
        raise NotFound("No such specialization.")
    return spec


def create_specialization(name: str, description: str, *, actor_id: int | None = None) -> Specialization:
    spec = Specialization(name=name, description=description)
    db.session.add(spec)
    # The database decides whether the name is free (a unique, case-folded key).
    commit_or_conflict(flush=True)
    audit.record("specialization.create", actor_id=actor_id, target=f"specialization:{spec.id}")
    _committed()
    return spec


def update_specialization(spec_id: int, *, name: str | None, description: str | None,
                          actor_id: int | None = None) -> Specialization:
    spec = _specialization(spec_id)
    if name is not None:
        spec.name = name
    if description is not None:
        spec.description = description
    audit.record("specialization.update", actor_id=actor_id, target=f"specialization:{spec_id}")
    _committed()
    return spec


def delete_specialization(spec_id: int, *, actor_id: int | None = None) -> None:
    spec = _specialization(spec_id)
    in_use = db.session.execute(sa.select(Doctor.id).where(Doctor.specialization_id == spec_id).limit(1)).first()
    if in_use is not None:
        raise Conflict("Doctors still have this specialization; move them first.", code="specialization_in_use")
    db.session.delete(spec)
    audit.record("specialization.delete", actor_id=actor_id, target=f"specialization:{spec_id}")
    commit_or_conflict(default=CONSTRAINT_ERRORS["fk_doctors_specialization_id_specializations"])
    cache.clear_specializations()
    cache.clear_doctors()
