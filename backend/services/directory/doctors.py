"""Doctors: as patients find them (with their next free slot) and as admins manage them."""
from __future__ import annotations

from datetime import date

import sqlalchemy as sa
import sqlalchemy.orm as so

from backend.errors import InvalidInput, NotFound, commit_or_conflict
from backend.extensions import db
from backend.models import Doctor, DoctorAvailability, Specialization, User
from backend.services import audit, cache, clock
from backend.services.accounts import links, users as accounts
from backend.services.booking import bookings as booking, serializers as booking_serializers
from backend.services.directory import serializers as directory_serializers
from backend.services.directory.search import contains
from backend.services.email import outbox
from backend.services.paging import Page, page_of_list, paginate
from backend.services.scheduling import bookability
from backend.services.scheduling.templates import slots_of


def _first(slots: list[dict] | None) -> dict | None:
    return slots[0] if slots else None


def public_doctors(*, spec_id: int | None, q: str | None, page: int, per_page: int) -> Page:
    """Active doctors with their next free slot; the full list per specialization is cached."""

    def load() -> list[dict]:
        stmt = (sa.select(Doctor).join(Doctor.user).options(so.joinedload(Doctor.specialization))
                .where(Doctor.is_active.is_(True), User.is_active.is_(True))
                .order_by(Doctor.full_name, Doctor.id))
        if spec_id is not None:
            stmt = stmt.where(Doctor.specialization_id == spec_id)
        doctors = list(db.session.execute(stmt).scalars())
        slots = bookability.next_free_slots(None if spec_id is None else [d.id for d in doctors])
        return [dict(directory_serializers.doctor_public(d), next_free_slot=_first(slots.get(d.id))) for d in doctors]

    cached = cache.read_through(cache.doctors_key(spec_id), cache.DOCTORS_TTL, load, registry=cache.DOCTORS_REGISTRY)
    rows = cached.value
    if q:
        needle = q.lower()
        rows = [d for d in rows if needle in d["full_name"].lower()
                or needle in ((d["specialization"] or {}).get("name") or "").lower()]
    return page_of_list(rows, page, per_page, cached.status)


def public_doctors_body(*, spec_id: int | None, q: str | None, page: int, per_page: int) -> cache.CachedBytes:
    """The listing page as response bytes. Without a search, the page itself is cached: a hit is sent as stored."""

    def render() -> tuple[bytes, int]:
        return cache.dumps(public_doctors(spec_id=spec_id, q=q, page=page, per_page=per_page).as_json()), \
            cache.DOCTORS_TTL

    if q:
        listing = public_doctors(spec_id=spec_id, q=q, page=page, per_page=per_page)
        return cache.CachedBytes(cache.dumps(listing.as_json()), listing.cache_status)
    return cache.body_through(cache.doctors_page_key(spec_id, page, per_page), cache.DOCTORS_TTL, render,
                              registry=cache.DOCTORS_REGISTRY)


def bookable_slots_body(doctor_id: int, date_from: date | None, date_to: date | None) -> cache.CachedBytes:
    """A doctor's free times as response bytes, cached until the first of them leaves the bookable window."""

    def render() -> tuple[bytes, int]:
        slots = bookable_slots(doctor_id, date_from, date_to)
        fresh_for = cache.AVAILABILITY_TTL
        if slots:
            first = bookability.starts_at(slots[0].date, slots[0].start_time) - bookability.notice()
            fresh_for = min(fresh_for, int((first - clock.utc_now()).total_seconds()))
        return cache.dumps({"items": [booking_serializers.slot(s) for s in slots]}), fresh_for

    return cache.body_through(cache.availability_key(doctor_id, date_from, date_to), cache.AVAILABILITY_TTL, render,
                              registry=cache.DOCTORS_REGISTRY)


def _active_doctor(doctor_id: int) -> Doctor:
    doctor = db.session.execute(
        sa.select(Doctor).join(Doctor.user).options(so.joinedload(Doctor.specialization))
        .where(Doctor.id == doctor_id, Doctor.is_active.is_(True), User.is_active.is_(True))
    ).scalar_one_or_none()
    if doctor is None:
        raise NotFound("No such doctor.")
    return doctor


def public_doctor(doctor_id: int) -> dict:
    doctor = _active_doctor(doctor_id)
    return dict(directory_serializers.doctor_public(doctor), next_free_slot=_first(bookability.next_free_slots([doctor_id]).get(doctor_id)))


def bookable_slots(doctor_id: int, date_from: date | None, date_to: date | None) -> list[DoctorAvailability]:
    """The free slots a patient can book now (notice and horizon applied), default next 14 days."""
    _active_doctor(doctor_id)
    now = clock.utc_now()
    return [s for s in slots_of(doctor_id, date_from, date_to, free_only=True)
            if bookability.is_bookable(s.date, s.start_time, now)]


ADMIN_DOCTOR_LOADS = (so.joinedload(Doctor.user), so.joinedload(Doctor.specialization))


def list_doctors_admin(*, q: str | None, spec_id: int | None, page: int, per_page: int) -> Page:
    stmt = sa.select(Doctor).join(Doctor.user).options(*ADMIN_DOCTOR_LOADS).order_by(Doctor.full_name, Doctor.id)
    if q:
        stmt = stmt.where(sa.or_(contains(Doctor.full_name, q), contains(User.email, q)))
    if spec_id is not None:
        stmt = stmt.where(Doctor.specialization_id == spec_id)
    return paginate(stmt, page, per_page)


def doctor_admin(doctor_id: int) -> Doctor:
    doctor = db.session.execute(sa.select(Doctor).options(*ADMIN_DOCTOR_LOADS).where(Doctor.id == doctor_id)
                                ).scalar_one_or_none()
    if doctor is None:
        raise NotFound("No such doctor.")
    return doctor


def _require_specialization(spec_id: int) -> None:
    if db.session.get(Specialization, spec_id) is None:
        raise InvalidInput(fields={"specialization_id": "No such specialization."})


DOCTOR_FIELDS = ("full_name", "specialization_id", "qualification", "experience_years", "fee", "bio",
                 "slot_minutes")


def create_doctor(*, email: str, password: str, actor_id: int | None = None, **fields) -> Doctor:
    """A doctor and their login (role doctor)."""
    _require_specialization(fields["specialization_id"])
    user = accounts.create_user(email, password, "doctor")
    doctor = Doctor(user=user, **{k: v for k, v in fields.items() if k in DOCTOR_FIELDS and v is not None})
    db.session.add(doctor)
    commit_or_conflict(flush=True)
    audit.record("doctor.create", actor_id=actor_id, target=f"doctor:{doctor.id}")
    # The address the admin typed gets a confirmation link before any other email.
    links.queue_confirmation(user)
    commit_or_conflict()
    outbox.send_queued_now()
    cache.clear_doctors()
    cache.clear_dashboards()
    return doctor_admin(doctor.id)


def update_doctor(doctor_id: int, *, actor_id: int | None = None, is_active: bool | None = None,
                  **fields) -> Doctor:
    doctor = doctor_admin(doctor_id)
    if fields.get("specialization_id") is not None:
        _require_specialization(fields["specialization_id"])
    for name, value in fields.items():
        if name in DOCTOR_FIELDS and value is not None:
            setattr(doctor, name, value)
    if is_active is not None and is_active != (doctor.is_active and doctor.user.is_active):
        doctor.is_active = doctor.user.is_active = is_active
        if not is_active:
            accounts.revoke_all_sessions(doctor.user_id)
    audit.record("doctor.update", actor_id=actor_id, target=f"doctor:{doctor_id}")
    db.session.commit()
    cache.clear_doctors()
    cache.clear_dashboards(doctor_ids=(doctor_id,))
    return doctor_admin(doctor_id)


def deactivate_doctor(doctor_id: int, *, actor_id: int, ip: str | None = None) -> int:
    """Deleting a doctor keeps their history: the login is closed, they leave the listings, and
    their upcoming bookings are cancelled with an email to each patient. Returns how many were cancelled."""
    doctor = doctor_admin(doctor_id)
    set_user_active(doctor.user_id, False, actor_id=actor_id, ip=ip)
    return booking.cancel_doctor_future_appointments(doctor_id, actor_id=actor_id, ip=ip)


def set_user_active(user_id: int, active: bool, *, actor_id: int, ip: str | None = None) -> User:
    user = accounts.set_user_active(user_id, active, actor_id=actor_id, ip=ip)
    if user.role == "doctor":
        cache.clear_doctors()
    cache.clear_dashboards()
    return user
