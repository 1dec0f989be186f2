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
    Redraft-Tool: redraft 0.1.0
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import lru_cache
from typing import Any

from .errors import InputError, NotFoundError
from .model import Draft

# -- versions -------------------------------------------------------------------


@dataclass(frozen=True)
class Version:
    """One recorded version of a draft (one git commit touching drafts/NAME.txt)."""

    name: str
    number: int  # 1-based, in history order
    commit: str  # full commit id
    date: str  # ISO 8601 author date: the date the version carries (--date)
    by: str  # the delegation that recorded it
    symbol: str = ""
    message: str = ""  # the user's message ("" when none was given)
    sponsors: tuple[str, ...] = ()
    blob: str = ""  # git id of the canonical text of this version
    words: int | None = None  # filled by Store.history (the rule of docs/stats.md)

    @property
    def day(self) -> str:
        return self.date[:10]

    def as_dict(self) -> dict[str, str]:
        """String form for :class:`redraft.sources.Loaded` ``version``."""
        return {
            "name": self.name,
            "number": str(self.number),
            "commit": self.commit,
            "date": self.date,
            "by": self.by,
            "symbol": self.symbol,
            "message": self.message,
            "sponsors": "; ".join(self.sponsors),
        }


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
            f"bad draft name {shown!r}: use letters, digits, '.', '_' and '-', "
            "starting with a letter or digit"
        )
    lowered = name.lower()
    if ".." in name or name.endswith(".") or lowered.endswith(".lock"):
        raise InputError(f"bad draft name {shown!r}: no '..', final '.' or '.lock'")
    if lowered.split(".")[0] in _WINDOWS_RESERVED:
        raise InputError(f"bad draft name {shown!r}: reserved file name on Windows")
    return name


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
        raise InputError(f"{label} {_printable(value)!r}: control characters are not allowed")
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
    name: str, *, message: str, by: str, symbol: str, sponsors: tuple[str, ...], tool: str
) -> str:
    """The commit message of a version: the user's message, then our trailers."""
    body = message.strip().replace("\r\n", "\n") or default_subject(name, symbol)
    trailers = [f"Redraft-Draft: {name}", f"Redraft-By: {by}"]
    if symbol:
        trailers.append(f"Redraft-Symbol: {symbol}")
    if sponsors:
        trailers.append(f"Redraft-Sponsors: {'; '.join(sponsors)}")
    trailers.append(f"Redraft-Tool: redraft {tool}")
    return body + "\n\n" + "\n".join(trailers) + "\n"


def decode_message(text: str) -> tuple[str, dict[str, str]]:
    """(message, trailers) of a commit message; trailers only from its last paragraph.

    A message typed by a user can hold anything, including lines that look like
    trailers: only the final paragraph, which redraft writes, is read as metadata.
    """
    text = text.strip("\n")
    head, sep, last = text.rpartition("\n\n")
    trailers: dict[str, str] = {}
    lines = last.split("\n")
    if all(_TRAILER.match(line) for line in lines):
        for line in lines:
            match = _TRAILER.match(line)
            assert match is not None
            trailers[match.group(1).lower()] = match.group(2).strip()
        message = head if sep else ""
    else:
        message = text
    if trailers and message == default_subject(
        trailers.get("draft", ""), trailers.get("symbol", "")
    ):
        message = ""
    return message.strip(), trailers


def blob_id(data: bytes, length: int = 40) -> str:
    """The git object id ``data`` gets as a blob (sha1, or sha256 for such repositories)."""
    header = b"blob %d\0" % len(data)
    algorithm = hashlib.sha1 if length == 40 else hashlib.sha256
    return algorithm(header + data).hexdigest()


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
        raise NotFoundError(f"{name}@{rev}: only {len(versions)} version(s)")
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


# -- git output -------------------------------------------------------------------

#: ``git log --format`` that :func:`parse_log` reads (with ``--raw --no-abbrev``).
LOG_FORMAT = "%x1e%H%x1f%aI%x1f%an%x1f%B%x1f"


def parse_log(out: str, folder: str = "drafts") -> dict[str, list[Version]]:
    """Versions per draft from ``git log --reverse --raw --format=LOG_FORMAT`` output.

    Every commit that changes ``folder/NAME.txt`` is a version, whoever made it:
    a commit made with plain git has no trailers and counts under its author."""
    found: dict[str, list[Version]] = {}
    for record in out.split("\x1e")[1:]:
        commit, when, author, body, raw = record.split("\x1f")
        message, trailers = decode_message(body)
        sponsors = tuple(s.strip() for s in trailers.get("sponsors", "").split(";") if s.strip())
        for line in raw.strip().splitlines():
            meta, _, file = line.partition("\t")
            name = file[len(folder) + 1 : -4]
            if not (file == f"{folder}/{name}.txt" and "/" not in name and name):
                continue
            blob = meta.split()[3]
            if set(blob) == {"0"}:  # deleted: a later file of that name starts over
                found.pop(name, None)
                continue
            versions = found.setdefault(name, [])
            versions.append(
                Version(
                    name=name,
                    number=len(versions) + 1,
                    commit=commit,
                    date=when,
                    by=trailers.get("by") or author,
                    symbol=trailers.get("symbol", ""),
                    message=message,
                    sponsors=sponsors,
                    blob=blob,
                )
            )
    return found


def parse_tree(content: bytes, id_size: int = 20) -> list[tuple[str, str, str]]:
    """(mode, name, object id) of each entry of a raw git tree object (ids of
    ``id_size`` bytes: 20 for sha1, 32 for sha256 repositories)."""
    entries, pos = [], 0
    while pos < len(content):
        space = content.index(b" ", pos)
        nul = content.index(b"\0", space)
        name = content[space + 1 : nul].decode("utf-8", "surrogateescape")
        oid = content[nul + 1 : nul + 1 + id_size].hex()
        entries.append((content[pos:space].decode(), name, oid))
        pos = nul + 1 + id_size
    return entries


def encode_tree(entries: dict[str, tuple[str, str]]) -> bytes:
    """A raw tree object from ``{name: (mode, id)}``, in git's order (folders sort as "name/")."""

    def order(name: str) -> bytes:
        raw = name.encode("utf-8", "surrogateescape")
        return raw + b"/" if entries[name][0] == "40000" else raw

    return b"".join(
        b"%s %s\0" % (entries[n][0].encode(), n.encode("utf-8", "surrogateescape"))
        + bytes.fromhex(entries[n][1])
        for n in sorted(entries, key=order)
    )


def encode_commit(tree: str, parent: str | None, by: str, when: str, message: str) -> bytes:
    """A raw commit object: author and committer are the delegation, at ``when`` (ISO 8601)."""
    moment = datetime.fromisoformat(when)
    offset = moment.utcoffset()
    minutes = int(offset.total_seconds() // 60) if offset is not None else 0
    zone = f"{'-' if minutes < 0 else '+'}{abs(minutes) // 60:02d}{abs(minutes) % 60:02d}"
    name = re.sub(r"[<>\n]", "", by).strip() or "unknown"
    ident = f"{name} <> {int(moment.timestamp())} {zone}"
    lines = [f"tree {tree}"] + ([f"parent {parent}"] if parent else [])
    lines += [f"author {ident}", f"committer {ident}", "", message]
    return "\n".join(lines).encode("utf-8")


def parse_batch(out: bytes, count: int) -> list[bytes]:
    """The contents of ``count`` objects from ``git cat-file --batch`` output."""
    contents, pos = [], 0
    for _ in range(count):
        end = out.index(b"\n", pos)
        header = out[pos:end].split()
        if len(header) != 3:
            raise ValueError(f"object {header[0].decode(errors='replace')} is missing")
        size = int(header[2])
        contents.append(out[end + 1 : end + 1 + size])
        pos = end + 2 + size
    return contents


# -- log and list ------------------------------------------------------------------


@dataclass(frozen=True)
class LogEntry:
    """One line of ``redraft log``: a version, its length and what changed since the previous."""

    version: Version
    words: int
    delta: int  # words added minus words removed since the previous version
    changes: tuple[tuple[str, int], ...]  # ("modified", 2), ("inserted", 1)... zero counts left out
    first: bool = False

    @property
    def summary(self) -> str:
        if self.first:
            return "first version"
        return ", ".join(f"{n} {op}" for op, n in self.changes) or "no paragraph changed"


@dataclass(frozen=True)
class DraftSummary:
    """One line of ``redraft list``."""

    name: str
    versions: int
    symbol: str
    words: int
    date: str
    by: str


#: Bump when the word rule or the change summary changes: older cached figures are dropped.
LOG_CACHE_FORMAT = 2


def new_log_cache() -> dict[str, Any]:
    """Figures per blob and per pair of blobs: versions are immutable, so once computed
    they hold for good (``Store.log`` keeps them in .git/redraft-log-cache.json)."""
    return {"format": LOG_CACHE_FORMAT, "words": {}, "changes": {}}


def read_log_cache(text: str) -> dict[str, Any]:
    """A cache read back; anything unexpected (older format, damage) gives an empty one."""
    try:
        cache = json.loads(text)
    except ValueError:
        return new_log_cache()
    if (
        isinstance(cache, dict)
        and cache.get("format") == LOG_CACHE_FORMAT
        and isinstance(cache.get("words"), dict)
        and isinstance(cache.get("changes"), dict)
    ):
        return cache
    return new_log_cache()


def missing_blobs(versions: list[Version], cache: dict[str, Any]) -> set[str]:
    """The blobs whose text :func:`build_log` needs because the cache lacks their figures."""
    needed = set()
    for before, version in zip([None, *versions], versions, strict=False):
        if version.blob not in cache["words"]:
            needed.add(version.blob)
        if before is not None and f"{before.blob}:{version.blob}" not in cache["changes"]:
            needed |= {before.blob, version.blob}
    return needed


def build_log(
    versions: list[Version],
    texts: list[bytes] | dict[str, bytes],
    cache: dict[str, Any] | None = None,
) -> list[LogEntry]:
    """Log entries, oldest first. ``texts``: every version's canonical text, or by blob
    those :func:`missing_blobs` names; ``cache`` is read and completed.

    Consecutive versions share most paragraphs, so the work is done per top-level
    paragraph: each distinct paragraph is counted once, and only the paragraphs
    that differ are handed to the paragraph-aware diff. That keeps ``redraft log``
    over 1,000 versions near half a second where a full diff per pair takes ten.
    """
    if isinstance(texts, list):
        texts = {v.blob: t for v, t in zip(versions, texts, strict=True)}
    cache = cache if cache is not None else new_log_cache()
    words_of, changes_of = cache["words"], cache["changes"]
    split = lru_cache(maxsize=2)(lambda blob: split_chunks(texts[blob].decode("utf-8", "replace")))
    entries: list[LogEntry] = []
    for before, version in zip([None, *versions], versions, strict=False):
        if version.blob not in words_of:
            words_of[version.blob] = sum(_chunk_words(c) for c in split(version.blob)[1])
        words = words_of[version.blob]
        if before is None:
            entries.append(LogEntry(version, words, words, (), first=True))
            continue
        pair = f"{before.blob}:{version.blob}"
        if pair not in changes_of:
            found = paragraph_changes(split(before.blob), split(version.blob))
            changes_of[pair] = [list(item) for item in found]
        changes = tuple((str(op), int(n)) for op, n in changes_of[pair])
        entries.append(LogEntry(version, words, words - entries[-1].words, changes))
    return entries


def split_chunks(text: str) -> tuple[str, list[str]]:
    """(front matter, top-level paragraphs with their sub-paragraphs and footnotes)."""
    text = text.replace("\r\n", "\n")
    end = text.find("\n---\n", 3)
    front, body = (
        (text[: end + 5], text[end + 5 :]) if text.startswith("---\n") and end > 0 else ("", text)
    )
    chunks: list[str] = []
    for item in body.strip("\n").split("\n\n"):
        if chunks and (item[:1] == " " or item.startswith("[^")):
            chunks[-1] += "\n\n" + item
        elif item.strip():
            chunks.append(item)
    return front, chunks


_LEAD_NUMBER = re.compile(r"^(?:(?:PP|OP) \S+ |\S+ )")
_BARE_FRONT = "---\nredraft: 1\n---\n\n"


@lru_cache(maxsize=1 << 16)
def _key(chunk: str) -> str:
    """A paragraph without its own number, so that renumbering is not a change."""
    from .canonical import NUMBER_TOKEN

    match = _LEAD_NUMBER.match(chunk)
    if match and (chunk.startswith(("PP ", "OP ")) or NUMBER_TOKEN.match(match.group(0).strip())):
        return chunk[match.end() :]
    return chunk


def paragraph_changes(
    old: tuple[str, list[str]], new: tuple[str, list[str]]
) -> tuple[tuple[str, int], ...]:
    """Counts of changed paragraphs between two versions given as :func:`split_chunks`."""
    old_keys, new_keys = [_key(c) for c in old[1]], [_key(c) for c in new[1]]
    gone, came = _unmatched(old_keys, new_keys)
    # A paragraph deleted in one place and inserted unchanged in another moved.
    moved_keys = {old_keys[i] for i in gone} & {new_keys[j] for j in came}
    gone = [i for i in gone if old_keys[i] not in moved_keys]
    came = [j for j in came if new_keys[j] not in moved_keys]
    counts = _diff_counts([old[1][i] for i in gone], [new[1][j] for j in came])
    if moved_keys:
        counts["moved"] = counts.get("moved", 0) + len(moved_keys)
    order = ("modified", "inserted", "deleted", "moved", "split", "merged")
    return tuple((op, counts[op]) for op in order if counts.get(op))


def _unmatched(old: list[str], new: list[str]) -> tuple[list[int], list[int]]:
    """Positions of paragraphs with no equal partner; the shared head and tail are
    skipped first, since consecutive versions differ in a few places only."""
    from difflib import SequenceMatcher

    shorter = min(len(old), len(new))
    head = 0
    while head < shorter and old[head] == new[head]:
        head += 1
    tail = 0
    while tail < shorter - head and old[-1 - tail] == new[-1 - tail]:
        tail += 1
    middle_old, middle_new = old[head : len(old) - tail], new[head : len(new) - tail]
    gone: list[int] = []
    came: list[int] = []
    matcher = SequenceMatcher(None, middle_old, middle_new, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op != "equal":
            gone.extend(range(head + i1, head + i2))
            came.extend(range(head + j1, head + j2))
    return gone, came


def _diff_counts(old: list[str], new: list[str], fast: bool = True) -> dict[str, int]:
    """Changes among the paragraphs that differ: the paragraph-aware diff when it is
    installed, else pairs in order (modified), the rest inserted or deleted."""
    if not old or not new:
        return {"inserted": len(new), "deleted": len(old)}
    if fast and len(old) == len(new) == 1:
        verdict = _one_for_one(old[0], new[0])
        if verdict is not None:
            return verdict
    try:
        from . import canonical
        from .diff import diff_drafts
    except ImportError:
        pairs = min(len(old), len(new))
        return {"modified": pairs, "inserted": len(new) - pairs, "deleted": len(old) - pairs}
    before = canonical.parse(_BARE_FRONT + "\n\n".join(old) + "\n")
    after = canonical.parse(_BARE_FRONT + "\n\n".join(new) + "\n")
    counts: dict[str, int] = {}
    for change in diff_drafts(before, after).changes:  # type: ignore[no-untyped-call]
        if change.changed:
            counts[change.op] = counts.get(change.op, 0) + 1
    return counts


def _one_for_one(old: str, new: str) -> dict[str, int] | None:
    """The diff's verdict on one plain paragraph replaced by another, without running
    it (the commonest step of a negotiation, and most of the time ``log`` takes): the
    two pair when their bags of words score ``PAIR_MIN_ALONE`` (diff/align.py, pass 3),
    else one is deleted and the other inserted. None for anything less simple
    (sub-paragraphs, footnotes, tables, headings, a change of markup only): the full
    diff decides. tests/test_revisions.py checks both verdicts agree."""
    a, b = _key(old), _key(new)
    if "\n" in a or "\n" in b or a.startswith(_NOT_PLAIN) or b.startswith(_NOT_PLAIN):
        return None
    if a.replace("*", "") == b.replace("*", ""):
        return None
    try:
        from .diff.align import PAIR_MIN_ALONE, pair_score, words
    except ImportError:
        return None
    paired = pair_score(words(a.replace("*", "")), words(b.replace("*", ""))) >= PAIR_MIN_ALONE
    return {"modified": 1} if paired else {"inserted": 1, "deleted": 1}


_NOT_PLAIN = ("#", ">", "|", "\\", "¶", "[^")


@lru_cache(maxsize=1 << 16)
def _chunk_words(chunk: str) -> int:
    """Words of one top-level paragraph with its sub-paragraphs (footnotes apart).

    A plain one-line paragraph is counted on its text as written (the number is no
    word, and the opening's asterisks do not change a count of tokens); anything else
    is parsed first."""
    if "\n" not in chunk and not chunk.startswith(_NOT_PLAIN):
        try:
            from .stats import count_text_words
        except ImportError:
            return len(_key(chunk).split())
        return int(count_text_words(_key(chunk)))
    from . import canonical

    return count_draft_words(canonical.parse(_BARE_FRONT + chunk + "\n"))


def count_draft_words(draft: Draft) -> int:
    """Words of a whole draft: ``stats.count_words`` when installed, else a whitespace count."""
    try:
        from .stats import count_words
    except ImportError:
        return sum(len(block.text.split()) for block in draft.walk())
    return int(count_words(draft))


# -- import ----------------------------------------------------------------------


@dataclass(frozen=True)
class Incoming:
    """A draft about to be saved by ``redraft import``."""

    name: str
    draft: Draft
    source: str
    warnings: tuple[str, ...] = ()


def drafts_from_files(paths: list[str], split: bool) -> list[Incoming]:
    """One draft per file, named after the file; with ``split``, every draft a report holds."""
    from pathlib import Path

    from .readers import decode, read_path

    found: list[Incoming] = []
    for path in paths:
        if not split:
            result = read_path(path)
            name = name_from_path(Path(path).stem)
            found.append(Incoming(name, result.draft, path, result.warnings))
            continue
        from .readers.report import split_report

        try:
            data = Path(path).read_bytes()
        except OSError as error:
            raise InputError(f"{path}: cannot read ({error.strerror or error})") from None
        text, warnings = decode(data, path)
        drafts = split_report(text)
        if not drafts:
            raise InputError(f"{path}: no draft resolution or decision found (try without --split)")
        for item in drafts:
            name = name_from_path(item.name)
            found.append(Incoming(name, item.draft, path, tuple(warnings) + item.warnings))
    return found
