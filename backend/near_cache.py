"""A per-process copy of hot Redis entries, dropped across processes the moment they change.

The logged-in listing, the public directory and every logged-in request's
session lookup read Redis. On a small machine each round-trip costs more than
the rest of the request, so each process keeps what it read for a couple of
seconds (NEAR_CACHE_SECONDS) and serves it from memory.

Correctness comes from invalidation, not from the short life:
- a writer drops keys through `invalidate()` (the cache's `clear_*()` and the
  session revocation do): the entries go from this process at once, from
  Redis, and a message on the `carequeue:invalidate` channel tells every other
  process to drop them too;
- each process has one listener thread subscribed to that channel. Only while
  it is subscribed is the local copy used; when its connection fails the copy
  is emptied and reads go to Redis (and, through the breaker, the database)
  until it has subscribed again;
- a read records the invalidation count before asking Redis and keeps the
  answer only if no invalidation arrived meanwhile, so a value read just
  before a change is never kept after it.

If Redis hangs, no message can be published or received; a local copy then
outlives a change by at most NEAR_CACHE_SECONDS, after which reads go to
Redis, fail fast and fall through to the database, which is always right.
"""
from __future__ import annotations

import logging
import os
import threading
import time
from typing import Any, Iterable

import redis

log = logging.getLogger(__name__)

CHANNEL = "carequeue:invalidate"
PREFIX_MARK = "*"  # a message ending in "*" drops every key with that prefix
_RECONNECT_SECONDS = 1.0
_HEARTBEAT_SECONDS = 0.5
_SILENCE_SECONDS = 2.0


class NearCache:
    def __init__(self) -> None:
        self.seconds = 0.0
        self._url: str | None = None
        self._entries: dict[str, tuple[float, Any]] = {}
        self._generation = 0
        self._subscribed = False
        self._lock = threading.Lock()
        self._listener: threading.Thread | None = None
        self._listener_pid = 0
        self._stop = threading.Event()

    # ---- configuration ----------------------------------------------------

    def configure(self, url: str | None, seconds: float) -> None:
        """(Re)point at a Redis server; a new server or setting starts from an empty copy."""
        with self._lock:
            changed = url != self._url
            self._url = url
            self.seconds = float(seconds or 0)
            self._entries.clear()
            self._generation += 1
            if changed:
                self._stop.set()
                self._stop = threading.Event()
                self._listener = None
                self._subscribed = False

    @property
    def enabled(self) -> bool:
        return self.seconds > 0 and self._url is not None

    # ---- reading ----------------------------------------------------------

    def get(self, key: str) -> Any | None:
        if not self._ready():
            return None
        found = self._entries.get(key)
        if found is None:
            return None
        expires, value = found
        if time.monotonic() >= expires:
            self._entries.pop(key, None)
            return None
        return value

    def generation(self) -> int:
        """Taken before a Redis read; `put` keeps the answer only if it is still the same."""
        return self._generation

    def put(self, key: str, value: Any, generation: int) -> None:
        if value is None or not self._ready():
            return
        with self._lock:
            if generation == self._generation and self._subscribed:
                if len(self._entries) > 50_000:
                    self._entries.clear()
                self._entries[key] = (time.monotonic() + self.seconds, value)

    # ---- invalidation -----------------------------------------------------

    def drop_local(self, names: Iterable[str]) -> None:
        """Drop keys (or `prefix*`) from this process's copy."""
        names = list(names)
        with self._lock:
            self._generation += 1
            for name in names:
                if name.endswith(PREFIX_MARK):
                    prefix = name[:-1]
                    for key in [k for k in self._entries if k.startswith(prefix)]:
                        del self._entries[key]
                else:
                    self._entries.pop(name, None)

    def announce(self, client: redis.Redis, names: Iterable[str]) -> None:
        """Drop keys here and tell every other process; raises RedisError when Redis cannot be told."""
        names = [n for n in names if n]
        if not names:
            return
        self.drop_local(names)
        if self.enabled:
            client.publish(CHANNEL, "\n".join(names))

    def clear(self) -> None:
        with self._lock:
            self._generation += 1
            self._entries.clear()

    # ---- the listener -----------------------------------------------------

    def _ready(self) -> bool:
        if not self.enabled:
            return False
        if self._listener is None or self._listener_pid != os.getpid():
            self._start_listener()
            return False
        return self._subscribed

    def _start_listener(self) -> None:
        with self._lock:
            if self._listener is not None and self._listener_pid == os.getpid():
                return
            # After a fork the parent's thread is gone: this process starts its own, from an empty copy.
            self._entries.clear()
            self._subscribed = False
            self._listener_pid = os.getpid()
            stop = self._stop
            self._listener = threading.Thread(target=self._listen, args=(self._url, stop),
                                              name="near-cache-listener", daemon=True)
            self._listener.start()

    def _set_subscribed(self, value: bool, stop: threading.Event) -> None:
        with self._lock:
            if stop.is_set():
                return
            self._subscribed = value
            self._generation += 1
            self._entries.clear()

    def _listen(self, url: str, stop: threading.Event) -> None:
        while not stop.is_set():
            pubsub = None
            try:
                client = redis.Redis.from_url(url, socket_timeout=5, socket_connect_timeout=1)
                pubsub = client.pubsub()
                pubsub.subscribe(CHANNEL)
                # Trust the copy only once the subscription is confirmed.
                confirmed = pubsub.get_message(timeout=1.0)
                if not confirmed or confirmed.get("type") != "subscribe":
                    raise redis.ConnectionError("subscription not confirmed")
                self._set_subscribed(True, stop)
                heard = time.monotonic()
                while not stop.is_set():
                    message = pubsub.get_message(timeout=_HEARTBEAT_SECONDS)
                    now = time.monotonic()
                    if message is None:
                        # A heartbeat: a hung or silent server is noticed within a few seconds.
                        if now - heard > _SILENCE_SECONDS:
                            raise redis.TimeoutError("no answer to the heartbeat")
                        pubsub.ping()
                        continue
                    heard = now
                    if message.get("type") == "message":
                        data = message["data"]
                        text = data.decode() if isinstance(data, bytes) else str(data)
                        self.drop_local(text.split("\n"))
            except (redis.RedisError, OSError, ValueError) as exc:
                if not stop.is_set() and self._subscribed:
                    log.warning("near cache off until Redis answers again: %s", exc)
                self._set_subscribed(False, stop)
                stop.wait(_RECONNECT_SECONDS)
            finally:
                if pubsub is not None:
                    try:
                        pubsub.close()
                    except Exception:  # noqa: BLE001 - closing a broken connection
                        pass


near_cache = NearCache()
