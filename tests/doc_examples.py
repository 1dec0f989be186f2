"""Run the examples of README.md and docs/*.md and compare what they print with what
the docs show (tests/test_docs_run.py), so that the docs cannot drift.

The format (CONTRIBUTING.md, "Docs that run"): a fenced code block whose language is
``console`` holds commands, each on a line starting with ``$ `` (a line ending with
``\\`` goes on on the next line), each followed by what it prints: standard output
and standard error as a terminal shows them when the output is piped (plain text, no
colour, tables 120 columns wide). In the expected output:

- a line ``...`` stands for any number of lines (none included): ``...`` as the last
  line shows only the first lines of a long output;
- ``...`` inside a line stands for any text on that line;
- a last line ``[exit N]`` says the command exits with N (0 otherwise);
- trailing spaces and trailing blank lines are ignored.

Each document runs in a fresh folder of its own, holding links to the repository's
``drafts``, ``docs`` and ``tests`` folders, so commands are written as a user types
them at the root of a checkout; the blocks of one document run in order, sharing the
current folder (``cd``) and files. ``redraft`` runs in-process (click's CliRunner);
anything else (``git``, ``head``, ``cut``...) runs in bash, ``redraft`` on its PATH.
A pipe (``|``), ``&&``, ``;``, ``> FILE`` and ``cd`` work as in a shell.

Run ``python -m tests.doc_examples [FILE...]`` to see what fails, or with ``--update``
to write what the commands print into the docs (a ``...`` tail is kept: the output
is cut to the same number of first lines).
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: What a document's folder links to, so that its commands name repository files.
LINKED = ("drafts", "docs", "tests")
#: The documents whose examples run.
DOCUMENTS = ("README.md", *sorted(str(p.relative_to(ROOT)) for p in (ROOT / "docs").glob("*.md")))
#: The folder a document runs in is shown as this in outputs (it is the checkout).
SHOWN_ROOT = "/path/to/redraft"

_FENCE = re.compile(r"^(```+|~~~+)\s*(\S*)")
_EXIT = re.compile(r"^\[exit (\d+)\]$")


@dataclass
class Example:
    """One command of a ``console`` block and what the docs say it prints."""

    document: str
    line: int  # of the "$ " line, 1-based
    command: str
    expected: list[str]
    exit_code: int = 0
    output_start: int = 0  # the line of the file where the expected output starts


@dataclass
class Outcome:
    example: Example
    output: str
    exit_code: int

    @property
    def ok(self) -> bool:
        return self.exit_code == self.example.exit_code and matches(
            self.example.expected, self.output
        )


# -- reading the docs -----------------------------------------------------------------


def code_blocks(text: str) -> Iterator[tuple[str, int, list[str]]]:
    """(language, line of the first line inside, lines) of each fenced block."""
    lines = text.split("\n")
    index = 0
    while index < len(lines):
        opening = _FENCE.match(lines[index])
        if not opening:
            index += 1
            continue
        fence, language = opening.group(1), opening.group(2)
        body_start = index + 1
        end = body_start
        closing = re.compile(rf"^{re.escape(fence[0])}{{{len(fence)},}}\s*$")
        while end < len(lines) and not closing.match(lines[end]):
            end += 1
        yield language, body_start + 1, lines[body_start:end]
        index = end + 1


def examples(document: str, text: str) -> list[Example]:
    """Every command of the ``console`` blocks of ``text``, in order."""
    found: list[Example] = []
    for language, first, lines in code_blocks(text):
        if language != "console":
            continue
        current: Example | None = None
        index = 0
        while index < len(lines):
            line = lines[index]
            if line.startswith("$ "):
                start = index
                command = line[2:]
                while command.endswith("\\") and index + 1 < len(lines):
                    index += 1
                    command = command[:-1] + " " + lines[index].strip()
                current = Example(document, first + start, command.strip(), [])
                current.output_start = first + index + 1
                found.append(current)
            elif current is not None:
                current.expected.append(line)
            index += 1
    for example in found:
        while example.expected and not example.expected[-1].strip():
            example.expected.pop()
        if example.expected and _EXIT.match(example.expected[-1].strip()):
            example.exit_code = int(_EXIT.match(example.expected.pop().strip()).group(1))  # type: ignore[union-attr]
    return found


# -- comparing ------------------------------------------------------------------------


def _clean(text: str) -> list[str]:
    lines = [line.rstrip() for line in text.rstrip("\n").split("\n")]
    while lines and not lines[-1]:
        lines.pop()
    return lines


def _line_pattern(expected: str) -> re.Pattern[str]:
    parts = [re.escape(part) for part in expected.rstrip().split("...")]
    return re.compile(".*".join(parts) + r"\Z")


def matches(expected: list[str], output: str) -> bool:
    """Does ``output`` fit ``expected`` (``...`` lines and ``...`` inside lines)?"""
    return _match([e.rstrip() for e in expected], _clean(output))


def _match(expected: list[str], actual: list[str]) -> bool:
    # Dynamic programming over (expected line, actual line): "..." lines match any run.
    if not expected:
        return not actual
    reachable = {0}
    for pattern in expected:
        following: set[int] = set()
        if pattern.strip() == "...":
            start = min(reachable)
            following = set(range(start, len(actual) + 1))
        else:
            compiled = _line_pattern(pattern)
            for at in reachable:
                if at < len(actual) and compiled.match(actual[at]):
                    following.add(at + 1)
        if not following:
            return False
        reachable = following
    return len(actual) in reachable


# -- running --------------------------------------------------------------------------


@dataclass
class Session:
    """The shell state one document's commands share: a folder and an environment."""

    root: Path
    cwd: Path
    env: dict[str, str] = field(default_factory=dict)

    def run(self, command: str) -> tuple[str, int]:
        """What ``command`` prints (standard output and error) and its exit code."""
        output: list[str] = []
        code = 0
        for operator, pipeline in _lists(command):
            if operator == "&&" and code != 0:
                break
            text, code = self._pipeline(pipeline)
            output.append(text)
        return "".join(output).replace(str(self.root), SHOWN_ROOT), code

    def _pipeline(self, stages: list[list[str]]) -> tuple[str, int]:
        shown: list[str] = []
        data: bytes | None = None
        code = 0
        for position, stage in enumerate(stages):
            last = position == len(stages) - 1
            words, target = _redirect(stage)
            if words[:1] == ["cd"]:
                self.cwd = (self.cwd / (words[1] if len(words) > 1 else str(self.root))).resolve()
                continue
            if words[:1] == ["export"] and len(words) == 2 and "=" in words[1]:
                key, _, value = words[1].partition("=")
                self.env[key] = value
                continue
            if words[:1] == ["redraft"]:
                args = [arg for word in words[1:] for arg in self._glob(word)]
                out, err, terminal, code = self._redraft(args, data)
            else:
                out, err, code = self._shell(words, data)
                terminal = err + out.decode("utf-8", "replace")
            if target is not None:
                (self.cwd / target).write_bytes(out)
                shown.append(err)
                data = None
            elif last:
                shown.append(terminal)
            else:
                shown.append(err)
                data = out
        return "".join(shown), code

    def _glob(self, word: str) -> list[str]:
        """A pattern expanded as bash does (sorted; left as it is when nothing matches)."""
        import glob

        if not any(char in word for char in "*?["):
            return [word]
        return sorted(glob.glob(word, root_dir=self.cwd)) or [word]

    def _redraft(self, args: list[str], stdin: bytes | None) -> tuple[bytes, str, str, int]:
        from click.testing import CliRunner

        from redraft.cli import cli

        with _inside(self.cwd):
            result = CliRunner().invoke(cli, args, input=stdin, env=self._env())
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            raise result.exception
        return result.stdout_bytes, result.stderr, result.output, result.exit_code

    def _shell(self, words: list[str], stdin: bytes | None) -> tuple[bytes, str, int]:
        done = subprocess.run(
            ["bash", "-c", shlex.join(words)],
            cwd=self.cwd,
            input=stdin,
            capture_output=True,
            env=_without_unset({**os.environ, **self._env(), "PATH": _path_with_redraft()}),
            timeout=120,
        )
        return done.stdout, done.stderr.decode("utf-8", "replace"), done.returncode

    def _env(self) -> dict[str, str]:
        # A user's terminal settings must not change what the docs show.
        fixed = {"NO_COLOR": "1", "REDRAFT_STORE": None, "COLUMNS": None, "LINES": None}
        return {**fixed, "TZ": "UTC", "REDRAFT_BY": None, **self.env}  # type: ignore[dict-item]


def _without_unset(env: dict[str, str | None]) -> dict[str, str]:
    return {key: value for key, value in env.items() if value is not None}


def _lists(command: str) -> list[tuple[str, list[list[str]]]]:
    """``a | b && c ; d`` -> [("", [[a], [b]]), ("&&", [[c]]), (";", [[d]])]."""
    lexer = shlex.shlex(command, posix=True, punctuation_chars="|&;<>")
    lexer.whitespace_split = True
    lexer.commenters = "#"
    out: list[tuple[str, list[list[str]]]] = []
    operator, stages, words = "", [], []  # type: ignore[var-annotated]
    for token in lexer:
        if token in ("&&", ";"):
            out.append((operator, [*stages, words]))
            operator, stages, words = token, [], []
        elif token == "|":
            stages.append(words)
            words = []
        else:
            words.append(token)
    if words or stages:
        out.append((operator, [*stages, words]))
    return out


def _redirect(words: list[str]) -> tuple[list[str], str | None]:
    if ">" in words:
        at = words.index(">")
        return words[:at] + words[at + 2 :], words[at + 1]
    return words, None


@contextmanager
def _inside(folder: Path) -> Iterator[None]:
    before = os.getcwd()
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(before)


def _path_with_redraft() -> str:
    """PATH with a folder holding a ``redraft`` that runs this checkout's code."""
    shim = Path(tempfile.gettempdir()) / f"redraft-doc-shim-{os.getuid()}"
    script = shim / "redraft"
    body = f'#!/bin/sh\nPYTHONPATH="{ROOT / "src"}" exec "{sys.executable}" -m redraft "$@"\n'
    if not script.is_file() or script.read_text() != body:
        shim.mkdir(exist_ok=True)
        script.write_text(body)
        script.chmod(0o755)
    return f"{shim}{os.pathsep}{os.environ.get('PATH', '')}"


def run_document(document: str, workdir: Path) -> list[Outcome]:
    """Run every example of ``document`` (a path relative to the repository) in
    ``workdir``, in order; an example that raises is an outcome with exit code 3."""
    text = (ROOT / document).read_text(encoding="utf-8")
    for name in LINKED:
        (workdir / name).symlink_to(ROOT / name, target_is_directory=True)
    session = Session(root=workdir, cwd=workdir)
    outcomes = []
    for example in examples(document, text):
        try:
            output, code = session.run(example.command)
        except Exception as error:  # a traceback is a failure to report, not to raise
            output, code = f"(raised {type(error).__name__}: {error})", 3
        outcomes.append(Outcome(example, output, code))
    return outcomes


def report(outcomes: list[Outcome]) -> str:
    """The failures, each saying which document, line and command, and the difference."""
    import difflib

    parts = []
    for outcome in outcomes:
        if outcome.ok:
            continue
        example = outcome.example
        head = f"{example.document}:{example.line}: $ {example.command}"
        if outcome.exit_code != example.exit_code:
            head += f"\n    exit {outcome.exit_code}, the docs say {example.exit_code}"
        diff = difflib.unified_diff(
            [line.rstrip() for line in example.expected],
            _clean(outcome.output),
            "what the docs show",
            "what the command printed",
            lineterm="",
            n=2,
        )
        shown = list(diff)
        if len(shown) > 40:
            shown = shown[:40] + [f"... ({len(shown) - 40} more lines of difference)"]
        parts.append(head + "\n" + "\n".join("    " + line for line in shown))
    return "\n\n".join(parts)


# -- updating the docs ----------------------------------------------------------------


def updated(text: str, outcomes: list[Outcome]) -> str:
    """``text`` with each failing example's output replaced by what the command printed
    (cut to as many first lines as before when the docs ended it with ``...``)."""
    lines = text.split("\n")
    for outcome in sorted(outcomes, key=lambda o: -o.example.line):
        if outcome.ok:
            continue
        example = outcome.example
        new = _clean(outcome.output)
        if example.expected and example.expected[-1].strip() == "...":
            keep = max(1, len(example.expected) - 1)
            new = new[:keep] + (["..."] if len(new) > keep else [])
        if outcome.exit_code:
            new.append(f"[exit {outcome.exit_code}]")
        start = example.output_start - 1
        lines[start : _output_end(lines, start)] = new
    return "\n".join(lines)


def _output_end(lines: list[str], start: int) -> int:
    """Index just past the output that starts at ``start``: up to the next command or
    the end of the block, blank lines before them left in place."""
    at = start
    while at < len(lines) and not lines[at].startswith(("$ ", "```", "~~~")):
        at += 1
    while at > start and not lines[at - 1].strip():
        at -= 1
    return at


def main(argv: list[str]) -> int:
    update = "--update" in argv
    documents = [a for a in argv if not a.startswith("--")] or list(DOCUMENTS)
    failed = 0
    for document in documents:
        with tempfile.TemporaryDirectory(prefix="redraft-docs-") as folder:
            outcomes = run_document(document, Path(folder).resolve())
        bad = [o for o in outcomes if not o.ok]
        failed += len(bad)
        print(f"{document}: {len(outcomes) - len(bad)} of {len(outcomes)} examples as shown")
        if bad and update:
            path = ROOT / document
            path.write_text(updated(path.read_text(encoding="utf-8"), outcomes), "utf-8")
            print(f"  updated {len(bad)} in {document}: review with git diff")
        elif bad:
            print(report(bad))
    return 1 if failed and not update else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
