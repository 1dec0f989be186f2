# ruff: noqa: E501  (the demo text keeps one paragraph per line, as the canonical form does)
"""Demo step: where a negotiation stands, and the facilitator's progress line.

The rolling text below is written for the demo (illustrative: not a real
negotiation, though its markup follows real compilation texts such as the Rio+20
text of 2 June 2012). Its four versions are the files docs/examples/oceans/*.txt
(``redraft.demo.examples`` writes them); the step saves them in the demo's store,
brackets resolved step by step, and runs ``status`` on Rev.1 (mid-negotiation),
``status --by-version`` and ``blame --passages``.
"""

from __future__ import annotations

from typing import Any

NAME = "oceans"

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


#: Sponsors at each version (as ``redraft sponsors`` shows them).
SPONSORS = (("EU",), ("EU", "Norway"), ("EU", "Norway", "Fiji"), ("EU", "Fiji", "Chile"))
#: The example file of each version (docs/examples/oceans/, the demo's examples/oceans/).
FILES = ("L1.txt", "Rev1.txt", "Rev2.txt", "Rev3.txt")


def versions() -> list[Any]:
    """Each version as a :class:`redraft.model.Draft`, its sponsors in its metadata."""
    from dataclasses import replace

    from .. import canonical

    out = []
    for index, sponsors in enumerate(SPONSORS):
        draft = canonical.parse(version_text(index))
        out.append(replace(draft, meta=replace(draft.meta, sponsors=sponsors)))
    return out


def record(store: Any) -> None:
    """Save the demo negotiation's versions in ``store`` (a :class:`redraft.store.Store`)."""
    for draft, (symbol, by, date, _) in zip(versions(), VERSIONS, strict=True):
        store.save(
            NAME,
            draft,
            by=by,
            symbol=symbol,
            date=date,
            sponsors=draft.meta.sponsors,
            message=f"{symbol} (illustrative)",
        )


def run(ctx: Any) -> None:
    ctx.rule("6. Where the negotiation stands: redraft status")
    ctx.say(
        "An illustrative compilation text (written for the demo, marked up as real "
        "rolling texts are) in four versions, brackets resolved step by step:"
    )
    for file, (_, by, date, _) in zip(FILES, VERSIONS, strict=True):
        ctx.run(f'redraft save {NAME} ../examples/oceans/{file} --by "{by}" --date {date}')
    ctx.say("Mid-negotiation (Rev.1): each paragraph's state, its brackets and who proposed what.")
    ctx.run(f"redraft status {NAME}@Rev.1")
    ctx.say("The facilitator's progress line, version by version:")
    ctx.run(f"redraft status {NAME} --by-version")
    ctx.say("Who brought in each passage of a paragraph, and who its tags say proposed it:")
    ctx.run(f"redraft blame {NAME} --para PP1 --passages")
