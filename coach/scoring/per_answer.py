"""Work several rules ask of the same sentence, done once per answer.

Many rules read the same property of a sentence (is a step told in the past, outside any present perfect?). A
function decorated with `once_per_answer` keeps its results until the next answer starts: `score_answer` calls
`start()` first, so one answer's sentences never stand in for another's and the memory held is one answer's worth.
Only pure functions of hashable arguments belong here (the result must depend on nothing else). Called outside
`score_answer`, a memo still never grows past MAX_ENTRIES.
"""
from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import TypeVar

MAX_ENTRIES = 4096          # per function: a bound for callers outside score_answer (an answer holds far fewer)

R = TypeVar("R")
_MEMOS: list[dict[str, object]] = []


def once_per_answer(fn: Callable[[str], R]) -> Callable[[str], R]:
    """`fn(text)` worked out once per answer for each text (see the module docstring)."""
    memo: dict[str, R] = {}
    _MEMOS.append(memo)         # type: ignore[arg-type]

    @wraps(fn)
    def cached(text: str) -> R:
        try:
            return memo[text]
        except KeyError:
            if len(memo) >= MAX_ENTRIES:
                memo.clear()
            value = memo[text] = fn(text)
            return value

    return cached


def start() -> None:
    """A new answer: forget every memo's results."""
    for memo in _MEMOS:
        memo.clear()


def held() -> frozenset[str]:
    """The texts whose results the memos hold (for tests)."""
    return frozenset(k for m in _MEMOS for k in m)
