"""An answer that declines the question while sounding like one is a non-answer.

"So I don't really have one story where I'd say that person grew because of me", "it wasn't something I had to
weigh up myself ... happy to talk about how we chose metrics instead": polite and long enough that the few-words,
"I don't know" and read-back rules (coach/scoring/signals.py) pass it. Two declining phrases, or one in an answer
that tells no step of the candidate's own, make it a non-answer: scored as one, and probed for the thing itself.
The phrases are data (rubrics/answer_words.toml `[sidestep]`).
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from coach.content.answer_words import phrases
from coach.scoring.signals import NonAnswer
from coach.scoring.story_outcome import is_step
from coach.scoring.text import quote

_SOFTENERS = re.compile(r"\b(?:really|honestly|just|ever)\s+")


@lru_cache(maxsize=1)
def _declines() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple((p, re.compile(r"(?<![a-z])" + re.escape(p) + r"(?![a-z])")) for p in phrases("sidestep", "declines"))


def declines(text: str) -> list[str]:
    """The declining phrases the answer says as words of their own, in the list's order."""
    low = _SOFTENERS.sub("", " ".join(text.lower().replace("\u2019", "'").split()))
    return [p for p, said in _declines() if p in low and said.search(low)]      # (most answers hold none of them)


def sidestep(sentences: Sequence[str]) -> NonAnswer | None:
    """The non-answer of an answer (its sentences) that declines the question; else None."""
    found = declines(" ".join(sentences))
    if len(found) >= 2 or (found and not any(is_step(s) for s in sentences)):
        return NonAnswer("non_answer", f'it declines the question: "{quote(found[0], 60)}"')
    return None
