"""`make bench` stays runnable: the web benchmark's smoke mode (small clinic, one-second wrk runs, no targets).

It starts the production configuration under gunicorn with the ceiling app, drives every phase
(throughput, Redis hung, booking, the race, a symptom check through a real worker) and checks
the figures are there and sane, not that they meet the targets (those are for `make bench`).
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

from tests.conftest import ROOT


def test_the_web_benchmark_runs_end_to_end():
    assert shutil.which("wrk"), "wrk is missing: `make install-bench` installs it"
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL", "TEST_DATABASE_URL")}
    out = subprocess.run([sys.executable, "benchmarks/bench_web.py", "--smoke", "--no-record"], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=300, check=False)
    assert out.returncode == 0, out.stdout[-3000:] + out.stderr[-3000:]
    text = out.stdout
    for phase in ("ceiling", "patient_doctors", "public_doctors", "public_availability", "patient_availability",
                  "redis hung", "booking:", "race:", "symptom check"):
        assert phase in text, phase
    assert "race: 8 clients on one slot: {201: 1, 409: 7}" in text
    assert "errors 0" in text.split("redis hung")[1].splitlines()[0]
    assert "statuses {201: 12}" in text


def test_the_results_table_renders():
    sys.path.insert(0, os.path.join(ROOT, "benchmarks"))
    from _setup import markdown

    run = {"label": "after", "recorded_at": "2026-01-01T00:00:00", "machine": "2 cores", "gunicorn": "--workers 2",
           "load": "wrk -t2 -c16", "seconds": 8, "rounds": 2, "smoke": False, "targets": {"x": True, "y": False},
           "runs": {"sqlite": {
               "throughput": {"ceiling": {"rps": 1000, "p50_ms": 1, "p99_ms": 2, "share": 1.0},
                              "public_doctors": {"rps": 800, "p50_ms": 1, "p99_ms": 2, "share": 0.8}},
               "redis_hung": {"rps": 100, "p50_ms": 10, "p99_ms": 200, "errors": 0},
               "booking": {"clients": 32, "bookings": 800, "p50_ms": 20, "p99_ms": 90, "statuses": {"201": 800}},
               "race": {"clients": 64, "statuses": {"201": 1, "409": 63}},
               "triage": {"p50_ms": 40, "p95_ms": 60}}}}
    table = markdown({"web:after": run, "web:after:smoke": dict(run, smoke=True)})
    assert "| `GET /api/doctors`, public, cached | 800 | 1.0 ms | 2.0 ms | 80% | 0 |" in table
    assert table.count("#### after") == 1 and "missed: y" in table
    assert json.dumps(run)
