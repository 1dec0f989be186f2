"""The language versions of one draft, as the user named them (``redraft parity``).

Each spec is a file, ``-`` or a stored ``NAME[@REV]``, optionally with ``:LANG``
(``fr.docx:fr``); its language is that suffix, else the ``--lang`` given in the same
position, else what the document says. A single ``NAME[@REV]`` stands for that version
of the stored draft and its language versions standing for it: the drafts named
``NAME.xx`` (``L3.fr``, ``L3.zh``, :mod:`.translations`); ``NAME@REV:fr`` among files
is the French version standing for ``NAME@REV``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from pathlib import Path

from ..errors import InputError
from ..model import Loaded
from ..parity.languages import normalize_language
from .sources import load, refuse_stdin_twice

#: "fr.docx:fr", "A_RES_79_9.xml:French", "mydraft@Rev.1:en"
_LANGUAGE_SUFFIX = re.compile(
    r"^(?P<spec>.+):(?P<lang>[A-Za-z]{2,3}(?:[-_][A-Za-z]{2,4})?|[A-Za-z]{4,})$"
)


def load_language_versions(
    specs: Sequence[str],
    langs: Sequence[str] = (),
    store: str | Path | None = None,
    loaded: Callable[[str], None] | None = None,
) -> dict[str, Loaded]:
    """Language code -> the version read, in the order given. ``langs`` are the
    ``--lang`` options, in file order ("auto" keeps the document's language);
    ``loaded(source)`` is called after each version is read (a progress bar)."""
    if len(specs) == 1 and (specs[0] == "-" or Path(specs[0]).exists()):
        raise InputError(
            "parity compares two to six language versions of one draft: give the "
            "other versions too (redraft parity en.docx fr.docx es.docx)"
        )
    if len(specs) == 1:
        return _stored_set(specs[0], store, loaded)
    if len(langs) > len(specs):
        raise InputError(f"{len(langs)} --lang for {len(specs)} files: give one per file at most")
    refuse_stdin_twice(*specs)
    versions: dict[str, Loaded] = {}
    for position, raw in enumerate(specs):
        spec, suffix = split_language(raw)
        # a stored NAME@REV:fr is its French version; a file:fr, the file read as French
        version = load(raw if suffix is not None and _stored(spec) else spec, store)
        given = langs[position] if position < len(langs) else "auto"
        if suffix is not None:
            language = normalize_language(suffix)
        elif given.lower() != "auto":
            language = normalize_language(given)
        else:
            language = normalize_language(version.draft.meta.language or "en")
        if language in versions:
            raise InputError(
                f"two versions in {language}: {versions[language].source} and "
                f"{version.source} (say which language each is with FILE:LANG or --lang)"
            )
        versions[language] = version
        if loaded is not None:
            loaded(version.source)
    return versions


def _stored(spec: str) -> bool:
    """A spec naming a store revision rather than a file (which would exist)."""
    return spec != "-" and not Path(spec).exists()


def split_language(spec: str) -> tuple[str, str | None]:
    """ "fr.docx:fr" -> ("fr.docx", "fr"). A spec naming an existing file is never
    split (a file may have a colon in its name)."""
    if spec == "-" or Path(spec).exists():
        return spec, None
    match = _LANGUAGE_SUFFIX.match(spec)
    if match is None:
        return spec, None
    return match.group("spec"), match.group("lang")


def _stored_set(
    spec: str, store: str | Path | None, loaded: Callable[[str], None] | None
) -> dict[str, Loaded]:
    """``NAME[@REV]``: that version and its language versions standing for it."""
    from .translations import language_set

    found = language_set(spec, store)
    if len(found.versions) < 2:
        name = found.name
        raise InputError(
            f"{name} has no language versions in the store for {name}@{found.original.number} "
            f"(save them with 'redraft save {name} fr.docx --lang fr'); or compare files: "
            f"redraft parity {spec} fr.docx es.docx"
        )
    if loaded is not None:
        for version in found.versions.values():
            loaded(version.source)
    return found.versions
