"""What a spec names, read without opening the store (the commands given files only
start without git: see :mod:`.sources`)."""

from __future__ import annotations

from pathlib import Path


def split_language_spec(spec: str) -> tuple[str, str | None]:
    """ "unodc@Rev.1:fr" -> ("unodc@Rev.1", "fr"); a spec without ``:LANG`` (or an
    existing file, whose name may hold a colon) -> (spec, None). Draft names and
    revisions hold no colon, so the last one separates the language."""
    if spec == "-" or ":" not in spec or Path(spec).exists():
        return spec, None
    base, _, suffix = spec.rpartition(":")
    if not base or not suffix.replace("-", "").replace("_", "").isalpha():
        return spec, None
    return base, suffix
