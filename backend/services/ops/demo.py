"""Demo data for a clinic that looks lived in: doctors, schedules, patients, history, bookings."""
from __future__ import annotations

import random
from datetime import date, time, timedelta
from decimal import Decimal

import sqlalchemy as sa

from backend.extensions import db
from backend.models import (
    Appointment,
    Doctor,
    DoctorAvailability,
    DoctorSchedule,
    Patient,
    Specialization,
    Treatment,
    User,
)
from backend.services.accounts.users import hash_password
from backend.services.clock import clinic_now
from backend.services.resources.demo import seed_demo_resources
from backend.services.scheduling.slots import cut_slots, publish_from_template

DEMO_PASSWORD = "CareQueue-demo-2026"
ADMIN_EMAIL = "admin@carequeue.local"

SPECIALIZATIONS = {
    "Cardiology": "Heart and blood vessels: chest pain, palpitations, high blood pressure.",
    "Neurology": "Brain and nerves: headaches, weakness, seizures, tremor, numbness.",
    "Pulmonology": "Lungs and breathing: long-lasting cough, wheeze, breathlessness.",
    "Gastroenterology": "Stomach, bowel and liver: abdominal pain, reflux, bowel changes.",
    "Dermatology": "Skin, hair and nails: rashes, acne, moles, eczema.",
    "Orthopedics": "Bones, joints and muscles: back pain, sprains, fractures, sports injuries.",
    "ENT": "Ear, nose and throat: ear pain, sinus problems, hearing, dizziness.",
    "Ophthalmology": "Eyes and vision: red or painful eyes, blurred vision.",
    "Gynecology": "Women's health: periods, pregnancy, pelvic pain, contraception.",
    "Urology": "Kidneys, bladder and prostate: urinary problems, flank pain.",
    "Psychiatry": "Mental health: low mood, anxiety, sleep, panic.",
    "Endocrinology": "Hormones and metabolism: diabetes, thyroid, weight changes.",
    "Pediatrics": "Children's health, from newborns to teenagers.",
    "General Medicine": "Fever, infections, general check-ups and anything not listed.",
}

DOCTOR_NAMES = [
    "Farhana Rahman", "Tanvir Hossain", "Nusrat Jahan", "Mahmudul Hasan", "Sharmin Akter", "Rashed Karim",
    "Ayesha Siddiqua", "Imran Chowdhury", "Sadia Islam", "Kamrul Ahsan", "Tahmina Begum", "Arif Mahmud",
    "Shirin Sultana", "Zahid Hasan", "Rumana Ahmed", "Faisal Kabir", "Nasrin Haque", "Shafiqul Alam",
    "Laila Parvin", "Anisur Rahman", "Maliha Tabassum", "Sabbir Ahmed", "Jannatul Ferdous", "Mizanur Rahman",
    "Priya Sen", "Rafiq Uddin", "Dilruba Yasmin", "Habibur Rahman",
]
PATIENT_FIRST = [
    "Abdullah", "Afsana", "Ahnaf", "Anika", "Arman", "Bushra", "Chandni", "Debashis", "Elina", "Fahim",
    "Fatema", "Gazi", "Hasina", "Ishrat", "Jamil", "Jhuma", "Kawsar", "Lamia", "Masud", "Mehjabin",
    "Nabil", "Nazia", "Omar", "Parisa", "Rakib", "Rehana", "Sajid", "Samira", "Tamim", "Tasnim",
    "Ujjal", "Umme", "Wasim", "Yasmin", "Zarin", "Rina", "Sumon", "Moushumi", "Naim", "Popy",
]
PATIENT_LAST = [
    "Ahmed", "Akter", "Alam", "Begum", "Biswas", "Chowdhury", "Das", "Hossain", "Islam", "Karim",
    "Khan", "Mia", "Molla", "Rahman", "Roy", "Saha", "Sarkar", "Sheikh", "Talukder", "Uddin",
]
QUALIFICATIONS = ["MBBS, FCPS", "MBBS, MD", "MBBS, MS", "MBBS, MRCP (UK)", "MBBS, FRCS", "MBBS, DCH"]
DIAGNOSES = {
    "Cardiology": ["Essential hypertension", "Stable angina", "Palpitations, benign ectopic beats"],
    "Neurology": ["Tension-type headache", "Migraine without aura", "Peripheral neuropathy"],
    "Pulmonology": ["Mild persistent asthma", "Post-viral cough", "COPD, stable"],
    "Gastroenterology": ["Gastro-oesophageal reflux", "Irritable bowel syndrome", "Functional dyspepsia"],
    "Dermatology": ["Atopic eczema", "Acne vulgaris", "Contact dermatitis"],
    "Orthopedics": ["Mechanical low back pain", "Ankle sprain", "Knee osteoarthritis"],
    "ENT": ["Acute otitis media", "Allergic rhinitis", "Chronic sinusitis"],
    "Ophthalmology": ["Allergic conjunctivitis", "Refractive error", "Dry eye"],
    "Gynecology": ["Dysmenorrhoea", "Polycystic ovary syndrome", "Routine antenatal check"],
    "Urology": ["Uncomplicated cystitis", "Benign prostatic hyperplasia", "Renal colic, resolved"],
    "Psychiatry": ["Generalised anxiety disorder", "Mild depressive episode", "Insomnia"],
    "Endocrinology": ["Type 2 diabetes, review", "Hypothyroidism", "Prediabetes"],
    "Pediatrics": ["Viral upper respiratory infection", "Acute gastroenteritis", "Well-child check"],
    "General Medicine": ["Viral fever", "Iron-deficiency anaemia", "Annual health check"],
}
PRESCRIPTIONS = ["Paracetamol 500 mg as needed", "Omeprazole 20 mg once daily", "Amlodipine 5 mg once daily",
                 "Cetirizine 10 mg at night", "Physiotherapy twice weekly", "Metformin 500 mg twice daily",
                 "Salbutamol inhaler as needed", "No medication; lifestyle advice"]
REASONS = ["Follow-up visit", "Persistent cough", "Back pain", "Headaches", "Skin rash", "Check-up",
           "Blood pressure review", "Stomach pain", "Feeling low", "Knee pain", "Sore throat", "Dizziness"]
MORNING = (time(9, 0), time(13, 0))
EVENING = (time(16, 0), time(20, 0))


def demo_logins() -> dict | None:
    """The demo accounts' logins, when the demo clinic is in this database."""
    admin = db.session.execute(sa.select(User.id).where(User.email == ADMIN_EMAIL)).first()
    if admin is None:
        return None
    first = lambda role: db.session.execute(  # noqa: E731
        sa.select(User.email).where(User.role == role).order_by(User.id).limit(1)).scalar_one_or_none()
    return {"password": DEMO_PASSWORD, "admin": ADMIN_EMAIL, "doctor": first("doctor"), "patient": first("patient")}


def database_is_empty() -> bool:
    return db.session.execute(sa.select(sa.func.count(User.id))).scalar_one() == 0


def seed_demo(*, doctors: int = 28, patients: int = 60, seed: int = 2026) -> dict:
    """Fill an empty database with a plausible clinic. Returns the demo logins."""
    rng = random.Random(seed)
    password_hash = hash_password(DEMO_PASSWORD)  # one hash: bcrypt is deliberately slow
    specs = _seed_specializations()
    db.session.add(User(email=ADMIN_EMAIL, password_hash=password_hash, role="admin"))
    doctor_rows = _seed_doctors(rng, specs, password_hash, doctors)
    patient_rows = _seed_patients(rng, password_hash, patients)
    db.session.flush()
    today = clinic_now().date()
    for doctor in doctor_rows:
        publish_from_template(doctor, today, 14)
    db.session.flush()
    _seed_history(rng, doctor_rows, patient_rows, today)
    _seed_upcoming(rng, patient_rows, today)
    db.session.commit()
    seed_demo_resources()
    return {
        "password": DEMO_PASSWORD,
        "admin": ADMIN_EMAIL,
        "doctor": doctor_rows[0].user.email,
        "patient": patient_rows[0].user.email,
    }


def _seed_specializations() -> dict[str, Specialization]:
    specs = {name: Specialization(name=name, description=text) for name, text in SPECIALIZATIONS.items()}
    db.session.add_all(specs.values())
    return specs


def _email_for(name: str, domain: str, taken: set[str]) -> str:
    base = name.lower().replace(" ", ".")
    email, n = f"{base}@{domain}", 1
    while email in taken:
        n += 1
        email = f"{base}{n}@{domain}"
    taken.add(email)
    return email


def _seed_doctors(rng: random.Random, specs: dict[str, Specialization], password_hash: str, count: int) -> list[Doctor]:
    taken: set[str] = set()
    spec_list = list(specs.values())
    doctors = []
    for i in range(count):
        name = DOCTOR_NAMES[i % len(DOCTOR_NAMES)]
        spec = spec_list[i % len(spec_list)]
        user = User(email=_email_for(name, "carequeue.local", taken), password_hash=password_hash, role="doctor")
        doctor = Doctor(
            user=user, full_name=f"Dr. {name}", specialization=spec,
            qualification=rng.choice(QUALIFICATIONS), experience_years=rng.randint(3, 30),
            fee=Decimal(rng.choice([500, 700, 800, 1000, 1200, 1500])),
            bio=f"{spec.name} consultant with a focus on clear explanations and shared decisions.",
            slot_minutes=rng.choice([15, 20, 30]),
        )
        workdays = sorted(rng.sample([0, 1, 2, 3, 5, 6], 4))  # the clinic is closed on Fridays
        session_hours = MORNING if i % 2 == 0 else EVENING
        doctor.schedules = [DoctorSchedule(weekday=d, start_time=session_hours[0], end_time=session_hours[1])
                            for d in workdays]
        doctors.append(doctor)
    db.session.add_all(doctors)
    return doctors


def _seed_patients(rng: random.Random, password_hash: str, count: int) -> list[Patient]:
    taken: set[str] = set()
    patients = []
    today = date.today()
    for i in range(count):
        name = f"{PATIENT_FIRST[i % len(PATIENT_FIRST)]} {rng.choice(PATIENT_LAST)}"
        age = rng.randint(2, 84)
        user = User(email=_email_for(name, "example.com", taken), password_hash=password_hash, role="patient")
        patients.append(Patient(
            user=user, full_name=name,
            date_of_birth=today - timedelta(days=age * 365 + rng.randint(0, 364)),
            sex=rng.choice(["female", "male"]), phone=f"+8801{rng.randint(300000000, 999999999)}",
            allergies=rng.choice(["", "", "Penicillin", "Peanuts", "Dust mites"]),
            conditions=rng.choice(["", "", "Type 2 diabetes", "Asthma", "Hypertension"]),
            medications=rng.choice(["", "", "Metformin 500 mg", "Salbutamol inhaler"]),
            email_opt_in=rng.random() > 0.15,
        ))
    db.session.add_all(patients)
    return patients


def _seed_history(rng: random.Random, doctors: list[Doctor], patients: list[Patient], today: date) -> None:
    """Six months of past visits, mostly completed with a treatment."""
    used: set[tuple[int, date, time]] = set()
    for patient in patients:
        for _ in range(rng.randint(1, 5)):
            doctor = rng.choice(doctors)
            day = today - timedelta(days=rng.randint(1, 180))
            start, end = rng.choice(cut_slots(*MORNING, doctor.slot_minutes))
            if (doctor.id, day, start) in used:
                continue
            used.add((doctor.id, day, start))
            slot = DoctorAvailability(doctor_id=doctor.id, date=day, start_time=start, end_time=end, is_booked=True)
            status = rng.choices(["completed", "cancelled", "no_show"], weights=[80, 12, 8])[0]
            appointment = Appointment(patient=patient, doctor=doctor, slot=slot, date=day, start_time=start,
                                      end_time=end, status=status, reason=rng.choice(REASONS))
            if status == "cancelled":
                slot.is_booked = False
                appointment.cancel_reason = "Patient could not attend"
            if status == "completed":
                appointment.treatment = Treatment(
                    diagnosis=rng.choice(DIAGNOSES[doctor.specialization.name]),
                    prescription=rng.choice(PRESCRIPTIONS),
                    notes="Explained the diagnosis and warning signs; patient agreed with the plan.",
                    follow_up_date=day + timedelta(days=30) if rng.random() < 0.3 else None,
                )
            db.session.add(appointment)
    db.session.flush()


def _seed_upcoming(rng: random.Random, patients: list[Patient], today: date) -> None:
    """Book some of the published slots, at most one upcoming visit per demo patient."""
    tomorrow = today + timedelta(days=1)
    free = db.session.execute(
        sa.select(DoctorAvailability).where(DoctorAvailability.is_booked.is_(False),
                                            DoctorAvailability.date >= tomorrow)
        .order_by(DoctorAvailability.date, DoctorAvailability.start_time)
    ).scalars().all()
    rng.shuffle(free)
    for patient, slot in zip(patients[1::2], free):
        slot.is_booked = True
        db.session.add(Appointment(patient=patient, doctor_id=slot.doctor_id, slot=slot, date=slot.date,
                                   start_time=slot.start_time, end_time=slot.end_time, status="booked",
                                   reason=rng.choice(REASONS)))
    db.session.flush()

