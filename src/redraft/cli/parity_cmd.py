"""``redraft parity``: do the language versions of a draft say the same thing?
(docs/parity.md)"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import click

from .common import emit, format_option, info, output_option, show_warnings, store_option

if TYPE_CHECKING:
    from ..model import Loaded
    from ..parity.result import ParityResult


@click.command()
@click.argument("specs", nargs=-1, required=True, metavar="FILE[:LANG]... | NAME[@REV]")
@click.option(
    "--lang",
    "langs",
    multiple=True,
    metavar="LANG",
    help="The language of each FILE, in order: repeat it (--lang ar --lang zh ...); "
    "'auto' keeps what the document says. FILE:LANG does the same for one file.",
)
@click.option(
    "--reference",
    metavar="LANG",
    default=None,
    help="The version the others are compared with [default: en, else the first FILE's].",
)
@click.option(
    "--expect",
    metavar="LANGS",
    default="ar,zh,en,fr,ru,es",
    show_default=True,
    help="Languages the set should have (comma-separated): each one missing is a "
    "finding. 'given' expects only the files given.",
)
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
@format_option("text", "json", "markdown", "html")
@output_option
@store_option
def parity(
    specs: tuple[str, ...],
    langs: tuple[str, ...],
    reference: str | None,
    expect: str,
    quiet: bool,
    fmt: str,
    output: Path | None,
    store: Path | None,
) -> None:
    """Check that two to six language versions of one draft correspond: paragraphs
    and sub-paragraphs, footnotes, figures (years, dates, symbols, amounts,
    percentages, references) and lengths, against the reference version.

    Each FILE is any readable draft (text, Word, AKN XML, Markdown) or a stored
    version NAME[@REV]. Its language is what the document says (AKN and Word record
    it; the text reader reads it from the enacting formula), or FILE:LANG, or the
    --lang given in the same position:

        redraft parity en.xml fr.docx:fr es.txt:es

        redraft parity en.xml fr.docx es.txt --lang en --lang fr --lang es

    A single NAME[@REV] compares a stored draft with its language versions in the
    store, the drafts named NAME.fr, NAME.es... (each at its latest version).

    Paragraphs are aligned by label, and where labels disagree by structure,
    position, length and figures (never by translating). Exit 0 when the versions
    correspond, 1 when something was found, 2 for unreadable input.
    """
    from ..parity import OFFICIAL_LANGUAGES, check_parity, language_order, normalize_language
    from ..resolve.languages import load_language_versions

    expected = _expected(expect, OFFICIAL_LANGUAGES, normalize_language)
    with _progress(quiet, 2 * max(len(specs), 2) - 1) as advance:
        versions = load_language_versions(specs, langs, store, lambda _: advance())
        for loaded in versions.values():
            show_warnings(loaded.warnings)
        chosen = _reference(reference, versions, normalize_language)
        if expected is None:
            expected = tuple(sorted(versions, key=language_order))
        result = check_parity(
            {lang: loaded.draft for lang, loaded in versions.items()},
            reference=chosen,
            expected=expected,
            sources={lang: loaded.source for lang, loaded in versions.items()},
            done=lambda _: advance(),
        )
    emit(_render(result, fmt), output)
    raise SystemExit(result.exit_code)


def _expected(
    expect: str, official: tuple[str, ...], normalize: Callable[[str], str]
) -> tuple[str, ...] | None:
    """The languages to expect; None for 'given' (the files' own languages)."""
    text = expect.strip().lower()
    if text == "given":
        return None
    if text in ("", "none"):
        return ()
    if text in ("official", "all"):
        return official
    return tuple(dict.fromkeys(normalize(part) for part in text.split(",") if part.strip()))


def _reference(
    reference: str | None, versions: dict[str, Loaded], normalize: Callable[[str], str]
) -> str:
    from ..errors import InputError

    if reference is not None:
        chosen = normalize(reference)
        if chosen not in versions:
            raise InputError(
                f"--reference {chosen}: no {chosen} version among the files "
                f"(languages: {', '.join(versions)})"
            )
        return chosen
    if "en" in versions:
        return "en"
    first = next(iter(versions))
    info(f"redraft: no en version: comparing with {first} ({versions[first].source})")
    return first


@contextmanager
def _progress(quiet: bool, total: int) -> Iterator[Callable[[], None]]:
    """A progress bar on stderr when it is a terminal (reading and comparing six long
    versions takes a second or more); nothing when piped or with --quiet."""
    if quiet or not sys.stderr.isatty():
        yield lambda: None
        return
    from ..render.console import progress

    with progress() as bar:
        task = bar.add_task("Comparing versions", total=total)
        yield lambda: bar.advance(task)


def _render(result: ParityResult, fmt: str) -> str:
    if fmt == "json":
        from ..render.json import dumps
        from ..render.parity_json import parity_json

        return dumps(parity_json(result))
    if fmt == "markdown":
        from ..render.parity_markdown import render_parity_markdown

        return render_parity_markdown(result)
    if fmt == "html":
        from ..render.parity_html import render_parity_html

        return render_parity_html(result)
    from ..render.parity_text import render_parity_text

    return render_parity_text(result)
