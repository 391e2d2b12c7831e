"""A saving worked out wrong from the candidate's own before and after figures: the follow-up asks them to redo it.

"The API was costing us about eighty thousand dollars a month, and after the switch our serving bill was
about eight thousand a month, so we saved roughly ninety thousand dollars a year": the saving is 72,000 a
month, about 860,000 a year, and a strong interviewer stops on it. Two rates over the same period (before,
after), then a saving claimed over a period: the claim must be their difference, scaled to its period,
within half again either way. The claiming words are data (prompts/followup_words.toml `[savings]`). Pure.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from coach.followups.words import word_list
from coach.scoring.gaps import Gap
from coach.scoring.numbers import find_numbers
from coach.scoring.scorecard import Scorecard

SEVERITY = 0.9          # as the scorer's own wrong figure
TOLERANCE = 1.5         # a claim within half again of the difference is a fair rounding
_DAYS = {"day": 1.0, "week": 7.0, "month": 365 / 12, "quarter": 365 / 4, "year": 365.0}
_PERIOD = re.compile(r"^\s*(?:[a-z$]+\s+){0,2}?(?:a|an|per|each|every)\s+(day|week|month|quarter|year)\b", re.IGNORECASE)
_NEAR = 60              # characters: the claim word comes this close before the figure it claims


@dataclass(frozen=True)
class _Rate:
    value: float
    days: float
    start: int
    end: int
    text: str


@lru_cache(maxsize=1)
def _claim_words() -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(map(re.escape, word_list("savings", "claims"))) + r")\b", re.IGNORECASE)


def _rates(text: str) -> list[_Rate]:
    """Every figure said over a period ("eighty thousand dollars a month"), in order."""
    out = []
    for n in find_numbers(text):
        m = _PERIOD.match(text[n.end:n.end + 30])
        if m and n.value > 0:
            end = n.end + m.end()
            out.append(_Rate(n.value, _DAYS[m.group(1).lower()], n.start, end, text[n.start:end]))
    return out


def wrong_saving(text: str) -> tuple[str, float] | None:
    """The saving claimed and what its own before and after figures give, when they disagree; else None."""
    rates = _rates(text)
    for k in range(2, len(rates)):
        claim, before, after = rates[k], rates[k - 2], rates[k - 1]
        said = text[max(after.end, claim.start - _NEAR):claim.start]
        if not _claim_words().search(said) or before.days != after.days or before.value <= after.value:
            continue
        expected = (before.value - after.value) * claim.days / before.days
        if not expected / TOLERANCE <= claim.value <= expected * TOLERANCE:
            return claim.text, expected
    return None


def saving_gap(card: Scorecard) -> Gap | None:
    """The bad_math gap of a saving worked out wrong in the answer (the card's sentences), unless the scorer
    found a wrong figure already."""
    if any(g.id in ("bad_math", "non_answer", "off_topic") for g in card.gaps):
        return None
    found = wrong_saving(" ".join(card.star.sentences))
    if found is None:
        return None
    claim, expected = found
    return Gap("bad_math", SEVERITY, f'"{claim}" does not follow from the figures before and after: '
                                     f'their difference comes to about {expected:,.0f} over that period')
