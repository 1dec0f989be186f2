"""Start-up cost of the CLI: `redraft --version` and `redraft --help` against the
bare interpreter and `python -c "import click"`, measured in the same run.

    python benchmarks/startup.py [--runs 15]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time


def best_of(command: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    py = sys.executable
    rows = [
        ("python -c pass (reference)", [py, "-c", "pass"], None),
        ("python -c 'import click' (reference)", [py, "-c", "import click"], None),
        ("redraft --version", [py, "-m", "redraft", "--version"], 150.0),
        ("redraft --help", [py, "-m", "redraft", "--help"], 250.0),
    ]
    base = None
    print(f"{'command':42} {'median ms':>10} {'target':>8} {'vs python':>10}")
    for label, command, target in rows:
        ms = best_of(command, args.runs)
        base = base or ms
        verdict = "" if target is None else ("ok" if ms < target else "SLOW")
        target_text = "" if target is None else f"<{target:.0f}"
        print(f"{label:42} {ms:10.1f} {target_text:>8} {ms / base:9.1f}x {verdict}")


if __name__ == "__main__":
    main()
