"""Napkin checks on two one-step derivations that need no domain constant:

  batch_rate   a rate from a batch and the time one batch takes: items per second = batch size ÷ seconds per
               batch ("chunks of 512, a chunk takes 40 ms, so about 12,800 records a second"). Needs the batch
               size said as a number after "batch(es)/chunk(s) of" or "batch size of", the time per batch, and the
               rate said after them, within two sentences.
  scale        halving, doubling or cutting by a fraction of a stated figure: the new figure or the change
               ("halving 120 ms" -> 60 ms either way; "cut by a third" of 90 ms -> 60 ms left, 30 ms cut). The base
               is the figure right after the scale word, else the last figure of the same kind before it; the
               figure checked is the first one of that kind said after the scale word in the same sentence.
  storage      (vectors) rows × dimensions × bytes per value ("a billion points with a hundred float32 dimensions each,
               about 400 GB"): the next size said within the same or the next sentence.
  per_person   a team's rate shared by its people ("forty pages a week, a rotation of eight engineers ... pages
               a month per engineer"): the rate said per engineer/person against the last team rate of the same
               thing before it, divided by the head count said between them (periods are normalised).
All are exact in their inputs, so the tolerance is napkin.EXACT_TOLERANCE unless the answer says it is a guess.
"""
from __future__ import annotations

import math
import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from coach.scoring.numbers import find_numbers
from coach.scoring.sizing import Quantity
from coach.scoring.text import fmt_num, folded_matches, human

if TYPE_CHECKING:
    from coach.scoring.napkin import Check

_F = re.IGNORECASE
_BATCH = r"(?:batch|chunk|micro-?batch|block|page)"
_BATCH_SIZE = re.compile(rf"\b(?:{_BATCH}e?s of|(?:a|one|each|every) (?:batch|chunk|micro-?batch) of|{_BATCH} size of|{_BATCH} size is|{_BATCH}e?s of size)\s+(?:about |"
                         r"roughly |around )?(?P<n>[^;,.]{1,40})", _F)
# the time one batch takes: "a chunk takes about forty milliseconds", "forty milliseconds per batch"
_PER_BATCH_BEFORE = re.compile(rf"\b(?:a|one|each|every|per|the)\s+{_BATCH}\s+(?:takes|took|runs in|needs|costs|is)\s+"
                               r"(?:about |roughly |around |under |maybe )?$", _F)
_PER_BATCH_AFTER = re.compile(rf"^\s*(?:(?:per|a|each|for (?:a|each|one))\s+{_BATCH}|to (?:run|score|process) "
                              rf"(?:a|one|each) {_BATCH})\b", _F)
# the time said with the batch itself: "a batch of sixteen sentences in 250 milliseconds"
_DONE_IN = re.compile(r"\b(?:in|within|taking|takes)\s+(?:about |roughly |around |under |just )?$", _F)
# (fraction of the base that is cut or added: the new figure is base × (1 - f) or base × (1 + f))
_SCALE = re.compile(r"\b(?P<w>halv(?:e|es|ed|ing)|cut(?:ting|s)? (?:it |that |this |the \w+ )?in half|"
                    r"doubl(?:e|es|ed|ing)|(?:cut|cuts|cutting|reduc(?:e|es|ed|ing)|trim(?:s|med|ming)?|lower(?:s|ed|ing)?)"
                    r" (?:it |that |this |the \w+(?: \w+)? )?by (?:a|one) (?P<f>third|quarter|fifth|tenth))\b", _F)
_FRACTION = {"third": 1 / 3, "quarter": 0.25, "fifth": 0.2, "tenth": 0.1}
# the thing a scale word doubles or halves, named after it without a figure ("double the size", "halve its cost")
_OWN_THING = re.compile(r"\s+(?:the|its|their|our|his|her|that|this) (?!(?:\d|one|two|three|four|five|six|seven|eight|nine|"
                        r"ten|hundred|thousand)\b)[a-z-]+", _F)


def _batch_size(text: str, at: int) -> float | None:
    nums = find_numbers(text[at:at + 40])
    return nums[0].value if nums and nums[0].start == 0 and nums[0].value >= 2 else None


# the time said before the batch it is for: "takes eighty milliseconds for a batch of sixty-four frames"
_FOR_BATCH = re.compile(r"^\s*(?:for|per|on|to (?:run|score|process))\s*$", _F)


def batch_rates(qs: list[Quantity], text: str) -> list[tuple[float, Quantity, Quantity]]:
    """Each batch said with the time it takes and the rate said after them: (batch size, time per batch, rate)."""
    out: list[tuple[float, Quantity, Quantity]] = []
    for m in folded_matches(_BATCH_SIZE, text):
        size = _batch_size(text, m.start("n"))
        if size is None:
            continue
        after = [q for q in qs if q.start > m.start()]
        per = next((q for q in after if q.kind in ("latency", "duration") and q.unit == "s" and q.value > 0 and (
            _PER_BATCH_BEFORE.search(text[max(0, q.start - 40):q.start]) or
            _PER_BATCH_AFTER.match(text[q.start + len(q.text):]) or
            q.start < m.end() and _DONE_IN.search(text, m.start("n"), q.start))), None)
        if per is None:
            per = next((q for q in reversed(qs) if q.start < m.start() and q.kind in ("latency", "duration")
                        and q.unit == "s" and q.value > 0 and _FOR_BATCH.match(text[q.start + len(q.text):m.start()])),
                       None)
        if per is None:
            continue
        rate = next((q for q in after if q.start > per.start and q.kind == "throughput" and q.unit == "/s"
                     and q.sentence - per.sentence <= 1), None)
        if rate is not None:
            out.append((size, per, rate))
    return out


def _batch_rate(qs: list[Quantity], text: str, judge: Callable[..., Check | None]) -> list[Check | None]:
    out: list[Check | None] = []
    for size, per, rate in batch_rates(qs, text):
        expected = size / per.value
        how = f"{fmt_num(size)} per batch ÷ {human(per.value, 's')} per batch"
        out.append(judge("batch_rate", rate, expected, how, []))      # (rates are per second once extracted)
    return out


_TIME_FRAME = re.compile(r"\b(?:within|in|over|inside|after|by|for)\s+(?:the\s+)?(?:next\s+|first\s+|about\s+|roughly\s+)?$",
                         re.IGNORECASE)


# another clause between the scale word and a "from": "halving pages per week or cutting the retrain from a week to
# a day" halves the pages; the week-to-a-day is a change of its own
_NEXT_CLAUSE = re.compile(r"[,;]|\b(?:or|and|but|while|then)\b", re.IGNORECASE)


# a reason said with the scale word: what the factor counts ("doubled for keys and values", "doubled to cover ...")
_FACTOR_REASON = re.compile(r"^\s*(?:for|to (?:cover|account for|count)|because (?:of|there are)|since there are)\b",
                            re.IGNORECASE)


def _factor_of_product(text: str, sentence_start: int, m: re.Match[str], new: float, said: float, tol: float) -> bool:
    """Whether the scale word is one factor of a product that goes on: two figures or more said before it in the
    sentence, and either what the factor counts said with it or the product of all of them giving the figure said."""
    nums = [n.value for n in find_numbers(text[sentence_start:m.start()]) if n.value > 0]
    if len(nums) < 2:
        return False
    if _FACTOR_REASON.match(text[m.end():m.end() + 30]):
        return True
    product = new * math.prod(nums)
    return 1 / tol <= said / product <= tol


_FROM_BEFORE = re.compile(r"\bfrom\s+(?:about\s+|roughly\s+|around\s+)?$", re.IGNORECASE)
_TO_BEFORE = re.compile(r"\b(?:to|down to|up to)\s+(?:about\s+|roughly\s+|around\s+)?$", re.IGNORECASE)


def _other_change(qs: list[Quantity], text: str, said: Quantity, base: Quantity) -> bool:
    """Whether `said` is an end of a "from X to Y" change whose start is not `base`: a change stated on its own."""
    if _FROM_BEFORE.search(text[max(0, said.start - 30):said.start]):
        return said is not base
    if _TO_BEFORE.search(text[max(0, said.start - 30):said.start]):
        start = next((q for q in reversed(qs) if q.start < said.start), None)
        return start is not None and start is not base and bool(
            _FROM_BEFORE.search(text[max(0, start.start - 30):start.start]))
    return False


# the figure said as what is left, not the change: "has to fit in sixty milliseconds", "down to 90 ms", "leaves 180"
_NEW_FIGURE = re.compile(r"\b(?:fit (?:in|into|within)|down to|leaves?|leaving|left with|becomes?|at most|"
                         r"budget of)\s+(?:about |roughly |around |just |only )?$", _F)


def _scale(qs: list[Quantity], text: str, judge: Callable[..., Check | None], tol: float) -> list[Check | None]:
    out: list[Check | None] = []
    for m in folded_matches(_SCALE, text):
        w = m.group("w").lower()
        if w.startswith("doubl"):
            new, change, name = 2.0, 1.0, "doubling"
        elif m.group("f"):
            f = _FRACTION[m.group("f").lower()]
            new, change, name = 1 - f, f, f"cutting by a {m.group('f').lower()}"
        else:
            new, change, name = 0.5, 0.5, "halving"
        sentence_end = text.find(".", m.end())
        sentence_end = len(text) if sentence_end < 0 else sentence_end
        sentence_start = text.rfind(".", 0, m.start()) + 1
        # the figure named with the scale word ("halving 120 ms", "cut the 90 ms by a third", "halved the p99
        # from 120 ms"), else the last one before it in the answer
        named = next((q for q in qs if m.start() <= q.start and q.start - m.end() <= 12), None)
        before = [q for q in qs if q.start + len(q.text) <= m.start()]
        if named is None and not any(q.start >= sentence_start for q in before):
            named = next((q for q in qs if m.end() <= q.start < sentence_end and text[m.end():q.start].strip()
                          .lower().endswith("from") and not _NEXT_CLAUSE.search(text[m.end():q.start])), None)
        base = named or (before[-1] if before else None)
        if base is None or base.value <= 0:
            continue
        if named is None and base.start < sentence_start and _OWN_THING.match(text, m.end()):
            continue     # "a rule against more than double the size": the thing doubled is named there, with no
            #              figure; the last figure of an earlier sentence ("three months of rejections") is not it
        later = [q for q in qs if q.start > max(m.end(), base.start) and q.start < sentence_end and q is not base]
        if not later or later[0].kind != base.kind or later[0].unit != base.unit:
            continue     # the next figure is of another thing ("halved the error rate to 2 percent"): not this base
        said = later[0]
        if _other_change(qs, text, said, base):
            continue     # "halving pages per week or taking the retrain from a week to a day": a change of its own
        if said.kind in ("duration", "latency") and _TIME_FRAME.search(text[max(0, said.start - 25):said.start]) \
                and not _NEW_FIGURE.search(text[max(0, said.start - 25):said.start]):
            continue     # when it is done, not what it comes to: "halve the pages within two months"
        if _factor_of_product(text, sentence_start, m, new, said.value, tol):
            continue     # "forty layers of eight heads of 128 values in two bytes, doubled for keys and values, cost
            #              163,840 bytes": a factor of the product said, not a doubling of the figure before it
        readings = (base.value * new,) if _NEW_FIGURE.search(text[max(m.end(), said.start - 25):said.start]) \
            else (base.value * new, base.value * change)
        target = min(readings, key=lambda v: max(v, said.value) / min(v, said.value))
        ok = 1 / tol <= said.value / target <= tol
        how = f"{name} {human(base.value, base.unit)} gives {human(base.value * new, base.unit)}, " \
              f"{'up' if new > 1 else 'down'} by {human(base.value * change, base.unit)}"
        out.append(judge("scale", said, target, how, [], ok=ok))
    return out


_DTYPE_BYTES = {"float64": 8, "double": 8, "doubles": 8, "float32": 4, "fp32": 4, "float16": 2, "fp16": 2,
                "bf16": 2, "bfloat16": 2, "int8": 1}
# (a bare "floats" is the field's default, float32: "forty million users with 128 floats each")
_VECTORS = re.compile(r"\b(?P<rows>[\w.,-]+(?: [\w.,-]+){0,3}?) (?:\w+ )?(?:points|rows|vectors|embeddings|items|"
                      r"examples|records|samples|[a-z]{3,}s(?= (?:with|of|at) [\w.,-]+(?: [\w.,-]+){0,2}? floats\b))"
                      r"(?:,| with| of| at)? (?P<dims>[\w.,-]+(?: [\w.,-]+){0,2}?) "
                      r"(?:(?:(?P<t1>float64|float32|float16|fp32|fp16|bf16|bfloat16|int8|doubles?) )?"
                      r"(?:dimensions|dims|features|values)|(?P<t3>floats))(?: each| apiece)?(?:(?: (?:stored |kept |held |saved )?(?:in|as|of)|,) "
                      r"(?P<t2>float64|float32|float16|fp32|fp16|bf16|bfloat16|int8))?", _F)
_DTYPES = r"float64|float32|float16|fp32|fp16|bf16|bfloat16|int8|doubles?"
# "fifty million items with 256-dimensional float32 embeddings", "200M photos as fp16 vectors of 512 dimensions":
# found by the dimensions and the type (rare words, so the search is cheap); the counts come from the clause before
_DIM_VECTORS = re.compile(rf"(?P<dims>[\w.,-]+)[- ](?:dim(?:ension(?:al)?)?s?|d)\s+(?P<t1>{_DTYPES})\s+"
                          rf"(?:embeddings?|vectors?)\b|\b(?P<t2>{_DTYPES})\s+(?:embeddings?|vectors?) of\s+"
                          r"(?P<dims2>[\w.,-]+)\s+(?:dimensions|dims)\b|"
                          # the type said after the vectors: "256-dim embeddings in float32", "stored as fp16"
                          rf"(?P<dims3>[\w.,-]+)[- ](?:dim(?:ension(?:al)?)?s?|d)\s+(?:embeddings?|vectors?)\s+"
                          rf"(?:(?:stored|kept|held|saved)\s+)?(?:in|as|at)\s+(?P<t4>{_DTYPES})\b", _F)
_OWN_EACH = re.compile(r"\b(?:each|apiece)$", _F)
_EACH = re.compile(r"\b(?:each|apiece|per (?:vector|item|row|embedding|one))\b", _F)
_DTYPE_WORD = re.compile(rf"\b(?:{_DTYPES}|floats)\b", _F)
_PER_PERSON_AFTER = re.compile(r"^\s*(?:per|for each|for every|for one|each) (?:engineer|person|head|member|"
                               r"on-?caller|teammate|developer)\b", _F)
_HEADS = re.compile(r"\b(?:engineers|people|members|on-?callers|developers)\b", _F)


def _vector_bytes(qs: list[Quantity], text: str, judge: Callable[..., Check | None],
                  tol: float | None = None) -> list[Check | None]:
    out: list[Check | None] = []
    found = []
    seen: set[int] = set()
    for hit in folded_matches(_DTYPE_WORD, text):      # both shapes name a type: search only around one (cheap on long answers)
        lo = max(0, hit.start() - 120)
        window = text[lo:hit.end() + 80]
        for m in _VECTORS.finditer(window):
            if lo + m.start() not in seen:
                seen.add(lo + m.start())
                found.append((lo + m.end(), lo + m.start(), lo + m.start("dims"), m.group("dims"),
                              m.group("t1") or m.group("t2") or ("float32" if m.group("t3") else None)))
        for m in _DIM_VECTORS.finditer(window):
            if lo + m.start() not in seen:
                seen.add(lo + m.start())
                found.append((lo + m.end(), lo + m.start(), lo + m.start(),
                              m.group("dims") or m.group("dims2") or m.group("dims3"),
                              m.group("t1") or m.group("t2") or m.group("t4")))
    for end, start, rows_end, dims_text, dtype in found:
        dtype = (dtype or "").lower()
        if not dtype:
            continue
        # the counts of the clause before the dimensions ("four hundred million users and fifty million items at")
        clause = max(text.rfind(c, 0, start) for c in ".;:") + 1
        rows = [n for n in find_numbers(text[max(clause, start - 80):rows_end]) if n.value >= 1000]
        dims = [n for n in find_numbers(dims_text) if n.value >= 2]
        if not rows or not dims:
            continue
        d, b = dims[-1].value, _DTYPE_BYTES[dtype]
        n = rows[-1].value
        # the total said next: not the bytes per value said with the product ("x 4 bytes") nor the size of one
        # vector ("so each one is a kilobyte")
        # ("... vectors of 1,024 float32 values each take about 20 gigabytes": that "each" is the values' per vector,
        # so the total after it is no per-item size)
        own_each = bool(_OWN_EACH.search(text, start, end)) and not _EACH.search(text, end, end + 60)
        said = next((q for q in qs if q.start >= end and q.kind == "storage" and q.value > 64
                     and (own_each or not q.has("per_item")) and not 0.5 <= q.value / (d * b) <= 2), None)
        if said is None or text.count(".", end, said.start) > 1:
            continue
        if len(rows) > 1:     # "400 million users and 50 million items at 128 dimensions": the set the total is for
            n = min((r.value for r in rows), key=lambda v: max(v * d * b, said.value) / min(v * d * b, said.value))
        how = f"{fmt_num(n)} vectors × {fmt_num(d)} dimensions × {b} B ({dtype})"
        # every input is exact (a count, the dimensions, the bytes of the type named): room for overhead only
        out.append(judge("storage", said, n * d * b, how, [], tol=tol))     # a storage step: items × bytes per item
    return out


def _per_person(qs: list[Quantity], text: str, judge: Callable[..., Check | None]) -> list[Check | None]:
    out: list[Check | None] = []
    for q in qs:
        if q.kind != "throughput" or not _PER_PERSON_AFTER.match(text[q.start + len(q.text):]):
            continue
        noun = q.text.split()[-3] if len(q.text.split()) >= 3 else ""
        team = next((x for x in reversed(qs) if x.start < q.start and x.kind == "throughput"
                     and q.sentence - x.sentence <= 2 and noun and noun in x.text.split()), None)
        if team is None:
            continue
        heads = [n for h in _HEADS.finditer(text, team.start + len(team.text), q.start)
                 for n in find_numbers(text[max(team.start + len(team.text), h.start() - 20):h.start()])[-1:]
                 if n.value >= 2]
        if not heads:
            continue
        k = heads[0].value
        how = f"{fmt_num(team.value * 604800)} a week ÷ {fmt_num(k)} people"
        period = q.period_s or 1.0           # judged and shown in the period the candidate said ("a month")
        name = {1: "s", 60: "minute", 3600: "hour", 86400: "day", 604800: "week", 2_592_000: "month"}.get(int(period))
        if name and name != "s":
            out.append(judge("per_person", q, team.value / k * period, how, [], f"/{name}", q.value * period))
        else:
            out.append(judge("per_person", q, team.value / k, how, []))
    return out


def check(qs: list[Quantity], text: str, judge: Callable[..., Check | None], tol: float) -> list[Check | None]:
    """`judge(rule, stated, expected, how, factors, ...)` makes the Check (napkin._judge); `tol` is the exact
    tolerance (wider when the answer says it is a guess)."""
    return (_batch_rate(qs, text, judge) + _scale(qs, text, judge, tol) + _vector_bytes(qs, text, judge, tol)
            + _per_person(qs, text, judge))
