"""backend/cli.py: create-admin and seed-demo."""
from __future__ import annotations

from datetime import timedelta

import sqlalchemy as sa

from backend.extensions import db
from backend import models
from backend.services.clock import clinic_today


def count(model, *where):
    return db.session.execute(sa.select(sa.func.count()).select_from(model).where(*where)).scalar_one()


def test_create_admin_then_login(runner, client):
    result = runner.invoke(args=["create-admin", "--email", "Boss@Clinic.example", "--password", "long-enough-1"])
    assert result.exit_code == 0, result.output
    assert client.login("boss@clinic.example", "long-enough-1").get_json()["user"]["role"] == "admin"
    again = runner.invoke(args=["create-admin", "--email", "boss@clinic.example", "--password", "long-enough-1"])
    assert again.exit_code != 0


def test_create_admin_validates_the_password(runner):
    result = runner.invoke(args=["create-admin", "--email", "a@clinic.example", "--password", "short"])
    assert result.exit_code != 0
    assert count(models.User) == 0


def test_seed_demo_builds_a_lived_in_clinic(runner, client):
    result = runner.invoke(args=["seed-demo"])
    assert result.exit_code == 0, result.output
    assert "admin@carequeue.local" in result.output
    assert count(models.Specialization) == 14
    assert count(models.Doctor) >= 24
    assert count(models.Patient) == 60
    assert count(models.DoctorSchedule) >= 24 * 3
    today = clinic_today()
    future_days = db.session.execute(
        sa.select(sa.func.count(sa.distinct(models.DoctorAvailability.date))).where(models.DoctorAvailability.date >= today)
    ).scalar_one()
    assert future_days >= 10  # 14 days of slots, less the clinic's closed day
    oldest = db.session.execute(sa.select(sa.func.min(models.Appointment.date))).scalar_one()
    assert oldest < today - timedelta(days=120)
    assert count(models.Treatment) > 60
    assert count(models.Appointment, models.Appointment.status == "booked", models.Appointment.date > today) >= 20
    names = db.session.execute(sa.select(models.Patient.full_name)).scalars().all()
    assert not any("test" in n.lower() for n in names)
    # The printed demo patient can log in with the printed password.
    patient_line = next(line for line in result.output.splitlines() if "patient:" in line)
    password = result.output.split("password for all: ")[1].split(")")[0]
    assert client.login(patient_line.split()[-1], password).status_code == 200


def test_seed_demo_refuses_a_database_with_data(runner, factory):
    factory.patient()
    assert runner.invoke(args=["seed-demo"]).exit_code != 0
    assert runner.invoke(args=["seed-demo", "--if-empty"]).exit_code == 0
    assert count(models.Doctor) == 0


def test_seed_demo_is_clinically_plausible(runner, client):
    """Issue 13, point 10: names match the recorded sex, each diagnosis has a prescription that treats it,
    and every demo login has a history to look at."""
    from backend.services.ops import demo

    result = runner.invoke(args=["seed-demo"])
    assert result.exit_code == 0, result.output
    sex_of_first = dict(demo.PATIENT_FIRST)
    for name, sex in db.session.execute(sa.select(models.Patient.full_name, models.Patient.sex)).all():
        first, last = name.split()[0], name.split()[-1]
        assert sex_of_first[first] == sex, name
        assert sex == "female" or last not in demo.FEMALE_ONLY_LAST, name
    assert sex_of_first["Abdullah"] == "male" and sex_of_first["Fatema"] == "female"
    fitting = {(diagnosis, prescription) for entries in demo.DIAGNOSES.values() for diagnosis, prescription, _ in entries}
    pairs = db.session.execute(sa.select(models.Treatment.diagnosis, models.Treatment.prescription)).all()
    assert pairs and all(tuple(pair) in fitting for pair in pairs)
    angina = [p for d, p in pairs if d == "Stable angina"]
    assert all("paracetamol" not in p.lower() for p in angina)
    assert all("salbutamol" not in p.lower() for d, p in pairs if "depressive" in d)
    # Nobody under 16 has an adult's diagnosis, no man a gynaecological one.
    rows = db.session.execute(
        sa.select(models.Patient, models.Treatment.diagnosis, models.Doctor)
        .join(models.Appointment, models.Appointment.patient_id == models.Patient.id)
        .join(models.Treatment, models.Treatment.appointment_id == models.Appointment.id)
        .join(models.Doctor, models.Doctor.id == models.Appointment.doctor_id)).all()
    today = clinic_today()
    for patient, diagnosis, doctor in rows:
        who = next(w for d, _, w in demo.DIAGNOSES[doctor.specialization.name] if d == diagnosis)
        assert demo._fits(who, patient, today), (patient.full_name, patient.sex, patient.date_of_birth, diagnosis)

    logins = {line.split(":")[0].strip(): line.split()[-1] for line in result.output.splitlines()
              if line.strip().startswith(("admin:", "doctor:", "patient:"))}
    assert logins["patient"] == "abdullah.uddin@example.com"  # the login the README prints
    patient = db.session.execute(sa.select(models.Patient).join(models.User)
                                 .where(models.User.email == logins["patient"])).scalar_one()
    doctor = db.session.execute(sa.select(models.Doctor).join(models.User)
                                .where(models.User.email == logins["doctor"])).scalar_one()
    mine = models.Appointment.patient_id == patient.id
    assert count(models.Appointment, mine, models.Appointment.status == "completed") >= 3
    assert count(models.Appointment, mine, models.Appointment.status == "booked",
                 models.Appointment.date > today) == 1
    assert count(models.Appointment, models.Appointment.doctor_id == doctor.id,
                 models.Appointment.status == "completed") >= 8
