"""/api utilities: health, OpenAPI, exports and jobs."""
from __future__ import annotations

from flask import jsonify

from backend.api import bp
from backend.services import health


@bp.get("/health")
def health_check():
    report = health.check()
    return jsonify(report), (503 if report["status"] == "down" else 200)
