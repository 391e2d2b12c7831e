"""The hands-free end of turn's word lists, from `prompts/turn_end_words.toml` (a coach may edit them).

`[trailing]`: the words a finished answer does not end on; `[hand_back]`: the phrases with which a candidate
hands the turn back. A list of words is a TOML string of words separated by white space; a list of phrases
is a TOML array of strings.
"""
from __future__ import annotations

import re
from functools import lru_cache

from coach import paths
from coach.content.word_table import WordTable

_TABLE = WordTable(paths.prompts_dir, "turn_end_words.toml")


@lru_cache(maxsize=None)
def words(section: str, name: str) -> frozenset[str]:
    """The words of `[section] name`; a missing list is a content error, not an empty list."""
    return frozenset(_TABLE.words(section, name))


@lru_cache(maxsize=None)
def pattern(section: str, name: str, closes: bool = False) -> re.Pattern[str]:
    """One pattern for the phrases of `[section] name` on word boundaries (an apostrophe may be left out,
    as a transcript often does); with `closes`, only where the phrase ends the sentence."""
    alts = sorted((re.escape(str(p).lower()).replace("'", "'?") for p in _TABLE.raw(section, name)), key=len, reverse=True)
    tail = r"\W*$" if closes else r"\b"
    return re.compile(r"\b(?:" + "|".join(alts) + ")" + tail)
