"""The screen review: every route of the app, in every role, on a desktop (1280×800) and a phone (375×812).

The route list is read from frontend/router.js, so a page someone adds is reviewed without touching
this file. Each page is opened in the demo clinic (`flask seed-demo`) and fails the review on:

- a console error, an uncaught exception or a Content-Security-Policy violation;
- a failed request (network error, 5xx, or a 4xx the page did not expect);
- horizontal overflow of the page, or a table that has to scroll sideways;
- text cut inside a word in a table cell ("Activ/e");
- a serious or critical axe-core finding.

A full-page screenshot of each goes to tests/artifacts/screens/<role>-<viewport>-<page>.png.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from datetime import timedelta

import pytest
import sqlalchemy as sa

from backend.extensions import db
from backend.models import Appointment, Doctor, Job, Patient, User
from backend.services.clock import clinic_today, utc_now
from tests.browser.conftest import ARTIFACTS, log_in, serious_accessibility_violations
from tests.conftest import ROOT

ROUTER = os.path.join(ROOT, "frontend", "router.js")
SCREENS = os.path.join(ARTIFACTS, "screens")
VIEWPORTS = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 375, "height": 812}}
ROLES = ("visitor", "patient", "doctor", "admin")
SETTLE_SECONDS = 20


@dataclass(frozen=True)
class Route:
    path: str
    role: str | None  # the one role that may open it
    guest: bool  # only for visitors (log in, register)
    needs_login: bool
    redirect: bool
    catch_all: bool


def app_routes() -> list[Route]:
    """Every route record of frontend/router.js, read from the source (one `{ path: ... }` each)."""
    with open(ROUTER, encoding="utf-8") as fh:
        source = fh.read()
    body = source[source.index("const routes"):]
    body = body[:body.index("\n]\n") + 2]
    starts = [match.start() for match in re.finditer(r"\{\s*path:\s*'", body)]
    routes = []
    for index, start in enumerate(starts):
        record = body[start:starts[index + 1] if index + 1 < len(starts) else len(body)]
        path = re.match(r"\{\s*path:\s*'([^']+)'", record).group(1)
        role = re.search(r"\.\.\.(patient|doctor|admin)\b|role:\s*'(patient|doctor|admin)'", record)
        routes.append(Route(
            path=path,
            role=(role.group(1) or role.group(2)) if role else None,
            guest="guest: true" in record,
            needs_login=bool(role) or "auth: true" in record,
            redirect=bool(re.search(r"\bredirect:", record)),
            catch_all=path.startswith("/:pathMatch"),
        ))
    assert len(routes) >= 20, "could not read the routes of frontend/router.js"
    return routes


def routes_for(role: str) -> list[Route]:
    """What a person in this role can reach: their role's pages and every page not tied to a role."""
    if role == "visitor":
        return [r for r in app_routes() if not r.role]
    return [r for r in app_routes() if (r.role == role or not r.role) and not r.guest]


@dataclass
class DemoClinic:
    logins: dict
    doctor_id: int
    patient_of_doctor_id: int
    assessment_id: int
    job_ids: dict


@pytest.fixture
def demo_clinic(app) -> DemoClinic:
    """`flask seed-demo`, plus what some pages show: a symptom check, an email, a finished export per role."""
    from backend.services.booking.bookings import book_slot
    from backend.services.ops.demo import seed_demo
    from backend.services.triage.assessments import answer_assessment, request_assessment

    logins = seed_demo()
    user_of = {role: db.session.execute(sa.select(User).where(User.email == logins[role])).scalar_one()
               for role in ("admin", "doctor", "patient")}
    patient = user_of["patient"].patient
    doctor = user_of["doctor"].doctor
    assessment = request_assessment(patient.id, symptoms="itchy red rash on my arms for two weeks, no fever",
                                    share_history=False, age_years=None)
    answer_assessment(assessment.id)
    seen = db.session.execute(sa.select(Appointment.patient_id).where(Appointment.doctor_id == doctor.id)
                              .order_by(Appointment.date.desc()).limit(1)).scalar_one()
    # An email in the outbox: another patient books a free time.
    other = db.session.execute(sa.select(Patient).where(Patient.id != patient.id).order_by(Patient.id.desc())
                               .limit(1)).scalar_one()
    from backend.models import DoctorAvailability
    free = db.session.execute(sa.select(DoctorAvailability).where(
        DoctorAvailability.is_booked.is_(False), DoctorAvailability.date >= clinic_today() + timedelta(days=2))
        .order_by(DoctorAvailability.date, DoctorAvailability.start_time).limit(1)).scalar_one()
    book_slot(other.id, free.id, reason="Check-up")
    now = utc_now()
    jobs = {}
    for role, user in user_of.items():
        job = Job(kind="export_treatments", owner_id=user.id, status="done", progress=100, rows_done=12,
                  rows_total=12, params={"scope": role}, created_at=now, finished_at=now,
                  expires_at=now + timedelta(days=7), result_path=os.path.join(app.config["EXPORT_DIR"], "x.csv"),
                  result_filename="treatments.csv")
        db.session.add(job)
        db.session.flush()
        jobs[role] = job.id
    db.session.commit()
    return DemoClinic(logins=logins, doctor_id=db.session.execute(sa.select(Doctor.id).order_by(Doctor.id.desc())
                                                                    .limit(1)).scalar_one(),
                      patient_of_doctor_id=seen, assessment_id=assessment.id, job_ids=jobs)


# Pages opened from a link that carries a token (a confirmation or password email): opened without one,
# the server's 4xx is the expected answer, and the page says the link is not valid.
TOKEN_PAGES = ("/confirm-email", "/reset-password")


def concrete_path(route: Route, role: str, clinic: DemoClinic) -> tuple[str, bool]:
    """The route with its parameters filled in from the demo clinic; and whether a 4xx is expected
    (a parameter this review does not know, filled with 1)."""
    if route.catch_all:
        return "/no-such-page", False
    values = {
        "/patient/check/:id": str(clinic.assessment_id),
        "/doctor/patients/:id": str(clinic.patient_of_doctor_id),
        "/exports/:id": str(clinic.job_ids.get(role, 1)),
    }
    if route.path in values:
        return route.path.replace(":id", values[route.path]), False
    if re.search(r"doctors/:id$", route.path):
        return route.path.replace(":id", str(clinic.doctor_id)), False
    if ":" in route.path:
        return re.sub(r":\w+\??", "1", route.path), True
    return route.path, route.path in TOKEN_PAGES


# Run in the page: problems a person would see in the layout.
LAYOUT_PROBLEMS = r"""() => {
  const problems = []
  const root = document.documentElement
  if (root.scrollWidth > window.innerWidth + 1) problems.push(`the page scrolls sideways: ${root.scrollWidth}px wide in a ${window.innerWidth}px window`)
  for (const box of document.querySelectorAll('.table-responsive')) {
    if (box.offsetParent && box.scrollWidth > box.clientWidth + 1) problems.push(`a table scrolls sideways (${box.scrollWidth}px in ${box.clientWidth}px): ${box.querySelector('table')?.dataset.testid || ''}`)
  }
  // A word split over two lines inside a table cell ("Activ" / "e"): its letters lie on two line boxes.
  const cut = new Set()
  for (const cell of document.querySelectorAll('td, th')) {
    if (!cell.offsetParent) continue
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT)
    while (walker.nextNode()) {
      const node = walker.currentNode
      for (const match of node.data.matchAll(/[\p{L}\p{N}]{2,}/gu)) {
        const range = document.createRange()
        range.setStart(node, match.index)
        range.setEnd(node, match.index + match[0].length)
        const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)))
        if (tops.size > 1) cut.add(match[0])
      }
    }
  }
  if (cut.size) problems.push(`words cut inside a table cell: ${[...cut].slice(0, 8).join(', ')}`)
  return problems
}"""


# Counts the app's requests in flight (api.js is the only module that calls the network, through fetch).
COUNT_FETCHES = """
window.__inflight = 0
const originalFetch = window.fetch
window.fetch = (...args) => {
  window.__inflight += 1
  return originalFetch(...args).finally(() => { window.__inflight -= 1 })
}
"""


def settle(page) -> None:
    """Wait until the app has no request in flight, no loading block, and its page heading is there."""
    page.wait_for_function(
        """() => window.__inflight === 0 && !document.querySelector("[data-testid='loading']")
               && document.querySelector('main h1') && !document.querySelector("[data-rendered='false']")""",
        timeout=SETTLE_SECONDS * 1000, polling=100)
    # A request the page starts right after the first answer (a second list) gets its turn too.
    page.wait_for_timeout(300)
    page.wait_for_function("() => window.__inflight === 0", timeout=SETTLE_SECONDS * 1000, polling=100)


def review(page, name: str, expect_4xx: bool, failures: list, responses: list) -> None:
    problems = [f"{r}" for r in responses if not (expect_4xx and 400 <= int(r.split()[0]) < 500)]
    responses.clear()
    problems += page.evaluate(LAYOUT_PROBLEMS)
    problems += [f"axe {v['impact']}: {v['id']} ({v['help']}) at {v['targets']}"
                 for v in serious_accessibility_violations(page)]
    page.evaluate("""display => document.querySelectorAll("[data-testid='toast-region']")
      .forEach(region => { region.style.display = display })""", "none")
    page.screenshot(path=os.path.join(SCREENS, f"{name}.png"), full_page=True)
    page.evaluate("""() => document.querySelectorAll("[data-testid='toast-region']")
      .forEach(region => { region.style.display = '' })""")
    failures.extend(f"{name}: {problem}" for problem in problems)


@pytest.mark.timeout(240)
@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize("role", ROLES)
def test_every_screen_in_every_role(open_page, demo_clinic, role, viewport):
    os.makedirs(SCREENS, exist_ok=True)
    page = open_page(viewport=VIEWPORTS[viewport])
    page.context.add_init_script(COUNT_FETCHES)
    bad_responses: list[str] = []
    page.on("requestfailed", lambda request: bad_responses.append(
        f"0 network failure {request.method} {request.url} ({request.failure})"))
    page.on("response", lambda response: bad_responses.append(
        f"{response.status} {response.request.method} {response.url}") if response.status >= 400 else None)
    # Pages whose parameter this review does not know answer 404 on purpose; Chromium logs those.
    open_page.allow_console(r"status of 404 .*/(api|patient|doctor|admin)/.*/1\b")
    open_page.allow_console(r"status of 40[04] .*/auth/(email/confirm|password/reset)")

    if role != "visitor":
        log_in(page, demo_clinic.logins[role], password=demo_clinic.logins["password"])
    failures: list[str] = []
    visited = []
    for route in routes_for(role):
        path, expect_4xx = concrete_path(route, role, demo_clinic)
        slug = re.sub(r"[^a-z0-9]+", "-", path.lower()).strip("-") or "root"
        page.goto(f"/#{path}")
        settle(page)
        # A link from an email or an old address lands on a real page, not "Page not found".
        if (route.redirect or (route.needs_login and role == "visitor")) and page.locator(
                "main h1", has_text="Page not found").count():
                failures.append(f"{path} as {role}: leads to 'Page not found'")
        review(page, f"{role}-{viewport}-{slug}", expect_4xx, failures, bad_responses)
        visited.append(path)
    assert len(visited) >= (3 if role == "visitor" else 5), visited
    assert not failures, "the screen review found problems:\n" + "\n".join(failures)
