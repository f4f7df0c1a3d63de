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
                          env={"CAREQUEUE_ENV": "test", "PATH": "/usr/bin:/bin",
                               "CAREQUEUE_INSTANCE": str(tmp_path)})
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split() == ["triage-warm-up"], "compiled once, by the start-up thread, not by a request"
