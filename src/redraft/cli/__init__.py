"""The ``redraft`` command line: a thin layer over the library.

Subcommands live in one module per group and are imported only when run, so
that ``redraft --help`` and ``redraft --version`` stay fast (see
benchmarks/startup.py). Each module registers nothing itself: the table below
is the single list of commands.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
from collections.abc import Sequence
from typing import Any

import click

from .. import __version__

#: command name -> "module:function" under redraft.cli
COMMANDS: dict[str, str] = {
    # issue 2: drafts and readers
    "show": "drafts:show",
    "split": "drafts:split",
    "demo": "demo:demo",
    # issue 3: the store
    "init": "store_cmds:init",
    "save": "store_cmds:save",
    "import": "store_cmds:import_",
    "list": "store_cmds:list_",
    "log": "store_cmds:log",
    "sync": "store_cmds:sync",
    # issue 4: diff
    "diff": "diff_cmd:diff",
    # issue 5: merge
    "overlap": "merge_cmds:overlap",
    "merge-drafts": "merge_cmds:merge_drafts",
    "merge": "merge_cmds:merge",
    "compile": "merge_cmds:compile_",
    "rebase": "merge_cmds:rebase",
    "merge-driver": "merge_cmds:merge_driver",
    # issue 6: length
    "stats": "stats_cmds:stats",
    "check": "stats_cmds:check",
    # issue 7: negotiation
    "status": "negotiation_cmds:status",
    "blame": "negotiation_cmds:blame",
    "history": "negotiation_cmds:history",
    "sponsors": "negotiation_cmds:sponsors",
    "clean": "negotiation_cmds:clean",
    # issue 8: Word and HTML
    "export": "export_cmds:export",
    "report": "export_cmds:report",
    # issue 16: agreed language
    "precedent": "precedent_cmds:precedent",
    # issue 14: six languages
    "parity": "parity_cmd:parity",
}

#: One line per command for ``redraft --help``, without importing the modules.
SUMMARIES: dict[str, str] = {
    "show": "Print a draft with its paragraph labels.",
    "split": "Split a report into one file per draft.",
    "demo": "Show what redraft does, on the bundled drafts.",
    "init": "Create a store (a git repository) for a negotiation.",
    "save": "Record a new version of a draft.",
    "import": "Save many drafts at once.",
    "list": "List the drafts in the store.",
    "log": "List the versions of a draft.",
    "sync": "Share versions with a git remote.",
    "diff": "Paragraph-aware diff of two versions.",
    "overlap": "Find drafts that cover the same ground.",
    "merge-drafts": "Propose one draft out of two.",
    "merge": "Three-way merge of two proposals on one base.",
    "compile": "Compilation text of many proposals on one base.",
    "rebase": "Carry a proposal onto a newer base.",
    "merge-driver": "Git merge driver for drafts.",
    "stats": "Length statistics.",
    "check": "Check length limits, structure and deadlines.",
    "status": "Where each paragraph stands in the negotiation.",
    "blame": "Who introduced and last changed each paragraph.",
    "history": "The life of one paragraph across versions.",
    "sponsors": "Sponsors per version.",
    "clean": "The clean text, markup removed.",
    "export": "Write a draft as Word, Markdown, text or AKN.",
    "report": "Write a static HTML site for the store.",
    "precedent": "Trace each paragraph to the adopted texts it reuses.",
    "parity": "Check that the language versions of a draft correspond.",
}


class UserFacingError(click.ClickException):
    """A library error shown as one line on stderr with its documented exit code."""

    def __init__(self, error: Exception) -> None:
        super().__init__(str(error))
        # click reads exit_code (a class attribute, 1) to choose the process exit code
        self.exit_code = int(getattr(error, "exit_code", 2))  # type: ignore[misc]

    def show(self, file: object = None) -> None:
        from ..render.safe import printable_line

        click.echo(f"redraft: error: {printable_line(self.format_message())}", err=True)


class LazyGroup(click.Group):
    """A group whose commands are imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return [name for name in COMMANDS if self._available(name)]

    def _available(self, name: str) -> bool:
        module = COMMANDS[name].split(":")[0]
        return importlib.util.find_spec(f"{__package__}.{module}") is not None

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None or not self._available(cmd_name):
            return None
        module_name, attr = target.split(":")
        module = importlib.import_module(f"{__package__}.{module_name}")
        command: click.Command = getattr(module, attr)
        return command

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        """click's lookup, with a suggestion for a mistyped command ("dif" -> "diff")."""
        name = click.utils.make_str(args[0])
        if self.get_command(ctx, name) is None and not name.startswith("-"):
            from ..errors import did_you_mean

            hint = did_you_mean(name, self.list_commands(ctx))
            ctx.fail(f"No such command '{name}'{hint}")
        return super().resolve_command(ctx, args)

    def invoke(self, ctx: click.Context) -> object:
        from ..errors import RedraftError
        from .common import forget_warnings

        forget_warnings()
        try:
            return super().invoke(ctx)
        except RedraftError as error:
            raise UserFacingError(error) from None

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        """click's standalone mode, with every problem on one line of stderr: usage
        errors included ("redraft: error: no such option: --frob (see 'redraft diff
        --help')"), Ctrl-C exits 130, a closed pipe (``| head``) is not an error."""
        run = super().main
        if not standalone_mode:
            return run(args, prog_name, complete_var, standalone_mode=False, **extra)
        try:
            code = run(args, prog_name, complete_var, standalone_mode=False, **extra)
        except click.UsageError as error:
            where = error.ctx.command_path if error.ctx else "redraft"
            # click says "No such option '--parra'. Did you mean '--para'?": one sentence,
            # as redraft's own suggestions ("...; did you mean 'unodc'?")
            from ..render.safe import printable_line

            message = error.format_message().rstrip(".").replace(". Did you mean", "; did you mean")
            message = printable_line(message)
            click.echo(f"redraft: error: {message} (see '{where} --help')", err=True)
            sys.exit(2)
        except click.ClickException as error:
            error.show()
            sys.exit(error.exit_code)
        except (click.Abort, KeyboardInterrupt):
            click.echo("redraft: interrupted", err=True)
            sys.exit(130)
        except BrokenPipeError:
            _quiet_stdout()
            sys.exit(0)
        sys.exit(code if isinstance(code, int) else 0)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, SUMMARIES.get(name, "")) for name in self.list_commands(ctx)]
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)


@click.group(
    "redraft",
    cls=LazyGroup,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.version_option(__version__, prog_name="redraft")
@click.pass_context
def cli(ctx: click.Context) -> None:
    """Version, diff, merge and measure the drafts of UN resolutions.

    Exit codes: 0 success; 1 something found (differences with --exit-code,
    violations, conflicts); 2 usage or input error; 3 internal error (a bug).
    """
    if ctx.invoked_subcommand is None:  # bare "redraft": the help, as git and click do
        click.echo(ctx.get_help())


def _quiet_stdout() -> None:
    """The reader of our output went away (``| head``): not an error. Point stdout at
    /dev/null so that Python's final flush does not complain."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def main() -> None:
    """Entry point: no traceback ever reaches a user (REDRAFT_DEBUG=1 shows it)."""
    import os

    try:
        cli(prog_name="redraft")
    except KeyboardInterrupt:
        click.echo("redraft: interrupted", err=True)
        sys.exit(130)
    except BrokenPipeError:
        _quiet_stdout()
        sys.exit(0)
    except Exception as error:  # a bug: say so in one line
        if os.environ.get("REDRAFT_DEBUG"):
            raise
        from ..render.safe import printable_line

        click.echo(
            f"redraft: internal error: {type(error).__name__}: {printable_line(str(error))} "
            "(set REDRAFT_DEBUG=1 for details)",
            err=True,
        )
        sys.exit(3)


if __name__ == "__main__":  # pragma: no cover
    main()
