"""Arithmetic said out loud: "forty thousand requests a second times five hundred candidates is two million
scorings a second" states its own inputs, its operation and its result, whatever the things counted are.
The product (or quotient) is recomputed from the numbers as said and the result judged like any other step;
a result some other rule already judged is left to that rule (napkin.check)."""
from __future__ import annotations

import math
import re
from collections.abc import Callable

from coach.scoring.napkin_judge import Check
from coach.scoring.numbers import NumberSpan, find_numbers
from coach.scoring.sizing import Quantity

# between two operands: a few words naming what is counted, then the operation ("requests a second times")
# (the next operand may be named before it: "two times the hidden size of 6,144 times two bytes")
_OPERATOR = re.compile(r"^[\s,]*(?:[a-z'-]+\s+){0,4}?(?P<op>times|multiplied by|divided by|over|x|×)\s+"
                       r"(?:the\s+(?:[a-z-]+\s+){1,3}?(?:of|at)\s+|the\s+|a\s+|about\s+|roughly\s+)?$", re.I)
# between the last operand and the result: a few unit words, then "is" ("candidates is about ...")
_EQUALS = re.compile(r"^[\s,]*(?:[a-z'-]+\s+){0,4}?(?:is|are|equals|gives|makes|comes to|that's|which is)\s+"
                     r"(?:about\s+|roughly\s+|around\s+|approximately\s+|nearly\s+|almost\s+|just over\s+|just under\s+)?$",
                     re.I)
# or the result after a comma and an "about", in the unit of an operand ("500 million times 256 times four bytes,
# about 512 megabytes"): without "is" the figure after it may be another thing, so it must count what was multiplied
_ABOUT = re.compile(r"^[\s,]*(?:[a-z'-]+\s*){0,3}?,\s*(?:so\s+|or\s+)?(?:about|roughly|around|approximately|call it)\s+$",
                    re.I)
_SENTENCE_END = re.compile(r"[.!?;](?:\s|$)")


def check(qs: list[Quantity], text: str, judge: Callable[..., Check | None], tol: float) -> list[Check | None]:
    """`judge(rule, stated, expected, how, factors, stated_value=..., unit=..., tol=...)` makes the Check."""
    nums = find_numbers(text)
    out: list[Check | None] = []
    i = 0
    while i < len(nums) - 2:
        ops, j = [], i                  # the operations after the first operand: "times" or "divided by"
        squared: set[int] = set()       # operands said "squared" ("over zero point zero zero two squared")
        while j + 1 < len(nums) and (m := _OPERATOR.match(_unsquared(text, nums, j, squared))):
            if m.group("op").lower() == "over" and _a_link(text, nums[j + 1], qs):
                break       # "the 12 TB backup over a 25 gigabit link": the route it takes, not a division
            ops.append(m.group("op").lower())
            j += 1
        gap = _unsquared(text, nums, j, squared) if ops and j + 1 < len(nums) else ""
        if ops and j + 1 < len(nums) and (_EQUALS.match(gap) or _ABOUT.match(gap)):
            out.append(_judged(nums[i:j + 1], ops, nums[j + 1], qs, text, judge, tol,
                               {k - i for k in squared if k >= i}, same_unit=not _EQUALS.match(gap)))
            i = j + 1
        else:
            i += 1
    return out


# a figure said as a link's speed ("a 25 gigabit link", "our 10 gig uplink")
_LINK_AFTER = re.compile(r"\s*(?:[a-z]+\s+)?(?:e?thernet|links?|nics?|uplinks?|downlinks?|ports?|pipes?|interconnects?|"
                         r"connections?|network|fabric|backbone)\b", re.I)


def _a_link(text: str, n: NumberSpan, qs: list[Quantity]) -> bool:
    q = next((q for q in qs if q.start <= n.start < q.start + len(q.text)), None)
    return q is not None and q.kind == "bandwidth" and _LINK_AFTER.match(text, q.start + len(q.text)) is not None


def _unsquared(text: str, nums: list[NumberSpan], j: int, squared: set[int]) -> str:
    """The words after operand j up to the next number, with a "squared" right after the operand taken off and
    noted (the operand counts twice)."""
    gap = _between(text, nums[j], nums[j + 1])
    m = _SQUARED.match(gap)
    if m:
        squared.add(j)
        return gap[m.end():]
    return gap


_SQUARED = re.compile(r"\s*squared\b", re.I)


def _judged(operands: list[NumberSpan], ops: list[str], result: NumberSpan, qs: list[Quantity], text: str,
            judge: Callable[..., Check | None], tol: float, squared: frozenset[int] | set[int] = frozenset(),
            same_unit: bool = False) -> Check | None:
    """The chain recomputed and its result judged; operands with units are taken in base units ("two kilobytes"
    is 2,000 B), and the result may match in base units or as the bare number said ("3,000 times 86,000 is two
    hundred sixty million")."""
    q = next((q for q in qs if q.start <= result.start < q.start + len(q.text)), None)
    if q is None or result.value <= 0:
        return None
    units = [u.unit for n in operands if (u := _quantity(n, qs)) is not None]
    if same_unit and units and q.unit not in units and not _per_time(operands, ops, q, qs):
        return None     # (bare operands, "2e6 over 10, about 20,000 a second", are arithmetic worked for the figure)
    with_bytes = any(unit.startswith("B") for unit in units)
    base = _chain(operands, ops, lambda n: _operand(n, qs, text, with_bytes), squared)
    said = _chain(operands, ops, lambda n: n.value, squared)
    if base is None or said is None:
        return None
    # the operands in base units against the result in base units, or the numbers as said against the number said
    # ("900 thousand a minute divided by sixty is fifteen thousand a second" converts units itself)
    scale = q.value / result.value
    readings: tuple[float, ...] = (base, said * scale)
    if q.unit == "%":       # "seven over thirty-nine, about eighteen percent": a fraction said in hundredths
        readings = (base * 100, said * 100)
    across = _across(operands, ops, qs, text, with_bytes, squared, scale)
    if any(1 / tol <= q.value / r <= tol for r in readings + across):
        return None
    expected = min(readings, key=lambda r: abs(math.log(q.value / r)))
    said_as = [n.text + ("²" if k in squared else "") for k, n in enumerate(operands)]
    how = " ".join([said_as[0]] + [f"{'÷' if op in _DIVIDE else '×'} {n}" for op, n in zip(ops, said_as[1:])])
    return judge("arithmetic", q, expected, how, [], tol=tol)


def _across(operands: list[NumberSpan], ops: list[str], qs: list[Quantity], text: str, with_bytes: bool,
            squared: frozenset[int] | set[int], scale: float) -> tuple[float, ...]:
    """The chain with "over" read as "across" ("four epochs over six hundred million examples is 2.4 billion",
    "ten passes over the data"): a product, which the result may be said as just as well as a quotient."""
    if "over" not in ops:
        return ()
    across = ["times" if op == "over" else op for op in ops]
    base = _chain(operands, across, lambda n: _operand(n, qs, text, with_bytes), squared)
    said = _chain(operands, across, lambda n: n.value, squared)
    return tuple(r for r in (base, None if said is None else said * scale) if r is not None)


def _per_time(operands: list[NumberSpan], ops: list[str], result: Quantity, qs: list[Quantity]) -> bool:
    """A count over a time said as a rate ("330,000 orders over 7,200 seconds, or around 46 a second"): the
    chain's last step divides by a duration and the result is a rate, so it counts what was divided."""
    last = _quantity(operands[-1], qs)
    return bool(ops) and ops[-1] in _DIVIDE and last is not None and last.kind == "duration" \
        and result.kind == "throughput" and all(_quantity(n, qs) is None for n in operands[:-1])


def _chain(operands: list[NumberSpan], ops: list[str], value: Callable[[NumberSpan], float],
           squared: frozenset[int] | set[int] = frozenset()) -> float | None:
    out = value(operands[0]) ** (2 if 0 in squared else 1)
    for k, (op, n) in enumerate(zip(ops, operands[1:]), start=1):
        b = value(n) ** (2 if k in squared else 1)
        if op in _DIVIDE:
            if b == 0:
                return None
            out /= b
        else:
            out *= b
    return out if out > 0 else None


_DIVIDE = ("divided by", "over")


def _quantity(n: NumberSpan, qs: list[Quantity]) -> Quantity | None:
    return next((q for q in qs if q.start == n.start), None)


_VALUE_BYTES = ((re.compile(r"\s*(?:float32s?|fp32s?|floats?)\b", re.I), 4.0),
                (re.compile(r"\s*(?:fp16s?|bf16s?|half[- ]precision)\b", re.I), 2.0))


def _operand(n: NumberSpan, qs: list[Quantity], text: str, with_bytes: bool) -> float:
    """A number's value in base units when it is said with a unit ("two kilobytes" -> 2,000 B; "512 floats" ->
    2,048 B unless the chain names the bytes itself), else as said."""
    q = _quantity(n, qs)
    if q is not None:
        return q.value
    if with_bytes:
        return n.value
    return n.value * next((b for pat, b in _VALUE_BYTES if pat.match(text, n.end)), 1.0)


def _between(text: str, a: NumberSpan, b: NumberSpan) -> str:
    """The words between two numbers, or a mark that stops the chain when a sentence ends between them."""
    gap = text[a.end:b.start]
    return "." if _SENTENCE_END.search(gap) else gap
