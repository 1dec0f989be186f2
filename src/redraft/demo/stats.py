"""Demo closing step: how long the bundled drafts are, and ``redraft check`` on them
with an illustrative config (the in-session preset and the deadlines of decision 20/1)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import TYPE_CHECKING

from .. import canonical
from ..check import Target, check_targets
from ..config import parse_config
from ..hints import repeated_phrases
from ..stats import draft_stats

if TYPE_CHECKING:
    from ..model import Draft
    from . import DemoContext

#: What a CCPCJ bureau could write in its store's redraft.toml. The session dates are
#: those of the 21st session (23-27 April 2012), the first under decision 20/1.
CONFIG = """\
[check]
preset = "in-session"        # 3,300 words, UN Geneva's guidance for in-session documents
max_paragraph_words = 150
max_operative = 20

[session]
start = 2012-04-23
deadline = "1 month"         # decision 20/1: drafts due a month before the session
"""
#: The draft whose repeated phrase the demo shows (GA draft resolution IV).
HINTED = "ga-draft-resolution-iv"


def run(ctx: DemoContext) -> None:
    from rich.table import Table

    console = ctx.console
    console.rule("[bold]How long, and does it break a rule: redraft stats, redraft check")
    paths = sorted(ctx.drafts_dir.glob("*.txt"))
    drafts = {p.stem: canonical.parse(p.read_text(encoding="utf-8")) for p in paths}
    if not drafts:
        console.print("(no drafts)")
        return
    console.print("[dim]$ redraft stats drafts/*.txt[/dim]\n")
    table = Table(box=None, header_style="bold", pad_edge=False)
    # Names are long slugs: cut them rather than fold them over two lines.
    table.add_column("draft", no_wrap=True, overflow="ellipsis",
                     max_width=max(24, console.width - 40))
    for heading in ("words", "PP", "OP", "FN words", "pages"):
        table.add_column(heading, justify="right", no_wrap=True)
    all_stats = [draft_stats(draft, name) for name, draft in drafts.items()]
    for s in all_stats:
        table.add_row(s.name, f"{s.words:,}", str(s.preambular), str(s.operative),
                      str(s.footnote_words), f"{s.pages:.1f}")
    console.print(table)
    total = sum(s.words for s in all_stats)
    longest = max(all_stats, key=lambda s: s.words)
    console.print(
        f"\n{total:,} words in {len(all_stats)} drafts, counted as Microsoft Word counts "
        f"them (numbers, footnote markers and footnotes apart); the longest is "
        f"{longest.name} ({longest.words:,} words, {longest.pages:.1f} pages).\n"
    )
    _hint(ctx, drafts)
    _check(ctx, drafts)


def _hint(ctx: DemoContext, drafts: dict[str, Draft]) -> None:
    name = next((n for n in drafts if n.startswith(HINTED)), None)
    if name is None:
        return
    found = repeated_phrases(drafts[name], name)
    if not found:
        return
    top = found[0]
    ctx.console.print(
        f"[dim]$ redraft stats {name}.txt --hints[/dim]\n"
        f"{name} says [italic]\"{top.text}\"[/italic] {len(top.labels)} times; defining it "
        f"once, as its own footnote does for \"drug\", would save about {top.saves} words.\n"
    )


def _check(ctx: DemoContext, drafts: dict[str, Draft]) -> None:
    from rich.markup import escape

    console = ctx.console
    config = parse_config(CONFIG, "redraft.toml")
    console.print("[dim]$ cat redraft.toml[/dim]")
    console.print(CONFIG, markup=False, highlight=False)
    console.print("[dim]$ redraft check drafts/*.txt[/dim]")
    targets = []
    for name, draft in drafts.items():
        saved = dt.date(2012, 3, 30) if name.startswith("ecosoc-") else dt.date(2012, 3, 16)
        targets.append(Target(name=name, draft=draft, first_saved=saved))
    result = check_targets(targets, config, today=dt.date(2012, 4, 1))
    for v in result.violations[:8]:
        where = f"{v.draft} {v.label}" if v.label else v.draft
        style = "red" if v.severity == "error" else "yellow"
        console.print(f"{escape(where)}: [{style}]{v.severity}[/{style}]: "
                      f"{escape(v.message)} {escape(f'[{v.rule}]')}", highlight=False)
    if len(result.violations) > 8:
        console.print(f"... and {len(result.violations) - 8} more")
    rules = Counter(v.rule for v in result.violations)
    found = ", ".join(f"{count} {rule}" for rule, count in rules.most_common()) or "nothing"
    console.print(
        f"\n{_plural(result.errors, 'error')}, {_plural(result.warnings, 'warning')} in "
        f"{len(result.drafts)} drafts "
        f"(exit code {result.exit_code}): {found}. For the demo the Council drafts are "
        "taken as first saved on 30 March 2012, a week after the deadline, so the "
        "deadline rule has something to say. In CI, `redraft check --format github` turns "
        "these lines into annotations on the pull request.\n"
    )


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" + ("" if count == 1 else "s")
