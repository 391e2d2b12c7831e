"""Napkin math: a memory sharded over devices. "320 GB of weights, gradients and Adam state, sharded with ZeRO-3 over
eight nodes of eight GPUs, about 625 MB a GPU": splitting a memory over N devices leaves the total ÷ N on each, and N
is every device in the job (nodes × GPUs a node), not the GPUs of one node again. The check judges a size said per
GPU (or per card, device, rank) after a total and the devices it is split over, in a sentence that says it is split."""
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
_SPLIT = re.compile(r"\b(?:shard\w*|split\w*|spread\w*|partition\w*|divided|zero[- ]?[123]?|fsdp)\b", _F)
_SPLIT_WORDS = ("shard", "split", "spread", "partition", "divided", "zero", "fsdp")     # what _SPLIT needs
_PER_DEVICE = re.compile(r"\s*(?:a|per|each|on each|for each|on every)\s+(?:gpu|card|device|accelerator|chip|rank)\b",
                         _F)
_DEVICES = frozenset({"GPUs", "cards", "accelerators", "TPUs"})
_OVER_N = re.compile(r"\b(?:shard\w*|split\w*|spread\w*|partition\w*|divided)\s+(?:\w+\s+)?(?:over|across|between|among|"
                     r"into)\s+(?P<n>[\w-]+)\b(?!\s+(?:nodes?|machines?|servers?|hosts?|shards?|parts?|pieces?|ways?)\b)", _F)
# the nodes said with the devices in each: "eight nodes of eight GPUs", "4 nodes with 8 GPUs each", "16 nodes x 8 GPUs"
_NODES_OF = re.compile(r"^\s*(?:of|with|x|×|times|each with)\s+$", _F)


def _devices(qs: list[Quantity], text: str, lo: int, hi: int) -> tuple[float, str] | None:
    """Every device said between `lo` and `hi`: the first device count, times the nodes said right before it."""
    for k, q in enumerate(qs):
        if not lo < q.start < hi or q.kind != "compute" or q.unit not in _DEVICES or q.value < 2:
            continue
        node = qs[k - 1] if k else None
        if node is not None and node.kind == "compute" and node.unit == "nodes" and lo < node.start and \
                _NODES_OF.match(text[node.start + len(node.text):q.start]):
            return node.value * q.value, f"{fmt_num(node.value)} nodes × {fmt_num(q.value)} {q.unit}"
        if not q.has("per_instance"):      # (the GPUs of each node, said without the nodes, are not the job's)
            return q.value, f"{fmt_num(q.value)} {q.unit}"
    for m in _OVER_N.finditer(text, lo, hi):         # "fully sharded over eight": the devices left unnamed
        nums = find_numbers(m.group("n"))
        if nums and nums[0].value >= 2 and nums[0].text == m.group("n"):
            return nums[0].value, f"{fmt_num(nums[0].value)} devices"
    return None


def check(qs: list[Quantity], text: str, judge: Callable[..., Check | None]) -> list[Check | None]:
    low = text.lower()
    if not any(w in low for w in _SPLIT_WORDS) or not _SPLIT.search(text):
        return []          # (cheap to rule out: this runs on every answer)
    out: list[Check | None] = []
    for share in qs:
        if share.kind != "storage" or share.has("rate") or not _PER_DEVICE.match(text, share.start + len(share.text)):
            continue
        totals = [t for t in qs if t.start < share.start and t.kind == "storage" and share.sentence - t.sentence <= 1
                  and not t.has("rate") and not t.has("per_item") and not t.has("per_param")
                  and not t.has("per_instance") and t.value > share.value
                  and not _PER_DEVICE.match(text, t.start + len(t.text))]
        if not totals:
            continue
        total = max(totals, key=lambda t: t.value)
        end = text.find(". ", share.start)
        stop = len(text) if end < 0 else end      # (or said after the share: "4 GB a GPU once sharded over eight")
        devices = _devices(qs, text, total.start, share.start) or _devices(qs, text, share.start, stop)
        if devices is None or not _SPLIT.search(text, total.start, stop):
            continue
        n, said = devices
        how = f"{human(total.value, 'B')} ÷ ({said})"
        out.append(judge("sharded_memory", share, total.value / n, how, []))
    return out
