"""Napkin math for a fleet sized from what one core does: a machine's rate = per-core rate x cores per machine
(x the utilisation it is kept at), and machines = load / that. "Scoring takes four milliseconds of one core, so a
core handles 250 a second; a 32-core machine kept at seventy percent does about 5,600 a second, so a peak of 40,000
needs eight machines." The cores said with the machines ("32-core", "sixteen-core machines") are a step of the
chain: dropping them sizes the fleet as if each machine were one core."""
from __future__ import annotations

import math
import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from coach.scoring.napkin_systems import _LOAD_SHARE, _LOAD_WORDS, _busy_time, _headroom
from coach.scoring.numbers import NumberSpan, find_numbers
from coach.scoring.sizing import Quantity
from coach.scoring.text import fmt_num

if TYPE_CHECKING:
    from coach.scoring.napkin import Check

_F = re.IGNORECASE
_MACHINES = r"(?:machines?|servers?|boxes|box|nodes?|hosts?|instances?|vms?)"
_CORES_AFTER = re.compile(rf"^[- ](?:cpu[- ])?cores?\s+(?:[a-z-]+\s+)?{_MACHINES}\b", _F)      # "32-core machine"
# the machines counted: "eight machines", "two hundred and forty of our sixteen-core machines"
_COUNT_AFTER = re.compile(rf"^\s+(?:(?:more|extra|new|of (?:our|the|these|those|them))\s+)?(?:[a-z-]+\s+)?{_MACHINES}\b", _F)
_PER_CORE = re.compile(r"\b(?:(?:a|one|each|every|per|a single) (?:cpu )?core|of (?:a|one) (?:cpu )?core)\b", _F)
_KEPT_AT = re.compile(r"\b(?:kept|run|running|held|loaded|at|to)\s+(?:at\s+)?(?:about\s+|roughly\s+|only\s+)?$", _F)
_LOAD_WORD = re.compile(r"^\s*(?:percent\s+|%\s*)?(?:load|loaded|utili[sz](?:ation|ed)|busy|capacity|cpu)\b", _F)
_LOAD_BEFORE = re.compile(r"\b(?:peak|load|traffic|total|demand)\s+(?:of\s+|is\s+|at\s+)?(?:about\s+|roughly\s+|around\s+)?$", _F)
_NEEDS = re.compile(r"\s+(?:needs?|requires?|means|takes|calls for|is)\s+(?:about\s+|roughly\s+|around\s+|some\s+)?", _F)
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")


def _per_core_rate(qs: list[Quantity], text: str, at: int) -> Quantity | None:
    """The last rate said of one core before `at` in its sentence ("so a core handles 250 a second", "twenty
    milliseconds of a core per request, so fifty requests a second")."""
    start = max(text.rfind(". ", 0, at), -1) + 1
    found = None
    for q in qs:
        if q.start >= at:
            break
        if q.kind == "throughput" and q.start >= start and 0 < q.period_s <= 1 and (
                _PER_CORE.search(text[max(start, q.start - 40):q.start + len(q.text) + 15])):
            found = q
    return found


def _utilisation(qs: list[Quantity], text: str, lo: int, hi: int) -> float:
    """The share of a machine the plan uses, said between the cores and the machines' rate ("kept at seventy
    percent", "at 60 percent load"); 1 when none is said."""
    for q in qs:
        if q.kind == "percent" and lo < q.start < hi and 0 < q.value < 100 and (
                _KEPT_AT.search(text[max(0, q.start - 20):q.start])
                or _LOAD_WORD.match(text[q.start + len(q.text):q.start + len(q.text) + 20])):
            return q.value / 100
    share = _LOAD_WORDS.search(text, lo, hi)          # "kept at half load"
    return _LOAD_SHARE[share.group("f").lower()] if share else 1.0


def _stated(text: str, span: NumberSpan, end: int, qs: list[Quantity]) -> Quantity:
    """The figure as said, as the quantity extraction read it when it did (for its place in the answer)."""
    own = next((q for q in qs if q.start == span.start), None)
    return own or Quantity(text[span.start:end], span.value, "machines", "compute", span.value, start=span.start)


# the rate said as one unit's: "so one core handles ...", "a worker does ...", "per core"
_ONE_UNIT = re.compile(r"\b(?:one|a|each|every|per|a single)\s+(?:cpu\s+)?(?:core|cpu|thread|worker|gpu)\b", _F)


def unit_rate(qs: list[Quantity], text: str, judge: Callable[..., Check | None]) -> list[Check | None]:
    """One unit's rate from the time a request keeps it busy, said next in the sentence ("each request takes 20
    milliseconds of CPU, so one core handles 50 a second"): one second ÷ the busy time. Reading milliseconds as
    hundredths or tenths of a second is the slip this catches; a figure said between (a batch) is another step, and
    a fleet counted after it in the sentence is judged by the capacity step, which reads the busy time too."""
    out: list[Check | None] = []
    for q in qs:
        if q.kind != "throughput" or not q.has("per_instance") or q.period_s != 1:
            continue
        busy = _busy_time(qs, text, q)
        if busy is None or any(n.value != 1 for n in find_numbers(text[busy.start + len(busy.text):q.start])):
            continue
        if not _ONE_UNIT.search(text, busy.start + len(busy.text), min(len(text), q.start + len(q.text) + 20)):
            continue
        if any(x.kind == "compute" and x.start > q.start and x.sentence == q.sentence for x in qs):
            continue        # the units counted next: the fleet's step judges from the busy time (one slip, one flag)
        out.append(judge("core_rate", q, 1 / busy.value, f"1 second ÷ {busy.text} a request", []))
    return out


_DERIVED_COUNT = re.compile(r"\b(?:so|that'?s|that is|which is|is|means|needs?|gives|makes|comes to|call it)\s+(?:about\s+|"
                            r"roughly\s+|around\s+|some\s+)?$", _F)


# the load the units are run at, said by its verb: "to run at 60 percent", "keeping them at 70%"
_RUN_AT = re.compile(r"\b(?:run|runs|running|kept|keep|keeping|held|hold|holding|loaded|target|targeting)\s+"
                     r"(?:them\s+|it\s+|each\s+|each one\s+|the \w+\s+)?at\s+(?:about\s+|roughly\s+|only\s+)?$", _F)


def busy_at_load(qs: list[Quantity], text: str, judge: Callable[..., Check | None]) -> list[Check | None]:
    """Units busy, then the load they are run at or the headroom kept, then the units needed ("240 cores busy; to
    run at 60 percent that is 400 cores", "eight GPUs of work, with 50 percent headroom twelve GPUs"): the busy
    count ÷ the load (× 1 + the headroom). Multiplying by the load instead is the slip this catches."""
    out: list[Check | None] = []
    for i, busy in enumerate(qs[:-2]):
        p, need = qs[i + 1], qs[i + 2]
        if busy.kind != "compute" or busy.has("per_instance") or busy.value <= 0 or p.kind != "percent" or \
                need.kind != "compute" or need.unit != busy.unit or need.has("per_instance") or \
                need.sentence != busy.sentence or not _DERIVED_COUNT.search(text[max(p.start, need.start - 30):need.start]):
            continue
        spare = _headroom(qs, text, busy, need)
        if spare is None and _RUN_AT.search(text[max(busy.start, p.start - 40):p.start]) and 0 < p.value < 100:
            spare = 100 / p.value, f"÷ {p.value / 100:g} to run at {p.value:g}% load"
        if spare is None:
            continue
        out.append(judge("capacity", need, busy.value * spare[0], f"{busy.text} {spare[1]}", []))
    return out


def _cores_into_machines(qs: list[Quantity], text: str, nums: list[NumberSpan], i: int, end: int,
                         ) -> list[Check | None]:
    """The cores needed, then the machines of a size said ("that is 400 cores, so thirteen 32-core machines", "400
    cores, so on 32-core machines we need about 13"): the cores ÷ the cores a machine (rounded up)."""
    from coach.scoring.napkin import _judge
    size = nums[i]
    cores = next((q for q in reversed(qs) if q.start < size.start and q.kind == "compute" and q.unit == "cores"
                  and not q.has("per_instance") and not _SENTENCE_END.search(text[q.start:size.start])), None)
    if cores is None or cores.value < size.value:
        return []
    stop = text.find(". ", end)
    counted = [nums[i - 1]] if i > 0 and re.fullmatch(r"\s+", text[nums[i - 1].end:size.start]) and \
        nums[i - 1].start > cores.start else []
    counted += [n for n in nums[i + 1:] if n.start < (len(text) if stop < 0 else stop)
                and _NEEDS_COUNT.match(text[n.end:n.end + 30]) and not find_numbers(text[end:n.start])]
    if not counted:
        return []
    n = counted[0]
    stated = _stated(text, n, n.end, qs)
    return [_judge("capacity", stated, math.ceil(cores.value / size.value - 1e-9),
                   f"{cores.text} ÷ {fmt_num(size.value)} cores a machine", [], "machines")]


# a machine count said after the machine size: "we need about 13", "13 of them", "13 machines"
_NEEDS_COUNT = re.compile(rf"^\s*(?:{_MACHINES}|of them)?\s*(?:[.,;]|$|\s+(?:to|for|at|each|in total)\b)", _F)


def check(qs: list[Quantity], text: str, judge: Callable[..., Check | None]) -> list[Check | None]:
    out: list[Check | None] = unit_rate(qs, text, judge) + busy_at_load(qs, text, judge)
    if "core" not in text.lower():
        return out         # (cheap to rule out: this runs on every answer)
    nums = find_numbers(text)
    for i, size in enumerate(nums):
        m = _CORES_AFTER.match(text[size.end:size.end + 40])
        if m is None or size.value < 2:
            continue
        rate = _per_core_rate(qs, text, size.start)
        if rate is None:
            out.extend(_cores_into_machines(qs, text, nums, i, size.end + m.end()))
            continue
        cores, end_of = size.value, text.find(". ", size.end)
        stop = len(text) if end_of < 0 else end_of
        # the machines counted: the number right before the core size ("240 of our sixteen-core machines"), or one
        # said after it in the sentence ("... so a peak of 40,000 needs eight machines")
        counted = []
        if i > 0 and re.fullmatch(r"\s+(?:of (?:our|the|these|those)\s+)?", text[nums[i - 1].end:size.start]):
            counted.append((nums[i - 1], size.end + m.end()))
        for n in nums[i + 1:]:
            if n.start >= stop:
                break
            after = _COUNT_AFTER.match(text[n.end:n.end + 40])
            if after:
                counted.append((n, n.end + after.end()))
        if not counted:
            continue
        used = _utilisation(qs, text, size.start, counted[-1][0].start)
        per_machine = rate.value * cores * used
        how_machine = f"{fmt_num(rate.value)}/s a core × {fmt_num(cores)} cores" + \
            (f" × {used:.0%} utilisation" if used < 1 else "")
        # the machine's own rate said between the cores and the count ("... does about 5,600 a second")
        own = next((q for q in qs if size.start < q.start < counted[-1][0].start and q.kind == "throughput"
                    and 0 < q.period_s <= 1 and not _PER_CORE.search(text[max(0, q.start - 40):q.start])
                    and not _LOAD_BEFORE.search(text[max(0, q.start - 30):q.start])
                    and not any(size.end < n.start < q.start and n.value > 1 and n.start != q.start and
                                not any(p.kind == "percent" and p.start == n.start for p in qs) for n in nums)), None)
        if own is not None:
            out.append(judge("capacity", own, per_machine, how_machine + " a machine", [], "/s"))
        for n, end in counted:
            # the load: the largest rate said in the sentence before the count that is not one machine's or core's
            load = max((q.value for q in qs if q.kind == "throughput" and 0 < q.period_s <= 1 and q is not own
                        and q is not rate and q.start < n.start and not q.has("per_instance")
                        and not _SENTENCE_END.search(text[q.start:n.start])), default=0.0)
            bare = [s for s in nums if s.end <= n.start and not _SENTENCE_END.search(text[s.start:n.start])
                    and _NEEDS.fullmatch(text[s.end:n.start])]
            load = max([load] + [s.value for s in bare])
            if load <= per_machine:
                continue
            stated = _stated(text, n, end, qs)
            out.append(judge("capacity", stated, load / per_machine,
                             f"{fmt_num(load)}/s ÷ ({how_machine} ≈ {fmt_num(per_machine)}/s a machine)", [],
                             stated.unit or "machines"))
    return out
