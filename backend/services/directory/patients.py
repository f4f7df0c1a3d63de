"""Patients: the admin's list and the patient's own profile."""
from __future__ import annotations

import re
from datetime import date

import sqlalchemy as sa
import sqlalchemy.orm as so

from backend.errors import InvalidInput, NotFound
from backend.extensions import db
from backend.models import Patient, User
from backend.services import audit, cache, clock
from backend.services.directory.search import contains
from backend.services.paging import Page, paginate


def list_patients_admin(*, q: str | None, page: int, per_page: int, date_of_birth: date | None = None) -> Page:
    """The front desk's search: by name, email or phone (any part; phone digits match however written),
    and by date of birth."""
    stmt = (sa.select(Patient).join(Patient.user).options(so.joinedload(Patient.user))
            .order_by(Patient.full_name, Patient.id))
    if q:
        conditions = [contains(Patient.full_name, q), contains(sa.func.coalesce(User.email, ""), q),
                      contains(sa.func.coalesce(Patient.phone, ""), q)]
        digits = re.sub(r"\D", "", q)
        if len(digits) >= 4:
            phone_digits = sa.func.coalesce(Patient.phone, "")
            for char in " -+()":
                phone_digits = sa.func.replace(phone_digits, char, "")
            conditions.append(phone_digits.contains(digits, autoescape=True))
        stmt = stmt.where(sa.or_(*conditions))
    if date_of_birth is not None:
        stmt = stmt.where(Patient.date_of_birth == date_of_birth)
    return paginate(stmt, page, per_page)


def patient_for_admin(patient_id: int, *, actor_id: int, ip: str | None = None) -> Patient:
    """One patient's record as the front desk opens it; the read is in the audit log."""
    patient = db.session.execute(
        sa.select(Patient).options(so.joinedload(Patient.user)).where(Patient.id == patient_id)
    ).scalar_one_or_none()
    if patient is None:
        raise NotFound("No such patient.")
    audit.record("record.view", actor_id=actor_id, target=f"patient:{patient_id}", ip=ip, patient_id=patient_id,
                 view="admin_patient")
    db.session.commit()
    return patient


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
