"""Where a draft comes from: a file, standard input, or a revision in the store.

Commands accept ``NAME[@REV]`` or a path wherever they take a draft; this module
decides which. A path that exists wins; anything else is a store revision.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

from .errors import InputError
from .model import Draft
from .readers import read_bytes, read_path


@dataclass(frozen=True)
class Loaded:
    """A draft and where it came from."""

    draft: Draft
    source: str  # the path, "-", or "NAME@REV"
    warnings: tuple[str, ...] = ()
    version: dict[str, str] = field(default_factory=dict)  # store metadata: by, date, number...

    @property
    def symbol(self) -> str:
        return self.version.get("symbol") or self.draft.meta.symbol


def load(spec: str, store: str | Path | None = None) -> Loaded:
    """Load ``spec``: "-" (stdin), an existing file, or a store revision ``NAME[@REV]``."""
    if spec == "-":
        result = read_bytes(sys.stdin.buffer.read(), name="<stdin>")
        return Loaded(result.draft, "-", result.warnings)
    path = Path(spec)
    if path.exists():
        result = read_path(path)
        return Loaded(result.draft, spec, result.warnings)
    return load_revision(spec, store)


def refuse_stdin_twice(*specs: str | None) -> None:
    """Standard input can be read once: "diff - -" would compare it with nothing."""
    if sum(1 for spec in specs if spec == "-") > 1:
        raise InputError("'-' (standard input) can be given only once")


def load_revision(spec: str, store: str | Path | None = None) -> Loaded:
    """A revision from the store (which says clearly when there is no store)."""
    from .store import load_revision as from_store

    return from_store(spec, store)
