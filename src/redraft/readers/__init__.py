"""Readers: any input a delegate has (UN printed text, canonical text, AKN XML, Word)
turned into a :class:`~redraft.model.Draft`.

:func:`read_path` and :func:`read_bytes` are the only entry points the rest of the
package uses. They sniff the format, decode the bytes, and turn every problem
into an :class:`~redraft.errors.InputError` with one clear line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from ..blocktree import MAX_DEPTH, NestingError, deepest
from ..errors import InputError
from ..formats import PDF_MAGIC
from ..model import Draft

#: Largest input accepted. The longest real resolution (oceans and the law of the
#: sea) is about 200 KB; anything near this limit is not a draft.
MAX_INPUT_BYTES = 16 * 1024 * 1024


@dataclass(frozen=True)
class ReadResult:
    draft: Draft
    format: str  # "text", "canonical", "akn", "docx", "markdown", "pdf"
    warnings: tuple[str, ...] = field(default=())


def read_path(path: str | Path, view: str = "current") -> ReadResult:
    """Read one draft from a file ("-" is not handled here: see :func:`read_bytes`)."""
    return read_bytes(read_file_bytes(path), name=str(path), view=view)


def read_file_bytes(path: str | Path, what: str = "draft") -> bytes:
    """The bytes of a file meant to hold a ``what`` (a draft, a report), or an InputError
    saying in one line why it cannot be read. Devices and pipes (``/dev/zero``, a FIFO)
    are read like files, up to the same limit."""
    path = Path(path)
    try:
        if path.is_dir():
            raise InputError(f"{path}: is a directory, not a {what} file")
        size = path.stat().st_size
        if size > MAX_INPUT_BYTES:
            raise InputError(
                f"{path}: {size / 1048576:.0f} MB is too large for a {what} "
                f"(limit {MAX_INPUT_BYTES // 1048576} MB)"
            )
        with open(path, "rb") as handle:
            return read_limited(handle, str(path), what)
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as error:
        raise InputError(f"{path}: cannot read ({error.strerror or error})") from None


def read_limited(stream: BinaryIO, name: str, what: str = "draft") -> bytes:
    """Read ``stream`` (a file, a device, standard input) to its end, in pieces, and stop
    with an InputError as soon as it holds more than MAX_INPUT_BYTES: ``/dev/zero`` or
    ``yes | redraft show -`` never grow in memory past the limit."""
    pieces: list[bytes] = []
    total = 0
    while True:
        piece = stream.read(min(_PIECE, MAX_INPUT_BYTES + 1 - total))
        if not piece:
            return b"".join(pieces)
        pieces.append(piece)
        total += len(piece)
        if total > MAX_INPUT_BYTES:
            raise InputError(
                f"{name}: more than {MAX_INPUT_BYTES // 1048576} MB: too large for a {what} "
                f"(limit {MAX_INPUT_BYTES // 1048576} MB; reading stopped there)"
            )


_PIECE = 1 << 20


#: A character that shows: not a blank, nor an invisible format character (a byte-order
#: mark, a zero-width space or joiner, a soft hyphen, a bidirectional mark).
_VISIBLE = re.compile(
    r"[^\s\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]"
)

#: The signature of an OLE compound file: an old .doc, or a password-protected .docx.
OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def read_bytes(data: bytes, name: str = "<input>", view: str = "current") -> ReadResult:
    """Read one draft from raw bytes, sniffing the format. Warnings name the file
    (``name``) and, when about one paragraph, its label; each is given once.

    ``view`` matters for Word documents holding tracked changes: "current" (changes
    accepted, the default) or "original" (changes rejected). A draft nesting deeper
    than :data:`~redraft.blocktree.MAX_DEPTH` levels is refused, whatever its format."""
    try:
        result = _read_bytes(data, name, view)
    except NestingError as error:
        raise InputError(f"{name}: {error}; redraft reads at most {MAX_DEPTH} levels") from None
    if deepest(result.draft.blocks) > MAX_DEPTH:
        raise InputError(
            f"{name}: paragraphs nested more than {MAX_DEPTH} levels deep; "
            f"redraft reads at most {MAX_DEPTH} levels"
        )
    return ReadResult(result.draft, result.format, named(result.warnings, name))


def _read_bytes(data: bytes, name: str, view: str) -> ReadResult:
    if len(data) > MAX_INPUT_BYTES:
        raise InputError(f"{name}: too large for a draft (limit {MAX_INPUT_BYTES // 1048576} MB)")
    if not data.strip():
        raise InputError(f"{name}: the file is empty")
    if data[:4] == b"PK\x03\x04" or data[:8] == OLE_SIGNATURE:
        from .docx import read_docx

        draft, warnings = read_docx(data, name, view=view)
        return ReadResult(draft, "docx", tuple(warnings))
    if PDF_MAGIC in data[:1024]:
        from .pdf import read_pdf

        draft, warnings = read_pdf(data, name)
        return ReadResult(draft, "pdf", tuple(warnings))
    text, warnings = decode(data, name)
    if not _VISIBLE.search(text):  # a byte-order mark, zero-width spaces: nothing to read
        raise InputError(f"{name}: the file is empty (nothing but blanks and invisible characters)")
    stripped = text.lstrip()
    if stripped.startswith("<"):
        from .akn import read_akn

        draft, more = read_akn(data, name)
        return ReadResult(draft, "akn", tuple(warnings + more))
    from .. import canonical

    if canonical.looks_canonical(stripped):
        return ReadResult(canonical.parse(stripped), "canonical", tuple(warnings))
    from .markdown import looks_like_markdown
    from .text import read_text

    if looks_like_markdown(stripped):  # redraft's own export (export --format md)
        return _read_markdown(text, warnings)
    draft, more = read_text(text)
    return ReadResult(draft, "text", tuple(warnings + more))


#: A warning about one paragraph opens with its label: "OP7: numbered '7.' after '5.'".
_ABOUT_A_PARAGRAPH = re.compile(r"^(?:PP|OP|FN)[^\s:]*: ")


def named(warnings: tuple[str, ...] | list[str], name: str) -> tuple[str, ...]:
    """Each warning once, naming the file: "A_RES_79_9.xml OP7: numbered ...", or
    "report.txt: dropped page furniture ..." (a reader's own prefix is kept)."""
    out: dict[str, None] = {}
    for warning in warnings:
        if name and not warning.startswith(name):
            joint = " " if _ABOUT_A_PARAGRAPH.match(warning) else ": "
            warning = f"{name}{joint}{warning}"
        out.setdefault(warning, None)
    return tuple(out)


def _read_markdown(text: str, warnings: list[str]) -> ReadResult:
    """Markdown as ``export --format md`` writes it, read as the printed text it shows."""
    from .markdown import read_markdown

    draft, more = read_markdown(text)
    return ReadResult(draft, "markdown", tuple(warnings + more))


def decode(data: bytes, name: str = "<input>") -> tuple[str, list[str]]:
    """Decode bytes as UTF-8, UTF-8 with BOM, UTF-16 with BOM, then cp1252 (with a warning).

    Binary data (NUL bytes outside UTF-16, or control characters) is refused.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return _strict(data[3:], "utf-8", name), []
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _strict(data, "utf-16", name), []
    if b"\x00" in data:
        raise InputError(f"{name}: looks like a binary file, not a text draft")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            raise InputError(f"{name}: not valid UTF-8, UTF-16 or Windows-1252 text") from None
        warning = f"{name}: not valid UTF-8; read as Windows-1252 (cp1252)"
        return _check_text(text, name), [warning]
    return _check_text(text, name), []


def _strict(data: bytes, encoding: str, name: str) -> str:
    try:
        return _check_text(data.decode(encoding), name)
    except UnicodeDecodeError:
        raise InputError(f"{name}: invalid {encoding.upper()} text") from None


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")


def _check_text(text: str, name: str) -> str:
    text = text.lstrip("\ufeff")
    if len(_CONTROL.findall(text, 0, 65536)) > 8:
        raise InputError(f"{name}: looks like a binary file, not a text draft")
    return text
