"""Napkin math: a day's total concentrated in a busy window ("thirty percent of the orders come in the two dinner
hours, so 900,000 in 7,200 seconds, about 125 a second").

An interviewer follows that chain as a peak: the rate is the window's share of the day over the window's seconds,
not the day's total over 86,400. The share is a percent or a plain fraction ("a quarter of them"); without one, a
count said just before the window ("375,000 orders over 7,200 seconds") is what the window divides.
"""
from __future__ import annotations

import re
from typing import Any, Callable

from coach.scoring.numbers import find_numbers
from coach.scoring.sizing import Quantity
from coach.scoring.text import fmt_num

_FRACTIONS = {"half": 0.5, "a third": 1 / 3, "one third": 1 / 3, "a quarter": 0.25, "one quarter": 0.25,
              "a fifth": 0.2, "one fifth": 0.2, "a tenth": 0.1, "one tenth": 0.1, "two thirds": 2 / 3,
              "three quarters": 0.75}
_FRACTION = re.compile(r"\b(?P<f>" + "|".join(sorted(_FRACTIONS, key=len, reverse=True)) + r")\s+of\b", re.I)
# the window's own words: "in the two dinner hours", "over 7,200 seconds", "a two-hour dinner peak"
_IN_WINDOW = re.compile(r"\b(?:in|over|within|during|across|into)\s+(?:the\s+|a\s+|an\s+|those\s+|its\s+)?[^.;]{0,30}$",
                        re.I)
_COUNT_BEFORE = re.compile(r"(?P<n>[\d,.]+(?:\s+(?:thousand|million|billion))?)\s+(?:[a-z]+\s+)?"
                           r"(?:in|over|within|across)\s+(?:the\s+)?$", re.I)
WINDOW_RANGE = (600.0, 6 * 3600.0)    # a busy stretch of the day: ten minutes to six hours


def busy_window(qs: list[Quantity], text: str, day: Quantity, rate: Quantity) -> tuple[float, str] | None:
    """The per-second rate a busy window gives, and how, when one is said between a day's total and its rate."""
    if day.period_s != 86400:
        return None
    window = next((w for w in reversed(qs) if w.kind == "duration" and day.start < w.start < rate.start
                   and WINDOW_RANGE[0] <= w.value <= WINDOW_RANGE[1]
                   and _IN_WINDOW.search(text[max(day.start, w.start - 40):w.start])), None)
    if window is None:
        return None
    between = text[day.start + len(day.text):window.start]
    share = next((p for p in qs if p.kind == "percent" and day.start < p.start < window.start and 0 < p.value < 100),
                 None)
    total = day.value * day.period_s
    if share is not None:
        return total * share.value / 100 / window.value, \
            f"{fmt_num(total)} × {share.text} ÷ {window.value:,.0f} s (the busy window said)"
    m = _FRACTION.search(between)
    if m:
        f = _FRACTIONS[m.group("f").lower()]
        return total * f / window.value, f"{fmt_num(total)} × {m.group('f')} ÷ {window.value:,.0f} s (the busy window said)"
    c = _COUNT_BEFORE.search(text[max(day.start, window.start - 60):window.start])
    nums = find_numbers(c.group("n")) if c else []
    if nums and 0 < nums[-1].value < total:
        return nums[-1].value / window.value, f"{fmt_num(nums[-1].value)} ÷ {window.value:,.0f} s (the busy window said)"
    return None


# what each user gets in a batch: "fifty million users each get forty candidate offers scored", "users with six
# candidates each"
_EACH_GETS = re.compile(r"^\s*(?:each|every one|all)\s+(?:get|gets|have|has|receive|receives|need|needs)\s+"
                        r"(?P<n>[\w,.-]+)\s+[a-z]|^\s*(?:with|getting|having)\s+(?P<n2>[\w,.-]+)\s+(?:[a-z-]+\s+){1,2}each\b",
                        re.I)
# or said before the users: "we score ten candidates for each of four hundred million users", "twenty offers per user"
_EACH_BEFORE = re.compile(r"^\s+(?:[a-z-]+\s+){1,2}(?:for|to)\s+(?:each|every)(?:\s+one)?(?:\s+of)?"
                          r"(?:\s+(?:the|our|its))?\s+$", re.I)


def _each_before(text: str, u: Quantity) -> float | None:
    """The items each user gets, said before the users ("ten candidates for each of 400 million users")."""
    lead = text[max(0, u.start - 60):u.start]
    nums = find_numbers(lead)
    if nums and _EACH_BEFORE.match(lead[nums[-1].end:]):
        return nums[-1].value
    return None


def per_user_in_window(qs: list[Quantity], text: str, judge: Callable[..., Any]) -> list[Any]:
    """A rate from the users, what each of them gets scored and the batch window, said in one sentence ("fifty
    million users each get forty candidate offers scored in the four-hour window of 14,400 seconds, so ... a
    second"): users × items each ÷ the window's seconds. Leaving the items per user out is the slip it catches."""
    out: list[Any] = []
    for u in qs:
        if u.kind != "users" or u.value < 2:
            continue
        m = _EACH_GETS.match(text[u.start + len(u.text):u.start + len(u.text) + 80])
        nums = find_numbers(m.group("n") or m.group("n2")) if m else []
        each = nums[0].value if nums else _each_before(text, u) if m is None else None
        if each is None or each < 2:
            continue
        rate = next((t for t in qs if t.start > u.start and t.sentence == u.sentence and t.kind == "throughput"
                     and t.period_s == 1 and not t.has("per_user") and not t.has("per_instance")), None)
        window = None if rate is None else next(
            (w for w in reversed(qs) if w.kind == "duration" and u.start < w.start < rate.start
             and WINDOW_RANGE[0] <= w.value <= 12 * 3600.0), None)
        if rate is None or window is None:
            continue
        how = f"{u.text} × {fmt_num(each)} each ÷ {window.value:,.0f} s (the window said)"
        out.append(judge("items_in_window", rate, u.value * each / window.value, how, []))
    return out
