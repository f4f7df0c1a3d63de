"""Reminders for 20,000 of today's appointments, queued and delivered to a local SMTP sink.

    python benchmarks/bench_reminders.py [--appointments 20000]

Prints the time and number of queries of each phase (queueing the reminders,
delivering them over SMTP) and the peak memory. Target: under 60 s in all,
with the queueing queries growing with batches, not appointments.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import time
from datetime import datetime, time as clock_time, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _setup import ROOT, Bench, PeakRss, free_port, seed_people  # noqa: E402

SINK = (
    "import sys, time\n"
    "from backend.embedded import start_smtp_sink\n"
    "start_smtp_sink(sys.argv[1], port=int(sys.argv[2]))\n"
    "while True: time.sleep(3600)\n"
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--appointments", type=int, default=20_000)
    parser.add_argument("--senders", type=int, default=2,
                        help="sender processes, as `worker --concurrency` (the Procfile's default is 2)")
    args = parser.parse_args()
    port = free_port()
    bench = Bench("reminders", MAIL_SERVER="127.0.0.1", MAIL_PORT=port, MAIL_TIMEOUT=10, OUTBOX_BATCH_SIZE=500)
    sink_dir = bench.folder / "sink"
    # The SMTP sink runs in its own process, as a real mail server would.
    sink = subprocess.Popen([sys.executable, "-c", SINK, str(sink_dir), str(port)], cwd=ROOT)
    try:
        return run(bench, args.appointments, sink_dir, port, args.senders)
    finally:
        sink.terminate()
        sink.wait(timeout=10)
        bench.close()


def run(bench: Bench, count: int, sink_dir: Path, port: int, senders: int) -> int:
    import sqlalchemy as sa

    from backend.embedded import port_open
    from backend.models import Appointment
    from backend.services.clock import clinic_today
    from backend.services.ops.jobs import run_job

    db = bench.db
    patient_ids, doctor_ids = seed_people(db, patients=count, doctors=50)
    today = clinic_today()
    rows = []
    for index in range(count):
        start = datetime.combine(today, clock_time(8, 0)) + timedelta(minutes=(index // len(doctor_ids)) % 600)
        rows.append({"patient_id": patient_ids[index], "doctor_id": doctor_ids[index % len(doctor_ids)],
                     "date": today, "start_time": start.time(), "end_time": (start + timedelta(minutes=20)).time(),
                     "status": "booked"})
    db.session.execute(sa.insert(Appointment), rows)
    db.session.commit()
    db.session.remove()
    for _ in range(100):
        if port_open("127.0.0.1", port):
            break
        time.sleep(0.05)

    with PeakRss() as memory:
        bench.queries = 0
        started = time.perf_counter()
        queued = run_job("daily-reminders")["queued"]
        queue_seconds, queue_queries = time.perf_counter() - started, bench.queries
        again = run_job("daily-reminders")["queued"]

        started = time.perf_counter()
        counts, send_queries, peak_children = deliver_in_parallel(bench, senders)
        send_seconds = time.perf_counter() - started
    received = len(list(sink_dir.glob("*.eml")))
    total = queue_seconds + send_seconds
    print(f"reminders: {count:,} appointments on {bench.database}")
    print(f"  queue:   {queued:,} reminders in {queue_seconds:.2f} s, {queue_queries} queries "
          f"(a second run queued {again})")
    print(f"  deliver: {senders} sender process(es), {counts['sent']:,} sent in {send_seconds:.2f} s ({counts['sent'] / send_seconds:,.0f}/s), "
          f"{send_queries:,} queries (claims per batch, one commit per message sent), {received:,} received by the sink")
    print(f"  total:   {total:.2f} s (target < 60 s); peak RSS {memory.peak_mb:.0f} MB "
          f"(each sender {peak_children:.0f} MB at most)")
    ok = queued == count and again == 0 and counts["sent"] == count and received == count and total < 60
    if not ok:
        print("  FAILED: not every reminder was delivered exactly once within the target", file=sys.stderr)
    return 0 if ok else 1


def _sender(app, index: int, results) -> None:
    import resource

    import sqlalchemy as sa

    from backend.extensions import db
    from backend.services.email import delivery

    with app.app_context():
        db.engine.dispose(close=False)  # connections are not shared across fork
        queries = [0]

        @sa.event.listens_for(db.engine, "before_cursor_execute")
        def _count(*_args, **_kwargs):
            queries[0] += 1

        counts = delivery.deliver_due_emails(claimer=f"bench-{index}")
        db.session.remove()
    results.put((counts, queries[0], resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024))


def deliver_in_parallel(bench: Bench, senders: int) -> tuple[dict, int, float]:
    """Run `senders` processes sweeping the outbox at once, as a worker's pool does."""
    import multiprocessing

    bench.db.session.remove()
    bench.db.engine.dispose()
    context = multiprocessing.get_context("fork")
    results = context.Queue()
    processes = [context.Process(target=_sender, args=(bench.app, i, results)) for i in range(senders)]
    for process in processes:
        process.start()
    outcomes = [results.get(timeout=600) for _ in processes]
    for process in processes:
        process.join()
    total = {"sent": 0, "failed": 0, "deferred": 0}
    for counts, _queries, _rss in outcomes:
        for key in total:
            total[key] += counts[key]
    return total, sum(o[1] for o in outcomes), max(o[2] for o in outcomes)


if __name__ == "__main__":
    sys.exit(main())
