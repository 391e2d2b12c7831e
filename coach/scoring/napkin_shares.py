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
_TAKEN_BEFORE = re.compile(r"\b(?:cache|filter|dedup\w*)\s+(?:\w+\s+){0,6}?(?:answers|serves|absorbs|catches|handles|"
                           r"takes|drops|removes|hits)\s+(?:about\s+|roughly\s+|around\s+)?$", _F)
_HIT_RATE_AFTER = re.compile(r"\s*(?:cache\s+)?hit(?:\s+rate|\s+ratio)?\b", _F)
# the rate left: "so 8,000 a second reach the model", "leaving 2,000 a second for the backend"
_LEFT_AFTER = re.compile(r"\s*(?:\w+\s+){0,2}?(?:reach|get to|go to|go on to|fall through to|miss|pass(?: through)? to|"
                         r"make it to|are left for|land on)\b", _F)


# the rate left named before it: "so the misses are ... 2,000 a second", "what is left, 800 a second"
_LEFT_BEFORE = re.compile(r"\b(?:the\s+)?(?:misses|cache misses|rest|remainder|remaining\s+\w+|what(?:'s| is) left|leftover"
                          r"|left\s?over)\b[^.;]{0,45}$", _F)
_OF_THE = re.compile(r"^\s*of\s+(?:the|our|all|all the)?\s*$", _F)


def left_loads(qs: list[Quantity], text: str) -> list[tuple[Quantity, Quantity, Quantity]]:
    """(load, share the cache takes, rate said to be left), each said in one sentence."""
    out: list[tuple[Quantity, Quantity, Quantity]] = []
    for i, p in enumerate(qs):
        if p.kind != "percent" or not 0 < p.value < 100:
            continue
        taken = _TAKEN_BEFORE.search(text, max(0, p.start - 60), p.start) or \
            _HIT_RATE_AFTER.match(text, p.start + len(p.text))
        if not taken:
            continue
        load = next((q for q in reversed(qs[:i]) if q.kind == "throughput" and q.sentence == p.sentence), None)
        nxt = qs[i + 1] if i + 1 < len(qs) else None
        if nxt is not None and nxt.kind == "throughput" and _OF_THE.match(text[p.start + len(p.text):nxt.start]):
            load = nxt         # "the cache hits ninety-five percent of the 40,000 requests a second"
        if load is None:
            continue
        left = next((q for q in qs[i + 1:] if q.kind == "throughput" and q.sentence == p.sentence and q is not load
                     and q.start > load.start and not q.has("per_instance") and (
                         _LEFT_AFTER.match(text, q.start + len(q.text)) or
                         _LEFT_BEFORE.search(text, max(load.start + len(load.text), q.start - 60), q.start))), None)
        if left is not None:
            out.append((load, p, left))
    return out


def check(qs: list[Quantity], text: str, judge: Callable[..., Check | None]) -> list[Check | None]:
    out: list[Check | None] = []
    for load, p, left in left_loads(qs, text):
        how = f"{fmt_num(load.value)}/s × (1 − {p.value:g}% taken by the cache)"
        out.append(judge("cache_share", left, load.value * (1 - p.value / 100), how, []))
    return out
