"""`make run`'s supervisor: a process that dies is started again; the others keep running."""
from __future__ import annotations

import io
import os
import signal
import sys
import threading
import time

from backend.devserver import Supervisor, read_procfile
from tests.conftest import ROOT

SLEEPER = f"{sys.executable} -c 'import time; time.sleep(120)'"


def wait_for(condition, timeout: float = 15.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError("timed out")


def test_a_killed_process_is_started_again_and_the_others_keep_running():
    out = io.StringIO()
    supervisor = Supervisor([("web", SLEEPER), ("worker", SLEEPER)], out=out)
    thread = threading.Thread(target=supervisor.run, daemon=True)
    thread.start()
    try:
        wait_for(lambda: all(p is not None for p in supervisor.procs.values()) and len(supervisor.procs) == 2)
        web, worker = supervisor.procs["web"], supervisor.procs["worker"]
        os.kill(worker.pid, signal.SIGKILL)
        replaced = wait_for(lambda: (p := supervisor.procs.get("worker")) is not None and p.pid != worker.pid and p)
        assert replaced.poll() is None and supervisor.restarts == {"web": 0, "worker": 1}
        assert supervisor.procs["web"] is web and web.poll() is None
        assert f"worker exited (rc={-signal.SIGKILL})" in out.getvalue()
    finally:
        supervisor.stop_event.set()
        thread.join(20)
    assert not thread.is_alive()
    assert web.poll() is not None and replaced.poll() is not None  # stopping stops everything


def test_a_process_that_keeps_dying_is_restarted_with_a_growing_pause():
    supervisor = Supervisor([("broken", f"{sys.executable} -c 'raise SystemExit(3)'")], out=io.StringIO())
    thread = threading.Thread(target=supervisor.run, daemon=True)
    thread.start()
    time.sleep(4.5)  # starts at 0, then after pauses of 1 and 2 seconds: 3 starts, not 20
    supervisor.stop_event.set()
    thread.join(20)
    assert 1 <= supervisor.restarts["broken"] <= 3


def test_procfile_runs_web_worker_and_beat():
    names = [name for name, _ in read_procfile(os.path.join(ROOT, "Procfile"))]
    assert names == ["web", "worker", "beat"]


def test_systemd_units_restart_every_process_always():
    import configparser

    folder = os.path.join(ROOT, "deploy", "systemd")
    commands = dict(read_procfile(os.path.join(ROOT, "Procfile")))
    for name in ("web", "worker", "beat"):
        unit = configparser.ConfigParser(strict=False, interpolation=None)
        unit.optionxform = str
        unit.read(os.path.join(folder, f"carequeue-{name}.service"))
        service = unit["Service"]
        assert service["Restart"] == "always" and service["StartLimitIntervalSec"] == "0"
        program = commands[name].split()[0]  # gunicorn or celery, as in the Procfile
        assert service["ExecStart"].split()[0].endswith("/" + program)
        assert commands[name].split()[1:4] == service["ExecStart"].split()[1:4] or name == "web"
