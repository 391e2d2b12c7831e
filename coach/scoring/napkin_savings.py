"""Napkin check on a saving worked out from the answer's own figures before and after:

  saving   two rates over the same period (before, then after), then a saving claimed over a period ("The API was
           costing us about eighty thousand dollars a month, and after the switch our serving bill was about eight
           thousand a month, so we saved roughly ninety thousand dollars a year"): the claim must be their
           difference scaled to its period (72,000 a month is about 864,000 a year), within half again either way.
The claiming words ("saved", "cut", "reduction") are data (rubrics/answer_words.toml `[savings]`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from coach.content.answer_words import word_list
from coach.scoring.napkin_judge import STEPS, Check, _sig
from coach.scoring.numbers import find_numbers
from coach.scoring.text import fmt_num, folded_search

RULE = "saving"
TOLERANCE = 1.5          # a claim within half again of the difference is a fair rounding
_DAYS = {"day": 1.0, "week": 7.0, "month": 365 / 12, "quarter": 365 / 4, "year": 365.0}
_PERIOD = re.compile(r"^\s*(?:[a-z$]+\s+){0,2}?(?:a|an|per|each|every)\s+(day|week|month|quarter|year)\b", re.IGNORECASE)
_NEAR = 60               # characters: the claim word comes this close before the figure it claims


@dataclass(frozen=True)
class _Rate:
    value: float
    period: str
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
            period = m.group(1).lower()
            out.append(_Rate(n.value, period, _DAYS[period], n.start, end, text[n.start:end]))
    return out


def check(text: str) -> list[Check]:
    """A check of every saving claimed after a rate before and a lower rate after over the same period."""
    if not folded_search(_claim_words(), text):
        return []
    rates = _rates(text)
    out = []
    for k in range(2, len(rates)):
        claim, before, after = rates[k], rates[k - 2], rates[k - 1]
        said = text[max(after.end, claim.start - _NEAR):claim.start]
        if not _claim_words().search(said) or before.days != after.days or before.value <= after.value:
            continue
        scale = claim.days / before.days
        expected = (before.value - after.value) * scale
        how = f"({fmt_num(before.value)} − {fmt_num(after.value)}) a {before.period}" + \
            (f" × {scale:.3g}" if abs(scale - 1) > 1e-9 else "")
        ok = expected / TOLERANCE <= claim.value <= expected * TOLERANCE
        if ok:
            message = f'{how} ≈ {fmt_num(expected)}; "{claim.text}" checks out'
        else:
            off = max(claim.value / expected, expected / claim.value)
            times = f"{off:.1f}" if off < 10 else f"{off:.0f}"
            message = f'"{claim.text}" is off by {times}x at the step "{STEPS[RULE]}": {how} ≈ {fmt_num(expected)}'
        out.append(Check(ok, message, _sig(claim.value), _sig(expected), RULE, "", claim.start, claimed=claim.text,
                         inputs=how))
    return out
