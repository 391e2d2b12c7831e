"""Extract every quantity from an answer: value (in a base unit), unit, kind.

See units.py for the base units. Context decides what a bare number is: "from
60 to 75 percent" (a range takes the unit that follows), "maybe 10,000 at peak"
(takes the kind of the quantity before it), "p99 of 200" (latency in ms),
"QPS of 2,000", "$40,000", "200 of them" (the machines just named).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Any

from coach.scoring.numbers import NumberSpan, find_numbers
from coach.scoring.text import Sentence, folded_matches, folded_search
from coach.scoring.units import COMPUTE_NOUNS, METRICS, PERIOD_S, RATE_NOUNS, UnitMatch, dollar_match, match_unit


@dataclass(frozen=True)
class Quantity:
    text: str                 # as said, e.g. "fifty thousand QPS"
    value: float              # in the base unit (`unit`)
    unit: str                 # "/s", "s", "B", "B/s", "$", "$/month", "users", "items", "params", "GPUs", "%"...
    kind: str                 # one of units.KINDS
    raw: float = 0.0          # the number as said, scale words applied ("50k" -> 50000)
    qualifiers: tuple[str, ...] = ()   # peak, average, per_user, per_instance, per_item, dau, mau, rate ...
    period_s: float = 0.0     # for rates: the period said (86400 for "a day")
    start: int = field(default=-1, compare=False)
    sentence: int = field(default=-1, compare=False)

    def has(self, qualifier: str) -> bool:
        return qualifier in self.qualifiers

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "value": self.value, "unit": self.unit, "kind": self.kind, "raw": self.raw,
                "qualifiers": list(self.qualifiers), "period_s": self.period_s}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Quantity":
        return cls(text=str(d.get("text", "")), value=float(d.get("value", 0.0)), unit=str(d.get("unit", "")),
                   kind=str(d.get("kind", "")), raw=float(d.get("raw", d.get("value", 0.0))),
                   qualifiers=tuple(d.get("qualifiers", ())), period_s=float(d.get("period_s") or 0.0))


_ARTICLE_UNIT = re.compile(
    r"\b(?:about|around|roughly|for|in|within|under|over|than|to|took|takes|take|after|of|from|only|just|"
    r"maybe|like|almost|nearly|spent|spend|whole|full|entire|another|extra|"
    r"keep|keeps|kept|keeping|retain|retains|retained|retaining)\s+(?P<a>an?)\s+"   # retention: "we keep a year"
    r"(?=(?:(?:full|whole|entire)\s+)?(?:second|minute|hour|day|week|month|year|kilobyte|megabyte|gigabyte|terabyte|"
    r"petabyte|millisecond|dollar)\b)",                          # "we keep a full year", "roughly a dollar an hour"
    re.IGNORECASE)
# a size restated after a comma: "two billion events at five hundred bytes, a terabyte a day"
_RESTATED_SIZE = re.compile(r",\s+(?P<a>an?)\s+(?=(?:kilobyte|megabyte|gigabyte|terabyte|petabyte)s?\b)", re.IGNORECASE)
# a period of retained things, whatever comes before it: "so a year of scans takes about 2.9 terabytes"
_PERIOD_OF = re.compile(r"\b(?P<a>an?)\s+(?=(?:day|week|month|year)\s+of\s+(?!the\b|a\b|an\b|it\b|that\b)[a-z]{3,})",
                        re.IGNORECASE)
_AND_A_HALF = re.compile(r"^\s*[a-z]+\s+and a half\b", re.I)
_PART_UNIT = re.compile(     # "half a megabyte", "a quarter of a second": a fraction of one unit
    r"\b(?P<a>half an?|(?:a )?quarter of an?|a third of an?)\s+"
    r"(?=(?:second|minute|hour|day|week|month|year|kilobyte|megabyte|gigabyte|terabyte|petabyte|millisecond|"
    r"kb|mb|gb|tb|meg|gig|point|dollar)s?\b)", re.IGNORECASE)
_PARTS = {"half": 0.5, "quarter": 0.25, "third": 1 / 3}
_FACTOR_RANGE = re.compile(r"\s*(?:,|or|to|-|–)\s*(?:[a-z]+\s+){0,2}?(?:times|x)\b", re.I)
_RANGE_GAP = re.compile(r"^\s*(?:to|-|–|or|and|through)\s*$", re.I)
_RESTATE = re.compile(r"^\s*(?:at (?:the )?(?:[a-z]+ )?peak|peak|on average|average|in total|total|in all|all told|altogether|or so|"
                      r"at (?:dinner|lunch|breakfast)(?: ?time)?|at (?:the )?(?:busiest|rush))\b|^\s*(?:[.,;!?]|$)", re.I)
_PEAK = re.compile(r"\bpeak", re.I)
_AVERAGE = re.compile(r"\baverage|\bavg\b|\bmean\b|\bon average", re.I)
_OF_THEM = re.compile(r"^\s*of (?:them|those|these)\b", re.I)
_COMPUTE_BEFORE = re.compile(rf"\b(?:{COMPUTE_NOUNS})\b", re.I)
_PREFIX_QPS = re.compile(r"\b(?:qps|rps|throughput|traffic)\b[^.;]{0,25}$", re.I)
_PREFIX_LAT = re.compile(r"(?:\bp\s?(?:50|90|95|99|999)|latency)\b[^.;]{0,25}$", re.I)
_PREFIX_USERS = re.compile(r"\b(?:dau|mau|users)\s*(?:is|are|of|at|=|:)?\s*(?:about|around|roughly)?\s*$", re.I)
_PER_USER_BEFORE = re.compile(
    r"(?:\b(?:each|every|per|an? average|the average|typical|a single)\s+(?:user|person|customer|member|one|"
    r"of them|visitor)\b|\busers?\s+(?:make|makes|send|sends|do|does|open|opens|issue|issues|view|views)\b|"
    r"\b[a-z]{3,}s\s+each\s+(?!(?:of|so|and|or|but|which|that|is|are|was|were|then|at|in|on|with|for|a|an|the|"
    r"per|every|day|week|month|hour|time|gives?|giving|makes?|making|comes?|means?|totals?)\b)[a-z]+)"
    r"[^.;]{0,45}$", re.I)
# a GPU named by its model: "each H100", "per A100", "one TPU"
_ACCELERATOR = r"[ahlvt]\d{2,3}|[lt]4|mi\d{3}|tpu(?:\s?v\d)?"
_PER_INSTANCE_BEFORE = re.compile(
    r"\b(?:a single|one|each|per|every|a)\s+(?:[a-z0-9]+\s+)?(?:server|machine|node|instance|gpu|replica|box|host|"
    rf"pod|worker|card|core|shard|partition|container|{_ACCELERATOR})\b(?P<tail>[^.;]{{0,35}})$", re.I)
# a clause whose subject is one machine doing the work ("One GPU scores a batch of 128 images in 0.2 seconds, 640
# images a second", "so one GPU handles ... about twelve frames a second"): its first rate is that machine's
_ONE_MACHINE_CLAUSE = re.compile(
    r"(?:^|[;:]\s*|\b(?:so|and|but|then|which means|meaning)\s+)(?:a single|one|each)\s+(?:[a-z0-9-]+\s+)?"
    rf"(?:server|machine|node|instance|gpu|replica|box|host|pod|worker|card|core|container|{_ACCELERATOR})\s+"
    r"(?:can\s+|could\s+|will\s+)?(?:[a-z]+(?:s|es|ed)|ran|did|took|made|kept|held|gave|got|hit|managed)\b"
    r"(?:(?!\b(?:so|and|but|then)\b|\b(?:a|an|per|each)\s+(?:second|sec|minute|hour|day)\b|/s\b)[^;:])*$", re.I)
# "200 pods; each handles 150 requests a second", "sixteen GPUs each push 2,500 examples a second": "each" standing
# for the machines just counted, whatever the verb (not a period or a thing counted: "each day", "each of")
_EACH_HANDLES = re.compile(r"\beach(?: one| of them)?\s+(?:can\s+|could\s+|will\s+)?(?:keeps? up with|"
                           r"(?!(?:second|minute|hour|day|night|week|month|year|time|of|with|at|in|on|for|is|are|was|"
                           r"were|has|had|and|or|so|the|a|an|request|query|call|item|user)\b)[a-z]+)\s+"
                           r"(?:about|around|roughly|up to|maybe|only|just|nearly|some)?\s*$", re.I)
_PER_INSTANCE_AFTER = re.compile(
    r"^\s*(?:per|a|each|for each|on each|on one|on a single)\s+(?:[a-z0-9]+\s+)?(?:server|machine|node|instance|"
    rf"gpu|replica|box|host|pod|worker|card|core|shard|partition|container|{_ACCELERATOR})\b|^\s*each\b", re.I)
# a rate said right before the per-machine words ("two hundred scores a second per core, three thousand a second is
# fifteen cores"): the words are that rate's, not the next figure's
_RATE_ENDS = re.compile(r"(?:\b(?:a|an|per|each|every)\s+(?:second|sec|minute|hour|day)|/s)\s*$", re.I)


def _per_machine_before(before: str, lead: str) -> bool:
    """Do per-machine words ("per core", "each GPU") come shortly before the figure (`before`: the words since the
    figure before it), and not as the tail of a rate said before it (`lead`: the sentence up to the figure)?"""
    m = _PER_INSTANCE_BEFORE.search(before)
    if m is not None and _SIZE_ENDS.search(lead[:len(lead) - len(before) + m.start()]):
        # the words size the figure said right before them ("1 KB per shard reply, and at 12,000 searches a second"):
        # they are that size's, and only per-machine words said after them make this figure a machine's
        return _per_machine_before(before[m.start() + 1:], lead)
    return m is not None and not _RATE_ENDS.search(lead[:len(lead) - len(before) + m.start()]) \
        and not _COLLECTIVE.search(m.group("tail"))


# the whole tier named after the per-machine words ("a search reads one replica per shard, so the shard tier sees
# about 20,000 a second"): the figure is the tier's, not one machine's
_COLLECTIVE = re.compile(r"\b(?:the|our|whole|all(?:\s+the)?)\s+(?:[a-z]+\s+)?(?:tier|fleet|cluster|shards|replicas|nodes|"
                         r"servers|machines|hosts|workers|gpus|backends)\b|\btogether\b|\bin all\b", re.I)


_SIZE_ENDS = re.compile(r"\d\s*(?:[kmgtp]i?b|bytes?|kilobytes?|megabytes?|gigabytes?|terabytes?|gigs?|megs?)\s*$", re.I)


_PER_ITEM_BEFORE = re.compile(
    r"(?:\b(?:each|every|per|an?|one)\s+(?!(?:second|minute|hour|day|night|week|month|year)s?\b)"
    r"(?!(?:that|which|this|so)\s)(?:[a-z]+\s+){0,3}"      # (not "at four bytes each that is 48 GB": a total)
    r"(?:is|are|was|of|at|to|down to|takes?|weighs?)\s+"
    r"(?:about|around|roughly|maybe|like|only|just)?\s*|\b(?:each|every one)\s+(?:about|around|roughly|maybe)?\s*|"
    r"\b(?:payload|response|record size|event size|row size|"
    r"message size|size)\s+(?:is|of|was)?\s*(?:about|around|roughly|maybe)?\s*|"
    # the things that carry data said in the plural: "payloads are around 50 KB", "responses average 20 KB"
    r"\b(?:payloads|responses|messages|records|events|rows|images|photos|documents|objects|requests)\s+"
    r"(?:are|average|run|weigh)\s+(?:about|around|roughly|maybe|typically|usually)?\s*)$", re.I)
# the size of each counted thing: "50 million events of about 2 KB", "two thousand images of 300 kilobytes"
_COUNTED_OF = re.compile(r"(?:\d|\b(?:thousand|million|billion|hundred|dozen))\s+(?:[a-z-]+\s+)?(?!(?:tens|hundreds|"
                         r"thousands|millions|billions|dozens)\b)[a-z]{3,}s\s+of\s+(?:about|around|roughly|maybe|"
                         r"up to)?\s*$", re.I)
# A period said before a count of things that arrive: "each day adds about 13 million events", "every hour we log
# 2 million rows", "per day that comes to 40 million requests" -- the count is a rate over that period.
_PERIOD_BEFORE = re.compile(
    r"\b(?:each|every|per|a|an)\s+(?P<per>second|minute|hour|day|week|month)\b,?\s+(?:(?:we|it|they|the [a-z]+|that)\s+)?"
    r"(?:adds?|brings?(?: in)?|produces?|generates?|logs?|ingests?|sees?|gets?|takes? in|receives?|collects?|creates?|"
    r"writes?|lands?|stores?|handles?|serves?|processes|comes? to|is|are|means)\s+"
    r"(?:about|around|roughly|nearly|almost|some|over|under|maybe|another|just over|just under)?\s*$", re.I)
# "which over a day is about 26 billion events", "in a week that comes to 40 million rows": a count over a period
_OVER_PERIOD_BEFORE = re.compile(
    r"\b(?:over|in|across|for)\s+(?:a|an|one|the|each)\s+(?:whole\s+|full\s+)?(?P<per>second|minute|hour|day|week|month)\b,?"
    r"\s+(?:(?:that|this|it|which)(?:'s|\s+is)|is|are|comes? to|gives?|means|makes?|adds? up to|that comes to)\s+"
    r"(?:about|around|roughly|nearly|almost|some|over|under|maybe|just over|just under)?\s*$", re.I)
_RATE_NOUN_WORD = re.compile(rf"\b(?:{RATE_NOUNS})\b", re.I)
# "one replica handles 250": a bare number after one machine's capacity verb is that machine's rate
_INSTANCE_HANDLES = re.compile(
    r"\b(?:one|a single|each|every|per|a)\s+(?:[a-z0-9]+\s+)?(?:server|machine|node|instance|gpu|replica|box|host|pod|"
    rf"worker|card|core|shard|container|{_ACCELERATOR})\s+(?:can\s+|could\s+|will\s+)?(?:handles?|serves?|does|do|takes?|sustains?|"
    r"processes|manages?|keeps? up with|absorbs?)\s+(?:about|around|roughly|up to|maybe|only|just)?\s*$", re.I)
_NARRATIVE_ONE = re.compile(r"(?:^|[.,;!?]|\b(?:then|and|but|so|until|one))\s*$", re.I)
_FRACTION_AFTER = re.compile(r"^\s*(?:thirds?|quarters?|halves|fifths?|tenths?|of (?:the|our|all|them|those))\b", re.I)
_COST_BEFORE = re.compile(r"\b(?:costs?|costing|bill|spend|spent|pay|paid|budget|priced at|charged?)\b[^.;\d]{0,20}$", re.I)
_POINTS = re.compile(r"^\s*points?\b", re.I)
_METRIC = re.compile(rf"\b(?:{METRICS})\b[^.;]{{0,40}}$", re.I)
_BARE_PERIOD = re.compile(r"^(?:per|a|an|/|each|every)\s*(?:second|minute|hour|day|night|week|month|quarter|year)$", re.I)
# a number named by a part of a model's or a vector's shape said right before it ("of dimension 128", "hidden size
# 5120", "rank 16", "heads of 128"): that part's size, never a restatement of the figure before it (a head dimension
# is no parameter count)
_SHAPE_BEFORE = re.compile(r"\b(?:dimensions?|dims?|width|size|rank|depth|layers?|heads?|blocks?|experts?|"
                           r"vocab(?:ulary)?|version)\s*(?:of|is|=|:|at)?\s*(?:about |around |roughly )?$", re.I)
_MACHINES_BEFORE = re.compile(r"\b(?:gpus|cards|machines|nodes|servers|hosts|replicas|shards|workers|devices|"
                              rf"accelerators|(?:{_ACCELERATOR})s)\b[^.;\d]{{0,40}}$", re.I)
_OPERAND_BEFORE = re.compile(r"(?:\btimes|×|\bx|\bmultiplied by|\bdivided by|\bover|\bplus|\bminus)\s*$", re.I)
# "one" after a determiner or an adjective stands for a thing named before, not a number: "against the old one",
# "the bigger one", "each one"
# a period said just before a cost, the cost then given as its amount: "for the month that is about $2,700"
_PERIOD_BEFORE_COST = re.compile(r"\b(?:for|over) (?:the|a|one) (?P<per>hour|day|week|month|quarter|year)\b"
                                 r"(?:,)?\s+(?:that'?s|that is|is|it'?s|it is|comes to|which is|we pay|we spend)\s+"
                                 r"(?:about |roughly |around |some |maybe |nearly |almost )?\$?$", re.I)
_PRONOUN_ONE = re.compile(r"\b(?:the|this|that|which|each|every|any|old|new|same|other|last|first|next|previous|current|"
                          r"bigger|smaller|larger|right|wrong|only|good|bad|better|worse)\s+$", re.I)
_RATIO_TO = re.compile(r"\w\s*(?:\bto\s+|:)$", re.I)
_POWER_OF_TEN = re.compile(r"\de\+?\d|\bto the\b", re.I)
_TOTAL = re.compile(r"\b(?:in total|total|overall|altogether|all together)\b", re.I)


_DIGIT = r"one|two|three|four|five|six|seven|eight|nine"
_CENTS = (r"ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|"
          r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:" + _DIGIT + r"))?")
# a price said the way people say one: "at two fifty an hour" is $2.50 an hour, when the answer talks money
_SPOKEN_PRICE = re.compile(rf"\b(?:at|for|costs?|pay(?:ing)?|charges?|about|around|roughly|is)\s+(?P<p>(?P<d>{_DIGIT})\s+"
                           rf"(?P<c>{_CENTS})|(?P<n>\d+\.\d\d))(?=\s+(?:an?|per|each)\s+(?:gpu[- ]?)?(?:hour|gpu|machine|"
                           r"instance|node|box|card|month|day)\b)", re.I)
_MONEY_TALK = re.compile(r"\$|\bdollars?\b|\bbucks\b|\bcosts?\b|\bprice|\bbill\b|\bspend|\bbudget", re.I)


# "twice a week", "once a day": a count of times per period, said without a number
_ONCE = re.compile(r"\b(?P<n>once|twice|thrice)(?=\s+(?:a|an|per|each|every)\s+(?:second|minute|hour|day|week|month|year)\b)",
                   re.I)
_ONCE_VALUE = {"once": 1.0, "twice": 2.0, "thrice": 3.0}


def _once_spans(text: str) -> list[NumberSpan]:
    return [NumberSpan(m.start(), m.end(), _ONCE_VALUE[m.group("n").lower()], m.group(0), suffix="times", words=True)
            for m in _ONCE.finditer(text)]


# "two dollars fifty": dollars and cents said in words
_DOLLARS_CENTS = re.compile(rf"\b(?P<p>(?P<d>{_DIGIT}|ten|eleven|twelve|a) dollars? (?:and )?(?P<c>{_CENTS})(?: cents?)?)\b", re.I)


# "forty cents an hour", "40 cents per instance-hour": a price under a dollar
_CENTS_PRICE = re.compile(rf"\b(?P<p>(?P<c>{_CENTS}|[1-9]\d?|{_DIGIT}) cents?)(?=\s+(?:an?|per|each)\s+(?:(?:gpu|cpu|instance|machine|node)[- ]?)?(?:hour|gpu|machine|"
                         r"instance|node|box|card|month|day)\b)", re.I)


def _spoken_prices(text: str) -> list[NumberSpan]:
    if not folded_search(_MONEY_TALK, text):
        return []
    out = []

    def said(m: re.Match[str], group: str) -> str:       # a group as said (the matches are found in lowered text)
        return text[m.start(group):m.end(group)] if m.start(group) >= 0 else ""

    for m in folded_matches(_CENTS_PRICE, text):
        c = find_numbers(said(m, "c"))
        if c:
            out.append(NumberSpan(m.start("p"), m.end("p"), c[0].value / 100, said(m, "p"), suffix="$",
                                  words=not said(m, "c")[0].isdigit()))
    for m in folded_matches(_DOLLARS_CENTS, text):      # "two dollars forty", "a dollar fifty"
        dollars = [1.0] if said(m, "d").lower() == "a" else [n.value for n in find_numbers(said(m, "d"))]
        cents = find_numbers(said(m, "c"))
        if dollars and cents:
            out.append(NumberSpan(m.start("p"), m.end("p"), dollars[0] + cents[0].value / 100, said(m, "p"),
                                  suffix="$", words=True))
    for m in folded_matches(_SPOKEN_PRICE, text):
        if any(o.start <= m.start("p") < o.end for o in out):
            continue
        if said(m, "n"):                   # "at 2.50 an hour": written the way a price is
            out.append(NumberSpan(m.start("p"), m.end("p"), float(said(m, "n")), said(m, "p"), suffix="$"))
            continue
        d, c = find_numbers(said(m, "d")), find_numbers(said(m, "c"))
        if d and c:
            out.append(NumberSpan(m.start("p"), m.end("p"), d[0].value + c[0].value / 100, said(m, "p"),
                                  suffix="$", words=True))
    return out


def extract(text: str, sents: list[Sentence]) -> list[Quantity]:
    """Every quantity in `text` (already cleaned), in order of appearance."""
    prices = _spoken_prices(text)
    spans = [s for s in find_numbers(text) + _article_spans(text)
             if not any(p.start <= s.start < p.end for p in prices)] + prices + _once_spans(text)
    spans.sort(key=lambda s: s.start)
    starts = [s.start for s in sents]
    found: list[tuple[NumberSpan, UnitMatch | None, int]] = []
    for span in spans:
        si = max(0, bisect.bisect_right(starts, span.start) - 1)
        sentence = sents[si].text if sents else text
        found.append((span, _unit_for(text, span, sentence, sents[si].start if sents else 0), si))
    found = _inherit(text, found)
    out: list[Quantity] = []
    prev_end = 0
    for span, um, si in found:
        if um is None or um.kind == "factor":
            continue
        if um.kind == "compute" and span.words and span.value == 1:
            continue                      # "fits on one GPU", "one box can serve": a framing, not a size
        out.append(_quantity(text, span, um, si, sents, prev_end))
        prev_end = span.end + um.length
    return _per_user_fallback(_each_users_day(text, out))


def factors(text: str) -> list[float]:
    """Explicit multipliers said in the answer ("peak is 3x", "three times the average", "double")."""
    out = []
    spans = find_numbers(text)
    for span, nxt in zip(spans, [*spans[1:], None]):
        times = _TIMES_AFTER.match(text[span.end:span.end + 12])
        if times and nxt is not None and not text[span.end + times.end():nxt.start].strip():
            continue                    # "40 times 12": a product said out loud, not a multiplier of something
        if times or text[span.end:span.end + 1] in ("x", "×"):
            if 1 < span.value <= 100:
                out.append(span.value)
        elif 1 < span.value <= 10 and _COPIES_AFTER.match(text[span.end:span.end + 24]):
            out.append(span.value)      # "with three copies", "3-way replication": every byte stored that often
    if folded_search(_DOUBLE, text):
        out.append(2.0)
    if folded_search(_TRIPLE, text):
        out.append(3.0)
    return out


_TIMES_AFTER = re.compile(r"^\s*(?:x|×|times)\b(?!\s+(?:a|per|an|each|every)\s)", re.I)   # tried after every number
_COPIES_AFTER = re.compile(r"^\s*(?:full |replicated )?copies\b|^\s*-?\s*way (?:replicat|redundan|mirror)", re.I)
_DOUBLE = re.compile(r"\b(?:double|twice|2x)\b", re.I)
_TRIPLE = re.compile(r"\b(?:triple|thrice)\b", re.I)


def _article_spans(text: str) -> list[NumberSpan]:
    out = []
    taken = set()
    for m in [*folded_matches(_ARTICLE_UNIT, text), *folded_matches(_PERIOD_OF, text),
              *folded_matches(_RESTATED_SIZE, text)]:
        s, e = m.start("a"), m.end("a")
        if s in taken:
            continue
        taken.add(s)
        value = 1.5 if _AND_A_HALF.match(text[e:e + 30]) else 1.0
        out.append(NumberSpan(s, e, value, text[s:e], words=True))
    for m in folded_matches(_PART_UNIT, text):
        s, e = m.start("a"), m.end("a")
        part = next(v for k, v in _PARTS.items() if k in text[s:e].lower())
        out = [o for o in out if not s <= o.start < e]
        out.append(NumberSpan(s, e, part, text[s:e], words=True))
    return out


def _unit_for(text: str, span: NumberSpan, sentence: str, sent_start: int) -> UnitMatch | None:
    tail = text[span.end:span.end + 90]
    before = text[max(sent_start, span.start - 60):span.start]
    if before.rstrip().endswith("$") or span.suffix == "$":      # "$40", or a spoken price ("two fifty an hour")
        return dollar_match(tail)
    if span.suffix == "times" and (m := re.match(r"^\s*(?:a|an|per|each|every)\s+(?P<per>second|minute|hour|day|week|"
                                                 r"month|year)\b", tail, re.I)):
        per = PERIOD_S[m.group("per").lower()]            # "twice a week": a rate of times
        return UnitMatch("throughput", "/s", 1 / per, m.group(0).strip(), m.end(), period_s=per)
    if span.text.lower() == "one" and re.match(r"^\s*(?:day|time|night)\b", tail, re.I) \
            and _NARRATIVE_ONE.search(before):
        return None                       # "one day, the pipeline broke"
    um = match_unit(tail, span.suffix, sentence, span.value)
    if um is not None and um.kind == "dataset" and (m := _PERIOD_BEFORE.search(before) or
                                                    _OVER_PERIOD_BEFORE.search(before)) \
            and _RATE_NOUN_WORD.search(um.said):
        per = PERIOD_S[m.group("per").lower()]
        return UnitMatch("throughput", "/s", 1 / per, um.said, um.length, um.flags, per)
    if um is not None and "and a half" in text[span.end:span.end + 40].lower() and span.value == 1.5:
        um = UnitMatch(um.kind, um.unit, um.factor, um.said + " and a half", um.length + len(" and a half"),
                       um.flags, um.period_s)
    if um is not None:
        return um
    if (m := _POINTS.match(tail)) and _METRIC.search(before):     # "lifted NDCG by two points": percentage points
        return UnitMatch("percent", "%", 1, m.group(0).strip(), m.end())
    if _OF_THEM.match(tail) and _COMPUTE_BEFORE.search(text[max(0, span.start - 160):span.start]):
        m = _OF_THEM.match(tail)
        assert m is not None
        return UnitMatch("compute", "units", 1, m.group(0).strip(), m.end())
    if span.value >= 1 and _PREFIX_LAT.search(before):
        return UnitMatch("latency", "s", 1e-3, "", 0, frozenset({"assumed_ms"}))
    if span.value >= 1 and (qps := _PREFIX_QPS.search(before)) and not _FRACTION_AFTER.match(tail) \
            and not find_numbers(qps.group(0).split(None, 1)[-1]):   # (not "QPS, so twenty replicas, twenty-five":
        # a figure said after another one since the word restates that one)
        return UnitMatch("throughput", "/s", 1, "", 0, period_s=1)
    if span.value >= 100 and _PREFIX_USERS.search(before):
        return UnitMatch("users", "users", 1, "", 0)
    if 1 < span.value <= 1000 and _EACH_DOES.search(before) and (m := _THINGS.match(tail)):
        return UnitMatch("dataset", "items", 1, m.group(0).strip(), m.end())   # "each one makes twelve lookups"
    return None


_THINGS = re.compile(r"^\s*[a-z]{3,}s\b", re.I)
_AT_BEFORE = re.compile(r"\bat\s+(?:about\s+|roughly\s+|around\s+)?$", re.I)
_A_MACHINE_AFTER = re.compile(r"^\s*(?:a|per|each|for each)\s+(?:replica|server|machine|node|instance|gpu|pod|worker|host|"
                              r"box|card|container)\b", re.I)


def _inherit(text: str, found: list[tuple[NumberSpan, UnitMatch | None, int]]
             ) -> list[tuple[NumberSpan, UnitMatch | None, int]]:
    out = list(found)
    # ranges: "from 800 to 250 milliseconds", "between 2 and 4 GPUs"
    for i in range(len(out) - 2, -1, -1):
        span, um, si = out[i]
        nxt, num, nsi = out[i + 1]
        if um is None and num is not None and num.kind != "factor" and nsi == si \
                and _RANGE_GAP.match(text[span.end:nxt.start]):
            out[i] = (span, UnitMatch(num.kind, num.unit, num.factor, num.said, 0, num.flags, num.period_s), si)
    # one machine's capacity with the unit left off: "12,000 requests a second and one replica handles 250"
    # or said as a price is: "... 20,000 a second, and at 400 a replica the model needs fifty"
    for i, (span, um, si) in enumerate(out):
        at_each = um is None and bool(_AT_BEFORE.search(text[max(0, span.start - 20):span.start])) and \
            bool(_A_MACHINE_AFTER.match(text[span.end:span.end + 30]))
        if (um is None or (um.kind == "compute" and not um.said)) and \
                (_INSTANCE_HANDLES.search(text[max(0, span.start - 60):span.start]) or at_each):
            rate = next((pum for _, pum, psi in reversed(out[:i]) if pum is not None and pum.kind == "throughput"
                         and (psi == si or not at_each)), None)
            if rate is not None:
                out[i] = (span, UnitMatch("throughput", "/s", 1 / rate.period_s if rate.period_s else 1, "", 0,
                                          frozenset(), rate.period_s), si)
    # a bare amount per period after a cost in the same sentence is money too: "$480 a night, around fourteen and
    # a half thousand a month"
    for i, (span, um, si) in enumerate(out):
        if um is None or um.kind != "throughput" or not _BARE_PERIOD.match(um.said):
            continue
        prev = next(((pum, psi) for _, pum, psi in reversed(out[:i]) if pum is not None and pum.kind != "factor"), None)
        money = any(pum is not None and pum.kind == "cost" and psi == si for _, pum, psi in out[:i])
        # the same amount a period said as money before, anywhere ("ten thousand dollars a month" ... "a rounding error
        # against ten thousand a month"): the budget again, not a rate
        again = any(pum is not None and pum.kind == "cost" and pum.period_s == um.period_s and pspan.value == span.value
                    for pspan, pum, _ in out[:i])
        if (prev is not None and prev[1] == si and prev[0].kind == "cost") or again or (
                money and _COST_BEFORE.search(text[max(0, span.start - 30):span.start])):
            per = um.said.split()[-1].lower().lstrip("/")
            out[i] = (span, UnitMatch("cost", f"$/{per}", 1, um.said, um.length, frozenset(), um.period_s), si)
    # a cost whose period is said before it: "and times thirty for the month that is about 2,700 dollars"
    for i, (span, um, si) in enumerate(out):
        if um is not None and um.kind == "cost" and um.unit == "$":
            b = _PERIOD_BEFORE_COST.search(text[max(0, span.start - 45):span.start])
            if b:
                per = b.group("per").lower()
                out[i] = (span, UnitMatch("cost", f"$/{per}", um.factor, um.said, um.length, um.flags, PERIOD_S[per]), si)
    # restatements: "about 3,500 QPS on average and maybe 10,000 at peak", "so 50 replicas ... I'd run 75."
    for i, (span, um, si) in enumerate(out):
        if um is not None or not _RESTATE.match(text[span.end:span.end + 20]):
            continue
        if span.value == 0 or (1900 <= span.value <= 2100 and span.value == int(span.value)
                               and span.text.isdigit()):
            continue                      # a year ("in 2019."), not "2,000 at peak" or "two thousand at peak"
        if _POWER_OF_TEN.search(span.text):
            continue                      # "6e21 over 3.84e15,": a power of ten is a compute figure, not a count again
        if _OPERAND_BEFORE.search(text[max(0, span.start - 20):span.start]):
            continue                      # "which is 40 times 12,": an operand of the arithmetic said, not a restatement
        if _FACTOR_RANGE.match(text, span.end):
            continue                      # "overhead maybe two, three times": a multiplier, not the size again
        if _SHAPE_BEFORE.search(text[max(0, span.start - 40):span.start]):
            continue                      # "heads of dimension 128.": a size of the model's shape, not a restatement
        if span.text.lower() == "one" and _PRONOUN_ONE.search(text[max(0, span.start - 20):span.start]):
            continue                      # "three days against the old one,": the model, not one more day
        if span.value == 1 and _RATIO_TO.search(text[max(0, span.start - 20):span.start]):
            continue                      # "they compress about four to one": a ratio, not one more terabyte
        named = _measured_before(text, out, i)
        if named is not None:
            out[i] = (span, named, si)    # "... and the catalogue had grown to eleven million": the catalogue's unit
            continue
        for j in range(i - 1, -1, -1):
            pspan, pum, psi = out[j]
            if psi != si:
                break
            if pspan.words and pspan.text.lower() in ("a", "an"):
                continue                  # "within a year ... peak was around forty thousand.": no restated year
            if pum is not None and pum.kind not in ("factor", "percent"):
                flags = frozenset(f for f in pum.flags if f not in ("per_user", "each"))
                out[i] = (span, UnitMatch(pum.kind, pum.unit, pum.factor, "", 0, flags, pum.period_s), si)
                break
    return out


_SUBJECT_BEFORE = re.compile(r"\b(?:the|our|its|their)\s+([a-z]{4,})\s+(?:had\s+|has\s+|have\s+)?(?:grown|grew|reached|"
                             r"rose|risen|climbed|doubled|shrunk|shrank|fallen|fell|gone|went|is|was|were|are|hit)\b[^.;\d]*$", re.I)


def _measured_before(text: str, found: list[tuple[NumberSpan, UnitMatch | None, int]], i: int) -> UnitMatch | None:
    """A bare amount whose own subject comes right before it ("and the catalogue had grown to eleven million") is that
    thing's amount, in the unit it was measured in before ("a catalogue of two million items"), not a restatement of
    the figure before it of another kind (the traffic)."""
    span = found[i][0]
    lead = _SUBJECT_BEFORE.search(text, max(0, span.start - 60), span.start)
    if lead is None:
        return None
    noun = lead.group(1).lower()
    for pspan, pum, _ in reversed(found[:i]):
        if pum is None or pum.kind in ("factor", "percent") or pspan.end > lead.start():
            continue
        near = text[max(0, pspan.start - 25):min(pspan.end + 25, lead.start())].lower()   # (not this mention of it)
        if re.search(r"\b" + re.escape(noun) + r"\b", near):
            return UnitMatch(pum.kind, pum.unit, pum.factor, "", 0, frozenset(f for f in pum.flags if f != "each"),
                             pum.period_s)
    return None


def _quantity(text: str, span: NumberSpan, um: UnitMatch, si: int, sents: list[Sentence], cut: int) -> Quantity:
    """Build the quantity; `cut` is where the previous number ended (context cues stop there)."""
    end = span.end + um.length
    said = text[span.start:end].strip()
    if text[span.start - 1:span.start] == "$":
        said = "$" + said
    sent = sents[si] if sents else Sentence(text, 0, len(text))
    before = text[max(sent.start, span.start - 70, cut):span.start]
    after = text[end:min(sent.end, end + 40)]
    around = text[max(sent.start, span.start - 30):min(sent.end, end + 25)]
    q: set[str] = set(um.flags)
    if _PEAK.search(around):
        q.add("peak")
    if _AVERAGE.search(around):
        q.add("average")
    if um.kind == "throughput":
        if _PER_USER_BEFORE.search(before):
            q.add("per_user")
        if um.period_s >= 3600 and ("each" in q or re.match(r"^\s*each\b", after)) and "per_user" not in q \
                and re.search(r"\b(?:users?|customers?|people|members|visitors)\b", text[sent.start:span.start], re.I):
            q.add("per_user")             # "10 million users making 200 requests a day each"
            q.discard("each")
        # (read past the cut: in "sixteen GPUs each push ..." the "each" closes the count said before the rate)
        each_machine = _EACH_HANDLES.search(text[max(sent.start, span.start - 70):span.start]) \
            and _COMPUTE_BEFORE.search(text[sent.start:span.start])
        one_machine = _ONE_MACHINE_CLAUSE.search(text[sent.start:span.start]) and "per_user" not in q
        if _PER_INSTANCE_AFTER.search(after) or _per_machine_before(before, text[sent.start:span.start]) or "each" in q or each_machine \
                or one_machine:
            q.discard("each")
            if "per_user" not in q:
                q.add("per_instance")
    if um.kind == "bandwidth" and _PER_INSTANCE_AFTER.search(after):
        q.add("per_instance")             # "we budget 10 MB a second per partition": one unit's share, not the stream's
    if um.kind == "compute" and "each" in q:
        q.discard("each")
        q.add("per_instance")
    if um.kind == "storage" and "rate" not in q and "per_param" not in q and (m := _PER_ITEM_BEFORE.search(before)) \
            and not re.search(r"\b(?:bits?|bytes?)\s*$", text[max(0, span.start - len(before) + m.start() - 12):
                                                             span.start - len(before) + m.start()], re.I):
        q.add("per_item")                 # (not "8 bits per weight takes 70 GB": that "per" is the precision's, and
        # not "two bytes each is about 140 GB": that "each" closes the bytes said before it, even past the cut)
    elif um.kind == "storage" and "rate" not in q and "per_param" not in q \
            and _COUNTED_OF.search(text[max(sent.start, span.start - 50):span.start]):
        q.add("per_item")
    if um.kind == "storage" and "per_item" in q and re.match(r"^\s*(?:each|apiece)\b", after) \
            and _MACHINES_BEFORE.search(text[sent.start:span.start]):
        q.add("per_instance")             # "sharded across 8 GPUs, which leaves 16 GB each": per machine, not per item
    if um.kind in ("throughput", "compute", "storage", "cost") and _TOTAL.search(around):
        q.add("total")
    raw = span.value
    if "grand" in q:                       # "forty grand" = 40,000 dollars
        q.discard("grand")
        raw *= 1000
    return Quantity(text=said, value=raw * um.factor, unit=um.unit, kind=um.kind, raw=raw,
                    qualifiers=tuple(sorted(q)), period_s=um.period_s, start=span.start, sentence=si)


_EACH_DOES = re.compile(r"\beach(?:\s+(?:one|of them))?\s+[a-z]+\s+"
                        # the thing acted on, said between ("they each ask the assistant like twenty questions")
                        r"(?:(?:the|a|an|our|their|its|it|them)\s+[a-z]+\s+)?"
                        r"(?:about\s+|roughly\s+|around\s+|some\s+|maybe\s+|like\s+)?$", re.I)
_DAILY = re.compile(r"\b(?:every day|each day|a day|per day|daily)\b", re.I)


def _each_users_day(text: str, qs: list[Quantity]) -> list[Quantity]:
    """A count each of the day's users makes, said without its own period ("twelve million people use the app every
    day and each one sends about thirty events", "eighteen million daily riders who each send twenty-five events"):
    the users' day is its period, so it is a per-user daily rate."""
    out: list[Quantity] = []
    for i, q in enumerate(qs):
        u = next((u for u in reversed(qs[:i]) if u.kind == "users" and u.sentence == q.sentence), None)
        if q.kind == "dataset" and u is not None and 1 < q.raw <= 1000 and qs[i - 1] is u and \
                _EACH_DOES.search(text, u.start + len(u.text), q.start) and \
                (u.has("dau") or _DAILY.search(text, u.start, q.start)):
            q = Quantity(q.text, q.value / 86400, "/s", "throughput", q.raw, ("per_user",), 86400.0, q.start,
                         q.sentence)
        out.append(q)
    return out


def _per_user_fallback(qs: list[Quantity]) -> list[Quantity]:
    """A small daily rate said after a user count is a per-user rate ("100M DAU ... 10 requests a day")."""
    out: list[Quantity] = []
    seen_users = False
    for q in qs:
        if q.kind == "users":
            seen_users = True
        elif (seen_users and q.kind == "throughput" and q.period_s >= 86400 and q.raw <= 1000
              and not q.has("per_user") and not q.has("total") and not q.has("per_instance")):
            q = Quantity(q.text, q.value, q.unit, q.kind, q.raw, tuple(sorted(set(q.qualifiers) | {"per_user"})),
                         q.period_s, q.start, q.sentence)
        out.append(q)
    return out


SMALL_COUNT = 100      # fewer things than this, counted ("five items", "three examples"), is a count, not a scale


def sizes_something(q: Quantity) -> bool:
    """A count of a few things ("five items on the page") sizes nothing; every other quantity is a sizing figure.
    Such counts still feed the napkin checks (a fan-out "ranks 50 items" per request is a step of a chain)."""
    # (nor does "one shared user and item embedding": a handful of users is never a design's scale)
    return not (q.kind in ("dataset", "users") and q.value < SMALL_COUNT)


def sizing_score(quantities: list[Quantity], bad_checks: int, ok_checks: int, expected: tuple[str, ...]
                 ) -> tuple[float, str]:
    """0-5 and the rule that produced it."""
    kinds = {q.kind for q in quantities}
    if not quantities:
        return 0.0, "no quantities: 0"
    base = {1: 2.0, 2: 3.0, 3: 3.5}.get(len(kinds), 4.0)
    rule = f"{len(kinds)} kind(s) of quantity -> {base:g}"
    if expected:
        covered = len(kinds & set(expected)) / len(expected)
        base = base * (0.6 + 0.4 * covered)
        rule += f"; x{0.6 + 0.4 * covered:.2f} for covering {covered:.0%} of the expected kinds"
    if ok_checks and not bad_checks:
        base += 1.0
        rule += "; +1 for arithmetic that checks out"
    if bad_checks:
        base -= 2.0 * bad_checks
        rule += f"; -2 for each of {bad_checks} wrong derivation(s)"
    return max(0.0, min(5.0, round(base, 2))), rule
