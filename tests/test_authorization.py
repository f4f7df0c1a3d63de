"""Every route of /auth, /admin, /doctor and /patient × every kind of caller, with the expected status.

The route list comes from `app.url_map`: a route without a row in EXPECTED fails
`test_every_route_has_an_entry`. Each cell runs on a fresh database, so the
expectations don't depend on the order the cells run in. Records in the URL
belong to "patient" and "doctor"; "other patient" and "other doctor" must get 404.

Teammates' routes (triage, outbox, jobs): add rows to EXPECTED, and to PARAMS
and BODIES when the route takes an id or a body.
"""
from __future__ import annotations

import re
from datetime import time, timedelta

import pytest

from backend.extensions import db
from backend.models import Appointment, EmailOutbox, TriageAssessment
from backend.services.clock import clinic_today
from tests.conftest import TEST_PASSWORD

ACTORS = ("anonymous", "patient", "other_patient", "doctor", "other_doctor", "admin")
PREFIXES = ("/auth", "/admin", "/doctor", "/patient")


def everyone(status: int) -> dict:
    return dict.fromkeys(ACTORS, status)


def logged_in(status: int) -> dict:
    return dict(everyone(status), anonymous=401)


def only(role: str, status: int, *, stranger: int | None = None) -> dict:
    """One role allowed; `stranger` is what the same role gets for someone else's record."""
    expected = dict(everyone(403), anonymous=401)
    if role == "admin":
        expected["admin"] = status
    else:
        expected[role] = status
        expected[f"other_{role}"] = status if stranger is None else stranger
    return expected


EXPECTED: dict[str, dict[str, int]] = {
    # /auth
    "POST /auth/register": everyone(201),
    "POST /auth/login": everyone(200),
    "POST /auth/logout": logged_in(204),
    "GET /auth/me": logged_in(200),
    "GET /auth/csrf": everyone(200),
    "GET /auth/session": everyone(200),
    "POST /auth/password": logged_in(200),
    "PUT /auth/language": logged_in(200),
    # /admin
    "GET /admin/dashboard": only("admin", 200),
    "GET /admin/specializations": only("admin", 200),
    "POST /admin/specializations": only("admin", 201),
    "PUT /admin/specializations/<int:spec_id>": only("admin", 200),
    "DELETE /admin/specializations/<int:spec_id>": only("admin", 204),
    "GET /admin/doctors": only("admin", 200),
    "POST /admin/doctors": only("admin", 201),
    "GET /admin/doctors/<int:doctor_id>": only("admin", 200),
    "PUT /admin/doctors/<int:doctor_id>": only("admin", 200),
    "DELETE /admin/doctors/<int:doctor_id>": only("admin", 204),
    "GET /admin/patients": only("admin", 200),
    "POST /admin/users/<int:user_id>/deactivate": only("admin", 200),
    "POST /admin/users/<int:user_id>/activate": only("admin", 200),
    "GET /admin/appointments": only("admin", 200),
    # /doctor: the records in the URL are "doctor"'s
    "GET /doctor/dashboard": only("doctor", 200),
    "GET /doctor/schedule": only("doctor", 200),
    "PUT /doctor/schedule": only("doctor", 200),
    "POST /doctor/availability": only("doctor", 201),
    "GET /doctor/availability": only("doctor", 200),
    "DELETE /doctor/availability/<int:slot_id>": only("doctor", 204, stranger=404),
    "GET /doctor/appointments": only("doctor", 200),
    # The visit is tomorrow: the owner reaches the rules (422 not_started), a stranger does not (404).
    "POST /doctor/appointments/<int:appointment_id>/complete": only("doctor", 422, stranger=404),
    "POST /doctor/appointments/<int:appointment_id>/no-show": only("doctor", 422, stranger=404),
    "GET /doctor/patients/<int:patient_id>/history": only("doctor", 200, stranger=404),
    # /patient: the records in the URL are "patient"'s
    "GET /patient/dashboard": only("patient", 200),
    "GET /patient/profile": only("patient", 200),
    "PUT /patient/profile": only("patient", 200),
    "GET /patient/specializations": only("patient", 200),
    "GET /patient/doctors": only("patient", 200),
    "GET /patient/doctors/<int:doctor_id>": only("patient", 200),
    "GET /patient/doctors/<int:doctor_id>/availability": only("patient", 200),
    "POST /patient/appointments": only("patient", 201),
    "GET /patient/appointments": only("patient", 200),
    "POST /patient/appointments/<int:appointment_id>/cancel": only("patient", 200, stranger=404),
    "POST /patient/appointments/<int:appointment_id>/reschedule": only("patient", 200, stranger=404),
    "GET /patient/treatments": only("patient", 200),
}

# Routes owned by the triage, outbox and jobs work, kept apart so their owners can edit them.
TEAM_EXPECTED: dict[str, dict[str, int]] = {
    "GET /admin/outbox": only("admin", 200),
    "GET /admin/outbox/<int:outbox_id>": only("admin", 200),
    "GET /admin/mailbox": only("admin", 200),
    # No message of that name in the sink: the admin reaches the lookup, the others don't.
    "GET /admin/mailbox/<name>": only("admin", 404),
    "GET /admin/jobs": only("admin", 200),
    "POST /patient/triage": only("patient", 202),
    "GET /patient/triage": only("patient", 200),
    "GET /patient/triage/<int:assessment_id>": only("patient", 200, stranger=404),
    "POST /patient/triage/<int:assessment_id>/answers": only("patient", 200, stranger=404),
    # The emergency resources directory (the public list is /api/resources).
    "GET /admin/resources": only("admin", 200),
    "POST /admin/resources": only("admin", 201),
    "PUT /admin/resources/<int:resource_id>": only("admin", 200),
    "DELETE /admin/resources/<int:resource_id>": only("admin", 204),
    "POST /admin/resources/import": only("admin", 201),
    # Symptom-check photos (who sees a photo that exists is tested in tests/test_triage_photos.py;
    # the assessment here has none, so its owner reaches the lookup and gets 404 like everyone else).
    "POST /patient/triage/photos": only("patient", 201),
    "GET /patient/triage/<int:assessment_id>/photo": only("patient", 404),
    "GET /doctor/triage/<int:assessment_id>/photo": only("doctor", 404),
}
EXPECTED.update(TEAM_EXPECTED)

# Front desk, staff changes, account recovery, two-factor login and the audit viewer.
FRONT_DESK_EXPECTED: dict[str, dict[str, int]] = {
    # No password step happened in this browser: the second step answers 401 to everyone.
    "POST /auth/login/two-factor": everyone(401),
    "POST /auth/password/forgot": everyone(202),
    "POST /auth/password/reset": everyone(400),  # the token is not a real one
    "POST /auth/email/confirm": everyone(400),
    "POST /auth/email/resend": logged_in(409),  # already confirmed
    "POST /auth/email": logged_in(202),
    "GET /auth/two-factor": logged_in(200),
    "POST /auth/two-factor/setup": logged_in(200),
    "POST /auth/two-factor/enable": logged_in(409),  # set-up not started
    "POST /auth/two-factor/disable": logged_in(409),  # not on
    "POST /auth/two-factor/recovery-codes": logged_in(409),
    "POST /admin/patients": only("admin", 201),
    "GET /admin/patients/<int:patient_id>": only("admin", 200),
    # The patient of the table's world already has a login: 409 for the admin (the success is in test_front_desk).
    "POST /admin/patients/<int:patient_id>/login": only("admin", 409),
    "POST /admin/users/<int:user_id>/password-reset": only("admin", 202),
    "POST /admin/appointments": only("admin", 201),
    "POST /admin/appointments/<int:appointment_id>/cancel": only("admin", 200),
    "POST /admin/appointments/<int:appointment_id>/reschedule": only("admin", 200),
    "GET /admin/audit": only("admin", 200),
    "GET /admin/audit/download": only("admin", 200),  # the CSV file
    "POST /doctor/appointments/<int:appointment_id>/cancel": only("doctor", 200, stranger=404),
    "POST /doctor/appointments/<int:appointment_id>/reschedule": only("doctor", 200, stranger=404),
    "POST /doctor/days/cancel": only("doctor", 200),
    "GET /doctor/changes": only("doctor", 200),
    "POST /doctor/changes/seen": only("doctor", 204),
    "PUT /doctor/notifications": only("doctor", 200),
}
EXPECTED.update(FRONT_DESK_EXPECTED)

# URL parameter name → the id of the record it names, from the world below.
PARAMS = {
    "spec_id": lambda w: w["unused_spec"],
    "doctor_id": lambda w: w["doctor"].id,
    "user_id": lambda w: w["patient"].user_id,
    "slot_id": lambda w: w["free_slot"],
    "appointment_id": lambda w: w["appointment"],
    "patient_id": lambda w: w["patient"].id,
    "outbox_id": lambda w: w["outbox"],
    "assessment_id": lambda w: w["assessment"],
    "name": lambda w: "no-such-message.eml",
    "resource_id": lambda w: _a_resource(),
}


def _a_photo() -> bytes:
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (8, 8), "red").save(out, "PNG")
    return out.getvalue()


def _a_resource() -> int:
    from backend.models import EmergencyResource

    row = EmergencyResource(name="City Hospital", kind="hospital", phones=["999"], languages=["bn"])
    db.session.add(row)
    db.session.commit()
    return row.id

BODIES = {
    "POST /auth/register": lambda w: {"email": "new.person@example.com", "password": TEST_PASSWORD,
                                      "full_name": "New Person"},
    "POST /auth/login": lambda w: {"email": w["patient"].user.email, "password": TEST_PASSWORD},
    "PUT /auth/language": lambda w: {"language": "bn"},
    "POST /auth/password": lambda w: {"current_password": TEST_PASSWORD, "new_password": "another-long-secret"},
    "POST /admin/specializations": lambda w: {"name": "Neurology", "description": "Brain and nerves"},
    "PUT /admin/specializations/<int:spec_id>": lambda w: {"description": "Updated"},
    "POST /admin/doctors": lambda w: {"email": "dr.new@example.com", "password": TEST_PASSWORD,
                                      "full_name": "Dr. New", "specialization_id": w["doctor"].specialization_id},
    "PUT /admin/doctors/<int:doctor_id>": lambda w: {"fee": 750},
    "PUT /doctor/schedule": lambda w: {"slot_minutes": 20, "weekly": [{"weekday": 0, "start": "09:00",
                                                                      "end": "12:00"}]},
    "POST /doctor/availability": lambda w: {"publish_days": 7},
    "POST /doctor/appointments/<int:appointment_id>/complete": lambda w: {"diagnosis": "Tension headache"},
    "PUT /patient/profile": lambda w: {"allergies": "Penicillin"},
    "POST /patient/appointments": lambda w: {"slot_id": w["free_slot"]},
    "POST /patient/appointments/<int:appointment_id>/cancel": lambda w: {},
    "POST /patient/appointments/<int:appointment_id>/reschedule": lambda w: {"slot_id": w["free_slot"]},
    "POST /patient/triage": lambda w: {"symptoms": "Mild headache since yesterday", "share_history": False},
    "POST /patient/triage/<int:assessment_id>/answers": lambda w: {"answers": {"fever": "no"}},
    "POST /admin/resources": lambda w: {"name": "City Hospital", "kind": "hospital", "phones": ["999"]},
    "PUT /admin/resources/<int:resource_id>": lambda w: {"hours": "24 hours"},
    # Raw bodies: (bytes, media type).
    "POST /admin/resources/import": lambda w: (b"name,kind\nCity Hospital,hospital\n", "text/csv"),
    "POST /patient/triage/photos": lambda w: (_a_photo(), "image/png"),
}

BODIES.update({
    "POST /auth/login/two-factor": lambda w: {"code": "123456"},
    "POST /auth/password/forgot": lambda w: {"email": w["patient"].user.email},
    "POST /auth/password/reset": lambda w: {"token": "not-a-real-token", "password": "another-long-secret"},
    "POST /auth/email/confirm": lambda w: {"token": "not-a-real-token"},
    "POST /auth/email": lambda w: {"new_email": "moved.here@example.com", "current_password": TEST_PASSWORD},
    "POST /auth/two-factor/enable": lambda w: {"code": "123456"},
    "POST /auth/two-factor/disable": lambda w: {"password": TEST_PASSWORD},
    "POST /auth/two-factor/recovery-codes": lambda w: {"password": TEST_PASSWORD},
    "POST /admin/patients": lambda w: {"full_name": "Walk-in Patient", "date_of_birth": "1950-03-04",
                                       "phone": "01711 000000"},
    "POST /admin/patients/<int:patient_id>/login": lambda w: {"email": "new.login@example.com"},
    "POST /admin/appointments": lambda w: {"patient_id": w["patient"].id, "slot_id": w["free_slot"]},
    "POST /admin/appointments/<int:appointment_id>/cancel": lambda w: {"reason": "The doctor is unwell"},
    "POST /admin/appointments/<int:appointment_id>/reschedule": lambda w: {"slot_id": w["free_slot"]},
    "POST /doctor/appointments/<int:appointment_id>/cancel": lambda w: {"reason": "I am unwell"},
    "POST /doctor/appointments/<int:appointment_id>/reschedule": lambda w: {"slot_id": w["free_slot"]},
    "POST /doctor/days/cancel": lambda w: {"date_from": (clinic_today() + timedelta(days=1)).isoformat(),
                                           "date_to": (clinic_today() + timedelta(days=1)).isoformat(),
                                           "reason": "Unwell"},
    "PUT /doctor/notifications": lambda w: {"notify_mode": "digest"},
})


def app_routes(app) -> set[str]:
    found = set()
    for rule in app.url_map.iter_rules():
        if rule.rule.startswith(PREFIXES):
            for method in rule.methods - {"HEAD", "OPTIONS"}:
                found.add(f"{method} {rule.rule}")
    return found


def test_every_route_has_an_entry(app):
    routes = app_routes(app)
    missing = sorted(routes - EXPECTED.keys())
    stale = sorted(EXPECTED.keys() - routes)
    assert not missing, f"routes without an authorization row: {missing}"
    assert not stale, f"rows for routes that don't exist: {stale}"
    for row, expected in EXPECTED.items():
        assert set(expected) == set(ACTORS), row


def test_every_role_restricted_view_declares_its_roles(app):
    for rule in app.url_map.iter_rules():
        if rule.rule.startswith(("/admin", "/doctor", "/patient")):
            view = app.view_functions[rule.endpoint]
            assert getattr(view, "allowed_roles", None), f"{rule.rule} has no role_required"


@pytest.fixture
def world(app, factory):
    doctor = factory.doctor(full_name="Dr. Owner")
    other_doctor = factory.doctor(full_name="Dr. Stranger")
    patient = factory.patient(full_name="Owner Patient")
    other_patient = factory.patient(full_name="Stranger Patient")
    admin = factory.admin()
    unused_spec = factory.specialization("Dermatology")
    day = clinic_today() + timedelta(days=1)
    booked = factory.slot(doctor, day, time(10, 0))
    free = factory.slot(doctor, day, time(11, 0))
    factory.slot(other_doctor, day, time(10, 0))
    booked.is_booked = True
    appointment = Appointment(patient_id=patient.id, doctor_id=doctor.id, slot_id=booked.id, date=day,
                              start_time=booked.start_time, end_time=booked.end_time, status="booked")
    assessment = TriageAssessment(patient_id=patient.id, symptoms="cough", status="done", urgency="routine",
                                  provider="rules", questions=[{"id": "fever", "text": "Do you have a fever?",
                                                                "kind": "yes_no", "why": "Fever with a cough"}])
    email = EmailOutbox(kind="test", recipient=patient.user.email, subject="Hello", dedupe_key="authorization-test",
                        message_id="<authorization-test@carequeue>", body_text="Hello")
    db.session.add_all([appointment, assessment, email])
    db.session.commit()
    return {"assessment": assessment.id, "outbox": email.id,"doctor": doctor, "other_doctor": other_doctor, "patient": patient, "other_patient": other_patient,
            "admin": admin, "unused_spec": unused_spec.id, "free_slot": free.id, "appointment": appointment.id}


def _url(rule: str, world: dict) -> str:
    return re.sub(r"<(?:\w+(?:\([^)]*\))?:)?(\w+)>", lambda m: str(PARAMS[m.group(1)](world)), rule)


CELLS = [(row, actor) for row in sorted(EXPECTED) for actor in ACTORS]


@pytest.mark.parametrize("row, actor", CELLS, ids=[f"{row} as {actor}" for row, actor in CELLS])
def test_route_answers_each_caller_as_expected(client, world, row, actor):
    method, rule = row.split(" ", 1)
    if actor != "anonymous":
        who = world[actor]
        client.login(who.email if actor == "admin" else who.user.email)
    body = BODIES.get(row, lambda w: None)(world)
    kwargs = ({"data": body[0], "content_type": body[1]} if isinstance(body, tuple)
              else {"json": body} if body is not None else {})
    response = client._call(method, _url(rule, world), **kwargs)
    assert response.status_code == EXPECTED[row][actor], (row, actor, response.get_json(silent=True))
