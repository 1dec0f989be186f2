"""Word documents reach the Word reader from every entry point: an OLE file
(password-protected .docx, old .doc) through read_bytes, and both sides of a
document's tracked changes through ``redraft diff FILE --as-tracked``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from redraft.cli import cli
from redraft.errors import InputError
from redraft.readers import read_bytes

from .test_docx_reader import CASES, build, load_case

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def test_password_protected_word_is_named_not_called_binary() -> None:
    data = OLE + b"\0" * 500 + "EncryptionInfo".encode("utf-16-le") + b"\0" * 500
    with pytest.raises(InputError, match="password-protected"):
        read_bytes(data, "secret.docx")


def test_diff_as_tracked_reports_the_pending_changes(tmp_path: Path) -> None:
    lines, _ = load_case(CASES / "tracked.case")
    path = tmp_path / "t.docx"
    path.write_bytes(build(lines))
    result = CliRunner().invoke(cli, ["diff", str(path), "--as-tracked", "--format", "json"])
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    ops = [change["op"] for change in document["changes"] if change["op"] != "equal"]
    assert "deleted" in ops and "modified" in ops
    assert "(before tracked changes)" in document["old"]["source"]
