"""/patient/triage photos: a picture (a rash, a wound) to go with a symptom check, and the patient's own copy."""
from __future__ import annotations

from flask import jsonify, request, send_file
from flask_login import current_user

from backend import contracts as c
from backend.contracts import contract
from backend.errors import InvalidInput
from backend.extensions import limiter
from backend.patient.blueprint import bp
from backend.security import current_profile_id, role_required
from backend.services.triage import photos

PHOTO_TYPES = ("image/jpeg", "image/png", "image/webp", "application/octet-stream")


def _per_patient() -> str:
    return f"triage-photo:{current_user.id}"


@bp.post("/triage/photos")
@role_required("patient")
@limiter.limit("30 per hour", key_func=_per_patient)
@contract(raw_body="image/jpeg", responses={201: c.PhotoUploaded, 413: None, 415: None})
def upload_triage_photo():
    """Upload a photo (JPEG, PNG or WebP, at most 5 MB); name its token in POST /patient/triage."""
    if request.mimetype not in PHOTO_TYPES:
        raise InvalidInput("Send the photo as image/jpeg, image/png or image/webp.", code="unsupported_media_type",
                           status=415)
    # The one route that takes more than the app-wide body limit; the content is checked, not the type.
    request.max_content_length = photos.MAX_BYTES + 1
    return jsonify(photos.upload_photo(current_profile_id("patient"), request.get_data(cache=False))), 201


@bp.get("/triage/<int:assessment_id>/photo")
@role_required("patient")
@contract(responses={200: None})
def get_triage_photo(assessment_id: int):
    """The photo of one of the patient's own symptom checks."""
    path, mime = photos.photo_for_patient(current_profile_id("patient"), assessment_id)
    return _private_image(path, mime)


def _private_image(path: str, mime: str):
    response = send_file(path, mimetype=mime, max_age=0, conditional=False)
    # Patient data: never kept by a shared cache or the browser's disk cache, never shown as anything but an image.
    response.headers["Cache-Control"] = "private, no-store"
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
