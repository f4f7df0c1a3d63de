"""services/triage/photos: a photo with a symptom check — checked by content, at most 5 MB, EXIF removed,
stored outside the web root, seen only by its patient and the doctors they booked with, sent to an AI
provider that reads images and ignored by the rules."""
from __future__ import annotations

import base64
import io
import os
from datetime import timedelta

import pytest
from PIL import Image

from backend.extensions import db
from backend.models import TriageAssessment
from backend.services.clock import clinic_today
from backend.services.triage import assessments, photos
from tests.conftest import ROOT
from tests.test_triage_providers import answer_json, fake_ai, ollama_reply, openai_reply  # noqa: F401 (fixture)

GPS_IFD = 0x8825
MAKE, MODEL, ORIENTATION, ARTIST = 0x010F, 0x0110, 0x0112, 0x013B


def image_bytes(kind: str = "JPEG", size=(64, 32), exif: bool = False, color=(200, 30, 30)) -> bytes:
    image = Image.new("RGB", size, color)
    image.putpixel((0, 0), (0, 0, 255))  # a marker in the top-left corner, to see the rotation
    out = io.BytesIO()
    extra = {}
    if exif:
        tags = Image.Exif()
        tags[MAKE], tags[MODEL], tags[ARTIST] = "PhoneMaker", "Model X", "Rahima Begum"
        tags[ORIENTATION] = 6  # "rotate 90° clockwise to view"
        tags.get_ifd(GPS_IFD).update({1: "N", 2: (23.0, 43.0, 30.0), 3: "E", 4: (90.0, 23.0, 50.0)})
        extra["exif"] = tags.tobytes()
    image.save(out, kind, **extra)
    return out.getvalue()


@pytest.fixture
def patient(client, factory):
    who = factory.patient()
    client.login(who.user.email)
    return who


def upload(client, data: bytes, content_type: str = "image/jpeg"):
    return client.post("/patient/triage/photos", data=data, content_type=content_type)


def check_with_photo(client, data: bytes, content_type: str = "image/jpeg") -> int:
    uploaded = upload(client, data, content_type)
    assert uploaded.status_code == 201, uploaded.get_json()
    created = client.post("/patient/triage", json={"symptoms": "itchy red rash on my arm for a week",
                                                   "photo_token": uploaded.get_json()["photo_token"]})
    assert created.status_code == 202, created.get_json()
    return created.get_json()["id"]


def stored_files() -> set[str]:
    return set(os.listdir(photos.photo_dir())) if os.path.isdir(photos.photo_dir()) else set()


@pytest.mark.parametrize("data, content_type", [
    (b"GIF89a" + image_bytes("GIF")[6:], "image/jpeg"),           # a GIF sent as a JPEG
    (b"%PDF-1.4 not a picture at all", "image/jpeg"),
    (b"<svg xmlns='http://www.w3.org/2000/svg'/>", "image/png"),
    (image_bytes("JPEG")[:200], "image/jpeg"),                        # cut off
    (b"", "image/png"),
])
def test_a_file_that_is_not_a_jpeg_png_or_webp_is_refused(app, client, patient, data, content_type):
    before = stored_files()
    answer = upload(client, data, content_type)
    assert answer.status_code == 400
    assert answer.get_json()["error"]["code"] == "invalid_image"
    assert stored_files() == before  # nothing written


def test_a_type_other_than_an_image_is_415(app, client, patient):
    assert upload(client, image_bytes(), "text/plain").status_code == 415


def test_a_photo_over_5_mb_is_413(app, client, patient):
    noise = Image.frombytes("RGB", (1400, 1400), os.urandom(1400 * 1400 * 3))
    out = io.BytesIO()
    noise.save(out, "PNG")
    big = out.getvalue()
    assert len(big) > photos.MAX_BYTES
    answer = upload(client, big, "image/png")
    assert answer.status_code == 413
    assert answer.get_json()["error"]["code"] == "too_large"


def test_a_decompression_bomb_is_refused(app, client, patient):
    out = io.BytesIO()
    Image.new("1", (12_000, 12_000)).save(out, "PNG")  # tiny file, 144 megapixels
    answer = upload(client, out.getvalue(), "image/png")
    assert answer.status_code == 400


@pytest.mark.parametrize("kind, mime", [("JPEG", "image/jpeg"), ("PNG", "image/png"), ("WEBP", "image/webp")])
def test_exif_is_removed_and_the_picture_turned_upright(app, client, patient, kind, mime):
    original = image_bytes(kind, exif=True)
    assert Image.open(io.BytesIO(original)).getexif().get(MAKE) == "PhoneMaker"
    assessment_id = check_with_photo(client, original, mime)

    served = client.get(f"/patient/triage/{assessment_id}/photo")
    assert served.status_code == 200 and served.mimetype == mime
    assert "no-store" in served.headers["Cache-Control"]
    image = Image.open(io.BytesIO(served.data))
    assert image.format == kind
    assert not image.getexif() and "exif" not in image.info and b"PhoneMaker" not in served.data
    assert b"Rahima" not in served.data
    assert image.size == (32, 64)  # orientation 6 applied, then dropped
    row = db.session.get(TriageAssessment, assessment_id)
    path = os.path.join(photos.photo_dir(), row.photo_name)
    assert os.path.isfile(path) and not os.path.abspath(path).startswith(os.path.join(ROOT, "frontend"))
    assert client.get(f"/patient/triage/{assessment_id}").get_json()["has_photo"] is True


def test_only_the_patient_and_the_doctors_they_booked_with_see_it(app, client, patient, factory, new_client,
                                                                  make_appointment):
    assessment_id = check_with_photo(client, image_bytes())
    stranger = new_client()
    stranger.login(factory.patient().user.email)
    assert stranger.get(f"/patient/triage/{assessment_id}/photo").status_code == 404

    booked, other = factory.doctor("Dermatology"), factory.doctor("Dermatology")
    make_appointment(patient=patient, doctor=booked, day=clinic_today() + timedelta(days=2))
    as_booked, as_other = new_client(), new_client()
    as_booked.login(booked.user.email)
    as_other.login(other.user.email)
    assert as_booked.get(f"/doctor/triage/{assessment_id}/photo").status_code == 200
    assert as_other.get(f"/doctor/triage/{assessment_id}/photo").status_code == 404
    assert client.get(f"/doctor/triage/{assessment_id}/photo").status_code == 403


def test_a_token_is_for_its_patient_only(app, client, patient, factory, new_client):
    token = upload(client, image_bytes()).get_json()["photo_token"]
    someone = new_client()
    someone.login(factory.patient().user.email)
    answer = someone.post("/patient/triage", json={"symptoms": "a rash", "photo_token": token})
    assert answer.status_code == 400 and "photo_token" in answer.get_json()["error"]["fields"]
    forged = client.post("/patient/triage", json={"symptoms": "a rash", "photo_token": token[:-4] + "AAAA"})
    assert forged.status_code == 400


def test_the_rules_ignore_the_photo(app, client, patient):
    with_photo = check_with_photo(client, image_bytes())
    without = client.post("/patient/triage", json={"symptoms": "itchy red rash on my arm for a week"}).get_json()["id"]
    a, b = (client.get(f"/patient/triage/{i}").get_json() for i in (with_photo, without))
    assert (a["urgency"], a["specialization"], a["advice"]) == (b["urgency"], b["specialization"], b["advice"])


@pytest.mark.parametrize("kind", ["ollama", "openai"])
def test_a_provider_that_reads_images_gets_the_photo(app, client, patient, fake_ai, kind):  # noqa: F811
    reply = ollama_reply(answer_json(urgency="routine")) if kind == "ollama" else openai_reply(answer_json(urgency="routine"))
    fake_ai.reply(reply)
    app.config.update(TRIAGE_PROVIDER=kind, TRIAGE_URL=fake_ai.url, TRIAGE_MODEL="vision-model", TRIAGE_IMAGES=True)
    try:
        assessment_id = check_with_photo(client, image_bytes())
        assessments.answer_assessment(assessment_id)
    finally:
        app.config.update(TRIAGE_PROVIDER="rules", TRIAGE_URL=None, TRIAGE_MODEL=None, TRIAGE_IMAGES=False)
    with open(os.path.join(photos.photo_dir(), db.session.get(TriageAssessment, assessment_id).photo_name), "rb") as fh:
        stored = fh.read()
    user = fake_ai.requests[-1]["json"]["messages"][-1]
    if kind == "ollama":
        assert base64.b64decode(user["images"][0]) == stored and isinstance(user["content"], str)
    else:
        text, picture = user["content"]
        assert text["type"] == "text" and "rash" in text["text"]
        assert picture["image_url"]["url"] == "data:image/jpeg;base64," + base64.b64encode(stored).decode()


def test_a_text_only_provider_gets_no_photo(app, client, patient, fake_ai):  # noqa: F811
    fake_ai.reply(ollama_reply(answer_json(urgency="routine")))
    app.config.update(TRIAGE_PROVIDER="ollama", TRIAGE_URL=fake_ai.url, TRIAGE_MODEL="text-model", TRIAGE_IMAGES=False)
    try:
        assessments.answer_assessment(check_with_photo(client, image_bytes()))
    finally:
        app.config.update(TRIAGE_PROVIDER="rules", TRIAGE_URL=None, TRIAGE_MODEL=None)
    assert "images" not in fake_ai.requests[-1]["json"]["messages"][-1]
