"""The docs cannot drift: every command shown in README.md and docs/*.md runs, and
prints what the docs show (the format: tests/doc_examples.py, CONTRIBUTING.md).

A failure names the document, the line and the command, with the difference between
what the docs show and what the command printed. ``python -m tests.doc_examples
--update docs/x.md`` writes what the commands print into the doc (review the diff)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.doc_examples import DOCUMENTS, ROOT, code_blocks, examples, matches, report, run_document


@pytest.mark.parametrize("document", DOCUMENTS)
def test_examples_print_what_the_docs_show(document: str, tmp_path: Path) -> None:
    outcomes = run_document(document, tmp_path.resolve())
    failures = report(outcomes)
    assert not failures, f"{document}: examples that do not print what the docs show\n\n{failures}"


#: A line of a code block that is a command to type: "redraft ..." or "$ ...".
_COMMAND = re.compile(r"^\s*(?:\$ |redraft )")


@pytest.mark.parametrize("document", DOCUMENTS)
def test_every_command_shown_is_in_a_console_block(document: str) -> None:
    """Commands in other code blocks would not be run, and could drift: show them in a
    ``console`` block (with their output), or describe the syntax in the text."""
    text = (ROOT / document).read_text(encoding="utf-8")
    stray = [
        f"{document}:{first + offset}: {line.strip()}"
        for language, first, lines in code_blocks(text)
        if language != "console"
        for offset, line in enumerate(lines)
        if _COMMAND.match(line)
    ]
    lines = text.split("\n")
    in_block = set()
    for _, first, block in code_blocks(text):
        in_block.update(range(first - 1, first + len(block) + 1))
    stray += [
        f"{document}:{index + 1}: {line.strip()} (indented code)"
        for index, line in enumerate(lines)
        if index not in in_block
        and line.startswith("    ")
        and _COMMAND.match(line[4:])
        and (index == 0 or not lines[index - 1].strip() or lines[index - 1].startswith("    "))
    ]
    assert not stray, "commands outside ```console blocks (they would not be checked):\n" + (
        "\n".join(stray)
    )


def test_the_runner_can_fail(tmp_path: Path) -> None:
    """The comparison is strict where the docs are, loose only where they say '...'."""
    assert matches(["a", "...", "z"], "a\nb\nc\nz\n")
    assert matches(["a", "..."], "a\n")
    assert matches(["wrote ... page"], "wrote 3 draft page")
    assert not matches(["a", "b"], "a\nc\n")
    assert not matches(["a"], "a\nb\n")
    doc = tmp_path / "doc.md"
    doc.write_text("```console\n$ redraft --version\nredraft 9.9\n$ redraft nope\n```\n")
    found = examples("doc.md", doc.read_text())
    assert [(e.line, e.command, e.expected) for e in found] == [
        (2, "redraft --version", ["redraft 9.9"]),
        (4, "redraft nope", []),
    ]


def test_example_files_are_what_the_demo_makes() -> None:
    """docs/examples holds what `python -m redraft.demo.examples docs/examples` writes: the
    README and the demo tell the same story. (Word files are compared by their text.)"""
    from redraft.demo import bundled_drafts_dir
    from redraft.demo.examples import example_files
    from redraft.readers import read_bytes

    folder = ROOT / "docs" / "examples"
    stale = []
    for relative, data in example_files(bundled_drafts_dir()).items():
        path = folder / relative
        if not path.is_file():
            stale.append(f"{relative}: missing")
        elif relative.endswith(".docx"):
            if read_bytes(path.read_bytes(), relative).draft != read_bytes(data, relative).draft:
                stale.append(f"{relative}: another text")
        elif path.read_bytes() != data:
            stale.append(f"{relative}: another content")
    assert not stale, "run: python -m redraft.demo.examples docs/examples\n" + "\n".join(stale)
