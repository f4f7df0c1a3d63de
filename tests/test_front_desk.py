"""Staff cancel and reschedule, a doctor's cancelled days, booking at the front desk, and doctors told.

Emails go through the real outbox sender to a real SMTP server (aiosmtpd).
"""
from __future__ import annotations

import re
from datetime import time, timedelta

import sqlalchemy as sa
from icalendar import Calendar

from backend.extensions import db
from backend.models import Appointment, AuditLog, DoctorAvailability, DoctorNotice, User
from backend.services.booking import notices
from backend.services.clock import clinic_today
from backend.services.email import delivery
from tests.conftest import ApiClient


def send_all(sink, count):
    delivery.deliver_due_emails()
    return sink.wait_for(count)


def to(messages, address):
    return [m for m in messages if m["To"] == address]


def body(message) -> str:
    return message.get_body(("plain",)).get_content()


def calendar_method(message) -> str:
    for part in message.iter_attachments():
        if part.get_content_type() == "text/calendar":
            return str(Calendar.from_ical(part.get_content())["METHOD"])
    return ""


def as_user(app, email):
    browser = ApiClient(app.test_client())
    browser.login(email)
    return browser


def test_a_doctor_cancels_one_appointment_with_a_reason_and_the_patient_is_told(app, factory, make_appointment,
                                                                              smtp_sink):
    doctor = factory.doctor(full_name="Dr. Rahman", email="dr@example.com")
    patient = factory.patient(email="amina@example.com", full_name="Amina Begum")
    appointment = make_appointment(patient=patient, doctor=doctor, day=clinic_today() + timedelta(days=2))
    slot_id = appointment.slot_id
    answer = as_user(app, "dr@example.com").post(f"/doctor/appointments/{appointment.id}/cancel",
                                                 json={"reason": "I have to attend an emergency"})
    assert answer.status_code == 200, answer.get_json()
    assert answer.get_json()["appointment"]["status"] == "cancelled"
    [email] = to(send_all(smtp_sink, 1), "amina@example.com")
    text = body(email)
    assert "cancelled by Dr. Rahman" in text and "Reason: I have to attend an emergency" in text
    assert "/#/patient/doctors" in text  # a link to rebook
    assert calendar_method(email) == "CANCEL"
    # The doctor's own cancellation closes the slot: they are the one who is not there.
    assert db.session.get(DoctorAvailability, slot_id) is None
    # A doctor is not told of their own change.
    assert db.session.execute(sa.select(DoctorNotice)).first() is None


def test_another_doctors_appointment_is_not_found(app, factory, make_appointment):
    factory.doctor(email="dr@example.com")
    appointment = make_appointment(day=clinic_today() + timedelta(days=2))
    answer = as_user(app, "dr@example.com").post(f"/doctor/appointments/{appointment.id}/cancel",
                                                 json={"reason": "x"})
    assert answer.status_code == 404


def test_the_front_desk_moves_an_appointment_to_another_doctor_and_everyone_is_told(app, factory, make_appointment,
                                                                                   smtp_sink):
    first = factory.doctor(full_name="Dr. First", email="first@example.com")
    second = factory.doctor(full_name="Dr. Second", email="second@example.com")
    factory.admin(email="desk@example.com")
    patient = factory.patient(email="amina@example.com")
    day = clinic_today() + timedelta(days=3)
    appointment = make_appointment(patient=patient, doctor=first, day=day)
    target = factory.slot(second, day=day, start=time(15, 0))
    answer = as_user(app, "desk@example.com").post(f"/admin/appointments/{appointment.id}/reschedule",
                                                   json={"slot_id": target.id, "reason": "Dr. First is away"})
    assert answer.status_code == 200, answer.get_json()
    moved = answer.get_json()["appointment"]
    assert moved["doctor_id"] == second.id and moved["start_time"] == "15:00"
    assert not db.session.get(DoctorAvailability, appointment.slot_id).is_booked  # old slot freed
    messages = send_all(smtp_sink, 3)
    [patient_email] = to(messages, "amina@example.com")
    assert "at the front desk moved it" in body(patient_email) and "Dr. First is away" in body(patient_email)
    assert calendar_method(patient_email) == "REQUEST"
    assert "moved to another doctor" in body(to(messages, "first@example.com")[0])
    assert "moved to your list" in body(to(messages, "second@example.com")[0])


def test_a_staff_move_keeps_the_appointment_when_the_new_slot_is_taken(app, factory, make_appointment):
    doctor = factory.doctor(email="dr@example.com")
    day = clinic_today() + timedelta(days=3)
    appointment = make_appointment(doctor=doctor, day=day)
    taken = make_appointment(doctor=doctor, day=day, start=time(12, 0))
    answer = as_user(app, "dr@example.com").post(f"/doctor/appointments/{appointment.id}/reschedule",
                                                 json={"slot_id": taken.slot_id})
    assert answer.status_code == 409
    db.session.expire_all()
    kept = db.session.get(Appointment, appointment.id)
    assert kept.status == "booked" and kept.slot_id == appointment.slot_id


def test_a_doctor_cancels_their_day_every_patient_is_emailed_and_the_slots_close(app, factory, make_appointment,
                                                                                smtp_sink):
    doctor = factory.doctor(full_name="Dr. Rahman", email="dr@example.com")
    day = clinic_today() + timedelta(days=2)
    patients = [factory.patient(email=f"p{i}@example.com") for i in range(3)]
    booked = [make_appointment(patient=p, doctor=doctor, day=day, start=time(9 + i, 0))
              for i, p in enumerate(patients)]
    free_id = factory.slot(doctor, day=day, start=time(15, 0)).id
    other_day = make_appointment(doctor=doctor, day=day + timedelta(days=1))
    answer = as_user(app, "dr@example.com").post("/doctor/days/cancel", json={
        "date_from": day.isoformat(), "date_to": day.isoformat(), "reason": "I am unwell"})
    assert answer.status_code == 200 and answer.get_json() == {"cancelled": 3}
    messages = send_all(smtp_sink, 3)
    for patient in patients:
        [email] = to(messages, patient.user.email)
        assert "Reason: I am unwell" in body(email) and calendar_method(email) == "CANCEL"
        assert "/#/patient/doctors" in body(email)
    db.session.expire_all()
    assert {db.session.get(Appointment, a.id).status for a in booked} == {"cancelled"}
    assert db.session.get(Appointment, other_day.id).status == "booked"
    remaining = db.session.execute(sa.select(DoctorAvailability.id).where(DoctorAvailability.date == day)).all()
    assert remaining == []  # booked and free slots of that day are closed
    assert db.session.get(DoctorAvailability, free_id) is None
    logged = db.session.execute(sa.select(AuditLog).where(AuditLog.action == "doctor.days_cancel")).scalar_one()
    assert logged.details["cancelled"] == 3


def test_the_front_desk_registers_a_phone_patient_and_books_with_a_recorded_override(app, factory, smtp_sink):
    doctor = factory.doctor(email="dr@example.com")
    factory.admin(email="desk@example.com")
    desk = as_user(app, "desk@example.com")
    created = desk.post("/admin/patients", json={"full_name": "Rahima Khatun", "date_of_birth": "1948-02-01",
                                                 "sex": "female", "phone": "+880 1711-223344"})
    assert created.status_code == 201, created.get_json()
    patient = created.get_json()["patient"]
    assert patient["email"] is None
    # Found by phone digits however they are written, by name, and by date of birth.
    for query in ({"q": "01711223344"}, {"q": "rahima"}, {"date_of_birth": "1948-02-01"}):
        found = desk.get("/admin/patients", query_string=query).get_json()["items"]
        assert [p["id"] for p in found] == [patient["id"]], query
    later = factory.slot(doctor, day=clinic_today() + timedelta(days=2), start=time(10, 0))
    refused = desk.post("/admin/appointments", json={"patient_id": patient["id"], "slot_id": later.id,
                                                     "reason": "Phone booking"})
    assert refused.status_code == 201, refused.get_json()
    booked = refused.get_json()["appointment"]
    assert booked["patient_id"] == patient["id"]
    # No email address: nothing is queued for the patient; the doctor is told.
    messages = send_all(smtp_sink, 1)
    assert [m["To"] for m in messages] == ["dr@example.com"]
    # The limit on upcoming bookings applies, and the override lifts it (and is recorded).
    app.config["MAX_ACTIVE_BOOKINGS"] = 1
    third = factory.slot(doctor, day=clinic_today() + timedelta(days=3), start=time(10, 0))
    limited = desk.post("/admin/appointments", json={"patient_id": patient["id"], "slot_id": third.id})
    assert limited.status_code == 422 and limited.get_json()["error"]["code"] == "too_many_bookings"
    allowed = desk.post("/admin/appointments", json={"patient_id": patient["id"], "slot_id": third.id,
                                                     "override": True})
    assert allowed.status_code == 201
    row = db.session.execute(sa.select(AuditLog).where(AuditLog.action == "appointment.book")
                             .order_by(AuditLog.id.desc()).limit(1)).scalar_one()
    assert row.details.get("override") is True and row.patient_id == patient["id"]
    app.config["MAX_ACTIVE_BOOKINGS"] = 3


def test_desk_registration_with_an_email_sends_only_a_confirmation_link(app, factory, smtp_sink):
    factory.admin(email="desk@example.com")
    desk = as_user(app, "desk@example.com")
    created = desk.post("/admin/patients", json={"full_name": "Karim Uddin", "date_of_birth": "1960-05-05",
                                                 "email": "karim@example.com"})
    assert created.status_code == 201
    [email] = send_all(smtp_sink, 1)
    assert email["To"] == "karim@example.com" and email["Subject"] == "Confirm your email address"
    again = desk.post("/admin/patients", json={"full_name": "Someone", "date_of_birth": "1960-05-05",
                                               "email": "karim@example.com"})
    assert again.status_code == 409 and again.get_json()["error"]["code"] == "email_taken"


def test_a_desk_patient_is_given_a_login_later_and_the_emailed_link_lets_them_in(app, factory, smtp_sink):
    factory.admin(email="desk@example.com")
    factory.patient(email="taken@example.com")
    desk = as_user(app, "desk@example.com")
    created = desk.post("/admin/patients", json={"full_name": "Rahima Khatun", "date_of_birth": "1948-02-01",
                                                 "phone": "01711 223344"})
    patient_id = created.get_json()["patient"]["id"]
    # Another account's address is refused, and nothing changes.
    taken = desk.post(f"/admin/patients/{patient_id}/login", json={"email": "Taken@example.com"})
    assert taken.status_code == 409 and taken.get_json()["error"]["code"] == "email_taken"
    assert desk.get(f"/admin/patients/{patient_id}").get_json()["patient"]["email"] is None

    given = desk.post(f"/admin/patients/{patient_id}/login", json={"email": "Rahima@Example.com"})
    assert given.status_code == 201, given.get_json()
    assert given.get_json()["patient"]["email"] == "rahima@example.com"
    assert given.get_json()["link_sent_to"] == "rahima@example.com"
    [email] = send_all(smtp_sink, 1)
    assert email["To"] == "rahima@example.com" and "login" in email["Subject"]
    token = re.search(r"reset-password\?token=([A-Za-z0-9_\-]+)", body(email)).group(1)

    # No password works before the link is used.
    guess = ApiClient(app.test_client()).post("/auth/login", json={"email": "rahima@example.com",
                                                                    "password": "a-guessed-password"})
    assert guess.status_code == 401
    # A patient who has a login already: 409.
    again = desk.post(f"/admin/patients/{patient_id}/login", json={"email": "other@example.com"})
    assert again.status_code == 409 and again.get_json()["error"]["code"] == "has_login"

    chosen = ApiClient(app.test_client()).post("/auth/password/reset",
                                               json={"token": token, "password": "rahima-chose-this"})
    assert chosen.status_code == 200, chosen.get_json()
    patient_browser = ApiClient(app.test_client())
    patient_browser.login("rahima@example.com", "rahima-chose-this")
    me = patient_browser.get("/auth/me").get_json()
    assert me["user"]["email"] == "rahima@example.com"
    user = db.session.execute(sa.select(User).where(User.email == "rahima@example.com")).scalar_one()
    assert user.email_confirmed_at is not None  # the link confirmed the address
    # The link works once.
    twice = ApiClient(app.test_client()).post("/auth/password/reset",
                                              json={"token": token, "password": "another-long-one"})
    assert twice.status_code == 400
    row = db.session.execute(sa.select(AuditLog).where(AuditLog.action == "patient.login_added")).scalar_one()
    assert row.patient_id == patient_id


def test_doctors_get_one_email_per_change_or_one_daily_digest(app, factory, make_appointment, smtp_sink):
    instant = factory.doctor(full_name="Dr. Instant", email="instant@example.com")
    digest = factory.doctor(full_name="Dr. Digest", email="digest@example.com")
    assert as_user(app, "digest@example.com").put("/doctor/notifications",
                                                  json={"notify_mode": "digest"}).status_code == 200
    patient = factory.patient(email="pat@example.com", full_name="Amina Begum")
    browser = as_user(app, "pat@example.com")
    day = clinic_today() + timedelta(days=4)
    for doctor, hour in ((instant, 9), (digest, 14), (digest, 15)):
        answer = browser.post("/patient/appointments", json={"slot_id": factory.slot(doctor, day, time(hour)).id})
        assert answer.status_code == 201, answer.get_json()
    last = answer.get_json()["appointment"]["id"]
    assert browser.post(f"/patient/appointments/{last}/cancel", json={}).status_code == 200
    messages = send_all(smtp_sink, 5)  # the patient's 4, the instant doctor's 1; the digest waits
    [instant_mail] = to(messages, "instant@example.com")
    assert "Amina Begum" in body(instant_mail) and "booked by the patient" in body(instant_mail)
    assert to(smtp_sink.messages, "digest@example.com") == []
    assert notices.send_daily_digests() == {"digests": 1}
    assert notices.send_daily_digests() == {"digests": 0}  # each change is in one digest
    delivery.deliver_due_emails()
    [summary] = to(smtp_sink.wait_for(len(messages) + 1), "digest@example.com")
    assert summary["Subject"] == "Your appointments: 3 changes"
    assert body(summary).count("Amina Begum") == 3 and "cancelled by the patient" in body(summary)
    # The dashboard lists the changes since the doctor last looked.
    doctor_browser = as_user(app, "digest@example.com")
    changes = doctor_browser.get("/doctor/changes").get_json()
    assert [item["event"] for item in changes["items"]] == ["cancelled", "booked", "booked"]
    assert doctor_browser.post("/doctor/changes/seen").status_code == 204
    assert doctor_browser.get("/doctor/changes").get_json()["items"] == []
