"""Refusing hostile .docx files before python-docx touches them.

A zip bomb (absurd total size, absurd compression ratio, too many members, or a member
larger than its header says), XML that declares a DTD or entities (XXE, billion laughs),
a zip that is not a Word document (a renamed archive, an OpenDocument file), an encrypted
zip, and an OLE compound file (a password-protected .docx, or an old binary .doc) each
give one :class:`~redraft.errors.InputError` line.
"""

from __future__ import annotations

import io
import zipfile
from typing import Any

from ..errors import InputError

# Limits for the zip check: a real draft is well under 1 MB of XML.
MAX_UNCOMPRESSED = 64 * 1024 * 1024
MAX_RATIO = 100
MAX_ENTRIES = 2000
OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
WORD_MAIN = "wordprocessingml.document.main+xml"


def refuse_ole(data: bytes, name: str) -> None:
    """An OLE compound file is either an encrypted .docx or an old binary .doc."""
    if "EncryptionInfo".encode("utf-16-le") in data or b"E\x00n\x00c\x00r\x00y\x00p\x00t" in data:
        raise InputError(
            f"{name}: the Word document is password-protected (encrypted); "
            "remove the password in Word and save it again"
        )
    raise InputError(f"{name}: an old binary Word (.doc) file; save it as .docx and retry")


def check_package(data: bytes, name: str) -> None:
    """Refuse anything but a plain, reasonably sized Word package."""
    if data.startswith(OLE_SIGNATURE):
        refuse_ole(data, name)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError):
        raise InputError(f"{name}: a damaged zip file, not a readable Word document") from None
    with archive:
        infos = archive.infolist()
        _check_sizes(infos, name)
        names = {info.filename for info in infos}
        if "mimetype" in names and "content.xml" in names:
            raise InputError(f"{name}: an OpenDocument file, not Word; save it as .docx")
        if "[Content_Types].xml" not in names:
            raise InputError(f"{name}: a zip file but not a Word document")
        for info in infos:
            if info.filename.endswith((".xml", ".rels")):
                _check_xml(_bounded_read(archive, info, name), info.filename, name)
        types = _bounded_read(archive, archive.getinfo("[Content_Types].xml"), name)
        if WORD_MAIN.encode() not in types and b"wordprocessingml.template.main" not in types:
            raise InputError(f"{name}: a zip file but not a Word document (no word/document.xml)")


def _check_sizes(infos: list[zipfile.ZipInfo], name: str) -> None:
    if len(infos) > MAX_ENTRIES:
        raise InputError(f"{name}: {len(infos)} files inside the zip; refused as a zip bomb")
    total = sum(info.file_size for info in infos)
    if total > MAX_UNCOMPRESSED:
        raise InputError(
            f"{name}: expands to {total // 1048576} MB; refused as a zip bomb "
            f"(limit {MAX_UNCOMPRESSED // 1048576} MB)"
        )
    for info in infos:
        if info.flag_bits & 0x1:
            raise InputError(f"{name}: the zip is encrypted (password-protected); refused")
        if info.file_size > 1_000_000 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            ratio = info.file_size // max(info.compress_size, 1)
            raise InputError(
                f"{name}: {info.filename} is compressed {ratio} times; refused as a zip bomb"
            )


def _bounded_read(archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str) -> bytes:
    """Read one member, never more than its declared size (headers can lie)."""
    try:
        with archive.open(info) as member:
            blob = member.read(min(info.file_size, MAX_UNCOMPRESSED) + 1)
    except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError, EOFError):
        raise InputError(f"{name}: damaged zip member {info.filename}") from None
    if len(blob) > info.file_size:
        raise InputError(f"{name}: {info.filename} is larger than declared; refused")
    return blob


def _check_xml(blob: bytes, member: str, name: str) -> None:
    # Markup declarations cannot hide in text (``<`` is escaped there), so a plain search
    # over the whole part is exact; UTF-16 parts are decoded first so NULs hide nothing.
    if blob.startswith((b"\xff\xfe", b"\xfe\xff")) or blob[:2] in (b"<\x00", b"\x00<"):
        try:
            blob = blob.decode("utf-16").encode("utf-8")
        except UnicodeDecodeError:
            raise InputError(f"{name}: {member} is not valid UTF-16 XML") from None
    if b"<!DOCTYPE" in blob or b"<!ENTITY" in blob:
        raise InputError(
            f"{name}: {member} declares a DTD or XML entities; refused for safety (XXE)"
        )


def parse_part(blob: bytes, member: str) -> Any:
    """A part python-docx does not parse itself (footnotes, numbering), parsed safely;
    damaged XML is one InputError line (the caller adds the file name)."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        return etree.fromstring(blob, parser)
    except etree.XMLSyntaxError as error:
        raise InputError(f"{member} is not well-formed XML ({error.msg})") from None
