"""The scorer's word lists for reading an answer, from `rubrics/answer_words.toml` (a coach may edit them).

`[outcome]` (coach/scoring/story_outcome.py), `[sidestep]` (coach/scoring/sidestep.py) and `[savings]`
(coach/scoring/napkin_savings.py). A list of words is a TOML string of words separated by white space; a list of
phrases is a TOML array of strings.
"""
from __future__ import annotations

import tomllib
from functools import lru_cache
from typing import Any

from coach import paths

FILE = "answer_words.toml"


@lru_cache(maxsize=1)
def _table() -> dict[str, Any]:
    with (paths.rubrics_dir() / FILE).open("rb") as fh:
        return tomllib.load(fh)


def _raw(section: str, name: str) -> Any:
    try:
        return _table()[section][name]
    except KeyError as exc:
        raise KeyError(f"rubrics/{FILE}: no list [{section}] {name}") from exc


def word_list(section: str, name: str) -> tuple[str, ...]:
    """The words of `[section] name`, in file order; a missing list is a content error, not an empty list."""
    return tuple(str(_raw(section, name)).split())


def phrases(section: str, name: str) -> tuple[str, ...]:
    """The phrases of `[section] name` ("don't have one story", "happy to talk about")."""
    return tuple(str(p) for p in _raw(section, name))
