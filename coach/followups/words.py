"""The follow-up code's word lists, read from `prompts/followup_words.toml` (a coach may edit them).

Each list is a TOML string of words separated by white space, under a table named for the module
that reads it (`[specific]`, `[outcome]`).
"""
from __future__ import annotations

import tomllib
from functools import lru_cache
from typing import Any

from coach import paths

FILE = "followup_words.toml"


@lru_cache(maxsize=1)
def _table() -> dict[str, Any]:
    with (paths.prompts_dir() / FILE).open("rb") as fh:
        return tomllib.load(fh)


def word_list(section: str, name: str) -> tuple[str, ...]:
    """The words of `[section] name`, in file order; a missing list is a content error, not an empty list."""
    try:
        raw = _table()[section][name]
    except KeyError as exc:
        raise KeyError(f"{FILE}: no list [{section}] {name}") from exc
    return tuple(str(raw).split())


def phrases(section: str, name: str) -> tuple[str, ...]:
    """The phrases of `[section] name`, a TOML array of strings ("first step", "look at first")."""
    try:
        raw = _table()[section][name]
    except KeyError as exc:
        raise KeyError(f"{FILE}: no list [{section}] {name}") from exc
    return tuple(str(p) for p in raw)


def phrase_table(section: str) -> dict[str, tuple[str, ...]]:
    """Every list of `[section]` by its name, in file order (e.g. `[gap_words]`: a gap's words)."""
    return {name: phrases(section, name) for name in _table().get(section, {})}
