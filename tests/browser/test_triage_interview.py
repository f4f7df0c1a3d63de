"""The triage interview in the browser: a chest complaint that is urgent at first becomes an emergency after a
"yes" to a red-flag question, and the emergency panel shows the clinic's configured number (not 999).
Desktop and a 375 px phone; messages never cover the booking buttons or the warning signs."""
from __future__ import annotations

import os
import re
from datetime import timedelta

import pytest
from playwright.sync_api import expect

from backend.services.clock import clinic_now
from tests.browser.conftest import ARTIFACTS, log_in, screenshot
from tests.conftest import gunicorn_server

EMERGENCY_NUMBER = "112"
CLINIC_NAME = "Green Road Clinic"
CHEST = "I have had chest pain since this morning"
PHONE = {"viewport": {"width": 375, "height": 812}, "is_mobile": True, "has_touch": True, "device_scale_factor": 2}


@pytest.fixture
def live_server(app, smtp_sink, database_url, redis_url, instance_dir, tmp_path):
    """The app under gunicorn with a clinic whose emergency number is not 999."""
    with gunicorn_server(database_url, redis_url, instance_dir, str(tmp_path / "gunicorn.log"),
                         MAIL_SERVER="127.0.0.1", MAIL_PORT=smtp_sink.port,
                         MAIL_SINK_DIR=app.config["MAIL_SINK_DIR"], EXPORT_DIR=app.config["EXPORT_DIR"],
                         EMERGENCY_NUMBER=EMERGENCY_NUMBER, CLINIC_NAME=CLINIC_NAME) as base:
        yield base


def overlapping(page, covering: str, covered: str) -> list[str]:
    """Pairs of elements where one matched by `covering` overlaps one matched by `covered` on screen."""
    return page.evaluate("""([covering, covered]) => {
      const boxes = (selector) => [...document.querySelectorAll(selector)].map((el) => [el, el.getBoundingClientRect()])
        .filter(([, r]) => r.width > 0 && r.height > 0)
      const found = []
      for (const [a, ra] of boxes(covering)) for (const [b, rb] of boxes(covered)) {
        if (ra.left < rb.right && rb.left < ra.right && ra.top < rb.bottom && rb.top < ra.bottom) found.push(`${a.textContent} / ${b.textContent}`)
      }
      return found
    }""", [covering, covered])


def add_slots_soon(factory, doctor) -> None:
    """Free times within the next day, so an urgent answer offers them."""
    for hours in (3, 4, 5):
        start = (clinic_now() + timedelta(hours=hours)).replace(minute=0, second=0, microsecond=0)
        factory.slot(doctor, day=start.date(), start=start.time())


def check_chest_pain(page) -> None:
    page.get_by_test_id("triage-symptoms").fill(CHEST)
    page.get_by_test_id("triage-submit").click()
    result = page.get_by_test_id("triage-result")
    expect(result).to_have_attribute("data-urgency", "urgent", timeout=30_000)


def answer_yes_to_breathlessness(page) -> None:
    question = page.get_by_test_id("question-shortness_of_breath")
    expect(question).to_contain_text("short of breath")
    expect(question).to_contain_text("Why we ask:")
    page.get_by_test_id("answer-shortness_of_breath-yes").check()
    page.get_by_test_id("triage-answer-submit").click()


def expect_emergency_with_the_configured_number(page) -> None:
    panel = page.get_by_test_id("triage-emergency")
    # The first answer in a fresh web worker loads the knowledge base: allow for it on a busy machine.
    expect(panel).to_be_visible(timeout=30_000)
    expect(page.get_by_test_id("triage-result")).to_have_attribute("data-urgency", "emergency")
    number = panel.get_by_test_id("emergency-number")
    expect(number).to_have_text(f"Call {EMERGENCY_NUMBER}")
    expect(number).to_have_attribute("href", f"tel:{EMERGENCY_NUMBER}")
    expect(page.get_by_test_id("triage-raised")).to_contain_text("Urgent")
    expect(page.get_by_test_id("red-flags")).to_be_visible()
    expect(page.get_by_test_id("triage-answered")).to_contain_text("Yes")
    expect(page.locator("[data-testid^='book-slot-']")).to_have_count(0)
    assert not re.search(r"(?<![\d.])999(?!\d)", page.inner_text("body")), "a hard-coded 999 is shown"


def test_a_yes_to_a_red_flag_question_turns_chest_pain_into_an_emergency(open_page, factory, celery_worker,
                                                                          smtp_sink):
    factory.specialization("General Medicine")
    cardiologist = factory.doctor("Cardiology", full_name="Dr. Selim Chowdhury")
    add_slots_soon(factory, cardiologist)
    patient = factory.patient(email="rahim@example.com", full_name="Rahim Mia")
    celery_worker(smtp_sink.port, EMERGENCY_NUMBER=EMERGENCY_NUMBER, CLINIC_NAME=CLINIC_NAME)

    page = open_page()
    log_in(page, patient.user.email, home="/patient")
    expect(page.get_by_test_id("footer-emergency")).to_contain_text(f"call {EMERGENCY_NUMBER}")
    expect(page.locator("footer")).to_contain_text(CLINIC_NAME)
    page.get_by_test_id("nav-check").click()
    expect(page.get_by_test_id("triage-form")).to_contain_text(f"Call {EMERGENCY_NUMBER} for chest pain")
    check_chest_pain(page)

    # Urgent at first: no emergency panel, booking offered, and questions under the answer.
    expect(page.get_by_test_id("triage-emergency")).to_have_count(0)
    expect(page.locator("[data-testid^='book-slot-']").first).to_be_visible()
    expect(page.get_by_test_id("triage-questions")).to_be_visible()
    page.get_by_test_id("triage-why").locator("summary").click()
    expect(page.get_by_test_id("triage-findings")).to_contain_text("chest pain")
    expect(page.get_by_test_id("triage-conditions")).to_contain_text("fits what you described")
    screenshot(page, "triage-interview-questions")
    assert overlapping(page, "[data-testid='toast']", "[data-testid^='book-slot-'], [data-testid='red-flags'] li") == []

    answer_yes_to_breathlessness(page)
    expect_emergency_with_the_configured_number(page)
    screenshot(page, "triage-interview-emergency")
    assessment_id = page.url.rsplit("/", 1)[-1]

    # The history page lists the check with its question and answer.
    page.get_by_test_id("triage-history-link").click()
    item = page.locator(f"[data-testid='triage-history-item'][data-triage-id='{assessment_id}']")
    expect(item).to_contain_text("Emergency")
    expect(item.get_by_test_id("triage-history-qa")).to_contain_text("short of breath")
    expect(item.get_by_test_id("triage-history-qa")).to_contain_text("Yes")

    # An unknown assessment says so, without a spinner.
    page.evaluate("location.hash = '#/patient/check/999999'")
    open_page.allow_console(r"404")
    expect(page.get_by_test_id("triage-not-found")).to_contain_text("No such assessment")
    expect(page.get_by_test_id("triage-waiting")).to_have_count(0)


def test_on_a_phone_messages_never_cover_the_booking_buttons_or_the_warning_signs(open_page, factory,
                                                                                  celery_worker, smtp_sink):
    factory.specialization("General Medicine")
    cardiologist = factory.doctor("Cardiology", full_name="Dr. Selim Chowdhury")
    add_slots_soon(factory, cardiologist)
    patient = factory.patient(email="amina@example.com", full_name="Amina Rahman")
    celery_worker(smtp_sink.port, EMERGENCY_NUMBER=EMERGENCY_NUMBER, CLINIC_NAME=CLINIC_NAME)

    page = open_page(**PHONE)
    log_in(page, patient.user.email, home="/patient")
    page.evaluate("location.hash = '#/patient/check'")
    check_chest_pain(page)
    result_hash = page.evaluate("location.hash")
    # Log in again and open the result at once: the welcome message is still up while the result is
    # shown, and it must not cover anything.
    page.get_by_test_id("logout").evaluate("element => element.click()")
    expect(page).to_have_url(re.compile(r"#/login"))
    log_in(page, patient.user.email, home="/patient")
    page.evaluate(f"location.hash = '{result_hash}'")
    expect(page.get_by_test_id("triage-result")).to_have_attribute("data-urgency", "urgent")
    expect(page.get_by_test_id("toast").first).to_be_visible()
    booking = page.locator("[data-testid^='book-slot-']")
    expect(booking.first).to_be_visible()
    for y in range(0, page.evaluate("document.body.scrollHeight"), 300):
        page.evaluate(f"window.scrollTo(0, {y})")
        assert overlapping(page, "[data-testid='toast']", "[data-testid^='book-slot-']") == []
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=os.path.join(ARTIFACTS, "phone-triage-questions-with-message.png"), full_page=False)
    screenshot(page, "phone-triage-questions")

    answer_yes_to_breathlessness(page)
    expect_emergency_with_the_configured_number(page)
    page.evaluate("window.scrollTo(0, 0)")
    page.evaluate("() => window.dispatchEvent(new Event('resize'))")
    assert overlapping(page, "[data-testid='toast']", "[data-testid='red-flags'] li, [data-testid='triage-emergency']") == []
    page.screenshot(path=os.path.join(ARTIFACTS, "phone-triage-emergency-viewport.png"), full_page=False)
    screenshot(page, "phone-triage-emergency")
