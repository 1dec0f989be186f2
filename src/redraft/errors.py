"""Errors the library raises and the exit codes the CLI maps them to."""

from __future__ import annotations

from collections.abc import Iterable
from enum import IntEnum


class ExitCode(IntEnum):
    """Documented exit codes (docs/cli.md)."""

    OK = 0
    FOUND = 1  # something was found: differences (--exit-code), violations, conflicts
    USAGE = 2  # bad usage or bad input: unreadable file, unknown draft, bad revision...


class RedraftError(Exception):
    """Base of every error meant for the user: its message is one clear line."""

    exit_code: ExitCode = ExitCode.USAGE


class InputError(RedraftError):
    """A file that cannot be read as a draft (binary, empty, malformed...)."""


class NotFoundError(RedraftError):
    """An unknown draft, revision or paragraph label."""


class StoreError(RedraftError):
    """A store that is missing, corrupted or refuses an operation."""


class ConfigError(RedraftError):
    """A bad redraft.toml or [tool.redraft] section."""


def did_you_mean(word: str, candidates: Iterable[str]) -> str:
    """``"; did you mean 'ct-assist'?"`` when ``word`` looks like a mistyped one of
    ``candidates``, else ``""``: appended to a not-found message."""
    import difflib

    names = list(candidates)
    close = difflib.get_close_matches(word, names, n=1, cutoff=0.6)
    if not close:
        lowered = {name.lower(): name for name in names}
        close = [lowered[word.lower()]] if word.lower() in lowered else []
    return f"; did you mean '{close[0]}'?" if close else ""
