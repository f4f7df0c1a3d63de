"""/api utilities: health, OpenAPI, exports and jobs."""
from __future__ import annotations

from flask import current_app, jsonify

from backend import contracts as c, spa
from backend.api import openapi
from backend.api.blueprint import bp
from backend.contracts import contract
from backend.services.ops import clinic, health


@bp.get("/health")
@contract(responses={200: c.HealthOut, 503: c.HealthOut})
def health_check():
    """Health of the database, Redis, the broker and the workers."""
    report = health.check()
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
