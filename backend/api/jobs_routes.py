"""/api routes for exports and user-visible jobs."""
from __future__ import annotations

from flask import jsonify, send_file
from flask_login import current_user

from backend import contracts as c
from backend.api.blueprint import bp
from backend.contracts import contract
from backend.security import client_ip, login_required
from backend.services.exports import treatments as exports
from backend.services.ops import jobs


@bp.post("/export/treatments")
@login_required
@contract(responses={202: c.JobQueued, 429: None, 503: None})
def export_treatments():
    job = exports.start_treatment_export(current_user)
    return jsonify({"job_id": job.id, "status": job.status}), 202


@bp.get("/jobs/<int:job_id>")
@login_required
@contract(responses={200: c.JobOut})
def job_status(job_id: int):
    return jsonify(jobs.serialize_job(jobs.job_for(current_user, job_id)))


@bp.get("/jobs/<int:job_id>/download")
@login_required
def download_job(job_id: int):
    path, filename = exports.download_path(jobs.job_for(current_user, job_id), actor_id=current_user.id,
                                           ip=client_ip())
    return send_file(path, mimetype="text/csv", as_attachment=True, download_name=filename, max_age=0)
