"""Napkin math: the share of a load that gets past a cache or a filter.

  cache_share   a rate, then the share a cache (or a filter) takes off it, then the rate that is left: what reaches
                the model is the rate × (1 − the share taken) ("10,000 a second and the cache answers eighty percent
                of them, so 2,000 a second reach the model"). Taking the share answered for the share left is the
                slip this catches. All three said in one sentence, in that order.
  share_of_count a count, then a rate of one in N, then the count that rate gives ("ten million rows; at one in a
                thousand that's ten thousand positives"): the count ÷ N.
  share         a rate or a count, then a percent of it and the figure it gives ("five million uploads a day ... if 2
                percent go to review, that is 100,000 a day"): the figure × the percent (or what is left, or the
                figure grown by it, whichever the answer meant: the nearest of the three is the step checked).
"""
from __future__ import annotations

import math
import re
from collections.abc import Callable

from coach.scoring.napkin_judge import Check
from coach.scoring.numbers import find_numbers
from coach.scoring.sizing import Quantity
from coach.scoring.text import fmt_num

_F = re.IGNORECASE
# the share the cache takes: "the cache answers eighty percent of them", "an 80% hit rate", "a filter drops 90%"
_TAKEN_BEFORE = re.compile(r"\b(?:cache|filter|dedup\w*)\s+(?:\w+\s+){0,6}?(?:answers|serves|absorbs|catches|handles|"
                           r"takes|drops|removes|hits)\s+(?:about\s+|roughly\s+|around\s+)?$", _F)
_HIT_RATE_AFTER = re.compile(r"\s*(?:cache\s+)?hit(?:\s+rate|\s+ratio)?\b", _F)
# the hit rate named before its figure: "the cache hit rate is 90%", "a hit ratio of about 95 percent"
_HIT_RATE_BEFORE = re.compile(r"\bhit\s+(?:rate|ratio)\s+(?:is|of|at|around|=|was|runs at|sits at)\s+"
                              r"(?:about\s+|roughly\s+|around\s+|maybe\s+)?$", _F)
# the rate left: "so 8,000 a second reach the model", "leaving 2,000 a second for the backend"
_LEFT_AFTER = re.compile(r"\s*(?:\w+\s+){0,2}?(?:reach(?:es)?|gets? to|go(?:es)? to|go(?:es)? on to|falls? through to|"
                         r"miss(?:es)?|pass(?:es)?(?: through)? to|makes? it to|are left for|lands? on)\b", _F)


# the rate left named before it: "so the misses are ... 2,000 a second", "what is left, 800 a second"
_LEFT_BEFORE = re.compile(r"\b(?:the\s+)?(?:misses|cache misses|rest|remainder|remaining\s+\w+|what(?:'s| is) left|leftover"
                          r"|left\s?over)\b[^.;]{0,45}$", _F)
_OF_THE = re.compile(r"^\s*of\s+(?:the|our|all|all the)?\s*$", _F)


def left_loads(qs: list[Quantity], text: str) -> list[tuple[Quantity, Quantity, Quantity]]:
    """(load, share the cache takes, rate said to be left), each said in one sentence."""
    out: list[tuple[Quantity, Quantity, Quantity]] = []
    for i, p in enumerate(qs):
        if p.kind != "percent" or not 0 < p.value < 100:
            continue
        taken = _TAKEN_BEFORE.search(text, max(0, p.start - 60), p.start) or \
            _HIT_RATE_AFTER.match(text, p.start + len(p.text)) or \
            _HIT_RATE_BEFORE.search(text, max(0, p.start - 40), p.start)
        if not taken:
            continue
        load = next((q for q in reversed(qs[:i]) if q.kind == "throughput" and q.sentence == p.sentence), None)
        nxt = qs[i + 1] if i + 1 < len(qs) else None
        if nxt is not None and nxt.kind == "throughput" and _OF_THE.match(text[p.start + len(p.text):nxt.start]):
            load = nxt         # "the cache hits ninety-five percent of the 40,000 requests a second"
        if load is None:
            load_left = _load_named_after(qs, text, i)
            if load_left is not None:
                out.append((load_left[0], p, load_left[1]))
            continue
        left = next((q for q in qs[i + 1:] if q.kind == "throughput" and q.sentence == p.sentence and q is not load
                     and q.start > load.start and not q.has("per_instance") and (
                         _LEFT_AFTER.match(text, q.start + len(q.text)) or
                         _LEFT_BEFORE.search(text, max(load.start + len(load.text), q.start - 60), q.start))), None)
        if left is not None:
            out.append((load, p, left))
    return out


# the share that gets past the cache, said as a percent of the load: "so 10% of the 50k QPS goes to the database"
_PERCENT_OF_LOAD = re.compile(r"^\s*of\s+(?:the|our|all|all the|those|these)?\s*$", _F)
_LEFT_GIVES = re.compile(r"^[^.;\d]{0,50}?\b(?:so|that'?s|that is|which is|which gives|gives|giving|means|meaning|"
                         r"comes to|works out to)\s+(?:us\s+)?(?:about\s+|roughly\s+|around\s+|only\s+|just\s+)?$|"
                         r"^\s*(?:about|roughly|around|some|or)\s+$", _F)     # ", about 5,000": the figure it gives


def _load_named_after(qs: list[Quantity], text: str, i: int) -> tuple[Quantity, Quantity] | None:
    """A hit rate said first, then the load with the share that gets past it, then the rate left ("the hit rate is
    90%, so only 10% of the 50k QPS goes to the database, that's 5,000 QPS"): what is left is the load × (1 − the
    hit rate), whatever share the answer said is left."""
    p = qs[i]
    rest = [q for q in qs[i + 1:] if q.sentence == p.sentence]
    if len(rest) < 3 or rest[0].kind != "percent" or rest[1].kind != "throughput" or \
            not _PERCENT_OF_LOAD.match(text[rest[0].start + len(rest[0].text):rest[1].start]):
        return None
    load, left = rest[1], rest[2]
    if left.kind != "throughput" or left.has("per_instance") or \
            not _LEFT_AFTER.match(text, load.start + len(load.text)) or \
            not _LEFT_GIVES.match(text[load.start + len(load.text):left.start].split(",", 1)[-1]):
        return None
    return load, left


def check(qs: list[Quantity], text: str, judge: Callable[..., Check | None]) -> list[Check | None]:
    out: list[Check | None] = []
    for load, p, left in left_loads(qs, text):
        how = f"{fmt_num(load.value)}/s × (1 − {p.value:g}% taken by the cache)"
        out.append(judge("cache_share", left, load.value * (1 - p.value / 100), how, []))
    judged = {c.at for c in out if c is not None}
    nested = [c for c in _share_of_share(qs, text, judge) if c is not None]
    judged |= {c.at for c in nested}
    return out + nested + _one_in(qs, text, judge) + _percent_of(qs, text, judge, judged)


# the second share taken of the first's part: "two percent of those", "half of them", "10% of these users"
_OF_PART = re.compile(r"^\s*of\s+(?:those|them|these|that group|the ones)\b", _F)
# the result said as worked out after the second share: "so ...", "which is ...", "that gives ..."
_DERIVED_BETWEEN = re.compile(r"\b(?:so|that'?s|that is|which is|is|are|gives|giving|means|makes|comes to)\b", _F)


# the first share said as a fraction in words: "half of them watch", "a third of our users"
_FRACTION_OF = re.compile(r"\b(?P<f>half|a third|a quarter|a fifth|a tenth|two thirds|three quarters)\s+of\s+"
                          r"(?:them|those|these|our|the|all|its|their)\b", _F)
_FRACTIONS = {"half": 0.5, "a third": 1 / 3, "a quarter": 0.25, "a fifth": 0.2, "a tenth": 0.1, "two thirds": 2 / 3,
              "three quarters": 0.75}


def _first_share(qs: list[Quantity], text: str, i: int) -> tuple[float, str, int] | None:
    """The share said before the share "of those" at qs[i], in its sentence or the one before: a percent, or a
    fraction in words. (fraction, as said, where it was said)."""
    p2 = qs[i]
    p1 = next((q for q in reversed(qs[:i]) if q.kind == "percent"), None)
    lo = p1.start + len(p1.text) if p1 is not None else 0
    words = [m for m in _FRACTION_OF.finditer(text, lo, p2.start)]
    if words and _stops(text, words[-1].start(), p2.start) <= 1:
        m = words[-1]
        return _FRACTIONS[m.group("f").lower()], m.group("f").lower(), m.start()
    if p1 is None or not 0 < p1.value < 100 or p2.sentence - p1.sentence > 1:
        return None
    return p1.value / 100, f"{p1.value:g}%", p1.start


def _share_of_share(qs: list[Quantity], text: str, judge: Callable[..., Check | None]) -> list[Check | None]:
    """A percentage of a percentage: a base, a share of it, a share "of those", then the figure they give ("of 200
    million users thirty percent open the app each day, and two percent of those post, so ... 4 million uploads a
    day"). The second share is of the first's part, so the figure is the base × both shares; taking the second of
    the whole base is the slip this catches."""
    out: list[Check | None] = []
    for i, p2 in enumerate(qs):
        if p2.kind != "percent" or not 0 < p2.value < 100 or not _OF_PART.match(text[p2.start + len(p2.text):]):
            continue
        first = _first_share(qs, text, i)
        if first is None:
            continue
        share1, said1, at1 = first
        before = [q for q in qs[:i] if q.start < at1]
        base = next((q for q in reversed(before) if q.kind in _SHARE_KINDS), None)
        if base is None or base.value <= 0 or base.has("per_instance") or \
                _stops(text, base.start, p2.start) > 1:
            continue
        # (the base said again as the operand of the share is not its result: "20 percent of 10 million, 2 million")
        said = next((q for q in qs[i + 1:] if q.kind != "percent"
                     and not re.search(r"\bof\s+$", text[max(0, q.start - 4):q.start])), None)
        if said is None or said.kind not in _SHARE_KINDS or said.sentence - p2.sentence > 1 or \
                not _DERIVED_BETWEEN.search(text, p2.start + len(p2.text), said.start) or \
                any(q.kind in _SHARE_KINDS for q in qs[len(before):i]):     # (a part said between: the chain's own step)
            continue
        per = said.period_s if said.kind == "throughput" and said.period_s > 1 else 1.0
        total = base.value * (base.period_s if base.kind == "throughput" and base.period_s > 1 else 1.0)
        right = total * share1 * p2.value / 100
        how = f"{base.text} × {said1} × {p2.value:g}% of those"
        if said.kind == "throughput" and base.kind == "users":
            out.append(judge("qps_from_users", said, right / per, how + f" = {fmt_num(right)} a day ÷ 86,400 s"
                             if per == 86400 else how, []))
        else:
            unit = _PER.get(int(per), f"/{per:g} s") if per != 1 else None
            out.append(judge("share", said, right, how, [], unit, said.value * per))
    return out


# the figure the share gives, said right after it: "if 2 percent land there, that is 10,000 a day"
_SHARE_GIVES = re.compile(r"[^.;\d]{0,60}?\b(?:so|that'?s|that is|which is|which gives|gives|giving|means|meaning|"
                          r"makes|comes to|works out to)\s+(?:(?:us|you|me)\s+)?(?:about\s+|roughly\s+|around\s+|some\s+|only\s+|just\s+|"
                          r"nearly\s+|close to\s+)?$", _F)
# ... or opening the next sentence, as speech often ends the share first: "ten million rows with one percent positive.
# That's about ten thousand positives"
_SHARE_GIVES_NEXT = re.compile(r"[^.;\d]{0,40}?[.]\s+(?:so\s+)?(?:that'?s|that is|which is|that gives|that comes to|that makes)\s+"
                               r"(?:(?:us|you|me)\s+)?(?:about\s+|roughly\s+|around\s+|some\s+|only\s+|just\s+|nearly\s+|"
                               r"close to\s+)?$", _F)
_SHARE_KINDS = ("throughput", "dataset", "users")
_IN_A_SPAN = re.compile(r"\b(?:window|seconds?|minutes?|hours?|days?|weeks?|months?|years?|peak|evening|night|morning|"
                        r"lunch|dinner)\b", _F)
_PER = {60: "/minute", 3600: "/hour", 86400: "/day", 604800: "/week", 2592000: "/month", 31536000: "/year"}


def _things(q: Quantity) -> str:
    """What a figure counts, as said ("images" in "10,000 images a day"); '' when it names nothing."""
    m = re.search(r"\b([a-z]{3,})\s+(?:a|per|an|each|every)\s+\w+$|\b([a-z]{3,})$", q.text.lower())
    return (m.group(1) or m.group(2) or "").rstrip("s") if m else ""


def _percent_of(qs: list[Quantity], text: str, judge: Callable[..., Check | None],
                taken: set[int]) -> list[Check | None]:
    out: list[Check | None] = []
    for i, p in enumerate(qs):
        if p.kind != "percent" or not 0 < p.value < 100 or i + 1 >= len(qs):
            continue
        said, base = qs[i + 1], None
        if i + 2 < len(qs) and said.kind in _SHARE_KINDS and _OF_THE.match(text[p.start + len(p.text):said.start]):
            base, said = said, qs[i + 2]      # "10 percent of the 5 million users, that's 500,000"
        after = base or p
        gives = said.sentence == p.sentence and _SHARE_GIVES.fullmatch(text, after.start + len(after.text), said.start)
        gives = gives or (said.sentence == p.sentence + 1 and
                          _SHARE_GIVES_NEXT.fullmatch(text, after.start + len(after.text), said.start))
        if not gives or said.kind not in _SHARE_KINDS or said.start in taken or \
                _IN_A_SPAN.search(text, p.start + len(p.text), said.start):
            continue        # (a share done in a window of the day is the window's step: "40 percent in three hours")
        if base is None:
            # what the share is of: the last figure of the same kind before the percent, in its sentence or the one
            # before, or further back when it counts the same things ("five million images a day ... 10,000 images a
            # day"); with another percent between them the share may be of something else
            base = next((q for q in reversed(qs[:i]) if q.kind == said.kind), None)
            if base is None or any(q.kind == "percent" for q in qs[qs.index(base) + 1:i]):
                continue
            if p.sentence - base.sentence > 1 and _things(base) != _things(said):
                continue
        if base.kind != said.kind:
            continue
        if base.value <= 0 or base.has("per_user") != said.has("per_user") or \
                base.has("per_instance") != said.has("per_instance"):
            continue
        share = p.value / 100
        ways = [(base.value * share, f"{p.value:g}% of it"), (base.value * (1 - share), f"the {100 - p.value:g}% left"),
                (base.value * (1 + share), f"{p.value:g}% more")]
        right, what = min(ways, key=lambda w: abs(math.log(said.value / w[0])))
        per = said.period_s if said.kind == "throughput" and said.period_s > 1 else 1.0
        unit = _PER.get(int(per), f"/{per:g} s") if per != 1 else None
        out.append(judge("share", said, right * per, f"{base.text} × {what}", [], unit, said.value * per))
    return out


_ONE_IN = re.compile(r"\b(?:one|1)\s+(?:(?P<noun>[a-z-]{3,})\s+)?(?:in|out of)\s+(?:every\s+)?(?P<n>(?:[a-z]+\s+)?(?:a\s+)?(?:hundred|thousand|million)(?:\s+thousand)?"
                     r"|[\d,]+(?:\.\d+)?\s*(?:k|thousand|million)?|[a-z]+)\b", _F)
# the count the rate gives, said right after it: "at one in a thousand that's ten thousand positives"
_GIVES = re.compile(r"^\s*,?\s*(?:(?:so|that's|that is|which is|which gives|gives|giving|means|meaning|makes|is|are|"
                    r"(?:that |which |it )?(?:leaves|leaving)|"
                    r"about|roughly|around|some|only|just)\s+)+$", _F)
_COUNT_KINDS = ("dataset", "items", "users", "count")


def _one_in(qs: list[Quantity], text: str, judge: Callable[..., Check | None]) -> list[Check | None]:
    out: list[Check | None] = []
    for m in _ONE_IN.finditer(text):
        nums = find_numbers(m.group("n"))
        if not nums or nums[0].start != 0 or nums[0].value < 2:
            continue
        n = nums[0].value
        # the count in the same sentence, or in the one before when the rate names what it counts ("... and 9.9
        # million negatives. If I keep one negative in ten, that leaves ...")
        noun = (m.group("noun") or "").lower()
        count = next((q for q in reversed(qs) if q.start < m.start() and q.kind in _COUNT_KINDS and q.value >= n
                      and (_stops(text, q.start, m.start()) == 0 or
                           (noun and _stops(text, q.start, m.start()) == 1 and _names(text, q, noun)))), None)
        if count is None and noun:
            count = _counted(text, m.start(), noun)
        if count is None or find_numbers(text[count.start + len(count.text):m.start()]):
            continue
        stop = text.find(".", m.end())
        after = find_numbers(text[m.end():len(text) if stop < 0 else stop])
        if not after or not _GIVES.match(text[m.end():m.end() + after[0].start]):
            continue
        said = after[0]
        at = m.end() + said.start
        after_noun = re.match(r"\s+[a-z-]+", text[m.end() + said.end:])
        stated = Quantity(text[at:m.end() + said.end + (after_noun.end() if after_noun else 0)], said.value, "", "dataset",
                          said.value, start=at)
        out.append(judge("share_of_count", stated, count.value / n,
                         f"{fmt_num(count.value)} × one in {fmt_num(n)}", [], ""))
    return out


def _stops(text: str, start: int, end: int) -> int:
    """Sentence ends between two offsets (a full stop before a space: not the point of "9.9")."""
    return len(re.findall(r"[.!?](?=\s)", text[start:end]))


def _names(text: str, count: Quantity, noun: str) -> bool:
    """Does the count name what the rate counts ("9.9 million negatives" for "one negative in ten")?"""
    said = text[count.start:count.start + len(count.text) + 30].lower()
    return re.search(r"\b" + re.escape(noun.rstrip("s")[:6]), said) is not None


def _counted(text: str, end: int, noun: str) -> Quantity | None:
    """The last figure before `end`, in its sentence or the one before, said with the noun the rate counts ("nine
    point nine million negatives" for "one negative in ten"), as a count."""
    starts = [m.end() for m in re.finditer(r"[.!?](?=\s)", text[:end])]
    begin = starts[-2] if len(starts) >= 2 else 0
    found = None
    for num in find_numbers(text[begin:end]):
        at = begin + num.start
        word = re.match(r"\s+([a-z-]+)", text[begin + num.end:end])
        if word and word.group(1).lower().rstrip("s")[:6] == noun.lower().rstrip("s")[:6]:
            found = Quantity(text[at:begin + num.end + word.end()], num.value, "", "dataset", num.value, start=at)
    return found
