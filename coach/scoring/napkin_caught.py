"""A napkin slip the candidate caught: "so about eleven thousand a second ... Ah, I slipped a zero there: four million
over thirty-six hundred is about eleven hundred a second."

Asked to walk through a wrong figure again, a candidate who finds the slip and reaches the right figure has done what a
careful engineer does. Judged joined to the answer it corrects, the wrong figure is still in the text; left standing
as a wrong figure, the card asks them to recheck what they just rechecked. A failed check is dropped when, after it, the
candidate says they slipped (rubrics/answer_words.toml `[caught_slip]`) and then says the right figure for that step.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from coach.content.answer_words import phrases
from coach.scoring.napkin_judge import Check
from coach.scoring.sizing import Quantity
from coach.scoring.text import phrase_pattern

NEAR = 0.25        # the figure said after the correction within this share of the right one


@lru_cache(maxsize=1)
def _caught() -> re.Pattern[str]:
    return phrase_pattern(phrases("caught_slip", "phrases"))


def corrected(check: Check, qs: Sequence[Quantity], text: str) -> bool:
    """Is the failed check's figure caught later: a correction said after it, then the right figure (in its unit)?"""
    if check.ok or check.at < 0 or check.expected <= 0:
        return False
    caught = _caught().search(text.replace("\u2019", "'"), check.at + len(check.claimed or ""))
    if caught is None:
        return False
    return any(q.start > caught.start() and (not check.unit or _base(q.unit) == _base(check.unit))
               and abs(q.value - check.expected) <= NEAR * check.expected for q in qs)


def _base(unit: str) -> str:
    """A unit without its period: the right bytes said "a day" ("five hundred gigabytes a day") are that step's bytes."""
    return unit.split("/", 1)[0]


def standing(checks: Sequence[Check], qs: Sequence[Quantity], text: str) -> list[Check]:
    """The checks less the slips the candidate caught and corrected."""
    return [c for c in checks if not corrected(c, qs, text)]
