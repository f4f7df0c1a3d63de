"""The last English in a Bangla patient's or doctor's way: every state of a symptom check (its reasons, its
questions and their errors, a raised level, a description not understood, a missing or failed check), the
specialty on doctor cards and on the patient's home page, the browser tab's title (and its change with the
language), and the Bangla font's bold heading on the first page after logging in, drawn with its letters rather
than empty boxes. Desktop and a 375 px phone (tests/artifacts/bangla-more-*.png)."""
from __future__ import annotations

import re
from datetime import timedelta

from playwright.sync_api import expect

from backend.extensions import db
from backend.models import TriageAssessment
from backend.services.clock import clinic_now
from backend.services.triage.assessments import answer_assessment, request_assessment
from tests.browser.conftest import log_in, screenshot, serious_accessibility_violations
from tests.browser.test_languages import english_left

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 812}
CHEST = "বুকে ব্যথা সকাল থেকে"
HAIR = "my hair is slowly thinning on top"  # typed in English: the check reads it, the page stays Bangla
NOT_KNOWN = "আমার মাথার চুল ধীরে ধীরে পাতলা হয়ে যাচ্ছে"
CARDIOLOGY = "হৃদরোগ (কার্ডিওলজি)"
BANGLA = re.compile(r"[\u0980-\u09ff]")
# A reason names its guideline in brackets, "(NICE CKS Alopecia)" or "[NICE CG95 Chest pain of recent onset]":
# a source's name, kept as written.
CITATION = re.compile(r"\(([^()]*[A-Za-z][^()]*)\)|\[([^\[\]]*[A-Za-z][^\[\]]*)\]")


def bangla_patient(factory):
    patient = factory.patient(full_name="Rahima Begum", email="rahima@example.com")
    patient.user.language = "bn"
    db.session.commit()
    return patient


def checked(patient, symptoms: str) -> TriageAssessment:
    assessment = request_assessment(patient.id, symptoms=symptoms, share_history=False, age_years=None)
    assert answer_assessment(assessment.id)  # the worker's job, run here
    return db.session.get(TriageAssessment, assessment.id)


def add_slots_soon(factory, doctor) -> None:
    """Free times within the next day, so an urgent check offers them."""
    for hours in (3, 4, 5):
        start = (clinic_now() + timedelta(hours=hours)).replace(minute=0, second=0, microsecond=0, tzinfo=None)
        factory.slot(doctor, day=start.date(), start=start.time())


def data_for(patient, *more: str) -> list[str]:
    """What stays as written in Bangla too: people's names, the address, the clinic, language names."""
    return ["Dr. Selim Chowdhury", "Selim Chowdhury", "Rahima Begum", "Rahima", "CareQueue Clinic", "CareQueue",
            "CAREQUEUE CLINIC", "English", "MBBS", "SC", patient.user.email, *more]


def citations(page) -> list[str]:
    return [round_ or square for round_, square in CITATION.findall(page.evaluate("() => document.body.innerText"))]


def no_english(page, data: list[str], name: str, phone: bool = False) -> None:
    """No English on the screen (guideline names aside), nothing sticking out, and a picture; on a phone too."""
    page.wait_for_load_state("networkidle")
    screenshot(page, f"bangla-more-{name}")
    assert not (left := english_left(page, [*data, *citations(page)])), (name, left)
    if phone:
        page.set_viewport_size(PHONE)
        assert not (left := english_left(page, [*data, *citations(page)])), (f"{name} (phone)", left)
        assert page.evaluate("() => document.documentElement.scrollWidth") <= PHONE["width"], f"{name} overflows"
        screenshot(page, f"phone-bangla-more-{name}")
        page.set_viewport_size(DESKTOP)


def test_a_bangla_symptom_check_reads_in_bangla_to_the_end(open_page, factory):
    factory.specialization("General Medicine")
    cardiologist = factory.doctor("Cardiology", full_name="Dr. Selim Chowdhury")
    add_slots_soon(factory, cardiologist)
    patient = bangla_patient(factory)
    assessment = checked(patient, CHEST)
    assert assessment.urgency == "urgent" and assessment.questions
    data = data_for(patient, CHEST)

    page = open_page()  # an English browser: the account's Bangla wins
    log_in(page, patient.user.email, home="/patient")
    # The home page's latest check names its specialty in Bangla.
    expect(page.get_by_test_id("last-triage-specialty")).to_have_text(CARDIOLOGY)
    no_english(page, data, "patient-home")

    page.goto(f"/#/patient/check/{assessment.id}")
    result = page.get_by_test_id("triage-result")
    expect(result).to_have_attribute("data-urgency", "urgent")
    expect(page).to_have_title("উপসর্গ যাচাই · CareQueue")
    page.get_by_test_id("triage-why").locator("summary").click()
    expect(page.get_by_test_id("triage-findings")).to_contain_text("আপনার বর্ণনা থেকে আমরা যা বুঝেছি:")
    expect(page.get_by_test_id("triage-conditions")).to_contain_text("আমরা যা যা বিবেচনা করেছি:")
    expect(page.get_by_test_id("question-shortness_of_breath")).to_contain_text("কেন জিজ্ঞেস করছি:")
    # The recommended doctor's card: the specialty and the years in Bangla, and a spoken name to match.
    card = page.get_by_test_id("recommended-doctor")
    expect(card).to_contain_text(CARDIOLOGY)
    expect(card).to_contain_text("৫ বছর")
    spoken = card.locator("[data-testid^='book-slot-']").first.get_attribute("aria-label")
    assert spoken.endswith(", Dr. Selim Chowdhury-এর সাথে") and "with" not in spoken, spoken
    assert serious_accessibility_violations(page) == []
    no_english(page, data, "check-questions", phone=True)

    # Nothing answered: the message says the result stands.
    page.get_by_test_id("triage-answer-submit").click()
    expect(page.get_by_test_id("triage-questions")).to_contain_text("অন্তত একটি প্রশ্নের উত্তর দিন")
    no_english(page, data, "check-no-answer")

    # A yes to a warning sign raises it, and the page says from what.
    page.get_by_test_id("answer-shortness_of_breath-yes").check()
    page.get_by_test_id("triage-answer-submit").click()
    expect(page.get_by_test_id("triage-emergency")).to_be_visible()
    expect(page.get_by_test_id("triage-raised")).to_have_text("আপনার উত্তরের পর ফলাফল বদলেছে; আগে ছিল: দ্রুত।")
    no_english(page, data, "check-raised", phone=True)

    # Find a doctor: the card and the specialty filter name the specialty in Bangla.
    page.goto("/#/patient/doctors")
    expect(page.get_by_test_id("doctor-card")).to_contain_text(CARDIOLOGY)
    expect(page.get_by_test_id("find-spec-id").locator("option", has_text=CARDIOLOGY)).to_have_count(1)
    expect(page).to_have_title("ডাক্তার খুঁজুন · CareQueue")
    no_english(page, data, "find-doctor")


def test_a_choice_a_description_not_understood_and_missing_or_failed_checks_in_bangla(open_page, factory):
    patient = bangla_patient(factory)
    hair = checked(patient, HAIR)
    assert [question["kind"] for question in hair.questions][:1] == ["choice"]
    unknown = checked(patient, NOT_KNOWN)
    assert unknown.understood is False
    failed = TriageAssessment(patient_id=patient.id, symptoms="মাথা ঘোরা", status="failed", error="timeout")
    db.session.add(failed)
    db.session.commit()
    data = data_for(patient, HAIR, NOT_KNOWN)

    page = open_page()
    log_in(page, patient.user.email, home="/patient")

    page.goto(f"/#/patient/check/{hair.id}")
    choice = page.get_by_test_id("answer-sex")
    expect(choice.locator("option").first).to_have_text("বেছে নিন…")
    expect(choice.locator("option")).to_have_text(["বেছে নিন…", "নারী", "পুরুষ"])
    no_english(page, data, "check-choice", phone=True)

    page.goto(f"/#/patient/check/{unknown.id}")
    panel = page.get_by_test_id("triage-not-understood")
    expect(panel).to_contain_text("আপনার বর্ণনা আমাদের জানা কোনো উপসর্গের সাথে মেলানো যায়নি")
    page.get_by_test_id("triage-detail-submit").click()  # nothing added: asked for a few words
    expect(panel).to_contain_text("কয়েকটি কথা যোগ করুন: কী অনুভব করছেন, কোথায়, আর কবে থেকে।")
    no_english(page, data, "check-not-understood", phone=True)

    page.goto(f"/#/patient/check/{failed.id}")
    expect(page.get_by_test_id("triage-failed")).to_contain_text("মূল্যায়নটি শেষ করা যায়নি। খুব অসুস্থ লাগলে ৯৯৯ নম্বরে কল করুন।")
    expect(page.get_by_test_id("triage-failed")).to_contain_text("আবার চেষ্টা করুন")
    no_english(page, data, "check-failed")

    open_page.allow_console(r"404 .*/patient/triage/999999")  # asked for on purpose
    page.goto("/#/patient/check/999999")
    expect(page.get_by_test_id("triage-not-found")).to_contain_text("এমন কোনো মূল্যায়ন পাওয়া যায়নি।")
    no_english(page, data, "check-not-found")

    # The tab's title follows a change of language, both ways.
    expect(page).to_have_title("উপসর্গ যাচাই · CareQueue")
    page.get_by_test_id("language-select").select_option("en")
    expect(page).to_have_title("Symptom check · CareQueue")
    expect(page.get_by_test_id("triage-not-found")).to_contain_text("No such assessment.")
    page.get_by_test_id("language-select").select_option("bn")
    expect(page).to_have_title("উপসর্গ যাচাই · CareQueue")


# The width of the heading's first word as laid out, and as the same font draws it afresh at twice the size
# (a size never drawn before, so nothing from an earlier drawing is reused): empty boxes are much wider.
FIRST_WORD_WIDTHS = """(selector) => {
  const heading = document.querySelector(selector)
  const text = [...heading.childNodes].find((node) => node.nodeType === Node.TEXT_NODE)
  const word = text.data.split(/[\\s,]/)[0]
  const range = document.createRange()
  range.setStart(text, 0)
  range.setEnd(text, word.length)
  const style = getComputedStyle(heading)
  const probe = document.createElement('span')
  probe.textContent = word
  probe.style.font = `${style.fontWeight} ${parseFloat(style.fontSize) * 2}px ${style.fontFamily}`
  probe.style.position = 'absolute'
  probe.style.whiteSpace = 'nowrap'
  document.body.append(probe)
  const fresh = probe.getBoundingClientRect().width / 2
  probe.remove()
  return { word, laid: range.getBoundingClientRect().width, fresh }
}"""


def test_the_first_page_after_a_bangla_login_draws_its_bold_heading_in_bangla(open_page, factory):
    doctor = factory.doctor("General Medicine", full_name="Dr. Farzana Akter", email="farzana@example.com")
    doctor.user.language = "bn"
    db.session.commit()

    for name, options in (("doctor-home", {}), ("doctor-home-phone", {"viewport": PHONE, "is_mobile": True})):
        page = open_page(**options)  # an English browser: Bangla arrives with the login
        log_in(page, doctor.user.email, home="/doctor")
        heading = page.get_by_test_id("page-title")
        expect(heading).to_have_text("স্বাগতম, Dr. Farzana Akter")
        expect(page).to_have_title("ড্যাশবোর্ড · CareQueue")
        page.wait_for_function("""() => [400, 600, 700].every((weight) =>
          document.fonts.check(`${weight} 28px "CareQueue Bangla"`, 'ক'))""")
        page.evaluate("() => document.fonts.ready.then(() => true)")
        widths = page.evaluate(FIRST_WORD_WIDTHS, "[data-testid='page-title']")
        assert BANGLA.search(widths["word"]), widths
        assert abs(widths["laid"] - widths["fresh"]) <= 0.05 * widths["fresh"], widths
        screenshot(page, f"bangla-more-{name}")
