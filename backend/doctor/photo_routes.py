"""/doctor/triage/<id>/photo: the photo a patient added to a symptom check, for the doctors they booked with."""
from __future__ import annotations

from flask import send_file

from backend.contracts import contract
from backend.doctor.blueprint import bp
from backend.security import current_profile_id, role_required
from backend.services.triage import photos


@bp.get("/triage/<int:assessment_id>/photo")
@role_required("doctor")
@contract(responses={200: None})
def get_triage_photo(assessment_id: int):
    """A symptom-check photo; 404 unless the patient has an appointment with this doctor."""
    path, mime = photos.photo_for_doctor(current_profile_id("doctor"), assessment_id)
    response = send_file(path, mimetype=mime, max_age=0, conditional=False)
    response.headers["Cache-Control"] = "private, no-store"
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
