"""Where the benchmarks find the shared corpus, and the one line they print when it is
missing (no traceback): what the script needs, where it looked, how to give it."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
#: ../shared/corpus beside the checkout: where the project keeps its real UN texts.
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"
#: Where the corpus comes from (its SOURCES.md says it in full).
ORIGIN = (
    "the project's shared corpus, ../shared/corpus beside the checkout by default, holds the "
    "UN's AKN resolutions from github.com/UNxml and CR-UNSC's texts: see its SOURCES.md"
)


def need(path: Path, what: str, option: str = "--corpus", pattern: str = "") -> None:
    """Exit with one line when ``path`` (or, with ``pattern``, a file matching it under
    ``path``) is missing: ``diff_bench.py: needs ... at PATH; give --corpus DIR ...``."""
    found = any(path.glob(pattern)) if pattern and path.is_dir() else path.exists()
    if found:
        return
    script = Path(sys.argv[0]).name
    where = path / pattern if pattern else path
    print(
        f"{script}: needs {what}, not found at {where}; give {option} DIR ({ORIGIN})",
        file=sys.stderr,
    )
    sys.exit(2)
