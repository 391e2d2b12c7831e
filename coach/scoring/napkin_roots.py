"""Napkin math: a square root worked out loud.

  root   "the square root of point seven times point three over two thousand is about point zero one": the square
         root of the working said after "root of" (numbers joined by times, over, divided by, plus, minus, read left
         to right), against the figure said after "is" / "comes to" / "gives". A standard error, the square root of
         p(1 - p) over n, is the usual one, and a slip there decides whether a gain is real or noise.
"""
from __future__ import annotations

import math
import re
from collections.abc import Callable

from coach.scoring.napkin_judge import Check
from coach.scoring.numbers import find_numbers
from coach.scoring.sizing import Quantity

_ROOT = re.compile(r"\b(?:square )?root of\b", re.IGNORECASE)
# the operations between two figures of the working, as said
_OPS: dict[str, Callable[[float, float], float]] = {
    "times": lambda a, b: a * b, "x": lambda a, b: a * b, "×": lambda a, b: a * b, "*": lambda a, b: a * b,
    "multiplied by": lambda a, b: a * b, "over": lambda a, b: a / b if b else math.nan,
    "divided by": lambda a, b: a / b if b else math.nan, "/": lambda a, b: a / b if b else math.nan,
    "plus": lambda a, b: a + b, "minus": lambda a, b: a - b,
}
_SYMBOL = {"times": "×", "x": "×", "*": "×", "multiplied by": "×", "over": "/", "divided by": "/", "plus": "+",
           "minus": "−"}
# what joins the working to the figure it gives: "is about", "which comes to roughly", ", so about"
_GIVES = re.compile(r"^\s*,?\s*(?:which\s+|that\s+|so\s+)?(?:is|'s|comes to|gives(?: you)?|equals|works out to|="
                    r"|≈)?\s*(?:about|roughly|around|approximately|only|just|nearly|close to)?\s*$", re.IGNORECASE)
REACH = 160      # characters after "root of" in which the working and its figure are said


def check(text: str, judge: Callable[..., Check | None]) -> list[Check | None]:
    out: list[Check | None] = []
    for m in _ROOT.finditer(text):
        base = m.start()          # ("of" read with the figures: "root of point seven" is 0.7)
        nums = [n for n in find_numbers(text[base:m.end() + REACH]) if n.start >= m.end() - base]
        if len(nums) < 3 or text[m.end():base + nums[0].start].strip():
            continue
        value, shown, i = nums[0].value, nums[0].text, 1
        while i < len(nums):
            op = " ".join(text[base + nums[i - 1].end:base + nums[i].start].lower().split())
            if op not in _OPS:
                break
            value = _OPS[op](value, nums[i].value)
            shown += f" {_SYMBOL.get(op, op)} {nums[i].text}"
            i += 1
        if i < 2 or i >= len(nums) or not value > 0 or not math.isfinite(value):
            continue
        said = nums[i]
        if not _GIVES.match(text[base + nums[i - 1].end:base + said.start]):
            continue
        stated = Quantity(text=said.text, value=said.value, unit="", kind="count", raw=said.value,
                          start=base + said.start)
        out.append(judge("root", stated, math.sqrt(value), f"√({shown})", []))
    return out
