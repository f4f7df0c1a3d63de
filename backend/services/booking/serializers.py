"""Explicit JSON shapes of slots, appointments and treatments, per audience."""
from __future__ import annotations

from backend.models import Appointment, DoctorAvailability, Treatment, TriageAssessment
from backend.services.clock import utc_now
from backend.services.directory.serializers import spec_ref
from backend.services.email import language as i18n
from backend.services.formats import hhmm, iso_date, iso_timestamp
from backend.services.scheduling.bookability import starts_at
from backend.triage.translations import translator


def slot(row: DoctorAvailability, *, with_booking: bool = False) -> dict:
    out = {"id": row.id, "date": iso_date(row.date), "start_time": hhmm(row.start_time),
           "end_time": hhmm(row.end_time)}
    if with_booking:
        out["is_booked"] = row.is_booked
    return out


def treatment(row: Treatment | None) -> dict | None:
    if row is None:
        return None
    return {"id": row.id, "appointment_id": row.appointment_id, "diagnosis": row.diagnosis,
            "prescription": row.prescription, "notes": row.notes, "follow_up_date": iso_date(row.follow_up_date),
            "created_at": iso_timestamp(row.created_at)}


def treatment_history(row: Treatment) -> dict:
    """A treatment with the visit it belongs to (history lists)."""
    out = treatment(row)
    visit = row.appointment
    out.update({"date": iso_date(visit.date), "start_time": hhmm(visit.start_time),
                "doctor": {"id": visit.doctor.id, "full_name": visit.doctor.full_name,
                           "specialization": spec_ref(visit.doctor.specialization)}})
    return out


def triage_summary(row: TriageAssessment | None, language: str | None = None) -> dict | None:
    """What the treating doctor sees of the assessment the patient booked from: the symptoms in the patient's
    own words; what the check wrote (warning signs, advice, the specialty, the follow-up questions) in the
    reader's `language`, as the patient's own screen translates it."""
    if row is None:
        return None
    words = translator(language)
    return {"id": row.id, "urgency": row.urgency, "red_flags": [words.text(flag) for flag in row.red_flags or []],
            "specialization": row.specialization_name,
            "specialization_label": words.specialty(row.specialization_name),
            "advice": words.advice(row.advice), "symptoms": row.symptoms,
            "created_at": iso_timestamp(row.created_at),
            # The follow-up questions and the patient's answers (kept by question id, whatever the language).
            "questions": [words.question(question) for question in row.questions or []],
            "answers": dict(row.answers or {}),
            "first_urgency": (row.first_answer or {}).get("urgency"),
            # A photo the patient added (a rash, a wound): shown to the doctors they booked with.
            "photo_url": f"/doctor/triage/{row.id}/photo" if row.photo_name else None}


def appointment(row: Appointment, *, audience: str) -> dict:
    """audience: patient | doctor | admin. Loaders eager-load doctor, specialization, patient, treatment."""
    doctor = row.doctor
    out = {
        "id": row.id, "date": iso_date(row.date), "start_time": hhmm(row.start_time),
        "end_time": hhmm(row.end_time), "status": row.status, "reason": row.reason, "slot_id": row.slot_id,
        "triage_id": row.triage_id, "cancel_reason": row.cancel_reason, "created_at": iso_timestamp(row.created_at),
        "doctor_id": doctor.id, "patient_id": row.patient_id,
        "doctor": {"id": doctor.id, "full_name": doctor.full_name,
                   "specialization": spec_ref(doctor.specialization)},
        "specialization": doctor.specialization.name if doctor.specialization else None,
        "treatment": treatment(row.treatment),
    }
    if audience in ("doctor", "admin"):
        out["patient"] = {"id": row.patient.id, "full_name": row.patient.full_name}
        # Staff lists show how urgent each visit is; the admin sees the level, not the symptoms.
        out["urgency"] = row.triage.urgency if row.triage is not None else None
    if audience == "doctor":
        # The doctor reads it, in the language they chose (a patient's check was written for the patient).
        out["triage"] = triage_summary(row.triage, i18n.language_of(doctor.user)) if row.triage is not None else None
        # An outcome (complete, no-show) can be recorded from the visit's start; the queue says when.
        out["outcome_possible"] = row.status == "booked" and utc_now() >= starts_at(row.date, row.start_time)
    return out
