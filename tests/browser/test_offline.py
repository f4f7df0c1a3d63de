"""The installable app offline: it opens with the network off after one visit, an offline chest pain
is an emergency at once, an offline routine entry is sent exactly once when the network returns and
its answer shown, nothing about a patient is in the Cache Storage, and logging out clears IndexedDB.
And online, an emergency answer lists the nearest emergency resources for the browser's location."""
from __future__ import annotations

import re
import time as clock

import sqlalchemy as sa
from playwright.sync_api import expect

from backend.extensions import db
from backend.models import TriageAssessment
from backend.services.resources.demo import seed_demo_resources
from tests.browser.conftest import log_in, screenshot, wait_until

NEAR_DHAKA_MEDICAL_COLLEGE = {"latitude": 23.7265, "longitude": 90.3980}
OFFLINE_ERRORS = r"ERR_INTERNET_DISCONNECTED|Failed to fetch|ERR_FAILED"

READ_PENDING = """() => new Promise((resolve, reject) => {
  const open = indexedDB.open('carequeue')
  open.onsuccess = () => {
    const db = open.result
    if (!db.objectStoreNames.contains('pending-checks')) return resolve([])
    const request = db.transaction('pending-checks').objectStore('pending-checks').getAll()
    request.onsuccess = () => resolve(request.result)
    request.onerror = () => reject(request.error)
  }
  open.onerror = () => reject(open.error)
})"""

CACHED_URLS = """async () => {
  const urls = []
  for (const name of await caches.keys()) {
    for (const request of await (await caches.open(name)).keys()) urls.push(new URL(request.url).pathname + new URL(request.url).search)
  }
  return urls
}"""


def assessments() -> list[TriageAssessment]:
    db.session.expire_all()
    return db.session.execute(sa.select(TriageAssessment)).scalars().all()


def visit_once_online(open_page, patient, **context):
    page = open_page(**context)
    log_in(page, patient.user.email, home="/patient")
    page.goto("/#/patient/check")
    expect(page.get_by_test_id("triage-form")).to_be_visible()
    # The worker is installed and controls the page: the shell is in its cache.
    page.wait_for_function("() => Boolean(navigator.serviceWorker && navigator.serviceWorker.controller)", timeout=30_000)
    return page


def go_offline(page):
    page.context.set_offline(True)
    page.reload()
    expect(page.get_by_test_id("offline-banner")).to_be_visible()


def test_the_app_opens_offline_after_one_visit_and_keeps_no_patient_data_in_the_cache(open_page, factory):
    patient = factory.patient(full_name="Rahima Begum")
    open_page.allow_console(OFFLINE_ERRORS)
    page = visit_once_online(open_page, patient)
    go_offline(page)
    expect(page.get_by_test_id("page-title")).to_have_text("Symptom check")
    expect(page.get_by_test_id("triage-form")).to_be_visible()
    expect(page.get_by_test_id("nav-user")).to_have_text("Rahima Begum")
    screenshot(page, "offline-app-shell")
    cached = page.evaluate(CACHED_URLS)
    assert "/" in cached and any(url.startswith("/vendor/vue@") for url in cached)
    assert not [url for url in cached if url.startswith(("/patient", "/auth", "/doctor", "/admin"))], cached


def test_offline_chest_pain_is_an_emergency_at_once(open_page, factory, app):
    seed_demo_resources()
    patient = factory.patient()
    open_page.allow_console(OFFLINE_ERRORS)
    page = visit_once_online(open_page, patient, geolocation=NEAR_DHAKA_MEDICAL_COLLEGE, permissions=["geolocation"])
    go_offline(page)
    page.get_by_test_id("triage-symptoms").fill("crushing chest pain spreading to my left arm and sweating")
    started = clock.monotonic()
    page.get_by_test_id("triage-submit").click()
    expect(page.get_by_test_id("offline-emergency")).to_have_text("Emergency: call 999 now.", timeout=3_000)
    shown_after = clock.monotonic() - started
    expect(page.get_by_test_id("offline-result")).to_have_attribute("data-emergency", "true")
    # The nearest help, from the directory the app keeps, sorted by distance here.
    resources = page.get_by_test_id("resource-item")
    expect(resources).to_have_count(3)
    expect(resources.first).to_contain_text("Dhaka Medical College Hospital")
    print(f"offline emergency shown {shown_after * 1000:.0f} ms after the click")
    screenshot(page, "offline-emergency")


def test_an_offline_entry_is_sent_once_when_the_network_returns_and_its_answer_shown(
        open_page, factory, celery_worker, smtp_sink):
    factory.specialization("General Medicine")
    factory.doctor("Dermatology", full_name="Dr. Nusrat Jahan")
    patient = factory.patient()
    celery_worker(smtp_sink.port)
    open_page.allow_console(OFFLINE_ERRORS)
    page = visit_once_online(open_page, patient, viewport={"width": 375, "height": 740})
    go_offline(page)
    page.get_by_test_id("triage-symptoms").fill("itchy red rash on my elbow for a week, no fever")
    page.get_by_test_id("triage-submit").click()
    expect(page.get_by_test_id("offline-queued")).to_have_text("We will assess this when you are back online.")
    expect(page.get_by_test_id("offline-pending")).to_contain_text("1 check")
    pending = page.evaluate(READ_PENDING)
    assert len(pending) == 1 and pending[0]["symptoms"].startswith("itchy red rash")
    assert assessments() == []
    screenshot(page, "phone-offline-queued")

    page.context.set_offline(False)
    expect(page.get_by_test_id("triage-result")).to_be_visible(timeout=30_000)
    expect(page.get_by_test_id("offline-banner")).to_have_count(0)
    rows = assessments()
    assert len(rows) == 1 and rows[0].client_id == pending[0]["client_id"]
    assert rows[0].symptoms.startswith("itchy red rash")
    assert page.evaluate(READ_PENDING) == []
    # Going offline and online again, and a reload, send nothing more.
    page.context.set_offline(True)
    page.context.set_offline(False)
    page.reload()
    expect(page.get_by_test_id("triage-result")).to_be_visible()
    clock.sleep(1)
    assert len(assessments()) == 1
    screenshot(page, "phone-offline-answered")


def test_logging_out_clears_what_was_kept_offline(open_page, factory):
    patient = factory.patient()
    open_page.allow_console(OFFLINE_ERRORS)
    page = visit_once_online(open_page, patient)
    go_offline(page)
    page.get_by_test_id("triage-symptoms").fill("sore throat for three days")
    page.get_by_test_id("triage-submit").click()
    expect(page.get_by_test_id("offline-queued")).to_be_visible()
    assert len(page.evaluate(READ_PENDING)) == 1
    page.context.set_offline(False)
    wait_until(lambda: len(assessments()) == 1, message="the queued check to be sent")
    expect(page).to_have_url(re.compile(r"#/patient/check/\d+$"))
    page.context.set_offline(True)
    page.goto("/#/patient/check")
    page.get_by_test_id("triage-symptoms").fill("a second check, kept on the device")
    page.get_by_test_id("triage-submit").click()
    expect(page.get_by_test_id("offline-queued")).to_be_visible()
    if page.get_by_test_id("nav-toggle").is_visible():
        page.get_by_test_id("nav-toggle").click()
    page.get_by_test_id("logout").click()
    wait_until(lambda: page.evaluate(READ_PENDING) == [], message="IndexedDB to be cleared")
    session = page.evaluate("""() => new Promise((resolve) => {
      const open = indexedDB.open('carequeue')
      open.onsuccess = () => { const r = open.result.transaction('session').objectStore('session').get('user'); r.onsuccess = () => resolve(r.result || null) }
    })""")
    assert session is None


def test_an_emergency_answer_lists_the_nearest_resources(open_page, factory, celery_worker, smtp_sink):
    seed_demo_resources()
    factory.specialization("General Medicine")
    patient = factory.patient()
    celery_worker(smtp_sink.port)
    page = open_page(geolocation={"latitude": 23.8190, "longitude": 90.4070}, permissions=["geolocation"])
    log_in(page, patient.user.email, home="/patient")
    page.get_by_test_id("nav-check").click()
    page.get_by_test_id("triage-symptoms").fill("crushing chest pain spreading to my left arm and sweating")
    page.get_by_test_id("triage-submit").click()
    emergency = page.get_by_test_id("triage-emergency")
    expect(emergency).to_be_visible(timeout=30_000)
    resources = emergency.get_by_test_id("resource-item")
    expect(resources).to_have_count(3)
    # Near Kurmitola: it comes first, with its distance, then the next nearest.
    expect(resources.nth(0)).to_contain_text("Kurmitola General Hospital")
    expect(resources.nth(0).get_by_test_id("resource-distance")).to_contain_text("km away")
    expect(emergency.get_by_test_id("nearby-resources")).to_contain_text("Nearest emergency help")
    screenshot(page, "triage-emergency-resources")
