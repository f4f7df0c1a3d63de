"""The audit viewer: each audited action performed, then read back through GET /admin/audit; care-scoped
record access; the append-only trigger on SQLite and PostgreSQL."""
from __future__ import annotations

import csv
import io
import os
import uuid
from datetime import time, timedelta

import pytest
import sqlalchemy as sa
from flask_migrate import upgrade

from backend import PROJECT_ROOT
from backend.extensions import db
from backend.models import Job
from backend.services.exports import treatments as exports
from backend.services.clock import clinic_today
from tests.conftest import ApiClient, make_config


def as_user(app, email) -> ApiClient:
    client = ApiClient(app.test_client())
    client.login(email)
    return client


def actions(admin: ApiClient, **query) -> list[dict]:
    answer = admin.get("/admin/audit", query_string={"per_page": 100, **query})
    assert answer.status_code == 200, answer.get_json()
    return answer.get_json()["items"]


def test_each_audited_action_is_read_back_through_the_viewer(app, factory, make_appointment, tmp_path):
    doctor = factory.doctor(email="dr@example.com")
    patient = factory.patient(email="pat@example.com")
    admin_user = factory.admin(email="desk@example.com")
    appointment = make_appointment(patient=patient, doctor=doctor, day=clinic_today() + timedelta(days=2))
    admin = as_user(app, "desk@example.com")
    doctor_browser = as_user(app, "dr@example.com")

    # A doctor opens a history; an admin opens a patient; a failed login; a denied request.
    assert doctor_browser.get(f"/doctor/patients/{patient.id}/history").status_code == 200
    assert admin.get(f"/admin/patients/{patient.id}").status_code == 200
    assert ApiClient(app.test_client()).post("/auth/login", json={"email": "pat@example.com",
                                                                  "password": "wrong-password"}).status_code == 401
    assert doctor_browser.get("/admin/dashboard").status_code == 403
    # Staff change an appointment; the front desk registers a patient and books for them.
    assert admin.post(f"/admin/appointments/{appointment.id}/cancel", json={"reason": "Doctor away"}).status_code == 200
    created = admin.post("/admin/patients", json={"full_name": "Walk In", "date_of_birth": "1950-01-01"})
    slot = factory.slot(doctor, day=clinic_today() + timedelta(days=3))
    new_id = created.get_json()["patient"]["id"]
    assert admin.post("/admin/appointments", json={"patient_id": new_id, "slot_id": slot.id,
                                                   "override": True}).status_code == 201
    # An export download.
    path = tmp_path / "export.csv"
    path.write_text("a,b\n")
    job = Job(kind=exports.EXPORT_KIND, owner_id=patient.user_id, status="done", result_path=str(path),
              result_filename="export.csv", params={"scope": "patient"})
    db.session.add(job)
    db.session.commit()
    assert as_user(app, "pat@example.com").get(f"/api/jobs/{job.id}/download").status_code == 200

    everything = {row["action"] for row in actions(admin)}
    for expected in ("record.view", "user.login_failed", "request.denied", "appointment.cancel",
                     "patient.register_at_desk", "appointment.book", "export.download", "user.login"):
        assert expected in everything, expected

    # Filters: patient, action (prefix), actor, dates.
    for_patient = actions(admin, patient_id=patient.id)
    assert {r["action"] for r in for_patient} >= {"record.view", "appointment.cancel", "export.download"}
    views = actions(admin, action="record", patient_id=patient.id)
    assert sorted(r["details"]["view"] for r in views) == ["admin_patient", "doctor_history"]
    assert {r["actor"]["role"] for r in views} == {"admin", "doctor"}
    by_admin = actions(admin, actor_id=admin_user.id, action="appointment.book")
    assert len(by_admin) == 1 and by_admin[0]["details"]["override"] is True
    tomorrow = (clinic_today() + timedelta(days=1)).isoformat()
    assert actions(admin, date_from=tomorrow) == []
    assert admin.get("/admin/audit", query_string={"date_from": tomorrow, "date_to": "2000-01-01"}).status_code == 400

    # CSV export of the same filters, itself audited.
    exported = admin.get("/admin/audit/download", query_string={"patient_id": patient.id})
    assert exported.status_code == 200 and exported.mimetype == "text/csv"
    rows = list(csv.reader(io.StringIO(exported.get_data(as_text=True))))
    assert rows[0][:6] == ["id", "at", "actor_id", "actor", "role", "action"]
    # Every row of the patient's trail, and the export itself (a read about that patient), first.
    assert len(rows) - 1 == len(for_patient) + 1 and rows[1][5] == "audit.export"
    assert [int(row[0]) for row in rows[2:]] == [entry["id"] for entry in for_patient]


def test_a_doctor_reads_records_only_within_a_care_relationship(app, factory, make_appointment):
    doctor = factory.doctor(email="dr@example.com")
    me = as_user(app, "dr@example.com")

    def status(patient) -> int:
        return me.get(f"/doctor/patients/{patient.id}/history").status_code

    booked = factory.patient()
    make_appointment(patient=booked, doctor=doctor, day=clinic_today() + timedelta(days=1))
    recent = factory.patient()
    make_appointment(patient=recent, doctor=doctor, day=clinic_today() - timedelta(days=30), status="completed")
    old = factory.patient()
    make_appointment(patient=old, doctor=doctor, day=clinic_today() - timedelta(days=120), status="completed")
    cancelled = factory.patient()
    make_appointment(patient=cancelled, doctor=doctor, day=clinic_today() + timedelta(days=1), start=time(12),
                     status="cancelled")
    no_show = factory.patient()
    make_appointment(patient=no_show, doctor=doctor, day=clinic_today() - timedelta(days=2), status="no_show")
    assert [status(p) for p in (booked, recent, old, cancelled, no_show)] == [200, 200, 404, 404, 404]
    app.config["CARE_ACCESS_DAYS"] = 180
    assert status(old) == 200
    app.config["CARE_ACCESS_DAYS"] = 90
    logged = db.session.execute(sa.text(
        "SELECT action, count(*) FROM audit_log WHERE action LIKE 'record.%' GROUP BY action ORDER BY action")).all()
    assert [tuple(row) for row in logged] == [("record.view", 3), ("record.view_denied", 3)]


def _append_only_refuses(url: str, redis_url: str, instance_dir: str) -> None:
    from backend import create_app

    app = create_app(make_config(url, redis_url, instance_dir))
    with app.app_context():
        upgrade(directory=os.path.join(PROJECT_ROOT, "migrations"))
        with db.engine.begin() as conn:
            conn.execute(sa.text("INSERT INTO audit_log (action, details, at) VALUES ('test.row', '{}', "
                                 "CURRENT_TIMESTAMP)"))
        for statement in ("UPDATE audit_log SET action = 'changed'", "DELETE FROM audit_log"):
            with pytest.raises(sa.exc.DatabaseError, match="append-only"):
                with db.engine.begin() as conn:
                    conn.execute(sa.text(statement))
        with db.engine.connect() as conn:
            assert conn.execute(sa.text("SELECT action FROM audit_log")).scalars().all() == ["test.row"]
        db.engine.dispose()


def test_the_migrated_audit_log_refuses_update_and_delete_on_sqlite(tmp_path, redis_url, instance_dir, base_app):
    _append_only_refuses("sqlite:///" + str(tmp_path / "audit.db"), redis_url, instance_dir)


# The PostgreSQL leg of the suite (TEST_DATABASE_URL set) runs this against a fresh PostgreSQL database.
if os.environ.get("TEST_DATABASE_URL"):
    def test_the_migrated_audit_log_refuses_update_and_delete_on_postgresql(redis_url, instance_dir, database_url,
                                                                           base_app):
        name = f"carequeue_audit_{uuid.uuid4().hex[:8]}"
        admin = sa.create_engine(database_url, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
        try:
            _append_only_refuses(database_url.rsplit("/", 1)[0] + "/" + name, redis_url, instance_dir)
        finally:
            with admin.connect() as conn:
                conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            admin.dispose()
            from backend.extensions import redis_handle
            redis_handle.init_app(base_app)

