"""`make run`: the whole system on the embedded defaults, in one command.

Starts the embedded Redis and the SMTP sink, migrates the database, seeds the
demo clinic when it is empty, then runs the Procfile's web, worker and beat
processes (honcho) until interrupted.
"""
from __future__ import annotations

import os
import subprocess
import sys

from honcho.manager import Manager

from backend import PROJECT_ROOT
from backend.embedded import ensure_redis, port_open, start_smtp_sink


def main() -> int:
    instance = os.environ.get("CAREQUEUE_INSTANCE") or os.path.join(PROJECT_ROOT, "instance")
    port = int(os.environ.get("PORT", "5000"))
    os.makedirs(instance, exist_ok=True)
    env = dict(os.environ, CAREQUEUE_INSTANCE=instance, FLASK_APP="backend:create_app", PORT=str(port),
               BIND=os.environ.get("BIND", "127.0.0.1"))
    if not env.get("REDIS_URL"):
        env["REDIS_URL"] = ensure_redis(instance, int(env.get("EMBEDDED_REDIS_PORT", "6391")))
    sink = None
    if not env.get("MAIL_SERVER"):
        env.setdefault("MAIL_SINK_DIR", os.path.join(instance, "mail"))
        env["MAIL_SERVER"], env["MAIL_PORT"] = "127.0.0.1", env.get("MAIL_PORT", "8025")
        if not port_open("127.0.0.1", int(env["MAIL_PORT"])):
            sink = start_smtp_sink(env["MAIL_SINK_DIR"], port=int(env["MAIL_PORT"]))
    flask = [sys.executable, "-m", "flask"]
    subprocess.run(flask + ["db", "upgrade"], env=env, cwd=PROJECT_ROOT, check=True)
    subprocess.run(flask + ["seed-demo", "--if-empty"], env=env, cwd=PROJECT_ROOT, check=True)
    print(f"\nCareQueue is starting at http://127.0.0.1:{port}/", flush=True)
    print(f"Emails sent by the system are kept in {env.get('MAIL_SINK_DIR', 'the SMTP server you configured')}\n",
          flush=True)
    manager = Manager()
    bin_dir = os.path.dirname(sys.executable)
    env["PATH"] = bin_dir + os.pathsep + env.get("PATH", "")
    for name, command in read_procfile(os.path.join(PROJECT_ROOT, "Procfile")):
        manager.add_process(name, command, env=env, cwd=PROJECT_ROOT)
    try:
        manager.loop()
    finally:
        if sink is not None:
            sink.stop()
    return manager.returncode or 0


def read_procfile(path: str) -> list[tuple[str, str]]:
    processes = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if line and not line.startswith("#") and ":" in line:
                name, command = line.split(":", 1)
                processes.append((name.strip(), command.strip()))
    return processes


if __name__ == "__main__":
    sys.exit(main())
