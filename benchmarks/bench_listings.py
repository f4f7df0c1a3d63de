"""Listing throughput under gunicorn: the demo clinic's doctor list, served from the Redis cache.

Starts the app under gunicorn (2 workers x 4 threads) on a fresh SQLite file
with the demo clinic, logs in as the demo patient and reads
GET /patient/doctors?per_page=50 from 8 keep-alive connections for a few
seconds. Prints requests/s, latency percentiles and the cache hit ratio.
Targets: at least 300 requests/s and a p95 under 100 ms on this 2-core machine
(the load generator shares the cores with the server).

    python benchmarks/bench_listings.py [--seconds 8] [--connections 8]
"""
from __future__ import annotations

import argparse
import http.client
import json
import os
import statistics
import subprocess
import sys
import threading
import time

from _setup import ROOT, Bench, free_port

TARGET_RPS = 300
TARGET_P95_MS = 100.0


def start_gunicorn(bench: Bench, port: int) -> subprocess.Popen:
    env = dict(os.environ, CAREQUEUE_ENV="test", TEST_DATABASE_URL=bench.app.config["SQLALCHEMY_DATABASE_URI"],
               TEST_REDIS_URL=bench.app.config["REDIS_URL"], CAREQUEUE_INSTANCE=str(bench.folder),
               RATELIMIT_ENABLED="false")
    return subprocess.Popen(
        [os.path.join(ROOT, ".venv", "bin", "gunicorn"), "-w", "2", "--threads", "4", "-b", f"127.0.0.1:{port}",
         "backend:create_app()"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)


def wait_until_up(port: int) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/auth/csrf")
            if conn.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("gunicorn did not start")


def login(port: int, email: str, password: str) -> str:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    conn.request("POST", "/auth/login", body=json.dumps({"email": email, "password": password}),
                 headers={"Content-Type": "application/json"})
    response = conn.getresponse()
    response.read()
    cookie = response.getheader("Set-Cookie")
    if response.status != 200 or not cookie:
        raise SystemExit(f"login failed: {response.status}")
    return cookie.split(";", 1)[0]


def hammer(port: int, cookie: str, seconds: float, connections: int) -> tuple[list[float], dict[str, int], int]:
    latencies: list[float] = []
    cache: dict[str, int] = {}
    errors = 0
    lock = threading.Lock()
    stop_at = time.perf_counter() + seconds

    def worker() -> None:
        nonlocal errors
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        mine, states, bad = [], {}, 0
        while time.perf_counter() < stop_at:
            started = time.perf_counter()
            conn.request("GET", "/patient/doctors?per_page=50", headers={"Cookie": cookie})
            response = conn.getresponse()
            response.read()
            mine.append((time.perf_counter() - started) * 1000)
            if response.status != 200:
                bad += 1
            state = response.getheader("X-Cache", "none")
            states[state] = states.get(state, 0) + 1
        with lock:
            latencies.extend(mine)
            errors += bad
            for key, count in states.items():
                cache[key] = cache.get(key, 0) + count

    threads = [threading.Thread(target=worker) for _ in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies, cache, errors


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=8.0)
    parser.add_argument("--connections", type=int, default=8)
    args = parser.parse_args()

    from backend.services.ops import demo

    bench = Bench("listings")
    logins = demo.seed_demo()
    bench.db.session.remove()
    port = free_port()
    server = start_gunicorn(bench, port)
    try:
        wait_until_up(port)
        cookie = login(port, logins["patient"], logins["password"])
        hammer(port, cookie, 1.0, 2)  # warm the workers and the cache
        latencies, cache, errors = hammer(port, cookie, args.seconds, args.connections)
    finally:
        server.terminate()
        server.wait(timeout=15)
    rps = len(latencies) / args.seconds
    p50 = statistics.median(latencies)
    p95 = statistics.quantiles(latencies, n=20)[18]
    hits = cache.get("hit", 0) / max(1, len(latencies))
    print(f"GET /patient/doctors?per_page=50 under gunicorn (2 workers x 4 threads), {args.connections} connections, "
          f"{args.seconds:.0f} s")
    print(f"  requests: {len(latencies)}  ({rps:.0f}/s)   errors: {errors}")
    print(f"  latency: p50 {p50:.1f} ms, p95 {p95:.1f} ms, max {max(latencies):.1f} ms")
    print(f"  cache: {hits:.1%} hits ({cache})")
    ok = errors == 0 and rps >= TARGET_RPS and p95 <= TARGET_P95_MS
    print(f"  target: >= {TARGET_RPS}/s and p95 <= {TARGET_P95_MS:.0f} ms: {'met' if ok else 'MISSED'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
