"""`make run`: the whole system on the embedded defaults, in one command.

Starts the embedded Redis and the SMTP sink, migrates the database, seeds the
demo clinic when it is empty, then runs the Procfile's web, worker and beat
processes until interrupted. A process that dies is started again (with a
growing pause if it keeps dying) instead of stopping the others, as honcho
would: a worker lost to a crash must not take the web server with it.
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time

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
    bin_dir = os.path.dirname(sys.executable)
    env["PATH"] = bin_dir + os.pathsep + env.get("PATH", "")
    supervisor = Supervisor(read_procfile(os.path.join(PROJECT_ROOT, "Procfile")), env=env, cwd=PROJECT_ROOT)
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: supervisor.stop_event.set())
    try:
        supervisor.run()
    finally:
        if sink is not None:
            sink.stop()
    return 0


class Supervisor:
    """Runs each named command, prefixes its output, and starts it again when it exits.

    The pause before a restart doubles while a process keeps dying within
    RESET_AFTER seconds of its start (1, 2, 4 ... MAX_PAUSE seconds), so a
    process that cannot start does not spin. `stop_event` ends everything:
    SIGTERM to each process group, SIGKILL after STOP_GRACE seconds.
    """

    MAX_PAUSE = 30.0
    RESET_AFTER = 60.0
    STOP_GRACE = 10.0

    def __init__(self, commands: list[tuple[str, str]], env: dict | None = None, cwd: str | None = None,
                 out=None) -> None:
        self.commands = commands
        self.env = env
        self.cwd = cwd
        self.out = out or sys.stdout
        self.stop_event = threading.Event()
        self.procs: dict[str, subprocess.Popen] = {}
        self.restarts: dict[str, int] = {name: 0 for name, _ in commands}
        self._print_lock = threading.Lock()
        self._width = max((len(name) for name, _ in commands), default=6)

    def say(self, name: str, line: str) -> None:
        with self._print_lock:
            self.out.write(f"{time.strftime('%H:%M:%S')} {name:<{self._width}} | {line.rstrip()}\n")
            self.out.flush()

    def _start(self, name: str, command: str) -> subprocess.Popen:
        proc = subprocess.Popen(["/bin/sh", "-c", "exec " + command], env=self.env, cwd=self.cwd,
                                stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True)
        threading.Thread(target=self._relay, args=(name, proc), daemon=True).start()
        self.say("system", f"{name} started (pid={proc.pid})")
        return proc

    def _relay(self, name: str, proc: subprocess.Popen) -> None:
        for raw in iter(proc.stdout.readline, b""):
            self.say(name, raw.decode("utf-8", "replace"))

    def run(self) -> None:
        started: dict[str, float] = {}
        pauses: dict[str, float] = {name: 1.0 for name, _ in self.commands}
        restart_at: dict[str, float] = {}
        for name, command in self.commands:
            self.procs[name], started[name] = self._start(name, command), time.monotonic()
        try:
            while not self.stop_event.wait(0.2):
                now = time.monotonic()
                for name, command in self.commands:
                    proc = self.procs.get(name)
                    if proc is not None and proc.poll() is not None:
                        pauses[name] = 1.0 if now - started[name] > self.RESET_AFTER else pauses[name]
                        self.say("system", f"{name} exited (rc={proc.returncode}); "
                                           f"starting it again in {pauses[name]:.0f} s")
                        self.procs[name] = None
                        restart_at[name] = now + pauses[name]
                        pauses[name] = min(pauses[name] * 2, self.MAX_PAUSE)
                    elif proc is None and now >= restart_at.get(name, 0):
                        self.procs[name], started[name] = self._start(name, command), now
                        self.restarts[name] += 1
        finally:
            self.stop()

    def stop(self) -> None:
        self.stop_event.set()
        running = [proc for proc in self.procs.values() if proc is not None and proc.poll() is None]
        for proc in running:
            self._signal(proc, signal.SIGTERM)
        deadline = time.monotonic() + self.STOP_GRACE
        for proc in running:
            try:
                proc.wait(timeout=max(deadline - time.monotonic(), 0.1))
            except subprocess.TimeoutExpired:
                self._signal(proc, signal.SIGKILL)
                proc.wait()

    @staticmethod
    def _signal(proc: subprocess.Popen, sig: int) -> None:
        try:
            os.killpg(proc.pid, sig)
        except ProcessLookupError:
            pass


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
