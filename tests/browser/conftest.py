"""Browser tests: the single-page app in headless Chromium against gunicorn, a real Celery
worker, the real (embedded) Redis and an SMTP sink.

Every test here is marked `browser`. Each test gets a fresh database (the `app` fixture),
its own gunicorn on a free port and a fresh browser context; console errors, uncaught
exceptions and Content-Security-Policy violations fail the test.
"""
from __future__ import annotations

import os
import re
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone

import pytest

from playwright.sync_api import expect

from tests.conftest import ROOT, TEST_PASSWORD, gunicorn_server

ARTIFACTS = os.path.join(ROOT, "tests", "artifacts")
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--no-first-run", "--disable-sync", "--disable-quic"]
CLINIC_TIMEZONE = "Asia/Dhaka"  # the browser's clock matches the clinic's, as for a patient in town
BROWSER_TEST_TIMEOUT = 150
# An expectation waits as long as an action may (the context's default below): on a loaded 2-core CI
# machine a web worker's first symptom check loads the compiled knowledge base (about a second; the test
# session compiles it once at its start, tests/conftest.py) before it answers.
expect.set_options(timeout=15_000)
AXE_URL = "/vendor/axe-core/axe.min.js"
BLOCKING_IMPACTS = ("serious", "critical")
# The app asks who is logged in with GET /auth/session, which answers 200 to a visitor too, so no
# console error is expected on any page load (Chromium logs every non-2xx response as one).
EXPECTED_CONSOLE: list[re.Pattern] = []


def pytest_collection_modifyitems(items):
    here = os.path.dirname(__file__)
    for item in items:
        if str(item.fspath).startswith(here):
            item.add_marker(pytest.mark.browser)
            # A frozen page blocks Playwright's calls without their own timeouts firing.
            item.add_marker(pytest.mark.timeout(BROWSER_TEST_TIMEOUT))


def midday_zone(now: datetime | None = None) -> str:
    """A fixed-offset zone in which it is now between 12:00 and 13:00.

    (The Etc/GMT names count the other way round: Etc/GMT-6 is six hours ahead of UTC.)
    """
    offset = 12 - (now or datetime.now(timezone.utc)).hour  # -11 to +12, all of which exist
    return f"Etc/GMT{-offset:+d}"


@pytest.fixture
def clinic_zone(request, app, monkeypatch) -> str:
    """The clinic's time zone for this test: the clinic's own, or, for a test marked `clinic_midday`
    (one that needs visits both earlier and later in the clinic's day), a zone where it is about noon,
    so that the test means the same at any hour it runs. The test's app, the server and the browser
    all use it."""
    zone = midday_zone() if request.node.get_closest_marker("clinic_midday") else app.config["CLINIC_TIMEZONE"]
    monkeypatch.setitem(app.config, "CLINIC_TIMEZONE", zone)
    return zone


@pytest.fixture
def live_server(app, clinic_zone, smtp_sink, database_url, redis_url, instance_dir, tmp_path):
    """The app under gunicorn (2 workers, 4 threads) on a free port, sending mail to the SMTP sink."""
    with gunicorn_server(database_url, redis_url, instance_dir, str(tmp_path / "gunicorn.log"),
                         MAIL_SERVER="127.0.0.1", MAIL_PORT=smtp_sink.port, CLINIC_TIMEZONE=clinic_zone,
                         MAIL_SINK_DIR=app.config["MAIL_SINK_DIR"], EXPORT_DIR=app.config["EXPORT_DIR"]) as base:
        yield base


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    os.makedirs(ARTIFACTS, exist_ok=True)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@dataclass
class PageProblems:
    """Console errors, uncaught exceptions and CSP violations seen by one browser context."""

    errors: list[str] = field(default_factory=list)
    allowed: list[re.Pattern] = field(default_factory=lambda: list(EXPECTED_CONSOLE))

    def on_console(self, message) -> None:
        if message.type != "error":
            return
        location = message.location or {}
        text = f"{message.text} ({location.get('url', '')})"
        if any(pattern.search(f"{message.text} {location.get('url', '')}") for pattern in self.allowed):
            return
        self.errors.append("console: " + text)

    def on_page_error(self, error) -> None:
        self.errors.append(f"pageerror: {error}")


# Chromium reports CSP violations on the console too; the event also names the directive.
REPORT_CSP_VIOLATIONS = """
document.addEventListener('securitypolicyviolation', (event) => {
  console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline code'}`)
})
"""


class PageOpener:
    """`open_page(**context_options)` -> a Page in a fresh context on the live server.

    `open_page.allow_console(pattern)` accepts console errors a test provokes on purpose
    (Chromium logs every 4xx answer, e.g. the 409 of a refused duplicate).
    """

    def __init__(self, browser, base_url: str, zone: str = CLINIC_TIMEZONE) -> None:
        self.browser = browser
        self.base_url = base_url
        self.zone = zone
        self.contexts = []
        self.problems = PageProblems()

    def allow_console(self, pattern: str) -> None:
        self.problems.allowed.append(re.compile(pattern))

    def __call__(self, **options):
        options = {"viewport": {"width": 1280, "height": 900}, "timezone_id": self.zone, "locale": "en-GB",
                   "base_url": self.base_url, "accept_downloads": True,
                   # No CSS transitions: axe must not judge a colour halfway through a fade.
                   "reduced_motion": "reduce", **options}
        context = self.browser.new_context(**options)
        context.set_default_timeout(15_000)
        context.add_init_script(REPORT_CSP_VIOLATIONS)
        self.contexts.append(context)
        page = context.new_page()
        page.on("console", self.problems.on_console)
        page.on("pageerror", self.problems.on_page_error)
        return page

    def close(self) -> None:
        for context in self.contexts:
            context.close()


@pytest.fixture
def open_page(browser, live_server, clinic_zone):
    opener = PageOpener(browser, live_server, clinic_zone)
    yield opener
    opener.close()
    assert not opener.problems.errors, "the browser reported problems:\n" + "\n".join(opener.problems.errors)


# Toasts float over whatever is below them: leave them out of the pictures. (Through the
# CSSOM: an injected <style> would be, rightly, refused by the app's CSP.)
SET_TOASTS_DISPLAY = """display => document.querySelectorAll("[data-testid='toast-region']")
  .forEach(region => { region.style.display = display })"""


def screenshot(page, name: str, full_page: bool = True) -> str:
    path = os.path.join(ARTIFACTS, f"{name}.png")
    page.evaluate(SET_TOASTS_DISPLAY, "none")
    page.screenshot(path=path, full_page=full_page)
    page.evaluate(SET_TOASTS_DISPLAY, "")
    return path


def log_in(page, email: str, password: str = TEST_PASSWORD, home: str = "") -> None:
    """Log in through the login form and wait for the role's home page."""
    from playwright.sync_api import expect

    page.goto("/#/login")
    page.get_by_test_id("login-email").fill(email)
    page.get_by_test_id("login-password").fill(password)
    page.get_by_test_id("login-submit").click()
    # Attached, not visible: on a phone the menu holding it is collapsed.
    expect(page.get_by_test_id("logout")).to_be_attached()
    if home:
        expect(page).to_have_url(re.compile(rf"#{re.escape(home)}$"))


def serious_accessibility_violations(page) -> list[dict]:
    """Run axe-core on the page as it is now; the violations of serious or critical impact."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(url=AXE_URL)
    result = page.evaluate("async () => (await axe.run(document, {resultTypes: ['violations']})).violations")
    return [
        {"id": v["id"], "impact": v["impact"], "help": v["help"],
         "targets": [", ".join(map(str, node["target"])) for node in v["nodes"]][:5]}
        for v in result if v["impact"] in BLOCKING_IMPACTS
    ]


def wait_until(check, timeout: float = 30.0, interval: float = 0.2, message: str = "condition"):
    """Poll `check()` until it returns something truthy."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        time.sleep(interval)
    raise AssertionError(f"timed out waiting for {message}")
