"""/patient routes: a patient's profile, the doctors they can book, their appointments and treatments."""
from __future__ import annotations

from flask import jsonify
from flask_login import current_user

from backend import contracts as c
from backend.contracts import contract
from backend.patient.blueprint import bp
from backend.responses import cached_body, cached_json
from backend.schemas import (
    BookIn,
    CancelIn,
    DateRangeQuery,
    DoctorListQuery,
    PatientAppointmentQuery,
    ProfileIn,
    RescheduleIn,
)
from backend.security import client_ip, current_profile_id, role_required
from backend.services.booking import bookings as booking, serializers as booking_serializers, visits as appointments
from backend.services.directory import doctors, patients, serializers as directory_serializers, specializations
from backend.services.reports import dashboards


def my_patient_id() -> int:
    return current_profile_id("patient")


def appointment_json(appointment, status: int = 200):
    return jsonify({"appointment": booking_serializers.appointment(appointment, audience="patient")}), status



@bp.get("/dashboard")
@role_required("patient")
@contract(responses={200: c.DashboardOut})
def dashboard():
    cached = dashboards.patient_dashboard(my_patient_id())
    return cached_json(cached.value, cached.status)


@bp.get("/profile")
@role_required("patient")
@contract(responses={200: c.PatientProfileBody})
def get_profile():
    return jsonify({"profile": directory_serializers.patient_profile(current_user.patient)})


@bp.put("/profile")
@role_required("patient")
@contract(body=ProfileIn, responses={200: c.PatientProfileBody})
def put_profile(body: ProfileIn):
    patient = patients.update_profile(my_patient_id(), body.model_dump(exclude_unset=True),
                                       actor_id=current_user.id)
    return jsonify({"profile": directory_serializers.patient_profile(patient)})


@bp.get("/specializations")
@role_required("patient")
@contract(responses={200: c.SpecializationList})
def list_specializations():
    cached = specializations.public_specializations()
    return cached_json({"items": cached.value}, cached.status)


@bp.get("/doctors")
@role_required("patient")
@contract(query=DoctorListQuery, paged=True, responses={200: c.DoctorPublicPage})
def list_doctors(query: DoctorListQuery, paging):
    return cached_body(doctors.public_doctors_body(spec_id=query.spec_id, q=query.q, page=paging.page,
                                                   per_page=paging.per_page))


@bp.get("/doctors/<int:doctor_id>")
@role_required("patient")
@contract(responses={200: c.DoctorPublicBody})
def get_doctor(doctor_id: int):
    return jsonify({"doctor": doctors.public_doctor(doctor_id)})


@bp.get("/doctors/<int:doctor_id>/availability")
@role_required("patient")
@contract(query=DateRangeQuery, responses={200: c.SlotList})
def doctor_availability(doctor_id: int, query: DateRangeQuery):
    return cached_body(doctors.bookable_slots_body(doctor_id, query.date_from, query.date_to))


@bp.post("/appointments")
@role_required("patient")
@contract(body=BookIn, responses={201: c.AppointmentBody, 409: None, 422: None})
def book(body: BookIn):
    appointment = booking.book_slot(my_patient_id(), body.slot_id, reason=body.reason, triage_id=body.triage_id,
                                    ip=client_ip(), actor_id=current_user.id)
    return appointment_json(appointment, 201)


@bp.get("/appointments")
@role_required("patient")
@contract(query=PatientAppointmentQuery, paged=True, responses={200: c.AppointmentPage})
def list_appointments(query: PatientAppointmentQuery, paging):
    page = appointments.list_for_patient(my_patient_id(), status=query.status, page=paging.page,
                                         per_page=paging.per_page)
    return jsonify(page.as_json(lambda a: booking_serializers.appointment(a, audience="patient")))


@bp.post("/appointments/<int:appointment_id>/cancel")
@role_required("patient")
@contract(body=CancelIn, responses={200: c.AppointmentBody, 409: None, 422: None})
def cancel(appointment_id: int, body: CancelIn):
    appointment = booking.cancel_appointment(my_patient_id(), appointment_id, reason=body.reason,
                                             ip=client_ip(), actor_id=current_user.id)
    return appointment_json(appointment)


@bp.post("/appointments/<int:appointment_id>/reschedule")
@role_required("patient")
@contract(body=RescheduleIn, responses={200: c.AppointmentBody, 409: None, 422: None})
def reschedule(appointment_id: int, body: RescheduleIn):
    appointment = booking.reschedule_appointment(my_patient_id(), appointment_id, body.slot_id,
                                                 ip=client_ip(), actor_id=current_user.id)
    return appointment_json(appointment)


@bp.get("/treatments")
@role_required("patient")
@contract(paged=True, responses={200: c.TreatmentPage})
def list_treatments(paging):
    page = appointments.treatments_for_patient(my_patient_id(), page=paging.page, per_page=paging.per_page)
    return jsonify(page.as_json(booking_serializers.treatment_history))
