"""Explicit JSON shapes of specializations, doctors and patients, per audience: what a patient sees of a doctor is not what an admin sees."""
from __future__ import annotations

from backend.models import Doctor, Patient, Specialization
from backend.services.formats import iso_date, iso_timestamp, money
from backend.triage.translations import LANGUAGES, load_overlay


def specialty_labels(name: str | None) -> dict[str, str]:
    """A specialty's name in the app's other languages, by language ({"bn": "হৃদরোগ (কার্ডিওলজি)"}): the
    standard names the symptom check's translations give (knowledge/translations/<language>.yaml). A name the
    clinic chose itself has none and is shown as typed. Every language at once, so one cached listing serves
    every reader and a change of language needs no new request."""
    if not name:
        return {}
    found = {language: load_overlay(language).get("specialties", name) for language in LANGUAGES if language != "en"}
    return {language: label for language, label in found.items() if label}


def specialization(spec: Specialization, doctor_count: int | None = None) -> dict:
    out = {"id": spec.id, "name": spec.name, "labels": specialty_labels(spec.name), "description": spec.description}
    if doctor_count is not None:
        out["doctor_count"] = doctor_count
    return out


def spec_ref(spec: Specialization | None) -> dict | None:
    return {"id": spec.id, "name": spec.name, "labels": specialty_labels(spec.name)} if spec is not None else None


def doctor_public(doctor: Doctor) -> dict:
    """A doctor as patients see them."""
    return {
        "id": doctor.id, "full_name": doctor.full_name, "specialization": spec_ref(doctor.specialization),
        "specialization_id": doctor.specialization_id, "qualification": doctor.qualification,
        "experience_years": doctor.experience_years, "fee": money(doctor.fee), "bio": doctor.bio,
        "slot_minutes": doctor.slot_minutes,
    }


def doctor_admin(doctor: Doctor) -> dict:
    out = doctor_public(doctor)
    out.update({"user_id": doctor.user_id, "email": doctor.user.email,
                "is_active": doctor.is_active and doctor.user.is_active, "created_at": iso_timestamp(doctor.created_at)})
    return out


def patient_profile(patient: Patient) -> dict:
    return {
        "id": patient.id, "full_name": patient.full_name, "email": patient.user.email,
        "date_of_birth": iso_date(patient.date_of_birth), "sex": patient.sex, "phone": patient.phone,
        "allergies": patient.allergies, "conditions": patient.conditions, "medications": patient.medications,
        "email_opt_in": patient.email_opt_in, "remind_day_before": patient.remind_day_before,
    }


def patient_admin(patient: Patient) -> dict:
    return {
        "id": patient.id, "user_id": patient.user_id, "full_name": patient.full_name, "email": patient.user.email,
        "is_active": patient.user.is_active, "date_of_birth": iso_date(patient.date_of_birth), "sex": patient.sex,
        "phone": patient.phone, "created_at": iso_timestamp(patient.created_at),
    }


def patient_for_doctor(patient: Patient) -> dict:
    """What a treating doctor sees: the medical history, not the account."""
    return {
        "id": patient.id, "full_name": patient.full_name, "date_of_birth": iso_date(patient.date_of_birth),
        "sex": patient.sex, "allergies": patient.allergies, "conditions": patient.conditions,
        "medications": patient.medications,
    }
