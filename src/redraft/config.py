"""Configuration: the store's ``redraft.toml``, ``[tool.redraft]`` in a pyproject.toml,
or a file given with ``--config`` (docs/check.md lists every key).

A bad configuration raises :class:`~redraft.errors.ConfigError` with one line that
names the file and the line at fault: TOML syntax errors carry their own line and
column; unknown keys and wrong types are found by scanning the file for the key.
Sections owned by other parts of redraft (``[store]``...) are left alone.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from .errors import ConfigError

SEVERITIES = ("error", "warning", "off")

#: Every rule of ``redraft check`` and its default severity.
DEFAULT_SEVERITY: dict[str, str] = {
    "max_words": "error",
    "soft_max_words": "warning",
    "max_paragraph_words": "warning",
    "max_preambular": "warning",
    "max_operative": "warning",
    "max_growth": "warning",
    "numbering": "error",
    "duplicate_label": "error",
    "preambular_opener": "warning",
    "operative_opener": "warning",
    "brackets": "error",
    "deadline": "error",
    "languages": "warning",
}

#: Presets (GA resolutions 52/214, 53/208, 59/265; UN Geneva's in-session guidance).
PRESETS: dict[str, dict[str, int]] = {
    "un-reports": {"max_words": 10700, "soft_max_words": 8500},
    "in-session": {"max_words": 3300},
}

_SECTIONS = ("check", "session", "stats", "precedent")


@dataclass(frozen=True)
class CheckConfig:
    preset: str = ""
    max_words: int | None = None
    soft_max_words: int | None = None
    max_paragraph_words: int | None = None
    max_preambular: int | None = None
    max_operative: int | None = None
    max_growth: float | None = None  # percent
    preambular_openers: tuple[str, ...] = ()
    operative_openers: tuple[str, ...] = ()
    severity: tuple[tuple[str, str], ...] = ()  # overrides of DEFAULT_SEVERITY

    def severity_of(self, rule: str) -> str:
        return dict(self.severity).get(rule, DEFAULT_SEVERITY[rule])


#: The kinds of parity finding (redraft.parity.result.KINDS), for ``[session] parity``.
PARITY_KINDS = (
    "language",
    "missing",
    "extra",
    "merged",
    "split",
    "moved",
    "footnote",
    "figure",
    "length",
)


@dataclass(frozen=True)
class SessionConfig:
    start: dt.date | None = None
    deadline: str = "1 month"  # drafts due this long before the start (decision 20/1)
    languages: tuple[str, ...] = ()
    languages_deadline: str = "3 weeks"  # language versions due this long before the start
    # how check reports parity findings, per kind ("*": every other kind); docs/check.md
    parity: tuple[tuple[str, str], ...] = ()

    def parity_severity(self, kind: str, severity: str = "error") -> str:
        """The severity ``check`` gives a parity finding of ``kind`` that parity rates
        ``severity``: "off", "warning", or with "error" the finding's own."""
        levels = dict(self.parity)
        level = levels.get(kind, levels.get("*", "warning"))
        if level == "error":
            return severity
        return level

    @property
    def parity_on(self) -> bool:
        """Whether any parity finding can be reported."""
        levels = dict(self.parity)
        return levels.get("*", "warning") != "off" or any(v != "off" for v in levels.values())


@dataclass(frozen=True)
class StatsConfig:
    words_per_page: int = 530


@dataclass(frozen=True)
class PrecedentConfig:
    index: str = ""  # the default precedent index (docs/precedent.md), as written


@dataclass(frozen=True)
class Config:
    check: CheckConfig = field(default_factory=CheckConfig)
    session: SessionConfig = field(default_factory=SessionConfig)
    stats: StatsConfig = field(default_factory=StatsConfig)
    source: str = ""  # the file it came from, "" for defaults
    precedent: PrecedentConfig = field(default_factory=PrecedentConfig)

    def precedent_index(self) -> Path | None:
        """``[precedent] index``, relative to the configuration file's folder."""
        if not self.precedent.index:
            return None
        path = Path(self.precedent.index).expanduser()
        return path if path.is_absolute() or not self.source else Path(self.source).parent / path


# -- finding and reading ------------------------------------------------------


#: A configuration file is a few lines; a bigger one (a link to /dev/zero) is refused.
MAX_CONFIG_BYTES = 1 << 20


def _read(path: Path) -> bytes:
    """The bytes of a configuration file, read no further than MAX_CONFIG_BYTES."""
    with open(path, "rb") as handle:
        data = handle.read(MAX_CONFIG_BYTES + 1)
    if len(data) > MAX_CONFIG_BYTES:
        raise ConfigError(
            f"{path}: more than {MAX_CONFIG_BYTES // 1024} KB: not a configuration file"
        )
    return data


def find_config(store: Path | None = None, start: Path | None = None) -> Path | None:
    """The store's redraft.toml, else the nearest pyproject.toml holding [tool.redraft]."""
    if store is not None and (store / "redraft.toml").is_file():
        return store / "redraft.toml"
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "redraft.toml").is_file():
            return folder / "redraft.toml"
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and "[tool.redraft" in _read(pyproject).decode(errors="replace"):
            return pyproject
    return None


def load_config(path: Path | None = None, store: Path | None = None) -> Config:
    """Read ``path`` (a redraft.toml or pyproject.toml), else the one :func:`find_config`
    finds, else the defaults."""
    if path is None:
        path = find_config(store)
        if path is None:
            return Config()
    try:
        text = _read(Path(path)).decode("utf-8")
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such configuration file") from None
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: cannot read ({error})") from None
    return parse_config(text, shown_path(Path(path)))


def shown_path(path: Path) -> str:
    """``path`` as messages name it: relative to the current folder when inside it
    (``redraft.toml``, ``unodc-2011/redraft.toml``), else as it is."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError):
        return str(path)


def read_section(section: str, store: Path | None = None) -> tuple[dict[str, Any], str]:
    """The raw ``[section]`` table of the configuration :func:`find_config` finds (empty
    when there is none) and where it was read, for the parts of redraft that validate
    their own section (``[negotiation]``...)."""
    found = find_config(store)
    if found is None:
        return {}, ""
    try:
        data = tomllib.loads(_read(found).decode("utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ConfigError(f"{found}: cannot read ({error})") from None
    if found.name == "pyproject.toml":
        data = data.get("tool", {}).get("redraft", {})
    table = data.get(section, {})
    if not isinstance(table, dict):
        raise ConfigError(f"{found}: [{section}] must be a table")
    return table, str(found)


def parse_config(text: str, source: str = "redraft.toml") -> Config:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        # tomllib's message ends with "(at line L, column C)": keep it.
        raise ConfigError(f"{source}: invalid TOML: {error}") from None
    prefix: tuple[str, ...] = ()
    if Path(source).name == "pyproject.toml":
        data = data.get("tool", {}).get("redraft", {})
        prefix = ("tool", "redraft")
    return _Builder(text, source, prefix).build(data)


# -- validation -------------------------------------------------------------------


class _Builder:
    """Turns the TOML tables into dataclasses, naming the line of any bad key."""

    def __init__(self, text: str, source: str, prefix: tuple[str, ...]) -> None:
        self.lines = text.split("\n")
        self.source = source
        self.prefix = prefix

    def fail(self, section: str, key: str, message: str, line: int = 0) -> ConfigError:
        line = line or self.line_of(section, key)
        where = f"{self.source}:{line}" if line else self.source
        return ConfigError(f"{where}: {message}")

    def line_of(self, section: str, key: str) -> int:
        """The line where ``key`` is set inside ``[section]`` (or its sub-tables); the
        section's header line when the key is not found; 0 when neither is."""
        header = ".".join((*self.prefix, section) if section else self.prefix)
        assign = re.compile(rf"(^|[{{,\s]){re.escape(key)}\s*=") if key else None
        current, header_line = "", 0
        for number, raw in enumerate(self.lines, start=1):
            line = raw.split("#", 1)[0].strip()
            table = re.match(r"^\[+\s*([^\]]+?)\s*\]+$", line)
            if table:
                current = table.group(1).replace(" ", "")
                if current == header and not header_line:
                    header_line = number
                    if assign is None:
                        return number
                continue
            inside = current == header or current.startswith(header + ".") if header else True
            if inside and assign is not None and assign.search(line):
                return number
        return header_line

    def build(self, data: dict[str, Any]) -> Config:
        for name in data:
            if name not in _SECTIONS:
                close = difflib.get_close_matches(name, _SECTIONS, n=1, cutoff=0.75)
                if close:
                    message = f"unknown section [{name}] (did you mean [{close[0]}]?)"
                    raise self.fail(name, "", message)
        homes = {f.name: "check" for f in fields(CheckConfig)}
        homes.update(
            {f.name: "session" for f in fields(SessionConfig)},
            words_per_page="stats",
            index="precedent",
        )
        for name, value in data.items():
            if name in homes and not isinstance(value, dict):
                home = ".".join((*self.prefix, homes[name]))
                raise self.fail("", name, f"'{name}' belongs in the [{home}] section")
        for name in _SECTIONS:
            if name in data and not isinstance(data[name], dict):
                raise self.fail("", name, f"'{name}' must be a table ([{name}])")
        check = self.check(data.get("check", {}))
        session = self.session(data.get("session", {}))
        stats = self.stats(data.get("stats", {}))
        precedent = self.precedent(data.get("precedent", {}))
        return Config(
            check=check, session=session, stats=stats, source=self.source, precedent=precedent
        )

    def unknown(self, section: str, table: dict[str, Any], known: tuple[str, ...]) -> None:
        for key in table:
            if key not in known:
                close = difflib.get_close_matches(key, known, n=1)
                hint = f" (did you mean '{close[0]}'?)" if close else ""
                raise self.fail(section, key, f"unknown key '{key}' in [{section}]{hint}")

    def integer(self, section: str, key: str, value: Any) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise self.fail(section, key, f"'{key}' must be a whole number >= 0, not {value!r}")
        return value

    def strings(self, section: str, key: str, value: Any) -> tuple[str, ...]:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.fail(section, key, f"'{key}' must be a list of strings")
        return tuple(value)

    def check(self, table: dict[str, Any]) -> CheckConfig:
        known = tuple(f.name for f in fields(CheckConfig)) + ("openers",)
        self.unknown("check", table, known)
        values: dict[str, Any] = {}
        preset = table.get("preset", "")
        if preset:
            if not isinstance(preset, str) or preset not in PRESETS:
                names = ", ".join(PRESETS)
                raise self.fail("check", "preset", f"unknown preset {preset!r} (known: {names})")
            values.update(PRESETS[preset])
            values["preset"] = preset
        for key in (
            "max_words",
            "soft_max_words",
            "max_paragraph_words",
            "max_preambular",
            "max_operative",
        ):
            if key in table:
                values[key] = self.integer("check", key, table[key])
        if "max_growth" in table:
            values["max_growth"] = self.percent("check", "max_growth", table["max_growth"])
        for key in ("preambular_openers", "operative_openers"):
            if key in table:
                values[key] = self.strings("check", key, table[key])
        if "openers" in table:
            values.update(self.openers(table["openers"]))
        if "severity" in table:
            values["severity"] = self.severity(table["severity"])
        return CheckConfig(**values)

    def percent(self, section: str, key: str, value: Any) -> float:
        if isinstance(value, bool):
            value = None
        elif isinstance(value, str):
            match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*%?\s*", value)
            value = float(match.group(1)) if match else None
        elif isinstance(value, int | float):
            value = float(value)
        else:
            value = None
        if value is None:
            raise self.fail(section, key, f"'{key}' must be a percentage such as \"20%\"")
        return float(value)

    def openers(self, value: Any) -> dict[str, tuple[str, ...]]:
        if not isinstance(value, dict):
            raise self.fail(
                "check",
                "openers",
                "'openers' must be a table { preambular = [...], operative = [...] }",
            )
        self.unknown("check", value, ("preambular", "operative"))
        return {f"{k}_openers": self.strings("check", k, v) for k, v in value.items()}

    def severity(self, value: Any) -> tuple[tuple[str, str], ...]:
        if not isinstance(value, dict):
            raise self.fail("check", "severity", "'severity' must be a table { rule = \"error\" }")
        out = []
        for rule, level in value.items():
            # The rule's line: inside [check.severity], else the `severity = {...}` line.
            line = self.line_of("check.severity", rule) or self.line_of("check", "severity")
            if rule not in DEFAULT_SEVERITY:
                close = difflib.get_close_matches(rule, list(DEFAULT_SEVERITY), n=1)
                hint = f" (did you mean '{close[0]}'?)" if close else ""
                raise self.fail("check", rule, f"unknown rule '{rule}' in severity{hint}", line)
            if level not in SEVERITIES:
                raise self.fail(
                    "check",
                    rule,
                    f"severity of '{rule}' must be one of {', '.join(SEVERITIES)}, not {level!r}",
                    line,
                )
            out.append((rule, level))
        return tuple(sorted(out))

    def session(self, table: dict[str, Any]) -> SessionConfig:
        known = tuple(f.name for f in fields(SessionConfig))
        self.unknown("session", table, known)
        config = SessionConfig()
        periods: dict[str, str] = {}
        if "start" in table:
            start = table["start"]
            if isinstance(start, str):
                try:
                    start = dt.date.fromisoformat(start)
                except ValueError:
                    start = None
            if isinstance(start, dt.datetime):
                start = start.date()
            if not isinstance(start, dt.date):
                raise self.fail("session", "start", "'start' must be a date such as 2012-04-23")
            config = replace(config, start=start)
        for key in ("deadline", "languages_deadline"):
            if key in table:
                value = table[key]
                if not isinstance(value, str) or parse_period(value) is None:
                    raise self.fail(
                        "session",
                        key,
                        f"'{key}' must be a period such as "
                        f'"1 month", "3 weeks" or "30 days", not {value!r}',
                    )
                periods[key] = value
        config = replace(config, **periods)  # type: ignore[arg-type]
        if "languages" in table:
            config = replace(
                config, languages=self.strings("session", "languages", table["languages"])
            )
        if "parity" in table:
            config = replace(config, parity=self.parity_levels(table["parity"]))
        return config

    def parity_levels(self, value: Any) -> tuple[tuple[str, str], ...]:
        """``parity = "warning"``, or per kind: ``{ length = "off", default = "error" }``."""
        if isinstance(value, str):
            value = {"default": value}
        if not isinstance(value, dict):
            raise self.fail("session", "parity", "'parity' must be a severity or a table of kinds")
        out = []
        for kind, level in value.items():
            if kind != "default" and kind not in PARITY_KINDS:
                close = difflib.get_close_matches(kind, [*PARITY_KINDS, "default"], n=1)
                hint = f" (did you mean '{close[0]}'?)" if close else ""
                raise self.fail(
                    "session", "parity", f"unknown kind of parity finding '{kind}'{hint}"
                )
            if level not in SEVERITIES:
                raise self.fail(
                    "session",
                    "parity",
                    f"parity: '{kind}' must be one of {', '.join(SEVERITIES)}, not {level!r}",
                )
            out.append(("*" if kind == "default" else kind, level))
        return tuple(sorted(out))

    def stats(self, table: dict[str, Any]) -> StatsConfig:
        self.unknown("stats", table, ("words_per_page",))
        if "words_per_page" in table:
            value = self.integer("stats", "words_per_page", table["words_per_page"])
            if value == 0:
                raise self.fail("stats", "words_per_page", "'words_per_page' must be above 0")
            return StatsConfig(words_per_page=value)
        return StatsConfig()

    def precedent(self, table: dict[str, Any]) -> PrecedentConfig:
        self.unknown("precedent", table, ("index",))
        value = table.get("index", "")
        if not isinstance(value, str):
            raise self.fail("precedent", "index", "'index' must be a path such as \"adopted.db\"")
        return PrecedentConfig(index=value)


# -- periods ----------------------------------------------------------------------

_PERIOD = re.compile(r"^\s*(\d+)\s*(day|week|month)s?\s*$", re.IGNORECASE)


def parse_period(text: str) -> tuple[int, str] | None:
    """``"1 month"`` -> (1, "month"); None when not a period."""
    match = _PERIOD.match(text)
    return (int(match.group(1)), match.group(2).lower()) if match else None


def before(day: dt.date, period: str) -> dt.date:
    """``day`` minus ``period`` (calendar months: 2012-04-23 - 1 month = 2012-03-23)."""
    parsed = parse_period(period)
    if parsed is None:
        raise ConfigError(f"not a period: {period!r}")
    count, unit = parsed
    if unit == "day":
        return day - dt.timedelta(days=count)
    if unit == "week":
        return day - dt.timedelta(weeks=count)
    months = day.year * 12 + day.month - 1 - count
    year, month = divmod(months, 12)
    month += 1
    for last in (31, 30, 29, 28):  # clamp the day to the month's length
        try:
            return dt.date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise ConfigError(f"cannot compute {day} - {period}")  # pragma: no cover
