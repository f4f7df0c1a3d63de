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
