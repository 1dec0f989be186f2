"""The one loader of the plain-text reader's case files (tests/cases/text/*.txt).

A case file is the input text, then sections each opened by a line ``=== WHAT``:

    %% comment lines at the top (dropped)
    <input text>
    === labels            every label of the draft, one per line, in reading order
    === text OP3          the exact text of one unit (several lines for a table)
    === contains OP3      a phrase the unit's text must contain
    === opening OP1       the unit's opening words
    === numbers           the printed numbers of the operative part, space-separated
    === meta              key: value lines the draft's metadata must hold
    === warnings          phrases that must each occur in some warning
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

CASES = Path(__file__).parent / "cases" / "text"


@dataclass
class Case:
    name: str
    text: str
    sections: list[tuple[str, str]] = field(default_factory=list)  # (header, body)


def load_case(path: Path) -> Case:
    lines = path.read_text(encoding="utf-8").split("\n")
    lines = [line for line in lines if not line.startswith("%%")]
    case = Case(name=path.stem, text="")
    header: str | None = None
    body: list[str] = []
    for line in lines:
        if line.startswith("=== "):
            if header is None:
                case.text = "\n".join(body)
            else:
                case.sections.append((header, "\n".join(body).strip("\n")))
            header, body = line[4:].strip(), []
        else:
            body.append(line)
    if header is None:
        case.text = "\n".join(body)
    else:
        case.sections.append((header, "\n".join(body).strip("\n")))
    return case


def all_cases() -> list[Case]:
    return [load_case(path) for path in sorted(CASES.glob("*.txt"))]
