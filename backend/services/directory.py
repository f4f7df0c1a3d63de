"""Who is who: specializations, doctors and patients, as admins manage them and patients find them."""
from __future__ import annotations

from datetime import date, datetime, timedelta

import sqlalchemy as sa
import sqlalchemy.orm as so
from flask import current_app
from sqlalchemy.exc import IntegrityError

from backend.errors import Conflict, InvalidInput, NotFound
from backend.extensions import db
from backend.models import Doctor, DoctorAvailability, Patient, Specialization, User
from backend.services import accounts, audit, booking, cache, clock, serializers
from backend.services.booking import starts_at
from backend.services.cache import Cached
from backend.services.paging import Page, paginate
from backend.services.scheduling import slots_of


def _like(text: str) -> str:
    escaped = text.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _contains(column, text: str):
    return sa.func.lower(column).like(_like(text), escape="\\")


# ---- specializations ------------------------------------------------------

def public_specializations() -> Cached:
    def load() -> list[dict]:
        rows = db.session.execute(sa.select(Specialization).order_by(Specialization.name)).scalars()
        return [serializers.specialization(s) for s in rows]

    return cache.read_through(cache.SPECIALIZATIONS_KEY, cache.SPECIALIZATIONS_TTL, load)


def list_specializations(*, page: int, per_page: int) -> dict:
    total = db.session.execute(sa.select(sa.func.count(Specialization.id))).scalar_one()
    doctor_count = (sa.select(sa.func.count(Doctor.id)).where(Doctor.specialization_id == Specialization.id)
                    .correlate(Specialization).scalar_subquery())
    rows = db.session.execute(
        sa.select(Specialization, doctor_count).order_by(Specialization.name)
        .limit(per_page).offset((page - 1) * per_page)
    ).all()
    return {"items": [serializers.specialization(s, n) for s, n in rows], "page": page, "per_page": per_page,
            "total": total}


def _name_taken() -> Conflict:
    return Conflict("A specialization with this name exists.", code="name_taken",
                    fields={"name": "This name is already used."})


def _commit_specialization() -> None:
    try:
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        raise _name_taken() from None
    cache.clear_specializations()
    cache.clear_doctors()


def _specialization(spec_id: int) -> Specialization:
    spec = db.session.get(Specialization, spec_id)
    if spec is None:
        raise NotFound("No such specialization.")
    return spec


def _check_name_free(name: str, except_id: int | None = None) -> None:
    stmt = sa.select(Specialization.id).where(sa.func.lower(Specialization.name) == name.lower())
    if except_id is not None:
        stmt = stmt.where(Specialization.id != except_id)
    if db.session.execute(stmt).first() is not None:
        raise _name_taken()


def create_specialization(name: str, description: str, *, actor_id: int | None = None) -> Specialization:
    _check_name_free(name)
    spec = Specialization(name=name, description=description)
    db.session.add(spec)
    db.session.flush()
    audit.record("specialization.create", actor_id=actor_id, target=f"specialization:{spec.id}")
    _commit_specialization()
    return spec


def update_specialization(spec_id: int, *, name: str | None, description: str | None,
                          actor_id: int | None = None) -> Specialization:
    spec = _specialization(spec_id)
    if name is not None:
        _check_name_free(name, except_id=spec_id)
        spec.name = name
    if description is not None:
        spec.description = description
    audit.record("specialization.update", actor_id=actor_id, target=f"specialization:{spec_id}")
    _commit_specialization()
    return spec


def delete_specialization(spec_id: int, *, actor_id: int | None = None) -> None:
    spec = _specialization(spec_id)
    in_use = db.session.execute(sa.select(Doctor.id).where(Doctor.specialization_id == spec_id).limit(1)).first()
    if in_use is not None:
        raise Conflict("Doctors still have this specialization; move them first.", code="specialization_in_use")
    db.session.delete(spec)
    audit.record("specialization.delete", actor_id=actor_id, target=f"specialization:{spec_id}")
    try:
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        raise Conflict("Doctors still have this specialization; move them first.",
                       code="specialization_in_use") from None
    cache.clear_specializations()
    cache.clear_doctors()


# ---- doctors as patients find them ----------------------------------------

def _notice() -> timedelta:
    return timedelta(minutes=current_app.config["BOOKING_MIN_NOTICE_MINUTES"])


def _last_bookable_day() -> date:
    return clock.utc_now().astimezone(clock.clinic_tz()).date() + timedelta(days=current_app.config["BOOKING_HORIZON_DAYS"])


def _earliest_bookable_wall_time() -> datetime:
    """The clinic-local wall time (naive, rounded up to the minute) of now + minimum notice."""
    moment = (clock.utc_now() + _notice()).astimezone(clock.clinic_tz()).replace(tzinfo=None)
    if moment.second or moment.microsecond:
        moment = moment.replace(second=0, microsecond=0) + timedelta(minutes=1)
    return moment


def next_free_slots(doctor_ids: list[int] | None = None) -> dict[int, dict]:
    """Each doctor's first bookable free slot, for all the doctors in one query."""
    earliest = _earliest_bookable_wall_time()
    slot = DoctorAvailability
    rank = sa.func.row_number().over(partition_by=slot.doctor_id, order_by=(slot.date, slot.start_time, slot.id))
    ranked = (sa.select(slot.id, slot.doctor_id, slot.date, slot.start_time, rank.label("rank"))
              .where(slot.is_booked.is_(False), slot.date <= _last_bookable_day(),
                     sa.or_(slot.date > earliest.date(),
                            sa.and_(slot.date == earliest.date(), slot.start_time >= earliest.time()))))
    if doctor_ids is not None:
        ranked = ranked.where(slot.doctor_id.in_(doctor_ids))
    ranked = ranked.subquery()
    now, notice = clock.utc_now(), _notice()
    found: dict[int, dict] = {}
    for row in db.session.execute(sa.select(ranked).where(ranked.c.rank == 1)):
        # Wall clocks repeat an hour when daylight saving ends: check the real elapsed time too.
        if starts_at(row.date, row.start_time) - now >= notice:
            found[row.doctor_id] = {"id": row.id, "date": row.date.isoformat(),
                                    "start_time": row.start_time.strftime("%H:%M")}
    return found


def public_doctors(*, spec_id: int | None, q: str | None, page: int, per_page: int) -> tuple[dict, str]:
    """Active doctors with their next free slot; the full list per specialization is cached."""

    def load() -> list[dict]:
        stmt = (sa.select(Doctor).join(Doctor.user).options(so.joinedload(Doctor.specialization))
                .where(Doctor.is_active.is_(True), User.is_active.is_(True))
                .order_by(Doctor.full_name, Doctor.id))
        if spec_id is not None:
            stmt = stmt.where(Doctor.specialization_id == spec_id)
        doctors = list(db.session.execute(stmt).scalars())
        slots = next_free_slots(None if spec_id is None else [d.id for d in doctors])
        return [dict(serializers.doctor_public(d), next_free_slot=slots.get(d.id)) for d in doctors]

    cached = cache.read_through(cache.doctors_key(spec_id), cache.DOCTORS_TTL, load)
    rows = cached.value
    if q:
        needle = q.lower()
        rows = [d for d in rows if needle in d["full_name"].lower()
                or needle in ((d["specialization"] or {}).get("name") or "").lower()]
    start = (page - 1) * per_page
    return ({"items": rows[start:start + per_page], "page": page, "per_page": per_page, "total": len(rows)},
            cached.status)


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
    return dict(serializers.doctor_public(doctor), next_free_slot=next_free_slots([doctor_id]).get(doctor_id))


def bookable_slots(doctor_id: int, date_from: date | None, date_to: date | None) -> list[DoctorAvailability]:
    """The free slots a patient can book now (notice and horizon applied), default next 14 days."""
    _active_doctor(doctor_id)
    now, notice, last_day = clock.utc_now(), _notice(), _last_bookable_day()
    return [s for s in slots_of(doctor_id, date_from, date_to, free_only=True)
            if s.date <= last_day and starts_at(s.date, s.start_time) - now >= notice]


# ---- doctors as admins manage them ----------------------------------------

ADMIN_DOCTOR_LOADS = (so.joinedload(Doctor.user), so.joinedload(Doctor.specialization))


def list_doctors_admin(*, q: str | None, spec_id: int | None, page: int, per_page: int) -> Page:
    stmt = sa.select(Doctor).join(Doctor.user).options(*ADMIN_DOCTOR_LOADS).order_by(Doctor.full_name, Doctor.id)
    if q:
        stmt = stmt.where(sa.or_(_contains(Doctor.full_name, q), _contains(User.email, q)))
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
    db.session.flush()
    audit.record("doctor.create", actor_id=actor_id, target=f"doctor:{doctor.id}")
    accounts.commit_unique()
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


# ---- patients -------------------------------------------------------------

def list_patients_admin(*, q: str | None, page: int, per_page: int) -> Page:
    stmt = (sa.select(Patient).join(Patient.user).options(so.joinedload(Patient.user))
            .order_by(Patient.full_name, Patient.id))
    if q:
        stmt = stmt.where(sa.or_(_contains(Patient.full_name, q), _contains(User.email, q),
                                 _contains(sa.func.coalesce(Patient.phone, ""), q)))
    return paginate(stmt, page, per_page)


PROFILE_FIELDS = ("full_name", "date_of_birth", "sex", "phone", "allergies", "conditions", "medications",
                  "email_opt_in", "remind_day_before")


def update_profile(patient_id: int, changes: dict, *, actor_id: int | None = None) -> Patient:
    """Only the fields sent change; `null` clears the optional ones (birth date, sex, phone)."""
    patient = db.session.get(Patient, patient_id)
    if patient is None:
        raise NotFound("No such patient.")
    if "date_of_birth" in changes and changes["date_of_birth"] is not None:
        if changes["date_of_birth"] > clock.utc_now().astimezone(clock.clinic_tz()).date():
            raise InvalidInput(fields={"date_of_birth": "The date of birth cannot be in the future."})
    required = {"full_name", "allergies", "conditions", "medications", "email_opt_in", "remind_day_before"}
    for name, value in changes.items():
        if name not in PROFILE_FIELDS:
            continue
        if value is None and name in required:
            raise InvalidInput(fields={name: "This field cannot be empty."})
        setattr(patient, name, value)
    audit.record("patient.profile_update", actor_id=actor_id, target=f"patient:{patient_id}")
    db.session.commit()
    cache.clear_dashboards(patient_ids=(patient_id,))
    return patient
