"""Every AKN file of the shared corpus read, written back and read again, with totals,
oddities and times.

    python benchmarks/akn_corpus.py [--corpus ../shared/corpus] [--show N] [--agreement]

For each file: read_akn must not fail; numbers hold no whitespace; no unit is empty
(but a sub-paragraph that opens with its sub-item, "(a) (i) The conversion ...");
the non-space characters of the document's text (preface, preamble, body, annexes)
must all reach the draft (footnote references stand for their notes; Arabic "5 -"
is read "5."); ``read_akn(render_akn(draft)) == draft``. Labels repeated with ``#2``
(numbering that restarts in annexes and parts) are counted, not failed, and so are the
blocks of each kind (headings against unnumbered text show how section titles read).
With ``--agreement``: how many English resolutions of the 79th session get the same
labels from the text reader reading redraft's plain export ("as printed") as from the
AKN reader (the two readers should agree; the rest are listed with their first
differences).
Times: reading is compared with lxml's bare parse of the same bytes (the reference,
measured in the same run), so the ratio says what the reader adds to parsing.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

from lxml import etree
from shared_corpus import need

from redraft.model import Draft, Footnote, Paragraph, strip_footnote_refs
from redraft.readers.akn import read_akn
from redraft.readers.akn_meta import local
from redraft.render.akn import render_akn

DEFAULT_CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
_TEXT_PARTS = ("preface", "preamble", "mainBody", "attachments")


def source_chars(data: bytes) -> Counter[str]:
    root = etree.fromstring(data)
    chars: Counter[str] = Counter()
    for element in root.iter():
        if local(element) in _TEXT_PARTS and not any(
            local(a) in _TEXT_PARTS for a in element.iterancestors()
        ):
            for text in element.itertext():
                chars.update(c for c in str(text) if not c.isspace())
    return chars


def draft_chars(units: list[Paragraph | Footnote]) -> Counter[str]:
    chars: Counter[str] = Counter()
    for unit in units:
        chars.update(c for c in strip_footnote_refs(unit.text) if not c.isspace())
        if isinstance(unit, Paragraph):
            chars.update(c for c in unit.number if not c.isspace())
    return chars


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--show", type=int, default=10, help="oddities to print")
    parser.add_argument(
        "--agreement",
        action="store_true",
        help="compare labels with the text reader on the plain export",
    )
    args = parser.parse_args()
    need(
        args.corpus,
        "the shared corpus's AKN files (unxml-ga/, unxml-sc/)",
        pattern="unxml-*/**/*.xml",
    )
    files = sorted(args.corpus.glob("unxml-*/**/*.xml"))
    if not files:
        sys.exit(f"no AKN files under {args.corpus}")
    blobs = [(f, f.read_bytes()) for f in files]

    start = time.perf_counter()
    for _, data in blobs:
        etree.fromstring(data)
    parse_seconds = time.perf_counter() - start

    start = time.perf_counter()
    drafts = [(f, data, read_akn(data, f.name)[0]) for f, data in blobs]
    read_seconds = time.perf_counter() - start

    start = time.perf_counter()
    written = [render_akn(d) for _, _, d in drafts]
    write_seconds = time.perf_counter() - start

    counts: Counter[str] = Counter()
    oddities: list[str] = []
    for (path, data, draft), xml in zip(drafts, written, strict=True):
        units = list(draft.units())
        counts["units"] += len(units)
        counts["blocks"] += sum(1 for _ in draft.walk())
        counts.update(b.kind.value for b in draft.walk())
        counts["footnotes"] += len(draft.footnotes())
        counts["repeated labels (#n)"] += sum("#" in u.label for u in units)
        for unit in units:
            opens_with_item = isinstance(unit, Paragraph) and unit.number and unit.children
            if not unit.text.strip() and not opens_with_item:  # "(a) (i) ..." has no text
                oddities.append(f"{path.name}: {unit.label} is empty")
            if isinstance(unit, Paragraph) and any(c.isspace() for c in unit.number):
                oddities.append(f"{path.name}: {unit.label} number {unit.number!r} has a space")
        lost = source_chars(data) - draft_chars(units)
        lost.pop("-", None)  # Arabic "5 -" is read as "5."
        if lost:
            oddities.append(f"{path.name}: text lost: {''.join(sorted(lost.elements()))[:60]}")
        if read_akn(xml, "rewritten.xml")[0] != draft:
            oddities.append(f"{path.name}: read(render(draft)) != draft")

    print(
        f"files {len(files)}  blocks {counts['blocks']}  units {counts['units']}  "
        f"footnotes {counts['footnotes']}  repeated labels {counts['repeated labels (#n)']}"
    )
    print(
        f"headings {counts['heading']}  unnumbered text {counts['text']}  "
        f"operative {counts['operative']}  preambular {counts['preambular']}"
    )
    print(f"oddities {len(oddities)}")
    for line in oddities[: args.show]:
        print("  " + line)
    print(
        f"lxml parse (reference) {parse_seconds:.2f} s   read_akn {read_seconds:.2f} s "
        f"(x{read_seconds / parse_seconds:.1f})   render_akn {write_seconds:.2f} s "
        f"(x{write_seconds / parse_seconds:.1f})"
    )
    if args.agreement:
        english = [
            (f, d)
            for f, _, d in drafts
            if f.parent.name == "English" and f.parent.parent.name == "79session"
        ]
        agreement(english, args.show)
    sys.exit(1 if oddities else 0)


def agreement(drafts: list[tuple[Path, Draft]], show: int) -> None:
    """Labels of the AKN read against the text reader's read of the plain export."""
    from redraft.readers.text import read_text
    from redraft.render.markdown_export import render_plain

    differing: list[str] = []
    for path, draft in drafts:
        ours = draft.labels()
        theirs = read_text(render_plain(draft))[0].labels()
        if ours != theirs:
            pairs = zip(ours + [""], theirs + [""], strict=False)
            first = next(i for i, (a, b) in enumerate(pairs) if a != b)
            differing.append(
                f"{path.name}: AKN {ours[first : first + 3]} text {theirs[first : first + 3]}"
            )
    print(
        f"text reader agrees on labels: {len(drafts) - len(differing)} of {len(drafts)} "
        f"English 79th-session resolutions"
    )
    for line in differing[:show]:
        print("  " + line)


if __name__ == "__main__":
    main()
