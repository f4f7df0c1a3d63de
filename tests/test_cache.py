"""services/cache.py against a real Redis: hit after miss, invalidation by each write, and Redis down or hanging."""
from __future__ import annotations

import socket
import threading
import time as clock_time
from datetime import time, timedelta

import pytest

from backend.extensions import redis_handle
from backend.services.clock import clinic_today
from tests.conftest import free_port


@pytest.fixture
def people(app, factory, client, new_client):
    doctor = factory.doctor(full_name="Dr. Cache")
    patient = factory.patient()
    admin = factory.admin()
    client.login(patient.user.email)
    admin_client = new_client()
    admin_client.login(admin.email)
    doctor_client = new_client()
    doctor_client.login(doctor.user.email)
    return {"doctor": doctor, "patient": patient, "me": client, "admin": admin_client, "doc": doctor_client}


def cache_state(response) -> str:
    assert response.status_code == 200, response.get_json()
    return response.headers["X-Cache"]


def test_listing_is_a_miss_then_a_hit(people):
    me = people["me"]
    assert cache_state(me.get("/patient/doctors")) == "miss"
    assert cache_state(me.get("/patient/doctors")) == "hit"
    assert cache_state(me.get("/patient/specializations")) == "miss"
    assert cache_state(me.get("/patient/specializations")) == "hit"
    assert cache_state(people["admin"].get("/admin/dashboard")) == "miss"
    assert cache_state(people["admin"].get("/admin/dashboard")) == "hit"


def test_ttls_are_those_of_the_design(people, redis_url):
    import redis

    me = people["me"]
    me.get("/patient/doctors")
    me.get(f"/patient/doctors?spec_id={people['doctor'].specialization_id}")
    me.get("/patient/specializations")
    me.get("/patient/dashboard")
    people["admin"].get("/admin/dashboard")
    people["doc"].get("/doctor/dashboard")
    raw = redis.Redis.from_url(redis_url)
    expected = {"doctors:all": 600, f"doctors:spec:{people['doctor'].specialization_id}": 600,
                "specializations:all": 3600, "dashboard:admin": 300,
                f"dashboard:doctor:{people['doctor'].id}": 300, f"dashboard:patient:{people['patient'].id}": 300}
    for key, ttl in expected.items():
        assert ttl - 5 <= raw.ttl(key) <= ttl, key


def test_booking_and_cancelling_refresh_the_next_free_slot(people, factory):
    me, doctor = people["me"], people["doctor"]
    day = clinic_today() + timedelta(days=2)
    first = factory.slot(doctor, day, time(10, 0))
    second = factory.slot(doctor, day, time(11, 0))
    assert me.get("/patient/doctors").get_json()["items"][0]["next_free_slot"]["id"] == first.id
    assert cache_state(me.get("/patient/dashboard")) == "miss"
    booked = me.post("/patient/appointments", json={"slot_id": first.id})
    assert booked.status_code == 201
    listing = me.get("/patient/doctors")
    assert cache_state(listing) == "miss"
    assert listing.get_json()["items"][0]["next_free_slot"]["id"] == second.id
    dashboard = me.get("/patient/dashboard")
    assert cache_state(dashboard) == "miss" and len(dashboard.get_json()["upcoming"]) == 1
    me.post(f"/patient/appointments/{booked.get_json()['appointment']['id']}/cancel", json={})
    assert me.get("/patient/doctors").get_json()["items"][0]["next_free_slot"]["id"] == first.id


def test_admin_writes_clear_the_listings(people):
    me, admin, doctor = people["me"], people["admin"], people["doctor"]
    me.get("/patient/doctors")
    me.get("/patient/specializations")
    assert admin.post("/admin/specializations", json={"name": "Neurology"}).status_code == 201
    specs = me.get("/patient/specializations")
    assert cache_state(specs) == "miss" and "Neurology" in [s["name"] for s in specs.get_json()["items"]]

    assert admin.put(f"/admin/doctors/{doctor.id}", json={"full_name": "Dr. Renamed"}).status_code == 200
    listing = me.get("/patient/doctors")
    assert cache_state(listing) == "miss" and listing.get_json()["items"][0]["full_name"] == "Dr. Renamed"

    assert admin.delete(f"/admin/doctors/{doctor.id}").status_code == 204
    assert me.get("/patient/doctors").get_json()["items"] == []


def test_publishing_slots_clears_the_listing(people):
    me, doc = people["me"], people["doc"]
    assert me.get("/patient/doctors").get_json()["items"][0]["next_free_slot"] is None
    day = (clinic_today() + timedelta(days=3)).isoformat()
    assert doc.post("/doctor/availability", json={"date": day, "start_time": "10:00",
                                                  "end_time": "11:00"}).status_code == 201
    assert me.get("/patient/doctors").get_json()["items"][0]["next_free_slot"]["date"] == day


def test_outcome_clears_the_doctor_dashboard(people, factory, monkeypatch):
    from datetime import datetime, timezone

    from backend.services import clock

    doc, me, doctor = people["doc"], people["me"], people["doctor"]
    slot = factory.slot(doctor, clinic_today() + timedelta(days=2), time(10, 0))
    appointment_id = me.post("/patient/appointments", json={"slot_id": slot.id}).get_json()["appointment"]["id"]
    assert doc.get("/doctor/dashboard").get_json()["completed"] == 0
    start = datetime.combine(slot.date, slot.start_time).replace(tzinfo=clock.clinic_tz()).astimezone(timezone.utc)
    monkeypatch.setattr(clock, "utc_now", lambda: start + timedelta(minutes=5))
    assert doc.post(f"/doctor/appointments/{appointment_id}/complete",
                    json={"diagnosis": "Fine"}).status_code == 200
    dashboard = doc.get("/doctor/dashboard")
    assert cache_state(dashboard) == "miss" and dashboard.get_json()["completed"] == 1


@pytest.fixture
def hanging_redis():
    """A TCP server that accepts connections and never answers: Redis hung, not down."""
    port = free_port()
    server = socket.socket()
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind(("127.0.0.1", port))
    server.listen(64)
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        server.settimeout(0.1)
        while not stop.is_set():
            try:
                conn, _ = server.accept()
                held.append(conn)
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield f"redis://127.0.0.1:{port}/0"
    stop.set()
    thread.join()
    for conn in held:
        conn.close()
    server.close()


@pytest.mark.parametrize("kind", ["hanging", "refused"])
def test_listings_fall_through_to_the_database_when_redis_is_unusable(app, factory, make_app, hanging_redis, kind,
                                                                    redis_url):
    from tests.conftest import ApiClient

    url = hanging_redis if kind == "hanging" else f"redis://127.0.0.1:{free_port()}/0"
    doctor = factory.doctor(full_name="Dr. Fallback")
    patient = factory.patient()
    slot = factory.slot(doctor, clinic_today() + timedelta(days=2), time(10, 0))
    # Only the cache's Redis is broken here; the email broker has its own health story.
    broken = make_app(REDIS_URL=url, RATELIMIT_STORAGE_URI="memory://", CELERY_BROKER_URL=redis_url,
                      CELERY_RESULT_BACKEND=redis_url)
    me = ApiClient(broken.test_client())
    me.login(patient.user.email)

    started = clock_time.monotonic()
    first = me.get("/patient/doctors")
    first_took = clock_time.monotonic() - started
    assert first.status_code == 200 and first.headers["X-Cache"] == "bypass"
    assert first.get_json()["items"][0]["next_free_slot"]["id"] == slot.id
    assert first_took < 0.25 + 0.35, f"first request took {first_took:.3f}s"

    # The breaker is open now: later requests don't wait for Redis at all.
    started = clock_time.monotonic()
    for _ in range(5):
        assert me.get("/patient/doctors").headers["X-Cache"] == "bypass"
    assert (clock_time.monotonic() - started) / 5 < 0.1

    booked = me.post("/patient/appointments", json={"slot_id": slot.id})
    assert booked.status_code == 201, "writes still succeed without Redis"
    assert me.get("/patient/doctors").get_json()["items"][0]["next_free_slot"] is None
    assert me.get("/patient/dashboard").status_code == 200


def test_the_breaker_lets_redis_back_in(app, people):
    # The near cache's listener starts with the first request and closes the breaker when it subscribes:
    # let it subscribe first, so it is the outage below that the requests see.
    from backend.near_cache import near_cache

    people["me"].get("/patient/doctors")
    deadline = clock_time.monotonic() + 10
    while near_cache.enabled and not near_cache._ready() and clock_time.monotonic() < deadline:
        clock_time.sleep(0.05)
    redis_handle.trip(RuntimeError("simulated outage"))
    assert cache_state(people["me"].get("/patient/doctors")) == "bypass"
    redis_handle.reset()
    # Redis is read again: the listing cached before the outage is served from it.
    assert cache_state(people["me"].get("/patient/doctors")) == "hit"
