"""Errors the library raises and the exit codes the CLI maps them to."""

from __future__ import annotations

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
