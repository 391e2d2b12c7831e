"""Words the transcriber misheard, said back to the candidate.

A follow-up that points at the candidate's own words ("You mentioned you talked to him out it. What came of it?")
says back whatever the transcriber wrote. When it misheard a word the phrase is one no speaker says, and quoting it
makes the interviewer sound like it was not listening. A phrase holding a word pair that never stands side by side
("the of", "our wrote", a particle before a bare pronoun at the end of a clause: "out it") is taken as
misheard: it is not said back (coach/followups/anchor.py), and a model's question holding one is not asked
(coach/followups/guards.py). The pairs are data (prompts/followup_words.toml `[misheard]`); every bank question and
follow-up is free of them (tests/test_followup_misheard.py).
"""
from __future__ import annotations

import re
from functools import lru_cache

from coach.followups.words import phrases, word_list

_END = r"(?=\s*(?:[.,;:!?\u2026]|$)|\s+(?:and|but|so|then|because|which|when)\b)"


def _any(words: tuple[str, ...]) -> str:
    return "|".join(map(re.escape, sorted(words, key=len, reverse=True)))


@lru_cache(maxsize=1)
def _rules() -> tuple[re.Pattern[str], ...]:
    w, end = r"(?<![\w'/-])", r"(?![\w'/-])"
    determiners, pasts = _any(word_list("misheard", "determiners")), _any(word_list("misheard", "pasts"))
    return (
        re.compile(rf"{w}(?:{_any(phrases('misheard', 'pairs'))}){end}"),
        re.compile(rf"{w}(?:{_any(phrases('misheard', 'clause_end'))}){_END}"),
        re.compile(rf"{w}(?:{determiners}) (?:{pasts}){end}"),
    )


def misheard(text: str) -> str | None:
    """The first word pair of `text` no speaker says (a word the transcriber misheard), else None."""
    low = " ".join(text.lower().replace("\u2019", "'").split())
    found = [m for rule in _rules() for m in [rule.search(low)] if m]
    return min(found, key=lambda m: m.start()).group(0) if found else None
