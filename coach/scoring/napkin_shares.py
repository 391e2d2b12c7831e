"""Napkin math: the share of a load that gets past a cache or a filter.

  cache_share   a rate, then the share a cache (or a filter) takes off it, then the rate that is left: what reaches
                the model is the rate × (1 − the share taken) ("10,000 a second and the cache answers eighty percent
                of them, so 2,000 a second reach the model"). Taking the share answered for the share left is the
                slip this catches. All three said in one sentence, in that order.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from coach.scoring.napkin_judge import Check
from coach.scoring.sizing import Quantity
from coach.scoring.text import fmt_num

_F = re.IGNORECASE
# the share the cache takes: "the cache answers eighty percent of them", "an 80% hit rate", "a filter drops 90%"
_TAKEN_BEFORE = re.compile(r"\b(?:cache|filter|dedup\w*)\s+(?:\w+\s+){0,2}?(?:answers|serves|absorbs|catches|handles|"
                           r"takes|drops|removes|hits)\s+(?:about\s+|roughly\s+|around\s+)?$", _F)
_HIT_RATE_AFTER = re.compile(r"\s*(?:cache\s+)?hit(?:\s+rate|\s+ratio)?\b", _F)
# the rate left: "so 8,000 a second reach the model", "leaving 2,000 a second for the backend"
_LEFT_AFTER = re.compile(r"\s*(?:\w+\s+){0,2}?(?:reach|get to|go to|go on to|fall through to|miss|pass(?: through)? to|"
                         r"make it to|are left for|land on)\b", _F)


def check(qs: list[Quantity], text: str, judge: Callable[..., Check | None]) -> list[Check | None]:
    out: list[Check | None] = []
    for i, p in enumerate(qs):
        if p.kind != "percent" or not 0 < p.value < 100:
            continue
        taken = _TAKEN_BEFORE.search(text, max(0, p.start - 60), p.start) or \
            _HIT_RATE_AFTER.match(text, p.start + len(p.text))
        if not taken:
            continue
        load = next((q for q in reversed(qs[:i]) if q.kind == "throughput" and q.sentence == p.sentence), None)
        left = next((q for q in qs[i + 1:] if q.kind == "throughput" and q.sentence == p.sentence
                     and _LEFT_AFTER.match(text, q.start + len(q.text))), None)
        if load is None or left is None:
            continue
        how = f"{fmt_num(load.value)}/s × (1 − {p.value:g}% taken by the cache)"
        out.append(judge("cache_share", left, load.value * (1 - p.value / 100), how, []))
    return out
