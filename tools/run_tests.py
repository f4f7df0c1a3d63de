"""The test command: the whole suite on SQLite, then again on PostgreSQL when TEST_DATABASE_URL is set.

The browser tests drive the UI, which does not depend on the database, so the
PostgreSQL leg runs everything else.
"""
from __future__ import annotations

import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def run_leg(label: str, env: dict, extra: list[str]) -> int:
    print(f"\n=== test suite on {label} ===", flush=True)
    return subprocess.call([sys.executable, "-m", "pytest", *extra], cwd=ROOT, env=env)


def main(argv: list[str]) -> int:
    base = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL", "MAIL_SERVER")}
    postgres = base.pop("TEST_DATABASE_URL", "")
    sqlite_code = run_leg("SQLite", base, argv)
    if not postgres:
        print("\nTEST_DATABASE_URL is not set: the PostgreSQL leg did not run.", flush=True)
        return sqlite_code
    pg_code = run_leg("PostgreSQL", dict(base, TEST_DATABASE_URL=postgres), ["-m", "not browser", *argv])
    return sqlite_code or pg_code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
