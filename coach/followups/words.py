"""The follow-up code's word lists, read from `prompts/followup_words.toml` (a coach may edit them).

Each list is a TOML string of words separated by white space, under a table named for the module
that reads it (`[specific]`, `[outcome]`); a list of phrases is a TOML array of strings.
"""
from __future__ import annotations

from coach import paths
from coach.content.word_table import WordTable

FILE = "followup_words.toml"
_TABLE = WordTable(paths.prompts_dir, FILE)


def word_list(section: str, name: str) -> tuple[str, ...]:
    """The words of `[section] name`, in file order; a missing list is a content error, not an empty list."""
    return _TABLE.words(section, name)


def phrases(section: str, name: str) -> tuple[str, ...]:
    """The phrases of `[section] name`, a TOML array of strings ("first step", "look at first")."""
    return tuple(str(p) for p in _TABLE.raw(section, name))


def phrase_table(section: str) -> dict[str, tuple[str, ...]]:
    """Every list of `[section]` by its name, in file order (e.g. `[gap_words]`: a gap's words)."""
    return {name: phrases(section, name) for name in _TABLE.names(section)}
