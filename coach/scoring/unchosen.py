"""A technical answer that lists the options and hands the choice back ("which works best depends on the dataset,
so I would try a few and compare them"), with no choice made for any case: the rubric's correct but generic
answer, which a strong interviewer holds at "knows the options" (coach/scoring/levels.py). The phrases are data
(rubrics/answer_words.toml `[unchosen]`)."""
from __future__ import annotations

import re
from functools import lru_cache

from coach.content.answer_words import phrases


@lru_cache(maxsize=2)
def _pattern(name: str) -> re.Pattern[str]:
    said = "|".join(_loose(p) for p in phrases("unchosen", name))
    return re.compile(r"(?<![a-z])(?:" + said + r")(?![a-z])", re.I)


# A phrase said with another determiner or an adverb inside is the same phrase: "depends on your data", "it really all
# depends", "try each of them out and compare".
_DETERMINER = r"(?:the|your|our|their|this|that|each)"
_ADVERB = r"(?:really|just|simply|basically|honestly|all|actually|mostly|very|out)"


def _loose(phrase: str) -> str:
    words = [r"\b" + _DETERMINER + r"\b" if w in ("the", "your", "our", "their") else re.escape(w)
             for w in phrase.split()]
    return (r"\s+(?:" + _ADVERB + r"\s+)?").join(words)


def deferred(text: str) -> str | None:
    """The words that hand the choice back, when the answer makes no choice of its own; else None."""
    plain = text.replace("\u2019", "'")
    m = _pattern("defers").search(plain)
    if m is None or _pattern("chooses").search(plain):
        return None
    return m.group(0)
