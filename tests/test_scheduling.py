"""services/scheduling.py, directory.py, appointments.py lists and dashboards.py, through the API."""
from __future__ import annotations

from datetime import time, timedelta

import pytest
import sqlalchemy as sa

from backend.extensions import db
from backend.models import Appointment, AuthSession, TriageAssessment
from backend.services.clock import clinic_today
from tests.conftest import TEST_PASSWORD


@pytest.fixture
def staff(app, factory, client, new_client):
    doctor = factory.doctor(full_name="Dr. Sched", slot_minutes=30)
    admin = factory.admin()
    patient = factory.patient(full_name="Pat Queue")
    client.login(doctor.user.email)
    admin_client, patient_client = new_client(), new_client()
    admin_client.login(admin.email)
    patient_client.login(patient.user.email)
    return {"doctor": doctor, "patient": patient, "doc": client, "admin": admin_client, "me": patient_client}


# ---- schedule and slots ----------------------------------------------------

def test_schedule_template_round_trip_and_publish_is_idempotent(staff):
    doc = staff["doc"]
    weekly = [{"weekday": d, "start": "09:00", "end": "11:00"} for d in range(7)]
    response = doc.put("/doctor/schedule", json={"slot_minutes": 30, "weekly": weekly})
    assert response.status_code == 200 and response.get_json()["weekly"] == weekly
    assert doc.get("/doctor/schedule").get_json() == {"slot_minutes": 30, "weekly": weekly}
    first = doc.post("/doctor/availability", json={"publish_days": 3})
    assert first.status_code == 201 and first.get_json() == {"created": 12}
    assert doc.post("/doctor/availability", json={"publish_days": 3}).get_json() == {"created": 0}
    assert doc.post("/doctor/availability", json={"publish_days": 4}).get_json() == {"created": 4}


@pytest.mark.parametrize("weekly, field", [
    ([{"weekday": 0, "start": "11:00", "end": "09:00"}], "weekly.0.end"),
    ([{"weekday": 1, "start": "09:00", "end": "12:00"}, {"weekday": 1, "start": "11:00", "end": "13:00"}],
     "weekly.1.start"),
    ([{"weekday": 7, "start": "09:00", "end": "12:00"}], "weekly.0.weekday"),
    ([{"weekday": 0, "start": "9am", "end": "12:00"}], "weekly.0.start"),
])
def test_schedule_validation(staff, weekly, field):
    response = staff["doc"].put("/doctor/schedule", json={"slot_minutes": 30, "weekly": weekly})
    assert response.status_code == 400 and field in response.get_json()["error"]["fields"]


@pytest.mark.parametrize("body", [{"publish_days": 0}, {"publish_days": 61}, {"publish_days": "many"},
                                  {"date": "2030-02-30", "start_time": "09:00", "end_time": "10:00"},
                                  {"date": "2030-01-01", "start_time": "10:00"}])
def test_availability_input(staff, body):
    assert staff["doc"].post("/doctor/availability", json=body).status_code == 400


def test_one_off_slots_are_cut_and_overlaps_refused(staff):
    doc = staff["doc"]
    day = (clinic_today() + timedelta(days=2)).isoformat()
    created = doc.post("/doctor/availability", json={"date": day, "start_time": "14:00", "end_time": "15:40"})
    assert created.status_code == 201 and created.get_json() == {"created": 3}
    again = doc.post("/doctor/availability", json={"date": day, "start_time": "14:00", "end_time": "15:00"})
    assert again.status_code == 201 and again.get_json() == {"created": 0}
    clash = doc.post("/doctor/availability", json={"date": day, "start_time": "14:15", "end_time": "15:15"})
    assert clash.status_code == 409 and clash.get_json()["error"]["code"] == "slot_overlap"
    slots = doc.get(f"/doctor/availability?from={day}&to={day}").get_json()["items"]
    assert [(s["start_time"], s["end_time"], s["is_booked"]) for s in slots] == [
        ("14:00", "14:30", False), ("14:30", "15:00", False), ("15:00", "15:30", False)]
    past = doc.post("/doctor/availability", json={"date": (clinic_today() - timedelta(days=1)).isoformat(),
                                                  "start_time": "10:00", "end_time": "11:00"})
    assert past.status_code == 422


def test_deleting_a_slot(staff, factory):
    doc, me = staff["doc"], staff["me"]
    free = factory.slot(staff["doctor"], clinic_today() + timedelta(days=2), time(9, 0))
    taken = factory.slot(staff["doctor"], clinic_today() + timedelta(days=2), time(10, 0))
    assert me.post("/patient/appointments", json={"slot_id": taken.id}).status_code == 201
    refused = doc.delete(f"/doctor/availability/{taken.id}")
    assert refused.status_code == 409 and refused.get_json()["error"]["code"] == "slot_booked"
    assert doc.delete(f"/doctor/availability/{free.id}").status_code == 204
    assert doc.delete(f"/doctor/availability/{free.id}").status_code == 404


def test_patient_sees_only_bookable_free_slots_of_the_next_14_days(staff, factory):
    doctor, me = staff["doctor"], staff["me"]
    today = clinic_today()
    inside = factory.slot(doctor, today + timedelta(days=13), time(9, 0))
    factory.slot(doctor, today + timedelta(days=14), time(9, 0))
    taken = factory.slot(doctor, today + timedelta(days=1), time(9, 0))
    taken.is_booked = True
    db.session.commit()
    factory.slot(doctor, today - timedelta(days=1), time(9, 0))
    items = me.get(f"/patient/doctors/{doctor.id}/availability").get_json()["items"]
    assert [s["id"] for s in items] == [inside.id]
    reversed_range = me.get(f"/patient/doctors/{doctor.id}/availability?from={today}&to={today - timedelta(days=1)}")
    assert reversed_range.status_code == 400


# ---- doctor lists and history -------------------------------------------------

def _appointment(factory, doctor, patient, day, start, status="booked", urgency=None):
    slot = factory.slot(doctor, day, start)
    slot.is_booked = True
    triage_id = None
    if urgency:
        triage = TriageAssessment(patient_id=patient.id, symptoms="s", status="done", urgency=urgency,
                                  red_flags=["chest pain"] if urgency == "emergency" else [],
                                  specialization_name="Cardiology", advice="See a doctor")
        db.session.add(triage)
        db.session.flush()
        triage_id = triage.id
    appointment = Appointment(patient_id=patient.id, doctor_id=doctor.id, slot_id=slot.id, date=day,
                              start_time=start, end_time=slot.end_time, status=status, triage_id=triage_id)
    db.session.add(appointment)
    db.session.commit()
    return appointment


def test_todays_queue_is_ordered_by_urgency_then_time_and_carries_the_triage(staff, factory):
    doctor, today = staff["doctor"], clinic_today()
    people = [factory.patient() for _ in range(5)]
    _appointment(factory, doctor, people[0], today, time(8, 0))
    _appointment(factory, doctor, people[1], today, time(9, 0), urgency="routine")
    _appointment(factory, doctor, people[2], today, time(10, 0), urgency="emergency")
    _appointment(factory, doctor, people[3], today, time(11, 0), urgency="self_care")
    _appointment(factory, doctor, people[4], today, time(7, 0), urgency="urgent")
    _appointment(factory, doctor, people[4], today, time(12, 0), status="cancelled")
    items = staff["doc"].get("/doctor/appointments?scope=today&order=urgency").get_json()["items"]
    assert [(a["triage"] or {}).get("urgency") for a in items] == ["emergency", "urgent", "routine", "self_care",
                                                                   None]
    required = {"id": items[0]["triage_id"], "urgency": "emergency", "red_flags": ["chest pain"],
                "specialization": "Cardiology", "advice": "See a doctor"}
    assert {key: items[0]["triage"][key] for key in required} == required
    assert items[0]["patient"]["full_name"] == people[2].full_name
    by_time = staff["doc"].get("/doctor/appointments?scope=today&order=time").get_json()["items"]
    assert [a["start_time"] for a in by_time] == ["07:00", "08:00", "09:00", "10:00", "11:00"]
    assert staff["doc"].get("/doctor/appointments?scope=later").status_code == 400


def test_scopes(staff, factory):
    doctor, today, patient = staff["doctor"], clinic_today(), staff["patient"]
    _appointment(factory, doctor, patient, today - timedelta(days=1), time(9, 0), status="completed")
    _appointment(factory, doctor, patient, today + timedelta(days=1), time(9, 0))
    doc = staff["doc"]
    assert [a["date"] for a in doc.get("/doctor/appointments?scope=past").get_json()["items"]] == [
        (today - timedelta(days=1)).isoformat()]
    assert [a["date"] for a in doc.get("/doctor/appointments?scope=upcoming").get_json()["items"]] == [
        (today + timedelta(days=1)).isoformat()]


def test_patient_history_only_for_the_doctors_own_patients(staff, factory, new_client):
    doctor, patient = staff["doctor"], staff["patient"]
    stranger = factory.patient()
    _appointment(factory, doctor, patient, clinic_today() + timedelta(days=1), time(9, 0))
    history = staff["doc"].get(f"/doctor/patients/{patient.id}/history")
    assert history.status_code == 200 and history.get_json()["patient"]["full_name"] == "Pat Queue"
    assert staff["doc"].get(f"/doctor/patients/{stranger.id}/history").status_code == 404


# ---- admin ---------------------------------------------------------------------

def test_doctor_crud_keeps_history_and_ends_sessions(staff, factory, new_client):
    admin = staff["admin"]
    spec = factory.specialization("Cardiology")
    created = admin.post("/admin/doctors", json={
        "email": "New.Doc@Example.com", "password": TEST_PASSWORD, "full_name": "Dr. New",
        "specialization_id": spec.id, "qualification": "MBBS", "experience_years": 4, "fee": "650.50"})
    assert created.status_code == 201, created.get_json()
    doctor = created.get_json()["doctor"]
    assert doctor["email"] == "new.doc@example.com" and doctor["fee"] == "650.50" and doctor["is_active"]
    duplicate = admin.post("/admin/doctors", json={"email": "new.doc@example.com", "password": TEST_PASSWORD,
                                                   "full_name": "Dr. Twin", "specialization_id": spec.id})
    assert duplicate.status_code == 409 and duplicate.get_json()["error"]["code"] == "email_taken"
    unknown_spec = admin.post("/admin/doctors", json={"email": "x@example.com", "password": TEST_PASSWORD,
                                                      "full_name": "Dr. X", "specialization_id": 9999})
    assert unknown_spec.status_code == 400 and "specialization_id" in unknown_spec.get_json()["error"]["fields"]

    session = new_client()
    session.login("new.doc@example.com")
    assert session.get("/doctor/schedule").status_code == 200
    updated = admin.put(f"/admin/doctors/{doctor['id']}", json={"slot_minutes": 15, "fee": 700})
    assert updated.status_code == 200 and updated.get_json()["doctor"]["slot_minutes"] == 15
    assert admin.delete(f"/admin/doctors/{doctor['id']}").status_code == 204
    assert session.get("/doctor/schedule").status_code == 401
    kept = admin.get(f"/admin/doctors/{doctor['id']}").get_json()["doctor"]
    assert kept["is_active"] is False
    listed = admin.get("/admin/doctors?q=new").get_json()
    assert listed["total"] == 1 and listed["items"][0]["is_active"] is False
    assert admin.get(f"/admin/doctors?spec_id={spec.id}").get_json()["total"] == 1
    assert admin.post(f"/admin/users/{kept['user_id']}/activate").status_code == 200
    assert admin.get(f"/admin/doctors/{doctor['id']}").get_json()["doctor"]["is_active"] is True


def test_deactivating_a_patient_ends_their_sessions(staff):
    admin, me, patient = staff["admin"], staff["me"], staff["patient"]
    assert me.get("/patient/profile").status_code == 200
    response = admin.post(f"/admin/users/{patient.user_id}/deactivate")
    assert response.status_code == 200 and response.get_json()["user"]["is_active"] is False
    assert me.get("/patient/profile").status_code == 401
    assert db.session.execute(sa.select(sa.func.count(AuthSession.id)).where(
        AuthSession.user_id == patient.user_id, AuthSession.revoked_at.is_(None))).scalar_one() == 0
    patients = admin.get("/admin/patients?q=queue").get_json()
    assert patients["total"] == 1 and patients["items"][0]["is_active"] is False


def test_specializations_crud_and_in_use(staff, factory):
    admin = staff["admin"]
    created = admin.post("/admin/specializations", json={"name": "Neurology", "description": "Nerves"})
    assert created.status_code == 201
    spec_id = created.get_json()["specialization"]["id"]
    clash = admin.post("/admin/specializations", json={"name": "neurology"})
    assert clash.status_code == 409 and clash.get_json()["error"]["code"] == "name_taken"
    assert admin.put(f"/admin/specializations/{spec_id}", json={"description": "Brain"}).status_code == 200
    in_use = admin.delete(f"/admin/specializations/{staff['doctor'].specialization_id}")
    assert in_use.status_code == 409 and in_use.get_json()["error"]["code"] == "specialization_in_use"
    listing = admin.get("/admin/specializations").get_json()
    counts = {s["name"]: s["doctor_count"] for s in listing["items"]}
    assert counts == {"General Medicine": 1, "Neurology": 0}
    assert admin.delete(f"/admin/specializations/{spec_id}").status_code == 204
    assert admin.delete(f"/admin/specializations/{spec_id}").status_code == 404


def test_admin_appointments_filters(staff, factory):
    doctor, patient, today = staff["doctor"], staff["patient"], clinic_today()
    other_doctor = factory.doctor()
    _appointment(factory, doctor, patient, today + timedelta(days=1), time(9, 0))
    _appointment(factory, other_doctor, patient, today + timedelta(days=2), time(9, 0), status="cancelled")
    admin = staff["admin"]
    assert admin.get("/admin/appointments").get_json()["total"] == 2
    assert admin.get("/admin/appointments?status=cancelled").get_json()["total"] == 1
    assert admin.get(f"/admin/appointments?doctor_id={doctor.id}").get_json()["total"] == 1
    window = admin.get(f"/admin/appointments?date_from={today + timedelta(days=2)}&date_to={today + timedelta(days=9)}")
    item = window.get_json()["items"][0]
    assert window.get_json()["total"] == 1 and item["patient"]["full_name"] == "Pat Queue"
    assert admin.get("/admin/appointments?status=lost").status_code == 400
    assert admin.get(f"/admin/appointments?date_from={today}&date_to={today - timedelta(days=1)}").status_code == 400


# ---- profile ---------------------------------------------------------------------

def test_profile_update(staff):
    me = staff["me"]
    response = me.put("/patient/profile", json={"allergies": "Penicillin", "phone": "+880 1711 000000",
                                                "email_opt_in": False, "date_of_birth": "1990-05-01"})
    assert response.status_code == 200
    profile = me.get("/patient/profile").get_json()["profile"]
    assert (profile["allergies"], profile["email_opt_in"], profile["date_of_birth"]) == ("Penicillin", False,
                                                                                         "1990-05-01")
    for body in ({"date_of_birth": "2999-01-01"}, {"full_name": None}, {"sex": "robot"}, {"email": "x@y.zz"}):
        assert me.put("/patient/profile", json=body).status_code == 400, body


# ---- dashboards ------------------------------------------------------------------

def test_admin_dashboard_shape_and_figures(staff, factory):
    doctor, patient, today = staff["doctor"], staff["patient"], clinic_today()
    _appointment(factory, doctor, patient, today - timedelta(days=3), time(9, 0), status="completed")
    _appointment(factory, doctor, patient, today - timedelta(days=2), time(9, 0), status="no_show")
    _appointment(factory, doctor, patient, today - timedelta(days=1), time(9, 0), status="cancelled")
    _appointment(factory, doctor, patient, today - timedelta(days=1), time(10, 0), status="completed")
    _appointment(factory, doctor, patient, today + timedelta(days=2), time(9, 0))
    data = staff["admin"].get("/admin/dashboard").get_json()
    assert data["totals"] == {"patients": 1, "doctors": 1, "specializations": 1, "appointments": 5, "upcoming": 1,
                              "completed": 2, "cancelled": 1, "no_show": 1}
    assert data["rates"] == {"completion": 0.5, "cancellation": 0.25, "no_show": 0.25}
    per_day = data["appointments_per_day"]
    assert len(per_day) == 30 and per_day[-1]["date"] == today.isoformat()
    assert {d["date"]: d["count"] for d in per_day}[(today - timedelta(days=1)).isoformat()] == 1
    assert sum(d["count"] for d in per_day) == 3
    assert data["by_specialization"] == [{"name": "General Medicine", "count": 4}]
    assert [d["count"] for d in data["next_7_days"]] == [0, 0, 1, 0, 0, 0, 0]


def test_doctor_and_patient_dashboards(staff, factory):
    doctor, patient, today = staff["doctor"], staff["patient"], clinic_today()
    _appointment(factory, doctor, patient, today - timedelta(days=3), time(9, 0), status="completed")
    upcoming = _appointment(factory, doctor, patient, today + timedelta(days=2), time(9, 0))
    db.session.add(TriageAssessment(patient_id=patient.id, symptoms="cough", status="done", urgency="routine",
                                    specialization_name="Pulmonology"))
    db.session.commit()
    data = staff["doc"].get("/doctor/dashboard").get_json()
    assert {k: data[k] for k in ("today", "upcoming", "completed", "no_show", "patients")} == {
        "today": 0, "upcoming": 1, "completed": 1, "no_show": 0, "patients": 1}
    assert data["next_appointment"]["id"] == upcoming.id
    mine = staff["me"].get("/patient/dashboard").get_json()
    assert [a["id"] for a in mine["upcoming"]] == [upcoming.id]
    assert mine["recent_triage"][0]["urgency"] == "routine"
    assert mine["recent_triage"][0]["specialization"] == "Pulmonology"
    assert mine["counts"]["completed"] == 1 and mine["counts"]["upcoming"] == 1


# ---- bad input never 500 -----------------------------------------------------------

@pytest.mark.parametrize("role, method, url", [
    ("admin", "GET", "/admin/doctors/99999999999999999999"),
    ("admin", "PUT", "/admin/specializations/99999999999999999999"),
    ("admin", "POST", "/admin/users/99999999999999999999/deactivate"),
    ("admin", "GET", "/admin/appointments?doctor_id=99999999999999999999"),
    ("admin", "GET", "/admin/appointments?date_from=2024-13-01"),
    ("admin", "GET", "/admin/doctors?page=abc"),
    ("admin", "GET", "/admin/doctors?per_page=1000"),
    ("me", "GET", "/patient/doctors/99999999999999999999"),
    ("me", "GET", "/patient/doctors?spec_id=abc"),
    ("me", "POST", "/patient/appointments/99999999999999999999/cancel"),
    ("doc", "GET", "/doctor/availability?from=yesterday"),
    ("doc", "GET", "/doctor/patients/99999999999999999999/history"),
])
def test_bad_ids_and_parameters_are_client_errors(staff, role, method, url):
    response = staff[role]._call(method, url, json={"name": "x"} if method != "GET" else None)
    assert 400 <= response.status_code < 500, (url, response.status_code)
