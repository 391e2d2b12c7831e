"""Napkin math: a rate read from a sample stands for the whole stream. "The tracer keeps one request in a hundred
and it shows 200 a second" means about 20,000 a second in full; a day's total worked from the 200 alone ("200 x
86,400, about 17 million requests") is the sample's day, a hundred times short. The check finds the sampling ratio
said (one in N, N percent sampled), the rate said as what the sample shows, and a total over an hour, day, week,
month or year worked from that rate without the ratio; a total said to be the sample's own ("17 million sampled
traces") is left alone."""
from __future__ import annotations

import re
from collections.abc import Callable

from coach.scoring.napkin_judge import Check
from coach.scoring.numbers import find_numbers
from coach.scoring.sizing import Quantity
from coach.scoring.text import fmt_num

_F = re.IGNORECASE
_RATIO = re.compile(r"\b(?:keeps?|kept|samples?|sampled|sampling|traces?|traced|logs?|logged|records?|recorded|"
                    r"captures?|captured)\s+(?:only\s+|just\s+)?(?:one|1|a single)\s+(?:[a-z]+\s+)?in\s+(?:every\s+)?"
                    r"(?P<n>(?:a\s+)?[\w,.]+(?:\s+(?:hundred|thousand|million))?)|"
                    r"\b(?P<p>[\d.]+|one|a tenth of a|half a)\s*(?:%|percent)\s+(?:sample|sampling|of (?:the )?(?:requests|"
                    r"traffic|calls|events) (?:is |are )?(?:sampled|traced|kept))|\bsampl\w+ (?:at|rate of) "
                    r"(?P<p2>[\d.]+|one)\s*(?:%|percent)", _F)
# the rate as what the sample shows: "it shows 200 a second", "the sample sees 40 a second"
_SHOWS = re.compile(r"\b(?:shows?|sees?|saw|records?|counts?|observes?|captures?|has|gives?|reports?)\s+"
                    r"(?:about\s+|roughly\s+|around\s+|some\s+)?$", _F)
_SAMPLE_WORDS = re.compile(r"\b(?:sampl\w+|traces?|kept|keeps?)\b", _F)
_ONE_IN = ("one in ", "1 in ")      # a ratio said without a word for sampling ("keeps one in fifty")
_NOUN = re.compile(r"\s+[a-z]{3,}s\b", _F)
# the period the total is said for, named in the working ("a day is 30 x 86,400", "per hour")
_PERIOD_WORDS = {3600.0: re.compile(r"\b(?:hour|hourly|3,?600)\b", _F), 86400.0: re.compile(r"\b(?:day|daily|86,?400)\b", _F),
                 604800.0: re.compile(r"\b(?:week|weekly)\b", _F), 2592000.0: re.compile(r"\b(?:month|monthly)\b", _F),
                 31536000.0: re.compile(r"\b(?:year|yearly|annual)\b", _F)}
_PERIODS = {3600.0: "3,600 s", 86400.0: "86,400 s", 604800.0: "a week's seconds", 2592000.0: "a month's seconds",
            31536000.0: "a year's seconds"}


_ANCHORS = ("keep", "kept", "sampl", "trac", "log", "record", "captur")    # where a ratio can open (_RATIO)
_PERCENT = ("%", "percent")


def _ratios(text: str, low: str) -> list[re.Match[str]]:
    """_RATIO's matches, looked for only near the words it opens on (a search of the whole answer is slow)."""
    found: dict[int, re.Match[str]] = {}
    for stem, back in [(w, 0) for w in _ANCHORS] + [(w, 16) for w in _PERCENT]:
        i = low.find(stem)
        while i >= 0:
            if back or i == 0 or not low[i - 1].isalpha():
                m = _RATIO.search(text, max(0, i - back), i + 90) if back else _RATIO.match(text, i)
                if m is not None:
                    found.setdefault(m.start(), m)
            i = low.find(stem, i + 1)
    return [found[k] for k in sorted(found)]


def check(qs: list[Quantity], text: str, judge: Callable[..., Check | None]) -> list[Check | None]:
    low = text.lower()
    if "sampl" not in low and " in every " not in low and not any(w in low for w in _ONE_IN):
        return []           # (cheap to rule out: this runs on every answer)
    out: list[Check | None] = []
    for m in _ratios(text, low):
        said = m.group("n") or m.group("p") or m.group("p2") or ""
        nums = find_numbers(said)
        if m.group("n"):
            ratio = nums[0].value if nums else 0.0
        else:
            pct = 1.0 if said.lower() == "one" else 0.1 if said.lower() == "a tenth of a" else \
                0.5 if said.lower() == "half a" else nums[0].value if nums else 0.0
            ratio = 100 / pct if 0 < pct < 100 else 0.0
        if not 2 <= ratio <= 1e6:
            continue
        end = text.find(". ", m.end())
        stop = len(text) if end < 0 else end
        rate = next((q for q in qs if m.end() <= q.start < stop and q.kind == "throughput" and q.period_s == 1
                     and _SHOWS.search(text, max(0, q.start - 30), q.start)), None)
        if rate is None or rate.value <= 0:
            continue
        after = rate.start + len(rate.text)
        for n in find_numbers(text[after:stop]):
            if 0.5 <= n.value / (rate.value * ratio) <= 2:
                break             # the full stream worked out ("so 1,500 a second in all"): scaled already
            period = next((p for p in _PERIODS if 0.5 <= n.value / (rate.value * p) <= 2), None)
            if period is None or not _PERIOD_WORDS[period].search(text, after, stop):
                continue
            at = after + n.start
            clause_end = re.search(r"[,;]|$", text[at:stop])
            tail = text[at:at + (clause_end.start() if clause_end else 0)]
            if _SAMPLE_WORDS.search(tail):
                continue          # the sample's own total, said so
            noun = _NOUN.match(text, after + n.end)
            said_q = Quantity(text[at:noun.end() if noun else after + n.end], n.value, "", "count", n.value, (), 0.0,
                              at, -1)
            how = f"{rate.text} in a sample of one in {fmt_num(ratio)} is {fmt_num(rate.value * ratio)}/s in full, " \
                  f"× {_PERIODS[period]}"
            out.append(judge("per_day", said_q, rate.value * ratio * period, how, [], unit=""))
            break
    return out
