"""The pure half of the store: draft names, revision specs, version metadata.

Nothing here touches git (see :mod:`redraft.store`), so every rule can be
tested without a repository, and commands can validate their arguments before
paying for a subprocess.

Revision specs (docs/store.md)::

    NAME                      the latest version
    NAME@3                    version 3, counted from 1
    NAME@-1                   the version before the latest (@-2: two before...)
    NAME@Rev.1                the latest version whose symbol ends with /Rev.1
    NAME@E/CN.15/2011/L.3     the latest version with exactly that symbol
    NAME@2011-04-12           the latest version dated on or before that day
    NAME@3f9c2a1              the version recorded by that commit (4+ hex digits)

Version metadata lives in commit-message trailers so that plain ``git log``
shows it::

    Revised OP3 after informals

    Redraft-Draft: unodc-governance
    Redraft-By: EU
    Redraft-Symbol: E/CN.15/2011/L.3
    Redraft-Sponsors: Austria; Brazil
    Redraft-Translates: unodc-governance@3 4f2a9c1e...   (language versions only)
    Redraft-Tool: redraft 0.1.0
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from datetime import UTC, date, datetime

from ..errors import InputError, NotFoundError
from ..model import Draft, Version

# -- names ----------------------------------------------------------------------

MAX_NAME = 100
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
# Names Windows cannot create as files: a store must clone everywhere.
_WINDOWS_RESERVED = {"con", "prn", "aux", "nul"} | {
    f"{p}{i}" for p in ("com", "lpt") for i in range(10)
}


def validate_name(name: str) -> str:
    """``name`` if it is a safe draft name, else :class:`InputError` (one line).

    Names become file names (drafts/NAME.txt) on every platform a delegation
    uses, and appear in commands, so they are plain ASCII: letters, digits,
    '.', '_', '-', starting with a letter or digit.
    """
    shown = _printable(name)
    if not name:
        raise InputError("a draft name cannot be empty")
    if len(name) > MAX_NAME:
        raise InputError(f"draft name too long ({len(name)} characters, limit {MAX_NAME})")
    if not _NAME.match(name):
        raise InputError(
            f"bad draft name '{shown}': use letters, digits, '.', '_' and '-', "
            "starting with a letter or digit"
        )
    lowered = name.lower()
    if ".." in name or name.endswith(".") or lowered.endswith(".lock"):
        raise InputError(f"bad draft name '{shown}': no '..', final '.' or '.lock'")
    if lowered.split(".")[0] in _WINDOWS_RESERVED:
        raise InputError(f"bad draft name '{shown}': reserved file name on Windows")
    return name


def is_valid_name(name: str) -> bool:
    """True for a name :func:`validate_name` accepts."""
    try:
        validate_name(name)
    except InputError:
        return False
    return True


def refuse_case_clash(name: str, by_case: dict[str, str]) -> None:
    """Two names that differ only in case would be one file on Windows and macOS.
    ``by_case``: the store's names by their lower case, the first of each kept (one
    lookup per name, not a scan of every name: an import of 1,900 drafts made 3.6 million
    comparisons)."""
    other = by_case.get(name.lower())
    if other is not None and other != name:
        raise InputError(f"{name}: the store already has {other!r} (names differ only in case)")


def names_by_case(names: list[str]) -> dict[str, str]:
    """``names`` by their lower case, for :func:`refuse_case_clash` (the first kept)."""
    by_case: dict[str, str] = {}
    for name in names:
        by_case.setdefault(name.lower(), name)
    return by_case


def _printable(text: str) -> str:
    """``text`` with control characters shown as escapes, cut for an error line."""
    cut = text[:60] + ("..." if len(text) > 60 else "")
    return "".join(c if c.isprintable() else ascii(c)[1:-1] for c in cut)


def name_from_path(stem: str) -> str:
    """A draft name made from a file name or a heading ("Draft resolution II" ->
    "draft-resolution-ii"): lower case, ASCII, dashes."""
    ascii_text = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^A-Za-z0-9._-]+", "-", ascii_text).strip("-._").lower()
    slug = re.sub(r"\.{2,}", ".", slug)[: MAX_NAME - 6].rstrip("-._")
    if slug.endswith(".lock"):
        slug = slug[:-5] + "-lock"
    if slug.split(".")[0] in _WINDOWS_RESERVED:
        slug = "draft-" + slug
    return slug or "draft"


def check_field(label: str, value: str, limit: int = 300) -> str:
    """A one-line metadata value (by, symbol, a sponsor): no control characters."""
    value = value.strip()
    if len(value) > limit:
        raise InputError(f"{label} too long ({len(value)} characters, limit {limit})")
    if any(not c.isprintable() for c in value):
        raise InputError(f"{label} '{_printable(value)}': control characters are not allowed")
    return value


def split_sponsors(values: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """``("Austria; Brazil", "Chile")`` -> ``("Austria", "Brazil", "Chile")``, no duplicates."""
    seen: dict[str, None] = {}
    for value in values:
        for part in value.split(";"):
            part = check_field("sponsor", part, limit=120)
            if part:
                seen.setdefault(part, None)
    return tuple(seen)


# -- dates ----------------------------------------------------------------------

_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def parse_date(text: str) -> str:
    """A ``--date`` value as an ISO 8601 timestamp git accepts.

    A bare day becomes noon UTC, so the day stays the same in every time zone.
    A time without a zone is taken as UTC: the store must not depend on the
    clock settings of whoever recorded the history.
    """
    text = text.strip()
    try:
        if _DAY.match(text):
            day = date.fromisoformat(text)
            moment = datetime(day.year, day.month, day.day, 12, tzinfo=UTC)
        else:
            moment = datetime.fromisoformat(text.replace(" ", "T", 1))
    except ValueError:
        raise InputError(
            f"bad date {_printable(text)!r}: use YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS][+HH:MM]"
        ) from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    if not 1970 <= moment.year <= 2099:
        raise InputError(f"bad date {text!r}: year out of range")
    return moment.isoformat()


# -- commit messages --------------------------------------------------------------

TRAILER_PREFIX = "Redraft-"
_TRAILER = re.compile(r"^Redraft-([A-Za-z]+): ?(.*)$")


def default_subject(name: str, symbol: str) -> str:
    return f"{name}: {symbol}" if symbol else f"{name}: new version"


def encode_message(
    name: str,
    *,
    message: str,
    by: str,
    symbol: str,
    sponsors: tuple[str, ...],
    tool: str,
    translates: str = "",
) -> str:
    """The commit message of a version: the user's message, then our trailers
    (``translates``: for a language version, the original's version it translates)."""
    body = message.strip().replace("\r\n", "\n") or default_subject(name, symbol)
    trailers = [f"Redraft-Draft: {name}", f"Redraft-By: {by}"]
    if symbol:
        trailers.append(f"Redraft-Symbol: {symbol}")
    if sponsors:
        trailers.append(f"Redraft-Sponsors: {'; '.join(sponsors)}")
    if translates:
        trailers.append(f"Redraft-Translates: {translates}")
    trailers.append(f"Redraft-Tool: redraft {tool}")
    return body + "\n\n" + "\n".join(trailers) + "\n"


def decode_message(text: str) -> tuple[str, dict[str, str]]:
    """(message, trailers) of a commit message; trailers only from its last paragraph.

    A message typed by a user can hold anything, including lines that look like
    trailers: only the final paragraph, which redraft writes, is read as metadata.
    """
    message, trailers, _ = decode_version_message(text)
    return message, trailers


def decode_version_message(
    text: str,
) -> tuple[str, dict[str, str], dict[str, tuple[str, tuple[str, ...]]]]:
    """(message, trailers, per-draft metadata) of a commit message: the per-draft
    symbol and sponsors of a commit that records many drafts at once
    (:func:`encode_batch_message`), empty for a commit of one draft."""
    text = text.strip("\n")
    head, sep, last = text.rpartition("\n\n")
    trailers: dict[str, str] = {}
    metas: dict[str, tuple[str, tuple[str, ...]]] = {}
    lines = last.split("\n")
    matches = [_TRAILER.match(line) for line in lines]
    if all(matches):
        for match in matches:
            assert match is not None
            key, value = match.group(1).lower(), match.group(2).strip()
            trailers[key] = value
            if key == "meta":
                _read_meta(value, metas)
        message = head if sep else ""
    else:
        message = text
    if trailers and message == default_subject(
        trailers.get("draft", ""), trailers.get("symbol", "")
    ):
        message = ""
    if metas and message == batch_subject(len(metas)):
        message = ""
    return message.strip(), trailers, metas


def version_text(
    draft: Draft, old: tuple[str, bytes] | None, symbol: str, sponsors: tuple[str, ...]
) -> tuple[bytes, str, tuple[str, ...]]:
    """The canonical text a save records, with its symbol and sponsors: those given,
    else the draft's own, else (a draft keeps them until a version says otherwise)
    those of the latest version ``old`` (its git id and text)."""
    from dataclasses import replace

    from .. import canonical

    symbol = symbol or draft.meta.symbol
    sponsors = sponsors or draft.meta.sponsors
    if old is not None and not (symbol and sponsors):
        before = canonical.front_meta(old[1])
        symbol, sponsors = symbol or before.symbol, sponsors or before.sponsors
    meta = replace(draft.meta, symbol=symbol, sponsors=sponsors)
    return canonical.render(replace(draft, meta=meta)).encode("utf-8"), symbol, sponsors


# -- many drafts in one commit ----------------------------------------------------


def batch_subject(count: int) -> str:
    return f"Record {count} drafts"


def encode_batch_message(
    entries: list[tuple[str, str, tuple[str, ...]]], *, message: str, by: str, tool: str
) -> str:
    """The message of one commit recording many drafts (``redraft import``): the user's
    message, then one ``Redraft-Meta: NAME {"symbol": ..., "sponsors": [...]}`` trailer per
    draft ((name, symbol, sponsors) in ``entries``), so that each keeps its own symbol and
    sponsors. A draft name holds no space, so the name ends at the first one."""
    body = message.strip().replace("\r\n", "\n") or batch_subject(len(entries))
    trailers = [f"Redraft-By: {by}"]
    for name, symbol, sponsors in entries:
        meta = json.dumps({"symbol": symbol, "sponsors": list(sponsors)}, ensure_ascii=False)
        trailers.append(f"Redraft-Meta: {name} {meta}")
    trailers.append(f"Redraft-Tool: redraft {tool}")
    return body + "\n\n" + "\n".join(trailers) + "\n"


def _read_meta(value: str, metas: dict[str, tuple[str, tuple[str, ...]]]) -> None:
    """One ``Redraft-Meta`` trailer into ``metas``; a damaged one is left out (the
    version then keeps its draft's previous symbol and sponsors, as a plain commit does)."""
    name, _, raw = value.partition(" ")
    try:
        found = json.loads(raw)
    except ValueError:
        return
    if not isinstance(found, dict):
        return
    symbol, sponsors = found.get("symbol", ""), found.get("sponsors", [])
    if isinstance(symbol, str) and isinstance(sponsors, list):
        metas[name] = (symbol, tuple(str(s) for s in sponsors))


# -- revision specs --------------------------------------------------------------

_HEX = re.compile(r"^[0-9a-fA-F]{4,64}$")
_RELATIVE = re.compile(r"^-\d+$")


def split_spec(spec: str) -> tuple[str, str | None]:
    """``"NAME@REV"`` -> ``("NAME", "REV")``; ``"NAME"`` -> ``("NAME", None)``.

    The name is validated; the revision is checked when it is looked up."""
    name, sep, rev = spec.partition("@")
    validate_name(name)
    if sep and not rev.strip():
        raise InputError(f"{_printable(spec)}: empty revision after '@'")
    return name, (rev.strip() if sep else None)


def select(versions: list[Version], rev: str | None, name: str = "") -> Version:
    """The version ``rev`` designates among ``versions`` (oldest first)."""
    name = name or (versions[0].name if versions else "")
    if not versions:
        raise NotFoundError(f"{name}: no such draft in the store")
    if rev is None or rev.lower() in ("latest", "head"):
        return versions[-1]
    if rev.isdigit() and (len(rev) < 7 or int(rev) <= len(versions)):
        number = int(rev)
        if 1 <= number <= len(versions):
            return versions[number - 1]
        raise NotFoundError(f"{name}@{rev}: no such version (versions 1 to {len(versions)})")
    if _RELATIVE.match(rev):
        back = int(rev[1:])
        if back < len(versions):
            return versions[-1 - back]
        raise NotFoundError(
            f"{name}@{rev}: no version {back} before the latest "
            f"(versions 1 to {len(versions)}; @-1 is the one before the latest)"
        )
    if _DAY.match(rev):
        return _by_day(versions, rev, name)
    found = _by_symbol(versions, rev)
    if found is not None:
        return found
    if _HEX.match(rev):
        return _by_commit(versions, rev, name)
    raise NotFoundError(f"{name}@{_printable(rev)}: unknown revision (see 'redraft log {name}')")


def _by_day(versions: list[Version], day: str, name: str) -> Version:
    try:
        date.fromisoformat(day)
    except ValueError:
        raise InputError(f"{name}@{day}: not a valid date") from None
    earlier = [v for v in versions if v.day <= day]
    if not earlier:
        raise NotFoundError(f"{name}@{day}: no version on or before that date")
    return earlier[-1]


def _by_symbol(versions: list[Version], rev: str) -> Version | None:
    """The version that first carries a symbol (the text as issued under it): exact
    symbol first, then a symbol ending with "/REV" (``Rev.1``, ``L.3/Rev.1``).

    Later versions inherit the symbol until one says otherwise (informal edits of
    L.3 are still "L.3"), so the first is the one the symbol names."""
    wanted = rev.lower()
    exact = [v for v in versions if v.symbol.lower() == wanted]
    if exact:
        return exact[0]
    tail = [v for v in versions if v.symbol.lower().endswith("/" + wanted)]
    return tail[0] if tail else None


def _by_commit(versions: list[Version], rev: str, name: str) -> Version:
    wanted = rev.lower()
    matches = [v for v in versions if v.commit.startswith(wanted)]
    if len(matches) > 1:
        raise NotFoundError(f"{name}@{rev}: ambiguous commit prefix, give more digits")
    if not matches:
        raise NotFoundError(f"{name}@{rev}: no version of {name} has that commit")
    return matches[0]


# -- import ----------------------------------------------------------------------


@dataclass(frozen=True)
class Incoming:
    """A draft about to be saved by ``redraft import``."""

    name: str
    draft: Draft
    source: str
    warnings: tuple[str, ...] = ()


def refuse_control_characters(name: str, draft: Draft) -> None:
    """The store never keeps a control character (NUL, escape...): one line, exit 2,
    and nothing is written (tabs and line ends lay out tables: allowed)."""
    from ..typography import control_in_draft, describe_control

    found = control_in_draft(draft)
    if found is not None:
        where, char = found
        raise InputError(
            f"{name}: {where} holds the control character {describe_control(char)}; "
            "not saved (remove it and save again)"
        )
