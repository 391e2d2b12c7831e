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


# every request sent to all the shards: "every query is sent to all of them", "fans out to every shard", scatter-gather
_TO_ALL = re.compile(r"\b(?:to|hits?|queries|query|asks?|touch(?:es)?|reaches?|visits?)\s+(?:all|every one|each one)(?:\s+of)?"
                     r"\s+(?:them|the\s+(?:[\w-]+\s+)?(?:shards|partitions)|(?:[\w-]+\s+)?(?:shards|partitions))\b|"
                     r"\b(?:to|hits?|queries|asks?|touch(?:es)?)\s+every\s+(?:shard|partition)\b|"
                     r"\bscatter[- ]gather\b|\bbroadcast\w*\b", _F)
_PER_PART_BEFORE = re.compile(r"\b(?:each|every|per|a single|one)\s+(?:shard|partition)\b[^.;]{0,40}$", _F)


def sent_to_all(text: str, shards: Quantity) -> bool:
    """Is every request said to go to all the shards counted ("every query is sent to all of them", "hits every one
    of the 8 shards", scatter-gather), in the sentence of the count, with no route to one shard named?"""
    end = text.find(". ", shards.start)
    stop = len(text) if end < 0 else end
    begin = max(text.rfind(". ", 0, shards.start) + 1, shards.start - 40)
    return _TO_ALL.search(text, begin, stop) is not None and not _ROUTED_ONE.search(text, shards.start, stop)


def _to_every_shard(qs: list[Quantity], text: str, judge: Callable[..., Check | None]) -> list[Check | None]:
    """A request sent to every shard, then the request rate divided over the shards ("every query is sent to all
    twenty; 4,000 queries a second over twenty shards is 200 a second per shard"): when each query goes to all of
    them, each shard sees every query, so its rate is the whole rate. Dividing is right only for a partitioned
    route (one shard per request), which is what the answer said it is not."""
    out: list[Check | None] = []
    for shards in qs:
        if shards.kind != "compute" or shards.unit not in ("shards", "partitions") or shards.value < 2:
            continue
        if not sent_to_all(text, shards):
            continue
        base = next((q for q in qs if q.start > shards.start and q.kind == "throughput" and 0 < q.period_s <= 1
                     and q.sentence - shards.sentence <= 1 and not q.has("per_user") and not q.has("per_instance")), None)
        if base is None:
            continue
        for q in qs:
            if q.start <= base.start or q.sentence != base.sentence or q.kind != "throughput" or not 0 < q.period_s <= 1:
                continue
            if any(base.start < r.start < q.start and r.kind == "compute" and r.unit == "replicas" for r in qs):
                break       # a replica's share of a shard's load: another step
            if q.has("per_instance") or _PER_PART_BEFORE.search(text, max(base.start, q.start - 50), q.start):
                how = f"{fmt_num(base.value)}/s (every query goes to all {fmt_num(shards.value)} shards, so each shard " \
                      f"sees every query)"
                out.append(judge("fan_out", q, base.value, how, []))
            break
        break
    return out


# a route that sends a request to one shard only: no broadcast
_ROUTED_ONE = re.compile(r"\b(?:routed|routes|hash(?:ed|es)? to|only one|a single shard|one shard)\b", _F)


def check(qs: list[Quantity], text: str, judge: Callable[..., Check | None]) -> list[Check | None]:
    out: list[Check | None] = list(_to_every_shard(qs, text, judge))
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
