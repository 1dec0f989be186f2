"""The hostile collaborator, part 2: input that is too deep, too long or empty in disguise.

Each test is one attack, named after it. Every one must end with one clear line on
stderr and exit 2, never a traceback (exit 3), never memory growing without bound.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from redraft import canonical
from redraft.blocktree import MAX_DEPTH
from redraft.labels import assign_labels
from redraft.model import Draft, Kind, Meta, Paragraph
from redraft.render.markdown_export import render_plain
from redraft.store import Store

from .cli_helpers import run

SEED = Path(__file__).parent / "data" / "merge" / "seed"


def nested(levels: int) -> Draft:
    """One operative paragraph with a chain of sub-paragraphs ``levels`` deep in all."""
    paragraph = Paragraph(kind=Kind.OPERATIVE, text=f"Level {levels} decides to act;", number="(a)")
    for level in range(levels - 1, 0, -1):
        number = "1." if level == 1 else "(a)"
        text = f"Level {level} decides:"
        paragraph = Paragraph(kind=Kind.OPERATIVE, text=text, number=number, children=(paragraph,))
    return Draft(meta=Meta(language="en"), blocks=assign_labels((paragraph,)))


def one_error_line(err: str) -> None:
    assert err.startswith("redraft: error: ") and err.count("\n") == 1, err


def test_paragraphs_nested_250_levels_deep_in_printed_text(tmp_path: Path) -> None:
    deep = tmp_path / "deep.txt"
    deep.write_text("1. Decides:\n\n(a) To act;\n\n" * 250)
    code, out, err = run("show", str(deep))
    assert code == 2 and out == ""
    one_error_line(err)
    assert f"paragraphs nested more than {MAX_DEPTH} levels deep" in err


def test_800_concatenated_bundled_drafts(tmp_path: Path) -> None:
    drafts = [canonical.parse(p.read_text(encoding="utf-8")) for p in sorted(SEED.glob("*.txt"))]
    printed = "\n\n".join(render_plain(d) for d in drafts)
    many = tmp_path / "many.txt"
    many.write_text("\n\n".join([printed] * (800 // len(drafts) + 1)))
    code, _, err = run("stats", str(many))
    assert code == 2
    one_error_line(err)
    assert "nested more than" in err


def test_canonical_text_nested_deeper_than_the_limit(tmp_path: Path) -> None:
    text = canonical.render(nested(MAX_DEPTH))
    ok = tmp_path / "ok.txt"
    ok.write_text(text)
    assert run("show", str(ok))[0] == 0
    deeper = tmp_path / "deeper.txt"
    deeper.write_text(text.rstrip("\n") + "\n\n" + "    " * MAX_DEPTH + "(a) One more;\n")
    code, _, err = run("show", str(deeper))
    assert code == 2
    one_error_line(err)
    assert "(canonical text, line " in err  # the line that goes one level too far


def test_an_exported_akn_file_reads_back_at_every_depth_redraft_writes(tmp_path: Path) -> None:
    draft = nested(MAX_DEPTH)
    source = tmp_path / "deep.txt"
    source.write_text(canonical.render(draft))
    exported = tmp_path / "deep.xml"
    code, _, err = run("export", str(source), "--format", "akn", "-o", str(exported))
    assert code == 0, err
    code, out, err = run("show", str(exported), "--format", "json")
    assert code == 0, err
    assert out.count('"kind": "operative"') == MAX_DEPTH
    code, out, _ = run("diff", str(source), str(exported), "--format", "json")
    assert code == 0 and '"op": "modified"' not in out


def test_akn_nested_far_deeper_than_any_draft(tmp_path: Path) -> None:
    inner = "<p>text</p>"
    for _ in range(300):
        inner = f"<point><content>{inner}</content></point>"
    xml = (
        '<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">'
        f"<resolution><body><paragraph><list>{inner}</list></paragraph></body></resolution>"
        "</akomaNtoso>"
    )
    hostile = tmp_path / "deep.xml"
    hostile.write_text(xml)
    code, _, err = run("show", str(hostile))
    assert code == 2
    one_error_line(err)


def _cli(*args: str, stdin: int | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "redraft", *args], stdin=stdin, capture_output=True, timeout=120
    )


def test_show_dev_zero_stops_at_the_size_limit() -> None:
    done = _cli("show", "/dev/zero")
    assert done.returncode == 2
    assert done.stderr.decode() == (
        "redraft: error: /dev/zero: more than 16 MB: too large for a draft "
        "(limit 16 MB; reading stopped there)\n"
    )


def test_yes_piped_into_show_stops_at_the_size_limit() -> None:
    yes = subprocess.Popen(["yes", "Decides."], stdout=subprocess.PIPE)
    assert yes.stdout is not None
    try:
        done = _cli("show", "-", stdin=yes.stdout.fileno())
    finally:
        yes.kill()
        yes.wait()
    assert done.returncode == 2
    assert b"<stdin>: more than 16 MB: too large for a draft" in done.stderr
    assert done.stderr.count(b"\n") == 1


@pytest.mark.parametrize(
    "content",
    [
        b"\xef\xbb\xbf",
        b"\xef\xbb\xbf\n\n",
        "\u200b\u200c\u200d\u2060 \n\ufeff".encode(),
        b"\xff\xfe",
    ],
    ids=["bom", "bom-and-blank-lines", "zero-width", "utf16-bom"],
)
def test_a_file_of_only_invisible_characters_saved_as_an_empty_version(
    tmp_path: Path, content: bytes
) -> None:
    store = Store.init(tmp_path / "store")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(content)
    code, _, err = run("save", "x", str(empty), "--store", str(store.root))
    assert code == 2
    reason = "the file is empty (nothing but blanks and invisible characters)"
    assert err == f"redraft: error: {empty}: {reason}\n"
    assert store.names() == []
