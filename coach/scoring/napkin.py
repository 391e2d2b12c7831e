"""Napkin-math checks: recompute a figure the answer derived from figures it stated.

Rules (each needs all of its inputs said out loud; otherwise no check is made):
  qps_from_users   users x requests per user per day / 86,400 -> requests per second (or per day)
  qps_from_daily   requests per day / 86,400 -> requests per second
  qps_in_window    a day's total done in a batch window ("in a two-hour nightly batch") / the window's seconds
  bandwidth        requests per second x bytes per request -> bytes per second
  storage          items per day x bytes per item x days (or item count x bytes per item) -> bytes
  model_memory     parameters x bytes per parameter (fp32 4, fp16/bf16 2, int8 1, int4 0.5) -> bytes
  training_time    examples (x epochs) / examples per second -> seconds
  capacity         instances x capacity per instance <-> total load
  cost             instances x price per instance-hour x hours -> dollars
Also (napkin_rates.py) peak against average, fan-out per request and per-second against per-day, and
(napkin_tests.py) an A/B test's length, (napkin_steps.py) a rate from a batch and its time, halving or doubling a figure, (napkin_llm.py) KV cache, training compute and time, decoding FLOPs, Adam memory and GPUs for a memory.
A derived figure is wrong when it is more than 2x off (a plain product or division), 3x when the
answer says it is a rough guess; rules of thumb (6NT, 2N, 16 bytes) within 1.5x; after allowing any
multiplier the answer states ("peak is 3x average", "replicated 3 times"). Every flag names the step
and states the right figure.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any, Callable

from coach.scoring import napkin_llm, napkin_rates, napkin_steps, napkin_tests
from coach.scoring.numbers import find_numbers
from coach.scoring.sizing import Quantity
from coach.scoring.text import fmt_num, human

TOLERANCE = 2.0          # a plain product or division
ROUGH_TOLERANCE = 3.0    # when the answer says it is a rough guess
EXACT_TOLERANCE = 1.5    # a product of exact inputs (the bytes of a stated precision): room for overhead only
_ROUGH = re.compile(r"\b(?:rough (?:guess|estimate|number)|ballpark|wild guess|order of magnitude|very rough(?:ly)?|"
                    r"back of the envelope|(?:just )?a guess)\b", re.I)
STEPS = {"qps_from_users": "users × requests per user per day ÷ 86,400 s", "qps_from_daily": "per day ÷ 86,400 s",
         "qps_in_window": "per day ÷ the seconds of the batch window",
         "per_day": "per second × 86,400 s", "peak": "peak against average", "fan_out": "fan-out per request",
         "bandwidth": "requests per second × bytes per request", "storage": "items × bytes per item",
         "model_memory": "parameters × bytes per parameter", "training_time": "work ÷ rate",
         "capacity": "load ÷ capacity per replica", "cost": "instances × price per hour × hours",
         "kv_cache": "KV cache: 2 × layers × KV heads × head dim × bytes per token",
         "kv_tokens": "KV cache = bytes per token × tokens (× sequences)",
         "test_duration": "test duration = required sample ÷ daily traffic per arm",
         "training_flops": "training compute ≈ 6 × parameters × tokens",
         "decode_flops": "decoding ≈ 2 × parameters FLOPs per token",
         "adam_memory": "Adam in mixed precision ≈ 16 bytes per parameter",
         "gpus_for_memory": "GPUs ≥ memory ÷ memory per GPU",
         "batch_rate": "items per second = batch size ÷ seconds per batch",
         "scale": "halving, doubling or a fraction of a stated figure",
         "vector_bytes": "rows × dimensions × bytes per value", "per_person": "team rate ÷ people sharing it"}
_PRECISION = [(re.compile(r"\b(?:fp32|float32|f32|full precision|32[- ]bit|thirty[- ]two[- ]bit)\b", re.I), 4.0),
              (re.compile(r"\b(?:fp16|bf16|float16|bfloat16|f16|half precision|16[- ]bit|sixteen[- ]bit)\b", re.I), 2.0),
              (re.compile(r"\b(?:int8|fp8|8[- ]bit|eight[- ]bit)\b", re.I), 1.0),
              (re.compile(r"\b(?:int4|4[- ]bit|four[- ]bit|nf4)\b", re.I), 0.5)]
_TRAINING = re.compile(r"\b(?:train(?:ing)?|optimi[sz]er|adam|gradients?|fine[- ]?tun)", re.I)
_EPOCHS = re.compile(r"(?P<n>\d+(?:\.\d+)?|[a-z]+(?:[- ][a-z]+)?)\s+(?:full\s+)?(?:epochs|passes)\b[^.]*$", re.I)
_ONE_PASS = re.compile(r"\b(?:one|an?|single|full|each)\s+(?:full\s+)?(?:epoch|pass)\b[^.]*$", re.I)
_PERIOD_AFTER = re.compile(r"^\s*(?:for|over|in)\s+(?:the|a|one)\s+(?P<p>hour|day|week|month|year)\b", re.I)
_HOURS = {"hour": 1, "day": 24, "week": 168, "month": 720, "quarter": 2160, "year": 8760}


@dataclass(frozen=True)
class Check:
    ok: bool
    message: str
    stated: float
    expected: float
    rule: str = ""
    unit: str = ""
    at: int = field(default=-1, compare=False)     # where the stated figure is in the answer (not serialised)
    claimed: str = ""      # the figure as the candidate said it ("ten gigabytes a day")
    inputs: str = ""       # the working from the candidate's own inputs ("50,000/s × 86,400 s × 2 KB")

    @property
    def step(self) -> str:
        return STEPS.get(self.rule, self.rule)

    def to_dict(self) -> dict[str, Any]:
        return {"ok": self.ok, "message": self.message, "stated": self.stated, "expected": self.expected,
                "rule": self.rule, "unit": self.unit, "claimed": self.claimed, "inputs": self.inputs}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Check":
        return cls(ok=bool(d.get("ok", True)), message=str(d.get("message", "")),
                   stated=float(d.get("stated") or 0.0), expected=float(d.get("expected") or 0.0),
                   rule=str(d.get("rule", "")), unit=str(d.get("unit", "")),
                   claimed=str(d.get("claimed", "")), inputs=str(d.get("inputs", "")))


def _sig(x: float) -> float:
    return float(f"{x:.6g}")


def _magnitude(expected: float, unit: str) -> str:
    if unit == "s":
        return human(expected, unit)
    return "~" + human(10 ** round(math.log10(expected)), unit)


def _judge(rule: str, stated: Quantity, expected: float, how: str, factors: list[float],
           unit: str | None = None, stated_value: float | None = None, tol: float | None = None,
           ok: bool | None = None) -> Check | None:
    value = stated.value if stated_value is None else stated_value
    unit = unit or stated.unit
    if expected <= 0 or value <= 0 or not math.isfinite(expected):
        return None
    tol = _tol.get() if tol is None else tol
    ratio = value / expected
    allowed = [1.0] + [f for f in factors] + [1 / f for f in factors]
    if ok is None:
        ok = any(1 / tol <= ratio / a <= tol for a in allowed)
    said = f'"{stated.text}"'
    step = STEPS.get(rule, rule)
    if ok:
        message = f"{how} ≈ {human(expected, unit)}; {said} checks out"
    else:
        off = ratio if ratio >= 1 else 1 / ratio
        times = f"{off:.1f}" if off < 10 else f"{off:.0f}"
        message = (f"{said} is off by {times}x at the step \"{step}\": {how} ≈ {human(expected, unit)} "
                   f"(the right order of magnitude is {_magnitude(expected, unit)})")
    return Check(ok, message, _sig(value), _sig(expected), rule, unit, stated.start, claimed=stated.text,
                 inputs=how)


class _Tolerance:
    """The tolerance for the answer being checked: wider when the candidate says it is a rough guess."""
    value = TOLERANCE

    def get(self) -> float:
        return self.value


_tol = _Tolerance()


def check(qs: list[Quantity], text: str, factors: list[float]) -> list[Check]:
    _tol.value = ROUGH_TOLERANCE if _ROUGH.search(text) else TOLERANCE

    def judge(rule: str, q: Quantity, expected: float, how: str, unit: str, tol: float,
              ok: bool | None = None) -> Check | None:
        return _judge(rule, q, expected, how, [], unit, tol=(ROUGH_TOLERANCE if _tol.value > TOLERANCE else tol) or None,
                      ok=ok)
    first = [c for c in napkin_llm.check(qs, text, judge, _tol.value) if c is not None]
    first += [c for c in napkin_rates.check(qs, text, factors, _judge) if c is not None]
    first += [c for c in napkin_tests.check(qs, text, _judge) if c is not None]
    first += [c for c in napkin_steps.check(qs, text, _judge, EXACT_TOLERANCE * _tol.value / TOLERANCE) if c is not None]
    claimed = {c.at for c in first}
    out: list[Check] = list(first)
    for fn in (_qps, _bandwidth, _storage, _model_memory, _training_time, _capacity, _cost):
        out.extend(c for c in fn(qs, text, factors) if c is not None and c.at not in claimed)
    return out


def missing_kinds(qs: list[Quantity], expected: tuple[str, ...]) -> list[str]:
    kinds = {q.kind for q in qs}
    return [k for k in expected if k not in kinds]


def _near(a: Quantity, b: Quantity, sentences: int) -> bool:
    return abs(a.sentence - b.sentence) <= sentences


def _is_total_rate(q: Quantity) -> bool:
    return q.kind == "throughput" and not q.has("per_user") and not q.has("per_instance")


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
        daily = None
        for t in qs[i + 1:]:
            if not _near(r, t, 2) or not _is_total_rate(t) or _derived_elsewhere(text, t, qs):
                continue
            if t.period_s >= 3600:
                how = f"{fmt_num(u.raw)} users × {fmt_num(r.raw)} a day"
                out.append(_judge("qps_from_users", t, u.value * r.value * t.period_s, how, factors,
                                  f"/{'day' if t.period_s == 86400 else f'{t.period_s:g} s'}", t.value * t.period_s))
                daily = t
            elif daily is not None:
                break                      # the daily total takes over (qps_from_daily)
            else:
                how = f"{fmt_num(u.raw)} users × {fmt_num(r.raw)} a day ÷ 86,400 s"
                out.append(_judge("qps_from_users", t, u.value * r.value, how, factors))
            done.add(t.start)
    for i, d in enumerate(qs):
        if not _is_total_rate(d) or d.period_s < 3600:
            continue
        for t in qs[i + 1:]:
            if not _near(d, t, 1) or t.start in done or _derived_elsewhere(text, t, qs):
                continue
            if _is_total_rate(t) and 0 < t.period_s <= 60:
                window = napkin_rates.window_s(text[d.start + len(d.text):t.start])
                if window and window < d.period_s:     # the day's total done within a batch window, not all day
                    out.append(_judge("qps_in_window", t, d.value * d.period_s / window,
                                      f"{fmt_num(d.raw)} ÷ {window:,.0f} s (the window said)", factors))
                    continue
                per = "86,400 s" if d.period_s == 86400 else f"{d.period_s:,.0f} s"
                out.append(_judge("qps_from_daily", t, d.value, f"{fmt_num(d.raw)} ÷ {per}", factors))
            elif _is_total_rate(t):
                break
    return out


def _derived_elsewhere(text: str, t: Quantity, qs: list[Quantity] | None = None) -> bool:
    """A peak or a fan-out figure is checked by napkin_rates, not against the average; so is a later mention of a
    peak figure ("... maybe 700 at peak. ... 700 a second needs 14 GPUs"): the same rate, said again."""
    if napkin_rates.is_peak(text, t) or napkin_rates._fan_item(text, t):
        return True
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
        if b.kind != "bandwidth":
            continue
        rate = _last_before(qs, b, lambda x: _is_total_rate(x) and _near(x, b, 2))
        size = _last_before(qs, b, lambda x: x.kind == "storage" and _near(x, b, 2) and (
            x.has("per_item") or (rate is not None and napkin_rates.times_rate(text, x, rate))))
        if rate and size:
            how = f"{fmt_num(rate.value)}/s × {human(size.value, 'B')}"
            out.append(_judge("bandwidth", b, rate.value * size.value, how, factors))
    return out


def _storage(qs: list[Quantity], text: str, factors: list[float]) -> list[Check | None]:
    out: list[Check | None] = []
    for m in qs:
        if m.kind != "storage" or m.has("per_item") or m.has("per_param"):
            continue
        size = _last_before(qs, m, lambda x: x.kind == "storage" and x.has("per_item") and _near(x, m, 2))
        if size is None or _PER_VALUE.match(text, size.start + len(size.text)):
            continue      # bytes per dimension: rows × dimensions × bytes is napkin_steps' vector_bytes
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
            how = f"{fmt_num(rate.value * 86400)} a day × {human(size.value, 'B')} × {human(d.value, 's')}"
            out.append(_judge("storage", m, rate.value * size.value * d.value, how, factors))
        elif count and (rate is None or count.start > rate.start):
            how = f"{fmt_num(count.value)} × {human(size.value, 'B')}"
            out.append(_judge("storage", m, count.value * size.value, how, factors))
    return out


_PER_VALUE = re.compile(r"\s*(?:per|a|each|for each|for every)\s+(?:dimension|dim|value|float|element|component|"
                        r"coordinate|entry)s?\b", re.I)
_PERIODS = {1: "a second", 60: "a minute", 3600: "an hour", 86400: "a day"}


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


def _model_memory(qs: list[Quantity], text: str, factors: list[float]) -> list[Check | None]:
    out: list[Check | None] = []
    for i, p in enumerate(qs):
        if p.kind != "model_size":
            continue
        mem = None
        for x in qs[i + 1:]:
            if x.kind == "model_size" or not _near(p, x, 2):
                break
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
        named = next(((m, b) for pat, b in _PRECISION for m in [pat.search(text[p.start:mem.start])] if m), None)
        if each and named is None:
            nbytes = each[-1].value
        elif each and named is not None and each[-1].value != named[1]:     # a precision's bytes are a definition
            out.append(_judge("model_memory", each[-1], named[1], f"one parameter in {named[0].group(0)}", [], ok=False))
            continue
        between = text[p.start:mem.start + len(mem.text) + 40]
        if re.search(r"\b(?:kv|cache|activations?|optimi[sz]er|adam|gradients?|batch)\b", between, re.I):
            if nbytes is not None and mem.value < p.value * nbytes / TOLERANCE:   # below the weights alone
                how = f"{fmt_num(p.value)} parameters × {nbytes:g} bytes for the weights alone"
                out.append(_judge("model_memory", mem, p.value * nbytes, how, [], ok=False))
            continue
        if nbytes is not None:
            # the bytes per parameter of a stated precision are a definition, not a guess: only a runtime's overhead
            # separates the figure from the product, so it is judged like a rule of thumb (1.5x, wider when rough)
            how = f"{fmt_num(p.value)} parameters × {nbytes:g} bytes"
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


def _epochs(text: str, d: Quantity) -> float:
    window = text[max(0, d.start - 60):d.start]
    window = re.split(r"[,;]|\band\b", window)[-1] if re.search(r"epoch|pass", window, re.I) else window
    m = _EPOCHS.search(window)
    if m:
        nums = find_numbers(m.group("n"))
        if nums:
            return nums[0].value
    return 1.0


def _training_time(qs: list[Quantity], text: str, factors: list[float]) -> list[Check | None]:
    out: list[Check | None] = []
    for i, t in enumerate(qs):
        if t.kind != "throughput" or t.has("per_user") or not re.search(
                r"example|sample|token|image|row|record|item|document|video|photo|sentence", t.text, re.I):
            continue
        n = _last_before(qs, t, lambda x: x.kind == "dataset" and _near(x, t, 1))
        if n is None:
            continue
        rate = t.value
        if t.has("per_instance"):
            gpus = _last_before(qs, t, lambda x: x.kind == "compute" and not x.has("per_instance"))
            if gpus is None:
                continue
            rate *= gpus.value
        for d in qs[i + 1:]:
            if not _near(t, d, 1):
                break
            if d.kind == "duration":
                epochs = _epochs(text, d)
                how = f"{fmt_num(n.value)}" + (f" × {epochs:g} epochs" if epochs != 1 else "") + \
                      f" ÷ {fmt_num(rate)}/s"
                out.append(_judge("training_time", d, n.value * epochs / rate, how, factors))
    return out


def _capacity(qs: list[Quantity], text: str, factors: list[float]) -> list[Check | None]:
    out: list[Check | None] = []
    for i, c in enumerate(qs):
        if not c.has("per_instance") or c.kind not in ("throughput", "compute"):
            continue
        window = [x for x in qs if _near(x, c, 2) and x is not c]
        counts = [x for x in window if x.kind == "compute" and not x.has("per_instance") and x.unit != "GPU-hours"
                  and not (c.kind == "compute" and x.unit == c.unit)]
        totals = [x for x in window if x.kind == c.kind and not x.has("per_instance") and not x.has("per_user")
                  and (c.kind == "throughput" or x.unit == c.unit)]
        if not counts or not totals:
            continue
        last = max(counts + totals, key=lambda x: x.start)
        if last in counts:
            total = max((t for t in totals if t.start < last.start), key=lambda t: t.value, default=None)
            if total is None:
                continue
            how = f"{human(total.value, total.unit)} ÷ {human(c.value, c.unit)} each"
            out.append(_judge("capacity", last, total.value / c.value, how, factors))
            for extra in counts:
                if extra is not last and extra.start > c.start and extra.start > total.start:
                    out.append(_judge("capacity", extra, total.value / c.value, how, factors))
        else:
            n = max((x for x in counts if x.start < last.start), key=lambda x: x.start, default=None)
            if n is None:
                continue
            how = f"{fmt_num(n.value)} × {human(c.value, c.unit)} each"
            out.append(_judge("capacity", last, n.value * c.value, how, factors))
    return out


def _cost(qs: list[Quantity], text: str, factors: list[float]) -> list[Check | None]:
    out: list[Check | None] = []
    prices = [p for p in qs if p.kind == "cost" and (p.unit == "$/GPU-hour" or (
        p.unit == "$/hour" and re.search(r"\b(?:each|per (?:gpu|machine|instance|node|box))\b",
                                         text[p.start:p.start + len(p.text) + 25], re.I)))]
    for p in prices:
        n = _last_before(qs, p, lambda x: x.kind == "compute" and x.unit != "GPU-hours" and not x.has("per_instance"))
        if n is None:
            continue
        hourly = n.value * p.value
        for c in qs:
            if c.kind != "cost" or c is p or c.start < p.start or not _near(c, p, 1):
                continue
            hours: float = _HOURS.get(c.unit[2:], 0) if c.unit.startswith("$/") else 0
            if c.unit == "$":
                m = _PERIOD_AFTER.match(text[c.start + len(c.text):c.start + len(c.text) + 30])
                dur = _last_before(qs, c, lambda x: x.kind == "duration")
                hours = _HOURS[m.group("p").lower()] if m else (dur.value / 3600 if dur else 0)
            if hours:
                how = f"{fmt_num(n.value)} × ${p.value:g}/hour × {hours:g} hours"
                out.append(_judge("cost", c, hourly * hours, how, factors))
    return out
