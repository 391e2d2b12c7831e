"""Small validation helpers: each names the file and the field it rejects."""
from __future__ import annotations

import tomllib
from collections.abc import Iterable
from pathlib import Path
from typing import Any, NoReturn

from coach.errors import ContentError

HINT = "fix the file and try again; rubrics/README.md describes every field"


class Where:
    """A place in a content file ("rubrics/gaps.toml: gap 'no_result'") for error messages."""

    def __init__(self, file: str, path: tuple[str, ...] = ()) -> None:
        self.file = file
        self.path = path

    def at(self, label: str) -> Where:
        return Where(self.file, self.path + (label,))

    def __str__(self) -> str:
        return ": ".join((self.file,) + self.path)

    def fail(self, message: str, hint: str = HINT) -> NoReturn:
        raise ContentError(f"{self}: {message}", hint)


def display_path(path: Path, base: Path | None) -> str:
    """`path` relative to `base` when it lies inside it, else as given."""
    if base is not None:
        try:
            return path.resolve().relative_to(base.resolve()).as_posix()
        except ValueError:
            pass
    return str(path)


def read_toml(path: Path, shown: str) -> dict[str, Any]:
    """Parse one TOML file; syntax errors become ContentError naming the file and line."""
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError:
        raise ContentError(f"{shown}: file not found", "restore it from the repository") from None
    except tomllib.TOMLDecodeError as exc:
        raise ContentError(f"{shown}: invalid TOML: {exc}", "fix the syntax at the line shown") from None
    except UnicodeDecodeError:
        raise ContentError(f"{shown}: not UTF-8 text", "save the file as UTF-8") from None
    except OSError as exc:
        raise ContentError(f"{shown}: cannot read: {exc.strerror}", "check the file's permissions") from None


def one_of_text(allowed: Iterable[str]) -> str:
    return ", ".join(allowed)


def known_keys(table: dict[str, Any], allowed: Iterable[str], where: Where) -> None:
    allowed = tuple(allowed)
    for key in table:
        if key not in allowed:
            where.fail(f"unknown field '{key}' (known fields: {one_of_text(allowed)})")


def table_of(value: Any, where: Where, what: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        where.fail(f"{what} must be a table")
    return value


def tables(data: dict[str, Any], key: str, where: Where, required: bool = True) -> list[dict[str, Any]]:
    """An array of tables such as `[[question]]`."""
    value = data.get(key)
    if value is None:
        if required:
            where.fail(f"missing required field '{key}' (write it as [[{key}]] tables)")
        return []
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        where.fail(f"field '{key}' must be an array of tables written as [[{key}]]")
    return value


def text(table: dict[str, Any], key: str, where: Where, required: bool = True) -> str:
    value = table.get(key)
    if value is None:
        if required:
            where.fail(f"missing required field '{key}'")
        return ""
    if not isinstance(value, str) or not value.strip():
        where.fail(f"field '{key}' must be a non-empty string")
    return " ".join(value.split())


def text_list(table: dict[str, Any], key: str, where: Where, lo: int = 0, hi: int | None = None,
              required: bool = True) -> tuple[str, ...]:
    value = table.get(key)
    if value is None:
        if required:
            where.fail(f"missing required field '{key}'")
        value = []
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        where.fail(f"field '{key}' must be a list of non-empty strings")
    if len(value) < lo:
        where.fail(f"field '{key}' has {len(value)} entries; at least {lo} are needed")
    if hi is not None and len(value) > hi:
        where.fail(f"field '{key}' has {len(value)} entries; at most {hi} are allowed")
    return tuple(" ".join(v.split()) for v in value)


def choice(value: str, allowed: Iterable[str], where: Where, field: str) -> str:
    allowed = tuple(allowed)
    if value not in allowed:
        where.fail(f"{field} '{value}' is not one of {one_of_text(allowed)}")
    return value


def integer(table: dict[str, Any], key: str, where: Where, lo: int, hi: int,
            default: int | None = None) -> int:
    value = table.get(key, default)
    if value is None:
        where.fail(f"missing required field '{key}'")
    if isinstance(value, bool) or not isinstance(value, int):
        where.fail(f"field '{key}' must be a whole number")
    if not lo <= value <= hi:
        where.fail(f"field '{key}' is {value}; it must be between {lo} and {hi}")
    return value


def number(table: dict[str, Any], key: str, where: Where, lo: float, hi: float) -> float:
    value = table.get(key)
    if value is None:
        where.fail(f"missing required field '{key}'")
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        where.fail(f"field '{key}' must be a number")
    if not lo <= value <= hi:
        where.fail(f"field '{key}' is {value}; it must be between {lo} and {hi}")
    return float(value)


def spoken_question(value: str, where: Where, lo: int = 5, hi: int = 30) -> str:
    """One question as the interviewer says it: ends with '?', one '?', lo..hi words."""
    if not value.endswith("?"):
        where.fail(f"text must end with '?' (got: \"{value}\")")
    if value.count("?") != 1:
        where.fail("text must be a single question (only one '?')")
    n = len(value.split())
    if not lo <= n <= hi:
        where.fail(f"text has {n} words; a spoken follow-up needs {lo} to {hi}")
    return value
