"""The public directory: GET /api/doctors and /api/doctors/<id>/availability, for anyone, from cached bytes."""
from __future__ import annotations

from datetime import time, timedelta

import pytest
import redis
import sqlalchemy as sa

from backend.services.clock import clinic_today

PRIVATE = {"email", "user_id", "is_active", "created_at", "phone", "password_hash", "notify_mode"}


@pytest.fixture
def clinic(app, factory):
    doctor = factory.doctor(full_name="Dr. Public", specialization="Dermatology")
    other = factory.doctor(full_name="Dr. Other", specialization="Cardiology")
    day = clinic_today() + timedelta(days=2)
    slots = [factory.slot(doctor, day, time(10, 0)), factory.slot(doctor, day, time(11, 0))]
    return {"doctor": doctor, "other": other, "slots": slots}


def test_anyone_can_list_the_doctors_and_nothing_private_is_shown(client, clinic):
    answer = client.get("/api/doctors")
    assert answer.status_code == 200 and answer.headers["X-Cache"] == "miss"
    body = answer.get_json()
    assert body["total"] == 2 and [d["full_name"] for d in body["items"]] == ["Dr. Other", "Dr. Public"]
    public = next(d for d in body["items"] if d["full_name"] == "Dr. Public")
    assert public["specialization"]["name"] == "Dermatology" and public["qualification"] == "MBBS"
    assert public["fee"] and public["next_free_slot"]["id"] == clinic["slots"][0].id
    assert not PRIVATE & set(public)


def test_a_hit_is_the_stored_bytes(client, clinic, redis_url):
    first = client.get("/api/doctors")
    second = client.get("/api/doctors")
    assert second.headers["X-Cache"] == "hit" and second.data == first.data
    stored = redis.Redis.from_url(redis_url).get("doctors:page:all:1:20")
    assert stored == second.data


def test_filters_search_and_paging(client, clinic):
    spec_id = clinic["doctor"].specialization_id
    assert [d["full_name"] for d in client.get(f"/api/doctors?spec_id={spec_id}").get_json()["items"]] == ["Dr. Public"]
    assert [d["full_name"] for d in client.get("/api/doctors?q=other").get_json()["items"]] == ["Dr. Other"]
    page = client.get("/api/doctors?per_page=1&page=2").get_json()
    assert page["total"] == 2 and [d["full_name"] for d in page["items"]] == ["Dr. Public"]
    assert client.get("/api/doctors?per_page=1000").status_code == 400
    assert client.get("/api/doctors?spec_id=abc").status_code == 400


def test_free_times_for_anyone_and_refreshed_by_a_booking(client, new_client, factory, clinic):
    doctor, slots = clinic["doctor"], clinic["slots"]
    url = f"/api/doctors/{doctor.id}/availability"
    first = client.get(url)
    assert first.status_code == 200 and first.headers["X-Cache"] == "miss"
    assert [s["id"] for s in first.get_json()["items"]] == [s.id for s in slots]
    assert client.get(url).headers["X-Cache"] == "hit"
    factory.patient(email="p@example.com")
    patient = new_client()
    patient.login("p@example.com")
    assert patient.get(f"/patient/doctors/{doctor.id}/availability").headers["X-Cache"] == "hit"  # the same bytes
    assert patient.post("/patient/appointments", json={"slot_id": slots[0].id}).status_code == 201
    after = client.get(url)
    assert after.headers["X-Cache"] == "miss" and [s["id"] for s in after.get_json()["items"]] == [slots[1].id]
    listing = client.get("/api/doctors").get_json()["items"]
    assert next(d for d in listing if d["id"] == doctor.id)["next_free_slot"]["id"] == slots[1].id


def test_free_times_cache_expires_before_the_first_slot_leaves_the_window(app, client, factory, redis_url):
    """A slot about to fall inside the minimum notice must not be offered from the cache after that moment."""
    from datetime import datetime

    from backend.services.clock import clinic_now, utc_now
    from backend.services.scheduling.bookability import starts_at

    doctor = factory.doctor()
    notice = timedelta(minutes=app.config["BOOKING_MIN_NOTICE_MINUTES"])
    start = (clinic_now() + notice + timedelta(seconds=65)).replace(second=0, microsecond=0)  # 5 to 65 s away
    end = datetime.combine(start.date(), start.time()) + timedelta(minutes=5)
    if end.date() != start.date():
        start -= timedelta(minutes=10)  # keep the slot within one day
    factory.slot(doctor, start.date(), start.time(), minutes=5)
    assert len(client.get(f"/api/doctors/{doctor.id}/availability").get_json()["items"]) == 1
    leaves_window = (starts_at(start.date(), start.time()) - notice - utc_now()).total_seconds()
    ttl = redis.Redis.from_url(redis_url).ttl(f"doctors:slots:{doctor.id}:-:-")
    assert 0 < ttl <= min(60, leaves_window + 1)


def test_an_inactive_or_unknown_doctor_is_404(client, factory, clinic):
    admin = factory.admin()
    from backend.services.directory import doctors

    assert client.get(f"/api/doctors/{clinic['other'].id}/availability").status_code == 200
    doctors.set_user_active(clinic["other"].user_id, False, actor_id=admin.id)
    assert client.get(f"/api/doctors/{clinic['other'].id}/availability").status_code == 404
    assert client.get("/api/doctors/999999/availability").status_code == 404
    assert [d["full_name"] for d in client.get("/api/doctors").get_json()["items"]] == ["Dr. Public"]


def test_bad_dates_are_400(client, clinic):
    assert client.get(f"/api/doctors/{clinic['doctor'].id}/availability?from=tomorrow").status_code == 400


@pytest.mark.parametrize("role", ["patient", "doctor", "admin"])
def test_every_role_gets_the_same_directory(client, factory, clinic, role):
    user = {"patient": lambda: factory.patient(email="x@example.com").user,
            "doctor": lambda: factory.doctor(email="x@example.com").user,
            "admin": lambda: factory.admin(email="x@example.com")}[role]()
    client.login(user.email)
    assert client.get("/api/doctors").status_code == 200
    assert client.get(f"/api/doctors/{clinic['doctor'].id}/availability").status_code == 200


def test_works_with_redis_down(make_app, factory, clinic):
    from tests.conftest import ApiClient, free_port

    offline = make_app(REDIS_URL=f"redis://127.0.0.1:{free_port()}/0")
    with offline.app_context():
        client = ApiClient(offline.test_client())
        answer = client.get("/api/doctors")
        assert answer.status_code == 200 and answer.headers["X-Cache"] == "bypass"
        assert answer.get_json()["total"] == 2


# ---- the cached front: near hits sent before Flask (backend/api/cached_front.py) -------------------------

@pytest.fixture
def app_calls(app):
    """How many requests reached Flask behind the cached front."""
    from backend.api.cached_front import CachedDirectoryFront

    front = app.wsgi_app
    assert isinstance(front, CachedDirectoryFront)
    inner, calls = front.app, []

    def counting(environ, start_response):
        calls.append(environ["PATH_INFO"] + "?" + environ.get("QUERY_STRING", ""))
        return inner(environ, start_response)

    front.app = counting
    yield calls
    front.app = inner


def warm_near_copy(client, url: str) -> None:
    """Miss (rendered), then a Redis hit that this process keeps, once its near cache listens."""
    from tests.test_near_cache import wait_for
    from backend.near_cache import near_cache

    client.get(url)
    near_cache.get("warm-up")
    assert wait_for(lambda: near_cache._subscribed)
    assert client.get(url).headers["X-Cache"] == "hit"


@pytest.mark.parametrize("path", ["/api/doctors", "/api/doctors?page=1&per_page=20", "/api/doctors?per_page=1",
                                  "AVAILABILITY"])
def test_a_near_hit_is_sent_before_flask_with_the_apps_own_headers(client, clinic, app_calls, path):
    url = path.replace("AVAILABILITY", f"/api/doctors/{clinic['doctor'].id}/availability")
    front_answers_as_the_app_did(client, url, app_calls)


def front_answers_as_the_app_did(client, url: str, app_calls):
    """Warm the near copy, ask the app once, then the front: the same status, bytes and headers, without Flask."""
    warm_near_copy(client, url)
    from_app = client.get(url)
    reached = len(app_calls)
    front = client.get(url)
    assert len(app_calls) == reached, "answered by the front, without entering Flask"
    assert front.status_code == 200 and front.data == from_app.data
    assert sorted(front.headers.items()) == sorted(from_app.headers.items())
    return front


def test_a_booking_reaches_the_front_at_once(client, new_client, factory, clinic, app_calls):
    doctor, slots = clinic["doctor"], clinic["slots"]
    url = f"/api/doctors/{doctor.id}/availability"
    warm_near_copy(client, url)
    reached = len(app_calls)
    assert [s["id"] for s in client.get(url).get_json()["items"]] == [s.id for s in slots]
    assert len(app_calls) == reached
    factory.patient(email="p@example.com")
    patient = new_client()
    patient.login("p@example.com")
    assert patient.post("/patient/appointments", json={"slot_id": slots[0].id}).status_code == 201
    reached = len(app_calls)
    after = client.get(url)
    assert len(app_calls) == reached + 1 and after.headers["X-Cache"] == "miss"
    assert [s["id"] for s in after.get_json()["items"]] == [slots[1].id]


def test_what_the_front_does_not_answer_goes_to_flask(client, factory, clinic, app_calls):
    warm_near_copy(client, "/api/doctors")
    reached = len(app_calls)
    client.get("/api/doctors")
    assert len(app_calls) == reached  # the front's own
    spec_id = clinic["doctor"].specialization_id
    for url, status in [("/api/doctors?per_page=1000", 400), ("/api/doctors?spec_id=abc", 400),
                        ("/api/doctors?page=0", 400), ("/api/doctors?q=other", 200),
                        ("/api/doctors?page=1&page=2", 200), (f"/api/doctors?spec_id={spec_id}", 200),
                        (f"/api/doctors/{clinic['doctor'].id}/availability?from=tomorrow", 400),
                        ("/api/doctors/999999/availability", 404)]:
        before = len(app_calls)
        assert client.get(url).status_code == status, url
        assert len(app_calls) == before + 1, url
    before = len(app_calls)
    assert client.get("/api/doctors", headers={"Origin": "https://elsewhere.example"}).status_code == 200
    assert client._call("HEAD", "/api/doctors").status_code == 200
    assert len(app_calls) == before + 2
    factory.patient(email="p@example.com")
    client.login("p@example.com")
    before = len(app_calls)
    logged_in = client.get("/api/doctors")
    assert len(app_calls) == before + 1 and logged_in.headers["Cache-Control"] == "no-store"


# ---- a patient's own listing and free times, sent before Flask once the login is known here -------------

def _patient_url(path: str, clinic) -> str:
    return path.replace("AVAILABILITY", f"/patient/doctors/{clinic['doctor'].id}/availability")


def _sent_by_front(client, url: str, app_calls) -> bool:
    reached = len(app_calls)
    client.get(url)
    return len(app_calls) == reached


@pytest.mark.parametrize("path", ["/patient/doctors", "/patient/doctors?page=1&per_page=20", "AVAILABILITY"])
def test_a_patients_near_hit_is_sent_before_flask_with_the_apps_own_headers(patient_client, clinic, app_calls,
                                                                           path):
    front = front_answers_as_the_app_did(patient_client, _patient_url(path, clinic), app_calls)
    assert front.headers["Cache-Control"] == "no-store" and "Set-Cookie" not in front.headers


def test_the_front_never_answers_a_login_it_does_not_know_or_one_that_has_ended(patient_client, new_client, clinic,
                                                                               app_calls):
    url = "/patient/doctors"
    warm_near_copy(patient_client, url)
    patient_client.get(url)
    assert _sent_by_front(patient_client, url, app_calls)
    cookie = patient_client.raw.get_cookie("session").value
    # Not logged in, and a cookie changed by one character inside its signed contents (the last character of a
    # base64 part may carry unused bits, so a change there can leave the same bytes): the app answers 401.
    middle = len(cookie) // 3
    changed = cookie[:middle] + ("A" if cookie[middle] != "A" else "B") + cookie[middle + 1:]
    for value in (None, changed):
        other = new_client()
        if value is not None:
            other.raw.set_cookie("session", value)
        reached = len(app_calls)
        assert other.get(url).status_code == 401
        assert len(app_calls) == reached + 1
    # The same cookie in another browser is the same login: answered here.
    copy = new_client()
    copy.raw.set_cookie("session", cookie)
    assert _sent_by_front(copy, url, app_calls) and copy.get(url).status_code == 200
    # Logged out: the cookie kept by the other browser is refused at once, by the app.
    assert patient_client.logout().status_code == 204
    reached = len(app_calls)
    assert copy.get(url).status_code == 401
    assert len(app_calls) == reached + 1


def test_a_deactivated_patient_is_refused_at_once(patient_client, factory, clinic, app_calls):
    from backend.services.accounts.users import set_user_active

    url = f"/patient/doctors/{clinic['doctor'].id}/availability"
    warm_near_copy(patient_client, url)
    patient_client.get(url)
    assert _sent_by_front(patient_client, url, app_calls)
    admin = factory.admin()
    set_user_active(patient_client.patient.user_id, False, actor_id=admin.id)
    reached = len(app_calls)
    assert patient_client.get(url).status_code == 401
    assert len(app_calls) == reached + 1


def test_an_expired_cookie_goes_to_the_app(app, client, factory, clinic, app_calls):
    import time as clock

    url = "/patient/doctors"
    factory.patient(email="front@example.com")
    client.login("front@example.com")
    signed = clock.monotonic()  # the cookie's signing time, in whole seconds, is at most this
    clock.sleep(1.0)
    warm_near_copy(client, url)  # the page and the session are near now, for the next 2 s
    client.get(url)
    assert _sent_by_front(client, url, app_calls)
    lifetime = app.config["PERMANENT_SESSION_LIFETIME"]
    app.config["PERMANENT_SESSION_LIFETIME"] = timedelta(seconds=1)
    try:
        # Two whole seconds old for the app's own check too; the near copy of the session still holds.
        clock.sleep(max(0.0, signed + 2.1 - clock.monotonic()))
        reached = len(app_calls)
        assert client.get(url).status_code == 401
        assert len(app_calls) == reached + 1
    finally:
        app.config["PERMANENT_SESSION_LIFETIME"] = lifetime


def test_other_roles_reach_the_app_and_are_refused_there(patient_client, new_client, clinic, app_calls):
    from backend.extensions import db
    from backend.models import AuditLog

    warm_near_copy(patient_client, "/patient/doctors")
    patient_client.get("/patient/doctors")
    assert _sent_by_front(patient_client, "/patient/doctors", app_calls)  # the page and its headers are here
    doctor, client = clinic["doctor"], new_client()
    client.login(doctor.user.email)
    warm_near_copy(client, "/api/doctors")  # the near copy now holds the doctor's live session too
    for _ in range(2):
        reached = len(app_calls)
        answer = client.get("/patient/doctors")
        assert answer.status_code == 403 and len(app_calls) == reached + 1
    denied = db.session.execute(sa.select(sa.func.count()).select_from(AuditLog)
                                .where(AuditLog.action == "request.denied", AuditLog.actor_id == doctor.user_id))
    assert denied.scalar_one() == 2


def test_a_booking_reaches_a_patients_front_at_once(patient_client, clinic, app_calls):
    doctor, slots = clinic["doctor"], clinic["slots"]
    url = f"/patient/doctors/{doctor.id}/availability"
    warm_near_copy(patient_client, url)
    patient_client.get(url)
    reached = len(app_calls)
    assert [s["id"] for s in patient_client.get(url).get_json()["items"]] == [s.id for s in slots]
    assert len(app_calls) == reached
    assert patient_client.post("/patient/appointments", json={"slot_id": slots[0].id}).status_code == 201
    reached = len(app_calls)
    after = patient_client.get(url)
    assert len(app_calls) == reached + 1 and after.headers["X-Cache"] == "miss"
    assert [s["id"] for s in after.get_json()["items"]] == [slots[1].id]
