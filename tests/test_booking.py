"""services/booking.py and the appointment outcomes, through the HTTP API: every booking rule."""
from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
import sqlalchemy as sa

from backend.extensions import db
from backend.models import Appointment, DoctorAvailability, EmailOutbox, TriageAssessment
from backend.services import clock
from tests.conftest import ApiClient

MONDAY = date(2030, 3, 4)


def freeze(monkeypatch, day: date, at: time, zone: str = "Asia/Dhaka") -> None:
    """Make every service see this clinic-local moment as now."""
    instant = datetime.combine(day, at).replace(tzinfo=ZoneInfo(zone)).astimezone(timezone.utc)
    monkeypatch.setattr(clock, "utc_now", lambda: instant)


@pytest.fixture
def clinic(app, factory, client, new_client, monkeypatch):
    freeze(monkeypatch, MONDAY, time(9, 0))
    doctor = factory.doctor(full_name="Dr. Ada")
    other_doctor = factory.doctor(specialization="Cardiology", full_name="Dr. Bob")
    patient = factory.patient(full_name="Pat One")
    other = factory.patient(full_name="Pat Two")
    client.login(patient.user.email)
    second = new_client()
    second.login(other.user.email)
    doctor_client = new_client()
    doctor_client.login(doctor.user.email)

    class Clinic:
        pass

    c = Clinic()
    c.doctor, c.other_doctor, c.patient, c.other = doctor, other_doctor, patient, other
    c.me, c.them, c.doc = client, second, doctor_client
    c.slot = lambda day=MONDAY + timedelta(days=1), start=time(10, 0), minutes=30, who=doctor: \
        factory.slot(who, day, start, minutes)
    return c


def book(api, slot_id, **extra):
    return api.post("/patient/appointments", json={"slot_id": slot_id, **extra})


def error_code(response):
    return response.get_json()["error"]["code"]


def slot_booked(slot_id) -> bool:
    db.session.expire_all()
    return db.session.get(DoctorAvailability, slot_id).is_booked


def test_booking_takes_the_slot_queues_the_email_and_the_second_patient_gets_409(clinic):
    slot = clinic.slot()
    response = book(clinic.me, slot.id, reason="Cough")
    assert response.status_code == 201, response.get_json()
    body = response.get_json()["appointment"]
    assert body["status"] == "booked" and body["date"] == "2030-03-05" and body["start_time"] == "10:00"
    assert body["end_time"] == "10:30" and body["reason"] == "Cough"
    assert body["doctor"]["full_name"] == "Dr. Ada" and body["specialization"] == "General Medicine"
    assert slot_booked(slot.id)
    outbox = db.session.execute(sa.select(EmailOutbox)).scalars().all()
    # The patient's confirmation, and the doctor is told (instant emails are the default).
    assert sorted(row.kind for row in outbox) == ["appointment_booked", "doctor_notice"]

    lost = book(clinic.them, slot.id)
    assert lost.status_code == 409 and error_code(lost) == "slot_taken"
    assert db.session.execute(sa.select(sa.func.count(Appointment.id))).scalar_one() == 1


@pytest.mark.parametrize("start, minutes_ahead, expected", [
    (time(8, 0), -60, "past_slot"),
    (time(9, 0), 0, "past_slot"),
    (time(9, 30), 30, "too_late"),
    (time(9, 59), 59, "too_late"),
])
def test_no_booking_in_the_past_or_inside_the_minimum_notice(clinic, start, minutes_ahead, expected):
    slot = clinic.slot(MONDAY, start, 15)
    response = book(clinic.me, slot.id)
    assert response.status_code == 422 and error_code(response) == expected
    assert not slot_booked(slot.id)


def test_exactly_the_minimum_notice_is_enough(clinic):
    assert book(clinic.me, clinic.slot(MONDAY, time(10, 0)).id).status_code == 201


def test_horizon(clinic, app):
    horizon = app.config["BOOKING_HORIZON_DAYS"]
    beyond = clinic.slot(MONDAY + timedelta(days=horizon + 1))
    response = book(clinic.me, beyond.id)
    assert response.status_code == 422 and error_code(response) == "beyond_horizon"
    assert book(clinic.me, clinic.slot(MONDAY + timedelta(days=horizon)).id).status_code == 201


def test_a_patient_cannot_hold_two_overlapping_appointments(clinic):
    first = clinic.slot(start=time(10, 0), minutes=30)
    overlapping = clinic.slot(start=time(10, 15), minutes=30, who=clinic.other_doctor)
    adjacent = clinic.slot(start=time(10, 30), minutes=30, who=clinic.other_doctor)
    assert book(clinic.me, first.id).status_code == 201
    refused = book(clinic.me, overlapping.id)
    assert refused.status_code == 422 and error_code(refused) == "overlapping_booking"
    assert not slot_booked(overlapping.id), "a refused booking must not leave the slot taken"
    assert book(clinic.them, overlapping.id).status_code == 201
    assert book(clinic.me, adjacent.id).status_code == 201


def test_at_most_max_active_bookings(clinic, app):
    limit = app.config["MAX_ACTIVE_BOOKINGS"]
    for i in range(limit):
        assert book(clinic.me, clinic.slot(MONDAY + timedelta(days=i + 1)).id).status_code == 201
    extra = clinic.slot(MONDAY + timedelta(days=limit + 1))
    refused = book(clinic.me, extra.id)
    assert refused.status_code == 422 and error_code(refused) == "too_many_bookings"
    assert not slot_booked(extra.id)
    first = db.session.execute(sa.select(Appointment.id).order_by(Appointment.id)).scalars().first()
    assert clinic.me.post(f"/patient/appointments/{first}/cancel", json={}).status_code == 200
    assert book(clinic.me, extra.id).status_code == 201


def test_cancel_frees_the_slot_for_someone_else(clinic):
    slot = clinic.slot()
    appointment_id = book(clinic.me, slot.id).get_json()["appointment"]["id"]
    response = clinic.me.post(f"/patient/appointments/{appointment_id}/cancel", json={"reason": "Feeling better"})
    assert response.status_code == 200
    assert response.get_json()["appointment"]["status"] == "cancelled"
    assert response.get_json()["appointment"]["cancel_reason"] == "Feeling better"
    assert not slot_booked(slot.id)
    again = clinic.me.post(f"/patient/appointments/{appointment_id}/cancel", json={})
    assert again.status_code == 409 and error_code(again) == "not_booked"
    assert book(clinic.them, slot.id).status_code == 201
    kinds = sorted(db.session.execute(sa.select(EmailOutbox.kind)).scalars())
    assert kinds == ["appointment_booked", "appointment_booked", "appointment_cancelled"] + ["doctor_notice"] * 3


def test_cancelling_closes_before_the_start(clinic, monkeypatch, app):
    hours = app.config["CANCEL_CUTOFF_HOURS"]
    slot = clinic.slot(MONDAY, time(14, 0))
    appointment_id = book(clinic.me, slot.id).get_json()["appointment"]["id"]
    cutoff = (datetime.combine(MONDAY, time(14, 0)) - timedelta(hours=hours)).time()
    freeze(monkeypatch, MONDAY, (datetime.combine(MONDAY, cutoff) + timedelta(minutes=1)).time())
    late = clinic.me.post(f"/patient/appointments/{appointment_id}/cancel", json={})
    assert late.status_code == 422 and error_code(late) == "cancel_window_closed"
    assert slot_booked(slot.id)
    freeze(monkeypatch, MONDAY, cutoff)
    assert clinic.me.post(f"/patient/appointments/{appointment_id}/cancel", json={}).status_code == 200


def test_another_patients_appointment_is_not_found(clinic):
    appointment_id = book(clinic.me, clinic.slot().id).get_json()["appointment"]["id"]
    for action, body in (("cancel", {}), ("reschedule", {"slot_id": clinic.slot(start=time(11, 0)).id})):
        response = clinic.them.post(f"/patient/appointments/{appointment_id}/{action}", json=body)
        assert response.status_code == 404
    assert clinic.them.get("/patient/appointments").get_json()["total"] == 0


def test_reschedule_moves_the_appointment_and_frees_the_old_slot(clinic):
    old, new = clinic.slot(), clinic.slot(start=time(11, 0), who=clinic.other_doctor)
    appointment_id = book(clinic.me, old.id).get_json()["appointment"]["id"]
    response = clinic.me.post(f"/patient/appointments/{appointment_id}/reschedule", json={"slot_id": new.id})
    assert response.status_code == 200, response.get_json()
    body = response.get_json()["appointment"]
    assert body["id"] == appointment_id and body["slot_id"] == new.id and body["start_time"] == "11:00"
    assert body["doctor"]["full_name"] == "Dr. Bob"
    assert not slot_booked(old.id) and slot_booked(new.id)
    assert "appointment_rescheduled" in db.session.execute(sa.select(EmailOutbox.kind)).scalars().all()


def test_reschedule_keeps_the_old_slot_when_the_new_one_is_taken(clinic):
    old, new = clinic.slot(), clinic.slot(start=time(11, 0))
    appointment_id = book(clinic.me, old.id).get_json()["appointment"]["id"]
    assert book(clinic.them, new.id).status_code == 201
    response = clinic.me.post(f"/patient/appointments/{appointment_id}/reschedule", json={"slot_id": new.id})
    assert response.status_code == 409 and error_code(response) == "slot_taken"
    db.session.expire_all()
    kept = db.session.get(Appointment, appointment_id)
    assert (kept.status, kept.slot_id) == ("booked", old.id)
    assert slot_booked(old.id)


def test_reschedule_obeys_the_cutoff_and_the_booking_rules(clinic, monkeypatch):
    old = clinic.slot(MONDAY, time(13, 0))
    appointment_id = book(clinic.me, old.id).get_json()["appointment"]["id"]
    too_soon = clinic.slot(MONDAY, time(9, 30))
    response = clinic.me.post(f"/patient/appointments/{appointment_id}/reschedule", json={"slot_id": too_soon.id})
    assert response.status_code == 422 and error_code(response) == "too_late"
    freeze(monkeypatch, MONDAY, time(12, 0))
    later = clinic.slot(MONDAY + timedelta(days=1))
    response = clinic.me.post(f"/patient/appointments/{appointment_id}/reschedule", json={"slot_id": later.id})
    assert response.status_code == 422 and error_code(response) == "cancel_window_closed"
    assert slot_booked(old.id) and not slot_booked(later.id)


def test_triage_link_must_belong_to_the_patient(clinic):
    mine = TriageAssessment(patient_id=clinic.patient.id, symptoms="cough", status="done", urgency="urgent")
    theirs = TriageAssessment(patient_id=clinic.other.id, symptoms="rash", status="done", urgency="routine")
    db.session.add_all([mine, theirs])
    db.session.commit()
    slot = clinic.slot()
    refused = book(clinic.me, slot.id, triage_id=theirs.id)
    assert refused.status_code == 404 and not slot_booked(slot.id)
    response = book(clinic.me, slot.id, triage_id=mine.id)
    assert response.status_code == 201 and response.get_json()["appointment"]["triage_id"] == mine.id


def test_an_inactive_doctor_is_not_bookable(clinic):
    slot = clinic.slot()
    clinic.doctor.is_active = False
    db.session.commit()
    response = book(clinic.me, slot.id)
    assert response.status_code == 409 and error_code(response) == "doctor_unavailable"


@pytest.mark.parametrize("body, field", [
    ({}, "slot_id"), ({"slot_id": "x"}, "slot_id"), ({"slot_id": 0}, "slot_id"), ({"slot_id": True}, "slot_id"),
    ({"slot_id": 1, "reason": "x" * 2001}, "reason"), ({"slot_id": 1, "triage_id": [1]}, "triage_id"),
    ({"slot_id": 1, "extra": 1}, "extra"),
])
def test_bad_booking_input_is_400(clinic, body, field):
    response = book(clinic.me, **body) if "slot_id" in body else clinic.me.post("/patient/appointments", json=body)
    assert response.status_code == 400 and field in response.get_json()["error"]["fields"]


def test_unknown_slot_is_404(clinic):
    assert book(clinic.me, 999_999).status_code == 404


# ---- outcomes -------------------------------------------------------------

@pytest.fixture
def visit(clinic):
    slot = clinic.slot(MONDAY, time(10, 0))
    clinic.appointment_id = book(clinic.me, slot.id).get_json()["appointment"]["id"]
    return clinic


def complete(api, appointment_id, **body):
    return api.post(f"/doctor/appointments/{appointment_id}/complete", json={"diagnosis": "Viral fever", **body})


def test_completing_is_possible_from_the_start_time_and_only_once(visit, monkeypatch):
    early = complete(visit.doc, visit.appointment_id)
    assert early.status_code == 422 and error_code(early) == "not_started"
    freeze(monkeypatch, MONDAY, time(10, 0))
    done = complete(visit.doc, visit.appointment_id, prescription="Rest", notes="Fluids",
                    follow_up_date="2030-03-11")
    assert done.status_code == 200, done.get_json()
    assert done.get_json()["treatment"]["diagnosis"] == "Viral fever"
    assert done.get_json()["treatment"]["follow_up_date"] == "2030-03-11"
    assert done.get_json()["appointment"]["status"] == "completed"
    twice = complete(visit.doc, visit.appointment_id)
    assert twice.status_code == 409 and error_code(twice) == "already_completed"
    treatments = visit.me.get("/patient/treatments").get_json()
    assert treatments["total"] == 1 and treatments["items"][0]["doctor"]["full_name"] == "Dr. Ada"


@pytest.mark.parametrize("body, field", [
    ({"diagnosis": ""}, "diagnosis"), ({"diagnosis": None}, "diagnosis"),
    ({"follow_up_date": "2030-03-04"}, "follow_up_date"), ({"follow_up_date": "2030-02-30"}, "follow_up_date"),
])
def test_completion_input(visit, monkeypatch, body, field):
    freeze(monkeypatch, MONDAY, time(10, 5))
    response = complete(visit.doc, visit.appointment_id, **body)
    assert response.status_code == 400 and field in response.get_json()["error"]["fields"]


def test_only_a_booked_appointment_of_this_doctor_gets_an_outcome(visit, monkeypatch, new_client):
    stranger = new_client()
    stranger.login(visit.other_doctor.user.email)
    freeze(monkeypatch, MONDAY, time(10, 5))
    assert complete(stranger, visit.appointment_id).status_code == 404
    assert stranger.post(f"/doctor/appointments/{visit.appointment_id}/no-show").status_code == 404
    assert visit.doc.post(f"/doctor/appointments/{visit.appointment_id}/no-show").status_code == 200
    refused = complete(visit.doc, visit.appointment_id)
    assert refused.status_code == 409 and error_code(refused) == "not_booked"


def test_no_show_waits_for_the_start(visit):
    response = visit.doc.post(f"/doctor/appointments/{visit.appointment_id}/no-show")
    assert response.status_code == 422 and error_code(response) == "not_started"


# ---- daylight saving ------------------------------------------------------

SPRING_FORWARD = date(2030, 3, 10)  # America/New_York: 02:00 becomes 03:00


@pytest.fixture
def new_york(app, make_app):
    """A clinic in a zone with daylight saving, on the test database (emptied by `app`)."""
    app = make_app(CLINIC_TIMEZONE="America/New_York")
    ctx = app.app_context()
    ctx.push()
    yield app
    db.session.remove()
    ctx.pop()


def test_a_spring_forward_day_has_no_slots_in_the_gap_and_notice_counts_real_time(new_york, monkeypatch):
    from tests.conftest import Factory

    factory = Factory()
    doctor, patient = factory.doctor(full_name="Dr. Night"), factory.patient()
    # Saturday 23:00 local, the night before the change.
    freeze(monkeypatch, SPRING_FORWARD - timedelta(days=1), time(23, 0), zone="America/New_York")
    doc, me = ApiClient(new_york.test_client()), ApiClient(new_york.test_client())
    doc.login(doctor.user.email)
    me.login(patient.user.email)
    response = doc.post("/doctor/availability", json={"date": SPRING_FORWARD.isoformat(), "start_time": "01:00",
                                                      "end_time": "04:00"})
    assert response.status_code == 201 and response.get_json()["created"] == 4
    slots = doc.get(f"/doctor/availability?from={SPRING_FORWARD}&to={SPRING_FORWARD}").get_json()["items"]
    assert [s["start_time"] for s in slots] == ["01:00", "01:30", "03:00", "03:30"]
    by_start = {s["start_time"]: s["id"] for s in slots}

    # 01:30 EST: 03:00 EDT is 30 real minutes away although the wall clock shows 90.
    freeze(monkeypatch, SPRING_FORWARD, time(1, 30), zone="America/New_York")
    refused = book(me, by_start["03:00"])
    assert refused.status_code == 422 and error_code(refused) == "too_late"
    offered = me.get(f"/patient/doctors/{doctor.id}/availability?from={SPRING_FORWARD}").get_json()["items"]
    assert [s["start_time"] for s in offered] == ["03:30"]
    assert me.get("/patient/doctors").get_json()["items"][0]["next_free_slot"]["start_time"] == "03:30"
    booked = book(me, by_start["03:30"])
    assert booked.status_code == 201
    # 03:30 EDT is one real hour after 01:30 EST: inside a two-hour cancel cutoff, whatever the wall clock says.
    late = me.post(f"/patient/appointments/{booked.get_json()['appointment']['id']}/cancel", json={})
    assert late.status_code == 422 and error_code(late) == "cancel_window_closed"


def test_publishing_the_template_skips_the_gap(new_york, monkeypatch):
    from backend.services.scheduling import templates as scheduling
    from tests.conftest import Factory

    doctor = Factory().doctor(slot_minutes=30)
    freeze(monkeypatch, SPRING_FORWARD - timedelta(days=1), time(8, 0), zone="America/New_York")
    scheduling.replace_schedule(doctor.id, slot_minutes=30, weekly=[(6, time(1, 0), time(4, 0))])
    assert scheduling.publish_slots(doctor.id, 2) == 4
    assert scheduling.publish_slots(doctor.id, 2) == 0
    starts = db.session.execute(sa.select(DoctorAvailability.start_time).where(
        DoctorAvailability.date == SPRING_FORWARD).order_by(DoctorAvailability.start_time)).scalars().all()
    assert starts == [time(1, 0), time(1, 30), time(3, 0), time(3, 30)]


def test_removing_a_doctor_cancels_their_upcoming_bookings_and_tells_the_patients(clinic, factory):
    upcoming = clinic.slot()
    other_day = clinic.slot(day=MONDAY + timedelta(days=3))
    assert book(clinic.me, upcoming.id).status_code == 201
    assert book(clinic.them, other_day.id).status_code == 201
    elsewhere = clinic.slot(start=time(15, 0), who=clinic.other_doctor)
    assert book(clinic.me, elsewhere.id).status_code == 201
    admin = factory.admin(email="boss@example.com")
    boss = ApiClient(clinic.me.raw.application.test_client())
    boss.login(admin.email)

    assert boss.delete(f"/admin/doctors/{clinic.doctor.id}").status_code == 204
    db.session.expire_all()
    statuses = dict(db.session.execute(sa.select(Appointment.slot_id, Appointment.status)).all())
    assert statuses == {upcoming.id: "cancelled", other_day.id: "cancelled", elsewhere.id: "booked"}
    cancellations = db.session.execute(
        sa.select(EmailOutbox.recipient).where(EmailOutbox.kind == "appointment_cancelled")).scalars().all()
    assert sorted(cancellations) == sorted([clinic.patient.user.email, clinic.other.user.email])
    mine = clinic.me.get("/patient/appointments?status=cancelled").get_json()["items"]
    assert "no longer available" in mine[0]["cancel_reason"]
