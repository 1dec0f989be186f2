"""Bad input through the CLI: one line on stderr and exit 2 (or exit 0 with a warning
when the input can be read), never a traceback."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from redraft.cli import cli

DRAFT = (
    "Draft resolution I\n\nA title\n\nThe General Assembly,\n\nRecalling its resolution,\n\n"
    "1. *Urges* Member States to act;\n\n2. *Decides* to remain seized of the matter.\n"
)
LABELS = ["heading", "title", "formula", "PP1", "OP1", "OP2"]


def show(path: Path) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["show", str(path), "--format", "json"])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.stderr
    return result.exit_code, result.stdout, result.stderr


def labels(out: str) -> list[str]:
    import json

    return list(json.loads(out)["labels"])


def write(tmp_path: Path, data: bytes, name: str = "draft.txt") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def one_error(code: int, out: str, err: str, phrase: str) -> None:
    assert code == 2 and out == ""
    assert err.startswith("redraft: error: ") and err.count("\n") == 1, err
    assert phrase in err, err


# -- readable input: exit 0 --------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        DRAFT.encode("utf-8"),
        b"\xef\xbb\xbf" + DRAFT.encode("utf-8"),  # UTF-8 with BOM
        DRAFT.encode("utf-16"),  # UTF-16 with BOM
        DRAFT.replace("\n", "\r\n").encode("utf-8"),  # CRLF
        DRAFT.replace("Member States", "Member\u00a0States").encode("utf-8"),  # NBSP
        DRAFT.replace("1. *Urges* Member", "1.\t*Urges*\tMember").encode("utf-8"),  # tabs
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-bom", "crlf", "nbsp", "tabs"],
)
def test_encodings_and_spacing_read_alike(tmp_path: Path, data: bytes) -> None:
    code, out, err = show(write(tmp_path, data))
    assert (code, err) == (0, "")
    assert labels(out) == LABELS
    # a no-break space is kept where the document had it (the diff compares it as a space)
    assert '"Urges Member States to act;"' in out.replace("\u00a0", " ")


def test_invalid_utf8_reads_as_cp1252_with_a_warning(tmp_path: Path) -> None:
    text = DRAFT.replace("Member States", "Member States of caf\xe9")
    path = write(tmp_path, text.encode("cp1252"))
    code, out, err = show(path)
    assert code == 0 and labels(out) == LABELS
    assert err == f"redraft: warning: {path}: not valid UTF-8; read as Windows-1252 (cp1252)\n"
    assert "café" in out


def test_no_structure_reads_as_plain_paragraphs_with_a_warning(tmp_path: Path) -> None:
    path = write(tmp_path, b"Some prose.\n\nMore prose here.\n")
    code, out, err = show(path)
    assert code == 0 and labels(out) == ["P1", "P2"]
    assert err.startswith(f"redraft: warning: {path}: no recognisable structure")
    assert err.count("\n") == 1


# -- unreadable input: exit 2, one line --------------------------------------------------


def test_binary_file(tmp_path: Path) -> None:
    one_error(*show(write(tmp_path, bytes(range(256)) * 4, "x.bin")), "binary")


def test_empty_file(tmp_path: Path) -> None:
    one_error(*show(write(tmp_path, b"")), "empty")


def test_whitespace_only_file(tmp_path: Path) -> None:
    one_error(*show(write(tmp_path, b" \n\n\t\n")), "empty")


def test_fifty_megabyte_file(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:  # sparse: no 50 MB written to disk
        handle.truncate(50 * 1024 * 1024)
    assert os.path.getsize(path) == 50 * 1024 * 1024
    one_error(*show(path), "too large")


def test_malformed_xml(tmp_path: Path) -> None:
    data = b'<?xml version="1.0"?>\n<akomaNtoso><act><preface>unclosed'
    code, out, err = show(write(tmp_path, data, "bad.xml"))
    one_error(code, out, err, "bad.xml")


def test_xml_that_is_not_akoma_ntoso(tmp_path: Path) -> None:
    data = b'<?xml version="1.0"?>\n<html><body><p>Hello</p></body></html>\n'
    one_error(*show(write(tmp_path, data, "page.xml")), "page.xml")


def test_a_directory(tmp_path: Path) -> None:
    one_error(*show(tmp_path), "directory")


def test_a_missing_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("REDRAFT_STORE", raising=False)
    monkeypatch.chdir(tmp_path)
    code, out, err = show(tmp_path / "missing.txt")
    assert code == 2 and out == "" and err.count("\n") == 1
    assert err.startswith("redraft: error: ")


def test_split_of_binary_report(tmp_path: Path) -> None:
    path = write(tmp_path, b"\x00\x01\x02" * 100, "report.txt")
    result = CliRunner().invoke(cli, ["split", str(path), str(tmp_path / "out")])
    one_error(result.exit_code, result.stdout, result.stderr, "binary")
