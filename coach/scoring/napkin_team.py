"""Napkin math for work shared by a team: the time = items ÷ (people × what each one does per period). "We have
twenty labellers and each one boxes three hundred images an hour ... the two hundred thousand images take about
33 hours." Dropping the head count (the team's rate taken as one person's) makes the time as many times too long."""
from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from coach.scoring.numbers import find_numbers
from coach.scoring.sizing import Quantity
from coach.scoring.text import fmt_num, human

if TYPE_CHECKING:
    from coach.scoring.napkin import Check

_F = re.IGNORECASE
# the people, then what each of them does: "twenty labellers and each one", "12 annotators, each of them"
_HEADS = re.compile(r"^\s+(?:[a-z-]+\s+)?(?P<who>[a-z]{3,}s)\b\s*(?:,\s*|and\s+|who\s+)?(?:each|every one)\b", _F)
_WORKING = re.compile(r"\b(?:working|business|shift|office)\b|\bhours? a day\b", _F)


def check(qs: list[Quantity], text: str, judge: Callable[..., Check | None]) -> list[Check | None]:
    if "each" not in text.lower():
        return []          # (cheap to rule out: this runs on every answer)
    out: list[Check | None] = []
    nums = find_numbers(text)
    for each in qs:
        if each.kind != "throughput" or not each.has("per_user") or each.value <= 0:
            continue
        start = max(text.rfind(". ", 0, each.start), -1) + 1
        heads = [n for n in nums if start <= n.start < each.start and n.value >= 2 and _HEADS.match(text[n.end:each.start])]
        if not heads:
            continue
        people = heads[-1].value
        end = text.find(". ", each.start)
        stop = len(text) if end < 0 else end
        # the work: a count of the things each person does ("forty claims an hour ... the 30,000 claims")
        noun = re.search(r"\b([a-z]{3,}s)\s+(?:an?|per|each|every)\s+(?:hour|day|minute|week|second)\b", each.text, _F)
        items = next((q for q in qs if each.start < q.start < stop and q.kind == "dataset"), None) or next(
            (Quantity(text[n.start:n.end], n.value, "items", "dataset", n.value, start=n.start) for n in nums
             if each.start + len(each.text) < n.start < stop and noun
             and re.match(rf"\s+(?:[a-z-]+\s+)?{noun.group(1)}\b", text[n.end:n.end + 40], _F)), None)
        took = next((q for q in qs if items is not None and items.start < q.start < stop and q.kind == "duration"), None)
        if items is None or took is None or _WORKING.search(text[start:took.start]) and took.value >= 86400 or \
                _WORKING.search(text[took.start:took.start + len(took.text) + 12]):
            continue
        if find_numbers(text[items.start + len(items.text):took.start]):
            continue             # another figure between the items and the time: a step this rule does not know
        team = people * each.value
        how = f"{fmt_num(items.value)} ÷ ({fmt_num(people)} people × {fmt_num(each.value * each.period_s)} " \
              f"{'an hour' if each.period_s == 3600 else 'a day' if each.period_s == 86400 else human(each.period_s, 's')} each)"
        out.append(judge("capacity", took, items.value / team, how, [], "s"))
    return out
