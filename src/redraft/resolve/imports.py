"""The drafts ``redraft import`` saves: one per file, or every draft a report holds."""

from __future__ import annotations

from pathlib import Path

from ..errors import InputError
from ..jobs import NO_STEPS, Steps, parallel_map
from ..readers import decode, read_file_bytes, read_path
from ..readers.report import split_report
from ..store.revisions import Incoming, name_from_path


def drafts_from_files(paths: list[str], split: bool, steps: Steps = NO_STEPS) -> list[Incoming]:
    """One draft per file, named after the file; with ``split``, every draft a report holds.
    Files are read on the machine's cores (:func:`redraft.jobs.parallel_map`)."""
    if not split:
        found = parallel_map(_read_one, paths, steps, "Reading drafts")
        _check_distinct(found)
        return found
    found = []
    for path in paths:
        data = read_file_bytes(path, what="report")
        text, warnings = decode(data, path)
        drafts = split_report(text)
        if not drafts:
            raise InputError(f"{path}: no draft resolution or decision found (try without --split)")
        for item in drafts:
            name = name_from_path(item.name)
            found.append(Incoming(name, item.draft, path, tuple(warnings) + item.warnings))
    _check_distinct(found)
    return found


def _read_one(path: str) -> Incoming:
    result = read_path(path)
    return Incoming(name_from_path(Path(path).stem), result.draft, path, result.warnings)


def _check_distinct(found: list[Incoming]) -> None:
    """Two inputs named alike would silently become two versions of one draft."""
    seen: dict[str, str] = {}
    for item in found:
        if item.name in seen:
            raise InputError(
                f"{seen[item.name]} and {item.source} would both be saved as draft "
                f"'{item.name}': nothing imported (rename one, or record versions with "
                "'redraft save')"
            )
        seen[item.name] = item.source
