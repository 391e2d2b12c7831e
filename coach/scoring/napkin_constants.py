"""Napkin checks on the field's constants, as stated in the answer (rubrics/napkin_constants.toml):

  precision_bytes  a number format's bytes per value said wrongly ("fp32, at one byte a parameter"); the memory
                   figure built on it is recomputed with the right bytes when the answer gives one
  bits_bytes       a link's bits restated as bytes without dividing by 8 ("a 400 megabit uplink moves 400
                   megabytes a second"), or bytes restated as bits without multiplying by 8 ("600 megabytes a
                   second, which in bits is 600 over 8, 75 megabits"): either way it is the same amount
  adam_memory      Adam's bytes per parameter said outside the usual 12 to 20

Only a constant the answer states is judged: a format named with a bytes-per-value figure in the same clause,
a bit rate and a byte rate with nothing but a few words ("which is", "moves") between them."""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from functools import lru_cache

from coach.content.napkin_constants import NapkinConstants, napkin_constants
from coach.scoring.napkin_judge import Check
from coach.scoring.sizing import Quantity
from coach.scoring.text import fmt_num, folded_search, phrase_pattern

_F = re.IGNORECASE
_CLAUSE_END = re.compile(r"[.!?;](?:\s|$)")
# a precision's bytes said in the same clause as its name, with no other training state in between
_OTHER_STATE = re.compile(r"\b(?:adam\w*|optimi[sz]\w*|gradients?|master|moments?|states?|activations?|kv|cache|"
                          r"mixed|quantis\w*|quantiz\w*|compress\w*|overhead)\b", _F)
# training state stored beside the weights: a bytes figure after a list naming it is the list's total
_STORED_STATE = re.compile(r"\b(?:adam\w*|optimi[sz]\w*|gradients?|master|moments?|states?|activations?)\b", _F)
_BITS = re.compile(r"bit|bps|[kmgtKMGT]b/s")     # "megabit", "Gbps", "10 Gb/s" (a lowercase b: bits)
_RESTATED = re.compile(r"^[\s,(]*(?:[a-z'-]+\s+){0,3}?(?:is|are|which is|that's|that is|or|i\.e\.|moves|means|"
                       r"gives|carries|pushes|delivers|so)\s+(?:about\s+|roughly\s+|around\s+|only\s+|just\s+)?$", _F)
# the restatement worked out loud by the 8 bits of a byte: "in bits that is 579 over 8, some ", "times eight, about "
_CONVERTED = re.compile(r"^[\s,(]*(?:[a-z'-]+\s+){0,4}?(?:is|are|which is|that's|that is|so|gives|means)\s+(?:about\s+|"
                        r"roughly\s+)?[\d.,]+\s*(?:over|divided by|/|÷|times|x|×|multiplied by)\s*(?:8|eight)\b\s*"
                        r"(?:,\s*|(?:is|=|gives|makes|so)\s+)?(?:about\s+|roughly\s+|around\s+|some\s+|only\s+)?$", _F)
# bytes said again in bits: only a plain restatement ("so a 1 gigabit link" after a byte rate is the link chosen)
_SAID_AS_BITS = re.compile(r"^[\s,(]*(?:[a-z'-]+\s+){0,3}?(?:is|are|which is|that's|that is|i\.e\.|means)\s+"
                           r"(?:about\s+|roughly\s+|around\s+|some\s+)?$", _F)
_LINK_AFTER = re.compile(r"\s*(?:[a-z-]+\s+)?(?:links?|lines?|nics?|ports?|uplinks?|pipes?|connections?|circuits?|"
                         r"interconnects?|cards?)\b", _F)
_IS = re.compile(r"^[\s,]*(?:(?:which|that)\s+)?(?:is|are|at|takes?|uses?|means|=)?\s*(?:about\s+|just\s+|only\s+)?$", _F)


@lru_cache(maxsize=1)
def _precision_pattern() -> tuple[re.Pattern[str], dict[str, float]]:
    consts = napkin_constants()
    table = {name: b for names, b in consts.precisions for name in names}
    return phrase_pattern(table), table


def _bytes_of(name: str, table: dict[str, float]) -> float:
    low = name.lower()
    return next((table[k] for k in (low, low.replace("-", " "), low.replace(" ", "-")) if k in table), 0.0)


def check(qs: list[Quantity], text: str, judge: Callable[..., Check | None]) -> list[Check | None]:
    consts = napkin_constants()
    out = _precision_bytes(qs, text, judge)
    out += _bits_bytes(qs, text, judge, consts)
    out += _adam_bytes(qs, text, judge, consts)
    return out


def _clause(text: str, a: int, b: int) -> str | None:
    """The text from a to b when no clause ends between them."""
    gap = text[a:b]
    return None if _CLAUSE_END.search(gap) else gap


def _precision_bytes(qs: list[Quantity], text: str, judge: Callable[..., Check | None]) -> list[Check | None]:
    small = [q for q in qs if q.kind == "storage" and q.value <= 16]     # a few bytes: a value's size
    if not small:
        return []
    pattern, table = _precision_pattern()
    names = list(pattern.finditer(text))
    out: list[Check | None] = []
    params = [q for q in qs if q.kind == "model_size"]
    for q in small:
        # "fp32, at one byte a parameter" (a per-parameter figure in the format's clause), "fp32 is two bytes"
        near = [m for m in names if m.end() <= q.start and (gap := _clause(text, m.end(), q.start)) is not None
                and not _OTHER_STATE.search(gap) and (q.has("per_param") and len(gap) < 60 or _IS.match(gap))]
        if not near:
            continue
        name = near[-1]
        if _of_a_sum(text, name, names):
            continue      # "weights and gradients plus Adam's states in fp32 come to 16 bytes": the sum's bytes
        right = _bytes_of(name.group(0), table)
        if not right or abs(q.value / right - 1) < 0.01:
            continue
        said = name.group(0)
        n = next((p for p in reversed(params) if p.start < q.start), None)
        total = None
        if n is not None:                # the memory the answer built on the wrong bytes ("so about 34 gigabytes")
            total = next((t for t in qs if t.kind == "storage" and t.start > q.start and t.value > 1e6
                          and 1 / 1.5 <= t.value / (n.value * q.value) <= 1.5
                          and t.start - q.start < 200), None)
        if total is not None and n is not None:
            out.append(judge("model_memory", total, n.value * right,
                             f"{fmt_num(n.value)} parameters × {fmt_num(right)} bytes ({said} is {fmt_num(right)} "
                             f"bytes a value, not {fmt_num(q.value)})", "B", 1.5))
        else:
            out.append(judge("precision_bytes", q, right, f"{said} is {fmt_num(right)} bytes a value", "B", 1.01,
                             ok=False))
    return out


def _of_a_sum(text: str, name: re.Match[str], names: list[re.Match[str]]) -> bool:
    """The precision closes a list of several things stored ("bf16 weights and gradients plus Adam's states in
    fp32"): the bytes said after it are the list's total, not one value's size."""
    ends = [m.end() for m in _CLAUSE_END.finditer(text, 0, name.start())]
    before = text[ends[-1] if ends else 0:name.start()]
    return bool(_STORED_STATE.search(before)) or any(m.end() <= name.start() and m.start() >= (ends[-1] if ends else 0)
                                                   for m in names)


def _bits_bytes(qs: list[Quantity], text: str, judge: Callable[..., Check | None],
                consts: NapkinConstants) -> list[Check | None]:
    """A figure said in bits and again in bytes, or in bytes and again in bits: one amount, 8 bits a byte."""
    rates = [q for q in qs if q.kind in ("bandwidth", "storage")]
    out: list[Check | None] = []
    for a, b in zip(rates, rates[1:]):
        a_bits, b_bits = bool(_BITS.search(a.text)), bool(_BITS.search(b.text))
        if a_bits == b_bits or b.start <= a.start:
            continue
        if (a.unit == "B/s") != (b.unit == "B/s"):
            continue
        gap = _clause(text, a.start + len(a.text), b.start)
        if gap is None or not (_CONVERTED.match(gap) or (_RESTATED if a_bits else _SAID_AS_BITS).match(gap)):
            continue
        if not a_bits and _LINK_AFTER.match(text, b.start + len(b.text)):
            continue        # "50 megabytes a second, so a 1 gigabit link": the link chosen, not the rate again
        if a.value <= 0:
            out.append(None)
        elif a_bits:
            out.append(judge("bits_bytes", b, a.value, f"{a.text} ÷ {fmt_num(consts.bits_per_byte)} bits a byte",
                             b.unit, 1.5))
        else:       # judged in bits, as said: "579 megabytes a second × 8 bits a byte ≈ 4.63 Gbit/s"
            bit_unit = "bit/s" if b.unit == "B/s" else "bit"
            out.append(judge("bits_bytes", replace(b, value=b.value * consts.bits_per_byte),
                             a.value * consts.bits_per_byte,
                             f"{a.text} × {fmt_num(consts.bits_per_byte)} bits a byte", bit_unit, 1.5))
    return out


_ADAM = re.compile(r"\badam\w*", _F)
_NOT_PLAIN_ADAM = re.compile(r"\b(?:8[- ]bit adam|lora|qlora|frozen|adapters?|shard\w*|zero|offload\w*)\b", _F)


def _adam_bytes(qs: list[Quantity], text: str, judge: Callable[..., Check | None],
                consts: NapkinConstants) -> list[Check | None]:
    """ "Adam: about four bytes a parameter": the answer's own per-parameter figure, when it says one."""
    if not folded_search(_ADAM, text) or _NOT_PLAIN_ADAM.search(text):
        return []
    out: list[Check | None] = []
    for q in qs:
        if q.kind == "storage" and q.has("per_param") and not consts.adam_low <= q.value <= consts.adam_high:
            m = next((m for m in _ADAM.finditer(text) if m.end() <= q.start and
                      _clause(text, m.end(), q.start) is not None), None)
            if m is None or (gap := text[m.end():q.start]) is None or _precision_pattern()[0].search(gap):
                continue
            out.append(judge("adam_memory", q, consts.adam_bytes,
                             f"Adam keeps weights, gradients and two moments: about {fmt_num(consts.adam_bytes)} "
                             "bytes a parameter", "B", 1.01,
                             ok=False))
    return out
