"""The scorer's word lists for reading an answer, from `rubrics/answer_words.toml` (a coach may edit them).

`[outcome]` (coach/scoring/story_outcome.py), `[sidestep]` (coach/scoring/sidestep.py), `[savings]`
(coach/scoring/napkin_savings.py), `[untaken]` (coach/scoring/pitfalls.py), `[relay]`, `[asked_figure]` and `[slip_choice]` (coach/scoring/levels.py). A list of words is a TOML string of words separated by white space; a list of
phrases is a TOML array of strings.
"""
from __future__ import annotations

from coach import paths
from coach.content.word_table import WordTable

_TABLE = WordTable(paths.rubrics_dir, "answer_words.toml")


def word_list(section: str, name: str) -> tuple[str, ...]:
    """The words of `[section] name`, in file order; a missing list is a content error, not an empty list."""
    return _TABLE.words(section, name)


def phrases(section: str, name: str) -> tuple[str, ...]:
    """The phrases of `[section] name` ("don't have one story", "happy to talk about")."""
    return tuple(str(p) for p in _TABLE.raw(section, name))


def text(section: str, name: str) -> str:
    """The single string `[section] name` (a line the card shows)."""
    return str(_TABLE.raw(section, name))
