"""`make bench`: run every benchmarks/bench_*.py in its own process and print its figures.

Each benchmark prints its own numbers and exits non-zero when it misses its
target; this runner reports each one's outcome and fails if any did.
"""
from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str]) -> int:
    wanted = set(argv)
    scripts = sorted((ROOT / "benchmarks").glob("bench_*.py"))
    if wanted:
        scripts = [s for s in scripts if s.stem in wanted or s.name in wanted]
    failed = []
    for script in scripts:
        print(f"\n=== {script.stem} ===", flush=True)
        started = time.perf_counter()
        code = subprocess.call([sys.executable, str(script)], cwd=ROOT)
        print(f"--- {script.stem}: {'ok' if code == 0 else f'FAILED (exit {code})'} "
              f"in {time.perf_counter() - started:.1f} s", flush=True)
        if code != 0:
            failed.append(script.stem)
    if not scripts:
        print("no benchmarks matched", flush=True)
        return 1
    print(f"\n{len(scripts) - len(failed)} of {len(scripts)} benchmarks met their targets"
          + (f"; failed: {', '.join(failed)}" if failed else ""), flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
