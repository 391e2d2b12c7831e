"""A figure said again in other units: "three million seconds, fifty thousand hours", "625,000 seconds, which is
about seventeen hours", "a ten gigabit link, that is ten gigabytes a second". Both figures are the same amount, so
the second is judged against the first turned into its units (a plain conversion: the exact tolerance).

Only an explicit restatement counts ("which is", "that is", "that's", "i.e.", "call it", ", or about ...", or a
bare comma between the two with no third figure of the kind after them), and only between figures of one kind
said in different units: "five minutes, an hour and a day" is a list, "two hours or ten minutes" a choice."""
from __future__ import annotations

import re
from collections.abc import Callable

from coach.scoring.napkin_judge import Check
from coach.scoring.numbers import find_numbers
from coach.scoring.sizing import Quantity

KINDS = ("duration", "bandwidth", "data", "storage", "memory")    # amounts whose units convert one to another
_APPROX = r"(?:about|roughly|around|approximately|nearly|almost|close to|just over|just under|some)\s+"
# ("a year, which I will call 365 days": the speaker's own word for the restatement)
_SAID_AGAIN = re.compile(r"^\s*(?:[a-z-]+\s*){0,2}?(?:,\s*|\(\s*|-\s*)?(?:which is|that is|that's|i\.e\.,?|call it|"
                         r"meaning|(?:which|that|this)\s+(?:i|we)(?:'ll|'d| will| would| shall)?\s+"
                         r"(?:call|take as|count as|treat as))\s+(?:"
                         + _APPROX +
                         r")?$|^\s*,\s*or\s+" + _APPROX + r"$|^\s*,\s*(?:" + _APPROX + r")?$", re.IGNORECASE)
_NEXT_SENTENCE_AGAIN = re.compile(r"^\s*[.!]\s+(?:so\s+)?(?:that's|that is|which is|in bits that's|in bits that is)\s+(?:"
                                  + _APPROX + r")?$", re.IGNORECASE)
_OPERAND = re.compile(r"(?:\b(?:times|x|by|over|into)|[×*/÷])\s*$", re.IGNORECASE)
_EACH = re.compile(r"^\s*(?:each|apiece|a piece|per \w+|for each|every)\b", re.IGNORECASE)
_TIMES_AFTER = re.compile(r"\s*(?:with|across|on|in|at|over|for)\s+(?:[\w-]+\s+){1,2}(?:replicas|copies|regions|"
                          r"zones|sites|shards)\b|\s*(?:replicated|mirrored|doubled|tripled)\b", re.IGNORECASE)
_UNIT = re.compile(r"[a-z]+(?:\s+(?:a|per)\s+[a-z]+)?\s*$", re.IGNORECASE)


def check(qs: list[Quantity], text: str, judge: Callable[..., Check | None], tol: float) -> list[Check | None]:
    out: list[Check | None] = []
    for i, (a, b) in enumerate(zip(qs, qs[1:])):
        if restates(qs, i, text):
            out.append(judge("restated", b, a.value, f'"{a.text}" in other units', [], unit=b.unit, tol=tol))
    return out


def restates(qs: list[Quantity], i: int, text: str) -> bool:
    """The figure after `qs[i]` says it again in other units ("a year, which I will call 365 days")."""
    a, b = qs[i], qs[i + 1]
    if a.kind != b.kind or a.kind not in KINDS or a.value <= 0:
        return False
    if a.sentence != b.sentence and not (b.sentence == a.sentence + 1 and
                                         _NEXT_SENTENCE_AGAIN.match(text[a.start + len(a.text):b.start])):
        return False        # (the next sentence restates it only when it opens so: "... a gigabyte a second. That's ...")
    if a.has("rate") != b.has("rate") or a.period_s != b.period_s:
        return False            # a size a day and a size in all ("six gigabytes a day, 540 gigabytes for ninety days")
    if any(a.has(each) != b.has(each) for each in ("per_param", "per_item", "per_user", "per_instance")):
        return False            # a size each and the total it gives ("two bytes a parameter, 14 GB")
    between = text[a.start + len(a.text):b.start]
    if _OPERAND.search(text[max(0, a.start - 16):a.start]) or _EACH.match(between) or _per_item(text, a):
        return False            # the last operand of a product ("x 2 bytes, about 131 kilobytes"), or a figure each
    if i > 0 and _summed(qs[i - 1], a, text):
        return False            # the total of two parts ("an eight byte id and an eight byte count, that's sixteen bytes")
    if _TIMES_AFTER.match(text, b.start + len(b.text)):
        return False            # a product of the first, not the same figure ("480 GB, or 1.4 TB with three replicas")
    m = _SAID_AGAIN.match(between) or _NEXT_SENTENCE_AGAIN.match(between)
    if m is None or _unit(a.text) == _unit(b.text):
        return False
    # a bare comma in a list of figures of one kind is no restatement
    return not (between.strip().startswith(",") and not re.search(r"[a-z]", between, re.IGNORECASE)
                and _listed(qs, i + 1, text))


_AND_PLUS = re.compile(r"^[^.;,]{0,30}\b(?:and|plus)\b[^.;,]{0,10}$", re.IGNORECASE)


def _summed(p: Quantity, a: Quantity, text: str) -> bool:
    """Two figures of one kind joined by "and"/"plus" just before: the figure said after them is their total."""
    return p.kind == a.kind and p.sentence == a.sentence and \
        _AND_PLUS.match(text[p.start + len(p.text):a.start]) is not None


def _per_item(text: str, a: Quantity) -> bool:
    """The first figure is the size of each of a count said just before it ("three hundred buckets of four bytes,
    that is about 24 GB"): the last factor of a product, not the amount said again."""
    before = [n for n in find_numbers(text[:a.start]) if a.start - n.end <= 40]
    return bool(before) and _COUNT_OF.match(text[before[-1].end:a.start]) is not None


_COUNT_OF = re.compile(r"^\s+(?:[a-z-]+\s+){1,2}of\s+$", re.IGNORECASE)


def _unit(said: str) -> str:
    m = _UNIT.search(said.lower())
    return m.group(0) if m else said.lower()


def _listed(qs: list[Quantity], j: int, text: str) -> bool:
    """Another figure of the same kind right after the second one (", ..." or "and ..."): a list."""
    if j + 1 >= len(qs) or qs[j + 1].kind != qs[j].kind or qs[j + 1].sentence != qs[j].sentence:
        return False
    gap = text[qs[j].start + len(qs[j].text):qs[j + 1].start]
    return bool(re.match(r"^\s*(?:,|and|,\s*and)\s*$", gap, re.IGNORECASE))
