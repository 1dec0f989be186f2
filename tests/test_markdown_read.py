"""Reading redraft's own Markdown export back (docs/readers.md): the readers recognise
it and read it as the printed text it shows, with opening words, numbers, nesting,
footnotes and the symbol kept."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from redraft.cli import cli
from redraft.demo import bundled_drafts_dir
from redraft.model import Footnote
from redraft.readers import read_bytes, read_path
from redraft.readers.markdown import looks_like_markdown, markdown_to_plain
from redraft.render.markdown_export import render_markdown, render_plain

BUNDLED = sorted(bundled_drafts_dir().glob("*.txt"))

# As export --format md writes it (render_markdown): symbol, headings, escaped numbers,
# &emsp; indents, italics, a bracketed proposal, footnotes as [^m].
MARKDOWN = r"""**A/C.3/66/L.5**

# Draft resolution

## Strengthening cooperation

The General Assembly,

*Recalling* its resolution 65/230,[^1]

1\. *Urges* States:

&emsp;&emsp;(a) To act;

&emsp;&emsp;(b) To report \[twice\];

2\. *Decides* to remain seized of the matter.

[^1]: Resolution 46/152, annex.
"""


def test_the_markdown_export_of_every_bundled_draft_reads_back_the_same() -> None:
    assert len(BUNDLED) == 18
    for path in BUNDLED:
        draft = read_path(path).draft
        back = read_bytes(render_markdown(draft).encode(), "x.md")
        assert back.format == "markdown", path.name
        assert back.draft.blocks == draft.blocks, path.name


def test_a_hand_checked_export_reads_into_its_paragraphs() -> None:
    result = read_bytes(MARKDOWN.encode(), "x.md")
    draft = result.draft
    assert result.format == "markdown"
    assert draft.meta.symbol == "A/C.3/66/L.5"
    assert draft.labels() == [
        "heading",
        "title",
        "formula",
        "PP1",
        "FN1",
        "OP1",
        "OP1(a)",
        "OP1(b)",
        "OP2",
    ]
    pp1 = draft.find("PP1")
    assert pp1 is not None and pp1.text == "Recalling its resolution 65/230,¹"
    assert draft.blocks[3].opening == "Recalling"
    assert draft.blocks[3].footnotes[0].text == "Resolution 46/152, annex."
    op1b = draft.find("OP1(b)")
    assert op1b is not None and op1b.text == "To report [twice];"
    assert draft.blocks[4].number == "1." and draft.blocks[4].opening == "Urges"


def test_markdown_to_plain_gives_the_printed_layout() -> None:
    parts = markdown_to_plain(MARKDOWN)
    plain = parts.plain
    assert parts.symbol == "A/C.3/66/L.5" and parts.notes == ()
    assert plain.split("\n\n")[:3] == [
        "Draft resolution",
        "Strengthening cooperation",
        "The General Assembly,",
    ]
    assert "    (b) To report [twice];" in plain.split("\n\n")
    assert plain.rstrip().endswith("¹ Resolution 46/152, annex.")


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.stem[:30])
def test_printed_text_is_not_taken_for_markdown(path: Path) -> None:
    assert not looks_like_markdown(render_plain(read_path(path).draft))
    assert looks_like_markdown(render_markdown(read_path(path).draft))


def test_a_comment_line_is_not_enough() -> None:
    assert not looks_like_markdown("The General Assembly,\n\n# not a heading here\n\n1. Decides.\n")


def test_show_reads_what_export_md_wrote(tmp_path: Path) -> None:
    source = bundled_drafts_dir() / "ga-draft-resolution-i-follow-up-twelfth-united.txt"
    md = tmp_path / "draft.md"
    runner = CliRunner()
    exported = runner.invoke(cli, ["export", str(source), "--format", "md", "-o", str(md)])
    assert exported.exit_code == 0, exported.output
    shown = runner.invoke(cli, ["show", str(md)])
    original = runner.invoke(cli, ["show", str(source)])
    assert shown.exit_code == 0 and shown.stderr == ""
    assert shown.stdout == original.stdout.replace(str(source), str(md))


def test_a_footnote_marked_with_a_star_goes_to_the_paragraph_citing_it() -> None:
    text = "## Title\n\nThe General Assembly,\n\n1\\. *Decides* to act.[^x2a]\n\n"
    text += "2\\. *Requests* a report.\n\n[^x2a]: A star note.\n\n[^7]: Never cited.\n"
    result = read_bytes(text.encode(), "x.md")
    op1, op2 = result.draft.blocks[2:]
    assert op1.text == "Decides to act.[^*]" and op1.footnotes == (Footnote("*", "A star note."),)
    assert op2.footnotes == (Footnote("7", "Never cited."),)
    assert result.warnings == ("x.md: footnote 7 cited nowhere: kept with the last paragraph",)
