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
The listener notices a silent Redis within _SILENCE_SECONDS and keeps the
Redis breaker open while it cannot subscribe, so requests stop waiting for
it; it closes the breaker as soon as it has subscribed again. While Redis is down a listing
rendered from the database is reused by its process for OUTAGE_SECONDS (2 s)
rather than rendered again for every request; sessions are never reused so:
they are read from the database each time.
"""
from __future__ import annotations

import logging
import os
import secrets
import threading
import time
from typing import Any, Callable, Iterable

import redis

log = logging.getLogger(__name__)

CHANNEL = "carequeue:invalidate"
PREFIX_MARK = "*"  # a message ending in "*" drops every key with that prefix
ACK_MARK = "near-ack:"  # a message's first line: the key its receivers count themselves in
ACK_SECONDS = 0.25
_RECONNECT_SECONDS = 0.5
_HEARTBEAT_SECONDS = 0.25
_SILENCE_SECONDS = 1.5
OUTAGE_SECONDS = 2.0
OUTAGE_STALE_SECONDS = 5.0
_RENDER_WAIT_SECONDS = 5.0


class NearCache:
    def __init__(self) -> None:
        self.seconds = 0.0
        self._url: str | None = None
        self._entries: dict[str, tuple[float, Any]] = {}
        self._outage: dict[str, tuple[float, Any]] = {}  # key -> (rendered at, value)
        self._rendering: dict[str, threading.Event] = {}  # keys a thread is rendering now
        self._on_outage: Callable[[Exception], None] | None = None
        self._on_recovery: Callable[[], None] | None = None
        self._generation = 0
        self._subscribed = False
        self._lock = threading.Lock()
        self._listener: threading.Thread | None = None
        self._listener_pid = 0
        self._stop = threading.Event()

    # ---- configuration ----------------------------------------------------

    def configure(self, url: str | None, seconds: float,
                  on_outage: Callable[[Exception], None] | None = None,
                  on_recovery: Callable[[], None] | None = None) -> None:
        """(Re)point at a Redis server; a new server or setting starts from an empty copy.

        `on_outage` is told each time the listener finds Redis silent or gone (so callers stop waiting
        on it), `on_recovery` when it has subscribed again (so they stop skipping it).
        """
        with self._lock:
            changed = url != self._url
            self._url = url
            self.seconds = float(seconds or 0)
            self._on_outage = on_outage
            self._on_recovery = on_recovery
            self._entries.clear()
            self._outage.clear()
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

    # ---- while Redis is down ------------------------------------------------

    def get_rendered(self, key: str) -> Any | None:
        """What this process itself rendered from the database for `key` in the last OUTAGE_SECONDS (2 s).

        Only used while Redis cannot be reached: then no other process can announce a change anyway,
        and a listing rendered a second ago is better than rendering it again for every request.
        One thread renders a key at a time: the others are answered with the previous rendering (at
        most OUTAGE_STALE_SECONDS old), or, when there is none yet, wait for that thread's.
        None means: render it now, and `put_rendered` it.
        """
        with self._lock:
            found = self._outage.get(key)
            age = time.monotonic() - found[0] if found is not None else None
            if age is not None and age < OUTAGE_SECONDS:
                return found[1]
            rendering = self._rendering.get(key)
            if rendering is None:
                self._rendering[key] = threading.Event()
                return None  # this thread renders it
            if age is not None and age < OUTAGE_STALE_SECONDS:
                return found[1]
        rendering.wait(_RENDER_WAIT_SECONDS)
        found = self._outage.get(key)
        return found[1] if found is not None else None

    def put_rendered(self, key: str, value: Any, generation: int) -> None:
        with self._lock:
            rendering = self._rendering.pop(key, None)
            if value is not None and self.enabled and generation == self._generation:
                if len(self._outage) > 10_000:
                    self._outage.clear()
                self._outage[key] = (time.monotonic(), value)
        if rendering is not None:
            rendering.set()

    # ---- invalidation -----------------------------------------------------

    def drop_local(self, names: Iterable[str]) -> None:
        """Drop keys (or `prefix*`) from this process's copy."""
        names = list(names)
        with self._lock:
            self._generation += 1
            for name in names:
                for store in (self._entries, self._outage):
                    if name.endswith(PREFIX_MARK):
                        prefix = name[:-1]
                        for key in [k for k in store if k.startswith(prefix)]:
                            del store[key]
                    else:
                        store.pop(name, None)

    def announce(self, client: redis.Redis, names: Iterable[str], *, delete: Iterable[str] = (),
                 delete_listed_in: Iterable[str] = ()) -> None:
        """Drop keys here and in every other process, and return once they have all dropped them.

        Each listener acknowledges the message after dropping; the writer waits (at most ACK_SECONDS)
        until every process that received it has, so a read that follows the writer's answer, in any
        process, cannot be served the old copy. Raises RedisError when Redis cannot be told.

        `delete` (keys) and `delete_listed_in` (sets: the keys they list, and the sets) are deleted from
        Redis first, in the same round trip as the message and the wait: the Redis entries are gone
        before any process is told, as when the writer deletes them itself and then announces.
        """
        names = [n for n in names if n]
        delete = [k for k in delete if k]
        registries = [k for k in delete_listed_in if k]
        if not names and not delete and not registries:
            return
        self.drop_local(names)
        publish = bool(names) and self.enabled
        if not publish and not delete and not registries:
            return
        nonce = secrets.token_hex(8)
        ack_key = ACK_MARK + nonce
        message = "\n".join([ack_key, *names]) if publish else ""
        wait = _ack_wait_slice(client)
        deadline = time.monotonic() + ACK_SECONDS
        pipe = client.pipeline(transaction=False)
        pipe.eval(_ANNOUNCE_SCRIPT, 3 + len(registries) + len(delete), ack_key, ack_key + _WANT, ack_key + _DONE,
                  *registries, *delete, CHANNEL, message, len(registries), 1 if publish else 0)
        if publish:
            # Answered as soon as the last process has acknowledged (the script or the last listener
            # pushes the token): no polling while the other processes' listeners get to it.
            pipe.blpop([ack_key + _DONE], timeout=wait)
        replies = pipe.execute()
        # Entries a reader here fetched from Redis between the first drop and the deletes go too.
        self.drop_local(names)
        if not publish:
            return
        receivers, done = replies
        while done is None:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                acknowledged = client.get(ack_key)
                if acknowledged is not None and int(acknowledged) >= receivers:
                    return  # a listener that counts without pushing the token (an older process)
                log.warning("near cache: %d of %d processes did not confirm a change in time",
                            receivers - int(acknowledged or 0), receivers)
                return
            done = client.blpop([ack_key + _DONE], timeout=max(min(remaining, wait), _MIN_BLOCK_SECONDS))

    def clear(self) -> None:
        with self._lock:
            self._generation += 1
            self._entries.clear()
            self._outage.clear()

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
            if not value and not self._subscribed:
                # Still down (another failed attempt): nothing held from Redis to forget, and moving the
                # generation would throw away what a thread is rendering from the database right now,
                # so that every waiting thread rendered the same listing again.
                return
            self._subscribed = value
            self._generation += 1
            self._entries.clear()

    def _listen(self, url: str, stop: threading.Event) -> None:
        failures = 0  # attempts in a row that never subscribed
        while not stop.is_set():
            pubsub = None
            try:
                # Short timeouts: while Redis is down each attempt fails (and re-opens the breaker) within seconds.
                client = redis.Redis.from_url(url, socket_timeout=1, socket_connect_timeout=1)
                pubsub = client.pubsub()
                pubsub.subscribe(CHANNEL)
                # Trust the copy only once the subscription is confirmed.
                confirmed = pubsub.get_message(timeout=1.0)
                if not confirmed or confirmed.get("type") != "subscribe":
                    raise redis.ConnectionError("subscription not confirmed")
                self._set_subscribed(True, stop)
                if self._on_recovery is not None and not stop.is_set():
                    self._on_recovery()
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
                        lines = (data.decode() if isinstance(data, bytes) else str(data)).split("\n")
                        ack = lines[0] if lines[0].startswith(ACK_MARK) else None
                        self.drop_local(lines[1:] if ack else lines)
                        if ack:
                            client.eval(_ACK_SCRIPT, 3, ack, ack + _WANT, ack + _DONE)
            except (redis.RedisError, OSError, ValueError) as exc:
                failures = 1 if self._subscribed else failures + 1
                if not stop.is_set():
                    if self._subscribed:
                        log.warning("near cache off until Redis answers again: %s", exc)
                    # Evidence that Redis is down: it went silent while subscribed, or two attempts in a row
                    # failed (one slow first subscription on a busy machine is not).
                    if self._on_outage is not None and (self._subscribed or failures >= 2):
                        self._on_outage(exc)  # requests stop waiting on Redis now, and while it stays down
                self._set_subscribed(False, stop)
                stop.wait(_RECONNECT_SECONDS)
            finally:
                if pubsub is not None:
                    try:
                        pubsub.close()
                    except Exception:  # noqa: BLE001 - closing a broken connection
                        pass


# The writer's side of `announce`, in one round trip: delete what changed (the keys, and the keys the
# registries list), publish the message, and leave the number of receivers where the listeners'
# acknowledgements meet it. KEYS: ack count, receivers wanted, "done" token list, registries, keys.
# ARGV: channel, message, number of registries, publish (1/0). Returns the number of receivers.
_ANNOUNCE_SCRIPT = """
if redis.replicate_commands then redis.replicate_commands() end
local registries = tonumber(ARGV[3])
for i = 4, 3 + registries do
  local listed = redis.call('SMEMBERS', KEYS[i])
  for j = 1, #listed, 500 do
    redis.call('DEL', unpack(listed, j, math.min(j + 499, #listed)))
  end
end
for j = 4, #KEYS, 500 do
  redis.call('DEL', unpack(KEYS, j, math.min(j + 499, #KEYS)))
end
if ARGV[4] ~= '1' then
  return 0
end
local receivers = redis.call('PUBLISH', ARGV[1], ARGV[2])
-- No listener can have acknowledged yet: a script runs whole, theirs run after it.
if receivers == 0 then
  redis.call('RPUSH', KEYS[3], '1')
  redis.call('EXPIRE', KEYS[3], 10)
else
  redis.call('SET', KEYS[2], receivers, 'EX', 10)
end
return receivers
"""

# A listener's acknowledgement: count itself in, and the last one pushes the token the writer waits on.
# KEYS: ack count, receivers wanted, "done" token list.
_ACK_SCRIPT = """
local count = redis.call('INCR', KEYS[1])
redis.call('EXPIRE', KEYS[1], 60)
local wanted = tonumber(redis.call('GET', KEYS[2]) or '-1')
if wanted >= 0 and count == wanted then
  redis.call('RPUSH', KEYS[3], '1')
  redis.call('EXPIRE', KEYS[3], 10)
end
return count
"""
_WANT = ":want"
_DONE = ":done"
_MIN_BLOCK_SECONDS = 0.002  # BLPOP reads a timeout that rounds to 0 ms as "wait forever"


def _ack_wait_slice(client: redis.Redis) -> float:
    """How long one BLPOP may block: all of ACK_SECONDS, or a quarter of the client's socket timeout (a
    read that outlasts that timeout, on a busy server too, would count as Redis being down)."""
    timeout = client.connection_pool.connection_kwargs.get("socket_timeout")
    if not timeout:
        return ACK_SECONDS
    return max(min(ACK_SECONDS, timeout / 4), _MIN_BLOCK_SECONDS)


near_cache = NearCache()
