"""A product linked by "each": "800 queries a second, and the ranker scores 150 sofas for each, so about 120,000
scores a second"; "600 streams at 3 megabits a second each, so 225 megabytes a second"; "256 GPUs at 4e14 each
gives 1e17". Every operand after the first is tied to the one before by "each", "for each", "apiece" or "per
<thing>", the result follows "so", "which is", "gives" or "comes to", and the product is recomputed in base units
(bits are divided by 8) and judged within the napkin tolerance. A clause that shares out rather than multiplies
("per replica", "over", "divided", a percentage, peak or headroom) is left to the rules that read those."""
from __future__ import annotations

import bisect
import math
import re
from collections.abc import Callable

from coach.scoring.napkin_judge import Check
from coach.scoring.numbers import NumberSpan, find_numbers
from coach.scoring.sizing import Quantity

_F = re.IGNORECASE
_SENTENCE = re.compile(r"[^.!?;]+(?:\.(?=\d)[^.!?;]*)*")        # a decimal point does not end it
_RESULT = re.compile(r"\b(?:so(?: about| roughly| around)?|which is|that's|that is|gives|giving|comes to|"
                     r"for a total of)\b", _F)
_CLAUSE = re.compile(r",\s*and\b|:|\bthen\b", _F)
_LINK_AFTER = re.compile(r"^[^,]*?\b(?:each|apiece|a piece|for each|for every|per (?:request|query|search|call|page|"
                         r"user|visit|item|stream|message|event|one))\b", _F)
_LINK_BEFORE = re.compile(r"\b(?:each|every)\s+(?:[a-z'-]+\s+){0,3}$", _F)     # "and each widget hits 3"
_EACH_OF = re.compile(r"^\W*(?:each|every one) of (?:the |our |these )?$", _F)
_SHARES = re.compile(r"\b(?:per (?:replica|instance|server|node|host|machine|pod|box|worker|shard|core|gpu|card)|divid\w*|"
                     r"over|percent|peak|headroom|half|double|twice|times|multiplied|average|minus|plus|out of|"
                     r"hit rate|cache|ratio|of which|only|a day|a month|a year|per day|per month)\b|%|×|\bx\b", _F)
_DIMS = {"/s": ("rate",), "B": ("bytes",), "B/s": ("bytes", "rate")}
_COUNTS = ("", "items", "GPUs", "users", "params")


def check(qs: list[Quantity], text: str, judge: Callable[..., Check | None], tol: float) -> list[Check | None]:
    out: list[Check | None] = []
    nums = find_numbers(text)
    starts = [n.start for n in nums]
    sentences = [(s.start(), s.end()) for s in _SENTENCE.finditer(text)]
    seen = set()
    for m in _RESULT.finditer(text):           # the first "so" of each sentence
        i = bisect.bisect_right(sentences, (m.start(), len(text))) - 1
        if i < 0 or i in seen:
            continue
        seen.add(i)
        first, last = sentences[i]
        k = bisect.bisect_left(starts, m.end())
        result = nums[k] if k < len(nums) and nums[k].start < min(m.end() + 30, last) else None
        if result is None:
            continue
        clause_at = [c.end() for c in _CLAUSE.finditer(text, first, m.start())]
        for start in [first] + clause_at[-1:]:
            operands = [n for n in nums[bisect.bisect_left(starts, start):k] if n.end <= m.start()]
            if 2 <= len(operands) <= 3 and _linked(text, start, operands):
                out.append(_judged(operands, result, qs, text, judge, tol))
                break
    return out


def _linked(text: str, start: int, operands: list[NumberSpan]) -> bool:
    gaps = [text[start:operands[0].start]] + [text[a.end:b.start] for a, b in zip(operands, operands[1:])]
    if any(_SHARES.search(g) for g in gaps[1:]) or _SHARES.search(text[operands[-1].end:operands[-1].end + 40]
                                                                    .split(",")[0]):
        return False
    for k, n in enumerate(operands[1:], start=1):
        after = text[n.end:operands[k + 1].start] if k + 1 < len(operands) else text[n.end:n.end + 50]
        tied = (_LINK_AFTER.match(after.split(" and ")[0]) or _LINK_BEFORE.search(gaps[k])
                or (k == 1 and _EACH_OF.match(gaps[0])))
        if not tied:
            return False
    return True


def _quantity(n: NumberSpan, qs: list[Quantity]) -> Quantity | None:
    return next((q for q in qs if q.start <= n.start < q.start + len(q.text)), None)


def _count_per_period(r: Quantity | None, units: list[str]) -> Quantity | None:
    """Counts multiplied and the product said per period ("200,000 daily users, ten requests each, that's two billion
    requests a day"): the period is the counts' own, so the product is the count said in it (two billion), not
    that count spread over the period's seconds."""
    if r is None or r.unit != "/s" or r.period_s <= 1 or any(u in _DIMS for u in units):
        return r
    count = r.value * r.period_s
    return Quantity(text=r.text, value=count, unit="", kind="count", raw=count, start=r.start)


def _judged(operands: list[NumberSpan], result: NumberSpan, qs: list[Quantity], text: str,
            judge: Callable[..., Check | None], tol: float) -> Check | None:
    units = [q.unit if (q := _quantity(n, qs)) is not None else "" for n in operands]
    if any(u not in _COUNTS and u not in _DIMS for u in units):
        return None                     # a time, a price or a share: not a count multiplied out
    r = _quantity(result, qs)
    if r is None and not any(u in _DIMS for u in units):       # "256 GPUs at 4e14 each gives 4e17": counts only
        r = Quantity(text=result.text, value=result.value, unit="", kind="count", raw=result.value,
                     start=result.start)
    r = _count_per_period(r, units)
    if r is None or result.value <= 0 or r.unit not in ("/s", "B/s", "B", "items", ""):
        return None
    dims = sorted(d for u in units for d in _DIMS.get(u, ()))
    if dims != sorted(_DIMS.get(r.unit, ())):
        return None                     # a product of two rates, or a rate said as a total: not a plain fan-out
    values = [q.value if (q := _quantity(n, qs)) is not None else n.value for n in operands]
    if r.value <= max(values):
        return None                     # no more than an operand: a count said beside them, not their product
    base = math.prod(values)
    said = math.prod(n.value for n in operands) * (r.value / result.value)
    if base <= 0 or any(1 / tol <= r.value / x <= tol for x in (base, said)):
        return None
    rule = {"/s": "fan_out", "B/s": "bandwidth", "B": "storage"}.get(r.unit, "arithmetic")
    how = " × ".join(n.text for n in operands)
    if any("bit" in (q.text if (q := _quantity(n, qs)) else "") for n in operands):
        how += " (8 bits a byte)"
    return judge(rule, r, base, how, [], tol=tol)
