"""``redraft demo``: run every capability on the bundled drafts, with real commands.

The steps (``redraft.demo``) name command lines; :class:`DemoShell` shows each and
runs it through this CLI in-process, so what the demo prints under a command is
what that command prints. It understands what the steps use of a shell: ``cd``,
glob patterns, and a final ``| head -n N``, ``| tail -n N`` or ``| cut -f LIST``
(then the command's output is piped, plain text, as it would be in a shell).
"""

from __future__ import annotations

import contextlib
import glob
import io
import os
import shlex
import sys
import tempfile
from pathlib import Path
from typing import Any

import click


class DemoShell:
    """Runs the demo's command lines in ``cwd`` and prints them with their output."""

    def __init__(self, console: Any, cwd: Path) -> None:
        self.console = console
        self.cwd = cwd

    def __call__(self, line: str) -> int:
        self.console.print(f"$ {line}", style="bold", highlight=False, markup=False, soft_wrap=True)
        stages = [shlex.split(stage) for stage in line.split(" | ")]
        words = stages[0]
        if words[0] == "cd":
            self.cwd = (self.cwd / words[1]).resolve()
            return 0
        if words[0] != "redraft":
            raise ValueError(f"the demo runs redraft commands, not {words[0]!r}")
        args = [arg for word in words[1:] for arg in self._expand(word)]
        if len(stages) == 1:
            return self._run(args)
        buffer = io.StringIO()
        with contextlib.redirect_stdout(buffer):
            code = self._run(args)
        text = buffer.getvalue()
        for stage in stages[1:]:
            text = _filter(stage, text)
        sys.stdout.write(text)
        sys.stdout.flush()
        return code

    def _expand(self, word: str) -> list[str]:
        if not any(char in word for char in "*?["):
            return [word]
        found = sorted(glob.glob(word, root_dir=self.cwd))
        return found or [word]

    def _run(self, args: list[str]) -> int:
        from . import cli

        before = os.getcwd()
        os.chdir(self.cwd)
        try:
            code = cli.main(args, prog_name="redraft", standalone_mode=False)
        except SystemExit as stop:
            code = stop.code if isinstance(stop.code, int) else 1
        except click.ClickException as error:
            error.show()
            code = error.exit_code
        finally:
            os.chdir(before)
        return int(code or 0)


def _filter(words: list[str], text: str) -> str:
    """``head -n N``, ``tail -n N``, ``cut -f LIST`` on ``text``."""
    lines = text.splitlines(keepends=True)
    if words[0] in ("head", "tail") and len(words) == 3 and words[1] == "-n":
        count = int(words[2])
        return "".join(lines[:count] if words[0] == "head" else lines[-count:])
    if words[0] == "cut" and len(words) == 3 and words[1] == "-f":
        fields = _fields(words[2])
        out = []
        for line in lines:
            cells = line.rstrip("\n").split("\t")
            out.append("\t".join(cells[i] for i in fields if i < len(cells)) + "\n")
        return "".join(out)
    raise ValueError(f"the demo cannot pipe into {' '.join(words)!r}")


def _fields(spec: str) -> list[int]:
    out: list[int] = []
    for part in spec.split(","):
        first, _, last = part.partition("-")
        out.extend(range(int(first) - 1, int(last or first)))
    return out


@click.command()
@click.option(
    "--keep",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Keep the demo's store and files in this folder (default: a temporary folder).",
)
def demo(keep: Path | None) -> None:
    """Show what redraft does, on the bundled drafts of the CCPCJ's 20th session:
    each step runs real commands and shows what they print."""
    from ..demo import DemoContext, bundled_drafts_dir, run_demo
    from ..errors import InputError
    from ..render.console import stdout_console

    drafts = bundled_drafts_dir()
    if not any(drafts.glob("*.txt")):
        raise InputError(f"no bundled drafts in {drafts}")
    console = stdout_console()
    if keep is not None:
        keep.mkdir(parents=True, exist_ok=True)
        if any(keep.iterdir()):
            raise InputError(f"{keep}: not empty; --keep needs a new or empty folder")
        folder = keep.resolve()
        run_demo(DemoContext(console, folder, drafts, runner=DemoShell(console, folder)))
        console.print(
            f"\nThe demo's files are in {keep}: the store is {keep / 'store'}.", soft_wrap=True
        )
        return
    with tempfile.TemporaryDirectory(prefix="redraft-demo-") as tmp:
        folder = Path(tmp)
        run_demo(DemoContext(console, folder, drafts, runner=DemoShell(console, folder)))
        console.print(
            "\n(The demo worked in a temporary folder; use --keep DIR to keep its files.)"
        )
