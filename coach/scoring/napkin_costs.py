"""Napkin math: what a fleet costs. Instances x price per instance-hour x hours, against a cost said after the
price: per hour, per day or night (the hours a day the job runs, "ten hours every night"), per week, month or year
("the monthly bill is about $7,000"), or a total over a said period or duration; and GPU-hours x price per
GPU-hour. A price may be said as people say one ("two fifty an hour", "three dollars a GPU hour"); an hourly total
said after the price ("... is 100 dollars an hour") is a total, not a second price."""
from __future__ import annotations

import re

from coach.content.napkin_constants import napkin_constants
from coach.scoring import napkin_rates
from coach.scoring.napkin_judge import Check, _judge
from coach.scoring.napkin_systems import _SPAN_OF, _last_before, _near
from coach.scoring.numbers import find_numbers
from coach.scoring.sizing import Quantity
from coach.scoring.text import fmt_num, sentence_around

_PERIOD_AFTER = re.compile(r"^\s*(?:for|over|in)\s+(?:the|a|one)\s+(?P<p>hour|day|week|month|year)\b", re.I)

_TOTAL_PRICE = re.compile(r"\b(?:in total|total|altogether|together|in all|combined|for all of them|for the lot|"
                          r"for the (?:whole )?(?:fleet|cluster|pool)|the (?:whole|entire) (?:fleet|cluster|pool))\b", re.I)
_WHOLE_FLEET = re.compile(r"\b(?:the|our) (?:whole|entire) (?:fleet|cluster|pool)\b[^.;]*$", re.I)   # said before the count
_EACH_PRICE = re.compile(r"\b(?:each|apiece|per (?:gpu|machine|instance|node|box|card|server|replica))\b", re.I)
_DUTY = re.compile(r"\b(?:every|each|a|per) (?:night|day|evening|morning)\b|\b(?:nightly|daily)\b", re.I)
_ALL_DAY = re.compile(r"\b(?:day and night|around the clock|24/7|all day|always on|non-?stop)\b", re.I)
_PERIODIC = re.compile(r"\b(monthly|weekly|daily|nightly|yearly|annual|hourly)\b[^.;]{0,120}$", re.I)
_ADVERB_DAYS = {"monthly": "month", "weekly": "week", "daily": "day", "nightly": "night", "yearly": "year",
                "annual": "year", "hourly": "hour"}
# a period named with the hours or days it is taken to have ("a month of 168 hours", "a year, 8,760 hours")
_NAMED_PERIOD = re.compile(r"\b(?:a|one|per|each|the|every)\s+(?P<p>day|week|month|year)\s*(?:of|is|=|,|which is|that is)"
                           r"\s*(?:about |roughly |around |some )?$", re.I)
_WORKING = re.compile(r"\b(?:working|business|office|work|on[- ]call|billable|staffed|busy|peak)\b", re.I)
_PERIOD_DAYS = {"hour": 0.0, "day": 1.0, "night": 1.0, "week": 7.0, "month": 30.0, "quarter": 90.0, "year": 365.0}


def _sentence_of(text: str, q: Quantity) -> str:
    return sentence_around(text, q.start)


def _duty_hours(qs: list[Quantity], text: str, n: Quantity, p: Quantity) -> tuple[float, str]:
    """Hours a day the instances run: the job's length said with them ("sixteen GPUs for about ten hours ... every
    night": 10), else all day (24)."""
    sentence = _sentence_of(text, p)
    if not _ALL_DAY.search(sentence) and _DUTY.search(sentence):
        run = next((d for d in qs if d.kind == "duration" and d.sentence == p.sentence and 0 < d.value < 86400), None)
        if run is not None:
            return run.value / 3600, f" × {run.value / 3600:g} hours a day"
    return 24.0, ""


def _hourly_prices(qs: list[Quantity], text: str) -> list[tuple[Quantity, Quantity]]:
    """(price per instance-hour, instance count): "$2 per GPU hour", "three dollars an hour each", or "forty GPUs
    running day and night at two fifty an hour" (an hourly price said in the same sentence as the count)."""
    out = []
    for p in qs:
        if p.kind != "cost" or p.unit not in ("$/GPU-hour", "$/hour"):
            continue
        n = _last_before(qs, p, lambda x: x.kind == "compute" and x.unit != "GPU-hours" and not x.has("per_instance"))
        after = next((x for x in qs if x.start > p.start and x.sentence == p.sentence and x.kind == "compute"
                      and x.unit != "GPU-hours"), None)
        if after is not None and re.search(r"\b(?:for |on )?(?:each|every) of (?:the|our|those|these)\s*$",
                                           text[p.start + len(p.text):after.start]):
            out.append((p, after))           # "two fifty an hour for each of the 30 GPUs"
            continue
        if after is not None and (n is None or n.sentence != p.sentence) and \
                any(x.kind == "cost" and x.start > after.start and x.sentence == p.sentence for x in qs):
            out.append((p, after))           # "At $2 per GPU-hour, 512 GPUs for 130 hours cost ...": the count said with it
            continue
        named = _count_named_after(qs, text, p)
        if named is not None:
            out.append((p, named))           # "at two dollars an hour each the twenty we drop save ...": those twenty
            continue
        if n is None:
            continue
        between = text[n.start:p.start + len(p.text) + 25]
        whole = _WHOLE_FLEET.search(text[max(n.start - 30, text.rfind(". ", 0, n.start) + 1):n.start])
        if out and out[-1][1] is n and out[-1][0].sentence == p.sentence:
            continue     # "forty GPUs at 2.50 an hour is 100 dollars an hour": the second is the hourly total
        if any(x.kind == "cost" and n.start < x.start < p.start and 0 <= p.sentence - x.sentence <= 1
               and 0.5 <= n.value * x.value / p.value <= 2 for x in qs):
            continue     # "forty GPUs at two dollars fifty each is a hundred dollars an hour": a total too (also
            # worked out in the next sentence: "... at 2.40 an hour each. That is about 38 dollars each hour")
        if any(x.kind == "compute" and x.unit == "GPU-hours" and n.start < x.start < p.start for x in qs):
            continue     # "... so 4,600 GPU hours a run, and at two fifty an hour": a price per GPU-hour
        if p.unit == "$/GPU-hour" or _EACH_PRICE.search(p.text + _clause_from(text, p)) or (
                n.sentence == p.sentence and not _TOTAL_PRICE.search(between) and not whole):
            out.append((p, n))
        elif n.sentence == p.sentence and not any(x.kind == "cost" and x.unit == "$/hour" and x.start > p.start
                                                  and x.sentence == p.sentence for x in qs):
            # "twelve GPUs cost 30 dollars an hour in total": the price is the fleet's (but in "forty GPUs at 2 an
            # hour, a total of 80 dollars an hour" the total is the hourly figure said after it)
            out.append((p, _fleet(n)))
    return out


# a price said for a machine of several GPUs: "thirty-two dollars an hour for an eight-GPU node", "per node of 8 GPUs"
_GROUP_PRICE = re.compile(r"\s*(?:for|per|a|each)\s+(?:(?:an?|one|each|every|the|whole)\s+)?(?:(?P<k>[\w.]+(?: \w+)?)[- ]"
                          r"(?:gpu|card|accelerator)s?[- ](?:node|box|machine|server|instance|host|vm)|(?:node|box|machine|"
                          r"server|instance|host|vm) (?:of|with) (?P<k2>[\w.]+(?: \w+)?) (?:gpus|cards|accelerators))\b", re.I)


# or said before it: "an eight-GPU node costs 98 dollars an hour"
_GROUP_BEFORE = re.compile(r"\b(?:an?|one|each|every|the|per)\s+(?P<k>[\w.]+(?: \w+)?)[- ](?:gpu|card|accelerator)s?[- ]"
                           r"(?:node|box|machine|server|instance|host|vm)\s+(?:costs?|is|runs?|rents? (?:for|at)|goes for|"
                           r"bills? at|at|for)\s+(?:about\s+|roughly\s+|around\s+)?\$?$", re.I)


def _per_group(text: str, p: Quantity, n: Quantity) -> Quantity:
    """A price per machine of k GPUs paid for a count said in GPUs: the machines are the GPUs ÷ k (a node-hour price
    charged per GPU bills every node k times)."""
    if n.unit != "GPUs" or n.has("fleet_total"):
        return n
    m = _GROUP_PRICE.match(text, p.start + len(p.text)) or _GROUP_BEFORE.search(text, max(0, p.start - 60), p.start)
    if m is None:
        return n
    nums = find_numbers(m.group("k") or m.groupdict().get("k2") or "")
    k = nums[0].value if len(nums) == 1 else 0.0
    if not 2 <= k <= 64 or n.value < k:
        return n
    machine = re.search(r"node|box|machine|server|instance|host|vm", m.group(0), re.I)
    return Quantity(f"{n.text} ÷ {fmt_num(k)} a {machine.group(0).lower() if machine else 'node'}", n.value / k, "instances", n.kind,
                    n.value / k, n.qualifiers, 0.0, n.start, n.sentence)


# a price's figure said again as a factor: "30 times 2.50 times 24", "thirty GPUs at 2.50"
_AS_FACTOR = re.compile(r"(?:\btimes|\bx|×|\bat)\s*\$?$", re.I)


def _price_said_again(qs: list[Quantity], text: str, prices: list[tuple[Quantity, Quantity]]
                      ) -> list[tuple[Quantity, Quantity]]:
    """An hourly price said once and applied again by its bare figure to another fleet in a later sentence ("Serving
    is thirty GPUs running all the time, 30 times 2.50 times 24, ..."): that fleet at that price, and the hours a day
    it runs are the later sentence's."""
    out: list[tuple[Quantity, Quantity]] = []
    paired = {n.start for _, n in prices}
    for p, _ in prices:
        for n in qs:
            if n.sentence <= p.sentence or n.kind != "compute" or n.unit == "GPU-hours" or n.start in paired or \
                    n.has("per_instance") or any(x.kind == "cost" and x.unit in ("$/hour", "$/GPU-hour")
                                                 and x.sentence == n.sentence for x in qs):
                continue
            end = text.find(". ", n.start)
            stop = len(text) if end < 0 else end
            again = next((m for m in find_numbers(text[n.start:stop]) if m.value == p.value
                          and _AS_FACTOR.search(text, max(0, n.start + m.start - 10), n.start + m.start)), None)
            if again is None:
                continue
            at = n.start + again.start
            out.append((Quantity(p.text, p.value, p.unit, p.kind, p.raw, p.qualifiers, p.period_s, at, n.sentence), n))
            paired.add(n.start)
            break
    return out


def _clause_from(text: str, p: Quantity) -> str:
    """The price and the words said with it, up to the clause's end: "each" in "50 dollars an hour altogether, so
    each GPU costs ..." is the next clause's."""
    return re.split(r"[,;.]|\bso\b", text[p.start:p.start + len(p.text) + 25][len(p.text):], maxsplit=1)[0]


def _fleet(n: Quantity) -> Quantity:
    """The whole fleet as one unit, for a price said as its total an hour: the hours × that price, the count of
    instances not multiplied in again."""
    return Quantity(n.text, 1.0, n.unit, n.kind, 1.0, n.qualifiers + ("fleet_total",), 0.0, n.start, n.sentence)


# the instances a cost is for, named after the price by what happens to them: "the twenty we drop", "the six that
# stay on", "the ten extra replicas"
_NAMED_COUNT = re.compile(r"\bthe\s+(?:(?:extra|spare|idle|remaining|other)\s+)?$", re.I)
_NAMED_BY = re.compile(r"^\s*(?:(?:extra|spare|idle|remaining|more|fewer)\s+)?(?:(?:replicas?|gpus?|machines?|servers?|"
                       r"nodes?|instances?|cards?|pods?|boxes)\s+)?(?:we|that|which|you|they)\b", re.I)


def _count_named_after(qs: list[Quantity], text: str, p: Quantity) -> Quantity | None:
    """A count of instances said between an hourly price and the cost it leads to, as "the N we ...": the cost
    is for those instances, not for a fleet counted before the price."""
    end = p.start + len(p.text)
    cost = next((x for x in qs if x.kind == "cost" and x.start > end and x.sentence == p.sentence), None)
    if cost is None:
        return None
    for num in find_numbers(text[end:cost.start]):
        at = end + num.start
        if num.value >= 1 and _NAMED_COUNT.search(text[max(0, at - 20):at]) and _NAMED_BY.match(text[end + num.end:]) \
                and not any(q.start == at for q in qs):
            return Quantity(text[at:end + num.end], num.value, "instances", "compute", num.value, (), 0.0, at,
                            p.sentence)
    return None


_GH_PERIOD = re.compile(r"^\s*(?:a|per|each|every)\s+(?P<p>day|night|week|month|year)\b", re.I)


# GPU time in the units it is said in, as hours
_GPU_TIME_HOURS = {"GPU-hours": 1.0, "gpu-minutes": 1 / 60, "gpu-seconds": 1 / 3600, "gpu-days": 24.0}
# a price said per machine with no period: "two dollars a GPU", "$3 per instance"
_PER_MACHINE = re.compile(r"\s*(?:a|an|per|each|for each|for every|for a)\s+(?:gpu|machine|instance|node|card|server|box|"
                          r"accelerator)\b(?![- ]?(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)\b)", re.I)


def _hourly_rent(text: str, p: Quantity) -> bool:
    """A price per GPU-hour or hour, or one said per GPU with no period that is rent ("at two dollars a GPU"):
    machines are rented by the hour (rubrics/napkin_constants.toml [pricing])."""
    if p.unit in ("$/GPU-hour", "$/hour"):
        return True
    rules = napkin_constants()
    return p.unit == "$" and rules.machine_price_period_s == 3600 and 0 < p.value <= rules.rent_max_dollars and \
        _PER_MACHINE.match(text, p.start + len(p.text)) is not None


def _gpu_hours_cost(qs: list[Quantity], text: str, factors: list[float]) -> list[Check | None]:
    """GPU-hours × price per GPU-hour: "512 GPU-hours a day at $2 per GPU-hour, so about $1,000 a day". GPU time said
    in seconds, minutes or days is counted in hours first ("500,000 GPU-seconds ... at two dollars a GPU" is about
    139 GPU-hours, some 280 dollars)."""
    out: list[Check | None] = []
    for p in qs:
        if p.kind != "cost" or not _hourly_rent(text, p):
            continue
        gh = _last_before(qs, p, lambda x: x.kind == "compute" and x.unit in _GPU_TIME_HOURS and x.sentence == p.sentence)
        if gh is not None and p.unit == "$/hour" and any(x.kind == "compute" and x.unit not in _GPU_TIME_HOURS
                                                          and gh.start < x.start < p.start for x in qs):
            continue                      # a count of machines said between: their price, not the GPU-hours
        if gh is None or (gh.unit != "GPU-hours" and find_numbers(text[gh.start + len(gh.text):p.start])):
            continue
        per = _GH_PERIOD.match(text[gh.start + len(gh.text):gh.start + len(gh.text) + 20])
        c = next((x for x in qs if x.kind == "cost" and x.start > p.start and x.sentence - p.sentence <= 1), None)
        if c is None:
            continue
        said_per = c.unit[2:] if c.unit.startswith("$/") else ""
        gh_per = per.group("p").lower() if per else ""
        if said_per and gh_per and said_per != gh_per:
            continue                      # another period than the GPU-hours were said for
        hours = gh.value * _GPU_TIME_HOURS[gh.unit]
        how = f"{fmt_num(gh.value)} GPU-hours × ${p.value:g}/GPU-hour" if gh.unit == "GPU-hours" else \
            f"{gh.text} = {fmt_num(hours)} GPU-hours × ${p.value:g}/GPU-hour"
        if p.unit == "$":
            how += " (a GPU is rented by the hour)"
        out.append(_judge("cost", c, hours * p.value, how, factors, c.unit))
    return out


def _hours_priced(qs: list[Quantity], text: str, factors: list[float]) -> list[Check | None]:
    """A total of work time priced at an hourly rate with no fleet counted ("five million seconds of labelling, and at
    sixteen dollars an hour that comes to ..."): the hours × the price, whatever unit the time was said in."""
    out: list[Check | None] = []
    for p in qs:
        if p.kind != "cost" or p.unit != "$/hour" or p.has("per_instance"):
            continue
        if any(x.kind == "compute" and x.start < p.start and p.sentence - x.sentence <= 1 for x in qs):
            continue                      # a fleet's price: instances × price × hours (_cost)
        work = _last_before(qs, p, lambda x: x.kind == "duration" and x.sentence == p.sentence and x.value >= 3600)
        c = next((x for x in qs if x.start > p.start and x.sentence == p.sentence and x.kind == "cost"), None)
        if work is None or c is None or c.unit != "$" or _PER_COUNT.match(text, c.start + len(c.text)):
            continue
        how = f"{fmt_num(work.value / 3600)} hours × ${p.value:g}/hour"
        out.append(_judge("cost", c, work.value / 3600 * p.value, how, factors, "$"))
    return out


# a price per so many requests: "about 200 dollars per million requests", "$4 a thousand queries"
_PER_COUNT = re.compile(r"\s*(?:per|a|an|for (?:each|every|a)|every)\s+(?P<n>million|thousand|billion|hundred thousand|"
                        r"[\d,]+(?:\.\d+)?\s*(?:k|m|million|thousand)?)\s+(?:[a-z-]+\s+)?(?P<things>[a-z]{3,}s)\b", re.I)
_COUNT_WORDS = {"million": 1e6, "thousand": 1e3, "billion": 1e9, "hundred thousand": 1e5}


def _unit_cost(qs: list[Quantity], text: str, factors: list[float]) -> list[Check | None]:
    """A price per million requests from the fleet's cost a period and the request rate said before it: cost a
    second ÷ requests a second × a million. The rate is the one said per second (the input), so a slip in turning it
    into an hour's requests shows in the price too."""
    out: list[Check | None] = []
    fleets: dict[int, Quantity] | None = None
    for c in qs:
        m = _PER_COUNT.match(text, c.start + len(c.text)) if c.kind == "cost" and not c.period_s else None
        if m is None:
            continue
        n_text = m.group("n").lower().replace(",", "")
        per = _COUNT_WORDS.get(n_text)
        if per is None:
            nums = find_numbers(m.group("n"))
            per = nums[0].value if nums else None
        bill = _last_before(qs, c, lambda x: x.kind == "cost" and x.period_s > 0 and _near(x, c, 1))
        rate = _last_before(qs, c, lambda x: x.kind == "throughput" and x.period_s == 1 and not x.has("per_instance")
                            and not x.has("per_user") and _near(x, c, 1))
        if not per or per < 100 or bill is None or rate is None or rate.value <= 0:
            continue
        counted = napkin_rates._noun(rate)
        if counted and counted != m.group("things").lower() and not (
                re.fullmatch(napkin_rates.REQ_NOUNS, counted, re.I) and re.fullmatch(napkin_rates.REQ_NOUNS, m.group("things"), re.I)):
            continue     # "6.5e15 FLOPs a second ... 28 cents per thousand messages": a rate of other things
        # a price each, said with the count it is paid for ("64 GPUs at 2.20 dollars an hour"): the fleet's bill is
        # the count × the price
        if fleets is None:
            fleets = {p.start: n for p, n in _hourly_prices(qs, text)}
        n = fleets.get(bill.start)
        count = n.value if n is not None and not n.has("fleet_total") else 1.0
        expected = count * bill.value / bill.period_s / rate.value * per
        how = (f"{fmt_num(count)} × " if count != 1 else "") + \
            f"{fmt_num(bill.value)} dollars {_PER.get(int(bill.period_s), 'a period')} ÷ " \
            f"({fmt_num(rate.value)}/s × {bill.period_s:,.0f} s) × {fmt_num(per)}"
        out.append(_judge("cost", c, expected, how, factors, "$"))
    return out


_PER = {3600: "an hour", 86400: "a day", 2_592_000: "a month"}


def _per_count(text: str, c: Quantity) -> tuple[float, str, int] | None:
    """The count a price is paid per, the things counted and where that ends ("1.50 dollars per thousand images":
    1,000, images)."""
    m = _PER_COUNT.match(text, c.start + len(c.text)) if c.kind == "cost" and not c.period_s else None
    if m is None:
        return None
    per = _COUNT_WORDS.get(m.group("n").lower().replace(",", ""))
    if per is None:
        nums = find_numbers(m.group("n"))
        per = nums[0].value if nums else None
    return (per, m.group("things").lower(), m.end()) if per and per >= 100 else None


# one thing's count said before: "each prompt about 4,000 tokens" (not "1,000 tokens each is 10 billion tokens": that
# "each" closes the count before it, and the total follows)
_EACH_THING = re.compile(r"\b(?:each|per|every|a single)\b(?!\s*,?\s*(?:is|are|comes to|gives|makes|that'?s|so|which is)\b)"
                         r"[^,.;]{0,25}$", re.I)


def _priced_volume(qs: list[Quantity], text: str, factors: list[float]) -> list[Check | None]:
    """A bill from a price per so many things and the volume of those things ("1.50 dollars per thousand images and
    sixty million images a month, so about 90,000 dollars a month"): volume ÷ the count priced × the price. The
    count the price is per is the step a slip drops or swaps (a price per thousand used per million)."""
    out: list[Check | None] = []
    for c in qs:
        said = _per_count(text, c)
        if said is None:
            continue
        per, things, said_end = said
        stem = things[:-1] if things.endswith("s") else things
        def counted(v: Quantity) -> bool:
            return _near(v, c, 1) and re.search(rf"\b{re.escape(stem)}", v.text, re.I) is not None and (
                v.kind == "throughput" and v.period_s >= 3600 and not v.has("per_user") and not v.has("per_instance")
                or v.kind == "dataset")
        # the volume said after the price, or the last said before it ("so 8 billion tokens, and at five dollars per
        # million tokens ..."), not one thing's count ("each prompt about 4,000 tokens")
        volume = next((v for v in qs if v.start >= said_end and counted(v)), None) or next(
            (v for v in reversed(qs) if v.start < c.start and counted(v)
             and not _EACH_THING.search(text, max(0, v.start - 30), v.start)), None)
        if volume is None:
            continue
        bill = next((b for b in qs if b.start > max(volume.start, c.start) and b.kind == "cost" and _near(b, volume, 1)
                     and _per_count(text, b) is None and (b.period_s > 0 or volume.kind == "dataset")), None)
        if bill is None or any(min(volume.start, c.start) < x.start < bill.start and not c.start <= x.start < said_end
                               and x is not volume and x.kind in ("cost", "dataset", "throughput", "users") for x in qs):
            continue      # (another price or count said between them: the bill is built on more than these)
        count = volume.value * bill.period_s if volume.kind == "throughput" else volume.value
        how = f"{fmt_num(count)} {things} ÷ {fmt_num(per)} × ${c.value:g}"
        out.append(_judge("unit_price", bill, count / per * c.value, how, factors, bill.unit))
    return out


# how many of the shorter periods a longer one holds, as a bill is restated (twelve months a year, not 365 / 30)
_PERIODS_IN = {("day", "week"): 7.0, ("day", "month"): 30.0, ("day", "year"): 365.0, ("week", "month"): 30 / 7,
               ("week", "year"): 52.0, ("month", "year"): 12.0}
_RESTATED_AS = re.compile(r"^[^.;]{0,40}?\b(?:so|which is|that is|that's|or|comes to|making|about)\b[^.;]{0,20}$", re.I)
# ... not a figure said as what was saved ("... five thousand a month, so we saved roughly seventy thousand a year"):
# a saving is the difference of two bills, the savings check's (coach/scoring/napkin_savings.py)
_SAVED = re.compile(r"\b(?:sav(?:e|ed|es|ing|ings)|cut|down by|less|fewer|reduc\w*)\b", re.I)


def _over_longer_period(qs: list[Quantity], text: str, factors: list[float]) -> list[Check | None]:
    """A bill a day, week or month restated over a longer period in the next clause ("20,000 dollars a month, which is
    about 240,000 dollars a year"): the same bill × the periods in it (30 days a month, 365 a year). A price each is
    no bill: a count of machines said between them multiplies too and is the fleet rule's."""
    out: list[Check | None] = []
    costs = [q for q in qs if q.kind == "cost" and q.unit.startswith("$/") and q.period_s >= 86400]
    for c, d in zip(costs, costs[1:]):
        if d.sentence != c.sentence or d.period_s <= c.period_s or c.has("per_instance") or \
                any(c.start < x.start < d.start for x in qs) or \
                not _RESTATED_AS.match(text[c.start + len(c.text):d.start]) or \
                _SAVED.search(text[c.start + len(c.text):d.start]):
            continue
        ratio = _PERIODS_IN.get((c.unit[2:], d.unit[2:]))
        if ratio is None:
            continue
        how = f"${fmt_num(c.value)} a {c.unit[2:]} × {ratio:g}"
        out.append(_judge("cost_period", d, c.value * ratio, how, factors, d.unit))
    return out


_BILL_PERIOD_BEFORE = re.compile(r"\b(?P<adv>monthly|weekly|daily|yearly|annual)\s+(?:[a-z]+\s+)?(?:bill|cost|spend|total)"
                                 r"\b[^.;\d]{0,25}$|\b(?:a|per|each|every|the|for the)\s+(?P<p>day|week|month|year)\b,?\s*"
                                 r"(?:that'?s|that is|is|comes to|would be|it'?s)?\s*(?:about\s+|around\s+|roughly\s+)?$",
                                 re.I)


_BILL_DERIVED = re.compile(r"^[^.;\d]{0,15}?\b(?:so|which is|that is|that's|comes to|making|meaning)\b[^.;\d]{0,45}$", re.I)


def _bill_over_period(qs: list[Quantity], text: str, factors: list[float]) -> list[Check | None]:
    """An hourly bill with nothing counted beside it ("the cluster runs at about 1,200 dollars an hour"), then that
    bill over a longer period said as derived ("so the monthly bill is around 880 thousand"): the bill × the hours in
    that period (24 a day, 720 a month). Taking the hourly figure for a daily one is the slip this catches."""
    out: list[Check | None] = []
    for i, p in enumerate(qs):
        if p.kind != "cost" or p.unit != "$/hour" or p.has("per_instance") or _EACH_PRICE.search(_clause_from(text, p)):
            continue
        if any(x.kind in ("compute", "duration") and abs(x.sentence - p.sentence) <= 1 for x in qs):
            continue        # machines counted, or a time the bill runs for: the fleet and duration rules read those
        c = next((x for x in qs[i + 1:] if x.kind == "cost"), None)
        if c is None or c.sentence - p.sentence > 1 or not _BILL_DERIVED.match(text[p.start + len(p.text):c.start]):
            continue
        period = c.unit[2:] if c.unit.startswith("$/") else ""
        if not period:
            named = _BILL_PERIOD_BEFORE.search(text, max(0, c.start - 40), c.start)
            period = (named.group("p") or _ADVERB_DAYS.get((named.group("adv") or "").lower(), "")).lower() \
                if named else ""
        days = _PERIOD_DAYS.get(period, 0.0)
        if days < 1:
            continue
        per = f"$/{period}" if c.unit.startswith("$/") else "$"
        out.append(_judge("cost", c, p.value * 24 * days, f"${fmt_num(p.value)} an hour × {24 * days:g} hours", factors,
                          per))
    return out


def _cost(qs: list[Quantity], text: str, factors: list[float]) -> list[Check | None]:
    """Instances × price per instance-hour × hours, against a cost said after the price (before the next price):
    per hour, per day or night (the hours a day the job runs), per week, month or year, or a total over a said
    period or duration; and a price per million requests."""
    out: list[Check | None] = list(_gpu_hours_cost(qs, text, factors)) + _unit_cost(qs, text, factors)
    out += _hours_priced(qs, text, factors) + _over_longer_period(qs, text, factors) + \
        _priced_volume(qs, text, factors) + _bill_over_period(qs, text, factors)
    prices = [(p, _per_group(text, p, n)) for p, n in _hourly_prices(qs, text)]
    prices = sorted(prices + _price_said_again(qs, text, prices), key=lambda pn: pn[0].start)
    starts = [p.start for p, _ in prices]
    for k, (p, n) in enumerate(prices):
        stop = starts[k + 1] if k + 1 < len(prices) else len(text)
        hourly = n.value * p.value
        per_day, duty = _duty_hours(qs, text, n, p)
        for c in qs:
            if c.kind != "cost" or c.start <= p.start or c.start >= stop or not _near(c, p, 1) or c.start in starts:
                continue
            if c.unit == "$" and _PER_COUNT.match(text, c.start + len(c.text)):
                continue     # "forty cents per thousand messages": a unit price, not what the fleet costs
            if c.sentence != p.sentence and any(x.kind == "compute" and x.unit != "GPU-hours" and x.start != n.start
                                                and x.sentence == c.sentence and x.start < c.start for x in qs):
                continue     # the next sentence's bill for another fleet it names ("The 200 CPU servers cost ...")
            period = c.unit[2:] if c.unit.startswith("$/") else ""
            hours: float = 0.0
            if period == "hour":
                hours, how_h = 1.0, ""
            elif period in _PERIOD_DAYS:
                hours = per_day * _PERIOD_DAYS[period]
                how_h = duty + (f" × {_PERIOD_DAYS[period]:g} days" if _PERIOD_DAYS[period] != 1 else "") \
                    if duty else f" × {hours:g} hours"
            elif c.unit == "$":
                m = _PERIOD_AFTER.match(text[c.start + len(c.text):c.start + len(c.text) + 30])
                adv = _PERIODIC.search(text[max(0, c.start - 200, text.rfind(". ", 0, c.start)):c.start])
                # the time the fleet runs, said with the price or the cost (not a latency or a span said earlier)
                dur = _last_before(qs, c, lambda x: x.kind == "duration" and x.sentence >= min(p.sentence, n.sentence)
                                   and not _SPAN_OF.match(text[x.start + len(x.text):x.start + len(x.text) + 20]))
                if m or adv:                 # "$7,000 for the month", "the monthly bill is about $7,000"
                    period = m.group("p").lower() if m else _ADVERB_DAYS[adv.group(1).lower()] if adv else ""
                    days = _PERIOD_DAYS[period]
                    hours = per_day * days if days else 1.0
                    how_h = duty + (f" × {days:g} days" if days != 1 else "") if duty else f" × {hours:g} hours"
                else:
                    hours = dur.value / 3600 if dur else 0
                    how_h = f" × {hours:g} hours"
                    named = _NAMED_PERIOD.search(text[max(0, dur.start - 30):dur.start]) if dur else None
                    if named and dur and not _WORKING.search(text[dur.start:dur.start + len(dur.text) + 12]):
                        # "over a month of 168 hours": a month has about 720 hours, whatever the count said with it
                        period = named.group("p").lower()
                        hours = per_day * _PERIOD_DAYS[period]
                        how_h = f" × {hours:g} hours (a {period}" + (f" at {per_day:g} hours a day)" if duty else ")")
                        period = ""
            if hours:
                how = (f"${p.value:g}/hour for all {n.text}" if n.has("fleet_total") else
                       f"({n.text}) × ${p.value:g}/hour" if "÷" in n.text else
                       f"{fmt_num(n.value)} × ${p.value:g}/hour") + (how_h if period != "hour" else "")
                out.append(_judge("cost", c, hourly * hours, how, factors, f"$/{period}" if period else "$"))
    return out
