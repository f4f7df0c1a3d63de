"""A writer's announcement in one round trip: Redis entries deleted, every process told, and the writer
answered once they have all dropped their copies (backend/near_cache.py, NearCache.announce)."""
from __future__ import annotations

import logging
import time

import redis

from backend.near_cache import ACK_SECONDS, CHANNEL
from tests.test_near_cache import near, raw_redis, subscribed_copy  # noqa: F401 - fixtures


def test_the_keys_and_the_keys_a_registry_lists_are_deleted_and_every_copy_dropped(near, redis_url,  # noqa: F811
                                                                                 raw_redis):  # noqa: F811
    writer = subscribed_copy(redis_url)
    try:
        raw_redis.set("doctors:all", "[1]")
        raw_redis.set("doctors:slots:3:-:-", "[2]")
        raw_redis.set("dashboard:admin", "{}")
        raw_redis.set("unrelated", "kept")
        raw_redis.sadd("doctors:keys", "doctors:slots:3:-:-")
        for _ in range(10):
            near.put("doctors:slots:3:-:-", "[2]", near.generation())
            writer.announce(redis.Redis.from_url(redis_url), ["doctors:*", "dashboard:admin"],
                            delete=["doctors:all", "dashboard:admin"], delete_listed_in=["doctors:keys"])
            assert near.get("doctors:slots:3:-:-") is None, "dropped before announce() returned"
        assert raw_redis.exists("doctors:all", "doctors:slots:3:-:-", "dashboard:admin", "doctors:keys") == 0
        assert raw_redis.get("unrelated") == b"kept"
    finally:
        writer.configure(None, 0)


def test_a_process_that_never_answers_delays_the_writer_at_most_the_ack_time(near, redis_url, caplog):  # noqa: F811
    """Even with the app's short socket timeout: the wait is cut in reads shorter than it."""
    silent = redis.Redis.from_url(redis_url).pubsub()
    silent.subscribe(CHANNEL)  # receives, never acknowledges
    assert silent.get_message(timeout=1.0)["type"] == "subscribe"
    writer = subscribed_copy(redis_url)
    try:
        client = redis.Redis.from_url(redis_url, socket_timeout=0.2)
        started = time.monotonic()
        with caplog.at_level(logging.WARNING, logger="backend.near_cache"):
            writer.announce(client, ["session:abc"])
        waited = time.monotonic() - started
        # It gives up at ACK_SECONDS (plus what a busy machine adds), warns, and no read timed out.
        assert ACK_SECONDS <= waited < ACK_SECONDS + 2, waited
        assert "did not confirm a change in time" in caplog.text
    finally:
        silent.close()
        writer.configure(None, 0)
