"""A clinic of realistic size for the web benchmarks and the scale-out run, inserted in bulk.

50 doctors in 6 specialties, 2,000 patients, 100,000 past appointments each
with a treatment, and 14 days of free 30-minute slots (09:00-17:00) from
tomorrow on. Every account's password is PASSWORD (hashed once, at a low cost:
the benchmarks measure serving, not bcrypt).
"""
from __future__ import annotations

import random
from datetime import UTC, date, datetime, time, timedelta

PASSWORD = "bench-Password-2026"
SPECIALTIES = ("General Medicine", "Cardiology", "Dermatology", "Paediatrics", "Neurology", "Orthopaedics")
FULL = {"doctors": 50, "patients": 2000, "past": 100_000, "days": 14}
SMOKE = {"doctors": 6, "patients": 80, "past": 500, "days": 3}


def patient_email(i: int) -> str:
    return f"patient{i}@bench.example"


def doctor_email(i: int) -> str:
    return f"doctor{i}@bench.example"


def _chunks(rows: list[dict], size: int = 5000):
    for start in range(0, len(rows), size):
        yield rows[start:start + size]


def seed_clinic(db, *, doctors: int, patients: int, past: int, days: int, today: date | None = None) -> dict:
    """Insert the clinic into empty tables; returns counts and the ids the load generators need."""
    import sqlalchemy as sa

    from backend.models import Appointment, Doctor, DoctorAvailability, Patient, Specialization, Treatment, User
    from backend.services.accounts.users import hash_password

    rng = random.Random(2026)
    now = datetime.now(UTC)
    today = today or date.today()
    password_hash = hash_password(PASSWORD)
    for name in SPECIALTIES:
        db.session.add(Specialization(name=name, description=f"{name} clinic"))
    db.session.flush()
    spec_ids = list(db.session.execute(sa.select(Specialization.id).order_by(Specialization.id)).scalars())
    users = [{"email": doctor_email(i), "password_hash": password_hash, "role": "doctor", "created_at": now}
             for i in range(doctors)]
    users += [{"email": patient_email(i), "password_hash": password_hash, "role": "patient", "created_at": now}
              for i in range(patients)]
    for chunk in _chunks(users):
        db.session.execute(sa.insert(User), chunk)
    user_ids = dict(db.session.execute(sa.select(User.email, User.id)).all())
    db.session.execute(sa.insert(Doctor), [
        {"user_id": user_ids[doctor_email(i)], "full_name": f"Dr. Bench {i:02d}", "specialization_id": spec_ids[i % 6],
         "qualification": "MBBS, FCPS", "experience_years": 5 + i % 20, "fee": 500 + 50 * (i % 10),
         "bio": "Sees adults and children.", "slot_minutes": 30, "created_at": now} for i in range(doctors)])
    for chunk in _chunks([{"user_id": user_ids[patient_email(i)], "full_name": f"Patient {i:04d}",
                           "created_at": now} for i in range(patients)]):
        db.session.execute(sa.insert(Patient), chunk)
    doctor_ids = list(db.session.execute(sa.select(Doctor.id).order_by(Doctor.id)).scalars())
    patient_ids = list(db.session.execute(sa.select(Patient.id).order_by(Patient.id)).scalars())

    starts = [time(9 + m // 60, m % 60) for m in range(0, 8 * 60, 30)]
    slots = [{"doctor_id": d, "date": today + timedelta(days=day), "start_time": t,
              "end_time": time(t.hour + (t.minute + 30) // 60, (t.minute + 30) % 60), "is_booked": False,
              "created_at": now}
             for day in range(1, days + 1) for d in doctor_ids for t in starts]
    for chunk in _chunks(slots):
        db.session.execute(sa.insert(DoctorAvailability), chunk)

    # Past visits: every doctor's day full, going back as many days as it takes.
    per_day = len(doctor_ids) * len(starts)
    appointments = []
    for n in range(past):
        day, rest = divmod(n, per_day)
        doctor, start = doctor_ids[rest // len(starts)], starts[rest % len(starts)]
        appointments.append({"patient_id": rng.choice(patient_ids), "doctor_id": doctor,
                             "date": today - timedelta(days=day + 1), "start_time": start,
                             "end_time": time(start.hour + (start.minute + 30) // 60, (start.minute + 30) % 60),
                             "status": "completed", "reason": "Follow-up", "created_at": now, "updated_at": now})
    for chunk in _chunks(appointments):
        db.session.execute(sa.insert(Appointment), chunk)
    first_id = db.session.execute(sa.select(sa.func.min(Appointment.id))).scalar()
    if first_id is not None:
        treatments = [{"appointment_id": first_id + n, "diagnosis": "Seasonal allergy",
                       "prescription": "Cetirizine 10 mg at night", "notes": "Review in a month"} for n in range(past)]
        for chunk in _chunks(treatments):
            db.session.execute(sa.insert(Treatment), chunk)
    db.session.commit()
    by_doctor: dict[int, list[int]] = {d: [] for d in doctor_ids}
    for slot_id, doctor_id in db.session.execute(sa.select(DoctorAvailability.id, DoctorAvailability.doctor_id)
                                                 .order_by(DoctorAvailability.id)):
        by_doctor[doctor_id].append(slot_id)
    return {"doctors": len(doctor_ids), "patients": len(patient_ids), "past_appointments": past,
            "free_slots": sum(map(len, by_doctor.values())), "doctor_ids": doctor_ids,
            # Each doctor's free slots in time order: one doctor's slots never overlap in time.
            "slot_ids_by_doctor": [by_doctor[d] for d in doctor_ids]}
