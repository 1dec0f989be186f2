# ruff: noqa: E501  (the demo text keeps one paragraph per line, as the canonical form does)
"""Demo step: where a negotiation stands, and the facilitator's progress line.

The rolling text below is written for the demo (illustrative: not a real
negotiation, though its markup follows real compilation texts such as the Rio+20
text of 2 June 2012). Four versions are saved in a store under the demo's
work folder, brackets resolved step by step; the step prints the status table
of Rev.1 (mid-negotiation) and the share agreed at each version.
"""

from __future__ import annotations

from typing import Any

NAME = "oceans-compilation"

_HEAD = """---
redraft: 1
symbol: {symbol}
language: en
---

# Draft resolution (illustrative compilation text)

## Sustainable use of the oceans

> *The General Assembly*,
"""

#: (symbol, by, date, body): the versions of the demo negotiation, oldest first.
VERSIONS: tuple[tuple[str, str, str, str], ...] = (
    (
        "A/C.2/80/L.1",
        "Facilitator",
        "2026-10-01",
        """
*Recalling* its resolution 70/1 of 25 September 2015, [entitled "Transforming our world: the 2030 Agenda for Sustainable Development" - EU]

*Concerned* that [extreme - US; G77 delete] poverty and [changing unsustainable - EU, G77 retain / promoting sustainable - US] patterns of consumption threaten the oceans,

PP 2bis *Acknowledging* the role of science [, in accordance with the principle of common but differentiated responsibilities. -G77; US, Canada, Japan, EU delete.]

1. *Calls upon* States to protect [and restore - EU] marine ecosystems;

2. *Encourages* [all - G77] States to share data [on a voluntary basis - US];

3. *Requests* the Secretary-General to report [annually / biennially - G77] on progress;

4. *Decides* to [convene a high-level meeting in 2028 - EU / consider the matter at its eighty-third session - US];

5. *Invites* donors to contribute to the trust fund. [G77 delete]

6. *Decides* to remain seized of the matter.
""",
    ),
    (
        "A/C.2/80/L.1/Rev.1",
        "G77",
        "2026-10-08",
        """
*Recalling* its resolution 70/1 of 25 September 2015, [entitled "Transforming our world: the 2030 Agenda for Sustainable Development" - EU] [Agreed ad ref]

*Concerned* that [extreme - US; G77 delete] poverty and [changing unsustainable - EU, G77 retain / promoting sustainable - US] patterns of consumption threaten the oceans,

PP 2bis *Acknowledging* the role of science [, in accordance with the principle of common but differentiated responsibilities. -G77; US, Canada, Japan, EU delete.]

1. *Calls upon* States to protect and restore marine ecosystems; [Agreed ad ref]

2. *Encourages* all States to share data [on a voluntary basis - US];

3. *Requests* the Secretary-General to report biennially on progress; [Agreed ad ref]

4. *Decides* to [convene a high-level meeting in 2028 - EU / consider the matter at its eighty-third session - US];

5. *Invites* donors to contribute to the trust fund. [G77 delete]

6. *Decides* to remain seized of the matter. [Agreed ad ref]
""",
    ),
    (
        "A/C.2/80/L.1/Rev.2",
        "EU",
        "2026-10-15",
        """
*Recalling* its resolution 70/1 of 25 September 2015, [entitled "Transforming our world: the 2030 Agenda for Sustainable Development" - EU] [Agreed ad ref]

*Concerned* that poverty and unsustainable patterns of consumption threaten the oceans, [Agreed ad ref]

PP 2bis *Acknowledging* the role of science [, in accordance with the principle of common but differentiated responsibilities. -G77; US, Canada, Japan, EU delete.]

1. *Calls upon* States to protect and restore marine ecosystems; [Agreed ad ref]

2. *Encourages* all States to share data, including through regional centres [- EU]; [pending]

3. *Requests* the Secretary-General to report biennially on progress; [Agreed ad ref]

4. *Decides* to convene a high-level meeting in 2028; [agreed]

5. *Decides* to remain seized of the matter. [Agreed ad ref]
""",
    ),
    (
        "A/C.2/80/L.1/Rev.3",
        "Facilitator",
        "2026-10-22",
        """
*Recalling* its resolution 70/1 of 25 September 2015, [entitled "Transforming our world: the 2030 Agenda for Sustainable Development" - EU] [Agreed ad ref]

*Concerned* that poverty and unsustainable patterns of consumption threaten the oceans, [Agreed ad ref]

PP 2bis *Acknowledging* the role of science, [Agreed ad ref]

1. *Calls upon* States to protect and restore marine ecosystems; [Agreed ad ref]

2. *Encourages* all States to share data, including through regional centres; [Agreed ad ref]

3. *Requests* the Secretary-General to report biennially on progress; [Agreed ad ref]

4. *Decides* to convene a high-level meeting in 2028; [agreed]

5. *Decides* to remain seized of the matter. [Agreed ad ref]
""",
    ),
)


def version_text(index: int) -> str:
    """The canonical text of version ``index`` (0-based) of the demo negotiation."""
    symbol, _, _, body = VERSIONS[index]
    return _HEAD.format(symbol=symbol) + body


def record(store: Any) -> None:
    """Save the demo negotiation's versions in ``store`` (a :class:`redraft.store.Store`)."""
    from .. import canonical

    sponsors = (("EU",), ("EU", "Norway"), ("EU", "Norway", "Fiji"), ("EU", "Fiji", "Chile"))
    for index, (symbol, by, date, _) in enumerate(VERSIONS):
        draft = canonical.parse(version_text(index))
        store.save(
            NAME,
            draft,
            by=by,
            symbol=symbol,
            date=date,
            sponsors=sponsors[index],
            message=f"{symbol} (illustrative)",
        )


def run(ctx: Any) -> None:
    from ..negotiation.status import draft_status, status_by_version
    from ..render.negotiation import progress_chart, status_table
    from ..store import Store

    console = ctx.console
    console.rule("[bold]6. Where each paragraph stands: redraft status")
    store = Store.init(ctx.workdir / "negotiation")
    record(store)
    history = store.history(NAME)
    progress = status_by_version(NAME, history)
    console.print(
        f"An illustrative compilation text, saved in {len(history)} versions. "
        f"`redraft status {NAME}@2` (Rev.1, mid-negotiation):"
    )
    console.print(status_table(draft_status(history[1][1], f"{NAME}@2")))
    console.print(f"`redraft status {NAME} --by-version`: the share agreed at each version")
    console.print(progress_chart(progress))
    ctx.notes["negotiation_store"] = store.root
