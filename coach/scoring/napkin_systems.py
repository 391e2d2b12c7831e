"""Napkin math: the system-sizing steps (requests per second from users or a daily count, bandwidth,
storage, model memory, training time, capacity and cost), each checked from figures the answer stated.
`napkin.check` runs them after the rate, test, step and LLM checks; what a fleet costs is napkin_costs.py."""
from __future__ import annotations

import dataclasses
import functools
import math
import re
from typing import Callable

from coach.content.napkin_constants import napkin_constants
from coach.scoring import napkin_rates, napkin_replicas, napkin_restated, napkin_shares, napkin_steps, napkin_windows
from coach.scoring.napkin_llm import DEVICES, _utilisation
from coach.scoring.napkin_judge import EXACT_TOLERANCE, TOLERANCE, Check, _judge, _tol
from coach.scoring.numbers import find_numbers
from coach.scoring.sizing import _EACH_HANDLES, Quantity, factors as said_factors
from coach.scoring.text import fmt_num, human, phrase_pattern
from coach.scoring.units import _SIZED_THINGS

_BIT = r"[- ]bits?(?! per second| a second|/s)"          # "4-bit", "four bits" (a precision, not a line rate)
_PRECISION = [(re.compile(rf"\b(?:fp32|float32|f32|full[- ]precision|single[- ]precision|(?:32|thirty[- ]two){_BIT})\b",
                          re.I), 4.0),
              (re.compile(rf"\b(?:fp16|bf16|float16|bfloat16|f16|half[- ]precision|(?:16|sixteen){_BIT})\b", re.I), 2.0),
              (re.compile(rf"\b(?:int8|fp8|(?:8|eight){_BIT})\b", re.I), 1.0),
              (re.compile(rf"\b(?:int4|fp4|nf4|(?:4|four){_BIT}|half a byte)\b", re.I), 0.5)]
_TRAINING = re.compile(r"\b(?:train(?:ing)?|optimi[sz]er|adam|gradients?|fine[- ]?tun)", re.I)
_EPOCHS = re.compile(r"(?P<n>\d+(?:\.\d+)?|[a-z]+(?:[- ][a-z]+)?)\s+(?:full\s+)?(?:epochs|passes)\b[^.]*$", re.I)
_ONE_PASS = re.compile(r"\b(?:one|an?|single|full|each)\s+(?:full\s+)?(?:epoch|pass)\b[^.]*$", re.I)


def _near(a: Quantity, b: Quantity, sentences: int) -> bool:
    return abs(a.sentence - b.sentence) <= sentences


def _is_total_rate(q: Quantity) -> bool:
    return q.kind == "throughput" and not q.has("per_user") and not q.has("per_instance")


def _who(u: Quantity) -> str:
    """The people as the candidate named them ("learners", "drivers"), else "users"."""
    word = u.text.split()[-1].lower() if u.text.split() else ""
    return word if word.isalpha() and word.endswith("s") and len(word) > 3 else "users"


def _qps(qs: list[Quantity], text: str, factors: list[float]) -> list[Check | None]:
    out: list[Check | None] = []
    done: set[int] = set()
    for i, r in enumerate(qs):
        if r.kind != "throughput" or not r.has("per_user"):
            continue
        users = [u for u in qs[:i] if u.kind == "users"] or [u for u in qs if u.kind == "users"]
        if not users:
            continue
        u = next((u for u in reversed(users) if u.has("dau")), None) or next(
            (u for u in reversed(users) if not u.has("mau")), users[-1])
        daily: Quantity | None = None
        daily_wrong = False
        for t in qs[i + 1:]:
            if not _near(r, t, 2) or not _is_total_rate(t) or _derived_elsewhere(text, t, qs) \
                    or napkin_rates.counts_tokens(r) != napkin_rates.counts_tokens(t):
                continue
            if t.period_s >= 3600:
                how = f"{fmt_num(u.raw)} {_who(u)} × {_rate_as_said(r)}"
                c = _judge("qps_from_users", t, u.value * r.value * t.period_s, how, factors,
                           f"/{'day' if t.period_s == 86400 else f'{t.period_s:g} s'}", t.value * t.period_s)
                out.append(c)
                daily, daily_wrong = t, c is not None and not c.ok
            elif daily is not None and (daily_wrong or napkin_rates.window_s(text[daily.start + len(daily.text):t.start])):
                break       # a wrong daily total, or one done in a batch window: the daily rules judge from it
            elif daily is None and 0 < t.period_s <= 60 and r.period_s >= 86400 and \
                    0 < (span_s := napkin_rates.window_s(text[r.start + len(r.text):t.start]) or 0.0) < r.period_s:
                # the users' day done in a batch window said between ("... twenty-five candidates each a day, scored in
                # a three-hour window, so ... a second"): the day's total over the window's seconds, not the day's
                how = f"{fmt_num(u.raw)} {_who(u)} × {_rate_as_said(r)} ÷ {span_s:,.0f} s (the window said)"
                out.append(_judge("qps_in_window", t, u.value * r.value * r.period_s / span_s, how, factors))
            else:
                # from the users, or through a daily total that checks out: the chain's step is users to per second
                how = f"{fmt_num(u.raw)} {_who(u)} × {_rate_as_said(r)} ÷ {_per_s(r)}"
                out.append(_judge("qps_from_users", t, u.value * r.value, how, factors))
                if daily is not None:
                    done.add(t.start)
                    break           # the daily total's rate is said once; later rates are other steps
            done.add(t.start)
    for i, d in enumerate(qs):
        if not _is_total_rate(d) or d.period_s < 3600:
            continue
        for t in qs[i + 1:]:
            if not _near(d, t, 1) or t.start in done:
                continue
            if _derived_elsewhere(text, t, qs):
                busy = napkin_windows.busy_window(qs, text, d, t) if t.sentence == d.sentence and _is_total_rate(t) \
                    and 0 < t.period_s <= 60 and napkin_rates.is_peak(text, t) else None
                if busy is not None:
                    # a peak worked from the day's share in a busy window said with it ("a fifth of them go in the
                    # two hours after release"): that share over the window's seconds, unless a peak rule judges it
                    out.append(_judge("qps_in_window", t, busy[0], busy[1], factors))
                    break
                if t.sentence != d.sentence and 0 < t.period_s <= 60:
                    break   # a peak or fan-out rate in a later sentence starts another step: later rates are not
                continue    # the daily total's ("... at peak. That is 60 million a second ... those 30, 6 million")
            if t.sentence != d.sentence and any(x.start > t.start and x.sentence == t.sentence and _is_total_rate(x)
                                                and x.period_s >= 3600 for x in qs):
                continue    # a new sentence's rate that its own sentence restates per day is an input, not derived
            if _is_total_rate(t) and 0 < t.period_s <= 60 and napkin_rates.is_peak(text, t) and any(
                    d.start < x.start < t.start and _is_total_rate(x) and 0 < x.period_s <= 60 for x in qs):
                continue    # "... about sixty a second on average; I'll plan for two hundred at the evening peak":
                            # the peak is judged against that average, not the day
            if _is_total_rate(t) and 0 < t.period_s <= 60:
                between = text[d.start + len(d.text):t.start]
                window = napkin_rates.window_s(between)
                share = _share(qs, text, d, t)
                if not window and share is not None and _PEAK_HOUR.search(between):
                    window = 3600.0         # "the peak hour is ten percent of the day": that share in 3,600 s
                busy = None if window else napkin_windows.busy_window(qs, text, d, t)
                if busy is not None:
                    # a busy stretch of the day said between them: its share over its seconds is the rate; later
                    # rates in the chain (views per order, items per view) are steps from this one, not from the day
                    out.append(_judge("qps_in_window", t, busy[0], busy[1], factors))
                    break
                if window and window < d.period_s:     # the day's total done within a batch window, not all day
                    how = f"{fmt_num(d.raw)}" + (f" × {share.text}" if share else "") + \
                        f" ÷ {window:,.0f} s (the window said)"
                    out.append(_judge("qps_in_window", t, d.value * d.period_s * (share.value / 100 if share else 1.0)
                                      / window, how, factors))
                    continue
                per = "86,400 s" if d.period_s == 86400 else f"{d.period_s:,.0f} s"
                out.append(_judge("qps_from_daily", t, d.value, f"{fmt_num(d.raw)} ÷ {per}",
                                  [] if _divided_by_the_day(between) else factors))
            elif _is_total_rate(t):
                break
    return out


_SHARE_OF = re.compile(r"^\s*of\s+(?:the\s+|all\s+|them|those|these|it|[a-z]+\b)|"
                       # the share told by where it falls: "30 percent come in a four-hour evening window"
                       r"^\s+(?:[a-z]+\s+){0,3}?(?:in|within|during|inside)\s+(?:a|an|the|one|our)\b", re.I)
_PEAK_HOUR = re.compile(r"\b(?:peak|busiest|top|heaviest)\s+hour\b", re.I)
# the peak hour named just before its share: "the peak hour is ten percent", "the busiest hour carries 8%"
_HOUR_IS = re.compile(r"\b(?:peak|busiest|top|heaviest)\s+hour\s+(?:is|has|carries|takes|gets|sees|holds|does)\s+"
                      r"(?:about\s+|roughly\s+|around\s+)?$", re.I)


def _share(qs: list[Quantity], text: str, d: Quantity, t: Quantity) -> Quantity | None:
    """The part of a day's total that falls in the window, said between them ("if 40 percent of orders fall in a
    three-hour dinner window", "the peak hour is ten percent")."""
    return next((p for p in qs if p.kind == "percent" and d.start < p.start < t.start and 0 < p.value <= 100
                 and (_SHARE_OF.match(text[p.start + len(p.text):]) or _HOUR_IS.search(text[d.start:p.start]))),
                None)


_DAY_SECONDS = (86_400, 100_000)


def _divided_by_the_day(between: str) -> bool:
    """"A billion divided by eighty-six thousand four hundred seconds is about ...": the day's seconds are the last
    figure said before the rate, so the rate is that division and nothing else (no multiplier said elsewhere in the
    answer, such as the opens per user already inside the day's total, stands between them)."""
    nums = find_numbers(between)
    return bool(nums) and nums[-1].value in _DAY_SECONDS and \
        re.search(r"\b(?:divided by|over|÷|/)\s*(?:about |roughly |around )?$", between[:nums[-1].start], re.I) is not None


def _derived_elsewhere(text: str, t: Quantity, qs: list[Quantity] | None = None) -> bool:
    """A peak or a fan-out figure is checked by napkin_rates, not against the average; so is a later mention of a
    peak figure ("... maybe 700 at peak. ... 700 a second needs 14 GPUs"): the same rate, said again."""
    if napkin_rates.is_peak(text, t) or (napkin_rates._fan_item(text, t) and (
            any(at < t.start for _, at in napkin_rates.fan_outs(text))
            or any(q.kind == "dataset" and q.start < t.start for q in qs or ()))):
        return True       # things a request fans out to, when a fan-out or a count of them was said before

    return any(q.start < t.start and q.kind == t.kind and q.period_s == t.period_s and q.value
               and abs(q.value - t.value) <= 0.02 * abs(q.value) and napkin_rates.is_peak(text, q) for q in qs or ())


def _last_before(qs: list[Quantity], q: Quantity, pred: Callable[[Quantity], bool]) -> Quantity | None:
    best = None
    for x in qs:
        if x.start >= q.start:
            break
        if pred(x):
            best = x
    return best


def _bandwidth(qs: list[Quantity], text: str, factors: list[float]) -> list[Check | None]:
    out: list[Check | None] = []
    for b in qs:
        if b.kind != "bandwidth" or b.has("per_instance"):
            continue      # a budget per partition or per node is not the stream's requests × bytes
        rate = _last_before(qs, b, lambda x: _is_total_rate(x) and _near(x, b, 2))
        size = _last_before(qs, b, lambda x: x.kind == "storage" and _near(x, b, 2) and (
            x.has("per_item") or (rate is not None and napkin_rates.times_rate(text, x, rate))
            or _size_of_each(text, x)))
        whole = _request_size_worked(qs, text, size, b) if rate and size and size.has("per_item") else None
        if rate and size and whole is not None:
            # "three hundred features of four bytes for a hundred candidates, which is 120 KB": the request's bytes
            # as the answer worked them out are what each request moves
            size, per = whole, []
        elif rate and size:
            per = _things_sized(text, rate.start + len(rate.text), size.start) if rate.start < size.start else \
                _things_sized_first(text, size)
        if rate and size:
            how = " × ".join([f"{fmt_num(rate.value)}/s"] + [fmt_num(v) for v in per] + [human(size.value, "B")])
            need = rate.value * size.value * math.prod(per)
            if _names_link(text, b) and b.value * _tol.get() >= need:
                continue    # a link chosen for the load ("so a 10 gigabit link is plenty"): bigger is headroom
            out.append(_judge("bandwidth", b, need, how, factors))
    return out


_WORKED = re.compile(r"(?:\b(?:which is|that'?s|that is|so|comes to|makes|gives)|,)\s+(?:about\s+|roughly\s+|around\s+)?$", re.I)


def _request_size_worked(qs: list[Quantity], text: str, size: Quantity, b: Quantity) -> Quantity | None:
    """The bytes of one request worked out from a size each in its sentence ("each request reads three hundred
    features of four bytes for a hundred candidates, which is 120 KB"), said before the flow: the request's size."""
    return next((x for x in qs if size.start < x.start < b.start and x.sentence == size.sentence
                 and x.kind == "storage" and not x.qualifiers and x.value > size.value
                 and _WORKED.search(text, max(size.start, x.start - 20), x.start)), None)


def _storage(qs: list[Quantity], text: str, factors: list[float]) -> list[Check | None]:
    out: list[Check | None] = []
    used: set[tuple[int, int]] = set()
    for m in qs:
        if m.kind != "storage" or m.has("per_param") or m.has("per_instance") or (
                m.has("per_item") and not _each_was_the_size(qs, text, m)):
            continue
        if _TIMES_BEFORE.search(text[max(0, m.start - 12):m.start]):
            continue      # "500 million x 96 bytes": a factor of the product said, not its result
        size = _last_before(qs, m, lambda x: x.kind == "storage" and x.has("per_item") and not x.has("per_instance")
                            and _near(x, m, 2))
        if size is None and not m.has("rate"):
            # a size said for each person ("each customer's profile is about two kilobytes"), the people counted
            each = _last_before(qs, m, lambda x: x.kind == "storage" and _said_for_each(text, x) and _near(x, m, 1))
            if each is not None and (check := _people_sized(qs, text, m, each, factors)) is not None:
                out.append(check)
                continue
            out.append(_kept(qs, text, m, factors))
            continue
        if size is None or _PER_VALUE.match(text, size.start + len(size.text)):
            continue      # bytes per dimension: rows × dimensions × bytes is napkin_steps' vector storage
        if m.value < size.value:
            continue      # smaller than one item's size: a size of something else ("each parameter costs 16 bytes")
        rate = _last_before(qs, m, lambda x: _is_total_rate(x) and _near(x, m, 2))
        count = _last_before(qs, m, lambda x: x.kind == "dataset" and _near(x, m, 2))
        if m.has("rate") and rate:
            how = f"{_rate_as_said(rate)} × {human(size.value, 'B')}"       # the inputs as the candidate said them
            if int(rate.period_s) != int(m.period_s):
                how += f" over {_PERIODS.get(int(m.period_s), human(m.period_s, 's'))}"
            out.append(_judge("storage", m, rate.value * size.value * m.period_s, how, factors))
            continue
        if m.has("rate"):
            continue
        days = [d for d in qs if d.kind == "duration" and _near(d, m, 1) and abs(d.start - m.start) < 250]
        if rate and days:
            d = min(days, key=lambda d: abs(d.start - m.start))
            copies = _copies(text, rate.start, m)       # "kept 90 days, 13.5 TB, and with three replicas 40 TB"
            ratio = compression(text, rate.start, m.start)
            how = f"{fmt_num(rate.value * 86400)} a day × {human(size.value, 'B')} × {human(d.value, 's')}"
            if ratio > 1:
                how += f" ÷ {fmt_num(ratio)} (compressed)"
            if copies > 1:
                how += f" × {fmt_num(copies)} copies"
            out.append(_judge("storage", m, rate.value * size.value * d.value * copies / ratio, how,
                              [f for f in factors if f not in (copies, ratio)]))
        elif rate is None and count is None and (users := _users_rate(qs, m, size)) is not None:
            u, each = users      # "ten million users each upload twenty photos a year at 3 MB": over that year
            period = days[0].value if days else each.period_s
            how = (f"{fmt_num(u.value)} users × {fmt_num(each.value * each.period_s)} "
                   f"{_PERIODS.get(int(each.period_s), 'a period')} × {human(size.value, 'B')}")
            if days:
                how += f" over {human(days[0].value, 's')}"
            out.append(_judge("storage", m, u.value * each.value * size.value * period, how, factors))
        elif rate is None and count is None and (_users_sized(qs, text, m, size)) is not None:
            out.append(_people_sized(qs, text, m, size, factors))
        elif count and (rate is None or count.start > rate.start) and (count.start, size.start) not in used \
                and not _sized_per_other(text, count, size):
            used.add((count.start, size.start))     # a later total of the same chain is another step ("... so each
            per = _per_item_counts(text, count.start + len(count.text), size.start)   # needs 393 MB, and 126 GB holds 320")
            if count.start > size.start:
                # the things the size is each one's, counted before it ("fifty features of eight bytes for 200
                # items"): each item carries that many
                lead = re.split(r"[.;!?]\s", text[max(0, size.start - 60):size.start])[-1]
                per += [n.value for n in find_numbers(lead) if n.value >= 2 and _THINGS_OF.fullmatch(lead, n.end)]
            how = " × ".join([fmt_num(count.value)] + [fmt_num(v) for v in per] + [human(size.value, "B")])
            total = count.value * size.value
            for v in per:
                total *= v
            out.append(_judge("storage", m, total, how, factors))
    return out


# the size said for each person ("each user's embedding is about a kilobyte", "at about a kilobyte each", "per user")
_EACH_PERSON = re.compile(r"\b(?:each|every|per|a|one)\s+(?:user|customer|member|account|person|profile)(?:'s)?\b|"
                          r"\beach\b|\bapiece\b", re.I)
_EACH_THEN_TOTAL = re.compile(r"^\s*(?:each|apiece|a piece)\s*,?\s*(?:is|comes to|gives|that's|so|makes)\b", re.I)


_FOR_EACH_BEFORE = re.compile(r"\b(?:each|every)\s+(?:[a-z]+(?:'s)?\s+){0,3}(?:is|takes|needs|uses|comes to)\s+"
                              r"(?:about |around |roughly |maybe |some )?$", re.I)


def _said_for_each(text: str, x: Quantity) -> bool:
    """A size said as one thing's ("each user's embedding is about a kilobyte", "every row takes 200 bytes")."""
    return _FOR_EACH_BEFORE.search(text[max(0, x.start - 50):x.start]) is not None


def _each_was_the_size(qs: list[Quantity], text: str, m: Quantity) -> bool:
    """A total read as one item's because "each" came before it, where the "each" closes the size said just before
    ("at about a kilobyte each is about fifty gigabytes"): the total is the product's."""
    size = _last_before(qs, m, lambda x: x.kind == "storage" and x.sentence == m.sentence)
    return size is not None and size.has("per_item") and size.value < m.value and \
        _EACH_THEN_TOTAL.match(text[size.start + len(size.text):m.start]) is not None


_FOR_PEOPLE = re.compile(r"\b(?:for|across|over|times)\s+(?:all\s+|each of\s+|every one of\s+)?(?:the\s+|our\s+)?$", re.I)


def _users_sized(qs: list[Quantity], text: str, m: Quantity, size: Quantity) -> Quantity | None:
    """The people counted before a size said for each of them, the total after it, in one or two sentences."""
    users = _last_before(qs, size, lambda x: x.kind == "users" and not x.has("rate") and _near(x, m, 1))
    if users is None and size.has("per_item"):
        # or counted right after the size said for each: "8 bytes each for 50 million users is ..."
        users = next((x for x in qs if size.start < x.start < m.start and x.kind == "users" and not x.has("rate")
                      and _FOR_PEOPLE.search(text, max(0, x.start - 12), x.start)), None)
        return users if users is not None and users.value >= 1000 and m.value > size.value * 10 else None
    if users is None or users.value < 1000 or not _EACH_PERSON.search(text, users.start + len(users.text),
                                                                        size.start + len(size.text) + 12):
        return None
    return users if m.value > size.value * 10 else None


def _people_sized(qs: list[Quantity], text: str, m: Quantity, size: Quantity, factors: list[float]) -> Check | None:
    """"Five hundred million users, each user's embedding about a kilobyte, so the table is about ...": the people
    counted, each with a size of their own (and the things each holds, "two hundred features each"), or None when a
    figure between them cannot be placed ("three hundred buckets of one second each")."""
    people = _users_sized(qs, text, m, size)
    if people is None:
        return None
    if people.start > size.start:
        # "the last 100 item ids of 8 bytes each for 50 million users": the things each holds said before the size
        lead = re.split(r"[.;!?]\s", text[max(0, size.start - 60):size.start])[-1]
        nums = [n for n in find_numbers(lead) if n.value >= 2]
        per = [n.value for n in nums if _THINGS_OF.fullmatch(lead, n.end)]
        if len(nums) != len(per) or find_numbers(text[size.start + len(size.text):people.start]):
            return None
    else:
        per = _per_item_counts(text, people.start + len(people.text), size.start)
        if len(find_numbers(text[people.start + len(people.text):size.start])) != len(per):
            return None
    how = " × ".join([f"{fmt_num(people.value)} users"] + [fmt_num(v) for v in per] + [human(size.value, "B")])
    return _judge("storage", m, people.value * size.value * math.prod(per), how, factors)


def _users_rate(qs: list[Quantity], m: Quantity, size: Quantity) -> tuple[Quantity, Quantity] | None:
    """The users and what each of them adds per period, said before the size and the total in the same sentence."""
    each = _last_before(qs, size, lambda x: x.kind == "throughput" and x.has("per_user") and x.sentence == m.sentence
                        and x.period_s >= 86400)
    users = _last_before(qs, each, lambda x: x.kind == "users" and x.sentence == m.sentence) if each else None
    return (users, each) if users and each else None


def _transfer(qs: list[Quantity], text: str, factors: list[float]) -> list[Check | None]:
    """The time to move a size over a link: bytes ÷ bytes per second ("copying 2 TB over a 10 gigabit link takes
    about half an hour"); the size, the link and the time said in one sentence, the time last."""
    out: list[Check | None] = []
    for d in qs:
        if d.kind not in ("duration", "latency") or d.unit != "s":
            continue
        link = _last_before(qs, d, lambda x: x.kind == "bandwidth" and x.sentence == d.sentence)
        size = _last_before(qs, d, lambda x: x.kind == "storage" and not x.has("rate") and x.sentence == d.sentence
                            and (not x.has("per_item") or _one_thing_sized(text, x)))
        if link is None or size is None or link.value <= 0:
            continue
        said_link, link = link, _link_as_named(qs, text, link)
        copies = _copies_over_one_link(qs, text, d, size, link)
        readers = None if copies is not None else _machines_each_at(qs, text, link)
        earlier = any(t is not d and t.kind in ("duration", "latency") and t.unit == "s"
                      and max(link.start, size.start) < t.start < d.start for t in qs)
        later = any(t.kind in ("duration", "latency") and t.unit == "s" and t.sentence == d.sentence
                    and t.start > d.start for t in qs)
        # the time of the whole push: said as such, or the only time said (and not said as one copy's)
        whole = copies is not None and (_WHOLE_PUSH.search(text[max(0, d.start - 45):d.start]) or not earlier
                                        and not later and not _ONE_COPY.match(text[d.start + len(d.text):]))
        if earlier and not whole:
            continue     # the first time after the size and the link is the copy; a later one is a further step
        how = f"{human(size.value, 'B')} ÷ {human(link.value, 'B/s')}"
        if said_link is not link:     # "our ten gigabit link at 10 GB a second": a gigabit is an eighth of a gigabyte
            how += f' ("{link.text}" is {human(link.value, "B/s")}, not the {human(said_link.value, "B/s")} used)'
        if readers is not None:
            # "ten nodes that each read 500 MB a second": the machines read their shares side by side
            how = f"{human(size.value, 'B')} ÷ ({fmt_num(readers.value)} × {human(link.value, 'B/s')})"
            out.append(_judge("transfer_time", d, size.value / (readers.value * link.value), how, factors))
        elif whole and copies is not None:
            # "the 12 GB model to 300 servers over one 10 gigabit source link": every server pulls its own copy
            how = f"{fmt_num(copies.value)} copies × " + how
            out.append(_judge("transfer_time", d, copies.value * size.value / link.value, how, factors))
        else:
            out.append(_judge("transfer_time", d, size.value / link.value, how, factors))
    return out


# one object sized, named by an article before the size and a singular noun after it ("copying the 40 TB training
# snapshot"): the thing moved, not the size of each of many
_ONE_OBJECT = re.compile(r"\b(?:the|our|this|that|one|a|an|its|their)\s+$", re.I)


def _one_thing_sized(text: str, q: Quantity) -> bool:
    m = _SIZED_THINGS.match(text[q.start + len(q.text):q.start + len(q.text) + 40])
    return m is not None and not m.group(0).lower().endswith("s") and \
        _ONE_OBJECT.search(text[max(0, q.start - 12):q.start]) is not None


def _machines_each_at(qs: list[Quantity], text: str, link: Quantity) -> Quantity | None:
    """The machines a speed is each one's, counted before it in its sentence ("on ten nodes that each read 500 MB
    a second", "eight workers at 200 MB a second each"): together they move their count times it."""
    if not (link.has("per_instance") or _EACH_HANDLES.search(text[max(0, link.start - 70):link.start])):
        return None
    count = _last_before(qs, link, lambda x: x.sentence == link.sentence)
    if count is None or count.kind != "compute" or count.value <= 1 or \
            count.has("per_instance") and not count.text.lower().endswith("each") \
            or find_numbers(text[count.start + len(count.text):link.start]):
        return None
    return count


# a figure said as a link's speed: "a 10 gig link", "over our 25 gigabit uplink", "a one-gig NIC"
_LINK_NOUN = re.compile(r"\s*(?:[a-z]+\s+)?(?:e?thernet|links?|nics?|uplinks?|downlinks?|ports?|pipes?|interconnects?|cards?|"
                        r"network(?! (?:egress|ingress|traffic|bills?|costs?|bandwidth|usage|throughput|load|capacity|i/?o))\b|fabric|"
                        r"backbone|connections?|network (?:links?|cards?|interfaces?))\b", re.I)


def _names_link(text: str, q: Quantity) -> bool:
    return q.kind == "bandwidth" and _LINK_NOUN.match(text, q.start + len(q.text)) is not None


def _link_as_named(qs: list[Quantity], text: str, link: Quantity) -> Quantity:
    """The link's speed as first named ("a 10 gig link"), when the answer restates it next in other units and gets the
    conversion wrong ("a 10 gig link, so 10 gigabytes a second"): the copy runs at the link's speed, not the slip."""
    named = next((q for q in reversed(qs) if q.start < link.start and q.sentence == link.sentence
                  and _names_link(text, q)), None)
    if named is None or named.value <= 0 or link is named or _names_link(text, link) or \
            find_numbers(text[named.start + len(named.text):link.start]):
        return link
    return named if not 1 / EXACT_TOLERANCE <= link.value / named.value <= EXACT_TOLERANCE else link


# one link every copy goes through: "a ten gigabit source link", "our single uplink", "the one origin server's link"
_SHARED_LINK = re.compile(r"\b(?:source|single|one|shared|origin|uplink|egress)\b", re.I)
_TO_MACHINES = re.compile(r"\b(?:to|across|onto|out to|on)\s+(?:all\s+|each of\s+|every one of\s+)?(?:the\s+|our\s+)?$", re.I)
_MACHINES = re.compile(r"^\s*(?:\w+\s+)?(?:servers|machines|nodes|hosts|replicas|pods|boxes|instances|gpus|devices)\b",
                       re.I)
_WHOLE_PUSH = re.compile(r"\b(?:whole|entire|all of them|all \w+|every (?:server|machine|node|host|replica)|the fleet|"
                         r"full)\b[^.;,]*$", re.I)
_ONE_COPY = re.compile(r"^\s*(?:a|per|for (?:each|one|a single))\s+(?:copy|server|machine|node|host|replica)\b|"
                       r"^\s*each\b", re.I)


def _copies_over_one_link(qs: list[Quantity], text: str, d: Quantity, size: Quantity,
                          link: Quantity) -> Quantity | None:
    """The machines a size is sent to over one shared link, said with the size and the link ("push the 12 GB model
    to 300 servers over a ten gigabit source link"): the link carries a copy for each of them."""
    if not any(b.kind == "bandwidth" and b.sentence == d.sentence and b.start <= link.start
               and abs(b.value - link.value) <= 0.05 * link.value     # the link, or it restated in other units
               and _SHARED_LINK.search(text[max(0, b.start - 25):b.start + len(b.text) + 12]) for b in qs):
        return None
    for q in qs:
        if q.sentence == d.sentence and q.start < link.start and q.value > 1 and q.kind in ("compute", "users") \
                and _TO_MACHINES.search(text[max(0, q.start - 20):q.start]) \
                and _MACHINES.match(re.sub(r"^[\d,.]+|^\w+", "", q.text, count=1) or text[q.start + len(q.text):]):
            return q
    return None


_COPIES = re.compile(r"\b(?P<n>[\w-]+)\s+(?:replicas|copies)\b|\breplicat\w*\s+(?:factor\s+)?(?:of\s+)?(?P<n2>[\w-]+)|"
                     r"\b(?P<n3>[\w-]+)(?:-way|\s+times|x)\s+replicat|\b(?P<n5>double|triple)[- ]?replicat|"
                     r"\bstored\s+(?P<n6>\d+)\s*x\b|"
                     # "the cluster stores every block three times", "we write each record twice over": every byte kept
                     r"\b(?:stor|replicat|keep|kept|writ|wrote)\w*\s+(?:(?:every|each|all|the|our|its)\s+)?(?:[a-z]+\s+)?"
                     r"(?P<n4>[\w-]+)\s+times\b", re.I)


_WITH_COPIES = re.compile(r"\s*(?:with|across|on|in|at|over)\s+(?:[\w-]+\s+){1,2}(?:replicas|copies)\b", re.I)


def _kept(qs: list[Quantity], text: str, m: Quantity, factors: list[float]) -> Check | None:
    """A total kept from a storage rate: bytes a day × the days kept (× the copies said: "5 TB a day, three replicas,
    30 days" is 450 TB). The copies said are not also allowed as a slip: dropping them is the error to flag."""
    rate = _last_before(qs, m, lambda x: x.kind == "storage" and x.has("rate") and x.period_s > 0 and _near(x, m, 1))
    if rate is None:
        return None
    days = [d for d in qs if d.kind == "duration" and rate.start < d.start < m.start and d.value >= rate.period_s
            and not _TIMES_BEFORE.search(text[max(0, d.start - 12):d.start])]   # "40 times 12": a factor, not years
    if not days:
        return None
    d = days[-1]
    k = qs.index(d)
    if k > 0 and qs[k - 1] in days and napkin_restated.restates(qs, k - 1, text) and \
            not 1 / TOLERANCE <= d.value / qs[k - 1].value <= TOLERANCE:
        d = qs[k - 1]       # "a year, which I will call 36.5 days": the period named is kept, whatever it was called
    copies = _copies(text, rate.start, m)
    ratio = compression(text, rate.start, m.start)
    per_period = rate.value
    how = f"{human(per_period, 'B')} {_PERIODS.get(int(rate.period_s), 'a period')} × {human(d.value, 's')}"
    if ratio > 1:
        how += f" ÷ {fmt_num(ratio)} (compressed)"
    if copies > 1:
        how += f" × {fmt_num(copies)} copies"
    return _judge("storage", m, per_period / rate.period_s * d.value * copies / ratio, how,
                  [f for f in factors if f not in (copies, ratio)])


# a compression ratio said ("they compress about four to one", "5:1 compression", "compressed 4x"): the bytes kept
# are the raw bytes divided by it
_COMPRESSION = re.compile(r"\bcompress\w*\s+(?:(?:about|roughly|around|some|by)\s+)?(?P<n>[\w.]+)\s*(?:to|:)\s*(?:one|1)\b|"
                          r"\b(?P<n2>[\w.]+)\s*(?:to|:)\s*(?:one|1)\s+compress|"
                          r"\bcompress\w*\s+(?:(?:about|roughly|around|some|by)\s+)?(?P<n3>[\w.]+)\s*(?:x|×|times|fold)\b|"
                          r"\b(?P<n4>[\w.]+)\s*(?:x|×|-?fold)\s+compress", re.I)


def compression(text: str, lo: int, hi: int) -> float:
    """The compression ratio said between `lo` and `hi`, or 1."""
    said = _COMPRESSION.search(text, lo, hi)
    if not said:
        return 1.0
    nums = find_numbers(next(g for g in said.groups() if g))
    return nums[0].value if nums and 1 < nums[0].value <= 100 else 1.0


def _copies(text: str, lo: int, m: Quantity) -> float:
    """The copies said from `lo` up to the total, or right after it ("roughly 1.4 TB with three replicas"): every
    byte is stored that often."""
    after = _WITH_COPIES.match(text, m.start + len(m.text))
    said = _COPIES.search(text, lo, after.end() if after else m.start)
    if not said:
        return 1.0
    word = next(g for g in said.groups() if g)
    nums = find_numbers(word) or [n for n in find_numbers({"double": "2", "triple": "3"}.get(word.lower(), ""))]
    return nums[0].value if nums and 2 <= nums[0].value <= 10 else 1.0


# the thing a size is said for: "two gigabytes per sequence", "ten gigabytes for each shard"
_SIZE_PER = re.compile(r"\s*(?:per|for each|for every|for one|for a|a)\s+(?P<noun>[a-z]{3,})\b", re.I)
_NOT_A_THING = frozenset("item one row record second minute hour day week month year piece".split())


def _sized_per_other(text: str, count: Quantity, size: Quantity) -> bool:
    """"four thousand tokens is two gigabytes per sequence", "ten million rows is ten gigabytes per shard": the size
    is for another thing than the count counts (the count is a factor of that size, said before it), so the count
    times the size is no total of anything."""
    per = _SIZE_PER.match(text, size.start + len(size.text))
    things = re.findall(r"[a-z]{3,}", count.text.lower())
    if per is None or not things:
        return False
    noun = per.group("noun").lower()
    return noun.rstrip("s") != things[-1].rstrip("s") and noun not in _NOT_A_THING


def _per_item_counts(text: str, start: int, end: int) -> list[float]:
    """The counts said each between the item count and the bytes ("50M entities with 200 features each at 8 bytes"):
    each multiplies the items, so the bytes are per feature, not per entity."""
    between = text[start:end]
    if re.search(r"[.;]\s", between):
        return []
    return [n.value for n in find_numbers(between) if n.value >= 2
            and (_EACH_AFTER.match(between, n.end) or _THINGS_OF.fullmatch(between, n.end))]


def _things_sized(text: str, start: int, end: int) -> list[float]:
    """A count said right before the size, as the things it sizes ("100,000 reads a second and fifty features of eight
    bytes each per read"): each request carries that many. A count said as a total ("forty features each is 320 bytes
    a read") is not one: the size after it already holds it."""
    between = text[start:end]
    if re.search(r"[.;]\s", between):
        return []
    return [n.value for n in find_numbers(between) if n.value >= 2 and _THINGS_OF.fullmatch(between, n.end)]


# a size said of each of the things counted before it: "2 KB of features each", "4 KB apiece"
_OF_EACH = re.compile(r"\s+(?:of\s+(?:[a-z-]+\s+){1,2})?(?:each|apiece)\b", re.I)


def _size_of_each(text: str, size: Quantity) -> bool:
    return not size.has("rate") and _OF_EACH.match(text, size.start + len(size.text)) is not None


def _things_sized_first(text: str, size: Quantity) -> list[float]:
    """The things a request carries, counted right before their size and said before the request rate ("each request
    scores 1,000 candidates at 2 KB each, and at 5,000 QPS ..."): the bytes a request moves are their count × the
    size, whichever order the product is said in (not "10,000 requests at 2 KB": those are the requests)."""
    start = max((m.end() for m in _SENTENCE_END.finditer(text, 0, size.start)), default=0)
    between = text[start:size.start]
    return [n.value for n in find_numbers(between) if n.value >= 2 and _THINGS_OF.fullmatch(between, n.end)
            and not _REQUESTS_AFTER.match(between, n.end)]


_SENTENCE_END = re.compile(r"[.;?!]\s")
_REQUESTS_AFTER = re.compile(rf"\s+(?:[a-z-]+\s+)?(?:{napkin_rates.REQ_NOUNS})\b", re.I)


_EACH_AFTER = re.compile(r"\s+(?:[a-z-]+\s+){1,2}(?:each|apiece|per\s+[a-z]+|a\s+piece)\b", re.I)
# the things whose size follows: "fifty features of eight bytes each", "200 vectors at 3 KB"
_THINGS_OF = re.compile(r"\s+(?:[a-z-]+\s+)?[a-z]{2,}s\s+(?:each\s+)?(?:of|at|with|taking|using)\s+(?:about\s+|roughly\s+|around\s+)?",
                        re.I)
_PER_VALUE = re.compile(r"\s*(?:per|a|each|for each|for every)\s+(?:dimension|dim|value|float|element|component|"
                        r"coordinate|entry)s?\b", re.I)
_PERIODS = {1: "a second", 60: "a minute", 3600: "an hour", 86400: "a day", 604800: "a week", 2_592_000: "a month",
            31_536_000: "a year"}


def _per_s(q: Quantity) -> str:
    """The seconds of the rate's period, as the step divides by them ("86,400 s")."""
    return f"{q.period_s or 86400:,.0f} s"


def _rate_as_said(q: Quantity) -> str:
    """A rate in the candidate's own period ("100M a day", "50,000/s"), not converted to per second."""
    period = int(q.period_s or 1)
    if period == 1:
        return f"{fmt_num(q.raw or q.value)}/s"
    return f"{fmt_num(q.value * period)} {_PERIODS.get(period, 'per ' + human(period, 's'))}"


def _bytes_per_param(text: str, qs: list[Quantity], at: int) -> float | None:
    explicit = [q for q in qs if q.has("per_param") and q.start < at]
    if explicit:
        return explicit[-1].value
    best, best_d = None, 10**9
    for pat, nbytes in _PRECISION:
        for m in pat.finditer(text):
            d = abs(m.start() - at)
            if d < best_d and d < 200:
                best, best_d = nbytes, d
    return best


_PER_PARAM_MAX = 32.0      # bytes: a size this small after a parameter count is per parameter, never the model's


_TIMES_BEFORE = re.compile(r"(?:\btimes|\bx|×|\*)\s*$", re.I)
_INSTEAD_OF = re.compile(r"\b(?:instead of|rather than|versus|vs\.?|compared (?:with|to)|down from|against)\s+"
                         r"(?:the\s+)?(?:about\s+|roughly\s+)?$", re.I)
_PER_TOKEN_AFTER = re.compile(r"\s*(?:of cache\s+)?(?:a|per|each|for (?:a|each|every|one))\s+(?:new\s+)?token\b", re.I)


def _multiplier(q: Quantity, text: str) -> bool:
    """A bare factor after "times" that took the parameter count's kind: the "four" of "forty billion times
    four", which is the bytes per parameter the answer used, not a model of four parameters."""
    return q.kind == "model_size" and q.value < 1e5 and bool(_TIMES_BEFORE.search(text[max(0, q.start - 12):q.start]))


_DEVICE_BEFORE = re.compile(r"\b" + DEVICES + r"\s+(?:with|of|at|having|that have|that hold|holding)\s+"
                            r"(?:about\s+|roughly\s+)?$", re.I)
_DEVICE_AFTER = re.compile(r"^(?:\s+(?:of\s+)?(?:memory|hbm|vram))?\s*" + DEVICES + r"\b", re.I)
# the first of two sizes offered for one device: "a single 24 or 40 gig card", "a 40 to 80 gigabyte GPU"
_DEVICE_CHOICE = re.compile(r"^\s*(?:or|to|and|-|–)\s+[\d.]+\s*(?:gb|gigs?|gigabytes?)?(?:\s+(?:of\s+)?(?:memory|hbm|vram))?"
                            r"\s*" + DEVICES + r"\b", re.I)


def device_memory(text: str, q: Quantity) -> bool:
    """The memory of a device, said with it: "A100s with eighty gigabytes", "80 gigabyte cards"."""
    return bool(_DEVICE_BEFORE.search(text[max(0, q.start - 40):q.start])
                or _DEVICE_AFTER.match(text[q.start + len(q.text):q.start + len(q.text) + 30])
                or _DEVICE_CHOICE.match(text[q.start + len(q.text):q.start + len(q.text) + 40]))


def _model_memory(qs: list[Quantity], text: str, factors: list[float]) -> list[Check | None]:
    out: list[Check | None] = []
    for i, p in enumerate(qs):
        if p.kind != "model_size" or _multiplier(p, text):
            continue
        said_first = _weights_said_first(qs, i, text)
        if said_first is not None:
            # "fourteen gigabytes for seven billion parameters in fp16": the figure said for the count is the weights;
            # a figure after it is another step of the chain (the weights plus the cache), not the weights again
            nbytes = _bytes_per_param(text, qs, said_first.start + 200)
            if nbytes is not None:
                out.append(_judge("model_memory", said_first, p.value * nbytes,
                                  f"{fmt_num(p.value)} parameters × {nbytes:g} bytes", factors,
                                  tol=max(EXACT_TOLERANCE, _tol.get() - TOLERANCE + EXACT_TOLERANCE)))
            continue
        mem = None
        used: Quantity | None = None        # the bytes per parameter said as a bare factor
        for x in qs[i + 1:]:
            if _multiplier(x, text):
                used = x
                continue
            if x.kind == "model_size" or not _near(p, x, 2):
                break
            if x.kind == "storage" and device_memory(text, x):
                continue            # "sixty-four A100s with eighty gigabytes": what a GPU holds, not the weights
            if x.kind == "storage" and _PER_TOKEN_AFTER.match(text, x.start + len(x.text)):
                break               # "about 0.5 MB a token": a token's cache, and the totals after it are the cache's
            if x.kind == "storage" and not x.has("per_param") and not x.has("rate") and not x.has("per_item") \
                    and x.value > _PER_PARAM_MAX:
                mem = x
                break
        if mem is None:
            continue
        nbytes = _bytes_per_param(text, qs, mem.start)
        # "thirteen billion parameters; at two bytes each that's ...": a few bytes are the bytes per parameter,
        # unless a precision is named in the same step ("in fp16 each takes one byte": the precision's bytes stand)
        each = [x for x in qs if x.kind == "storage" and not x.has("rate") and p.start < x.start < mem.start
                and x.value <= _PER_PARAM_MAX]
        # the precision whose bytes a figure gives is the one said before it ("in bf16 at two bytes a parameter, plus
        # fp32 master weights": bf16's), not one named later for another copy
        upto = each[-1].start if each else mem.start
        # (or said in the clause before the count: "after 4-bit quantisation our 32 billion parameter model")
        lead_at = p.start - len(re.split(r"[.;!?]|\b(?:but|and|while|whereas)\b", text[max(0, p.start - 80):p.start])[-1])
        named = max(((m, b) for pat, b in _PRECISION for m in pat.finditer(text, lead_at, upto)),
                    key=lambda mb: mb[0].start(), default=None)
        if each and named is None:
            nbytes = each[-1].value
        elif each and named is not None and each[-1].value != named[1]:     # a precision's bytes are a definition
            if _TRAINING_STATE.search(text[p.start:each[-1].start + len(each[-1].text)]):
                continue            # "in bf16 with Adam ... sixteen bytes a parameter": the training state, not the weights
            if named[0].start() < p.start and mem.start - each[-1].start < 60:
                # the precision named first, its bytes then miscounted and carried into the total ("4-bit ... four
                # bytes per weight, 32e9 x 4, around 128 GB"): the total is off by the same factor
                how = f"{fmt_num(p.value)} parameters × {named[1]:g} bytes ({named[0].group(0)} is {named[1]:g} " \
                      f"bytes a parameter, not the {fmt_num(each[-1].value)} said)"
                out.append(_judge("model_memory", mem, p.value * named[1], how, [], tol=EXACT_TOLERANCE))
                continue
            out.append(_judge("model_memory", each[-1], named[1], f"one parameter in {named[0].group(0)}", [], ok=False))
            continue
        between = text[p.start:mem.start + len(mem.text) + 40]
        # a sum the weights are one part of: "64 gigabytes of cache, which together with the 14 gigabytes of weights
        # for a 7B model is about 78 gigabytes" (the part before the model size is read too)
        lead = re.split(r"[.;!?]", text[max(0, p.start - 80):p.start])[-1]
        # (a figure named as the weights is the weights alone: "7 gigs of weights, and the KV cache on top")
        if _TRAINING_STATE.search(between) and _serving_only(text):
            # a served model keeps its weights in the format served (the leanest named), not training's fp32 master
            # copy or optimiser state
            served = min([b for pat, b in _PRECISION if pat.search(text, max(0, p.start - 80), mem.start)] +
                         ([nbytes] if nbytes is not None else []), default=None)
            if served is not None:
                how = f"{fmt_num(p.value)} parameters × {served:g} bytes (serving keeps no fp32 master copy, " \
                      f"gradients or optimiser state: only training needs them)"
                out.append(_judge("model_memory", mem, p.value * served, how, factors, tol=EXACT_TOLERANCE))
                continue
        if not _WEIGHTS_ALONE.match(text, mem.start + len(mem.text)) and (
                re.search(r"\b(?:kv|cache|activations?|optimi[sz]er|adam|gradients?|batch|master)\b", between, re.I) or
                re.search(r"\b(?:together with|along with|on top of|plus|combined with|in total|all in|altogether)\b",
                          lead + " " + text[p.start:mem.start], re.I)):
            if nbytes is not None and mem.value < p.value * nbytes / TOLERANCE:   # below the weights alone
                how = f"{fmt_num(p.value)} parameters × {nbytes:g} bytes for the weights alone"
                out.append(_judge("model_memory", mem, p.value * nbytes, how, [], ok=False))
            continue
        if nbytes is not None:
            # the bytes per parameter of a stated precision are a definition, not a guess: only a runtime's overhead
            # separates the figure from the product, so it is judged like a rule of thumb (1.5x, wider when rough)
            how = f"{fmt_num(p.value)} parameters × {nbytes:g} bytes"
            if used is not None and used.value != nbytes and used.value == nbytes * 8:
                how += f" ({fmt_num(used.value)} is the bits a parameter; it is {nbytes:g} bytes)"
            out.append(_judge("model_memory", mem, p.value * nbytes, how, factors,
                              tol=max(EXACT_TOLERANCE, _tol.get() - TOLERANCE + EXACT_TOLERANCE)))
            continue
        hi = 20.0 if _TRAINING.search(text) else 4.0
        per = mem.value / p.value
        if per < 0.5 / TOLERANCE or per > hi * TOLERANCE:
            how = f"{fmt_num(p.value)} parameters × 0.5-{hi:g} bytes"
            expected = p.value * (0.5 if per < 0.5 else hi)
            out.append(_judge("model_memory", mem, expected, how, []))
    return out


_FOR_THE_COUNT = re.compile(r"^\s*(?:of weights\s+)?(?:for|to hold|holding|of)\s+(?:the\s+|a\s+|an\s+|our\s+|its\s+)?$",
                            re.I)


def _weights_said_first(qs: list[Quantity], i: int, text: str) -> Quantity | None:
    """A memory said just before the parameter count it holds ("fourteen gigabytes for seven billion parameters"):
    the weights, read where they were said."""
    if i == 0:
        return None
    x, p = qs[i - 1], qs[i]
    if x.kind != "storage" or x.sentence != p.sentence or x.value <= _PER_PARAM_MAX or x.has("rate") \
            or x.has("per_item") or x.has("per_param") or device_memory(text, x):
        return None
    return x if _FOR_THE_COUNT.match(text[x.start + len(x.text):p.start]) else None


@functools.lru_cache(maxsize=1)
def _serving_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    k = napkin_constants()
    return phrase_pattern(k.serving_words), phrase_pattern(k.training_words)


def _serving_only(text: str) -> bool:
    """The answer speaks of serving a model and never of training one."""
    serving, training = _serving_patterns()
    return bool(serving.search(text)) and not training.search(text)


_WEIGHTS_ALONE = re.compile(r"\s+(?:of|for|in|just for|for the|of the)\s+(?:the\s+)?(?:model\s+)?weights\b", re.I)


def _epochs(text: str, d: Quantity) -> float:
    window = text[max(0, d.start - 60):d.start]
    window = re.split(r"[,;]|\band\b", window)[-1] if re.search(r"epoch|pass", window, re.I) else window
    m = _EPOCHS.search(window)
    if m:
        nums = find_numbers(m.group("n"))
        if nums:
            return nums[0].value
    return 1.0


def _epochs_of(text: str, n: Quantity) -> float:
    """Epochs said with the dataset they run over ("five epochs over 800 million examples"): the work is every pass."""
    m = _EPOCHS_OVER.search(text[max(0, n.start - 40):n.start])
    nums = find_numbers(m.group("n")) if m else []
    return nums[0].value if nums and 1 < nums[0].value <= 1000 else 1.0


def _epochs_between(text: str, n: Quantity, rate: Quantity) -> float:
    """Epochs said after the dataset and before the rate that works through it ("a billion examples, three epochs, and
    the cluster does 50,000 a second"): every pass is work, wherever in the sentence the passes are named."""
    lo, hi = n.start + len(n.text), rate.start
    if lo >= hi or re.search(r"[.!?]\s", text[lo:hi]):
        return 1.0
    m = _EPOCHS_SAID.search(text, lo, hi)
    nums = find_numbers(m.group("n")) if m else []
    return nums[0].value if nums and 1 < nums[0].value <= 1000 else 1.0


_EPOCHS_SAID = re.compile(r"\b(?P<n>\d+(?:\.\d+)?|[a-z]+(?:[- ][a-z]+)?)\s+(?:full\s+)?(?:epochs|passes)\b", re.I)
_EPOCHS_OVER = re.compile(r"(?P<n>\d+(?:\.\d+)?|[a-z]+(?:[- ][a-z]+)?)\s+(?:full\s+)?(?:epochs|passes)\s+"
                          r"(?:over|of|through|on)\s+(?:the\s+|our\s+|all\s+)?$", re.I)


_TRAINING_STATE = re.compile(r"\b(?:adam\w*|optimi[sz]er\w*|gradients?|moments?|master weights?)\b", re.I)


_SPAN_OF = re.compile(r"^\s*of\s+(?:logged |recorded |past |real |production )?(?:data|logs?|traffic|questions|queries|"
                      r"requests|prompts|conversations|history|events|records)\b", re.I)   # a span of data, not a run


_WORK_ITEMS = re.compile(r"example|sample|token|image|row|record|item|document|video|photo|sentence", re.I)
_RATE_NOUN = re.compile(r"\b([a-z]{3,}?)e?s\s+(?:a|per|each|every)\s+(?:second|sec|minute|hour)\b", re.I)


def _same_things_counted(qs: list[Quantity], t: Quantity) -> bool:
    """A count of the very things the rate does, said in the rate's sentence ("1,000 events a second ... a backlog of
    90 million events"): the count ÷ the rate is the time, whatever the things are."""
    m = _RATE_NOUN.search(t.text)
    if m is None:
        return False
    noun = m.group(1).lower()
    return any(x.kind == "dataset" and x.sentence == t.sentence and
               re.search(rf"\b{re.escape(noun)}e?s\b", x.text, re.I) for x in qs)


def _training_time(qs: list[Quantity], text: str, factors: list[float]) -> list[Check | None]:
    out: list[Check | None] = []
    for i, t in enumerate(qs):
        if t.kind != "throughput" or t.has("per_user"):
            continue
        if not _WORK_ITEMS.search(t.text) and not _same_things_counted(qs, t):
            continue
        n = _last_before(qs, t, lambda x: x.kind == "dataset" and _near(x, t, 1))
        if n is None:      # "12,800 records a second, so the nightly file of fifty million is done in ...": after it
            n = next((x for x in qs[i + 1:] if x.kind == "dataset" and x.sentence == t.sentence), None)
            if n is None or not any(d.kind == "duration" and d.start > n.start and d.sentence == t.sentence
                                    for d in qs[i + 1:]):
                continue
        rate = t.value
        if t.has("per_instance"):
            gpus = _last_before(qs, t, lambda x: x.kind == "compute" and (not x.has("per_instance")
                                                                           or _shares_out(text, x, t)))
            if gpus is None:
                continue
            rate *= gpus.value
        for d in qs[i + 1:]:
            if not _near(t, d, 1):
                break
            if d.kind == "duration" and not _SPAN_OF.match(text[d.start + len(d.text):d.start + len(d.text) + 30]):
                epochs = _epochs(text, d)
                if epochs == 1:
                    epochs = _epochs_of(text, n)
                if epochs == 1:
                    epochs = _epochs_between(text, n, t)
                how = f"{fmt_num(n.value)}" + (f" × {epochs:g} epochs" if epochs != 1 else "") + \
                      f" ÷ {fmt_num(rate)}/s"
                out.append(_judge("training_time", d, n.value * epochs / rate, how, factors))
    return out


# "sixteen GPUs each push 2,500 examples a second": the "each" after the count shares the rate said next out over
# the machines counted (not "nodes with 8 GPUs each": a count per node)
_EACH_DOES = re.compile(r"\s+(?:can\s+|could\s+)?[a-z]+\s+(?:about\s+|around\s+|roughly\s+|up to\s+|some\s+|"
                        r"nearly\s+)?$", re.I)


def _shares_out(text: str, count: Quantity, rate: Quantity) -> bool:
    return count.text.lower().endswith("each") and \
        _EACH_DOES.match(text, count.start + len(count.text), rate.start) is not None


def _capacity(qs: list[Quantity], text: str, factors: list[float]) -> list[Check | None]:
    out: list[Check | None] = []
    for i, c in enumerate(qs):
        if not c.has("per_instance") or c.kind not in ("throughput", "compute"):
            continue
        window = [x for x in qs if _near(x, c, 2) and x is not c]
        # the machines counted next to the per-machine rate (not "sharded across 8 GPUs" two sentences on), and a
        # load of the same things when one is said ("8,000 tokens a second per GPU" divides tokens a second, not
        # FLOPs a second)
        counts = [x for x in window if x.kind == "compute" and not x.has("per_instance") and x.unit != "GPU-hours"
                  and not (c.kind == "compute" and x.unit == c.unit) and _near(x, c, 1)]
        totals = [x for x in window if x.kind == c.kind and not x.has("per_instance") and not x.has("per_user")
                  and (c.kind == "throughput" or x.unit == c.unit)]
        things = napkin_rates._noun(c)
        same = [x for x in totals if things and napkin_rates._noun(x) == things]
        totals = same or totals
        if not counts or not totals:
            continue
        if any(x.unit in ("shards", "partitions") and napkin_replicas.sent_to_all(text, x) for x in counts):
            continue        # every request goes to all the shards: each sees the whole load (napkin_replicas)
        last = max(counts + totals, key=lambda x: x.start)
        if last in counts:
            total = max((t for t in totals if t.start < last.start), key=lambda t: t.value, default=None)
            if total is None:
                continue
            # the load left past a cache is what the replicas take ("hits 95% of 40,000 a second, so 2,000 reach
            # the model, at 400 a replica ..."), at its right figure when the share was worked wrong
            past = next(((load, share, left) for load, share, left in napkin_shares.left_loads(qs, text)
                         if left in totals and left.start < c.start and load is total), None)
            if past is not None:
                load, share, total = past
                right = load.value * (1 - share.value / 100)
                if not 1 / 1.5 <= total.value / right <= 1.5:
                    total = dataclasses.replace(total, value=right)
            if any(x.start < c.start and 1 / TOLERANCE <= x.value * c.value / total.value <= TOLERANCE for x in counts):
                continue        # the machines were counted before and check out: a later count is of something else
            per, busy = c.value, _busy_time(qs, text, c)
            if busy is not None and c.kind == "throughput" and not 1 / 1.5 <= c.value * busy.value <= 1.5:
                per = 1 / busy.value        # the rate said does not follow from the busy time said before it
            batch = next(((size, t) for size, t, r in napkin_steps.batch_rates(qs, text) if r is c), None)
            if busy is None and batch is not None and not 1 / 1.5 <= c.value * batch[1].value / batch[0] <= 1.5:
                per = batch[0] / batch[1].value     # nor from the batch and the time it takes
            peak = _peak_applied(text, total, c)
            for n in [last] + [x for x in counts if x is not last and x.start > c.start and x.start > total.start]:
                load_n = total
                if past is not None and _INSTEAD_OF.search(text[max(0, n.start - 25):n.start]):
                    load_n = past[0]        # "thirty replicas instead of fifty": the fleet without the cache
                how = f"{human(load_n.value, load_n.unit)} ÷ {human(per, c.unit)} each"
                if per != c.value and busy is not None:
                    how += f" (one at {busy.text} a request does {human(per, c.unit)}, not {human(c.value, c.unit)})"
                elif per != c.value and batch is not None:
                    how += f" (a batch of {fmt_num(batch[0])} in {batch[1].text} is {human(per, c.unit)}, " \
                           f"not {human(c.value, c.unit)})"
                spare = _headroom(qs, text, total, n)
                need = load_n.value / per
                if peak is not None:
                    need *= peak
                    how = f"{human(load_n.value, load_n.unit)} × {peak:g} at peak ÷ {human(per, c.unit)} each"
                if spare is not None:
                    how += f" ≈ {fmt_num(need)} {n.unit}, {spare[1]}"
                elif _rounded_up_for_spare(text, max(total.start, c.start), n, need):
                    how += " (rounded up for the headroom said)"
                    out.append(_judge("capacity", n, need, how, factors, ok=True))
                    continue
                out.append(_judge("capacity", n, need * (spare[0] if spare else 1.0), how,
                                  [f for f in factors if f != peak]))
        else:
            before = max((x for x in counts if x.start < last.start), key=lambda x: x.start, default=None)
            if before is None or not _near(last, before, 1):
                continue        # a total said sentences after the fleet is another figure ("the middle half percent
                                # is 200,000 images a day" after "six GPUs at 400 a second"), not what the fleet does
            n = before
            if c.start > last.start and c.kind == "throughput" and n.value > 1:
                # the fleet's total said first, then each machine's share ("8 nodes process 2,000 images a second in
                # total, so each node does ..."): the share is the derived figure, the total ÷ the machines
                per_s = c.period_s if c.period_s >= 3600 else 1.0
                said = "/s" if per_s == 1 else f" a {napkin_rates._period(per_s)}"
                how = f"{fmt_num(last.value * per_s)}{said} ÷ {fmt_num(n.value)} {n.unit}"
                out.append(_judge("per_instance", c, last.value / n.value * per_s, how, factors,
                                  f"/{napkin_rates._period(per_s)}" if per_s > 1 else None, c.value * per_s))
                continue
            how = f"{fmt_num(n.value)} × {human(c.value, c.unit)} each"
            # a share of each machine's peak said between ("at 35 percent MFU that is ..."): the fleet gets that share
            used = _utilisation(qs, text, c.start, last.start) if c.kind == "throughput" else 1.0
            if used < 1:
                how += f" × {used:.0%} utilisation"
            out.append(_judge("capacity", last, n.value * c.value * used, how, factors))
    return out


# the fleet said to be sized for the peak: "provisioning for peak", "to handle the peak", "built for peak load"
_FOR_PEAK = re.compile(r"\b(?:for|handle|cover|absorb|survive|take)\s+(?:the\s+)?peak\b", re.I)


def _peak_applied(text: str, load: Quantity, per: Quantity) -> float | None:
    """The peak factor a fleet is sized with, when the load it divides is the average ("4,000 QPS on average, peak is
    5x, so provisioning for peak at 500 a node ..."): the answer says the fleet covers the peak, so the load is the
    average × that factor, and leaving the factor out is the slip (not an allowed multiplier)."""
    if napkin_rates.is_peak(text, load) or not load.start < per.start:
        return None
    between = text[load.start + len(load.text):per.start]
    if not _FOR_PEAK.search(between):
        return None
    said = [f for f in said_factors(between) if 1.5 <= f <= 20]
    return said[0] if len(said) == 1 else None


# headroom named without an amount ("with headroom for spikes and retries call it ten")
_SPARE_UNSAID = re.compile(r"\b(?:headroom|spare|buffer|slack|margin|redundan\w*|failover|over-?provision\w*|"
                           r"(?:for|cover|absorb|handle)\s+(?:the\s+)?(?:spikes?|bursts?|retries|failures?))\b", re.I)
SPARE_AT_MOST = 4.0     # more than this many times the need is another fleet, not headroom on this one
# Under one machine's worth of load, the count is set by availability, not by the load: a few replicas kept for
# safety or spread across zones ("well under one core of work; I'd run four small pods across two zones for safety")
_AVAILABILITY = re.compile(r"\b(?:for\s+safety|safe\s+side|across\s+(?:\w+\s+)?(?:zones?|regions?|racks?|data\s*cent(?:er|re)s?)|"
                           r"redundan\w*|failover|availability|fail\s*over)\b", re.I)
AVAILABILITY_FLEET = 8  # replicas at most that availability alone explains


def _rounded_up_for_spare(text: str, lo: int, n: Quantity, need: float) -> bool:
    """A count said after headroom named without an amount is a judgement, not a product: it stands when it is at
    least the need and not a different order ("three GPUs, and with headroom for spikes call it ten"); and when the
    load needs less than one machine, a small fleet said with a reason of availability in its sentence stands too."""
    if need < 1 <= n.value <= AVAILABILITY_FLEET and _AVAILABILITY.search(_sentence_of(text, n)):
        return True
    return bool(_SPARE_UNSAID.search(text, lo, n.start)) and need <= n.value * 1.05 and n.value <= SPARE_AT_MOST * need


def _sentence_of(text: str, q: Quantity) -> str:
    """The sentence (up to its full stop) around a quantity."""
    start = max(text.rfind(". ", 0, q.start), text.rfind("? ", 0, q.start), text.rfind("! ", 0, q.start)) + 1
    end = min((i for i in (text.find(". ", q.start), text.find("? ", q.start), text.find("! ", q.start)) if i >= 0),
              default=len(text))
    return text[start:end]


_BUSY_UNIT = re.compile(r"^\s*(?:of\s+)?(?:(?:one|a|a single)\s+)?(?:cpu\s+)?(?:core|cpu|thread|worker|gpu)(?:\s+time)?\b", re.I)


def _busy_time(qs: list[Quantity], text: str, rate: Quantity) -> Quantity | None:
    """The time a request keeps one unit busy, said before the unit's rate in the same sentence ("each prediction
    takes eight milliseconds of one core, so a core does ..."): the unit's rate is one over it."""
    for q in qs:
        if q.kind == "latency" and q.sentence == rate.sentence and q.start < rate.start and q.value > 0 \
                and _BUSY_UNIT.match(text[q.start + len(q.text):]):
            return q
    return None


_SPARE = re.compile(r"^\s*(?:of\s+)?(?:headroom|spare|buffer|slack|extra|overhead|over-?provisioning|on top)\b", re.I)
_SPARE_BEFORE = re.compile(r"\b(?:headroom|buffer|slack|over-?provision(?:ing)?) of\s*$", re.I)
_LOAD_BEFORE = re.compile(r"\b(?:at|under|below|to|around|about)\s+(?:about\s+|roughly\s+|only\s+)?$", re.I)
_LOAD_AFTER = re.compile(r"^\s*(?:load|loaded|utili[sz](?:ation|ed)|busy|capacity|cpu|gpu utili[sz]ation|full)\b", re.I)


def _headroom(qs: list[Quantity], text: str, total: Quantity, n: Quantity) -> tuple[float, str] | None:
    """Headroom said between the load and the replica count it sizes: "with fifty percent headroom" (x 1.5),
    "keeping each at 60 percent load" (÷ 0.6). Only a count said after the percentage takes it."""
    for p in qs:
        if p.kind != "percent" or not total.start < p.start < n.start or not 0 < p.value < 100:
            continue
        after = text[p.start + len(p.text):p.start + len(p.text) + 30]
        before = text[max(0, p.start - 30):p.start]
        if _SPARE.match(after) or _SPARE_BEFORE.search(before):
            return 1 + p.value / 100, f"× {1 + p.value / 100:g} for {p.value:g}% headroom"
        if _LOAD_AFTER.match(after) and _LOAD_BEFORE.search(before):
            return 100 / p.value, f"÷ {p.value / 100:g} to run at {p.value:g}% load"
    load = _LOAD_WORDS.search(text[total.start:n.start])
    if load:
        share = _LOAD_SHARE[load.group("f").lower()]
        return 1 / share, f"÷ {share:.2g} to run at {load.group('f').lower()} of capacity"
    said = _AGAIN.search(text[total.start:n.start])
    if said:
        share = _AGAIN_SHARE[said.group("f").lower()]
        return 1 + share, f"× {1 + share:g} for {said.group(0)}"
    return None


# A load said as a fraction in words: "keep them at half their limit", "run each at two thirds of capacity",
# "keeping them at half load"
_LOAD_WORDS = re.compile(r"\b(?:at|to|under|below)\s+(?:about\s+|roughly\s+|only\s+)?(?P<f>half|a third|two thirds|"
                         r"three quarters|a quarter)\s+(?:of\s+)?(?:their|its|the|our|each one's|each)?\s*(?:limit|"
                         r"capacity|max(?:imum)?|rated load|throughput|load|utili[sz]ation)\b", re.I)
_LOAD_SHARE = {"half": 0.5, "a third": 1 / 3, "two thirds": 2 / 3, "three quarters": 0.75, "a quarter": 0.25}
# Headroom said as a fraction "again": "half again as much for headroom" (x 1.5), "a third again as spare"
_AGAIN = re.compile(r"\b(?P<f>half|a third|a quarter|a fifth) again\b(?=[^.;]{0,30}?\b(?:headroom|spare|buffer|slack|"
                    r"on top|peaks?|safety)\b)", re.I)
_AGAIN_SHARE = {"half": 0.5, "a third": 1 / 3, "a quarter": 0.25, "a fifth": 0.2}
