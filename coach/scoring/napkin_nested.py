"""Napkin math: a nested fan-out multiplies. "Each request asks three sources, and every source asks all ten of its
shards": one request makes 3 × 10 calls, not 3 + 10. The check finds a count of things, then "each" or "every" of
that thing with a count of its own parts, and judges the calls said per request, or a second (the request rate said
before × both counts), after them."""
from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable

from coach.scoring.napkin_judge import Check
from coach.scoring.numbers import find_numbers
from coach.scoring.sizing import Quantity
from coach.scoring.text import fmt_num

_F = re.IGNORECASE
_PLURAL = re.compile(r"\s+(?:(?:[a-z]+)\s+)?(?P<noun>[a-z]{3,}s)\b", _F)
# the parts a route sends a request to only some of: no multiplying through them
_ROUTED = re.compile(r"\b(?:only|just|routed|routes|route|routing|one of|a single|partition key|hash(?:ed|es)? to)\b", _F)
_CALLS = r"(?:calls?|lookups?|requests?|queries|query|fetches|rpcs?|hits?|reads?)"
_RATE_AFTER = re.compile(r"\s*(?:a|per|/|each|every)\s*(?:second|sec|minute|min|hour|day)\b", _F)
_ROOT = re.compile(r"(?:requests|queries|searches|calls|users|sessions|visits|page views|views)", _F)
_PER_REQUEST = re.compile(rf"\s+(?:[a-z]+\s+)?{_CALLS}\s+(?:a|per|for each|for every|each)\s+(?:request|query|search|call)\b",
                          _F)


_EACH_OF = re.compile(r"\b(?:each|every)\s+(?:one of (?:the|those|these)\s+)?(?P<w>[a-z]{3,})\b", _F)


def _each_of(text: str, low: str) -> list[re.Match[str]]:
    """_EACH_OF's matches, tried only where "each" or "every" is said (a search of the whole answer is slow)."""
    out = []
    for word in ("each", "every"):
        i = low.find(word)
        while i >= 0:
            m = _EACH_OF.match(text, i) if i == 0 or not low[i - 1].isalpha() else None
            if m is not None:
                out.append(m)
            i = low.find(word, i + 1)
    return sorted(out, key=lambda m: m.start())


def check(qs: list[Quantity], text: str, judge: Callable[..., Check | None]) -> list[Check | None]:
    out: list[Check | None] = []
    low = text.lower()
    for each in _each_of(text, low):
        plural = each.group("w") + "s"
        back = text.rfind(plural, max(0, each.start() - 70), each.start())
        if back < 0:
            continue                  # no count of these things said just before: "each source" after "three sources"
        lo = max(0, back - 60)
        before = find_numbers(text[lo:back])
        if not before or back - (before[-1].end + lo) > 20:
            continue                  # no count right before them
        sent_end = text.find(". ", each.end())
        hi = len(text) if sent_end < 0 else sent_end
        nums = [dataclasses.replace(n, start=n.start + lo, end=n.end + lo) for n in find_numbers(text[lo:hi])]
        a = next((n for n in reversed(nums) if n.end <= back and back - n.end <= 20), None)
        outer = _PLURAL.match(text, a.end) if a is not None else None
        if a is None or outer is None or outer.group("noun").lower() != plural.lower() or not 2 <= a.value <= 1000 \
                or a.value != int(a.value) or _RATE_AFTER.match(text, outer.end()) or _ROOT.fullmatch(plural):
            continue          # "1,000 requests a second, each request ...": the requests are the root, not a level
        inner = next((b for b in nums if b.start > each.end() and b.start - each.end() <= 60
                      and 2 <= b.value <= 10000 and b.value == int(b.value) and _PLURAL.match(text, b.end)), None)
        if inner is None or _ROUTED.search(text, each.start(), inner.start):
            continue
        parts = _PLURAL.match(text, inner.end)
        assert parts is not None
        calls = a.value * inner.value
        sent_end = text.find(". ", parts.end())
        stop = len(text) if sent_end < 0 else sent_end
        if _ROUTED.search(text, parts.end(), stop):
            continue
        how = f"{fmt_num(a.value)} {outer.group('noun')} × {fmt_num(inner.value)} {parts.group('noun')} each"
        part = re.escape(parts.group("noun")[:-1])
        rate = next((q for q in reversed(qs) if q.start < a.start and q.kind == "throughput" and q.period_s == 1
                     and not q.has("per_instance") and a.start - q.start <= 200), None)
        for q in qs:
            if not parts.end() <= q.start < stop:
                continue
            if q.kind == "throughput" and q.period_s == 1 and rate is not None and q.value > rate.value and \
                    re.search(rf"\b(?:{part}|{_CALLS})", q.text, _F):
                out.append(judge("fan_out", q, rate.value * calls, f"{fmt_num(rate.value)}/s × {how}", [],
                                 unit="/s"))
        for n in nums:
            per = _PER_REQUEST.match(text, n.end) if parts.end() <= n.start < stop else None
            if per is not None and n.value != inner.value:
                said = Quantity(text[n.start:per.end()], n.value, "calls", "count", n.value, (), 0.0, n.start, -1)
                out.append(judge("fan_out", said, calls, how + " a request", [], unit="calls"))
    return out
