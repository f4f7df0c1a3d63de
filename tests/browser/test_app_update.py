"""A new deploy is offered with a "reload" prompt: the browser finds a new service worker, installs it
beside the running one, and the page says a new version is ready; "Reload" switches to it."""
from __future__ import annotations

from playwright.sync_api import expect

from tests.browser.conftest import log_in, screenshot


def test_a_new_version_is_offered_and_reloading_switches_to_it(open_page, factory):
    patient = factory.patient()
    page = open_page()
    log_in(page, patient.user.email, home="/patient")
    page.wait_for_function("() => Boolean(navigator.serviceWorker && navigator.serviceWorker.controller)",
                           timeout=30_000)
    expect(page.get_by_test_id("update-banner")).to_have_count(0)

    # The next deploy, as the browser sees it: a new worker script for the same scope. (A script URL that
    # differs stands in for changed bytes; the app's own listener is what is tested.)
    page.evaluate("() => navigator.serviceWorker.register('/sw.js?deploy=2', { scope: '/' })")
    expect(page.get_by_test_id("update-banner")).to_be_visible(timeout=30_000)
    expect(page.get_by_test_id("update-banner")).to_contain_text("A new version of CareQueue is ready.")
    screenshot(page, "update-offered")

    # Offered in the very tab the first worker started in: "Reload" must still reload it.
    with page.expect_event("load", timeout=30_000):
        page.get_by_test_id("update-reload").click()
    expect(page.get_by_test_id("update-banner")).to_have_count(0)
    page.wait_for_function("() => Boolean(navigator.serviceWorker.controller)", timeout=30_000)
    assert page.evaluate("() => navigator.serviceWorker.controller.scriptURL").endswith("/sw.js?deploy=2")
    waiting = page.evaluate("() => navigator.serviceWorker.getRegistration().then((r) => Boolean(r.waiting))")
    assert waiting is False, "the new worker took over: none is left waiting"
