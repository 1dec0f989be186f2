"""Demo closing step: how long the bundled drafts are, and ``redraft check`` on them
with an illustrative config (the in-session preset and the deadlines of decision 20/1)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import TYPE_CHECKING

from .. import canonical
from ..config import parse_config
from ..measure.check import CheckResult, Target, check_targets
from ..measure.hints import repeated_phrases
from ..measure.stats import draft_stats
from ..resolve.checks import run_check

if TYPE_CHECKING:
    from ..model import Draft
    from . import DemoContext

#: What a CCPCJ bureau could write in its store's redraft.toml. The session is the
#: 20th (11-15 April 2011), the one that adopted decision 20/1.
CONFIG = """\
[check]
preset = "in-session"        # 3,300 words, UN Geneva's guidance for in-session documents
max_paragraph_words = 150
max_operative = 20
max_growth = "10%"           # against the first version saved

[session]
start = 2011-04-11
deadline = "1 month"         # decision 20/1: drafts due a month before the session
"""
#: The draft whose repeated phrase the demo shows (GA draft resolution IV).
HINTED = "ga-draft-resolution-iv"
TODAY = dt.date(2011, 4, 15)
SHOWN = 8


def run(ctx: DemoContext) -> None:
    from rich.table import Table

    console = ctx.console
    console.rule("[bold]8. How long, and does it break a rule: redraft stats, redraft check")
    paths = sorted(ctx.drafts_dir.glob("*.txt"))
    drafts = {p.stem: canonical.parse(p.read_text(encoding="utf-8")) for p in paths}
    if not drafts:
        console.print("(no drafts)")
        return
    console.print("[dim]$ redraft stats drafts/*.txt[/dim]\n")
    table = Table(box=None, header_style="bold", pad_edge=False)
    # Names are long slugs: cut them rather than fold them over two lines.
    table.add_column(
        "draft", no_wrap=True, overflow="ellipsis", max_width=max(24, console.width - 40)
    )
    for heading in ("words", "PP", "OP", "FN words", "pages"):
        table.add_column(heading, justify="right", no_wrap=True)
    all_stats = [draft_stats(draft, name) for name, draft in drafts.items()]
    for s in all_stats:
        table.add_row(
            s.name,
            f"{s.words:,}",
            str(s.preambular),
            str(s.operative),
            str(s.footnote_words),
            f"{s.pages:.1f}",
        )
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
        f'{name} says [italic]"{top.text}"[/italic] {len(top.labels)} times; defining it '
        f'once, as its own footnote does for "drug", would save about {top.saves} words.\n'
    )


def _check(ctx: DemoContext, drafts: dict[str, Draft]) -> None:
    from rich.markup import escape

    console = ctx.console
    console.print("[dim]$ cat redraft.toml[/dim]")
    console.print(CONFIG, markup=False, highlight=False)
    result = _run_check(ctx, drafts)
    # One line per rule, errors first (they are what fails a CI run).
    first = {v.rule: v for v in reversed(result.violations)}
    shown = sorted(first.values(), key=lambda v: v.severity != "error")[:SHOWN]
    for v in shown:
        where = f"{v.draft} {v.label}" if v.label else v.draft
        style = "red" if v.severity == "error" else "yellow"
        console.print(
            f"{escape(where)}: [{style}]{v.severity}[/{style}]: "
            f"{escape(v.message)} {escape(f'[{v.rule}]')}",
            highlight=False,
        )
    if len(result.violations) > len(shown):
        console.print(
            f"... and {len(result.violations) - len(shown)} more (one line per rule shown here)"
        )
    rules = Counter(v.rule for v in result.violations)
    found = ", ".join(f"{count} {rule}" for rule, count in rules.most_common()) or "nothing"
    console.print(
        f"\n{_plural(result.errors, 'error')}, {_plural(result.warnings, 'warning')} in "
        f"{_plural(len(result.drafts), 'draft')} (exit code {result.exit_code}): {found}. "
        "Decision 20/1, adopted at this very session, asks for drafts a month before the "
        "session: these drafts, tabled during it, would all have been late. In CI, "
        "`redraft check --format github` turns these lines into annotations on the pull "
        "request.\n"
    )


def _run_check(ctx: DemoContext, drafts: dict[str, Draft]) -> CheckResult:
    """On the store the demo built (real versions and dates), else on the bundled files
    taken as tabled on the session's first day."""
    if ctx.store_dir is not None:
        config_file = ctx.workdir / "check.toml"
        config_file.write_text(CONFIG, encoding="utf-8")
        ctx.console.print("[dim]$ redraft check[/dim]")
        result, _ = run_check([], ctx.store_dir, config_file, today=TODAY)
        return result
    ctx.console.print("[dim]$ redraft check drafts/*.txt[/dim]")
    config = parse_config(CONFIG, "redraft.toml")
    targets = [
        Target(name=name, draft=draft, first_saved=dt.date(2011, 4, 11))
        for name, draft in drafts.items()
    ]
    return check_targets(targets, config, today=TODAY)


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" + ("" if count == 1 else "s")
