"""`redraft check` over the 336 resolutions of the GA's 79th session (AKN XML, English)
in one process: target under 5 s. References measured in the same run: `wc -w` over
the same files (reading bytes and counting tokens in C), a Python process that only
parses every file with lxml (the floor for any Python AKN tool; it also suffers any load
on the machine, so the ratio against it is the stable figure), and `redraft stats`
(reading and counting only), so the ratios say what reading and the rules cost.

    python benchmarks/check_bench.py [--corpus ../shared/corpus/unxml-ga/79session/English]
        [--runs 3] [--with-store]

``--with-store`` also saves the same drafts into a store (about 30 s, not measured) and
times `redraft check` on the store as CI runs it, against `git log -p` over that store
(one git process reading every commit and blob) measured in the same run.

The check runs with every rule on (a config with every limit set, the in-session
preset and a session with deadlines), through the real CLI entry point in a new process.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from shared_corpus import need

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared/corpus/unxml-ga/79session/English"
CONFIG = """\
[check]
preset = "in-session"
max_paragraph_words = 250
max_preambular = 40
max_operative = 60
max_growth = "20%"

[session]
start = 2024-09-10
deadline = "1 month"
languages = ["ar", "zh", "en", "fr", "ru", "es"]
"""


#: The least any Python tool checking AKN files does: start, import lxml, parse each file.
PARSE_ONLY = (
    "import sys\nfrom lxml import etree\n"
    "for name in sys.argv[1:]:\n    etree.fromstring(open(name, 'rb').read())\n"
)


def timed(command: list[str], runs: int) -> tuple[float, subprocess.CompletedProcess[str]]:
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = subprocess.run(command, capture_output=True, text=True)
        times.append(time.perf_counter() - start)
    assert result is not None
    return statistics.median(times), result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--with-store", action="store_true")
    args = parser.parse_args()
    need(args.corpus, "the 79th session's English resolutions (AKN XML)", pattern="*.xml")
    files = sorted(str(p) for p in args.corpus.glob("*.xml"))
    if not files:
        sys.exit(f"no XML files in {args.corpus}")
    with tempfile.TemporaryDirectory() as tmp:
        config = Path(tmp) / "redraft.toml"
        config.write_text(CONFIG)
        redraft = [sys.executable, "-m", "redraft"]
        rows = [
            ("wc -w (reference)", ["wc", "-w", *files], None),
            ("python + lxml parse (reference)", [sys.executable, "-c", PARSE_ONLY, *files], None),
            ("redraft stats --format csv", [*redraft, "stats", "--format", "csv", *files], None),
            (
                "redraft check (every rule)",
                [*redraft, "check", "--config", str(config), "--today", "2024-09-01", *files],
                5.0,
            ),
        ]
        print(f"{len(files)} files, {sum(Path(f).stat().st_size for f in files) / 1e6:.1f} MB")
        print(f"{'command':34} {'median s':>9} {'target':>8} {'vs wc':>8} {'vs lxml':>8}")
        base = parse = None
        for label, command, target in rows:
            seconds, result = timed(command, args.runs)
            base = base or seconds
            parse = seconds if label.startswith("python") else parse
            verdict = "" if target is None else ("ok" if seconds < target else "SLOW")
            target_text = "" if target is None else f"<{target:.0f} s"
            vs_parse = f"{seconds / parse:7.1f}x" if parse else ""
            print(
                f"{label:34} {seconds:9.2f} {target_text:>8} {seconds / base:7.0f}x "
                f"{vs_parse:>8} {verdict}"
            )
            if result.returncode not in (0, 1):
                print(f"  exit {result.returncode}: {result.stderr.strip()[:300]}")
            elif label.startswith("redraft check"):
                print(f"  {result.stdout.strip().splitlines()[-1]}")
        if args.with_store:
            store_rows(files, Path(tmp), config, args.runs)


def store_rows(files: list[str], tmp: Path, config: Path, runs: int) -> None:
    import re

    from redraft.resolve import load
    from redraft.store import Store

    store = Store.init(tmp / "store")
    for name in files:
        stem = re.sub(r"[^a-z0-9_-]", "-", Path(name).stem.split("-")[0].lower())
        store.save(stem, load(name).draft, by="Secretariat", date="2024-08-01")
    (tmp / "store" / "redraft.toml").write_text(config.read_text())
    git, _ = timed(["git", "-C", str(tmp / "store"), "log", "-p", "--no-color"], runs)
    check, result = timed(
        [
            sys.executable,
            "-m",
            "redraft",
            "check",
            "--store",
            str(tmp / "store"),
            "--today",
            "2024-09-01",
        ],
        runs,
    )
    print(
        f"store of {len(files)} drafts: git log -p (reference) {git:.2f} s; "
        f"redraft check --store {check:.2f} s ({check / git:.1f}x)"
    )
    print(f"  {result.stdout.strip().splitlines()[-1]}")


if __name__ == "__main__":
    main()
