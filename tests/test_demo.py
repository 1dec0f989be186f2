"""``redraft demo`` shows real output: each step runs real commands, and what the demo
prints under a command is what that command prints when run again by hand."""

from __future__ import annotations

import contextlib
import io
import sys
from pathlib import Path

import pytest
from rich.console import Console

from redraft.cli.demo import DemoShell
from redraft.demo import STEPS, DemoContext, bundled_drafts_dir, run_demo
from tests.cli_helpers import run
from tests.doc_examples import Session

#: Commands the demo runs whose output depends only on what was saved before them.
RERUN = (
    "redraft show drafts/ga-draft-resolution-i-follow-up-twelfth-united.txt | head -n 12",
    "redraft show examples/unodc/rev1.xml --para OP3",
    "redraft log unodc",
    "redraft diff unodc@L.3 unodc@Rev.1 | head -n 20",
    "redraft show merged.txt --para OP3",
    "redraft status oceans@Rev.1",
    "redraft status oceans --by-version",
    "redraft blame oceans --para PP1 --passages",
    "redraft stats unodc --by-version",
    "redraft precedent ecosoc-draft-decision-ii-improving-governance-financial-situation"
    " --corpus ../adopted.db",
    'redraft precedent search "Office on Drugs and Crime" --corpus ../adopted.db | head -n 1',
)


class Recording:
    """The demo's shell, keeping each command line with what it printed."""

    def __init__(self, shell: DemoShell) -> None:
        self.shell = shell
        self.seen: list[tuple[str, str, int]] = []

    def __call__(self, line: str) -> int:
        buffer = io.StringIO()
        with contextlib.redirect_stdout(buffer):
            code = self.shell(line)
        self.seen.append((line, buffer.getvalue(), code))
        return code


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, Recording]:
    folder = tmp_path_factory.mktemp("demo").resolve()
    console = Console(file=io.StringIO(), record=True, width=120, color_system=None)
    recording = Recording(DemoShell(console, folder))
    with contextlib.redirect_stderr(io.StringIO()):
        run_demo(DemoContext(console, folder, bundled_drafts_dir(), runner=recording))
    return folder, console.export_text(), recording


def test_every_step_runs_real_commands(demo: tuple[Path, str, Recording]) -> None:
    folder, narration, recording = demo
    lines = [line for line, _, _ in recording.seen]
    assert len(STEPS) == 9 and narration.count("────") >= 9
    for command in RERUN:
        assert command in lines, command
    codes = {line: code for line, _, code in recording.seen}
    assert codes["redraft log unodc"] == 0
    merge = next(line for line in lines if line.startswith("redraft merge "))
    assert codes[merge] == 1  # a conflict left in brackets
    assert (folder / "store" / "changes.docx").is_file()
    assert (folder / "report" / "index.html").is_file()
    printed = dict((line, out) for line, out, _ in recording.seen)
    assert (
        "{--Invites--}{++Requests++}" in printed["redraft diff unodc@L.3 unodc@Rev.1 | head -n 20"]
    )
    assert "[eu-proposal: Requests" in printed["redraft show merged.txt --para OP3"]
    assert (
        "progress: ▁▄▆█  0% → 100% agreed over 4 versions"
        in printed["redraft status oceans --by-version"]
    )


def test_what_the_demo_shows_is_what_the_commands_print(demo: tuple[Path, str, Recording]) -> None:
    folder, _, recording = demo
    printed = {line: out for line, out, _ in recording.seen}
    session = Session(root=folder, cwd=folder)
    for command in RERUN:
        reads_files = "drafts/" in command or "examples/" in command
        session.cwd = folder if reads_files else folder / "store"
        again, code = session.run(command)
        assert code == 0, (command, again)
        assert again == printed[command], command


def test_keep_refuses_a_folder_in_use(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine")
    code, _, err = run("demo", "--keep", str(tmp_path))
    assert code == 2 and "not empty" in err
    assert (tmp_path / "notes.txt").read_text() == "mine"


def test_demo_runs_from_the_command_line(tmp_path: Path) -> None:
    """The whole demo through the CLI: exit 0, no error and no traceback anywhere."""
    if sys.platform == "win32":  # pragma: no cover
        pytest.skip("the demo's store needs git")
    code, out, err = run("demo", "--keep", str(tmp_path / "demo"))
    assert code == 0, err
    assert "Traceback" not in out + err and "internal error" not in out + err
    assert "redraft: error" not in out + err
    assert out.rstrip().endswith(f"the store is {tmp_path / 'demo' / 'store'}.")
