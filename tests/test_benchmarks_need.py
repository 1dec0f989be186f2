"""Every benchmark that reads the shared corpus says in one line what it needs and where
to get it when the corpus is missing: exit 2, no traceback (tests never read the corpus,
so they point the benchmarks at a folder that does not hold it)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NEEDS_CORPUS = (
    "akn_corpus.py",
    "check_bench.py",
    "diff_bench.py",
    "diff_corpus.py",
    "diff_snapshot.py",
    "fidelity_bench.py",
    "languages_bench.py",
    "languages_fidelity_bench.py",
    "merge_corpus.py",
    "overlap_bench.py",
    "precedent_bench.py",
    "parity_bench.py",
    "pdf_arabic_bench.py",
    "pdf_reader.py",
    "revisions_bench.py",
    "selfsimilar_bench.py",
    "session_bench.py",
)


@pytest.mark.parametrize("script", NEEDS_CORPUS)
def test_a_missing_corpus_is_one_line(script: str, tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / script), "--corpus", str(tmp_path / "none")],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 2, done.stderr
    assert done.stdout == "" and "Traceback" not in done.stderr
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"{script}: needs "), done.stderr
    assert "--corpus DIR" in lines[0] and "SOURCES.md" in lines[0]


def test_every_benchmark_that_reads_the_corpus_is_listed() -> None:
    reading = {
        path.name
        for path in (ROOT / "benchmarks").glob("*.py")
        if "args.corpus" in path.read_text(encoding="utf-8") and path.name != "text_reader.py"
    }
    assert reading == set(NEEDS_CORPUS)
