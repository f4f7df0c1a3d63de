"""/admin routes: the clinic's specializations, doctors, patients, users, appointments and dashboard."""
from __future__ import annotations

from flask import Response, jsonify
from flask_login import current_user

from backend import contracts as c
from backend.admin.blueprint import bp
from backend.contracts import contract
from backend.responses import cached_json
from backend.schemas import (
    AppointmentFilterQuery,
    AuditQuery,
    DeskBookIn,
    DeskLoginIn,
    DeskPatientIn,
    DoctorCreateIn,
    DoctorListQuery,
    DoctorUpdateIn,
    PatientListQuery,
    SpecializationIn,
    SpecializationUpdateIn,
    StaffCancelIn,
    StaffRescheduleIn,
)
from backend.security import client_ip, role_required
from backend.services.accounts import links, users as accounts
from backend.services.booking import bookings, serializers as booking_serializers, visits as appointments
from backend.services.directory import doctors, patients, serializers as directory_serializers, specializations
from backend.services.ops import audit_viewer
from backend.services.reports import dashboards


@bp.get("/dashboard")
@role_required("admin")
@contract(responses={200: c.DashboardOut})
def dashboard():
    cached = dashboards.admin_dashboard()
    return cached_json(cached.value, cached.status)


@bp.get("/specializations")
@role_required("admin")
@contract(paged=True, responses={200: c.SpecializationPage})
def list_specializations(paging):
    page = specializations.list_specializations(page=paging.page, per_page=paging.per_page)
    return jsonify(page.as_json(lambda row: directory_serializers.specialization(*row)))


@bp.post("/specializations")
@role_required("admin")
@contract(body=SpecializationIn, responses={201: c.SpecializationBody, 409: None})
def create_specialization(body: SpecializationIn):
    spec = specializations.create_specialization(body.name, body.description, actor_id=current_user.id)
    return jsonify({"specialization": directory_serializers.specialization(spec)}), 201


@bp.put("/specializations/<int:spec_id>")
@role_required("admin")
@contract(body=SpecializationUpdateIn, responses={200: c.SpecializationBody, 409: None})
def update_specialization(spec_id: int, body: SpecializationUpdateIn):
    spec = specializations.update_specialization(spec_id, name=body.name, description=body.description,
                                           actor_id=current_user.id)
    return jsonify({"specialization": directory_serializers.specialization(spec)})


@bp.delete("/specializations/<int:spec_id>")
@role_required("admin")
@contract(responses={204: None, 409: None})
def delete_specialization(spec_id: int):
    specializations.delete_specialization(spec_id, actor_id=current_user.id)
    return "", 204


@bp.get("/doctors")
@role_required("admin")
@contract(query=DoctorListQuery, paged=True, responses={200: c.DoctorAdminPage})
def list_doctors(query: DoctorListQuery, paging):
    page = doctors.list_doctors_admin(q=query.q, spec_id=query.spec_id, page=paging.page,
                                        per_page=paging.per_page)
    return jsonify(page.as_json(directory_serializers.doctor_admin))


@bp.post("/doctors")
@role_required("admin")
@contract(body=DoctorCreateIn, responses={201: c.DoctorAdminBody, 409: None})
def create_doctor(body: DoctorCreateIn):
    doctor = doctors.create_doctor(**body.model_dump(), actor_id=current_user.id)
    return jsonify({"doctor": directory_serializers.doctor_admin(doctor)}), 201


@bp.get("/doctors/<int:doctor_id>")
@role_required("admin")
@contract(responses={200: c.DoctorAdminBody})
def get_doctor(doctor_id: int):
    return jsonify({"doctor": directory_serializers.doctor_admin(doctors.doctor_admin(doctor_id))})


@bp.put("/doctors/<int:doctor_id>")
@role_required("admin")
@contract(body=DoctorUpdateIn, responses={200: c.DoctorAdminBody})
def update_doctor(doctor_id: int, body: DoctorUpdateIn):
    doctor = doctors.update_doctor(doctor_id, **body.model_dump(), actor_id=current_user.id)
    return jsonify({"doctor": directory_serializers.doctor_admin(doctor)})


@bp.delete("/doctors/<int:doctor_id>")
@role_required("admin")
@contract(responses={204: None})
def delete_doctor(doctor_id: int):
    doctors.deactivate_doctor(doctor_id, actor_id=current_user.id, ip=client_ip())
    return "", 204


@bp.get("/patients")
@role_required("admin")
@contract(query=PatientListQuery, paged=True, responses={200: c.PatientAdminPage})
def list_patients(query: PatientListQuery, paging):
    page = patients.list_patients_admin(q=query.q, date_of_birth=query.date_of_birth, page=paging.page,
                                        per_page=paging.per_page)
    return jsonify(page.as_json(directory_serializers.patient_admin))


@bp.post("/patients")
@role_required("admin")
@contract(body=DeskPatientIn, responses={201: c.PatientAdminBody, 409: None})
def register_patient(body: DeskPatientIn):
    patient = accounts.register_patient_at_desk(**body.model_dump(), actor_id=current_user.id, ip=client_ip())
    return jsonify({"patient": directory_serializers.patient_admin(patient)}), 201


@bp.get("/patients/<int:patient_id>")
@role_required("admin")
@contract(responses={200: c.PatientAdminBody})
def get_patient(patient_id: int):
    patient = patients.patient_for_admin(patient_id, actor_id=current_user.id, ip=client_ip())
    return jsonify({"patient": directory_serializers.patient_admin(patient)})


@bp.post("/patients/<int:patient_id>/login")
@role_required("admin")
@contract(body=DeskLoginIn, responses={201: c.PatientLoginOut, 404: None, 409: None})
def give_patient_login(patient_id: int, body: DeskLoginIn):
    patient = links.give_login(patient_id, body.email, actor_id=current_user.id, ip=client_ip())
    return jsonify({"patient": directory_serializers.patient_admin(patient), "link_sent_to": patient.user.email}), 201


@bp.post("/users/<int:user_id>/password-reset")
@role_required("admin")
@contract(responses={202: c.AcceptedOut, 409: None})
def send_password_reset(user_id: int):
    links.send_reset_by_admin(user_id, actor_id=current_user.id, ip=client_ip())
    return jsonify({}), 202


@bp.post("/users/<int:user_id>/deactivate")
@role_required("admin")
@contract(responses={200: c.UserBody})
def deactivate_user(user_id: int):
    user = doctors.set_user_active(user_id, False, actor_id=current_user.id, ip=client_ip())
    return jsonify({"user": accounts.serialize_user(user)})


@bp.post("/users/<int:user_id>/activate")
@role_required("admin")
@contract(responses={200: c.UserBody})
def activate_user(user_id: int):
    user = doctors.set_user_active(user_id, True, actor_id=current_user.id, ip=client_ip())
    return jsonify({"user": accounts.serialize_user(user)})


@bp.get("/appointments")
@role_required("admin")
@contract(query=AppointmentFilterQuery, paged=True, responses={200: c.AppointmentPage})
def list_appointments(query: AppointmentFilterQuery, paging):
    page = appointments.list_all(**query.model_dump(), page=paging.page, per_page=paging.per_page)
    return jsonify(page.as_json(lambda a: booking_serializers.appointment(a, audience="admin")))


@bp.post("/appointments")
@role_required("admin")
@contract(body=DeskBookIn, responses={201: c.AppointmentBody, 404: None, 409: None, 422: None})
def book_for_patient(body: DeskBookIn):
    appointment = bookings.book_slot(body.patient_id, body.slot_id, reason=body.reason, override=body.override,
                                     by_staff=True, actor_id=current_user.id, ip=client_ip())
    return jsonify({"appointment": booking_serializers.appointment(appointment, audience="admin")}), 201


@bp.post("/appointments/<int:appointment_id>/cancel")
@role_required("admin")
@contract(body=StaffCancelIn, responses={200: c.AppointmentBody, 409: None, 422: None})
def cancel_appointment(appointment_id: int, body: StaffCancelIn):
    appointment = bookings.staff_cancel(appointment_id, reason=body.reason, reopen_slot=body.reopen_slot,
                                        actor_id=current_user.id, ip=client_ip())
    return jsonify({"appointment": booking_serializers.appointment(appointment, audience="admin")})


@bp.post("/appointments/<int:appointment_id>/reschedule")
@role_required("admin")
@contract(body=StaffRescheduleIn, responses={200: c.AppointmentBody, 404: None, 409: None, 422: None})
def reschedule_appointment(appointment_id: int, body: StaffRescheduleIn):
    appointment = bookings.staff_reschedule(appointment_id, body.slot_id, reason=body.reason, override=body.override,
                                            actor_id=current_user.id, ip=client_ip())
    return jsonify({"appointment": booking_serializers.appointment(appointment, audience="admin")})


@bp.get("/audit")
@role_required("admin")
@contract(query=AuditQuery, paged=True, responses={200: c.AuditPage})
def audit_log(query: AuditQuery, paging):
    page = audit_viewer.list_entries(**query.model_dump(), page=paging.page, per_page=paging.per_page)
    return jsonify(page.as_json(audit_viewer.serialize))


@bp.get("/audit/download")
@role_required("admin")
@contract(query=AuditQuery, responses={200: None})
def audit_log_csv(query: AuditQuery):
    rows = audit_viewer.export_csv(**query.model_dump(), actor_id_of_reader=current_user.id, ip=client_ip())
    response = Response(rows, mimetype="text/csv")
    response.headers["Content-Disposition"] = 'attachment; filename="audit-log.csv"'
    return response
