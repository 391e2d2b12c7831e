"""Napkin checks on rates: peak against average, fan-out per request, per-second against per-day.

  peak      a peak rate against the average before it: the factor said ("peak is 3x") within the
            tolerance, or, with no factor said, between 1x and 10x the average (flagged at 3x when wrong)
  fan_out   items scored per second = requests per second x items per request
  per_day   a per-second rate restated per day: x 86,400
Also the parts napkin.py reads: a batch window said between a day's total and its rate, and a size said as
the rate's own multiplier.
"""
from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from coach.scoring.napkin_windows import busy_window
from coach.scoring.numbers import find_numbers
from coach.scoring.sizing import Quantity, factors as said_factors
from coach.scoring.literals import may_match
from coach.scoring.text import fmt_num, folded_search

if TYPE_CHECKING:
    from coach.scoring.napkin import Check

PEAK_RANGE = (1.0, 10.0)
DEFAULT_PEAK = 3.0
# A peak of a few a second over an average under one a second is the floor a service is sized for, not a multiple
# worked out wrong: "ten thousand questions a day, call it a peak of five a second" (the 1-10x range is for rates
# large enough that the multiple is the estimate)
SMALL_AVERAGE, SMALL_PEAK = 1.0, 10.0
_F = re.IGNORECASE
FAN_NOUNS = (r"candidates?|items?|posts|documents|docs|ads|products|results|videos|scores|candidate scores|predictions|"
             r"lookups|reads|fetches|passages|chunks")
REQ_NOUNS = r"requests?|quer(?:y|ies)|searches|loads|feed loads|calls|page ?views|impressions|sessions|page loads"
_FAN_ITEM = re.compile(rf"\b(?:{FAN_NOUNS})\b", _F)
_FAN_AFTER = re.compile(rf"^\s+(?:[a-z]+\s+)?(?:{FAN_NOUNS})\b", _F)
# "200 candidates per request", and any counted thing handled per request: "eighty listings reranked per search"
_PER_REQ_AFTER = re.compile(rf"^\s+(?:[a-z]+\s+)?(?:{FAN_NOUNS}|[a-z]{{3,}}s\s+[a-z]+ed)\s+(?:per|each|for each|a|in each|on each|on every|"
                            rf"for every|with each|with every)\s+"
                            rf"(?:[a-z]+\s+)?(?:{REQ_NOUNS}|request|query|search|load|call)\b", _F)
# "each request", "every search", and the plural after a count: "each of the 5,000 queries a second fetches 200 ..."
_PER_REQ_BEFORE = re.compile(r"\b(?:each|every|per|a single)\s+(?:(?:one\s+)?of\s+(?:the|our|those|these)\s+[\d,.]+"
                             r"(?:\s+(?:thousand|million|k))?\s+)?(?:[a-z-]+\s+)?(?:request|query|search|load|call|"
                             r"page ?view|impression|session|quer(?:y|ies)|requests|searches|loads|calls|page ?views|"
                             r"impressions|sessions)\b[^.;]{0,30}$", _F)


_RUSH = (r"\b(?:the|a|morning|evening|lunch|holiday|daily|traffic) (?:rush|spike|surge)|\bbusiest\b|"  # a peak by another name
         r"\bat (?:dinner|lunch|breakfast)(?: ?time)?\b|\bbusy (?:hour|period|time|season|day|minute)s?\b|"
         r"\b(?:climbs?|spikes?|jumps?|surges?|bursts?|shoots? up)\s+to\b|"
         # what capacity is planned for is the peak: "so capacity is planned for about three thousand a second"
         r"\bcapacity (?:is |was |gets |has to be |must be )?(?:planned|sized|built|provisioned) for\b|"
         r"\b(?:plan|planned|provision|provisioned|size|sized) (?:the )?capacity for\b|"
         # "so we size for around six hundred a second": what a fleet is sized for is its peak
         r"\b(?:we|i|you) (?:size|sized|plan|planned|provision|provisioned|build|built) (?:the fleet |the system |it |"
         r"capacity )?for\b|"
         # what the servers must be able to take is the peak too: "so the servers need to handle about 7,000 a second"
         r"\b(?:needs?|has|have|must|got) (?:to )?(?:be able to )?(?:handle|absorb|sustain|take)\b|"
         # and what the system must be ready for: "so we should be ready for something like six thousand"
         r"\b(?:be|get|stay) (?:ready|prepared) for\b")


# (the average by another name too: "typical load is around two thousand rps", "on a normal day", "baseline")
_PEAK_WORD, _AVERAGE_WORD = re.compile(r"\bpeak", _F), re.compile(r"\baverage|\bon average|\bmean\b|\btypical(?:ly)?\b|"
                                                               r"\bnormal(?:ly)?\b|\busual(?:ly)?\b|\bbaseline\b", _F)
_RUSH_WORDS, _CLAUSE_MARK = re.compile(_RUSH, _F), re.compile(r"[;,]")
_NEXT_CLAUSE = re.compile(r"[;:]|\bbut\b")   # (compiled once: read around every rate)
_JOINED = re.compile(r"\b(?:and|but|while|whereas|rising to|up to)\b|;", _F)
_NEXT_SUBJECT = re.compile(r",\s*(?:and|so|while|with|then)\s+(?:(?:and|with)\s+)?(?:the|our|its|at|a|an)\b", _F)
_TIMES_THAT = re.compile(r"[a-z]*\s+(?:(?:is|are|runs?|of|at|maybe|about|around|roughly|perhaps|probably|could be|"
                         r"might be|would be|go(?:es)? to|reach(?:es)?)\s+){0,3}(?:(?:[\w.,-]+\s+){1,2}(?:times|x)|"
                         r"twice|double|triple|thrice)\s+"
                         r"(?:that|this|it|the average)\b", _F)
_ABOVE_IT = re.compile(r"\b(?:more|higher|above|over|rising|spiking|bigger|greater)\b", _F)


def is_peak(text: str, q: Quantity) -> bool:
    """Said as a peak: the nearer of "peak" and "average" around the number is "peak"."""
    return _peak_at(text, q.start, q.text)


@functools.lru_cache(maxsize=256)
def _peak_at(text: str, at: int, said: str) -> bool:
    """`is_peak` of the figure `said` at `at` (asked about one figure by several checks: worked out once)."""
    lo, hi = max(0, at - 35), at + len(said) + 25
    window = text[lo:hi]
    start, end = at - lo, at - lo + len(said)

    def dist(word: re.Pattern[str], clause: bool = False) -> int:
        return min((start - m.end() if m.end() <= start else max(0, m.start() - end)
                    for m in word.finditer(window)
                    if not (clause and _CLAUSE_MARK.search(window[min(end, m.start()):max(start, m.start())]))),
                   default=10 ** 6)
    # "rush" in the next clause names what comes next ("500/s; the evening rush is 3x"), not this figure, and so
    # does "peak" after a semicolon ("3,000 a second on average; at peak it's 4x")
    # and a peak said to be above it ("twenty-three hundred per second, more at peaks") makes it the base
    peak = min((start - m.end() if m.end() <= start else max(0, m.start() - end)
                for m in _PEAK_WORD.finditer(window) if not _NEXT_CLAUSE.search(window[end:m.start()])
                and not (m.start() >= end and (_ABOVE_IT.search(window[end:m.start()])
                                               # "1,150 a second, with peaks maybe three times that": the peak is a
                                               # multiple of this figure, so this one is its base
                                               or _TIMES_THAT.match(text, lo + m.end(), lo + m.end() + 40)
                                               # "about 2,300 a second, and the peak is three times that": the next
                                               # clause's subject
                                               or _NEXT_SUBJECT.search(window[end:m.start()])))),
               default=10 ** 6)
    # "800 a second on average and 3,000 at the holiday peak": an "average" before the joining word is the figure's
    # before it
    a = min((start - m.end() if m.end() <= start else max(0, m.start() - end) for m in _AVERAGE_WORD.finditer(window)
             if not (m.end() <= start and _JOINED.search(window[m.end():start]))), default=10 ** 6)
    p = min(peak, dist(_RUSH_WORDS, clause=True))
    if p < 10 ** 6 and a < 10 ** 6 and _average_in_own_clause(window, start, end):
        return False
    return p < 10 ** 6 and p < a


_CLAUSE_END = re.compile(r"[,;:]|[.!?](?:\s|$)")


def _average_in_own_clause(window: str, start: int, end: int) -> bool:
    """"Average load is 5,000 QPS. Peak is three times that" and "5,000 QPS average, peak is 3x": the figure's own
    clause calls it the average, and the peak said across a comma or a full stop names the figure said next."""
    clause_lo = max((m.end() for m in _CLAUSE_END.finditer(window, 0, start)), default=0)
    nxt = _CLAUSE_END.search(window, end)
    clause_hi = nxt.start() if nxt else len(window)
    own = window[clause_lo:clause_hi]
    return bool(_AVERAGE_WORD.search(own)) and not _PEAK_WORD.search(own) and not _RUSH_WORDS.search(own)


_TOKENS = re.compile(r"\btokens?\b", _F)


def counts_tokens(q: Quantity) -> bool:
    """A rate of tokens is a model's decoding speed ("thirty tokens a second per user"), not a count of requests or
    messages: neither is the peak of the other, and a per-user speed is no per-user request rate."""
    return bool(_TOKENS.search(q.text))


def _total_rate(q: Quantity) -> bool:
    return q.kind == "throughput" and not q.has("per_user") and not q.has("per_instance") and 0 < q.period_s <= 60


def _fan_item(text: str, q: Quantity) -> bool:
    return bool(_FAN_ITEM.search(q.text) or (_FAN_AFTER.match(text[q.start + len(q.text):q.start + len(q.text) + 25])
                or _counted_per_request(text, q)) and not re.search(REQ_NOUNS, q.text, _F))


def _counted_per_request(text: str, q: Quantity) -> bool:
    """The rate counts a thing the answer also counted per request ("80 listings reranked per search")."""
    noun = re.search(r"\b([a-z]{3,}s)\s*(?:a|per|/|each|every)\s*(?:second|sec|s|minute|min)\b", q.text, _F)
    return noun is not None and bool(re.search(rf"\b{noun.group(1)}\s+(?:[a-z]+ed\s+)?(?:per|each|for each|in each)\s+"
                                         rf"(?:{REQ_NOUNS}|request|query|search|load|call)\b", text, _F))


_ANY_COUNT_AFTER = re.compile(r"^\s+(?:[a-z]+\s+)?(?P<noun>[a-z]{3,}s)\b(?!\s*(?:a|per|/|each|every)\s*(?:second|sec|minute|"
                              r"hour|day)\b)", _F)


def _counted_things(text: str, span: Any, calls: bool = False) -> bool:
    """Any plural noun that is no unit after a count ("sixty related dishes"): the things a request asks for; with
    `calls`, requests too (what one feed load makes: "each feed load triggers 40 recommendation calls")."""
    from coach.scoring.units import match_unit
    tail = text[span.end:span.end + 60]
    if not _ANY_COUNT_AFTER.match(tail) or (not calls and re.match(rf"^\s+(?:[a-z]+\s+)?(?:{REQ_NOUNS})\b", tail, _F)):
        return False
    um = match_unit(tail, "", "", span.value)
    # "each request hits 3 shards": the parts a request reaches are what it fans out to, as are counted items
    return um is None or um.kind == "dataset" or (um.kind == "compute" and span.value < 1000)


_EACH_THING = re.compile(r"\b(?:each|every|per|a single)\s+(?P<w1>[a-z-]{3,})(?:\s+(?P<w2>[a-z]{3,}))?"
                         r"(?:\s+(?P<w3>[a-z]{3,}))?\b[^.;]{0,40}$", _F)


def _per_rated_thing(text: str, before: str) -> bool:
    """"Every checkout asks for 30 signals" when the answer gives a rate of checkouts ("400 checkouts a second"):
    the thing counted per second is the request, whatever it is called."""
    m = _EACH_THING.search(before)
    if m is None:
        return False
    return any(folded_search(re.compile(rf"\b{re.escape(w.lower())}e?s\s*(?:a|per|/|each|every)\s*(?:second|sec|minute)\b",
                                        _F), text)
               for w in (m.group("w1"), m.group("w2"), m.group("w3")) if w)


_PER_THING_AFTER = re.compile(r"^\s+(?:[a-z]+\s+)?(?P<things>[a-z]{3,}s)\s+(?:per|for each|for every|on each|on every|"
                              r"in each|with each)\s+(?P<w>[a-z]{3,})\b", _F)


def _rated(text: str, word: str) -> bool:
    """The answer gives a rate of this thing ("three million orders a day", "400 checkouts a second")."""
    return bool(re.search(rf"\b{re.escape(word.lower())}e?s\s*(?:a|per|/|each|every)\s*(?:second|sec|minute|hour|day)\b",
                          text, _F))


def _per_rated_after(text: str, tail: str) -> bool:
    """"roughly ten views per order" when the answer rates orders: each order fans out to ten views."""
    m = _PER_THING_AFTER.match(tail)
    return m is not None and m.group("things").lower().rstrip("s") != m.group("w").lower() and _rated(text, m.group("w"))


# the fan-out named as such: "each request fans out to 250 songs", "a fan-out of about forty shards"
_FAN_VERB = re.compile(r"\bfan(?:s|ned|ning)?[- ]?outs? (?:to|of|is|across|over)\s+(?:about |roughly |around |up to |"
                       r"maybe |some )?$", _F)


_TOP_BEFORE = re.compile(r"\b(?:the\s+)?(?:top|best|highest[- ]scored|highest[- ]scoring)\s+$", _F)
_A_RATE = re.compile(r"^\s*(?:[a-z-]+\s+){0,3}?(?:a|per|each|every)\s+(?:second|sec|minute|min)\b", _F)


# "two thousand queries a second and each one goes to all 24 shards": "each one" stands for the things just rated
_EACH_OF_THE_RATED = re.compile(rf"\b(?:{REQ_NOUNS}|[a-z]{{3,}}s)\s*(?:a|per|/|each|every)\s*"
                                r"(?:second|sec|s|minute|min)\b[^.;\d]{0,20}?\b(?:each|every)\s+"
                                r"(?:one|of them|one of them)\b[^.;\d]{0,40}$", _F)


def fan_outs(text: str) -> list[tuple[float, int]]:
    """(items per request, where it was said)."""
    out: list[tuple[float, int]] = []
    for span in find_numbers(text):
        if span.value < 2:
            continue
        tail = text[span.end:span.end + 60]
        if _A_RATE.match(tail):
            continue        # "... for every request is half a billion predictions a second": the rate it makes
        before = text[max(0, span.start - 60):span.start]
        lo = max(0, span.start - 120)     # (the words every match holds are tested first: the search is slow)
        rated = _per_rated_thing(text, before) or bool(may_match(_EACH_OF_THE_RATED, text[lo:span.start])
                                                       and _EACH_OF_THE_RATED.search(text, lo, span.start))
        if out and _TOP_BEFORE.search(before):
            out.append((span.value, span.start))      # "... only takes the top twenty": the narrower fan-out
            continue
        if _PER_REQ_AFTER.match(tail) or _per_rated_after(text, tail) or _FAN_VERB.search(before) or (
                (_PER_REQ_BEFORE.search(before) or rated) and
                (_FAN_AFTER.match(tail) or _counted_things(text, span, calls=rated))):
            out.append((span.value, span.start))
    return out


def _noun(q: Quantity) -> str:
    m = re.search(r"\b([a-z]{3,}s)\s*(?:a|per|/|each|every)\s*(?:second|sec|s|minute|min)\b", q.text, _F)
    return m.group(1).lower() if m else ""


def _made_per_request(text: str, q: Quantity, fan_at: int, rates: list[Quantity]) -> bool:
    """A rate of another thing than the requests, said after the fan-out in the same or the next sentence and
    after a rate of requests ("sixty dishes per page view ... 2,500 views a second, so fifteen thousand suggestions
    a second"): the items the requests fan out to, whatever the candidate calls them."""
    noun = _noun(q)
    said = find_numbers(text[fan_at:fan_at + 40])
    counted = _ANY_COUNT_AFTER.match(text[fan_at + said[0].end:fan_at + said[0].end + 60]) if said else None
    if not noun and counted and q.start - fan_at < 90 and not re.search(r"[.;!?]", text[fan_at:q.start]) \
            and any(r.start < fan_at and r is not q for r in rates):
        return True             # "400 predictions per order and about 33,000 a second": a bare rate in the fan-out's
        #                         clause counts the fanned-out things
    if noun and counted and counted.group("noun").lower() == noun and text.count(".", fan_at, q.start) <= 1 and \
            any(r.start < q.start and r is not q and _noun(r) not in ("", noun) for r in rates):
        return True             # "40 recommendation calls" per load, then "50,000 recommendation calls a second"
    if counted and text.count(".", fan_at, q.start) <= 1 and \
            re.search(rf"\b(?:the|those|these|all the|all|our)\s+(?:[a-z-]+\s+)?{re.escape(counted.group('noun').lower())}"
                      rf"\s+(?:[a-z']+\s+){{1,2}}$", text[max(0, q.start - 50):q.start], _F) \
            and any(r.start < fan_at and r is not q for r in rates):
        return True             # the fanned-out things named as the ones doing it: "so the shards answer ... calls a second"
    if counted and text.count(".", fan_at, q.start) <= 1 and any(r.start < q.start and r is not q for r in rates) and \
            _tier_sees(counted.group("noun").lower().rstrip("s")).search(text, max(fan_at, q.start - 80), q.start):
        return True             # their tier as a whole: "the shard tier as a whole sees 3,000 over forty, about 75 a second"
    if noun and text.count(".", fan_at, q.start) <= 1 and \
            _verb_before(noun.rstrip("s")).search(text[max(0, fan_at - 30):fan_at]) \
            and _DERIVED.search(text[max(0, q.start - 60):q.start]) \
            and any(r.start < q.start and r is not q and _noun(r) not in ("", noun) for r in rates):
        return True             # "calls 8 services on every load ... that is 24,000 calls a second": the verb names them
    done = _DONE_TO.match(text[fan_at + said[0].end:fan_at + said[0].end + 60]) if said else None
    if done and text.count(".", fan_at, q.start) == 0 and re.search(rf"\b{re.escape(done.group('stem').lower())}", q.text, _F) \
            and any(r.start < fan_at and r is not q and _noun(r) != noun for r in rates):
        return True             # "forty posts scored on every load ... 10,000 scoring calls a second": the verb names them
    per = _PER_THING_AFTER.match(text[fan_at + said[0].end:fan_at + said[0].end + 60]) if said else None
    # requests are the fanned-out things when the fan-out is per something else ("ten views per order")
    fanned_requests = per is not None and not re.fullmatch(REQ_NOUNS, per.group("w") + "s", _F)
    if not noun or (re.fullmatch(REQ_NOUNS, noun, _F) and not fanned_requests) or text.count(".", fan_at, q.start) > 1:
        return False
    if not any(r.start < q.start and r is not q and _noun(r) != noun for r in rates):
        return False
    said = find_numbers(text[fan_at:fan_at + 40])
    fan_noun = _ANY_COUNT_AFTER.match(text[fan_at + said[0].end:fan_at + said[0].end + 60]) if said else None
    if fan_noun and fan_noun.group("noun").lower().rstrip("s") == noun.rstrip("s"):
        return True                     # "30 signals per checkout ... 12,000 signals a second": the same things
    # another name for them needs the answer to derive it: "so the model produces about fifteen thousand suggestions"
    return bool(_DERIVED.search(text[max(0, q.start - 60):q.start]))


# what is done to each counted item: "forty candidate posts scored on every load" (the stem names the rate made)
_DONE_TO = re.compile(r"^\s+(?:[a-z]+\s+)?[a-z]{3,}s\s+(?P<stem>[a-z]{4,}?)e?d\s+(?:on|for|in|per|with)\s+"
                      r"(?:each|every|a|per)\b", _F)


@functools.lru_cache(maxsize=64)
def _tier_sees(stem: str) -> re.Pattern[str]:
    """The fanned-out things taken together as what receives the load (not "each shard": one of them)."""
    return re.compile(rf"\b(?:the|all the|all|our|all of the)\s+(?:[a-z-]+\s+)?{re.escape(stem)}s?"
                      r"(?:\s+(?:tier|layer|fleet|cluster|side|servers|nodes))?\s+(?:as a whole\s+|in total\s+|together\s+|"
                      r"combined\s+)?(?:sees?|gets?|takes?|receives?|handles?|serves?|answers?|must (?:take|handle))\b"
                      r"[^.;]*$", _F)


@functools.lru_cache(maxsize=64)
def _verb_before(stem: str) -> re.Pattern[str]:
    """The rate's noun as the verb of the fan-out: "calls" before "8 backend services", "pings" before "12 shards"."""
    return re.compile(rf"\b{re.escape(stem)}(?:s|es|ed|ing)?\s+(?:out to\s+|to\s+)?(?:about |roughly |around |up to )?$", _F)


_DERIVED = re.compile(r"\b(?:so|that's|that is|which is|which means|means|meaning|gives|giving|comes to|or about|"
                      r"works out to|in total)\b[^.;,]{0,40}$", _F)


_TIME_A_DAY = re.compile(r"^[\d,.]+\s*(?:seconds|secs|minutes|mins|hours)\s+(?:a|per|in a|each)\s+day$", _F)


_SAID_AS = re.compile(r"\b(?:is|are|makes|gives|equals)\s+(?:about\s+|roughly\s+|around\s+|some\s+|nearly\s+|just\s+)?$", _F)


def check(qs: list[Quantity], text: str, factors: list[float], judge: Callable[..., Check | None]) -> list[Check | None]:
    out = []
    rates = [q for q in qs if _total_rate(q)]
    fans = fan_outs(text)
    for q in rates:
        last_fan = next(((n, at) for n, at in reversed(fans) if at < q.start), None)
        fan = last_fan if last_fan and (_fan_item(text, q) or _made_per_request(text, q, last_fan[1], rates)) else None
        if fan is not None:
            n, at = fan
            base = _base(text, [r for r in rates if r.start < at and not _fan_item(text, r)], q) or \
                _base(text, [r for r in rates if at < r.start < q.start and not _fan_item(text, r)
                             and _noun(r) != _noun(q)], q)
            if base is None:
                continue
            if any(at < r.start < q.start and r is not q and abs(r.value - base.value * n) <= 0.1 * base.value * n
                   for r in rates):
                continue    # the fan-out's own result was said before this rate: this is the chain's next step
            how = f"{fmt_num(base.value)}/s × {fmt_num(n)} per request"
            out.append(judge("fan_out", q, base.value * n, how, []))
        elif is_peak(text, q) or _scaled_from_average(text, q, rates):
            out.append(_peak(qs, text, q))
    shorter = [q for q in qs if q.kind == "throughput" and not q.has("per_user") and not q.has("per_instance")
               and 0 < q.period_s <= 3600]
    for r in shorter:
        peak = is_peak(text, r)      # a peak second makes a peak hour, never a day's total
        for d in qs[qs.index(r) + 1:]:
            # the same sentence, or the next when it opens by deriving ("... a second so that's about ... a day":
            # speech without marks is cut into clauses there)
            if d.sentence != r.sentence and not (d.sentence == r.sentence + 1 and _DERIVED.search(
                    text[max(r.start + len(r.text), d.start - 40):d.start])):
                break
            if d in shorter and not is_peak(text, d) and _noun(d) in ("", _noun(r)):
                break    # a later rate of the same things (one GPU's 200 tokens a second, then the cluster's 10,000):
                # a day's total said after it follows that rate
            if _TIME_A_DAY.match(d.text):
                continue     # "86,400 seconds a day": the day's length, not a flow
            # a daily figure said clauses later, after other figures, is the same flow only when said as derived
            # ("... forty analysts clearing two thousand payments a day" is another flow)
            apart = any(r.start < x.start < d.start and not _TIME_A_DAY.match(x.text) for x in qs) and \
                not _DERIVED.search(
                text[max(r.start + len(r.text), d.start - 40):d.start]) and not _SAID_AS.search(
                text[max(r.start + len(r.text), d.start - 30):d.start])
            if d.kind == "throughput" and d.period_s >= 3600 and d.period_s > r.period_s and not d.has("per_user") \
                    and not d.has("per_instance") and not (peak and d.period_s > 3600) and not apart:
                how = f"{fmt_num(r.value)}/s × {d.period_s:,.0f} s" if r.period_s <= 1 else \
                    f"{fmt_num(r.value * r.period_s)} {'an hour' if r.period_s == 3600 else 'a minute'} × " \
                    f"{d.period_s / r.period_s:,.0f}"
                out.append(judge("per_day", d, r.value * d.period_s, how, [], f"/{_period(d.period_s)}",
                                 d.value * d.period_s))
                break
    judged_at = {c.at for c in out if c is not None}
    out += [c for c in _one_every(qs, text, judge) if c is not None and c.at not in judged_at]
    twice: list[Check | None] = [c for c in _peak_twice(rates, text, judge) if c is not None]
    twice_at = {t.at for t in twice if t is not None}
    out = [c for c in out if c is None or c.at not in twice_at] + twice
    hourly: list[Check | None] = [c for c in _hour_over_day(qs, text, judge) if c is not None]
    over_day = {c.at for c in hourly if c is not None}
    hourly += [c for c in _hour_share_of_day(qs, text, judge) if c is not None and c.at not in over_day]
    # the peak hour's own count is the figure the rate follows from, not a typical peak over the day's average
    hours_at = {h.at for h in hourly if h is not None}
    out = [c for c in out if c is None or c.rule != "peak" or c.at not in hours_at] + hourly
    out = [_peak_on_busiest_hour(qs, text, c, hourly) or c for c in out]
    judged = {c.at for c in out if c is not None}
    out.extend(c for c in _hour_count_to_rate(qs, text, judge) + _day_from_peak(qs, text, judge)
               + _day_named_first(qs, text, judge) if c is not None and c.at not in judged)
    return [c for c in out if c is not None]


_EVERY = re.compile(r"\b(?:once\s+)?every\s+$", _F)
_SENDERS = ("users", "compute", "dataset")


def _one_every(qs: list[Quantity], text: str, judge: Callable[..., Check | None]) -> list[Check | None]:
    """Senders that each send one message every so often, and the rate they make ("three million viewers, each
    player sending a heartbeat every thirty seconds, is a hundred thousand a second"): the senders ÷ the seconds
    between messages. The rate is the first said after the interval, in its sentence."""
    out: list[Check | None] = []
    for i, d in enumerate(qs):
        if d.kind not in ("duration", "latency") or d.unit != "s" or d.value <= 0 or \
                not _EVERY.search(text[max(0, d.start - 12):d.start]):
            continue
        k = next((k for k in range(i - 1, -1, -1) if qs[k].sentence == d.sentence and qs[k].kind in _SENDERS
                  and qs[k].value >= 2), None)
        if k is None or any(q.kind in ("throughput", "percent", "duration", "latency") for q in qs[k + 1:i]):
            continue
        senders = qs[k]
        rate = next((q for q in qs[i + 1:] if q.sentence == d.sentence and q.kind == "throughput"), None)
        if rate is None or rate.has("per_user") or rate.has("per_instance") or rate.period_s != 1 or \
                any(q.kind not in ("throughput",) for q in qs[i + 1:qs.index(rate)]):
            continue
        out.append(judge("interval_rate", rate, senders.value / d.value,
                         f"{fmt_num(senders.value)} ÷ one every {d.text}", []))
    return out


# a further factor for something other than the same peak: headroom, or a shorter burst within the peak period
_OTHER_FACTOR = re.compile(r"\b(?:headroom|spare|buffer|slack|margin|safety|growth|grow|redundan\w*|failover|retr(?:y|ies)|"
                           r"bursts?|spikes?|minutes?|seconds?|launch|launches|events?|promotions?|holidays?|year)\b", _F)
_SAME_RATIO = 0.05


def _peak_twice(rates: list[Quantity], text: str, judge: Callable[..., Check | None]) -> list[Check | None]:
    """The peak-to-average factor applied to a figure that is already the peak: an average, the peak worked out
    from it by the factor said ("two thousand a second, and in the evening triple that, 6,000"), then that peak
    multiplied by the same factor again for the peak ("since we size for the peak we multiply by three again, 18,000").
    The peak is the average times the factor once; a factor for headroom or a shorter burst is another step."""
    out: list[Check | None] = []
    for i, a in enumerate(rates):
        if a.value <= 0 or is_peak(text, a):
            continue
        for j, p in enumerate(rates[i + 1:], i + 1):
            if p.sentence - a.sentence > 1 or counts_tokens(p) != counts_tokens(a):
                break
            f = p.value / a.value
            again = [q for q in rates[j + 1:] if q.sentence - p.sentence <= 1
                     and abs(q.value / (p.value * f) - 1) <= _SAME_RATIO] if 1.5 <= f <= 10 else []
            if not again or not any(abs(f / x - 1) <= _SAME_RATIO
                                    for x in said_factors(text[a.start + len(a.text):p.start]) if 1.5 <= x <= 10):
                continue        # (the cheap test first: this runs on every answer)
            for q in again:
                between = text[p.start + len(p.text):q.start]
                if (_PEAK_WORD.search(between) or _RUSH_WORDS.search(between)) and not _OTHER_FACTOR.search(between):
                    out.append(judge("peak", q, p.value, f"average {fmt_num(a.value)}/s × {f:g} = {fmt_num(p.value)}/s "
                                     f"is already the peak (the peak factor counts once)", []))
            break
    return out


# a multiple of the average said as such: "traffic is four times the average", "3x the normal load"
_TIMES_AVERAGE = re.compile(r"(?:\btimes|\bx|×)\s+(?:the\s+|our\s+|its\s+)?(?:average|mean|normal|usual|typical|"
                            r"baseline)\b", _F)


def _scaled_from_average(text: str, q: Quantity, rates: list[Quantity]) -> bool:
    """The first rate said after a multiple of the average it follows ("averages 3,000 a second, and on draw night
    traffic is four times the average, so ... 750 a second") is that multiple worked out: the peak, however it is
    named."""
    avg = next((r for r in reversed(rates) if r.start < q.start), None)
    if avg is None or avg.sentence != q.sentence or is_peak(text, avg):
        return False
    return bool(_TIMES_AVERAGE.search(text, avg.start + len(avg.text), q.start))


_PEAK_HOUR = re.compile(r"\b(?:busiest|peak|rush|heaviest|top|worst|last|final|closing)\s+hour\b", _F)
_OVER_DAY = re.compile(r"^\s*,?\s*(?:[a-z]+\s+){0,2}?(?:over|divided by|÷|/)\s*(?:the\s+)?$", _F)
_SENTENCE_END_BETWEEN = re.compile(r"[.!?](?:\s|$)")
_SECONDS_A_DAY = 86_400


def _hour_over_day(qs: list[Quantity], text: str, judge: Callable[..., Check | None]) -> list[Check | None]:
    """The peak hour's count spread over a whole day's seconds ("the busiest hour carries 300,000, so 300,000 over
    86,400 seconds, about 3.5 a second"): the hour's rate is that count over the hour's 3,600 seconds."""
    out: list[Check | None] = []
    if "86" not in text:          # no day's seconds said (cheap to rule out: this runs on every answer)
        return out
    hours = list(_PEAK_HOUR.finditer(text)) if "hour" in text.lower() else []
    if not hours:
        return out
    nums = find_numbers(text)
    for a, b in zip(nums, nums[1:]):
        if b.value != _SECONDS_A_DAY or not _OVER_DAY.match(text[a.end:b.start]) or a.value <= 0:
            continue
        start = max(text.rfind(".", 0, a.start), text.rfind("?", 0, a.start)) + 1
        if not any(start <= h.start() < a.start for h in hours):
            continue
        rate = next((q for q in qs if q.start > b.end and q.kind == "throughput" and 0 < q.period_s <= 60
                     and not _SENTENCE_END_BETWEEN.search(text[b.end:q.start])), None)
        if rate is None:
            continue
        out.append(judge("peak", rate, a.value / 3600, f"{fmt_num(a.value)} in the peak hour ÷ 3,600 s "
                         f"(an hour's seconds, not a day's)", []))
    return out


_A_DAY_IS = re.compile(r"\b(?:a|one|each|per|the) day(?:'s (?:worth|total))?\s+(?:is|comes to|makes|gives|works out to|"
                       r"that's|would be)\b", _F)


def _day_named_first(qs: list[Quantity], text: str, judge: Callable[..., Check | None]) -> list[Check | None]:
    """A steady rate's day said with the day named before the count ("2,500 a minute, so a day is 2,500 times
    86,400, about 216 million events"): the count is the rate's day, whatever the working said beside it."""
    out: list[Check | None] = []
    for r in qs:
        if r.kind != "throughput" or not 0 < r.period_s <= 3600 or r.has("per_user") or r.has("per_instance") \
                or is_peak(text, r):
            continue
        end = text.find(". ", r.start)
        stop = len(text) if end < 0 else end
        day = _A_DAY_IS.search(text, r.start + len(r.text), stop)
        if day is None:
            continue
        # a total, not the working's own factors or a length of the day ("a day is eight hours of ...")
        counts = [n for n in find_numbers(text[day.end():stop]) if n.value not in (_SECONDS_A_DAY, 1440, 24)
                  and n.value >= 10 * r.value * r.period_s and not _TIMES_NEXT.match(text[day.end() + n.end:])]
        if counts and any(q.kind == "duration" and day.end() <= q.start < day.end() + counts[-1].start for q in qs):
            continue            # a day of so many working hours, said by the candidate
        if counts:
            n, at = counts[-1], day.end() + counts[-1].start
            noun = re.match(r"\s+[a-z-]+", text[day.end() + n.end:])
            stated = Quantity(text[at:day.end() + n.end + (noun.end() if noun else 0)], n.value, "", "dataset",
                              n.value, start=at)
            how = f"{fmt_num(r.value)}/s × 86,400 s" if r.period_s <= 1 else \
                f"{fmt_num(r.value * r.period_s)} {'an hour' if r.period_s == 3600 else 'a minute'} × " \
                f"{_SECONDS_A_DAY / r.period_s:,.0f}"
            out.append(judge("per_day", stated, r.value * _SECONDS_A_DAY, how, [], ""))
    return out


_OVER_A_DAY = re.compile(r"\b(?:over|in|across|for) (?:a|one|the whole|a whole|the) day\b|\ba day's (?:worth|total)\b", _F)
_TIMES_NEXT = re.compile(r"^\s*(?:x|×|times)\b", _F)


def _day_from_peak(qs: list[Quantity], text: str, judge: Callable[..., Check | None]) -> list[Check | None]:
    """A day's total worked out from a peak rate when the answer said how far the peak is above the average ("peak
    at forty a second, about four times the daily average, so over a day that is 40 x 86,400, 3.5 million"): a day
    runs at the average, so the total is the peak ÷ that factor × 86,400."""
    out: list[Check | None] = []
    for day in _OVER_A_DAY.finditer(text):
        start = max(text.rfind(". ", 0, day.start()), -1) + 1
        peak = next((q for q in reversed(qs) if start <= q.start < day.start() and q.kind == "throughput"
                     and 0 < q.period_s <= 1 and not q.has("per_user") and not q.has("per_instance")
                     and is_peak(text, q)), None)
        if peak is None:
            continue
        said = [f for f in said_factors(text[peak.start:day.start()]) if 1.5 <= f <= 20]
        if not said:
            continue
        end = text.find(". ", day.end())
        stop = len(text) if end < 0 else end
        totals = [n for n in find_numbers(text[day.end():stop]) if n.value != _SECONDS_A_DAY
                  and n.value > peak.value * 100 and not _TIMES_NEXT.match(text[day.end() + n.end:])]
        if not totals:
            continue
        n = totals[-1]
        at = day.end() + n.start
        noun = re.match(r"\s+[a-z-]+", text[day.end() + n.end:])
        stated = Quantity(text[at:day.end() + n.end + (noun.end() if noun else 0)], n.value, "", "dataset", n.value,
                          start=at)
        average = peak.value / said[0]
        out.append(judge("per_day", stated, average * _SECONDS_A_DAY,
                         f"peak {fmt_num(peak.value)}/s ÷ {said[0]:g} = average {fmt_num(average)}/s × 86,400 s "
                         f"(a day runs at the average)", [], ""))
    return out


_PERIOD_SAID = re.compile(r"\b(?:a|an|per|each|every)\s+(?:day|hour|second|minute|week|month)\b|/|\b(?:daily|hourly)\b", _F)
_COUNT_KINDS = frozenset({"dataset", "users", "count", "items"})


PEAK_ON_PEAK = 1.5       # a rate this many times the busiest hour's, said as a peak after it, multiplies the peak again


# a peak finer than the hour, said of the hour's rate, is a real further factor: "the peak minute inside that hour"
_FINER_PEAK = re.compile(r"\b(?:(?:peak|busiest|worst|top) (?:minute|second)s?|minute[- ]level|bursts?|spikes?|"
                         r"(?:within|inside) (?:the|that|this) (?:busiest |peak )?hour|the hour'?s (?:rate|average))\b", _F)


def _peak_on_busiest_hour(qs: list[Quantity], text: str, c: Check | None, hourly: list[Check | None]) -> Check | None:
    """A peak factor applied to the busiest hour's rate ("four million in the busiest hour, 1,100 a second; peak is
    three times average, so 3,300"): that rate is already the peak, so the factor counts it twice."""
    from coach.scoring.napkin import _judge
    if c is None or c.rule != "peak" or any(h is not None and h.at == c.at for h in hourly):
        return None
    q = next((x for x in qs if x.start == c.at), None)
    hour = next((h for h in reversed(hourly) if h is not None and h.at < c.at), None)
    rate = next((x for x in qs if hour is not None and x.start == hour.at), None)
    if q is None or hour is None or rate is None or q.sentence - rate.sentence > 2 or \
            q.value < PEAK_ON_PEAK * max(rate.value, hour.expected) or _FINER_PEAK.search(text, rate.start, q.start):
        return None
    how = f"{fmt_num(hour.expected)}/s is the busiest hour's rate, already the peak (no peak factor on top)"
    return _judge("peak", q, hour.expected, how, [], ok=False)


def _hour_count_to_rate(qs: list[Quantity], text: str, judge: Callable[..., Check | None]) -> list[Check | None]:
    """A peak hour's count turned into a rate a second in the same sentence ("nine million arrive in the rush hour,
    and over the sixty minutes of that hour we plan for 150,000 a second"): an hour has 3,600 seconds, whatever
    the answer divided by. A multiplier said in the sentence (a peak minute within the hour) is allowed."""
    out: list[Check | None] = []
    hours = list(_PEAK_HOUR.finditer(text)) if "hour" in text.lower() else []
    if not hours:
        return out
    nums = find_numbers(text)
    starts = {q.start: q for q in qs}
    for rate in qs:
        if rate.kind != "throughput" or not 0 < rate.period_s <= 60 or rate.has("per_user") or rate.has("per_instance"):
            continue
        start = max((e.end() for e in _SENTENCE_END_BETWEEN.finditer(text, 0, rate.start)), default=0)  # not "2.4"
        hour = next((h for h in hours if start <= h.start() < rate.start), None)
        if hour is None:
            continue
        if _hour_share(qs, text, start, hour, rate) is not None:
            continue          # the hour's share of the day said: _hour_share_of_day judges it
        counts = [n for n in nums if hour.start() < n.start < rate.start]
        said = starts.get(counts[-1].start) if counts else None
        while counts and said is not None and said.kind == "duration":     # "over the sixty minutes of that hour"
            counts.pop()
            said = starts.get(counts[-1].start) if counts else None
        # a bare count takes the kind of the daily figure before it ("24 million daily trips ... six million"): in
        # the peak hour's clause it is that hour's count all the same
        inherited = said is not None and said.kind == "throughput" and not _PERIOD_SAID.search(said.text)
        if not counts or (said is not None and said.kind not in _COUNT_KINDS and not inherited) \
                or counts[-1].value <= rate.value:
            continue
        count = counts[-1].value
        out.append(judge("peak", rate, count / 3600, f"{fmt_num(count)} in the peak hour ÷ 3,600 s", 
                         said_factors(text[start:rate.start])))
    return out


def _hour_share(qs: list[Quantity], text: str, start: int, hour: re.Match[str],
                rate: Quantity) -> tuple[Quantity, Quantity] | None:
    """The percent of the day said beside a peak hour and the day's total said before it, if both are."""
    share = next((p for p in qs if p.kind == "percent" and start <= p.start < rate.start and 0 < p.value < 100
                  and abs(p.start - hour.start()) < 60), None)
    day = next((d for d in reversed(qs) if d.start < hour.start() and d.kind == "throughput" and d.period_s == 86400
                and not d.has("per_user") and not d.has("per_instance")), None)
    return (share, day) if share is not None and day is not None else None


def _hour_share_of_day(qs: list[Quantity], text: str, judge: Callable[..., Check | None]) -> list[Check | None]:
    """The peak hour's rate from its share of the day ("forty million a day, and the busiest hour carries twelve
    percent of it, so 4.8 million over 3,600 seconds"): the share is of the day's total, not of its average rate, and
    the first rate said after it in that sentence is the hour's (later ones are later steps: a fan-out, a replica's)."""
    out: list[Check | None] = []
    hours = list(_PEAK_HOUR.finditer(text)) if "hour" in text.lower() else []
    done: set[int] = set()
    for rate in qs if hours else []:
        if rate.kind != "throughput" or not 0 < rate.period_s <= 60 or rate.has("per_user") or rate.has("per_instance"):
            continue
        start = max((e.end() for e in _SENTENCE_END_BETWEEN.finditer(text, 0, rate.start)), default=0)
        if _GOES_ON.match(text, start) and not any(start <= h.start() < rate.start for h in hours):
            # the hour's count said in one sentence and divided in the next: "... four million in that hour.
            # Divided by 3,600 seconds is about 1,100 per second"
            start = max((e.end() for e in _SENTENCE_END_BETWEEN.finditer(text, 0, max(0, start - 2))), default=0)
        hour = next((h for h in hours if start <= h.start() < rate.start), None)
        said = None if hour is None or hour.start() in done else _hour_share(qs, text, start, hour, rate)
        if hour is None or said is None or _OPERAND_BEFORE.search(text, max(0, rate.start - 12), rate.start):
            continue          # (or "twelve percent of 463": an operand of the working, not the hour's rate)
        share, day = said
        done.add(hour.start())
        out.append(judge("peak", rate, day.value * 86400 * share.value / 100 / 3600,
                         f"{fmt_num(day.raw)} a day × {share.text} in the peak hour ÷ 3,600 s", []))
    return out


_OPERAND_BEFORE = re.compile(r"\b(?:of|times|x|×)\s*$", _F)
# a sentence that carries on the working of the one before: "Divided by 3,600 seconds is ...", "Over the hour, ..."
_GOES_ON = re.compile(r"\s*(?:divided by|over (?:the |that |an? )?(?:hour|3,?600|thirty[- ]six hundred)|÷|so that|that's|that is)\b",
                      _F)


def _period(seconds: float) -> str:
    return {86400: "day", 3600: "hour", 604800: "week"}.get(int(seconds), f"{seconds:g} s")


def _base(text: str, before: list[Quantity], target: Quantity) -> Quantity | None:
    if not before:
        return None
    if re.search(r"\bpeak\b", text[target.start:target.start + len(target.text) + 25], _F) or target.has("peak"):
        peaks = [b for b in before if is_peak(text, b)]
        if peaks:
            return peaks[-1]
    return before[-1]


_GROWTH = re.compile(r"\b(?:within|after|later|by then|by the end|grew|grown|rose|climbed|went up|since then|"
                     r"over the (?:next|following)|years? on|months? on)\b", _F)
_EVENT_NOUNS = re.compile(r"\b(?:orders|trips|rides|deliveries|bookings|purchases|transactions|payments|"
                          r"uploads|posts|messages|signups|sign-ups|applications|claims)\b", _F)


def _events_to_requests(avg: Quantity, q: Quantity) -> bool:
    """A daily count of events ("a million orders a day") and a peak of requests ("three hundred estimate
    requests a second"): each event makes several requests, so their ratio is no peak factor to judge."""
    return bool(_EVENT_NOUNS.search(avg.text) and not re.search(REQ_NOUNS, avg.text, _F)
                and re.search(REQ_NOUNS, q.text, _F) and not _EVENT_NOUNS.search(q.text))


def _peak(qs: list[Quantity], text: str, q: Quantity) -> Check | None:
    from coach.scoring.napkin import _judge, _tol
    avg = None
    for x in reversed(qs[:qs.index(q)]):
        if x.kind != "throughput" or x.has("per_user") or x.has("per_instance") or is_peak(text, x):
            continue
        if q.sentence - x.sentence > 2:
            break
        if _fan_item(text, x) != _fan_item(text, q) or counts_tokens(x) != counts_tokens(q):
            continue
        avg = x
        break
    if avg is None or _events_to_requests(avg, q):
        return None
    if any(d.kind == "duration" and avg.start < d.start < q.start for d in qs) and \
            _GROWTH.search(text[avg.start:q.start]):
        return None      # "started at 3,000 a second, and within a year peak was 40,000": growth, not a day's peak
    base = avg.value                     # per second, whether it was said per second or per day
    if base <= 0:
        return None                      # "zero a second, and the peak ...": no average to scale
    said = [f for f in said_factors(text[avg.start:q.start + len(q.text) + 20]) if f <= 20]
    ratio = q.value / base
    if not said and (restated := _factor_said_elsewhere(text, ratio)):
        said = restated      # "... so the dinner peak is roughly twenty-five times the average": the multiple said apart
    tol = _tol.get()
    if said:
        ok = any(1 / tol <= ratio / f <= tol for f in said)
        factor = min(said, key=lambda f: abs(ratio / f - 1))
        if not ok and len(said) > 1 and _OTHER_FACTOR.search(text, avg.start, q.start):
            # a second factor said for headroom or a shorter burst compounds with the peak's ("the peak is 3x, and we
            # provision 3x the peak for failover"): the figure is the average × both
            both = [a * b for k, a in enumerate(said) for b in said[k + 1:]]
            ok = any(1 / tol <= ratio / f <= tol for f in both)
    else:
        if q.sentence == avg.sentence and busy_window(qs, text, avg, q) is not None:
            return None      # the day's share in a busy window said: that gives the peak (napkin_systems), no guess
        ok = PEAK_RANGE[0] <= ratio <= PEAK_RANGE[1] or (base < SMALL_AVERAGE and PEAK_RANGE[0] <= q.value <= SMALL_PEAK)
        factor = DEFAULT_PEAK
    how = f"average {fmt_num(base)}/s × {factor:g}" + ("" if said else " (a typical peak)")
    c = _judge("peak", q, base * factor, how, [], ok=ok)
    if c is not None and not ok and not said:
        c = dataclasses.replace(c, message=c.message.replace(" is off by", " is outside 1-10x the average; off by"))
    return c


def _factor_said_elsewhere(text: str, ratio: float) -> list[float]:
    """The peak's multiple of the average said in a sentence of its own ("a million orders a day is about twelve a
    second on average, so the dinner peak is roughly twenty-five times the average"): a factor said in a sentence
    naming both the peak and the average, kept when it is the ratio the figures give."""
    from coach.scoring.napkin import _tol
    tol = _tol.get()
    out = []
    for sentence in re.split(r"(?<=[.!?])\s+", text):
        if _PEAK_WORD.search(sentence) and _AVERAGE_WORD.search(sentence):
            out += [f for f in said_factors(sentence) if 1 / tol <= ratio / f <= tol]
    return out


_WINDOW = re.compile(r"\b(?:in|over|within|during|across)\s+(?:a|an|the|one)?\s*(?:\w+\s+)?"
                     r"(?P<n>[\w.]+)[- ](?P<unit>hours?|minutes?)(?:[- ]long)?\s+(?:\w+\s+)?(?:batch|window|run|job|pass)\b", re.I)


# a batch that runs every hour takes the day's work an hour's worth at a time: "I'll score them in an hourly batch"
_HOURLY = re.compile(r"\b(?:an?\s+)?hourly\s+(?:\w+\s+)?(?:batch|run|job|pass)\b", re.I)
# the window's seconds said as the divisor of a count: "two hundred million over three thousand six hundred seconds"
_NUMBER_WORD = (r"(?:[\d,.]+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|(?:thir|four|fif|six|seven|"
                r"eigh|nine)teen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|and)")
_OVER_SECONDS = re.compile(rf"\b(?:{_NUMBER_WORD}|million|billion)\s+(?:[a-z]+\s+)?(?:over|in|within|across)\s+(?:the\s+)?"
                           rf"(?P<n>{_NUMBER_WORD}(?:[\s-]+{_NUMBER_WORD}){{0,5}})\s+seconds\b", re.I)
_BATCH_WORD = re.compile(r"\b(?:batch|window|run|job|pass)\b", re.I)
# a window said in seconds is a batch's only when it is that long and shorter than the day: "within two seconds" is a
# deadline
MIN_WINDOW_S, DAY_S = 600.0, 86400.0


def window_s(between: str) -> float | None:
    """The seconds of a batch window said between a daily total and its rate ("in a two-hour nightly batch", "in an
    hourly batch", "over three thousand six hundred seconds")."""
    m = _WINDOW.search(between)
    nums = find_numbers(m.group("n")) if m else []
    if m and nums:
        return nums[0].value * (3600 if m.group("unit").startswith("hour") else 60)
    if not _BATCH_WORD.search(between):
        return None       # a day's count over an hour's seconds with no batch said is the slip, not a window
    for over in _OVER_SECONDS.finditer(between):
        said = find_numbers(over.group("n"))
        if said and MIN_WINDOW_S <= said[-1].value < DAY_S:      # ("over 86,400 seconds" is the day itself)
            return said[-1].value
    return 3600.0 if _HOURLY.search(between) else None


_MULTIPLIED = re.compile(r"(?P<n>[\w,.-]+(?:\s+(?:thousand|million|billion))?)\s+(?:times|×|multiplied by)\s*$", re.I)


def times_rate(text: str, size: Quantity, rate: Quantity) -> bool:
    """The size is the rate's own multiplier: "fifty thousand times sixteen hundred bytes" after 50,000 a second."""
    m = _MULTIPLIED.search(text[max(0, size.start - 40):size.start])
    nums = find_numbers(m.group("n")) if m else []
    return bool(nums) and abs(nums[-1].value - rate.value) <= 0.02 * rate.value
