"""/doctor routes: a doctor's own schedule, slots, appointments, patients and dashboard."""
from __future__ import annotations

from flask import jsonify
from flask_login import current_user

from backend import contracts as c
from backend.contracts import contract
from backend.doctor.blueprint import bp
from backend.responses import cached_json
from backend.schemas import (
    CancelDaysIn,
    CompleteIn,
    DateRangeQuery,
    DoctorAppointmentQuery,
    DoctorRescheduleIn,
    NotifyModeIn,
    PublishIn,
    ScheduleIn,
    SlotRangeIn,
    StaffCancelIn,
)
from backend.security import client_ip, current_profile_id, role_required
from backend.services.booking import bookings, notices, serializers as booking_serializers, visits as appointments
from backend.services.directory import serializers as directory_serializers
from backend.services.reports import dashboards
from backend.services.scheduling import templates as scheduling


def my_doctor_id() -> int:
    return current_profile_id("doctor")



@bp.get("/dashboard")
@role_required("doctor")
@contract(responses={200: c.DashboardOut})
def dashboard():
    cached = dashboards.doctor_dashboard(my_doctor_id())
    return cached_json(cached.value, cached.status)


@bp.get("/schedule")
@role_required("doctor")
@contract(responses={200: c.ScheduleOut})
def get_schedule():
    return jsonify(scheduling.schedule_of(my_doctor_id()))


@bp.put("/schedule")
@role_required("doctor")
@contract(body=ScheduleIn, responses={200: c.ScheduleOut})
def put_schedule(body: ScheduleIn):
    schedule = scheduling.replace_schedule(
        my_doctor_id(), slot_minutes=body.slot_minutes,
        weekly=[(b.weekday, b.start, b.end) for b in body.weekly], actor_id=current_user.id)
    return jsonify(schedule)


@bp.post("/availability")
@role_required("doctor")
@contract(body=(PublishIn, SlotRangeIn), responses={201: c.CreatedOut})
def add_availability(body: PublishIn | SlotRangeIn):
    if isinstance(body, PublishIn):
        created = scheduling.publish_slots(my_doctor_id(), body.publish_days, actor_id=current_user.id)
    else:
        created = scheduling.add_slots(my_doctor_id(), body.date, body.start_time, body.end_time,
                                       actor_id=current_user.id)
    return jsonify({"created": created}), 201


@bp.get("/availability")
@role_required("doctor")
@contract(query=DateRangeQuery, responses={200: c.SlotList})
def list_availability(query: DateRangeQuery):
    slots = scheduling.slots_of(my_doctor_id(), query.date_from, query.date_to, free_only=False)
    return jsonify({"items": [booking_serializers.slot(s, with_booking=True) for s in slots]})


@bp.delete("/availability/<int:slot_id>")
@role_required("doctor")
@contract(responses={204: None, 409: None})
def delete_availability(slot_id: int):
    scheduling.delete_slot(my_doctor_id(), slot_id, actor_id=current_user.id)
    return "", 204


@bp.get("/appointments")
@role_required("doctor")
@contract(query=DoctorAppointmentQuery, paged=True, responses={200: c.AppointmentPage})
def list_appointments(query: DoctorAppointmentQuery, paging):
    page = appointments.list_for_doctor(my_doctor_id(), scope=query.scope, order=query.order,
                                        status=query.status, page=paging.page, per_page=paging.per_page)
    return jsonify(page.as_json(lambda a: booking_serializers.appointment(a, audience="doctor")))


@bp.post("/appointments/<int:appointment_id>/complete")
@role_required("doctor")
@contract(body=CompleteIn, responses={200: c.CompletedOut, 409: None, 422: None})
def complete_appointment(appointment_id: int, body: CompleteIn):
    appointment = appointments.complete_appointment(my_doctor_id(), appointment_id, **body.model_dump(),
                                                    actor_id=current_user.id)
    return jsonify({"appointment": booking_serializers.appointment(appointment, audience="doctor"),
                    "treatment": booking_serializers.treatment(appointment.treatment)})


@bp.post("/appointments/<int:appointment_id>/no-show")
@role_required("doctor")
@contract(responses={200: c.AppointmentBody, 409: None, 422: None})
def mark_no_show(appointment_id: int):
    appointment = appointments.mark_no_show(my_doctor_id(), appointment_id, actor_id=current_user.id)
    return jsonify({"appointment": booking_serializers.appointment(appointment, audience="doctor")})


@bp.post("/appointments/<int:appointment_id>/cancel")
@role_required("doctor")
@contract(body=StaffCancelIn, responses={200: c.AppointmentBody, 409: None, 422: None})
def cancel_appointment(appointment_id: int, body: StaffCancelIn):
    appointment = bookings.staff_cancel(appointment_id, reason=body.reason, reopen_slot=body.reopen_slot,
                                        doctor_id=my_doctor_id(), actor_id=current_user.id, ip=client_ip())
    return jsonify({"appointment": booking_serializers.appointment(appointment, audience="doctor")})


@bp.post("/appointments/<int:appointment_id>/reschedule")
@role_required("doctor")
@contract(body=DoctorRescheduleIn, responses={200: c.AppointmentBody, 404: None, 409: None, 422: None})
def reschedule_appointment(appointment_id: int, body: DoctorRescheduleIn):
    appointment = bookings.staff_reschedule(appointment_id, body.slot_id, reason=body.reason,
                                            doctor_id=my_doctor_id(), actor_id=current_user.id, ip=client_ip())
    return jsonify({"appointment": booking_serializers.appointment(appointment, audience="doctor")})


@bp.post("/days/cancel")
@role_required("doctor")
@contract(body=CancelDaysIn, responses={200: c.CancelledCountOut})
def cancel_days(body: CancelDaysIn):
    cancelled = bookings.cancel_doctor_days(my_doctor_id(), body.date_from, body.date_to, reason=body.reason,
                                            actor_id=current_user.id, ip=client_ip())
    return jsonify({"cancelled": cancelled})


@bp.get("/changes")
@role_required("doctor")
@contract(responses={200: c.DoctorChangesOut})
def changes():
    return jsonify(notices.changes_since_last_visit(my_doctor_id()))


@bp.post("/changes/seen")
@role_required("doctor")
@contract(responses={204: None})
def changes_seen():
    notices.mark_seen(my_doctor_id())
    return "", 204


@bp.put("/notifications")
@role_required("doctor")
@contract(body=NotifyModeIn, responses={200: c.NotifyModeOut})
def set_notifications(body: NotifyModeIn):
    mode = notices.set_notify_mode(my_doctor_id(), body.notify_mode, actor_id=current_user.id)
    return jsonify({"notify_mode": mode})


@bp.get("/patients/<int:patient_id>/history")
@role_required("doctor")
@contract(responses={200: c.PatientHistoryOut})
def patient_history(patient_id: int):
    patient, treatments = appointments.patient_history_for_doctor(my_doctor_id(), patient_id,
                                                                  actor_id=current_user.id, ip=client_ip())
    return jsonify({"patient": directory_serializers.patient_for_doctor(patient),
                    "treatments": [booking_serializers.treatment_history(t) for t in treatments]})
