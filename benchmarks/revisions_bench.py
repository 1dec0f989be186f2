"""Two revisions of redraft side by side, by instruction counts: did a change slow anything?

    python benchmarks/revisions_bench.py [OLD [NEW]] [--corpus ../shared/corpus]

Each revision is checked out in a temporary worktree with its own virtual environment
(``pip install -e``, bytecode compiled once, as an installed redraft runs). Every case runs
the real command line under ``valgrind --tool=callgrind --trace-children=yes`` and the
instructions of all its processes (git included) are summed: unlike seconds, the count
does not depend on what else the machine is doing, so a refactor can be compared on a
loaded machine. Printed: millions of instructions per revision and the ratio NEW/OLD.

Cases: ``--version``; ``show`` of the largest real resolution (79/144, AKN, JSON out);
``diff`` of the real pair 78/69 -> 79/144 (JSON); and, on a store made by each revision
(20 versions of one bundled draft, then the first 60 resolutions of the 79th session
imported), warm ``list``, ``log``, ``show NAME@1`` and ``stats``.
Needs valgrind (Debian package ``valgrind``) and the shared corpus.
"""

from __future__ import annotations

import argparse
import glob
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from shared_corpus import need

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("old", nargs="?", default="HEAD~1", help="default: HEAD~1")
    parser.add_argument("new", nargs="?", default="HEAD", help="default: HEAD")
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    args = parser.parse_args()
    ga = args.corpus / "unxml-ga"
    need(ga, "the General Assembly's resolutions (AKN XML)", pattern="79session/English/*.xml")
    if shutil.which("valgrind") is None:
        print("revisions_bench: needs valgrind (apt-get install valgrind)", file=sys.stderr)
        return 2
    old_file = ga / "78session/English/A_RES_78_69-2324917E.xml"
    new_file = next((ga / "79session/English").glob("A_RES_79_144-*"))
    session = sorted((ga / "79session/English").glob("*.xml"))[:60]
    with tempfile.TemporaryDirectory(prefix="redraft-revisions-") as scratch:
        try:
            return compare(args.old, args.new, Path(scratch), old_file, new_file, session)
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "prune"], check=False)


def compare(
    old: str, new: str, tmp: Path, old_file: Path, new_file: Path, session: list[Path]
) -> int:
    """Install both revisions, run every case under callgrind, print the table."""
    exes = {rev: install(rev, tmp / f"tree-{i}") for i, rev in enumerate((old, new))}
    stores = {
        rev: make_store(exe, tmp / f"store-{i}", session)
        for i, (rev, exe) in enumerate(exes.items())
    }
    cases: list[tuple[str, list[str], bool]] = [
        ("--version", ["--version"], False),
        ("show 79/144 (json)", ["show", str(new_file), "--format", "json"], False),
        (
            "diff 78/69 -> 79/144 (json)",
            ["diff", str(old_file), str(new_file), "--format", "json"],
            False,
        ),
        ("list (61 drafts)", ["list"], True),
        ("log (20 versions)", ["log", "bench"], True),
        ("show bench@1", ["show", "bench@1"], True),
        ("stats (61 drafts)", ["stats"], True),
    ]
    print("millions of instructions (callgrind, every process of the command, git included)")
    print(f"{'command':30} {old[:10]:>10} {new[:10]:>10} {'ratio':>6}")
    for title, command, in_store in cases:
        counts = []
        for rev, exe in exes.items():
            where = stores[rev] if in_store else tmp
            if in_store:
                count(exe, command, where, tmp)  # the store's caches warm, as a user meets them
            counts.append(count(exe, command, where, tmp) / 1e6)
        print(
            f"{title:30} {counts[0]:10.0f} {counts[1]:10.0f} {counts[1] / counts[0]:6.2f}",
            flush=True,
        )
    return 0


def install(rev: str, tree: Path) -> str:
    """A worktree of ``rev`` with its own environment; the path of its ``redraft``."""
    subprocess.run(
        ["git", "-C", str(ROOT), "worktree", "add", "--detach", str(tree), rev],
        check=True,
        capture_output=True,
    )
    subprocess.run([sys.executable, "-m", "venv", str(tree / ".venv")], check=True)
    pip = [str(tree / ".venv/bin/python"), "-m", "pip", "install", "-q", "-e", str(tree)]
    subprocess.run(pip, check=True, capture_output=True)
    subprocess.run(
        [str(tree / ".venv/bin/python"), "-m", "compileall", "-q", str(tree / "src")], check=True
    )
    return str(tree / ".venv/bin/redraft")


def make_store(exe: str, store: Path, session: list[Path]) -> Path:
    drafts = sorted((ROOT / "drafts").glob("*.txt"))
    store.mkdir()
    subprocess.run([exe, "init"], cwd=store, check=True, capture_output=True)
    for i in range(20):
        save = [exe, "save", "bench", str(drafts[i % len(drafts)]), "--by", "bench"]
        subprocess.run(save, cwd=store, check=True, capture_output=True)
    subprocess.run([exe, "import", *map(str, session)], cwd=store, check=True, capture_output=True)
    return store


def count(exe: str, command: list[str], cwd: Path, tmp: Path) -> int:
    """Instructions of ``exe command`` and every process it starts."""
    out = tmp / "callgrind"
    out.mkdir(exist_ok=True)
    for stale in glob.glob(f"{out}/cg.*"):
        os.remove(stale)
    valgrind = [
        "valgrind",
        "--tool=callgrind",
        "--trace-children=yes",
        f"--callgrind-out-file={out}/cg.%p",
    ]
    subprocess.run([*valgrind, exe, *command], cwd=cwd, capture_output=True)
    total = 0
    for path in glob.glob(f"{out}/cg.*"):
        with open(path, errors="replace") as profile:
            total += next(
                (
                    int(line.split()[1])
                    for line in profile
                    if line.startswith(("totals:", "summary:"))
                ),
                0,
            )
    return total


if __name__ == "__main__":
    sys.exit(main())
