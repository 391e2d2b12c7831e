"""Napkin math: the Check a step produces, the tolerances, and how a stated figure is judged against the
figure recomputed from the answer's own inputs (the step named, the right figure stated)."""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any

from coach.scoring.sizing import Quantity
from coach.scoring.text import human

TOLERANCE = 2.0          # a plain product or division
ROUGH_TOLERANCE = 3.0    # when the answer says it is a rough guess
EXACT_TOLERANCE = 1.5    # a product of exact inputs (the bytes of a stated precision): room for overhead only
_ROUGH = re.compile(r"\b(?:rough (?:guess|estimate|number)|ballpark|wild guess|order of magnitude|very rough(?:ly)?|"
                    r"back of the envelope|(?:just )?a guess)\b", re.I)
STEPS = {"qps_from_users": "users × requests per user per day ÷ 86,400 s", "qps_from_daily": "per day ÷ 86,400 s",
         "qps_in_window": "per day ÷ the seconds of the batch window",
         "items_in_window": "users × items each ÷ the seconds of the batch window",
         "per_day": "per second × 86,400 s", "root": "the square root of the working said", "peak": "peak against average", "fan_out": "fan-out per request",
         "bandwidth": "requests per second × bytes per request", "storage": "items × bytes per item",     # vectors: rows × dimensions × bytes per value
         "model_memory": "parameters × bytes per parameter", "training_time": "work ÷ rate",
         "capacity": "load ÷ capacity per replica (× any headroom said)", "cost": "instances × price per hour × hours",
         "cost_period": "a bill per period × the periods in the longer one",
         "sharded_memory": "a memory sharded over devices ÷ every device (nodes × GPUs a node)",
         "replica_memory": "plain data parallel: every GPU holds the whole (weights, gradients, optimiser state)",
         "unit_price": "the things ÷ the count the price is per × the price",
         "kv_cache": "KV cache: 2 × layers × KV heads × head dim × bytes per token",
         "kv_tokens": "KV cache = bytes per token × tokens (× sequences)",
         "test_duration": "test duration = required sample ÷ daily traffic per arm",
         "training_flops": "training compute ≈ 6 × parameters × tokens",
         "decode_flops": "decoding ≈ 2 × parameters FLOPs per token",
         "adam_memory": "Adam in mixed precision ≈ 16 bytes per parameter",
         "gpus_for_memory": "GPUs ≥ memory ÷ memory per GPU",
         "batch_rate": "items per second = batch size ÷ seconds per batch",
         "scale": "halving, doubling or a fraction of a stated figure",
         "per_person": "team rate ÷ people sharing it",
         "per_instance": "the fleet's total ÷ the machines sharing it",
         "card_flops": "one card's peak FLOPs a second",
         "training_tokens": "tokens seen = tokens per parameter × parameters",
         "interval_rate": "senders ÷ the seconds between each one's messages",
         "core_rate": "one unit's rate = 1 second ÷ the time a request keeps it busy",
         "transfer_time": "bytes ÷ the link's bytes per second",
         "precision_bytes": "bytes per value: fp32 4, fp16/bf16 2, int8 1, int4 0.5",
         "bits_bytes": "8 bits a byte (bits ÷ 8 = bytes, bytes × 8 = bits)",
         "arithmetic": "the arithmetic as said",
         "restated": "the same figure in other units",
         "saving": "saving = cost before − cost after, over the period claimed",
         "cache_share": "load × the share the cache does not answer",
         "share_of_count": "a count × the share said (one in N)",
         "share": "a figure × the percent of it said",
         "flow_bytes": "bytes a second × the seconds of the span",
         "compressed": "the size ÷ the compression ratio said"}


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


def _magnitude(expected: float, unit: str) -> str | None:
    """The power of ten the right figure sits at, when it is near one: "~10,000/s" for 11,574 a second. For 2 GB or
    32 GB the nearest power (1 GB, 100 GB) would read as a second, different right answer, so none is given."""
    if unit == "s":
        return human(expected, unit)
    power = 10 ** round(math.log10(expected))
    return "~" + human(power, unit) if 1 / 1.5 <= expected / power <= 1.5 else None


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
        magnitude = _magnitude(expected, unit)
        # the order of magnitude helps a figure that is far off (10x or more: nearer, it would read as a third figure
        # beside the right one); a time or a small count says it already
        tail = "" if unit == "s" or expected < 20 or off < 10 or magnitude is None \
            else f" (the right order of magnitude is {magnitude})"
        message = f"{said} is off by {times}x at the step \"{step}\": {how} ≈ {human(expected, unit)}{tail}"
    return Check(ok, message, _sig(value), _sig(expected), rule, unit, stated.start, claimed=stated.text,
                 inputs=how)


class _Tolerance:
    """The tolerance for the answer being checked: wider when the candidate says it is a rough guess."""
    value = TOLERANCE

    def get(self) -> float:
        return self.value


_tol = _Tolerance()

