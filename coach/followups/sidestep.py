"""An answer that declines the question while sounding like one: the follow-up asks for the question again.

"So I don't really have one story where I'd say that person grew because of me", "it wasn't something I had
to weigh up myself ... happy to talk about how we chose metrics instead": polite and long enough that the
scorer's non-answer rules (a few words, "I don't know", the question read back) pass it, and it then probes
the story's missing result or the missed talking points of an answer that never tried. A strong interviewer
asks for the thing itself. The phrases are data (prompts/followup_words.toml `[sidestep]`). Pure.
"""
from __future__ import annotations

import re
from functools import lru_cache

from coach.domain import Question
from coach.followups import outcome
from coach.followups.words import phrases
from coach.scoring.gaps import Gap
from coach.scoring.scorecard import Scorecard
from coach.scoring.text import quote

SEVERITY = 1.0        # as the scorer's own non-answer: it is then the only gap
_SOFTENERS = re.compile(r"\b(?:really|honestly|just|ever)\s+")


@lru_cache(maxsize=1)
def _declines() -> tuple[str, ...]:
    return phrases("sidestep", "declines")


def declines(text: str) -> list[str]:
    """The declining phrases the answer says, in the list's order."""
    low = _SOFTENERS.sub("", " ".join(text.lower().replace("\u2019", "'").split()))
    return [p for p in _declines() if re.search(r"(?<![a-z])" + re.escape(p) + r"(?![a-z])", low)]


def sidestep(card: Scorecard, question: Question | None) -> Gap | None:
    """The non_answer gap of an answer (the card's sentences) that declines the question: two declining
    phrases, or one and no step of the candidate's own told; else None."""
    if question is None or any(g.id in ("non_answer", "off_topic") for g in card.gaps):
        return None
    found = declines(" ".join(card.star.sentences))
    told = any(outcome.is_step(s) for s in card.star.sentences)
    if len(found) >= 2 or (found and not told):
        return Gap("non_answer", SEVERITY, f'it declines the question: "{quote(found[0], 60)}"')
    return None
