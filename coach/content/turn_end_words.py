"""The hands-free end of turn's word lists, from `prompts/turn_end_words.toml` (a coach may edit them).

`[trailing]`: the words a finished answer does not end on; `[hand_back]`: the phrases with which a candidate
hands the turn back. A list of words is a TOML string of words separated by white space; a list of phrases
is a TOML array of strings.
"""
from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from typing import Any

from coach import paths

FILE = "turn_end_words.toml"


@lru_cache(maxsize=1)
def _table() -> dict[str, Any]:
    with (paths.prompts_dir() / FILE).open("rb") as fh:
        return tomllib.load(fh)


def _raw(section: str, name: str) -> Any:
    try:
        return _table()[section][name]
    except KeyError as exc:
        raise KeyError(f"prompts/{FILE}: no list [{section}] {name}") from exc


@lru_cache(maxsize=None)
def words(section: str, name: str) -> frozenset[str]:
    """The words of `[section] name`; a missing list is a content error, not an empty list."""
    return frozenset(str(_raw(section, name)).split())


@lru_cache(maxsize=None)
def pattern(section: str, name: str, closes: bool = False) -> re.Pattern[str]:
    """One pattern for the phrases of `[section] name` on word boundaries (an apostrophe may be left out,
    as a transcript often does); with `closes`, only where the phrase ends the sentence."""
    alts = sorted((re.escape(str(p).lower()).replace("'", "'?") for p in _raw(section, name)), key=len, reverse=True)
    tail = r"\W*$" if closes else r"\b"
    return re.compile(r"\b(?:" + "|".join(alts) + ")" + tail)
