"""Napkin-math checks: recompute a figure the answer derived from figures it stated.

Rules (each needs all of its inputs said out loud; otherwise no check is made):
  qps_from_users   users x requests per user per day / 86,400 -> requests per second (or per day)
  qps_from_daily   requests per day / 86,400 -> requests per second
  qps_in_window    a day's total done in a batch window ("in a two-hour nightly batch") / the window's seconds
  items_in_window  users x what each gets scored in a batch window / the window's seconds
  bandwidth        requests per second x bytes per request -> bytes per second
  storage          items per day x bytes per item x days (or item count x bytes per item) -> bytes
  model_memory     parameters x bytes per parameter (fp32 4, fp16/bf16 2, int8 1, int4 0.5) -> bytes
  training_time    examples (x epochs) / examples per second -> seconds
  capacity         instances x capacity per instance <-> total load
  cost             instances x price per instance-hour x hours -> dollars
  transfer_time    bytes / the link's bytes per second -> seconds
Also (napkin_rates.py) peak against average, fan-out per request and per-second against per-day, and
(napkin_tests.py) an A/B test's length, (napkin_replicas.py) replicas multiplied into a read fan-out,
(napkin_nested.py) a nested fan-out multiplied through, (napkin_sampled.py) a sample's rate scaled to the whole stream,
(napkin_sharded.py) a memory sharded over devices, (napkin_cards.py) a memory kept whole on every GPU under plain data
parallel and a named card said to hold a memory, (napkin_steps.py) a rate from a batch and its time, halving or doubling a figure, (napkin_llm.py) KV cache, training compute and time, decoding FLOPs, Adam memory and GPUs for a memory,
(napkin_said.py) arithmetic said out loud ("A times B is C") whatever is counted, (napkin_constants.py) a constant of
the field stated wrongly (rubrics/napkin_constants.toml), (napkin_each.py) a product tied by "each", (napkin_savings.py)
a saving claimed from a cost before and after, (napkin_shares.py) the load left past a cache and a share of a figure,
(napkin_restated.py) a figure said again in other units, (napkin_flows.py) the bytes a steady flow adds up to
over a span, (napkin_compressed.py) a size after the compression said, (napkin_roots.py) a square root worked out
loud (a standard error).
Careful-engineer steps beside those: a replication factor or a batch named and then left out, a quantised width
counted in whole bytes, the peak factor applied to the peak again, a percentage of a percentage, GPU time in seconds
priced per GPU (rented by the hour), a query sent to every shard, a year of a daily flow, a card's FLOPs a second
against its peak (rubrics/napkin_constants.toml), the units needed at a load, machines from cores, one core's rate
from its busy time, senders that each send one every so often, and the tokens a compute-optimal run sees.
A derived figure is wrong when it is more than 2x off (a plain product or division), 3x when the
answer says it is a rough guess; rules of thumb (6NT, 2N, 16 bytes) within 1.5x; after allowing any
multiplier the answer states ("peak is 3x average", "replicated 3 times"). Every flag names the step
and states the right figure.
"""
from __future__ import annotations

import re

from coach.scoring import (napkin_cards, napkin_caught, napkin_compressed, napkin_constants, napkin_cores, napkin_each, napkin_flows, napkin_llm,
                           napkin_nested, napkin_rates, napkin_replicas, napkin_restated, napkin_roots, napkin_said,
                           napkin_sampled,
                           napkin_savings, napkin_shares, napkin_sharded, napkin_steps, napkin_team, napkin_tests,
                           napkin_windows)
from coach.scoring.napkin_judge import (EXACT_TOLERANCE, ROUGH_TOLERANCE, STEPS, TOLERANCE, _ROUGH, Check,
                                        _judge, _tol)
from coach.scoring.napkin_costs import _cost
from coach.scoring.napkin_systems import (_PRECISION, _bandwidth, _capacity, _model_memory, _qps, _storage,
                                          _training_time, _transfer)
from coach.scoring.sizing import Quantity
from coach.scoring.text import folded_search

__all__ = ["Check", "STEPS", "TOLERANCE", "ROUGH_TOLERANCE", "EXACT_TOLERANCE", "check", "missing_kinds",
           "_judge", "_tol", "_PRECISION"]


def check(qs: list[Quantity], text: str, factors: list[float]) -> list[Check]:
    _tol.value = ROUGH_TOLERANCE if folded_search(_ROUGH, text) else TOLERANCE

    def judge(rule: str, q: Quantity, expected: float, how: str, unit: str, tol: float,
              ok: bool | None = None) -> Check | None:
        return _judge(rule, q, expected, how, [], unit, tol=(ROUGH_TOLERANCE if _tol.value > TOLERANCE else tol) or None,
                      ok=ok)
    first = [c for c in napkin_constants.check(qs, text, judge) if c is not None]
    taken = {c.at for c in first}
    first += [c for c in napkin_llm.check(qs, text, judge, _tol.value) if c is not None and c.at not in taken]
    first += [c for c in napkin_rates.check(qs, text, factors, _judge) if c is not None]
    nested = [c for c in napkin_nested.check(qs, text, _judge) + napkin_sampled.check(qs, text, _judge)
              if c is not None]
    first = [c for c in first if c.at not in {n.at for n in nested}] + nested
    replicas = [c for c in napkin_replicas.check(qs, text, _judge) if c is not None]
    first = [c for c in first if c.at not in {r.at for r in replicas}] + replicas
    first += [c for c in napkin_cores.check(qs, text, _judge) if c is not None]
    first += [c for c in napkin_team.check(qs, text, _judge) if c is not None]
    first += [c for c in napkin_tests.check(qs, text, _judge) if c is not None]
    first += [c for c in napkin_sharded.check(qs, text, _judge) if c is not None and c.at not in {f.at for f in first}]
    taken = {f.at for f in first}
    first += [c for c in napkin_cards.check(qs, text, _judge) if c is not None and c.at not in taken]
    first += [c for c in napkin_shares.check(qs, text, _judge) if c is not None]
    first += [c for c in napkin_roots.check(text, _judge) if c is not None]
    first += [c for c in napkin_windows.per_user_in_window(qs, text, _judge) if c is not None]
    first += [c for c in napkin_steps.check(qs, text, _judge, EXACT_TOLERANCE * _tol.value / TOLERANCE) if c is not None]
    claimed = {c.at for c in first}
    out: list[Check] = list(first)
    for fn in (_qps, _bandwidth, _storage, _model_memory, _training_time, _capacity, _cost, _transfer):
        out.extend(c for c in fn(qs, text, factors) if c is not None and c.at not in claimed)
    judged = {c.at for c in out}
    out.extend(c for c in napkin_said.check(qs, text, _judge, _tol.value) if c is not None and c.at not in judged)
    judged = {c.at for c in out}
    out.extend(c for c in napkin_each.check(qs, text, _judge, _tol.value) if c is not None and c.at not in judged)
    judged = {c.at for c in out}
    out.extend(c for c in napkin_savings.check(text) if c.at not in judged)
    judged = {c.at for c in out}
    out.extend(c for c in napkin_restated.check(qs, text, _judge, EXACT_TOLERANCE * _tol.value / TOLERANCE)
               if c is not None and c.at not in judged)
    judged = {c.at for c in out}
    out.extend(c for c in napkin_flows.check(qs, text, _judge) if c is not None and c.at not in judged)
    judged = {c.at for c in out}
    out.extend(c for c in napkin_compressed.check(qs, text, _judge) if c is not None and c.at not in judged)
    # a figure a specific rule checked from all its inputs is not flagged by a generic one reading it from one of them
    # (the KV cache per token verified, then read as "doubling" the bytes per value said before it)
    verified = {c.at for c in out if c.ok and c.rule not in _GENERIC}
    return napkin_caught.standing([c for c in out if (c.ok or c.rule not in _GENERIC or c.at not in verified) and not (
        not c.ok and _A_FACTOR.match(text, c.at + len(c.claimed)))], qs, text)


# a figure said as a factor of the product being worked ("about two hundred dollars times seven hundred thirty
# hours"): an input of the next step, whose result is what is checked
_A_FACTOR = re.compile(r"(?:\s+(?:an?|per) (?:hour|day|month|year|second))?\s*(?:times\b|×|multiplied by\b)", re.I)


# rules that read a figure from one input or a relation said near it, whatever is counted
_GENERIC = frozenset({"scale", "each", "restated"})


def missing_kinds(qs: list[Quantity], expected: tuple[str, ...]) -> list[str]:
    kinds = {q.kind for q in qs}
    return [k for k in expected if k not in kinds]
