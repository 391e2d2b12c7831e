"""Napkin math: replicas in a read fan-out. "Three thousand queries a second hit sixteen shards of three replicas
each, so the shards see 3,000 x 16 x 3, 144,000 a second": a read goes to one replica of each shard, so the shards
together see the queries × the shards; the replicas share that load, they do not multiply it. (A write goes to every
replica, so a sentence about writes is left alone.) The check judges a rate said after the request rate, the shards
and the replicas, in one sentence, only when it is the product with the replicas multiplied in."""
from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from coach.scoring.sizing import Quantity
from coach.scoring.text import fmt_num

if TYPE_CHECKING:
    from coach.scoring.napkin import Check

_F = re.IGNORECASE
_WRITES = re.compile(r"\b(?:writes?|written|writing|ingest\w*|updates?|upserts?|inserts?|replicat\w+ (?:every|each) "
                     r"(?:write|update))\b", _F)


def _count(q: Quantity, unit: str) -> bool:
    return q.kind == "compute" and q.unit == unit and q.value >= 2 and not q.has("per_instance")


def check(qs: list[Quantity], text: str, judge: Callable[..., Check | None]) -> list[Check | None]:
    out: list[Check | None] = []
    for shards in qs:
        if not _count(shards, "shards"):
            continue
        same = [q for q in qs if q.sentence == shards.sentence]
        replicas = next((q for q in same if _count(q, "replicas") and q.start > shards.start), None)
        base = next((q for q in reversed(same) if q.start < shards.start and q.kind == "throughput"
                     and 0 < q.period_s <= 1 and not q.has("per_user") and not q.has("per_instance")), None)
        if replicas is None or base is None:
            continue
        end = text.find(". ", shards.start)
        if _WRITES.search(text, base.start, len(text) if end < 0 else end):
            continue
        read = base.value * shards.value
        for q in same:
            if q.start > replicas.start and q.kind == "throughput" and 0 < q.period_s <= 1 and \
                    not q.has("per_instance") and abs(q.value - read * replicas.value) <= 0.1 * read * replicas.value:
                how = (f"{fmt_num(base.value)}/s × {fmt_num(shards.value)} shards (a read goes to one of the "
                       f"{fmt_num(replicas.value)} replicas of each)")
                out.append(judge("fan_out", q, read, how, []))
                break
    return out
