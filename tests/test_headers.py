"""Response headers: no-store on every authenticated API answer, nosniff everywhere, HSTS in production."""
from __future__ import annotations

from config import ProdConfig

from backend.extensions import db
from backend.models import Job
from backend.services.exports import treatments as exports


def test_authenticated_api_answers_are_not_stored(client, factory):
    client.login(factory.patient().user.email)
    for url in ("/patient/profile", "/patient/appointments", "/auth/me"):
        response = client.get(url)
        assert response.status_code == 200
        assert response.headers["Cache-Control"] == "no-store"
        assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_the_login_answer_and_errors_to_a_logged_in_user_are_not_stored(client, factory):
    login = client.login(factory.patient().user.email)
    assert login.headers["Cache-Control"] == "no-store"
    for url in ("/api/jobs/999999", "/patient/no-such-route"):
        assert client.get(url).headers["Cache-Control"] == "no-store", url


def test_the_csv_download_is_nosniff_and_not_stored(client, factory, make_appointment):
    patient = factory.patient()
    make_appointment(patient=patient, status="completed", diagnosis="Asthma")
    job = Job(kind=exports.EXPORT_KIND, owner_id=patient.user.id, status="queued", params={})
    db.session.add(job)
    db.session.commit()
    exports.run_treatment_export(job.id)
    client.login(patient.user.email)
    response = client.get(f"/api/jobs/{job.id}/download")
    assert response.status_code == 200 and response.mimetype == "text/csv"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Cache-Control"] == "no-store"


def test_anonymous_and_static_answers_are_nosniff_and_keep_their_caching(client):
    for url in ("/api/config", "/", "/api/health", "/no-such-page"):
        response = client.get(url)
        assert response.headers["X-Content-Type-Options"] == "nosniff", url
        assert response.headers.get("Cache-Control") != "no-store", url
    assert "Strict-Transport-Security" not in client.get("/api/config").headers


def test_production_sends_hsts(make_app, monkeypatch):
    monkeypatch.setenv("SECRET_KEY", "x" * 40)
    assert ProdConfig().HSTS_MAX_AGE == 365 * 24 * 3600
    app = make_app(HSTS_MAX_AGE=ProdConfig().HSTS_MAX_AGE)
    response = app.test_client().get("/api/config")
    assert response.headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"
