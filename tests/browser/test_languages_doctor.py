"""A doctor who chose Bangla: the dashboard, the queue (with a symptom check and the visit form), the
weekly schedule and its slots, time off (cancelling a day) and a patient's history show no English
beyond the clinic's data, with Bangla digits in times and counts, on a desktop and on a 375 px phone."""
from __future__ import annotations

from datetime import date, datetime, time, timedelta

from playwright.sync_api import expect

from backend.extensions import db
from backend.models import Treatment
from backend.services.clock import clinic_now, clinic_today
from backend.services.scheduling import templates as scheduling
from backend.services.triage.assessments import answer_assessment, request_assessment
from tests.browser.conftest import log_in, screenshot, serious_accessibility_violations
from tests.browser.test_languages import english_left

PHONE = {"viewport": {"width": 375, "height": 812}, "is_mobile": True, "has_touch": True, "device_scale_factor": 2}
SYMPTOMS = "তিন দিন ধরে জ্বর আর কাশি, হাঁটলে শ্বাস নিতে কষ্ট হয়"
DIAGNOSIS = "Acute bronchitis"
PRESCRIPTION = "Paracetamol 500 mg three times a day for 5 days"
PATIENTS = ("Rahima Begum", "Karim Uddin", "Sumaiya Islam", "Nasrin Akter", "Jamal Sarkar")


def a_started_time() -> time:
    """A visit that began a few minutes ago today (clinic time), so the doctor may record its outcome."""
    now = clinic_now().replace(tzinfo=None, second=0, microsecond=0)
    start = max(now - timedelta(minutes=10), datetime.combine(now.date(), time(0, 0)))
    return start.replace(minute=start.minute - start.minute % 5).time()


def other_times_today(taken: time) -> list[time]:
    """Two more visits today, away from the started one."""
    minutes = taken.hour * 60 + taken.minute
    choices = [time(8, 0), time(12, 0), time(19, 30), time(21, 0)]
    return [t for t in choices if abs(t.hour * 60 + t.minute - minutes) >= 60][:2]


def snap(page, name: str) -> None:
    """A screenshot once the Bangla web font's weights have loaded, after an accessibility scan of the screen."""
    assert serious_accessibility_violations(page) == [], name
    page.evaluate("() => document.fonts.ready.then(() => true)")
    screenshot(page, name)


def fits(page) -> None:
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= page.viewport_size["width"], f"{page.url} is {width}px wide"


def arrange_clinic(factory, make_appointment):
    doctor = factory.doctor("General Medicine", full_name="Dr. Farzana Akter", email="farzana@example.com")
    doctor.user.language = "bn"
    rahima = factory.patient(full_name=PATIENTS[0], date_of_birth=date(1988, 5, 14), sex="female",
                             allergies="Penicillin", conditions="Asthma", medications="Salbutamol inhaler")
    rahima.user.language = "bn"  # her symptom check's advice is in Bangla
    db.session.commit()
    others = [factory.patient(full_name=name) for name in PATIENTS[1:]]
    today = clinic_today()

    # A past visit with its treatment, for the history and the "past" tab.
    past = make_appointment(patient=rahima, doctor=doctor, day=today - timedelta(days=7), start=time(10, 0),
                            status="completed")
    db.session.add(Treatment(appointment_id=past.id, diagnosis=DIAGNOSIS, prescription=PRESCRIPTION,
                             follow_up_date=today + timedelta(days=7)))
    # Today: Rahima's visit has begun and comes with her symptom check; two more later or earlier.
    started = a_started_time()
    visit = make_appointment(patient=rahima, doctor=doctor, day=today, start=started, minutes=5)
    assessment = request_assessment(rahima.id, symptoms=SYMPTOMS, share_history=True, age_years=None)
    assert answer_assessment(assessment.id)
    visit.triage_id = assessment.id
    # The follow-up questions as the knowledge base stores them (in English): the doctor reads them in Bangla.
    asked = [question["text"] for question in assessment.questions or []]
    assert asked
    for patient, start in zip(others[:2], other_times_today(started)):
        make_appointment(patient=patient, doctor=doctor, day=today, start=start)
    # Coming up: one tomorrow, one in three days (the day the doctor takes off below).
    make_appointment(patient=others[2], doctor=doctor, day=today + timedelta(days=1), start=time(11, 0))
    day_off = today + timedelta(days=3)
    make_appointment(patient=others[3], doctor=doctor, day=day_off, start=time(10, 0))
    db.session.commit()

    # A weekly template (an evening session on every other weekday: today's visits may fall at any hour) and its slots.
    scheduling.replace_schedule(doctor.id, slot_minutes=20,
                                weekly=[(weekday, time(17, 0), time(19, 0)) for weekday in range(7)
                                        if weekday != today.weekday()])
    assert scheduling.publish_slots(doctor.id, 14) > 0
    return doctor, rahima, visit, day_off, asked


def test_a_doctor_works_in_bangla_with_no_english_left(open_page, factory, make_appointment):
    doctor, rahima, visit, day_off, asked = arrange_clinic(factory, make_appointment)
    data = [*PATIENTS, "Dr. Farzana Akter", "Farzana Akter", doctor.user.email, "General Medicine", DIAGNOSIS,
            PRESCRIPTION, "Penicillin", "Asthma", "Salbutamol inhaler", "CareQueue Clinic", "CareQueue",
            "CAREQUEUE CLINIC", "English", "MBBS"]

    page = open_page()
    log_in(page, doctor.user.email, home="/doctor")
    expect(page.locator("html")).to_have_attribute("lang", "bn")  # the account's choice, on an English browser

    # Dashboard: Bangla headings, Bangla digits in the counts.
    expect(page.get_by_test_id("page-title")).to_have_text("স্বাগতম, Dr. Farzana Akter")
    expect(page.get_by_test_id("stat-today")).to_contain_text("৩")
    expect(page.get_by_test_id("doctor-changes")).to_be_visible()
    assert not (left := english_left(page, data)), ("dashboard", left)
    snap(page, "bangla-doctor-dashboard")

    # Queue: the started visit with Rahima's symptom check, then the visit form opened.
    page.get_by_test_id("nav-queue").click()
    expect(page.get_by_test_id("page-title")).to_have_text("রোগীর সারি")
    expect(page.get_by_test_id("queue-item")).to_have_count(3)
    rahima_item = page.locator(f"[data-testid='queue-item'][data-id='{visit.id}']")
    expect(rahima_item.get_by_test_id("queue-triage")).to_contain_text(f"উপসর্গ: {SYMPTOMS}")
    expect(rahima_item.get_by_test_id("queue-triage-qa")).not_to_contain_text(asked[0])  # in Bangla instead
    hhmm = visit.start_time.strftime("%H:%M").translate(str.maketrans("0123456789", "০১২৩৪৫৬৭৮৯"))
    expect(rahima_item.locator(".appt-when")).to_contain_text(hhmm)
    assert not (left := english_left(page, data)), ("queue", left)
    page.get_by_test_id(f"complete-{visit.id}").click()
    expect(page.get_by_test_id("complete-form")).to_be_visible()
    page.get_by_test_id("complete-submit").click()  # no diagnosis: the message is in Bangla too
    expect(page.get_by_test_id("complete-diagnosis-error")).to_have_text("রোগনির্ণয় লিখুন।")
    assert not (left := english_left(page, data)), ("queue, visit form", left)
    snap(page, "bangla-doctor-queue")
    page.get_by_test_id("complete-cancel").click()
    page.get_by_test_id(f"cancel-{visit.id}").click()
    expect(page.get_by_test_id("queue-cancel-form")).to_be_visible()
    assert not (left := english_left(page, data)), ("queue, cancel form", left)
    page.get_by_test_id("queue-cancel-keep").click()
    page.get_by_test_id("scope-past").click()
    expect(page.get_by_test_id("queue-item")).to_have_count(1)
    expect(page.get_by_test_id("status-badge")).to_have_text("সম্পন্ন")
    assert not (left := english_left(page, data)), ("queue, past", left)

    # Schedule: the weekly template (days and lengths in Bangla) and the next 14 days' slots.
    page.get_by_test_id("nav-schedule").click()
    expect(page.get_by_test_id("page-title")).to_have_text("সময়সূচি")
    expect(page.get_by_test_id("schedule-row")).to_have_count(6)
    expect(page.get_by_test_id("schedule-0-start")).to_have_value("17:00")  # the input keeps HH:MM
    expect(page.get_by_test_id("schedule-slot-minutes")).to_have_value("20")
    expect(page.get_by_test_id("slot-day").nth(1)).to_contain_text("১৭:০০")
    assert not (left := english_left(page, data)), ("schedule", left)
    snap(page, "bangla-doctor-schedule")
    # Saving the template unchanged works: the Bangla page sends the times the server reads.
    page.get_by_test_id("schedule-save").click()
    expect(page.get_by_test_id("toast").last).to_contain_text("সাপ্তাহিক সময়সূচি সংরক্ষণ হয়েছে।")

    # Time off: cancel the day with Nasrin's visit; the confirmation and the result are in Bangla.
    page.get_by_test_id("nav-time-off").click()
    expect(page.get_by_test_id("page-title")).to_have_text("ছুটি")
    expect(page.get_by_test_id("today-list-row")).to_have_count(3)
    expect(page.get_by_test_id("upcoming-list-row")).to_have_count(2)
    assert not (left := english_left(page, data)), ("time off", left)
    page.get_by_test_id("days-date-from").fill(day_off.isoformat())
    page.get_by_test_id("days-date-to").fill(day_off.isoformat())
    page.get_by_test_id("days-reason").fill("আমি অসুস্থ, এই দিন চেম্বারে আসতে পারব না।")
    page.get_by_test_id("cancel-days-submit").click()
    expect(page.get_by_test_id("confirm-dialog")).to_contain_text("এই দিনগুলো বাতিল করবেন?")
    assert not (left := english_left(page, data)), ("time off, confirmation", left)
    page.get_by_test_id("confirm-ok").click()
    expect(page.get_by_test_id("cancel-days-result")).to_contain_text("১টি অ্যাপয়েন্টমেন্ট বাতিল হয়েছে")
    expect(page.get_by_test_id("upcoming-list-row")).to_have_count(1)
    assert not (left := english_left(page, data)), ("time off, after cancelling a day", left)
    snap(page, "bangla-doctor-time-off")

    # A patient's history, from the queue's link.
    page.get_by_test_id("nav-queue").click()
    page.get_by_test_id(f"history-{visit.id}").click()
    expect(page.get_by_test_id("page-title")).to_have_text(PATIENTS[0])
    expect(page.get_by_test_id("treatment")).to_contain_text(DIAGNOSIS)
    expect(page.locator("main")).to_contain_text("নারী")
    expect(page.locator("main")).to_contain_text("১৯৮৮")
    assert not (left := english_left(page, data)), ("patient history", left)
    snap(page, "bangla-doctor-patient-history")

    # The same screens on a phone: in Bangla, and nothing wider than the screen.
    phone = open_page(**PHONE)
    log_in(phone, doctor.user.email, home="/doctor")
    screens = (("/#/doctor", "স্বাগতম", "dashboard"), ("/#/doctor/queue", "রোগীর সারি", "queue"),
               ("/#/doctor/schedule", "সময়সূচি", "schedule"), ("/#/doctor/time-off", "ছুটি", "time-off"),
               (f"/#/doctor/patients/{rahima.id}", PATIENTS[0], "patient-history"))
    for url, heading, name in screens:
        phone.goto(url)
        expect(phone.get_by_test_id("page-title")).to_contain_text(heading)
        phone.wait_for_load_state("networkidle")
        expect(phone.get_by_test_id("loading")).to_have_count(0)
        assert not (left := english_left(phone, data)), (f"phone {url}", left)
        fits(phone)
        snap(phone, f"phone-bangla-doctor-{name}")
