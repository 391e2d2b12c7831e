"""A plan or view that hedges with an "it depends" naming nothing it depends on, and makes no choice for the case
(`rubrics/answer_words.toml` `[hedge]`): a strong interviewer hears the textbook list recited and the decision left
to someone else, the rubrics' correct but generic answer, held at HEDGE_CAP (as a generic plan is)."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from coach.content.answer_words import phrases

HEDGE_CAP = 2.0


@lru_cache(maxsize=1)
def _words() -> tuple[re.Pattern[str], re.Pattern[str]]:
    def any_of(name: str) -> re.Pattern[str]:
        said = sorted(phrases("hedge", name), key=len, reverse=True)
        return re.compile(r"(?<![a-z])(?:" + "|".join(re.escape(p) for p in said) + r")(?![a-z])", re.I)
    return any_of("phrases"), any_of("chosen")


def unchosen(text: str) -> str:
    """The hedge of an answer that names no condition and makes no choice for the case; "" otherwise."""
    hedge, chosen = _words()
    found = hedge.search(text)
    return found.group(0) if found is not None and chosen.search(text) is None else ""


def hedged_plan(a: Any, t: Any) -> None:
    """Hold a plan that ends on an unconditioned "it depends" at HEDGE_CAP; it says the words any answer could."""
    found = unchosen(a.text)
    if found and t.level > HEDGE_CAP:
        t.set(HEDGE_CAP, f'"{found}" with no choice made for this case: at most')
        t.generic = True
