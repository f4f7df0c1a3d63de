"""CSV export of 1,000,000 appointments with treatments, streamed to a file.

    python benchmarks/bench_export.py [--rows 1000000]

Prints the export's time, rows per second, number of queries and the peak
resident memory while it runs. Target: peak RSS under 150 MB at any size.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from datetime import date, time as clock_time, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _setup import Bench, PeakRss, seed_people  # noqa: E402

CHUNK = 20_000
DIAGNOSES = ["Hypertension", "Type 2 diabetes, controlled", 'Migraine "with aura"', "=1+1 (typed by hand)",
             "Asthma\nreview in 3 months", "Gastritis", "Otitis media", "Ménière's disease"]


def seed(bench: Bench, rows: int) -> None:
    import sqlalchemy as sa

    from backend.models import Appointment, Treatment
    from backend.models.base import utcnow

    db = bench.db
    patient_ids, doctor_ids = seed_people(db, patients=1000, doctors=20)
    now = utcnow()
    first = date(2025, 1, 1)
    for start in range(0, rows, CHUNK):
        ids = range(start + 1, min(start + CHUNK, rows) + 1)
        db.session.execute(sa.insert(Appointment), [
            {"id": i, "patient_id": patient_ids[i % len(patient_ids)], "doctor_id": doctor_ids[i % len(doctor_ids)],
             "date": first + timedelta(days=i % 600), "start_time": clock_time(9 + i % 8, 0),
             "end_time": clock_time(9 + i % 8, 30), "status": "completed" if i % 10 else "no_show",
             "created_at": now, "updated_at": now} for i in ids])
        db.session.execute(sa.insert(Treatment), [
            {"appointment_id": i, "diagnosis": DIAGNOSES[i % len(DIAGNOSES)], "prescription": "Rest, fluids",
             "notes": "", "created_at": now} for i in ids if i % 10])
        db.session.commit()
    db.session.remove()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=1_000_000)
    args = parser.parse_args()
    bench = Bench("export", EXPORT_BATCH_SIZE=5000)
    try:
        started = time.perf_counter()
        seed(bench, args.rows)
        seed_seconds = time.perf_counter() - started
        return run(bench, args.rows, seed_seconds)
    finally:
        bench.close()


def run(bench: Bench, rows: int, seed_seconds: float) -> int:
    from backend.extensions import db
    from backend.models import Job, User
    from backend.services.exports import treatments as exports

    admin = User(email="admin@bench.example", password_hash="x", role="admin")
    db.session.add(admin)
    db.session.commit()
    job = Job(kind=exports.EXPORT_KIND, owner_id=admin.id, status="queued", params={})
    db.session.add(job)
    db.session.commit()
    job_id = job.id
    db.session.remove()

    with PeakRss() as memory:
        bench.queries = 0
        started = time.perf_counter()
        result = exports.run_treatment_export(job_id)
        seconds = time.perf_counter() - started
    job = db.session.get(Job, job_id)
    size_mb = os.path.getsize(job.result_path) / 2**20
    print(f"export: {result['rows']:,} rows on {bench.database} (set-up inserted them in {seed_seconds:.1f} s)")
    print(f"  {seconds:.2f} s, {result['rows'] / seconds:,.0f} rows/s, {bench.queries} queries, file {size_mb:.0f} MB")
    print(f"  RSS before {memory.start_mb:.0f} MB, peak during the export {memory.peak_mb:.0f} MB (target < 150 MB)")
    ok = result["rows"] == rows and job.rows_done == rows and memory.peak_mb < 150
    if not ok:
        print("  FAILED: wrong row count or memory over the target", file=sys.stderr)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
