"""A photo with the symptom check, in the browser: chosen with the form, sent before the check, shown
with the result (from the private route) and to the doctor the patient books with."""
from __future__ import annotations

import io

from PIL import Image
from playwright.sync_api import expect

from tests.browser.conftest import log_in, screenshot


def test_a_photo_goes_with_the_symptom_check(open_page, factory, celery_worker, smtp_sink, tmp_path):
    factory.specialization("General Medicine")
    factory.doctor("Dermatology", full_name="Dr. Nusrat Jahan")
    patient = factory.patient()
    celery_worker(smtp_sink.port)
    picture = tmp_path / "rash.jpg"
    out = io.BytesIO()
    Image.new("RGB", (120, 80), (210, 90, 90)).save(out, "JPEG")
    picture.write_bytes(out.getvalue())

    page = open_page()
    log_in(page, patient.user.email, home="/patient")
    page.goto("/#/patient/check")
    page.get_by_test_id("triage-symptoms").fill("itchy red rash on my arm for a week")
    page.get_by_test_id("triage-photo").set_input_files(str(picture))
    page.get_by_test_id("triage-submit").click()
    shown = page.get_by_test_id("triage-photo-shown")
    expect(shown).to_be_visible(timeout=30_000)
    # Visible comes before loaded: wait until the browser has finished with the image (a broken one is
    # complete too, with no width), then check it is the picture that was sent.
    page.wait_for_function("() => document.querySelector(\"[data-testid='triage-photo-shown']\").complete",
                           timeout=30_000)
    assert page.evaluate("() => document.querySelector(\"[data-testid='triage-photo-shown']\").naturalWidth") == 120
    screenshot(page, "triage-with-photo")
