"""/api utilities: health, OpenAPI, exports and jobs."""
from __future__ import annotations

from flask import current_app, jsonify, request
from flask_login import current_user

from backend import contracts as c, spa
from backend.api import openapi
from backend.api.blueprint import bp
from backend.contracts import contract
from backend.services.ops import clinic, health


@bp.get("/health")
@contract(responses={200: c.HealthOut, 503: c.HealthOut})
def health_check():
    """Liveness, cheap and anonymous: the database and Redis now; the broker and workers as last seen."""
    report = health.liveness()
    return jsonify(report), (503 if report["status"] == "down" else 200)


@bp.get("/health/ready")
@contract(responses={200: c.HealthOut, 401: None, 403: None, 503: c.HealthOut})
def readiness_check():
    """Readiness for admins or a monitor with HEALTH_TOKEN: database, Redis, broker and workers (cached a few seconds)."""
    health.check_readiness_access(current_user.is_authenticated and current_user.role == "admin",
                                  request.headers.get("Authorization"))
    report = health.readiness()
    return jsonify(report), (503 if report["status"] == "down" else 200)


@bp.get("/config")
@contract(responses={200: c.ClinicConfigOut})
def clinic_config():
    """Public: the clinic's name, emergency number, time zone and languages, for every screen of the app."""
    return jsonify(clinic.public_config())


@bp.get("/openapi.json")
@contract(responses={200: c.OpenApiOut})
def openapi_document():
    """The OpenAPI 3 document of every route."""
    return jsonify(openapi.build_spec(current_app))


@bp.get("/docs")
def api_docs():
    """Browsable API reference (Swagger UI)."""
    return spa.api_docs_page()
