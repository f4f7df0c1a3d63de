"""Appointments after booking: the lists each role sees, and the doctor's outcome of a visit."""
from __future__ import annotations

from datetime import date, timedelta

import sqlalchemy as sa
import sqlalchemy.orm as so
from flask import current_app

from backend.errors import Conflict, InvalidInput, NotFound, RuleViolation, commit_or_conflict
from backend.extensions import db
from backend.models import Appointment, Doctor, Patient, Treatment, TriageAssessment, utcnow
from backend.services import audit, cache, clock
from backend.services.paging import Page, paginate
from backend.services.scheduling.bookability import starts_at

# What every appointment list shows, in the same query as the appointments.
LIST_LOADS = (
    so.joinedload(Appointment.doctor).joinedload(Doctor.specialization),
    so.joinedload(Appointment.patient),
    so.joinedload(Appointment.treatment),
    so.joinedload(Appointment.triage),
)
URGENCY_RANK = sa.case(
    {"emergency": 0, "urgent": 1, "routine": 2, "self_care": 3}, value=TriageAssessment.urgency, else_=4
)


def _newest_first(stmt: sa.Select) -> sa.Select:
    return stmt.order_by(Appointment.date.desc(), Appointment.start_time.desc(), Appointment.id.desc())


def _soonest_first(stmt: sa.Select) -> sa.Select:
    return stmt.order_by(Appointment.date, Appointment.start_time, Appointment.id)


def list_for_patient(patient_id: int, *, status: str | None, page: int, per_page: int) -> Page:
    stmt = sa.select(Appointment).options(*LIST_LOADS).where(Appointment.patient_id == patient_id)
    if status is not None:
        stmt = stmt.where(Appointment.status == status)
    stmt = _soonest_first(stmt) if status == "booked" else _newest_first(stmt)
    return paginate(stmt, page, per_page)


def list_for_doctor(doctor_id: int, *, scope: str, order: str | None, status: str | None,
                    page: int, per_page: int) -> Page:
    """today: every visit of the clinic day; upcoming: booked later days; past: earlier days.
    The doctor's dashboard counts exactly these lists (today, upcoming).

    Cancelled visits are left out of today and upcoming unless asked for with `status`.
    `order=urgency` puts emergency before urgent, routine, self-care and untriaged, then time.
    """
    today = clock.clinic_today()
    stmt = (sa.select(Appointment).options(*LIST_LOADS)
            .outerjoin(TriageAssessment, TriageAssessment.id == Appointment.triage_id)
            .where(Appointment.doctor_id == doctor_id))
    if scope == "today":
        stmt = stmt.where(Appointment.date == today)
    elif scope == "upcoming":
        stmt = stmt.where(Appointment.date > today)
    else:
        stmt = stmt.where(Appointment.date < today)
    if status is not None:
        stmt = stmt.where(Appointment.status == status)
    elif scope == "upcoming":
        stmt = stmt.where(Appointment.status == "booked")
    elif scope == "today":
        stmt = stmt.where(Appointment.status != "cancelled")
    order = order or ("urgency" if scope == "today" else "time")
    if order == "urgency":
        # Visits still to be seen come first; finished ones (completed, no-show) drop to the end.
        still_to_see = sa.case((Appointment.status == "booked", 0), else_=1)
        stmt = stmt.order_by(still_to_see, URGENCY_RANK, Appointment.date, Appointment.start_time, Appointment.id)
    elif scope == "past":
        stmt = _newest_first(stmt)
    else:
        stmt = _soonest_first(stmt)
    return paginate(stmt, page, per_page)


def list_all(*, status: str | None, doctor_id: int | None, patient_id: int | None, date_from: date | None,
             date_to: date | None, page: int, per_page: int) -> Page:
    if date_from and date_to and date_from > date_to:
        raise InvalidInput("The date range is reversed.", fields={"date_to": "Must be on or after date_from."})
    stmt = sa.select(Appointment).options(*LIST_LOADS)
    for column, value in ((Appointment.status, status), (Appointment.doctor_id, doctor_id),
                          (Appointment.patient_id, patient_id)):
        if value is not None:
            stmt = stmt.where(column == value)
    if date_from:
        stmt = stmt.where(Appointment.date >= date_from)
    if date_to:
        stmt = stmt.where(Appointment.date <= date_to)
    return paginate(_newest_first(stmt), page, per_page)


def _doctor_appointment(doctor_id: int, appointment_id: int) -> Appointment:
    appointment = db.session.execute(
        sa.select(Appointment).options(*LIST_LOADS)
        .where(Appointment.id == appointment_id, Appointment.doctor_id == doctor_id)
    ).scalar_one_or_none()
    if appointment is None:
        raise NotFound("No such appointment.")
    return appointment


def _require_outcome_possible(appointment: Appointment) -> None:
    if appointment.status == "completed":
        raise Conflict("This appointment is already completed.", code="already_completed")
    if appointment.status != "booked":
        raise Conflict("Only a booked appointment can be given an outcome.", code="not_booked")
    # An outcome describes a visit that has begun; before that it would be a guess.
    if clock.utc_now() < starts_at(appointment.date, appointment.start_time):
        raise RuleViolation("This appointment has not started yet.", code="not_started")


def _set_outcome(appointment_id: int, status: str) -> None:
    changed = db.session.execute(
        sa.update(Appointment).where(Appointment.id == appointment_id, Appointment.status == "booked")
        .values(status=status, updated_at=utcnow()).execution_options(synchronize_session=False)
    ).rowcount
    if changed != 1:
        raise Conflict("This appointment is already completed.", code="already_completed")


def _reload(appointment_id: int) -> Appointment:
    db.session.expire_all()
    return db.session.execute(
        sa.select(Appointment).options(*LIST_LOADS).where(Appointment.id == appointment_id)
    ).scalar_one()


def complete_appointment(doctor_id: int, appointment_id: int, *, diagnosis: str, prescription: str = "",
                         notes: str = "", follow_up_date: date | None = None,
                         actor_id: int | None = None) -> Appointment:
    """Record the treatment of a visit of this doctor: once, and from its start time on."""
    appointment = _doctor_appointment(doctor_id, appointment_id)
    _require_outcome_possible(appointment)
    if follow_up_date is not None and follow_up_date <= appointment.date:
        raise InvalidInput(fields={"follow_up_date": "The follow-up must be after the appointment date."})
    _record_outcome(appointment, "completed", actor_id=actor_id,
                    treatment=Treatment(appointment_id=appointment_id, diagnosis=diagnosis, prescription=prescription,
                                        notes=notes, follow_up_date=follow_up_date))
    return _reload(appointment_id)


def mark_no_show(doctor_id: int, appointment_id: int, *, actor_id: int | None = None) -> Appointment:
    appointment = _doctor_appointment(doctor_id, appointment_id)
    _require_outcome_possible(appointment)
    _record_outcome(appointment, "no_show", actor_id=actor_id)
    return _reload(appointment_id)


def _record_outcome(appointment: Appointment, status: str, *, actor_id: int | None,
                    treatment: Treatment | None = None) -> None:
    """One transaction: the status (only from booked), the treatment if any, the audit row."""
    appointment_id, doctor_id, patient_id = appointment.id, appointment.doctor_id, appointment.patient_id
    try:
        _set_outcome(appointment_id, status)
    except Conflict:
        db.session.rollback()
        raise
    if treatment is not None:
        db.session.add(treatment)
    action = "appointment.complete" if status == "completed" else "appointment.no_show"
    audit.record(action, actor_id=actor_id, target=f"appointment:{appointment_id}")
    commit_or_conflict()
    cache.clear_dashboards(doctor_ids=(doctor_id,), patient_ids=(patient_id,))


def _treatments_of(patient_id: int) -> sa.Select:
    return (sa.select(Treatment).join(Treatment.appointment)
            .options(so.contains_eager(Treatment.appointment)
                     .joinedload(Appointment.doctor).joinedload(Doctor.specialization))
            .where(Appointment.patient_id == patient_id)
            .order_by(Appointment.date.desc(), Appointment.start_time.desc(), Treatment.id.desc()))


def in_care_of(doctor_id: int, patient_id: int) -> bool:
    """A doctor may read a patient's records while caring for them: a booked appointment with this
    doctor, or one completed within CARE_ACCESS_DAYS. Cancelled and no-show visits open nothing."""
    since = clock.clinic_today() - timedelta(days=current_app.config["CARE_ACCESS_DAYS"])
    return db.session.execute(
        sa.select(Appointment.id).where(
            Appointment.doctor_id == doctor_id, Appointment.patient_id == patient_id,
            sa.or_(Appointment.status == "booked",
                   sa.and_(Appointment.status == "completed", Appointment.date >= since)))
        .limit(1)
    ).first() is not None


def patient_history_for_doctor(doctor_id: int, patient_id: int, *, actor_id: int | None = None,
                               ip: str | None = None) -> tuple[Patient, list[Treatment]]:
    """A patient's record and treatments, for a doctor caring for them. Every read, and every refusal,
    is in the audit log."""
    patient = db.session.get(Patient, patient_id) if in_care_of(doctor_id, patient_id) else None
    if patient is None:
        audit.record_now("record.view_denied", actor_id=actor_id, target=f"patient:{patient_id}", ip=ip,
                         patient_id=patient_id if db.session.get(Patient, patient_id) else None,
                         doctor_id=doctor_id)
        raise NotFound("No such patient.")
    treatments = list(db.session.execute(_treatments_of(patient_id)).unique().scalars())
    audit.record("record.view", actor_id=actor_id, target=f"patient:{patient_id}", ip=ip, patient_id=patient_id,
                 view="doctor_history")
    db.session.commit()
    return patient, treatments


def treatments_for_patient(patient_id: int, *, page: int, per_page: int) -> Page:
    return paginate(_treatments_of(patient_id), page, per_page)
