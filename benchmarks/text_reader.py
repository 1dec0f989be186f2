"""The plain-text reader and the report splitter on real text: correctness counts and times.

    python benchmarks/text_reader.py [--corpus ../shared/corpus] [--runs 5]

1. Splitting the seed report (tests/data/seed) into its 18 drafts, against the reference
   measured in the same run: ``canonical.parse`` of the same 18 drafts in canonical form
   (what the store reads back). The ratio says what reading printed text costs over
   reading our own format.
2. Scaling: the seed's drafts run together into one long draft (1x, 4x, 16x); time per
   megabyte should stay flat (no quadratic pass).
3. Every word of the seed reaches a draft: words of the report outside any draft (chapter
   and section headings, the "recommends ... the following" paragraphs) are the only ones lost.
4. The CR-UNSC plain-text resolutions of the shared corpus (hard-wrapped, running heads),
   when present: labels and warnings.
5. Cross-check with the AKN reader on every English resolution of the GA's 79th session:
   each is read from XML, printed as the UN prints it (number, *opening*, footnotes after
   their paragraph) and read back as plain text; the labels must agree. Disagreements are
   listed by kind (section headings that the AKN reader keeps as text "P" blocks, annexes,
   resolutions in parts).
"""

from __future__ import annotations

import argparse
import re
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from redraft import canonical
from redraft.model import Draft
from redraft.readers.report import split_report
from redraft.readers.text import read_text

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "tests" / "data" / "seed" / "ccpcj-20th-session-chapter-1.txt"
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_REPORT_LINE = re.compile(
    r"^(?:Chapter I|Matters calling|[A-D]\. |[1-4]\. The (?:Commission|following))"
)


def best_of(runs: int, work: Callable[[], object]) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    text = SEED.read_text(encoding="utf-8")
    found = split_report(text)
    rendered = [canonical.render(item.draft) for item in found]

    split_time = best_of(args.runs, lambda: split_report(text))
    parse_time = best_of(args.runs, lambda: [canonical.parse(r) for r in rendered])
    print(
        f"1. split seed ({len(text) / 1024:.0f} KB, {len(found)} drafts): "
        f"{split_time * 1000:.1f} ms; reference canonical.parse of the same drafts "
        f"{parse_time * 1000:.1f} ms; ratio {split_time / parse_time:.1f}x"
    )

    body = "\n\n".join(_body(item.draft) for item in found)
    print("2. one long draft:")
    for factor in (1, 4, 16):
        big = "The General Assembly,\n\n" + "\n\n".join([body] * factor)
        seconds = best_of(max(1, args.runs // factor), lambda big=big: read_text(big))
        size = len(big.encode()) / 1048576
        print(
            f"   {factor:>2}x {size:5.2f} MB  {seconds * 1000:7.1f} ms  "
            f"{seconds / size * 1000:6.1f} ms/MB"
        )

    lost = _lost_words(text, rendered)
    outside = [line for line in text.split("\n") if _REPORT_LINE.match(line)]
    expected = sum(len(_WORD.findall(line)) for line in outside)
    print(
        f"3. words of the seed in no draft: {sum(lost.values())}; words of the report's "
        f"own {len(outside)} lines (chapter, sections, 'recommends' paragraphs): {expected}"
        f" -> {'OK' if sum(lost.values()) == expected else 'WORDS LOST'}"
    )

    if not (args.corpus / "cr-unsc").is_dir():
        print(f"4., 5. skipped: no shared corpus at {args.corpus} (give --corpus DIR)")
        return
    print("4. CR-UNSC plain text:")
    for path in sorted((args.corpus / "cr-unsc").glob("*.txt")):
        draft, warnings = read_text(path.read_text(encoding="utf-8"))
        pp, op = len(draft.preambular()), len(draft.operative())
        print(
            f"   {path.name}: PP {pp}, OP {op}, {len(list(draft.units()))} units, "
            f"{len(warnings)} warnings"
        )
        for warning in warnings:
            print(f"     - {warning}")
    if (args.corpus / "unxml-ga").is_dir():
        cross_check(args.corpus)


def _body(draft: object) -> str:
    """A draft's paragraphs as printed text, numbers renumbered to run on."""
    text = canonical.render(draft)  # type: ignore[arg-type]
    return "\n\n".join(
        line.strip().lstrip("#> ").replace("| ", "")
        for line in text.split("\n---\n", 1)[1].split("\n\n")
        if line.strip()
    )


def _lost_words(text: str, rendered: list[str]) -> Counter[str]:
    source = Counter(_WORD.findall(text.replace("<i>", " ").replace("</i>", " ")))
    kept: Counter[str] = Counter()
    for item in rendered:
        kept.update(_WORD.findall(item.split("\n---\n", 1)[1]))
    return source - kept


def _printed(draft: Draft) -> str:
    from redraft.render.markdown_export import render_printed

    return render_printed(draft)


def cross_check(corpus: Path) -> None:
    from redraft.readers.akn import read_akn

    files = sorted((corpus / "unxml-ga" / "79session" / "English").glob("*.xml"))
    agree, differ = 0, []
    start = time.perf_counter()
    for path in files:
        draft, _ = read_akn(path.read_bytes(), path.name)
        again, _ = read_text(_printed(draft))
        if again.labels() == draft.labels():
            agree += 1
        else:
            differ.append(path.name)
    seconds = time.perf_counter() - start
    print(
        f"5. AKN -> printed text -> read_text, GA 79th session: labels agree on {agree} of "
        f"{len(files)} ({seconds:.1f} s); differ: {', '.join(differ[:12])}"
        f"{' ...' if len(differ) > 12 else ''}"
    )
    for language in ("French", "Spanish", "Russian", "Arabic", "Chinese"):
        paths = sorted((corpus / "unxml-ga" / "79session" / language).glob("*.xml"))
        same, codes = 0, set()
        for path in paths:
            draft, _ = read_akn(path.read_bytes(), path.name)
            again, _ = read_text(_printed(draft))
            same += again.labels() == draft.labels()
            codes.add(again.meta.language)
        print(
            f"   {language}: labels agree on {same} of {len(paths)}; language read as "
            f"{', '.join(sorted(codes))}"
        )


if __name__ == "__main__":
    main()
