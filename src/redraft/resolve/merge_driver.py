"""What ``redraft merge-driver`` does when git calls it: read the three files git names,
merge them paragraph by paragraph (:func:`redraft.merge.threeway.three_way`) and write
the result over CURRENT. Who wrote each side comes from the store's history
(:func:`redraft.store.driver.side_names`)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .. import canonical
from ..errors import StoreError
from ..merge.threeway import three_way
from ..model import Draft
from ..readers import read_file_bytes, read_path
from ..store.driver import side_names


@dataclass(frozen=True)
class DriverOutcome:
    clean: bool
    conflicts: int
    ours: str
    theirs: str


def run_merge_driver(ancestor: Path, current: Path, other: Path, path: str = "") -> DriverOutcome:
    """Merge OTHER into CURRENT (git's %A, rewritten in place) against ANCESTOR."""
    ours, theirs = read_path(current).draft, read_path(other).draft
    # a draft both branches added has no ancestor: git passes an empty file
    empty = not ancestor.exists() or not read_file_bytes(ancestor).strip()
    base = Draft(meta=ours.meta) if empty else read_path(ancestor).draft
    ours_name, theirs_name = side_names(path)
    result = three_way(base, ours, theirs, ours_name, theirs_name)
    try:
        current.write_text(canonical.render(result.draft), encoding="utf-8")
    except OSError as error:
        raise StoreError(f"{current}: cannot write ({error.strerror or error})") from None
    return DriverOutcome(result.clean, len(result.conflicts), ours_name, theirs_name)
