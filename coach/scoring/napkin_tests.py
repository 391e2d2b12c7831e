"""Napkin check on an experiment's length: how long an A/B test must run for the sample it needs.

  test_duration   days = required sample per arm / (daily traffic / arms); with the sample said in
                  total, days = sample / daily traffic. Needs all three said out loud: the sample
                  ("four million users per arm"), the daily traffic ("200,000 users a day") and the length.
The number of arms is the one said ("three variants"), else two (control and treatment); traffic said
per arm ("100,000 a day in each arm") is not split again.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from coach.scoring.numbers import find_numbers
from coach.scoring.sizing import Quantity
from coach.scoring.text import fmt_num, folded_search

if TYPE_CHECKING:
    from coach.scoring.napkin import Check

_F = re.IGNORECASE
_EXPERIMENT = re.compile(r"\b(?:a/?b\b|experiment|split test|control|treatment|variant|arm|bucket|power|"
                         r"detectable effect|significan)", _F)
_ARM = r"(?:arm|variant|group|bucket|side|cell)"
_PER_ARM = re.compile(rf"^[^.;]{{0,25}}?\b(?:per|each|in each|for each|a|in every)\s+{_ARM}\b", _F)
_TOTAL = re.compile(r"^[^.;]{0,25}?\b(?:in total|total|overall|across (?:both|all) (?:arms|variants|groups))\b", _F)
_DAILY = re.compile(r"^[^.;]{0,40}?\b(?:a|per|each|every) day\b|^[^.;]{0,40}?\bdaily\b", _F)
_ARMS = re.compile(rf"(?P<n>\w+)\s+(?:{_ARM}s|ways?)\b", _F)
_COUNTED = ("users", "dataset", "throughput")
_UNDER = re.compile(r"\b(?:well |comfortably |easily )?(?:under|below|within|inside|less than|at most|no more than|"
                    r"fewer than)\s+(?:about\s+|roughly\s+)?$", _F)


def _after(text: str, q: Quantity, n: int = 60) -> str:
    return text[q.start + len(q.text):q.start + len(q.text) + n]


def _arms(text: str) -> float:
    for m in _ARMS.finditer(text):
        nums = find_numbers(m.group("n"))
        if nums and 2 <= nums[0].value <= 10:
            return nums[0].value
    return 2.0


def check(qs: list[Quantity], text: str, judge: Callable[..., Check | None]) -> list[Check | None]:
    """`judge(rule, stated, expected, how, factors)` makes the Check (napkin._judge)."""
    if not folded_search(_EXPERIMENT, text):
        return []
    out: list[Check | None] = []
    samples = [q for q in qs if q.kind in _COUNTED and (_PER_ARM.match(_after(text, q)) or
                                                         (_TOTAL.match(_after(text, q)) and "sample" in text.lower()))]
    for n in samples:
        per_arm = bool(_PER_ARM.match(_after(text, n)))
        daily = next((q for q in qs if q.start > n.start and q.kind in _COUNTED and q is not n
                      and (q.period_s == 86400 or _DAILY.match(_after(text, q)))), None)
        if daily is None:
            continue
        length = next((q for q in qs if q.start > daily.start and q.kind == "duration" and q.sentence - daily.sentence <= 1), None)
        if length is None:
            continue
        per_day = daily.value * (daily.period_s if daily.kind == "throughput" and daily.period_s == 1 else 1)
        arms = 1.0 if _PER_ARM.match(_after(text, daily)) or not per_arm else _arms(text)
        days = n.value / (per_day / arms)
        how = f"{fmt_num(n.value)} per arm ÷ ({fmt_num(per_day)} a day ÷ {arms:g} arms)" if per_arm and arms > 1 else \
            f"{fmt_num(n.value)} ÷ {fmt_num(per_day)} a day"
        # a length said as a limit ("we'd have that in well under a day") holds when the sample's days fall within
        # it: the length is a bound, not the figure worked out
        need = days * 86400
        if _UNDER.search(text[max(0, length.start - 25):length.start]) and need <= length.value:
            out.append(judge("test_duration", length, need, how, [], ok=True))
        else:
            out.append(judge("test_duration", length, need, how, []))
        break
    return out
