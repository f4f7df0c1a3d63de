"""Issue 13, "Everyday polish": the server side of the defects a clinic hits first.

Each test names the numbered point it guards. The screens themselves are checked in
tests/browser/test_screen_review.py and tests/browser/test_everyday_polish.py.
"""
from __future__ import annotations

import os
import re
from datetime import time, timedelta

import pytest

from backend.extensions import db
from backend.models import Job
from backend.services import clock
from backend.services.clock import clinic_today
from tests.conftest import ROOT

ROUTER = os.path.join(ROOT, "frontend", "router.js")
EMAIL_TEMPLATES = os.path.join(ROOT, "backend", "templates", "email")
RAW_VALIDATOR_WORDS = re.compile(r"String should|Input should|should match pattern|valid integer|Field required|"
                                 r"Value error|\^\[")


def app_route_patterns() -> list[re.Pattern]:
    """Every path of frontend/router.js as a regular expression (`:id` matches one segment)."""
    with open(ROUTER, encoding="utf-8") as fh:
        source = fh.read()
    paths = re.findall(r"\{\s*path:\s*'([^']+)'", source)
    patterns = []
    for path in paths:
        if path.startswith("/:pathMatch"):
            continue  # the catch-all "Page not found"
        patterns.append(re.compile("^" + re.sub(r":\w+", r"[^/]+", path) + "$"))
    return patterns


# ---- 2. every email's link opens a page of the app ---------------------------------------------------


def test_every_link_in_every_email_opens_a_page_of_the_app():
    """Point 2: `/#/appointments` (and every other link an email carries) is a route, not "Page not found"."""
    patterns = app_route_patterns()
    assert any(p.match("/patient/appointments") for p in patterns)
    links = set()
    # Every language's templates (email/bn/ holds the Bangla ones).
    paths = [os.path.join(folder, name) for folder, _dirs, names in os.walk(EMAIL_TEMPLATES) for name in names]
    for path in paths:
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
        links.update(re.findall(r"/#(/[A-Za-z0-9_/\-{}. ]*?)(?=[\"'?\s<]|$)", text))
    # Links already sent in older emails must keep working too.
    links.update({"/appointments", "/doctor/appointments", "/exports/12"})
    assert "/appointments" in links
    unknown = sorted(link for link in links
                     if not any(p.match(re.sub(r"\{\{.*?\}\}", "1", link).rstrip("/") or "/") for p in patterns))
    assert not unknown, f"email links with no page in the app: {unknown}"


def test_the_export_email_links_to_the_app_page_not_the_raw_file(app, factory, make_appointment):
    """Point 2: opened logged out, the link shows the login page (the SPA route asks for it), never JSON."""
    import sqlalchemy as sa

    from backend.models import EmailOutbox
    from backend.services.exports import treatments as exports

    patient = factory.patient()
    make_appointment(patient=patient, day=clinic_today() - timedelta(days=3), status="completed", diagnosis="Flu")
    job = Job(kind="export_treatments", owner_id=patient.user.id, status="queued", params={"scope": "patient"})
    db.session.add(job)
    db.session.commit()
    exports.run_treatment_export(job.id)
    email = db.session.execute(sa.select(EmailOutbox).where(EmailOutbox.kind == "export_ready")).scalar_one()
    assert f"/#/exports/{job.id}" in email.body_text and f"/#/exports/{job.id}" in email.body_html
    assert any(p.match(f"/exports/{job.id}") for p in app_route_patterns())


# ---- 3. outcomes are offered only once the visit has started ----------------------------------------


def test_the_queue_says_whether_an_outcome_can_be_recorded_yet(app, client, factory, make_appointment):
    """Point 3: each visit in the doctor's list carries `outcome_possible`, false before its start time."""
    doctor = factory.doctor()
    now = clock.clinic_now()
    later = (now + timedelta(hours=2)).replace(minute=0, second=0, microsecond=0)
    earlier = (now - timedelta(hours=2)).replace(minute=0, second=0, microsecond=0)
    future = make_appointment(doctor=doctor, day=later.date(), start=later.time())
    started = make_appointment(doctor=doctor, day=earlier.date(), start=earlier.time())
    client.login(doctor.user.email)
    items = {}
    for scope in ("today", "upcoming", "past"):
        for item in client.get(f"/doctor/appointments?scope={scope}").get_json()["items"]:
            items[item["id"]] = item
    assert items[future.id]["outcome_possible"] is False
    assert items[started.id]["outcome_possible"] is True
    refused = client.post(f"/doctor/appointments/{future.id}/no-show")
    assert refused.status_code == 422 and refused.get_json()["error"]["code"] == "not_started"


# ---- 5. the queue and the dashboard count the same visits --------------------------------------------


def test_doctor_dashboard_counts_are_the_queue_tabs(app, client, factory, make_appointment, monkeypatch):
    """Point 5: finished visits drop below the ones still to see; "Upcoming" counts the Upcoming tab."""
    doctor = factory.doctor()
    today = clinic_today()
    # 06:00 at the clinic: nothing today has started yet.
    monkeypatch.setattr(clock, "utc_now", lambda: clock.local_to_utc(today, time(6, 0)))
    done = make_appointment(doctor=doctor, day=today, start=time(8, 0), status="completed", diagnosis="Cold")
    missed = make_appointment(doctor=doctor, day=today, start=time(8, 30), status="no_show")
    waiting = [make_appointment(doctor=doctor, day=today, start=start) for start in (time(14, 0), time(15, 0))]
    ahead = make_appointment(doctor=doctor, day=today + timedelta(days=3), start=time(9, 0))
    client.login(doctor.user.email)

    dashboard = client.get("/doctor/dashboard").get_json()
    tabs = {scope: client.get(f"/doctor/appointments?scope={scope}").get_json()
            for scope in ("today", "upcoming")}
    assert dashboard["today"] == tabs["today"]["total"] == 4
    assert dashboard["upcoming"] == tabs["upcoming"]["total"] == 1
    assert [item["id"] for item in tabs["upcoming"]["items"]] == [ahead.id]
    assert [item["id"] for item in tabs["today"]["items"]] == [waiting[0].id, waiting[1].id, done.id, missed.id]


# ---- 7. field errors in plain words -------------------------------------------------------------------


@pytest.mark.parametrize("body, field, expected", [
    ({"email": "a@example.com", "password": "long-enough-1", "full_name": ""}, "full_name", "This is required."),
    ({"email": "a@example.com", "password": "long-enough-1", "full_name": "Amina", "phone": "call me"},
     "phone", "Enter a phone number using digits, spaces, +, ( ) or -, at least 5 characters."),
    ({"email": "a@example.com", "password": "long-enough-1", "full_name": "Amina", "sex": "f"},
     "sex", "Choose female, male or other."),
    ({"email": "a@example.com", "password": "long-enough-1"}, "full_name", "This is required."),
    ({"email": "a@example.com", "password": "long-enough-1", "full_name": "Amina", "date_of_birth": "yesterday"},
     "date_of_birth", "Enter a date (day, month and year)."),
])
def test_registration_field_errors_are_plain_words(client, body, field, expected):
    """Point 7: the validator's own words never reach people; `fields` carries a sentence."""
    response = client.post("/auth/register", json=body)
    assert response.status_code == 400
    fields = response.get_json()["error"]["fields"]
    assert fields[field] == expected
    assert not any(RAW_VALIDATOR_WORDS.search(message) for message in fields.values()), fields


def test_admin_form_field_errors_are_plain_words(client, factory):
    """Point 7, as the admin's doctor form sees it: numbers, lengths and ids."""
    factory.specialization()
    client.login(factory.admin().email)
    response = client.post("/admin/doctors", json={
        "email": "new@clinic.example", "password": "long-enough-1", "full_name": "Dr. New",
        "specialization_id": "x", "experience_years": "ten", "fee": "lots", "qualification": "x" * 500})
    assert response.status_code == 400
    fields = response.get_json()["error"]["fields"]
    assert fields["experience_years"] == "Enter a whole number."
    assert fields["fee"] == "Enter an amount, such as 1200 or 1200.50."
    assert fields["qualification"].startswith("Use at most ")
    assert not any(RAW_VALIDATOR_WORDS.search(message) for message in fields.values()), fields


# ---- 8. admin pages name people ---------------------------------------------------------------------


def test_admin_jobs_name_their_owner(app, client, factory):
    """Point 8: the Jobs list shows who started each job, not a raw id."""
    patient = factory.patient(full_name="Amina Rahman")
    db.session.add(Job(kind="export_treatments", owner_id=patient.user.id, status="done", params={}))
    db.session.commit()
    client.login(factory.admin().email)
    item = client.get("/admin/jobs").get_json()["items"][0]
    assert item["owner"] == {"id": patient.user.id, "name": "Amina Rahman", "email": patient.user.email,
                             "role": "patient"}


# ---- 9. a visitor's page load asks who is logged in without an error --------------------------------


def test_session_status_answers_200_whether_logged_in_or_not(client, factory):
    """Point 9: `GET /auth/session` answers 200 with `user: null` to a visitor (no 401 in the console)."""
    visitor = client.get("/auth/session")
    assert visitor.status_code == 200
    assert visitor.get_json()["user"] is None and visitor.get_json()["csrf_token"]
    # What the app needs to show clinic dates and fees: the clinic's zone and currency.
    assert visitor.get_json()["clinic"]["timezone"] == client.raw.application.config["CLINIC_TIMEZONE"]
    assert visitor.get_json()["clinic"]["currency"] == "BDT"
    patient = factory.patient(full_name="Amina Rahman")
    client.login(patient.user.email)
    me = client.get("/auth/session").get_json()
    assert me["user"]["full_name"] == "Amina Rahman" and me["user"]["role"] == "patient"
