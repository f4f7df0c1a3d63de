"""Photos with a symptom check (a rash, a wound): checked by content, cleaned, stored privately.

A photo is JPEG, PNG or WebP by what Pillow reads in it, not by its name or the type the
browser claims, at most 5 MB. It is decoded and encoded again, which drops EXIF and every
other piece of metadata (a phone's GPS position, the camera's serial number), after turning
it the way EXIF said it should face. The file lives under TRIAGE_PHOTO_DIR (by default the
instance folder), never under a served folder, with a random name; only its patient and the
doctors that patient has booked with can see it. The rules ignore it; an AI provider that
reads images gets it with the text.

Uploading comes first and answers a signed token (valid for a day, for that patient only);
the symptom check names the token, so the photo is on the assessment before any worker reads it.
"""
from __future__ import annotations

import io
import os
import secrets
import warnings
from dataclasses import dataclass

import sqlalchemy as sa
from flask import current_app
from itsdangerous import BadSignature, URLSafeTimedSerializer
from PIL import Image, ImageOps, UnidentifiedImageError

from backend.errors import InvalidInput, NotFound
from backend.extensions import db
from backend.models import Appointment, TriageAssessment

MAX_BYTES = 5 * 1024 * 1024
MAX_PIXELS = 40_000_000  # 40 megapixels: more than any phone camera, less than a decompression bomb
FORMATS = {"JPEG": ("image/jpeg", "jpg"), "PNG": ("image/png", "png"), "WEBP": ("image/webp", "webp")}
TOKEN_MAX_AGE = 24 * 60 * 60
TOKEN_SALT = "triage-photo"
NOT_AN_IMAGE = "The photo must be a JPEG, PNG or WebP image."


@dataclass(frozen=True)
class StoredPhoto:
    name: str
    mime: str
    size: int


def photo_dir() -> str:
    return current_app.config.get("TRIAGE_PHOTO_DIR") or os.path.join(current_app.instance_path, "triage_photos")


def _serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=TOKEN_SALT)


def clean_image(data: bytes) -> tuple[bytes, str, str]:
    """The image encoded again without metadata: (bytes, mime type, file extension), or InvalidInput."""
    if len(data) > MAX_BYTES:
        raise InvalidInput("The photo is larger than 5 MB. Take it again at a lower resolution.",
                           code="too_large", status=413, fields={"photo": "At most 5 MB."})
    if not data:
        raise InvalidInput(NOT_AN_IMAGE, code="invalid_image", fields={"photo": NOT_AN_IMAGE})
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            probe = Image.open(io.BytesIO(data))
            kind = probe.format
            if kind not in FORMATS:
                raise InvalidInput(NOT_AN_IMAGE, code="invalid_image", fields={"photo": NOT_AN_IMAGE})
            if probe.width * probe.height > MAX_PIXELS:
                raise InvalidInput("The photo has too many pixels.", code="invalid_image",
                                   fields={"photo": "At most 40 megapixels."})
            probe.verify()  # a truncated or corrupt file stops here
            image = Image.open(io.BytesIO(data))
            image.load()
            image = ImageOps.exif_transpose(image)
    except InvalidInput:
        raise
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError,
            Image.DecompressionBombWarning):
        raise InvalidInput(NOT_AN_IMAGE, code="invalid_image", fields={"photo": NOT_AN_IMAGE}) from None
    mime, extension = FORMATS[kind]
    if kind == "JPEG":
        mode = "L" if image.mode in ("L", "LA") else "RGB"
    else:
        mode = "RGBA" if image.mode in ("RGBA", "LA", "P", "PA") or "transparency" in image.info else "RGB"
    pixels = image.convert(mode)
    # A new image holds only pixels: no EXIF, XMP, ICC profile, comments or thumbnails come along.
    clean = Image.new(mode, pixels.size)
    clean.paste(pixels)
    out = io.BytesIO()
    if kind == "JPEG":
        clean.save(out, "JPEG", quality=90, optimize=True)
    elif kind == "PNG":
        clean.save(out, "PNG", optimize=True)
    else:
        clean.save(out, "WEBP", quality=90)
    return out.getvalue(), mime, extension


def upload_photo(patient_id: int, data: bytes) -> dict:
    """Check, clean and store a photo; answers the token a symptom check names it by."""
    cleaned, mime, extension = clean_image(data)
    directory = photo_dir()
    os.makedirs(directory, mode=0o700, exist_ok=True)
    name = f"{secrets.token_hex(16)}.{extension}"
    path = os.path.join(directory, name)
    with open(path + ".part", "wb") as handle:
        handle.write(cleaned)
    os.replace(path + ".part", path)
    token = _serializer().dumps({"p": patient_id, "f": name, "t": mime, "s": len(cleaned)})
    return {"photo_token": token, "type": mime, "size": len(cleaned)}


def claim_photo(patient_id: int, token: str) -> StoredPhoto:
    """The stored photo a token names, if it is this patient's and still on disk."""
    try:
        data = _serializer().loads(token, max_age=TOKEN_MAX_AGE)
    except BadSignature:
        raise InvalidInput("The photo has expired or is not valid. Add it again.",
                           fields={"photo_token": "Add the photo again."}) from None
    if not isinstance(data, dict) or data.get("p") != patient_id or not os.path.isfile(
            os.path.join(photo_dir(), str(data.get("f")))):
        raise InvalidInput("The photo has expired or is not valid. Add it again.",
                           fields={"photo_token": "Add the photo again."})
    return StoredPhoto(name=data["f"], mime=data["t"], size=int(data["s"]))


def _file(assessment: TriageAssessment | None) -> tuple[str, str]:
    if assessment is None or not assessment.photo_name:
        raise NotFound("No such photo.")
    path = os.path.join(photo_dir(), assessment.photo_name)
    if not os.path.isfile(path):
        raise NotFound("No such photo.")
    return path, assessment.photo_type or "application/octet-stream"


def photo_for_patient(patient_id: int, assessment_id: int) -> tuple[str, str]:
    """(path, mime type) of a patient's own assessment photo; another patient's is simply not found."""
    assessment = db.session.execute(sa.select(TriageAssessment).where(
        TriageAssessment.id == assessment_id, TriageAssessment.patient_id == patient_id)).scalar_one_or_none()
    return _file(assessment)


def photo_for_doctor(doctor_id: int, assessment_id: int) -> tuple[str, str]:
    """A doctor sees a photo only of a patient who has booked with them."""
    booked_with = sa.select(Appointment.id).where(Appointment.doctor_id == doctor_id,
                                                  Appointment.patient_id == TriageAssessment.patient_id)
    assessment = db.session.execute(sa.select(TriageAssessment).where(
        TriageAssessment.id == assessment_id, sa.exists(booked_with))).scalar_one_or_none()
    return _file(assessment)


def photo_for_provider(assessment: TriageAssessment) -> list[dict]:
    """The photo as an AI provider takes it, when the configured model reads images; else nothing."""
    if not assessment.photo_name or not current_app.config.get("TRIAGE_IMAGES"):
        return []
    try:
        path, mime = _file(assessment)
        with open(path, "rb") as handle:
            return [{"mime": mime, "data": handle.read()}]
    except (NotFound, OSError):
        return []
