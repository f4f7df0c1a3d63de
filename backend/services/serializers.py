"""Explicit JSON shapes, per audience: what a patient sees of a doctor is not what an admin sees."""
from __future__ import annotations

from decimal import Decimal

from backend.models import (Appointment, Doctor, DoctorAvailability, Patient, Specialization, Treatment,
                            TriageAssessment)
from backend.schemas import hhmm, iso_date


def _ts(value) -> str | None:
    return value.isoformat() if value else None


def _money(value: Decimal | None) -> str:
    return f"{(value or Decimal('0')):.2f}"


def specialization(spec: Specialization, doctor_count: int | None = None) -> dict:
    out = {"id": spec.id, "name": spec.name, "description": spec.description}
    if doctor_count is not None:
        out["doctor_count"] = doctor_count
    return out


def spec_ref(spec: Specialization | None) -> dict | None:
    return {"id": spec.id, "name": spec.name} if spec is not None else None


def slot(row: DoctorAvailability, *, with_booking: bool = False) -> dict:
    out = {"id": row.id, "date": iso_date(row.date), "start_time": hhmm(row.start_time),
           "end_time": hhmm(row.end_time)}
    if with_booking:
        out["is_booked"] = row.is_booked
    return out


def doctor_public(doctor: Doctor) -> dict:
    """A doctor as patients see them."""
    return {
        "id": doctor.id, "full_name": doctor.full_name, "specialization": spec_ref(doctor.specialization),
        "specialization_id": doctor.specialization_id, "qualification": doctor.qualification,
        "experience_years": doctor.experience_years, "fee": _money(doctor.fee), "bio": doctor.bio,
        "slot_minutes": doctor.slot_minutes,
    }


def doctor_admin(doctor: Doctor) -> dict:
    out = doctor_public(doctor)
    out.update({"user_id": doctor.user_id, "email": doctor.user.email,
                "is_active": doctor.is_active and doctor.user.is_active, "created_at": _ts(doctor.created_at)})
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
        "phone": patient.phone, "created_at": _ts(patient.created_at),
    }


def patient_for_doctor(patient: Patient) -> dict:
    """What a treating doctor sees: the medical history, not the account."""
    return {
        "id": patient.id, "full_name": patient.full_name, "date_of_birth": iso_date(patient.date_of_birth),
        "sex": patient.sex, "allergies": patient.allergies, "conditions": patient.conditions,
        "medications": patient.medications,
    }


def treatment(row: Treatment | None) -> dict | None:
    if row is None:
        return None
    return {"id": row.id, "appointment_id": row.appointment_id, "diagnosis": row.diagnosis,
            "prescription": row.prescription, "notes": row.notes, "follow_up_date": iso_date(row.follow_up_date),
            "created_at": _ts(row.created_at)}


def treatment_history(row: Treatment) -> dict:
    """A treatment with the visit it belongs to (history lists)."""
    out = treatment(row)
    visit = row.appointment
    out.update({"date": iso_date(visit.date), "start_time": hhmm(visit.start_time),
                "doctor": {"id": visit.doctor.id, "full_name": visit.doctor.full_name,
                           "specialization": spec_ref(visit.doctor.specialization)}})
    return out


def triage_summary(row: TriageAssessment | None) -> dict | None:
    """What the treating doctor sees of the assessment the patient booked from, in the patient's own words."""
    if row is None:
        return None
    return {"id": row.id, "urgency": row.urgency, "red_flags": list(row.red_flags or []),
            "specialization": row.specialization_name, "advice": row.advice, "symptoms": row.symptoms,
            "created_at": _ts(row.created_at)}


def appointment(row: Appointment, *, audience: str) -> dict:
    """audience: patient | doctor | admin. Loaders eager-load doctor, specialization, patient, treatment."""
    doctor = row.doctor
    out = {
        "id": row.id, "date": iso_date(row.date), "start_time": hhmm(row.start_time),
        "end_time": hhmm(row.end_time), "status": row.status, "reason": row.reason, "slot_id": row.slot_id,
        "triage_id": row.triage_id, "cancel_reason": row.cancel_reason, "created_at": _ts(row.created_at),
        "doctor_id": doctor.id, "patient_id": row.patient_id,
        "doctor": {"id": doctor.id, "full_name": doctor.full_name,
                   "specialization": spec_ref(doctor.specialization)},
        "specialization": doctor.specialization.name if doctor.specialization else None,
        "treatment": treatment(row.treatment),
    }
    if audience in ("doctor", "admin"):
        out["patient"] = {"id": row.patient.id, "full_name": row.patient.full_name}
    if audience == "doctor":
        out["triage"] = triage_summary(row.triage)
    return out
