"""How many rule-engine assessments per second this machine runs in-process.

    python benchmarks/bench_triage.py [--seconds 3]
"""
from __future__ import annotations

import argparse
import sys
import time
from itertools import cycle
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from backend.triage.engine import assess, load_rules  # noqa: E402
from backend.triage.evaluation import load_cases  # noqa: E402

EVAL_SET = Path(__file__).resolve().parents[1] / "tests" / "data" / "triage_eval.json"


def run(seconds: float) -> tuple[int, float]:
    cases = load_cases(EVAL_SET)
    load_rules()  # compile once, outside the timed loop, as a worker would at first use
    done, started = 0, time.perf_counter()
    for case in cycle(cases):
        assess(case["text"], age_years=case["age_years"], history=case["history"])
        done += 1
        if done % 200 == 0 and time.perf_counter() - started >= seconds:
            break
    return done, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=3.0)
    args = parser.parse_args()
    compile_started = time.perf_counter()
    load_rules()
    compile_ms = (time.perf_counter() - compile_started) * 1000
    done, elapsed = run(args.seconds)
    print(f"rules compiled in {compile_ms:.0f} ms")
    print(f"{done} assessments in {elapsed:.2f} s: {done / elapsed:,.0f} assessments/second "
          f"({elapsed / done * 1e6:.0f} us each)")


if __name__ == "__main__":
    main()
