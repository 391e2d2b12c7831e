"""An answer that declines the question while sounding like one is a non-answer.

"So I don't really have one story where I'd say that person grew because of me", "it wasn't something I had to
weigh up myself ... happy to talk about how we chose metrics instead": polite and long enough that the few-words,
"I don't know" and read-back rules (coach/scoring/signals.py) pass it. Two declining phrases, or one in an answer
that tells no step of the candidate's own, make it a non-answer: scored as one, and probed for the thing itself.

A strong interviewer reads two more moves the same way when the answer is thin (it gives under half of what the
question wants): a redirect, the offer to answer something else instead ("I could walk you through my last project
instead, that's probably more useful"), and a choice declined ("I'm pretty open", "I'm flexible on where"). After
a full answer the same offer ("happy to go deeper on the cache instead") is only an offer.
The phrases are data (rubrics/answer_words.toml `[sidestep]`).
"""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache

from coach.content.answer_words import phrases, word_list
from coach.scoring.signals import NonAnswer
from coach.scoring.story_outcome import is_step
from coach.scoring.text import quote

_SOFTENERS = re.compile(r"\b(?:really|honestly|just|ever)\s+")


def _said(phrase: str) -> re.Pattern[str]:
    return re.compile(r"(?<![a-z])" + re.escape(phrase) + r"(?![a-z])")


@lru_cache(maxsize=None)
def _table(name: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple((p, _said(p)) for p in phrases("sidestep", name))


def _plain(text: str) -> str:
    return _SOFTENERS.sub("", " ".join(text.lower().replace("\u2019", "'").split()))


def _found(name: str, low: str) -> list[str]:
    return [p for p, said in _table(name) if p in low and said.search(low)]      # (most answers hold none of them)


def declines(text: str) -> list[str]:
    """The declining phrases the answer says as words of their own, in the list's order."""
    return _found("declines", _plain(text))


@lru_cache(maxsize=1)
def _telling() -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in word_list("sidestep", "telling")) + r")", re.I)


# how far after the offer its verb of telling comes: "I could walk you through", "would it be OK if I talked about"
OFFER_REACH = 30


def _offers_to_tell(low: str) -> bool:
    """An offer whose own verb is one of telling: the offer is made to the listener. "What I offered marketing instead
    was a version I could build in a week, with each group's top picks" tells the story's step, and offers nothing."""
    for p in _found("offers", low):
        for m in _said(p).finditer(low):
            if _telling().search(low, m.end(), m.end() + OFFER_REACH):
                return True
    return False


def redirect(sentences: Sequence[str]) -> str | None:
    """The first sentence that offers to tell something else in place of the answer (an offer, a verb of telling
    after it and a word of elsewhere: "I'd be happy to walk you through the pipeline instead"), else None."""
    return next((s for s in sentences if _found("offers", low := _plain(s)) and _offers_to_tell(low)
                 and _found("elsewhere", low)), None)


def uncommitted(text: str) -> list[str]:
    """The phrases with which the answer declines a choice ("I'm pretty open", "no strong preference")."""
    return _found("uncommitted", _plain(text))


def sidestep(sentences: Sequence[str], thin: bool | Callable[[], bool] = False) -> NonAnswer | None:
    """The non-answer of an answer (its sentences) that declines the question; else None. `thin`: the answer gives
    under half of what the question wants; then a redirect or a declined choice is enough (a callable is asked only
    when there is one: working it out reads the talking points again)."""
    found = declines(" ".join(sentences))
    # (the sentence that declines tells no step of the story, whatever reason it gives: "it hasn't happened to me,
    # I think because of how we set things up")
    if len(found) >= 2 or (found and not any(is_step(s) for s in sentences if not declines(s))):
        return NonAnswer("non_answer", f'it declines the question: "{quote(found[0], 60)}"')
    offer = redirect(sentences)
    held = uncommitted(" ".join(sentences)) if offer is None else []
    if offer is None and not held or not (thin() if callable(thin) else thin):
        return None
    if offer is not None:
        return NonAnswer("non_answer", f'it offers to answer something else: "{quote(offer, 100)}"')
    return NonAnswer("non_answer", f'it declines to choose: "{quote(held[0], 60)}"')
