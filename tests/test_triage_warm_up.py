"""The knowledge base is compiled when the app starts, off the request path, and only once per process."""
from __future__ import annotations

import subprocess
import sys
import textwrap

from tests.conftest import ROOT


def test_a_new_process_compiles_the_knowledge_base_at_start_and_only_once(tmp_path):
    script = textwrap.dedent("""
        import threading, time
        from backend.triage import knowledge
        builds = []
        original = knowledge.build
        def counted(*args, **kwargs):
            builds.append(threading.current_thread().name)
            return original(*args, **kwargs)
        knowledge.build = counted
        from backend import create_app
        from config import TestConfig
        config = TestConfig()
        config.REDIS_URL = "redis://127.0.0.1:1/0"
        create_app(config)
        deadline = time.monotonic() + 120
        while not knowledge._load.cache_info().currsize and time.monotonic() < deadline:
            time.sleep(0.05)
        from backend.triage import engine
        engine.assess("sore throat for two days")
        knowledge.load()
        print(",".join(builds))
    """)
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=180,
                          env={"CAREQUEUE_ENV": "test", "PATH": "/usr/bin:/bin", "TRIAGE_KB_CACHE": "off",
                               "CAREQUEUE_INSTANCE": str(tmp_path)})
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split() == ["triage-warm-up"], "compiled once, by the start-up thread, not by a request"


def test_a_process_forked_while_the_compilation_runs_does_not_wait_for_ever():
    """Celery's and gunicorn's parents fork children; one forked mid-compilation must compile for itself."""
    script = textwrap.dedent("""
        import os, signal
        from backend.triage import knowledge
        knowledge._LOAD_LOCK.acquire()  # as the warm-up thread holds it while compiling
        pid = os.fork()
        if pid == 0:
            signal.alarm(120)  # a child stuck on the parent's lock dies here instead of hanging the test
            kb = knowledge.load()
            os._exit(0 if kb.conditions else 3)
        _, status = os.waitpid(pid, 0)
        print(os.waitstatus_to_exitcode(status))
    """)
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=180,
                          env={"CAREQUEUE_ENV": "test", "PATH": "/usr/bin:/bin", "TRIAGE_KB_CACHE": "off"})
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "0"
