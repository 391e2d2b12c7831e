"""Napkin math: a size after the compression the answer says it applies ("raw logs are 10 TB a day and zstd gets
about 10x, so we land a terabyte a day in S3").

  compressed   the size ÷ the compression ratio said. Keeping the raw size, or multiplying by the ratio, is the slip
               this catches.
The raw size, the ratio and the compressed size are said in that order within two sentences, the compressed size
said as derived and of the same kind (a size a day after a size a day); with one ratio said between them and no
other size or multiplier (replicas, days) that would make it another product.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from coach.scoring.napkin_judge import Check
from coach.scoring.numbers import find_numbers
from coach.scoring.sizing import Quantity, factors
from coach.scoring.text import fmt_num, human

_F = re.IGNORECASE
_COMPRESS = re.compile(r"\b(?:compress\w*|zstd|gzip|snappy|lz4|brotli)\b", _F)
# a ratio said "5 to 1" or "5:1", which the factor reader does not take
_TO_ONE = re.compile(r"\b(?P<n>[\w.]+)\s*(?:to|:)\s*(?:1|one)\b", _F)
_DERIVED = re.compile(r"\b(?:so|that'?s|that is|which is|leaves?|leaving|comes? to|down to|to about|to roughly|"
                      r"we (?:land|store|write|keep|ship|send)|lands?|ends? up (?:as|at))\b[^.;\d]{0,30}$", _F)
_OTHER_FACTOR = re.compile(r"\b(?:replica\w*|copies|replicat\w*|days?|weeks?|months?|years?|retention)\b", _F)


def _ratio(between: str) -> float | None:
    said = [f for f in factors(between) if 1.5 <= f <= 100]
    for m in _TO_ONE.finditer(between):
        nums = find_numbers(m.group("n"))
        if nums and 1.5 <= nums[0].value <= 100:
            said.append(nums[0].value)
    return said[0] if len(set(said)) == 1 else None


def check(qs: list[Quantity], text: str, judge: Callable[..., Check | None]) -> list[Check | None]:
    out: list[Check | None] = []
    sizes = [q for q in qs if q.kind == "storage" and not q.has("per_param")]
    for raw, small in zip(sizes, sizes[1:]):
        if small.sentence - raw.sentence > 1 or raw.value <= 0 or raw.has("rate") != small.has("rate") or \
                raw.period_s != small.period_s or raw.has("per_item") != small.has("per_item"):
            continue
        between = text[raw.start + len(raw.text):small.start]
        squeeze = _COMPRESS.search(between)
        if squeeze is None or _OTHER_FACTOR.search(between) or \
                any(raw.start + len(raw.text) <= q.start < small.start for q in qs if q.kind != "factor") or \
                not _DERIVED.search(text, max(squeeze.end(), small.start - 40), small.start):
            continue
        ratio = _ratio(between)
        if ratio is None:
            continue
        how = f"{human(raw.value, 'B')} ÷ {fmt_num(ratio)} (the compression said)"
        out.append(judge("compressed", small, raw.value / ratio, how, [], small.unit, small.value))
    return out
