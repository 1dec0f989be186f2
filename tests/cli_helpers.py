"""Running the CLI in tests: one helper, so that every CLI test fails the same way
when a command raises instead of exiting."""

from __future__ import annotations

from click.testing import CliRunner

from redraft.cli import cli


def run(*args: str, stdin: str | None = None) -> tuple[int, str, str]:
    """(exit code, stdout, stderr) of ``redraft ARGS``; a traceback fails the test."""
    result = CliRunner().invoke(cli, list(args), input=stdin)
    assert not isinstance(result.exception, Exception) or isinstance(
        result.exception, SystemExit
    ), result.exception
    return result.exit_code, result.stdout, result.stderr
