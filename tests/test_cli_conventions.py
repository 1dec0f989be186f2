"""The command line's conventions (docs/cli.md): one line on stderr for every
problem, usage errors included; exit codes; a closed pipe is not an error."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from redraft.cli import cli

DRAFT = next((Path(__file__).parent.parent / "src/redraft/data/drafts").glob("ga-*iv-*.txt"))


def test_usage_errors_are_one_line_with_exit_2():
    result = CliRunner().invoke(cli, ["diff", "--frob"], prog_name="redraft")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "redraft: error: No such option '--frob' (see 'redraft diff --help')"
    ]


def test_unknown_command_is_one_line():
    result = CliRunner().invoke(cli, ["difff"])
    assert result.exit_code == 2
    assert len(result.stderr.splitlines()) == 1
    assert result.stderr.startswith("redraft: error: No such command 'difff'")


def test_standard_input_only_once():
    result = CliRunner().invoke(cli, ["diff", "-", "-"], input="x")
    assert result.exit_code == 2
    assert result.stderr.strip() == "redraft: error: '-' (standard input) can be given only once"


def test_help_names_every_exit_code():
    result = CliRunner().invoke(cli, ["--help"])
    assert result.exit_code == 0
    assert "3 internal error" in " ".join(result.output.split())


def test_a_closed_pipe_is_not_an_error():
    # `redraft show DRAFT | head -1`: the reader goes away after one line
    process = subprocess.Popen(
        [sys.executable, "-m", "redraft", "show", str(DRAFT)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None
    process.stdout.readline()
    process.stdout.close()
    _, err = process.communicate(timeout=60)
    assert process.returncode == 0, err
    assert b"Traceback" not in err
