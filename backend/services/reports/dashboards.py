"""Dashboards: a few aggregate queries each, cached for five minutes per audience."""
from __future__ import annotations

from datetime import timedelta

import sqlalchemy as sa
import sqlalchemy.orm as so

from backend.extensions import db
from backend.models import Appointment, Doctor, Patient, Specialization, Treatment, TriageAssessment
from backend.services import cache, clock
from backend.services.booking import serializers as booking_serializers
from backend.services.booking.visits import LIST_LOADS
from backend.services.cache import Cached
from backend.services.directory.serializers import specialty_labels

RECENT_TRIAGE = 5
UPCOMING_SHOWN = 5


def _count_status(status: str):
    return sa.func.coalesce(sa.func.sum(sa.case((Appointment.status == status, 1), else_=0)), 0)


def _upcoming():
    """Booked visits that have not started yet (clinic-local wall time)."""
    now = clock.clinic_now()
    return sa.and_(Appointment.status == "booked",
                   sa.or_(Appointment.date > now.date(),
                          sa.and_(Appointment.date == now.date(),
                                  Appointment.start_time >= now.time().replace(tzinfo=None, microsecond=0))))


def _rate(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 0.0


def _series(first, days: int, counts: dict) -> list[dict]:
    return [{"date": (first + timedelta(days=i)).isoformat(), "count": int(counts.get(first + timedelta(days=i), 0))}
            for i in range(days)]


def admin_dashboard() -> Cached:
    return cache.read_through(cache.ADMIN_DASHBOARD_KEY, cache.DASHBOARD_TTL, _admin_dashboard)


def _admin_dashboard() -> dict:
    today = clock.clinic_today()
    scalar = lambda stmt: int(db.session.execute(stmt).scalar_one() or 0)  # noqa: E731
    totals_row = db.session.execute(sa.select(
        sa.func.count(Appointment.id), _count_status("completed"), _count_status("cancelled"),
        _count_status("no_show"),
        sa.func.coalesce(sa.func.sum(sa.case((_upcoming(), 1), else_=0)), 0),
    )).one()
    appointments, completed, cancelled, no_show, upcoming = (int(v or 0) for v in totals_row)
    outcomes = completed + cancelled + no_show
    held = Appointment.status != "cancelled"
    first = today - timedelta(days=29)
    per_day = dict(db.session.execute(
        sa.select(Appointment.date, sa.func.count(Appointment.id))
        .where(held, Appointment.date >= first, Appointment.date <= today).group_by(Appointment.date)
    ).all())
    ahead = dict(db.session.execute(
        sa.select(Appointment.date, sa.func.count(Appointment.id))
        .where(Appointment.status == "booked", Appointment.date >= today,
               Appointment.date <= today + timedelta(days=6)).group_by(Appointment.date)
    ).all())
    by_spec = db.session.execute(
        sa.select(Specialization.name, sa.func.count(Appointment.id))
        .select_from(Specialization)
        .outerjoin(Doctor, Doctor.specialization_id == Specialization.id)
        .outerjoin(Appointment, sa.and_(Appointment.doctor_id == Doctor.id, held))
        .group_by(Specialization.id, Specialization.name)
        .order_by(sa.func.count(Appointment.id).desc(), Specialization.name)
    ).all()
    return {
        "totals": {
            "patients": scalar(sa.select(sa.func.count(Patient.id))),
            "doctors": scalar(sa.select(sa.func.count(Doctor.id)).where(Doctor.is_active.is_(True))),
            "specializations": scalar(sa.select(sa.func.count(Specialization.id))),
            "appointments": appointments, "upcoming": upcoming, "completed": completed,
            "cancelled": cancelled, "no_show": no_show,
        },
        # Over the appointments that have an outcome: upcoming ones have none yet.
        "rates": {"completion": _rate(completed, outcomes), "cancellation": _rate(cancelled, outcomes),
                  "no_show": _rate(no_show, outcomes)},
        "appointments_per_day": _series(first, 30, per_day),
        "by_specialization": [{"name": name, "count": int(count)} for name, count in by_spec],
        "next_7_days": _series(today, 7, ahead),
    }


def doctor_dashboard(doctor_id: int) -> Cached:
    return cache.read_through(cache.doctor_dashboard_key(doctor_id), cache.DASHBOARD_TTL,
                              lambda: _doctor_dashboard(doctor_id))


def _doctor_dashboard(doctor_id: int) -> dict:
    today = clock.clinic_today()
    mine = Appointment.doctor_id == doctor_id
    row = db.session.execute(sa.select(
        sa.func.coalesce(sa.func.sum(sa.case((sa.and_(Appointment.date == today,
                                                      Appointment.status != "cancelled"), 1), else_=0)), 0),
        # The queue's Upcoming tab: booked visits on later days (today's are all in Today).
        sa.func.coalesce(sa.func.sum(sa.case((sa.and_(Appointment.date > today,
                                                      Appointment.status == "booked"), 1), else_=0)), 0),
        _count_status("completed"), _count_status("no_show"),
        sa.func.count(sa.distinct(sa.case((Appointment.status != "cancelled", Appointment.patient_id)))),
    ).where(mine)).one()
    today_count, upcoming, completed, no_show, patients = (int(v or 0) for v in row)
    following = db.session.execute(
        sa.select(Appointment).options(*LIST_LOADS).where(mine, _upcoming())
        .order_by(Appointment.date, Appointment.start_time, Appointment.id).limit(1)
    ).unique().scalar_one_or_none()
    return {"today": today_count, "upcoming": upcoming, "completed": completed, "no_show": no_show,
            "patients": patients,
            "next_appointment": booking_serializers.appointment(following, audience="doctor") if following else None}


def patient_dashboard(patient_id: int) -> Cached:
    return cache.read_through(cache.patient_dashboard_key(patient_id), cache.DASHBOARD_TTL,
                              lambda: _patient_dashboard(patient_id))


def _patient_dashboard(patient_id: int) -> dict:
    mine = Appointment.patient_id == patient_id
    upcoming_rows = db.session.execute(
        sa.select(Appointment).options(*LIST_LOADS).where(mine, _upcoming())
        .order_by(Appointment.date, Appointment.start_time, Appointment.id).limit(UPCOMING_SHOWN)
    ).unique().scalars().all()
    row = db.session.execute(sa.select(
        sa.func.coalesce(sa.func.sum(sa.case((_upcoming(), 1), else_=0)), 0),
        _count_status("completed"), _count_status("cancelled"), _count_status("no_show"),
    ).where(mine)).one()
    upcoming, completed, cancelled, no_show = (int(v or 0) for v in row)
    treatments = db.session.execute(
        sa.select(sa.func.count(Treatment.id)).join(Treatment.appointment).where(mine)).scalar_one()
    triage = db.session.execute(
        sa.select(TriageAssessment).options(so.raiseload("*"))
        .where(TriageAssessment.patient_id == patient_id)
        .order_by(TriageAssessment.created_at.desc(), TriageAssessment.id.desc()).limit(RECENT_TRIAGE)
    ).scalars().all()
    return {
        "upcoming": [booking_serializers.appointment(a, audience="patient") for a in upcoming_rows],
        "recent_triage": [{"id": t.id, "status": t.status, "urgency": t.urgency,
                           "specialization": t.specialization_name,
                           "specialization_labels": specialty_labels(t.specialization_name),
                           "created_at": t.created_at.isoformat() if t.created_at else None} for t in triage],
        "counts": {"upcoming": upcoming, "completed": completed, "cancelled": cancelled, "no_show": no_show,
                   "treatments": int(treatments)},
    }
