"""Napkin checks for large-model arithmetic, each from figures the answer said out loud.

  kv_cache         per token = 2 x layers x KV heads x head dimension x bytes; x sequences x context
  kv_tokens        one sequence's cache = bytes per token x context tokens; many = that x sequences
  training_flops   training compute ~ 6 x parameters x tokens
  training_time    FLOPs / (GPUs x FLOP/s per GPU)
  decode_flops     decoding ~ 2 x parameters FLOPs per token; a reply or a stream of tokens: tokens x that
  adam_memory      Adam in mixed precision ~ 16 bytes per parameter (weights, gradients, two moments, master copy)
  gpus_for_memory  GPUs per replica >= memory / memory per GPU
Rules of thumb (6NT, 2N, 16 bytes) are judged within 1.5x; plain products within the napkin tolerance.
"""
from __future__ import annotations

import dataclasses
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from coach.content.napkin_constants import napkin_constants
from coach.scoring.numbers import find_numbers
from coach.scoring.sizing import Quantity
from coach.scoring.text import fmt_num, human

if TYPE_CHECKING:
    from coach.scoring.napkin import Check

RULE_OF_THUMB = 1.5
_F = re.IGNORECASE
_FLOP_PREFIX = {"": 1.0, "k": 1e3, "kilo": 1e3, "m": 1e6, "mega": 1e6, "g": 1e9, "giga": 1e9, "t": 1e12, "tera": 1e12,
                "p": 1e15, "peta": 1e15, "e": 1e18, "exa": 1e18, "z": 1e21, "zetta": 1e21}
_SCI = re.compile(r"(?<![\w.])(?P<m>\d+(?:\.\d+)?)\s*(?:e\s*\+?|(?:x|×|times)\s*10\s*(?:\^|to the(?: power of)?)\s*)"
                  r"(?P<e>\d{1,2})(?:st|nd|rd|th)?\b", _F)
_FLOPS_AFTER = re.compile(r"^\s*(?P<p>kilo|mega|giga|tera|peta|exa|zetta|[kmgtpez])?\s*-?\s*(?:flops?|floating[- ]point "
                          r"(?:operations|ops))\b", _F)
_FLOPS_WORD = re.compile(r"flop|floating[- ]point", _F)
_BARE_RATE = re.compile(r"^\s*(?:each|apiece|per gpu|per card|a second|per second|/s)\b", _F)
_BARE_RATE_MIN = 1e11      # below any accelerator's FLOP rate: a bare "1,250 a second" is a request rate
_UTILISATION = re.compile(r"^\s*(?:model flops |hardware )?(?:utili[sz]ation|mfu|efficiency|use|usage)\b", _F)
_PER_TOKEN = re.compile(r"^[^.;\d]{0,25}?\b(?:per|a|each|every|for (?:one|each|every|a)) (?:new |generated |output |decoded )?"
                        r"token\b", _F)
_PER_PARAMETER = re.compile(r"^\s*(?:per|a|each|for (?:each|every|a))\s+(?:parameter|param|weight)s?\b|^\s*apiece\b", _F)
_PER_SECOND = re.compile(r"^\s*(?:per second|/s|a second)\b|^\s*(?:each|per gpu|effective|per card|sustained|"
                         r"(?:a|per|on each|on one|for each) (?:card|gpu|chip|device|accelerator)\b)", _F)
_LIMIT_BEFORE = re.compile(r"\b(?:within|inside|under|in under|less than|before|by|well within|well under)\s+(?:the\s+|a\s+|our\s+)?$", _F)
# "a week of logged questions", "a month of traffic": a span of data (to replay, to train on), not a time a job takes
_SPAN_OF_DATA = re.compile(r"^\s*of\s+(?!(?:training|pre-?training|fine-?tuning|compute|gpu|wall|work|running|"
                           r"the run|the job)\b)[a-z]", _F)


@dataclass(frozen=True)
class Fig:
    value: float
    start: int
    end: int
    text: str


@lru_cache(maxsize=128)
def _followed_by(pattern: str) -> re.Pattern[str]:
    """`pattern` right after a number (compiled once: it is tried after every number of the answer)."""
    return re.compile(r"\s*(?:" + pattern + r")", _F)


def _numbers_before(text: str, pattern: str) -> list[Fig]:
    """Numbers directly followed by `pattern` ("80 layers", "8 KV heads")."""
    out = []
    follows = _followed_by(pattern)
    for span in find_numbers(text):
        m = follows.match(text[span.end:span.end + 40])
        if m:
            out.append(Fig(span.value, span.start, span.end + m.end(), text[span.start:span.end + m.end()]))
    return out


def _after(text: str, pattern: str) -> list[Fig]:
    """Numbers after a phrase ("head dimension of 128")."""
    out = []
    for m in re.finditer(pattern + r"\s*(?:of|is|=)?\s*", text, _F):
        nums = [s for s in find_numbers(text[m.end():m.end() + 40]) if s.start == 0]
        if nums:
            out.append(Fig(nums[0].value, m.start(), m.end() + nums[0].end, text[m.start():m.end() + nums[0].end]))
    return out


def flops_figures(text: str) -> list[Fig]:
    """Stated FLOP counts or FLOP rates: "8.4e22 FLOPs", "8 times 10 to the 20 FLOPs", "14 gigaflops", "100 teraflops",
    and, in an answer that speaks of FLOPs, a bare power of ten said as a rate ("an effective 1e14 each",
    "two times ten to the fifteen a second"): the unit was said once and is not repeated."""
    out: list[Fig] = []
    taken: list[tuple[int, int]] = []
    bare_rates = bool(_FLOPS_WORD.search(text))
    for m in _SCI.finditer(text):
        tail = _FLOPS_AFTER.match(text[m.end():m.end() + 40])
        value = float(m.group("m")) * 10 ** int(m.group("e"))
        if tail:
            value *= _FLOP_PREFIX[(tail.group("p") or "").lower()]
            out.append(Fig(value, m.start(), m.end() + tail.end(), text[m.start():m.end() + tail.end()]))
            taken.append((m.start(), m.end()))
        elif bare_rates and value >= _BARE_RATE_MIN and _BARE_RATE.match(text[m.end():m.end() + 20]):
            out.append(Fig(value, m.start(), m.end(), text[m.start():m.end()]))
            taken.append((m.start(), m.end()))
    for span in find_numbers(text):
        if any(s <= span.start < e for s, e in taken):
            continue
        tail = _FLOPS_AFTER.match(text[span.end:span.end + 40])
        if tail:
            value = span.value * _FLOP_PREFIX[(tail.group("p") or "").lower()]
            out.append(Fig(value, span.start, span.end + tail.end(), text[span.start:span.end + tail.end()]))
        elif bare_rates and span.words and span.value >= _BARE_RATE_MIN and \
                re.search(r"\bten to the\b", span.text, _F) and _BARE_RATE.match(text[span.end:span.end + 20]):
            out.append(Fig(span.value, span.start, span.end, span.text))
    for m in _ONE_UNIT.finditer(text):          # "a petaflop each": one of the unit
        if not any(s <= m.start() < e for s, e in taken) and not any(f.start <= m.start() < f.end for f in out):
            out.append(Fig(_FLOP_PREFIX[m.group("p").lower()], m.start(), m.end(), m.group(0)))
    return sorted((_with_factor(text, f) for f in out), key=lambda f: f.start)


_ONE_UNIT = re.compile(r"\b(?:a|one)\s+(?P<p>giga|tera|peta|exa)-?flops?\b", _F)


_TIMES_BEFORE = re.compile(r"(?:\btimes|×|\bx)\s*$", _F)


def _with_factor(text: str, f: Fig) -> Fig:
    """A figure said as a factor of a product ("two times thirteen billion FLOPs a token") stands for the product:
    the figure said is 26 billion, not thirteen."""
    before = text[max(0, f.start - 30):f.start]
    times = _TIMES_BEFORE.search(before)
    if times is None:
        return f
    nums = find_numbers(before[:times.start()])
    if not nums or before[nums[-1].end:times.start()].strip() or not 1 < nums[-1].value <= 100:
        return f
    start = f.start - len(before) + nums[-1].start
    return Fig(f.value * nums[-1].value, start, f.end, text[start:f.end])


# "each token takes about", and with the product said first: "each token stores 2 x 64 x 8 x 128 x 2 bytes, roughly"
_TOKEN_BEFORE = re.compile(r"\b(?:each|every|per|a single|one|a) token\s+(?:takes|needs|uses|costs|holds|is|adds|"
                           r"occupies|comes to|eats|stores|keeps|caches)(?: up)?\s+"
                           r"(?:\d(?:[\d\s×x*.,]|times)*bytes?,?\s*(?:so|which is|that'?s|or|roughly|about|around)?\s*)?"
                           r"(?:about |roughly |around |some |maybe |just )?$", _F)


def _per_token(text: str, q: Quantity) -> bool:
    """A size said per token: "about 160 KB per token", "each token takes about two megabytes". The last factor of
    a product said out loud ("2 times 32 times 4096 times 2 bytes, about half a meg per token") is an input of the
    per-token figure, not that figure."""
    if _TIMES_BEFORE.search(text[max(0, q.start - 12):q.start]):
        return False
    return bool(_PER_TOKEN.match(text[q.start + len(q.text):q.start + len(q.text) + 30])
                or _TOKEN_BEFORE.search(text[max(0, q.start - 80):q.start]))


def _bytes_near(text: str, at: int) -> float | None:
    from coach.scoring.napkin import _PRECISION
    best, best_d = None, 10 ** 9
    for pat, nbytes in _PRECISION:
        for m in pat.finditer(text):
            d = abs(m.start() - at)
            if d < best_d:
                best, best_d = nbytes, d
    return best


_EACH_RATE = re.compile(r"\s*(?:sustaining|doing|running at|delivering|achieving|hitting|managing|at)\b", re.I)
_PER_PARAMETER = re.compile(r"^\s*(?:per|a|each|for each|for every)\s+(?:param(?:eter)?|weight)\b", re.I)


def _tokens(text: str) -> list[Fig]:
    """Token counts, not a ratio of tokens per parameter ("twenty tokens per parameter")."""
    out = []
    for f in _numbers_before(text, r"(?:[a-z]+ )?tokens\b"):
        if not _PER_PARAMETER.match(text[f.end:]):
            out.append(f)
    return out


def _head_dims(text: str, heads: list[Fig]) -> list[Fig]:
    """The head dimension: "head dim of 128", "128-dim heads", "heads of size 128", and, right after the KV heads,
    "eight KV heads of 128 dimensions" or "... 128 wide"."""
    dims = _after(text, r"\bhead (?:dim(?:ension)?s?|size|width)") + \
        _after(text, r"\bheads (?:of|with|at) (?:a )?(?:size|dim(?:ension)?|width)") + \
        _numbers_before(text, r"[- ]?dim(?:ensional)? heads\b") + \
        _numbers_before(text, r"(?:head[- ]dim(?:ension)?s?|head[- ]size|dims? per head|dimensions? per head)\b")
    if heads:
        near = [f for f in _numbers_before(text, r"(?:dimensions?|dims?|(?:dimensions? |dims? )?wide)\b")
                if 0 <= f.start - heads[0].end <= 25]
        dims += near
    return sorted(dims, key=lambda f: f.start)


def check(qs: list[Quantity], text: str, judge: Callable[..., Check | None], tolerance: float) -> list[Check | None]:
    """`judge(rule, stated_text, stated, expected, how, unit, tol, at)` makes the Check."""
    out: list[Check | None] = []
    params = [q for q in qs if q.kind == "model_size"]
    storage = [q for q in qs if q.kind == "storage" and not q.has("per_param") and not q.has("rate")]
    flops = flops_figures(text)
    # KV cache
    layers = _numbers_before(text, r"(?:transformer )?layers\b|[- ]layer\b")      # "80 layers", "a 32-layer model", "a sixty-four layer model"
    heads = _numbers_before(text, r"(?:grouped |shared |query-grouped )?(?:kv|key[- ]value|key and value|key/value|k/v)[- ]heads?\b")
    dims = _head_dims(text, heads)
    # without KV heads said, the hidden size stands for heads x head dimension (full multi-head attention)
    hidden = [] if heads or not layers else _after(text, r"\b(?:hidden (?:size|dim(?:ension)?|width)|d_?model|model (?:width|dimension))")
    per_token: float | None = None
    arch = bool(layers and (heads and dims or hidden))      # the cache built from the architecture
    if arch:
        width = heads[0] if heads else hidden[0]
        nbytes = _bytes_near(text, width.start) or 2.0
        per_token = 2 * layers[0].value * (heads[0].value * dims[0].value if heads else hidden[0].value) * nbytes
        how = (f"2 × {fmt_num(layers[0].value)} layers × " +
               (f"{fmt_num(heads[0].value)} KV heads × {fmt_num(dims[0].value)} head dim" if heads
                else f"{fmt_num(hidden[0].value)} hidden size") + f" × {nbytes:g} bytes")
        for q in storage:
            if q.start > width.start and _per_token(text, q):
                # the bytes a value said in the product itself ("2 × 48 × 8 × 128 × 2 bytes") stand over a precision
                # named for the weights ("in fp8 the weights are 34 GB"): the cache is often kept wider
                in_product = [b for b in storage if width.start < b.start < q.start and 0.5 <= b.value <= 4
                              and not _per_token(text, b)]
                if in_product and in_product[-1].value != nbytes:
                    own = in_product[-1].value
                    out.append(judge("kv_cache", q, per_token / nbytes * own,
                                     how.replace(f" × {nbytes:g} bytes", f" × {own:g} bytes") + " per token", "B",
                                     tolerance))
                    continue
                out.append(judge("kv_cache", q, per_token, how + " per token", "B", tolerance))
        out.extend(_token_product_as_sequence(text, storage, width.start, per_token, how, judge, tolerance))
    if not arch and not layers and heads and dims and params:
        # a cache worked out with no layer count ("two for keys and values, times the eight KV heads, times the head
        # dimension of 128, times two bytes, so about four kilobytes a token"): every layer keeps its own
        n_layers = napkin_constants().layers_for(params[0].value)
        nbytes = _bytes_near(text, heads[0].start) or 2.0
        no_layers = 2 * heads[0].value * dims[0].value * nbytes
        for q in storage:
            if n_layers and q.start > heads[0].start and _per_token(text, q) and 1 / 1.3 <= q.value / no_layers <= 1.3:
                how = (f"2 × about {n_layers} layers (a {fmt_num(params[0].value)}-parameter model; the layers were left "
                       f"out) × {fmt_num(heads[0].value)} KV heads × {fmt_num(dims[0].value)} head dim × {nbytes:g} bytes "
                       f"per token")
                out.append(judge("kv_cache", q, no_layers * n_layers, how, "B", tolerance))
                break
    if not arch and not layers and not heads:
        out.extend(_width_without_layers(text, storage, judge, tolerance))
    if not arch and layers and not heads and not dims:
        out.extend(_width_as_head_size(text, layers[0], storage, judge, tolerance))
    stated_pt = [q for q in storage if _per_token(text, q)]
    if stated_pt:        # the later steps follow the candidate's own per-token figure (its error is flagged once)
        per_token = stated_pt[0].value
    seqs = _numbers_before(text, r"(?:concurrent |parallel )?(?:sequences|requests|users|conversations)\b")
    ctx = _numbers_before(text, r"(?:tokens? (?:of )?context|context|tokens|-token)\b") + \
        [Fig(f.value, f.start, f.end, f.text) for f in _after(text, r"\bsequences of")]
    if per_token and seqs and ctx:
        s = seqs[0]
        c = min((c for c in ctx if abs(c.start - s.end) < 40), key=lambda c: abs(c.start - s.end), default=None)
        if c is not None:
            cache = per_token * s.value * c.value
            how = f"{fmt_num(s.value)} sequences × {fmt_num(c.value)} tokens × {human(per_token, 'B')} per token"
            for q in storage:
                if q.start > c.start and q not in stated_pt and re.search(r"\bcache\b", text[q.start:q.start + 60] +
                                                                          text[max(0, q.start - 60):q.start], _F) \
                        and not re.search(r"\b(?:together|total|in all|plus|with the weights)\b",
                                          text[max(0, q.start - 40):q.start], _F):
                    # a chain from the architecture is the KV-cache step; one from a per-token figure said
                    # without it is bytes per token × tokens
                    out.append(judge("kv_cache" if arch else "kv_tokens", q, cache, how, "B", tolerance))
                    break
    if per_token and ctx:
        judged = {c.at for c in out if c is not None}       # a figure the batch's step judged is not judged twice
        out.extend(c for c in _per_sequence(text, storage, stated_pt, per_token, ctx, seqs, judge, tolerance,
                                            "kv_cache" if arch else "kv_tokens") if c is None or c.at not in judged)
    # training compute, time; decoding
    # training, said or shown by its rule of thumb: "six FLOPs per parameter per token" is the training rule (the
    # forward and backward passes), decoding's is two
    # ("six times 3e9 times 3e11": the rule worked with both figures; "the 3B model on 300B tokens")
    train = re.search(r"\btrain\w*|\bpre-?train|\b(?:param\w*|model) (?:on|over|through)\b[^.;]{0,30}\btokens\b|"
                      r"\b(?:6|six) ?(?:x|×|times) ?\d[\d.,]*(?:e\d+| ?(?:b|bn|billion)\b) ?(?:x|×|times) ?\d|"
                      r"\b(?:6|six) (?:flops?|floating[- ]point operations?) (?:per|a|for each|for every) param|"
                      r"\b(?:6|six) ?(?:x |times )?n ?(?:x |times )?d\b", text, _F)
    k = napkin_constants()
    toks = _tokens(text)
    n = params[0].value if params else None
    rates = [f for f in flops if _PER_SECOND.match(text[f.end:f.end + 20]) or      # "each" after it, same sentence
             re.match(r"[^.;?!]*?\b(?:each|apiece|per gpu|effective)\b", text[f.end:f.end + 15], _F) or
             re.search(r"\b(?:at|of|sustain(?:s|ing)?|deliver(?:s|ing)?|achiev(?:es|ing)|hit(?:s|ting)?|manag(?:es|ing)|doing|"
                       r"running at)\s*(?:an? )?(?:effective )?"
                       r"(?:about |roughly |around |maybe |something like |perhaps |close to )?$",
                       text[max(0, f.start - 40):f.start], _F)]
    if n and toks and train:
        total = next((f for f in flops if f.start > toks[0].start and not _PER_SECOND.match(text[f.end:f.end + 20])
                      and f not in rates),     # "each H100 sustains 500 TFLOPs": a device's rate, not the work
                     None)
        if total is not None:
            out.append(judge("training_flops", total, k.training_flops * n * toks[0].value,
                             f"{fmt_num(k.training_flops)} × {fmt_num(n)} parameters × {fmt_num(toks[0].value)} tokens", "FLOPs",
                             RULE_OF_THUMB))
    totals = [f for f in flops if f not in rates and not _PER_TOKEN.match(text[f.end:f.end + 30])]
    # ("64 GPUs each sustaining 300 teraflops": that "each" shares the rate out over the count)
    gpus = [q for q in qs if q.kind == "compute" and q.unit == "GPUs" and (not q.has("per_instance") or
                                                                          _EACH_RATE.match(text[q.start + len(q.text):]))]
    recomputed: set[int] = set()        # the card rates a training time was recomputed from
    if rates and (totals or (n and toks and train)):
        work = totals[0].value if totals else k.training_flops * (n or 0.0) * toks[0].value
        slipped = next((c for c in out if c is not None and c.rule == "training_flops" and not c.ok
                        and totals and c.at == totals[0].start), None)
        # a compute slip is flagged once: the time may follow from the figure said or from the right one
        works = [work] + ([slipped.expected] if slipped is not None else [])
        rate = rates[0]
        ends = None                 # the time said for the run, and its restatements in the same sentence
        for d in qs:
            if ends is not None and d.start > ends:
                break
            if d.kind == "duration" and d.start > rate.start and d.unit == "s" \
                    and not _SPAN_OF_DATA.match(text[d.start + len(d.text):d.start + len(d.text) + 30]):
                after = d.start + len(d.text)
                stop = re.search(r"[.!?](?:\s|$)", text[after:])
                ends = after + stop.start() if stop else len(text)
                # the GPU count the time is for: the last one said before it ("with 256 GPUs it's five days")
                g = next((q for q in reversed(gpus) if q.start < d.start), None)
                count = g.value if g else 1.0
                used = _utilisation(qs, text, rate.start, d.start)
                fleet = _fleet_rate(rates, rate, g, count, d)
                r = rate
                if fleet is not None:       # the answer's own figure for all the GPUs together (a utilisation said after it applies)
                    r, g, count, used = fleet, None, 1.0, _utilisation(qs, text, fleet.end, d.start)
                card = _card_peak(text, rate)
                if card is not None and not k.card_peak_low <= rate.value / card[1] <= k.card_peak_high:
                    # "512 H100s give 989e9 FLOPs a second each": a card's peak in the wrong units; the time is
                    # recomputed from the card's own peak, at the utilisation said
                    g = next((q for q in reversed(gpus) if q.start < d.start), None)
                    count = g.value if g else 1.0
                    used = _utilisation(qs, text, rate.start, d.start)
                    how = (f"{fmt_num(work)} FLOPs ÷ (" + (f"{fmt_num(count)} GPUs × " if g else "") +
                           f"{fmt_num(card[1])} FLOP/s" + (f" × {used:.0%} utilisation" if used < 1 else "") +
                           f") (one {card[0]} peaks near {fmt_num(card[1] / 1e12)} teraFLOPs a second, not the "
                           f"{rate.text} said)")
                    out.append(judge("training_time", d, work / (count * card[1] * used), how, "s", tolerance))
                    recomputed.add(rate.start)
                    continue
                rate_how = (f"{fmt_num(count)} GPUs × " if g else "") + f"{fmt_num(r.value)} FLOP/s" + \
                    (f" × {used:.0%} utilisation" if used < 1 else "")
                work = min(works, key=lambda w: max(w / (count * r.value * used), d.value)
                           / max(min(w / (count * r.value * used), d.value), 1e-9))
                expected = work / (count * r.value * used)
                how = f"{fmt_num(work)} FLOPs ÷ " + (f"({rate_how})" if g or used < 1 else rate_how)
                if _LIMIT_BEFORE.search(text[max(0, d.start - 25):d.start]) and expected <= d.value * tolerance:
                    continue        # "room for restarts inside the two weeks": a bound the run keeps, not its time
                out.append(judge("training_time", d, expected, how, "s", tolerance))
    # the tokens a compute-optimal run sees: tokens per parameter × parameters ("twenty tokens a parameter, so 26
    # billion tokens" for 1.3B)
    if n and toks:
        ratio = next((f for f in _numbers_before(text, r"(?:[a-z]+ )?tokens\b") if _PER_PARAMETER.match(text[f.end:])
                      and 1 < f.value < 10_000 and f.start > params[0].start), None)
        seen = next((t for t in toks if ratio is not None and t.start > ratio.end), None)
        if ratio is not None and seen is not None and not re.search(r"[.;!?]\s", text[ratio.end:seen.start]):
            out.append(judge("training_tokens", seen, ratio.value * n,
                             f"{fmt_num(ratio.value)} tokens a parameter × {fmt_num(n)} parameters", "tokens",
                             tolerance))
    # a card's FLOPs a second said outside any format's peak ("an A100 gives 312 GFLOPs"), when no time was
    # recomputed from it: the figure itself is flagged with the card's peak
    for f in rates:
        card = _card_peak(text, f) if f.start not in recomputed else None
        if card is not None and not k.card_peak_low <= f.value / card[1] <= k.card_peak_high:
            out.append(judge("card_flops", f, card[1], f"one {card[0]} peaks near {fmt_num(card[1] / 1e12)} "
                             "teraFLOPs a second (dense bf16)", "FLOP/s", tolerance, ok=False))
    if n and not train and re.search(r"\b(?:decod\w*|generat\w*|inference|forward pass|per token|one token|"
                                     r"(?:each|every|a single) (?:new |output )?token|tokens? (?:reply|replies|response|answer|completion|output))\b",
                                     text, _F):
        said: Fig | None = None         # the answer's own FLOPs per token
        for f in flops:
            if _PER_PARAMETER.match(text[f.end:f.end + 30]):
                continue        # "two FLOPs per parameter": the rule of thumb itself, not a token's total
            if f.start > params[0].start and (_PER_TOKEN.match(text[f.end:f.end + 30]) or
                                              re.search(r"\b(?:one|a|a single|each|every|per) (?:new |generated |output )?token\b", text[:f.start], _F)
                                              and not _after_token_count(text, params[0].start, f)):
                out.append(judge("decode_flops", f, k.decoding_flops * n,
                                 f"{fmt_num(k.decoding_flops)} × {fmt_num(n)} parameters per token", "FLOPs",
                                 RULE_OF_THUMB))
                said = f
                break
        out.extend(_decode_total(text, flops, params[0], k.decoding_flops * n, said, judge))
    # Adam
    if n and (named := re.search(r"\badam\w*", text, _F)) and not re.search(r"\b(?:8[- ]bit adam|lora|qlora|frozen)\b",
                                                                          text, _F):
        for q in storage:
            if q.has("per_item") or q.value <= 32:   # "16 bytes apiece", "each parameter costs sixteen bytes":
                continue                                # the per-parameter figure itself, not the total
            if q.start < named.start() and re.search(r"[,;.]|\b(?:and|so|then)\b", text[q.start + len(q.text):named.start()]):
                continue            # "in fp16, so twenty six gigabytes, and Adam ...": the weights, said before Adam
            if _DEVICE_AFTER.match(text, q.start + len(q.text)):
                continue            # "on an eighty gigabyte card": what it must fit in
            if q.start > params[0].start and not _PER_TOKEN.match(text[q.start + len(q.text):q.start + 40]):
                out.append(judge("adam_memory", q, k.adam_bytes * n, f"{fmt_num(n)} parameters × "
                                 f"{fmt_num(k.adam_bytes)} bytes (Adam, mixed precision)", "B", RULE_OF_THUMB))
                break
    if n and _ADAPTERS.search(text):
        out.extend(_adapter_memory(text, storage, params[0], k.adam_bytes, judge))
    out.extend(_gpus_for_memory(text, storage, judge))
    return [c for c in out if c is not None]


_WIDTH = r"\b(?:hidden size|hidden dimension|hidden width|model width|model dimension|d[_ ]model|width)"


_ATTENTION_HEADS = r"(?:attention |query )?heads\b"
_TIMES = re.compile(r"\s*(?:x|×|\*|times)\s*", _F)
_TIMES_BEFORE = re.compile(r"(?:\bx|×|\*|\btimes)\s*$", _F)


def _product_before(text: str, start: int, end: int) -> list[float]:
    """The factors of the last product said out loud between `start` and `end` ("2 x 40 x 40 x 5,120 x 2 bytes")."""
    nums = find_numbers(text[start:end])
    run: list[float] = []
    best: list[float] = []
    for a, b in zip(nums, nums[1:]):
        if _TIMES.fullmatch(text[start + a.end:start + b.start]):
            run = (run or [a.value]) + [b.value]
        else:
            run = []
        if len(run) >= 3:
            best = run
    return best


def _width_as_head_size(text: str, layers: Fig, storage: list[Quantity], judge: Callable[..., Check | None],
                        tolerance: float) -> list[Check | None]:
    """A cache per token worked out as 2 × layers × heads × a dimension × bytes where the dimension is the model's
    width, not one head's ("40 layers and 40 heads ... 2 x 40 x 40 x 5,120 x 2 bytes"): a head is 64 to 128 wide and
    the width is the heads × that, so the product counts every head once per head. The right figure divides the heads
    back out: 2 × layers × width × bytes."""
    k = napkin_constants()
    heads = _numbers_before(text, _ATTENTION_HEADS)
    if not heads or not k.head_dim_high:
        return []
    h = heads[0]
    for q in storage:
        if q.start < h.end or not _per_token(text, q) or _TIMES_BEFORE.search(text, max(0, q.start - 12), q.start):
            continue        # (the bytes a value, the product's last factor, is no result)
        factors = _product_before(text, min(h.start, layers.start), q.start)
        rest = list(factors)
        for v in (layers.value, h.value):
            if v not in rest:
                rest = []
                break
            rest.remove(v)
        wide = [d for d in rest if d > k.head_dim_high and k.head_dim_low <= d / h.value <= k.head_dim_high]
        if not wide:
            continue
        width = wide[0]
        nbytes = _bytes_near(text, h.start) or 2.0
        how = (f"2 × {fmt_num(layers.value)} layers × {fmt_num(width)} wide ({fmt_num(h.value)} heads × "
               f"{fmt_num(width / h.value)} each: {fmt_num(width)} is the model width, not one head's) × "
               f"{nbytes:g} bytes per token")
        return [judge("kv_cache", q, 2 * layers.value * width * nbytes, how, "B", tolerance)]
    return []


def _width_without_layers(text: str, storage: list[Quantity], judge: Callable[..., Check | None],
                          tolerance: float) -> list[Check | None]:
    """A cache per token worked out as keys and values × the model width × bytes ("two times the hidden size of
    6,144 times two bytes, about 24.6 KB") with no layer count said: every layer keeps its own keys and values."""
    per_layer = napkin_constants().width_per_layer
    widths = _after(text, _WIDTH)
    if not per_layer or not widths:
        return []
    width = widths[0]
    n_layers = max(1, round(width.value / per_layer))
    nbytes = _bytes_near(text, width.start) or 2.0
    no_layers = 2 * width.value * nbytes
    for q in storage:
        said_from = max(text.rfind(". ", 0, q.start), 0)
        per_token = _per_token(text, q) or re.search(r"\b(?:per|a|each|every|one) token\b", text[said_from:q.start], _F)
        if q.start > width.start and per_token and 1 / 1.3 <= q.value / no_layers <= 1.3:
            how = (f"2 × about {n_layers} layers (a width of {fmt_num(width.value)}; the layers were left out) × "
                   f"{fmt_num(width.value)} × {nbytes:g} bytes per token")
            return [judge("kv_cache", q, no_layers * n_layers, how, "B", tolerance)]
    return []


_ADAPTERS = re.compile(r"\b(?:q?lora|adapters?|frozen)\b", _F)
_ADAPTER_COUNT = r"(?:(?:lora|adapter|trainable)\s+)+(?:parameters|params|weights)\b"
_HALF = re.compile(r"\b(?:fp16|bf16|float16|bfloat16|half[- ]precision|(?:16|sixteen)[- ]bits?)\b", _F)
_INT8 = re.compile(r"\b(?:int8|fp8|(?:8|eight)[- ]bits?)\b", _F)
_INT4 = re.compile(r"\b(?:int4|nf4|fp4|(?:4|four)[- ]bits?|qlora)\b", _F)


def _adapter_memory(text: str, storage: list[Quantity], params: Quantity, adam: float,
                    judge: Callable[..., Check | None]) -> list[Check | None]:
    """Under LoRA only the adapters train: the frozen weights take their precision's bytes (2 in bf16) and Adam's
    ~16 bytes a parameter apply to the adapter parameters alone. A memory total said after LoRA is named that comes
    to Adam's bytes over every weight is the slip ("LoRA on the 7B model, sixteen bytes a parameter, 112 GB")."""
    start = _ADAPTERS.search(text)
    if start is None:
        return []
    weight_bytes = 0.5 if _INT4.search(text) else 1.0 if _INT8.search(text) else 2.0
    adapters = sum(f.value for f in _numbers_before(text, _ADAPTER_COUNT) if f.value < params.value)
    expected = params.value * weight_bytes + adapters * adam
    out: list[Check | None] = []
    for q in storage:
        if q.start < start.start() or q.start < params.start or q.value <= 32:
            continue
        full = params.value * adam
        if 1 / RULE_OF_THUMB <= q.value / full <= RULE_OF_THUMB and q.value > 3 * expected:
            how = (f"{fmt_num(params.value)} frozen weights × {weight_bytes:g} bytes" +
                   (f" + {fmt_num(adapters)} adapter parameters × {fmt_num(adam)} bytes (Adam)" if adapters else "") +
                   " (under LoRA only the adapters keep Adam's state)")
            out.append(judge("adam_memory", q, expected, how, "B", RULE_OF_THUMB))
            break
    return out


def _fleet_rate(rates: list[Fig], rate: Fig, g: Quantity | None, count: float, d: Quantity) -> Fig | None:
    """A FLOP rate said after the GPU count and one GPU's rate, between a fifth of and all of their product ("48 A100s
    at 312 teraflops, used at forty percent, deliver about 6e15 a second"), is what the fleet delivers: the time
    divides by it, not by the count times it again. A rate said after the count that no single GPU reaches is the
    fleet's too ("128 GPUs ... give 5.1e16 a second"), and so is one said at four or more times one GPU's rate when
    the count was not said as GPUs."""
    if g is None:       # the count not said as GPUs ("256 cards"): a later rate well above one GPU's is the fleet's
        return next((f for f in reversed(rates) if rate.start < f.start and f.end <= d.start
                     and f.value >= 4 * rate.value), None)
    later = [f for f in rates if f.start > rate.start and f.start > g.start and f.end <= d.start]
    fleet = next((f for f in reversed(later) if 0.2 <= f.value / (count * rate.value) <= 1.2), None)
    if fleet is not None:
        return fleet
    if rate.start > g.start and count > 1 and rate.value > ONE_GPU_MAX_FLOPS:
        return rate
    return None


ONE_GPU_MAX_FLOPS = 1e16    # above any single accelerator's dense rate today: a rate this high is a fleet's


@lru_cache(maxsize=1)
def _card_names() -> tuple[re.Pattern[str], dict[str, float]]:
    table = {name: flops for names, flops in napkin_constants().accelerator_flops for name in names}
    return re.compile(r"\b(" + "|".join(re.escape(n) for n in sorted(table, key=len, reverse=True)) + r")s?\b", _F), table


def _card_peak(text: str, rate: Fig) -> tuple[str, float] | None:
    """The card a FLOPs-a-second figure is said for, named shortly before it in its clause ("our 512 H100s give
    ...") or right after it ("per A100"), and that card's dense bf16 peak (rubrics/napkin_constants.toml)."""
    pattern, table = _card_names()
    if not table:
        return None
    lead = re.split(r"[.;!?]\s", text[max(0, rate.start - 60):rate.start])[-1]
    named = [m for m in pattern.finditer(lead)] or list(pattern.finditer(text[rate.end:rate.end + 25]))[:1]
    if not named or named[-1].end() <= len(lead) and find_numbers(lead[named[-1].end():]):
        return None     # "an A100 gives ..., so eight of them give 2.5 TFLOPs": a figure between, not one card's
    name = named[-1].group(1)
    return name.upper() if name[0].isalpha() and len(name) <= 5 else name, table[name.lower()]


def _utilisation(qs: list[Quantity], text: str, start: int, end: int) -> float:
    """The share of peak FLOPs the answer says the run gets ("at forty percent utilisation", "MFU of 40%"),
    said between the rate and the time; 1 when none is said."""
    for q in qs:
        if q.kind == "percent" and start < q.start < end and 0 < q.value <= 100 and (
                _UTILISATION.match(text[q.start + len(q.text):]) or
                re.search(r"\b(?:(?:utili[sz]ation|mfu|efficiency)\s+(?:of|at|is)|(?:running|run|runs|kept|working|"
                          r"operating|going|busy|used|using) at)\s+(?:about |roughly |around )?$",
                          text[max(0, q.start - 40):q.start], _F)):
            return q.value / 100
    return 1.0


_TOKEN_COUNT = r"[- ]?tokens?\b"


def _after_token_count(text: str, lo: int, f: Fig) -> bool:
    """The FLOPs said after a count of tokens ("a 500-token answer, that's roughly 13 teraflops") are that reply's
    total, not one token's, even when "per token" was said earlier for the rule of thumb."""
    return any(lo < t.start and t.end <= f.start and t.value >= 2 and not _PER_TOKEN.match(text[f.end:f.end + 30])
               and not re.search(r"\b(?:per|each|every|a single|one) (?:new |output )?token\b", text[t.end:f.start], _F)
               for t in _numbers_before(text, _TOKEN_COUNT))
_THEN = re.compile(r"^[^.;?!]*?\b(?:so|is|that's|that is|needs?|costs?|comes? to|takes?|means)\b[^.;?!]*$", _F)
_FOR_REPLY = re.compile(r"^[^.;?!]*?\b(?:to (?:write|generate|produce|decode|emit|answer|stream)|for|per)\b[^.;?!]*$", _F)
_HARDWARE = re.compile(r"\b(?:gpus?|cards?|[ah]100s?|accelerators?|chips?|peak|each|per gpu)\b", _F)


def _decode_total(text: str, flops: list[Fig], params: Quantity, per_token: float, said: Fig | None,
                  judge: Callable[..., Check | None]) -> list[Check | None]:
    """A reply's or a stream's decoding compute: tokens x 2 x parameters ("a 500 token reply is about 7e12 FLOPs",
    "5,000 tokens a second needs 1.3e14 FLOPs a second"). A total that follows from the answer's own FLOPs per
    token is left alone (a slip there is flagged once, at that step); one that does not is flagged with the right
    figure."""
    out: list[Check | None] = []
    for t in _numbers_before(text, _TOKEN_COUNT):
        if t.value < 2 or t.start < params.start:
            continue
        f = next((f for f in flops if f.start > t.end and not _PER_TOKEN.match(text[f.end:f.end + 30])), None)
        if f is None or f is said or not _THEN.match(text[t.end:f.start]) or _HARDWARE.search(text[t.end:f.start]):
            # the total said first, then what it is for: "so 1.6e10 FLOPs, to write a whole four hundred token reply"
            f = next((f for f in reversed(flops) if params.start < f.start < t.start and f is not said
                      and _FOR_REPLY.match(text[f.end:t.start]) and not find_numbers(text[f.end:t.start])), None)
            if f is None:
                continue
        if said is not None and said.value != per_token and \
                1 / RULE_OF_THUMB <= f.value / (said.value * t.value) <= RULE_OF_THUMB:
            continue
        rate = " a second" if _PER_SECOND.match(text[t.end:t.end + 30].split("token", 1)[-1].lstrip("s")) else ""
        out.append(judge("decode_flops", f, per_token * t.value,
                         f"{fmt_num(t.value)} tokens{rate} × {human(per_token, 'FLOPs')} per token (2 × parameters)",
                         "FLOPs", RULE_OF_THUMB))
    return out


_PER_SEQ = re.compile(r"^\s*(?:of cache\s+)?(?:per|a|each|for (?:one|each|a|every))\s+(?:conversation|sequence|request|"
                      r"user|chat|session|prompt|stream)\b", _F)


_ONE_SEQ = re.compile(r"\b(?:a|one|each|every|a single)\s+(?:conversation|sequence|request|chat|session|prompt|context)"
                      r"\s+(?:of|with|at)\s+(?:about\s+|roughly\s+)?$", _F)      # "a chat of 8,000 tokens needs ..."


# A cache figure said as one sequence's ("about 0.8 megabytes for the conversation", "per request", "for a whole chat")
_WHOLE_SEQ = re.compile(r"^\s*(?:of cache\s+)?(?:per|for|of|in)\s+(?:the|a|one|each|every|a single)?\s*(?:whole\s+|entire\s+|"
                        r"full\s+)?(?:conversation|sequence|request|chat|session|prompt|context)\b", _F)
_TOKEN_RATE = re.compile(r"^\s*(?:a|per|each|every) (?:second|sec)\b|^\s*/\s*s\b", _F)
CONTEXT_TOKENS = (256, 2_000_000)          # a context length said in tokens: from a short prompt to the longest windows


def _token_product_as_sequence(text: str, storage: list[Quantity], after: int, per_token: float, how: str,
                               judge: Callable[..., Check | None], tolerance: float) -> list[Check | None]:
    """The architecture's product (2 x layers x width x bytes) is the cache of one token; said as the cache of a whole
    conversation ("... times two bytes, about 0.8 megabytes for the conversation") while the answer gives the context
    ("conversations capped at four thousand tokens"), the token count was left out: one sequence holds that many
    times more. Checked against per token x the context said nearest to it."""
    ctx = [c for c in _numbers_before(text, r"(?:tokens? (?:of )?context|context|tokens|-token)\b")
           if CONTEXT_TOKENS[0] <= c.value <= CONTEXT_TOKENS[1] and not _TOKEN_RATE.match(text[c.end:c.end + 20])]
    if not ctx:
        return []
    for q in storage:
        if q.start > after and not _per_token(text, q) and 1 / 1.3 <= q.value / per_token <= 1.3 \
                and _WHOLE_SEQ.match(text[q.start + len(q.text):q.start + len(q.text) + 40]):
            c = min(ctx, key=lambda c: abs(c.start - q.start))
            return [judge("kv_cache", q, per_token * c.value,
                          f"{how} per token × {fmt_num(c.value)} tokens in one sequence", "B", tolerance)]
    return []


def _per_sequence(text: str, storage: list[Quantity], stated_pt: list[Quantity], per_token: float, ctx: list[Fig],
                  seqs: list[Fig], judge: Callable[..., Check | None], tolerance: float,
                  rule: str = "kv_tokens") -> list[Check | None]:
    """The cache of one sequence (context tokens x bytes per token: "1,500 tokens at half a megabyte a token
    is ten megabytes per conversation"), and of many sequences said after it ("so 3,000 conversations need
    thirty gigabytes"): each checked from the candidate's own per-token figure."""
    out: list[Check | None] = []
    first = min(q.start for q in stated_pt) if stated_pt else 0
    # "... a conversation of 2,000 tokens is 1.6 GB, and three thousand of them is 4.8 TB": those sequences too
    seqs = sorted(seqs + _numbers_before(text, r"of (?:them|those|these)\b"), key=lambda f: f.start)
    judged: set[int] = set()        # the sequences and contexts whose figure was judged: later figures are other steps
    for q in storage:
        if q in stated_pt or q.start < first or _DEVICE_AFTER.match(text, q.start + len(q.text)):
            continue            # (a device's memory, "on an eighty gigabyte card", is what the cache must fit in)
        # the chain follows the per-token figure said last before it ("4 bytes of text per token" for the corpus,
        # then "131 KB per token" of cache: a context's cache is the second)
        per_token = next((p.value for p in reversed(stated_pt) if p.start < q.start), per_token)
        c = max((c for c in ctx if c.start < q.start and q.start - c.start < 300), key=lambda c: c.start, default=None)
        if c is None:
            continue
        s = next((s for s in reversed(seqs) if c.start < s.start < q.start and q.start - s.start < 120), None)
        if s is None:       # the count said with the context it holds: "sixteen sequences of four thousand tokens"
            s = next((s for s in seqs if s.end <= c.start and _SEQS_OF.fullmatch(text[s.end:c.start])), None)
        if s is None and (_PER_SEQ.match(text[q.start + len(q.text):q.start + len(q.text) + 30]) or
                          _ONE_SEQ.search(text[max(0, c.start - 40):c.start])):
            if c.start in judged:
                continue                # the one sequence's cache was said already: this figure is another step
            judged.add(c.start)
            out.append(judge(rule, q, per_token * c.value,
                             f"{fmt_num(c.value)} tokens × {human(per_token, 'B')} per token", "B", tolerance))
        elif s is not None and s.start not in judged and _FITS_IN.search(text[s.end:q.start]) \
                and q.value < per_token * c.value * s.value:
            # "a batch of thirty-two sequences fits in 2.6 GB": a bound on their cache, wrong when the cache is more
            judged.add(s.start)
            out.append(judge(rule, q, per_token * c.value * s.value,
                             f"{fmt_num(s.value)} sequences × {fmt_num(c.value)} tokens × {human(per_token, 'B')} per token",
                             "B", tolerance))
        elif s is not None and s.start not in judged and (
                re.search(r"\bcache|\bneed|\bmemory", text[s.start:q.start + len(q.text) + 40], _F)
                or re.search(r"\bof (?:them|those|these)$", s.text, _F)
                # the figure said as the sequences' product ("with thirty two sequences in a batch that's sixty four
                # gigabytes"), the chain's own next step
                or _PRODUCT_NEXT.fullmatch(text[s.end:q.start])):
            judged.add(s.start)
            out.append(judge(rule, q, per_token * c.value * s.value,
                             f"{fmt_num(s.value)} sequences × {fmt_num(c.value)} tokens × {human(per_token, 'B')} per token",
                             "B", tolerance))
    return out


_FITS_IN = re.compile(r"\bfits?\s+(?:in|into|within)\s+(?:about |roughly |around |under |just )?$", _F)
_SEQS_OF = re.compile(r"\s+(?:of|with|holding)\s+(?:about |roughly |around )?", _F)   # after "sixteen sequences"


# the devices a memory figure can belong to ("80 gigabyte cards", "A100s with eighty gigabytes")
DEVICES = r"(?:gpus?|cards?|a100s?|h100s?|h200s?|l4s?|l40s?|t4s?|v100s?|accelerators?|tpus?)"
_DEVICE_AFTER = re.compile(r"\s*(?:" + DEVICES + r")\b", _F)
_PRODUCT_NEXT = re.compile(r"[^.;,]{0,30}?\b(?:that's|that is|is|comes to|gives|makes)\s+(?:about |roughly |around |some )?",
                           _F)
_GPU_MEM = re.compile(r"^\s*(?:gb|gigabytes?|gigs?)\s*" + DEVICES + r"\b", _F)
_COUNT_BEFORE = re.compile(r"(?:^|\W)(?P<n>[\w,.-]+)\s+(?:of (?:our|the|these|those)\s+)?(?:x\s+|×\s*)?$", _F)
_SINGLE = re.compile(r"\b(?:a single|one)\s+$", _F)
_COUNT_AFTER = re.compile(r"^[^.;]{0,40}?\b(?P<n>[\w,.-]+(?:[- ][a-z]+)?)\s+(?:gpus|cards|of them|accelerators)\b", _F)


def _gpu_count(text: str, at: int, end: int, per_gb: float) -> tuple[float, str] | None:
    """How many GPUs the answer puts a replica on, said with the memory per GPU: "three 80 gigabyte GPUs",
    "three of our 80 gigabyte cards", "a single 80 gigabyte GPU", "with 80 gigabyte GPUs that's four GPUs"."""
    before = text[max(0, at - 30):at]
    m = _COUNT_BEFORE.search(before)
    nums = find_numbers(m.group("n")) if m else []
    if nums and nums[-1].value != per_gb and nums[-1].value < 1000:
        more = re.search(r"\b(?:more than|over|above)\s+\S+\s+(?:of (?:our|the|these|those)\s+)?$", before, _F)
        if more:                                          # "more than one 80 GB card": two at least
            return nums[-1].value + 1, re.sub(r"\s+of \w+$", "", more.group(0).strip())
        return nums[-1].value, nums[-1].text
    if single := _SINGLE.search(before):
        return 1.0, single.group(0).strip()
    m = _COUNT_AFTER.match(text[end:end + 60])
    nums = find_numbers(m.group("n")) if m else []
    if nums and nums[-1].value < 1000:
        return nums[-1].value, nums[-1].text
    return None


# the count said as what the memory does not fit on: "they cannot fit on one 80 GB GPU", "too big for a single card"
_DOES_NOT_FIT = re.compile(r"\b(?:can'?t|cannot|can not|won'?t|will not|doesn'?t|does not|don'?t|do not|wouldn'?t|"
                           r"would not)\s+(?:\w+\s+){0,2}?(?:fit|go|sit)\s+(?:on|in|into|onto)\s+(?:just\s+|even\s+)?"
                           r"(?:a single\s+|[\w,.-]+\s+)?$|\btoo (?:big|large) (?:for|to fit on)\s+(?:just\s+|even\s+)?"
                           r"(?:a single\s+|[\w,.-]+\s+)?$", _F)


# memory said as more on top of the figure before it: "and the KV cache takes another 250 GB", "plus 30 GB of
# activations"
_ADDED = re.compile(r"\b(?:another|plus|an extra|a further|on top of (?:that|this|it),?)\s+"
                    r"(?:about |roughly |around )?$", _F)


def _with_added(text: str, storage: list[Quantity], mem: Quantity) -> Quantity:
    """The memory a replica needs: a figure said as more on top of the one before it adds to it."""
    if not _ADDED.search(text[max(0, mem.start - 30):mem.start]):
        return mem
    prev = next((q for q in reversed(storage) if q.start < mem.start and mem.sentence - q.sentence <= 1), None)
    if prev is None:
        return mem
    return dataclasses.replace(mem, value=prev.value + mem.value, text=f"{prev.text} + {mem.text}")


def _gpus_for_memory(text: str, storage: list[Quantity], judge: Callable[..., Check | None]) -> list[Check | None]:
    out: list[Check | None] = []
    for span in find_numbers(text):
        m = _GPU_MEM.match(text[span.end:span.end + 30])
        if m is None:
            continue
        per = span.value * 1e9
        mem = next((q for q in reversed(storage) if q.start < span.start and q.value > per * 0.5
                    and span.start - q.start < 160), None)
        if mem is None:
            continue
        mem = _with_added(text, storage, mem)
        said = _gpu_count(text, span.start, span.end + m.end(), span.value)
        if said is None:
            continue
        n, count_text = said
        need = mem.value / per
        if _DOES_NOT_FIT.search(text[max(0, span.start - 60):span.start]):
            if need > n:
                continue      # "cannot fit on one 80 gigabyte GPU": the count it does not fit on, said right
            how = f"{human(mem.value, 'B')} ÷ {human(per, 'B')} per GPU (it fits)"
            fake = Quantity(text=count_text, value=n, unit="GPUs", kind="compute", raw=n, start=span.start)
            out.append(judge("gpus_for_memory", fake, float(math.ceil(need - 1e-9)), how, "GPUs", 0.0, ok=False))
            continue
        fake = Quantity(text=count_text, value=n, unit="GPUs", kind="compute", raw=n, start=span.start)
        how = f"{human(mem.value, 'B')} ÷ {human(per, 'B')} per GPU"
        expected = float(math.ceil(need - 1e-9))
        out.append(judge("gpus_for_memory", fake, expected, how, "GPUs", 0.0,
                         ok=n >= need * 0.95 and n <= 2.5 * expected))
    return out
