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
    utcnow,
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
# First names with the sex a patient of that name is recorded with.
PATIENT_FIRST = [
    ("Abdullah", "male"), ("Afsana", "female"), ("Ahnaf", "male"), ("Anika", "female"), ("Arman", "male"),
    ("Bushra", "female"), ("Chandni", "female"), ("Debashis", "male"), ("Elina", "female"), ("Fahim", "male"),
    ("Fatema", "female"), ("Gazi", "male"), ("Hasina", "female"), ("Ishrat", "female"), ("Jamil", "male"),
    ("Jhuma", "female"), ("Kawsar", "male"), ("Lamia", "female"), ("Masud", "male"), ("Mehjabin", "female"),
    ("Nabil", "male"), ("Nazia", "female"), ("Omar", "male"), ("Parisa", "female"), ("Rakib", "male"),
    ("Rehana", "female"), ("Sajid", "male"), ("Samira", "female"), ("Tamim", "male"), ("Tasnim", "female"),
    ("Ujjal", "male"), ("Sumaiya", "female"), ("Wasim", "male"), ("Yasmin", "female"), ("Zarin", "female"),
    ("Rina", "female"), ("Sumon", "male"), ("Moushumi", "female"), ("Naim", "male"), ("Popy", "female"),
]
PATIENT_LAST = [
    "Ahmed", "Alam", "Biswas", "Chowdhury", "Das", "Hossain", "Islam", "Karim",
    "Khan", "Mia", "Molla", "Rahman", "Roy", "Saha", "Sarkar", "Sheikh", "Talukder", "Uddin",
]
FEMALE_ONLY_LAST = ["Akter", "Begum", "Khatun"]  # surnames only women carry here
QUALIFICATIONS = ["MBBS, FCPS", "MBBS, MD", "MBBS, MS", "MBBS, MRCP (UK)", "MBBS, FRCS", "MBBS, DCH"]
# Per specialty: (diagnosis, a prescription that treats it, who can have it).
# who: "any", "adult" (16+), "child" (under 16), "female" (14+), "male_50" (men 50+).
DIAGNOSES = {
    "Cardiology": [
        ("Essential hypertension", "Amlodipine 5 mg once daily; home blood pressure diary", "adult"),
        ("Stable angina", ("Glyceryl trinitrate spray as needed for chest pain; aspirin 75 mg once daily; "
                           "atorvastatin 40 mg at night"), "adult"),
        ("Palpitations, benign ectopic beats", "No medication; cut down on caffeine", "adult"),
    ],
    "Neurology": [
        ("Tension-type headache", "Paracetamol 1 g up to four times a day for up to 3 days; regular meals and sleep",
         "adult"),
        ("Migraine without aura", "Sumatriptan 50 mg at onset; may repeat once after 2 hours", "adult"),
        ("Peripheral neuropathy", "Amitriptyline 10 mg at night; foot care advice", "adult"),
    ],
    "Pulmonology": [
        ("Mild persistent asthma", ("Beclometasone inhaler 100 micrograms, 2 puffs twice daily;\n"
                                    "salbutamol inhaler 2 puffs as needed"), "any"),
        ("Post-viral cough", "No antibiotics needed; honey and warm fluids", "any"),
        ("COPD, stable", "Tiotropium inhaler once daily; salbutamol inhaler as needed", "adult"),
    ],
    "Gastroenterology": [
        ("Gastro-oesophageal reflux", "Omeprazole 20 mg once daily before breakfast for 4 weeks", "adult"),
        ("Irritable bowel syndrome", "Mebeverine 135 mg three times daily before meals", "adult"),
        ("Functional dyspepsia", "Omeprazole 20 mg once daily for 4 weeks; smaller meals", "adult"),
    ],
    "Dermatology": [
        ("Atopic eczema", "Emollient cream at least twice daily;\nhydrocortisone 1% cream once daily for 7 days",
         "any"),
        ("Acne vulgaris", "Benzoyl peroxide 5% gel once daily", "any"),
        ("Contact dermatitis", "Avoid the trigger; hydrocortisone 1% cream twice daily for 7 days", "any"),
    ],
    "Orthopedics": [
        ("Mechanical low back pain", "Ibuprofen 400 mg three times daily with food for 5 days; keep moving",
         "adult"),
        ("Ankle sprain", "Rest, ice and elevation; paracetamol 1 g as needed", "any"),
        ("Knee osteoarthritis", "Physiotherapy twice weekly; paracetamol 1 g as needed", "adult"),
    ],
    "ENT": [
        ("Acute otitis media", "Paracetamol as needed; amoxicillin if not better in 3 days", "any"),
        ("Allergic rhinitis", "Cetirizine 10 mg at night; fluticasone nasal spray once daily", "any"),
        ("Chronic sinusitis", "Saline nasal rinse twice daily; mometasone nasal spray once daily", "adult"),
    ],
    "Ophthalmology": [
        ("Allergic conjunctivitis", "Olopatadine eye drops twice daily", "any"),
        ("Refractive error", "Glasses prescribed; review in one year", "any"),
        ("Dry eye", "Carbomer eye gel four times daily", "adult"),
    ],
    "Gynecology": [
        ("Dysmenorrhoea", "Mefenamic acid 500 mg three times daily during periods", "female"),
        ("Polycystic ovary syndrome", "Metformin 500 mg twice daily; weight and diet advice", "female"),
        ("Iron-deficiency anaemia with heavy periods", ("Ferrous fumarate 210 mg twice daily; tranexamic acid "
                                                        "1 g three times daily during periods"), "female"),
    ],
    "Urology": [
        ("Uncomplicated cystitis", "Nitrofurantoin 100 mg twice daily for 3 days", "female"),
        ("Benign prostatic hyperplasia", "Tamsulosin 400 micrograms once daily", "male_50"),
        ("Renal colic, resolved", "Drink 2-3 litres of water a day; diclofenac 50 mg if the pain returns", "adult"),
    ],
    "Psychiatry": [
        ("Generalised anxiety disorder", "Sertraline 50 mg once daily; guided self-help", "adult"),
        ("Mild depressive episode", "Guided self-help and talking therapy; review in 2 weeks", "adult"),
        ("Insomnia", "Sleep hygiene plan; no sleeping tablets", "adult"),
    ],
    "Endocrinology": [
        ("Type 2 diabetes, review", "Metformin 500 mg twice daily with meals", "adult"),
        ("Hypothyroidism", "Levothyroxine 50 micrograms each morning before breakfast", "adult"),
        ("Prediabetes", "No medication; diet and exercise plan; HbA1c in 6 months", "adult"),
    ],
    "Pediatrics": [
        ("Viral upper respiratory infection", "Paracetamol syrup by weight as needed; fluids", "child"),
        ("Acute gastroenteritis", "Oral rehydration solution after each loose stool; zinc 20 mg daily for 10 days",
         "child"),
        ("Well-child check", "No medication; vaccinations up to date", "child"),
    ],
    "General Medicine": [
        ("Viral fever", "Paracetamol 1 g up to four times a day; fluids and rest", "any"),
        ("Iron-deficiency anaemia", "Ferrous fumarate 210 mg twice daily for 3 months", "adult"),
        ("Annual health check", "No medication; lifestyle advice", "adult"),
    ],
}
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
    db.session.add(User(email=ADMIN_EMAIL, password_hash=password_hash, role="admin", full_name="Nasrin Akter",
                        email_confirmed_at=utcnow()))
    doctor_rows = _seed_doctors(rng, specs, password_hash, doctors)
    patient_rows = _seed_patients(rng, password_hash, patients)
    db.session.flush()
    today = clinic_now().date()
    for doctor in doctor_rows:
        publish_from_template(doctor, today, 14)
    db.session.flush()
    _seed_history(rng, doctor_rows, patient_rows, today)
    _seed_today(rng, doctor_rows[0], patient_rows, today)
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
        user = User(email=_email_for(name, "carequeue.local", taken), password_hash=password_hash, role="doctor",
                    email_confirmed_at=utcnow())
        doctor = Doctor(
            user=user, full_name=f"Dr. {name}", specialization=spec,
            qualification=rng.choice(QUALIFICATIONS), experience_years=rng.randint(3, 30),
            fee=Decimal(rng.choice([500, 700, 800, 1000, 1200, 1500])),
            bio=f"{spec.name} consultant with a focus on clear explanations and shared decisions.",
            slot_minutes=rng.choice([15, 20, 30]),
        )
        workdays = sorted(rng.sample([0, 1, 2, 3, 5, 6], 4))  # the clinic is closed on Fridays
        if i == 0:  # the demo doctor works every open day, so there is always a day's list to look at
            workdays = [0, 1, 2, 3, 5, 6]
        session_hours = MORNING if i % 2 == 0 else EVENING
        doctor.schedules = [DoctorSchedule(weekday=d, start_time=session_hours[0], end_time=session_hours[1])
                            for d in workdays]
        doctors.append(doctor)
    db.session.add_all(doctors)
    return doctors


# Long-term conditions with the medicine that goes with them; children only get the first two.
CONDITIONS = [("", ""), ("Asthma", "Salbutamol inhaler as needed"), ("Type 2 diabetes", "Metformin 500 mg twice daily"),
              ("Hypertension", "Amlodipine 5 mg once daily")]
DEMO_PATIENT_AGE = 52  # the printed demo patient: an adult with a few visits to look back on


def _age(patient: Patient, today: date) -> int:
    born = patient.date_of_birth
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


def _fits(who: str, patient: Patient, today: date) -> bool:
    age = _age(patient, today)
    return {"any": True, "adult": age >= 16, "child": age < 16, "female": patient.sex == "female" and age >= 14,
            "male_50": patient.sex == "male" and age >= 50}[who]


def _seed_patients(rng: random.Random, password_hash: str, count: int) -> list[Patient]:
    taken: set[str] = set()
    patients = []
    today = date.today()
    for i in range(count):
        first, sex = PATIENT_FIRST[i % len(PATIENT_FIRST)]
        last = rng.choice(PATIENT_LAST + FEMALE_ONLY_LAST if sex == "female" else PATIENT_LAST)
        if i == 0:
            last = "Uddin"  # the demo patient's login in the README: abdullah.uddin@example.com
        name = f"{first} {last}"
        age = DEMO_PATIENT_AGE if i == 0 else rng.randint(2, 84)
        condition, medication = rng.choice(CONDITIONS[:2] if age < 16 else CONDITIONS[:2] + CONDITIONS)
        user = User(email=_email_for(name, "example.com", taken), password_hash=password_hash, role="patient",
                    email_confirmed_at=utcnow())
        patients.append(Patient(
            user=user, full_name=name,
            date_of_birth=today - timedelta(days=age * 365 + rng.randint(0, 364)),
            sex=sex, phone=f"+8801{rng.randint(300000000, 999999999)}",
            allergies=rng.choice(["", "", "Penicillin", "Peanuts", "Dust mites"]),
            conditions=condition, medications=medication,
            email_opt_in=rng.random() > 0.15,
        ))
    db.session.add_all(patients)
    return patients


def _seed_history(rng: random.Random, doctors: list[Doctor], patients: list[Patient], today: date) -> None:
    """Six months of past visits, mostly completed with a treatment that fits the patient and the specialty.

    The demo patient has at least four visits to look back on and the demo doctor a full list of past patients.
    """
    used: set[tuple[int, date, time]] = set()
    for index, patient in enumerate(patients):
        suitable = [d for d in doctors
                    if any(_fits(who, patient, today) for _, _, who in DIAGNOSES[d.specialization.name])]
        visits = 4 if index == 0 else rng.randint(1, 5)
        for number in range(visits):
            # Every third patient has been seen by the demo doctor (a cardiologist sees adults).
            if number == 0 and index % 3 == 0 and doctors[0] in suitable:
                doctor = doctors[0]
            else:
                doctor = rng.choice(suitable)
            day = today - timedelta(days=rng.randint(1, 180))
            start, end = rng.choice(cut_slots(*MORNING, doctor.slot_minutes))
            if (doctor.id, day, start) in used:
                continue
            used.add((doctor.id, day, start))
            slot = DoctorAvailability(doctor_id=doctor.id, date=day, start_time=start, end_time=end, is_booked=True)
            status = "completed" if index == 0 else rng.choices(["completed", "cancelled", "no_show"],
                                                                  weights=[80, 12, 8])[0]
            appointment = Appointment(patient=patient, doctor=doctor, slot=slot, date=day, start_time=start,
                                      end_time=end, status=status, reason=rng.choice(REASONS))
            if status == "cancelled":
                slot.is_booked = False
                appointment.cancel_reason = "Patient could not attend"
            if status == "completed":
                diagnosis, prescription, _ = rng.choice(
                    [entry for entry in DIAGNOSES[doctor.specialization.name] if _fits(entry[2], patient, today)])
                appointment.treatment = Treatment(
                    diagnosis=diagnosis, prescription=prescription,
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
    # The demo patient has a visit coming up too; half of the others do.
    for patient, slot in zip(patients[:1] + patients[1::2], free):
        slot.is_booked = True
        db.session.add(Appointment(patient=patient, doctor_id=slot.doctor_id, slot=slot, date=slot.date,
                                   start_time=slot.start_time, end_time=slot.end_time, status="booked",
                                   reason=rng.choice(REASONS)))
    db.session.flush()


def _seed_today(rng: random.Random, doctor: Doctor, patients: list[Patient], today: date) -> None:
    """The demo doctor's list for today: a few of today's published slots booked by adult patients."""
    slots = db.session.execute(
        sa.select(DoctorAvailability).where(DoctorAvailability.doctor_id == doctor.id,
                                            DoctorAvailability.date == today, DoctorAvailability.is_booked.is_(False))
        .order_by(DoctorAvailability.start_time)
    ).scalars().all()
    adults = [p for p in patients[1:] if _age(p, today) >= 16]
    for slot, patient in zip(slots[1::3][:4], rng.sample(adults, min(4, len(adults)))):
        slot.is_booked = True
        db.session.add(Appointment(patient=patient, doctor_id=doctor.id, slot=slot, date=today,
                                   start_time=slot.start_time, end_time=slot.end_time, status="booked",
                                   reason=rng.choice(REASONS)))
    db.session.flush()
