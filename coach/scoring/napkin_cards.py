"""Napkin math: what one card holds.

  replica_memory   under plain data parallel (DDP) every GPU keeps a full copy of the weights, gradients and
                   optimiser state; only the batch is split. A memory said per GPU that is the whole ÷ the GPUs
                   ("112 GB, and with DDP over eight GPUs each carries an eighth, 14 GB") is judged against the whole.
                   Not when the answer names a scheme that splits the state (ZeRO, FSDP, tensor or pipeline parallel).
  gpus_for_memory  a named card said to hold a memory ("one H100 holds it") is judged with that card's memory
                   (rubrics/napkin_constants.toml): a node's 640 GB is not one card's. Only when the answer gives no
                   memory per card of its own ("80 GB GPUs": the check in napkin_llm.py).
"""
from __future__ import annotations

import math
import re
from collections.abc import Callable
from functools import lru_cache

from coach.content.napkin_constants import napkin_constants
from coach.scoring.napkin_judge import Check
from coach.scoring.numbers import find_numbers
from coach.scoring.sizing import Quantity
from coach.scoring.text import fmt_num, human, phrase_pattern

_F = re.IGNORECASE
_DEVICE = r"(?:gpus?|cards?|devices?|ranks?|replicas?|workers?|accelerators?)"


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], dict[str, float]]:
    k = napkin_constants()
    cards = {name: mem for names, mem in k.accelerators for name in names}
    return phrase_pattern(k.replicated), phrase_pattern(k.split), phrase_pattern(cards, plural=True), cards


_HOLD_WORDS = (" hold", " fit", " store", " take", " enough")     # what _HOLDS needs


_DEVICE_HINTS = ("gpu", "card", "accelerator")


def _hold_claims(text: str, low: str) -> list[re.Match[str]]:
    """_HOLDS's matches, tried only around the verbs it needs (a search of the whole answer is slow)."""
    found: dict[int, re.Match[str]] = {}
    cards = _patterns()[3]
    for word in _HOLD_WORDS:
        i = low.find(word)
        while i >= 0:
            near = low[max(0, i - 40):i + 60]
            m = _HOLDS.search(text, max(0, i - 40), i + 60) if any(d in near for d in _DEVICE_HINTS) or any(
                name in near for name in cards) else None
            if m is not None:
                found.setdefault(m.start(), m)
            i = low.find(word, i + 1)
    return [found[k] for k in sorted(found)]


def check(qs: list[Quantity], text: str, judge: Callable[..., Check | None]) -> list[Check | None]:
    low = text.lower()
    return _replicated(qs, text, low, judge) + _card_holds(qs, text, low, judge)


# a figure said for one device: "each card carries an eighth of that, 14 GB", "14 GB on each GPU"
_EACH_BEFORE = re.compile(rf"\b(?:each|every|per|a single|one)\s+{_DEVICE}\b[^.;:]{{0,45}}$", _F)
_EACH_AFTER = re.compile(rf"\s*(?:a|per|each|on each|for each|on every|on one)\s+{_DEVICE}\b", _F)


def _replicated(qs: list[Quantity], text: str, low: str, judge: Callable[..., Check | None]) -> list[Check | None]:
    if not any(w in low for w in napkin_constants().replicated):
        return []           # (cheap to rule out: this runs on every answer)
    if any(w in low for w in napkin_constants().split):
        return []           # a scheme that splits the state is named (a word inside another counts too: rather none)
    replicated, _, _, _ = _patterns()
    if not replicated.search(text):
        return []
    out: list[Check | None] = []
    for k, share in enumerate(qs):
        if share.kind != "storage" or share.has("rate") or share.has("per_param") or share.has("per_item"):
            continue
        if not (_EACH_BEFORE.search(text, max(0, share.start - 80), share.start)
                or _EACH_AFTER.match(text, share.start + len(share.text))):
            continue
        totals = [t for t in qs[:k] if t.kind == "storage" and not t.has("rate") and not t.has("per_param")
                  and not t.has("per_item") and share.sentence - t.sentence <= 1 and t.value > share.value]
        if not totals:
            continue
        total = max(totals, key=lambda t: t.value)
        gpus = [g for g in qs[:k] if g.start > total.start and g.kind == "compute" and g.value >= 2
                and g.unit in ("GPUs", "cards", "accelerators", "TPUs")]
        if not gpus or not replicated.search(text, max(0, total.start - 120), share.start):
            continue
        n = gpus[0].value
        if not 1 / 1.5 <= share.value / (total.value / n) <= 1.5:
            continue       # not the whole split n ways: some other memory (activations, a batch)
        how = f"each of the {fmt_num(n)} GPUs keeps the whole {human(total.value, 'B')} (plain data parallel copies it; " \
              f"only ZeRO or FSDP would split it)"
        out.append(judge("replica_memory", share, total.value, how, [], unit="B", tol=1.5))
    return out


# a count of cards said to hold a memory: "one GPU holds it", "a single H100 can hold the weights", "fits on one A100"
_HOLDS = re.compile(r"\b(?P<n>one|a single|a|an|two|three|four|five|six|seven|eight|\d+)\s+(?P<dev>[\w-]+)\s+"
                    r"(?:alone\s+|by itself\s+)?(?:can\s+|will\s+|would\s+|could\s+)?(?:holds?|fits?|stores?|"
                    r"takes?|is enough for|are enough for)\s+(?:it|them|that|all of it|everything|the model|the weights)\b|"
                    r"\bfits?\s+(?:it\s+|them\s+)?(?:on|onto|in|into)\s+(?P<n2>one|a single|an?|two|three|four|\d+)\s+"
                    r"(?P<dev2>[\w-]+)", _F)
# a memory said as what a machine has, not what is to be held: "an H100 box has 640 GB", "a node with 1.1 TB"
_HAS = re.compile(r"\b(?:has|have|with|offers?|gives?|provides?)\s+(?:about\s+|roughly\s+|around\s+|some\s+)?$", _F)
_OF_MEMORY = re.compile(r"\s+of\s+(?:gpu\s+|hbm\s+|total\s+)?(?:memory|hbm|vram|ram)\b", _F)
_PER_CARD_SAID = re.compile(r"\b\d+(?:\.\d+)?\s*(?:gb|gigabytes?|gigs?)\s*(?:[\w-]+\s+)?(?:gpus?|cards?|"
                            r"accelerators?)\b|\b(?:gb|gigabytes?) (?:per|a|each) (?:gpu|card)\b", _F)


def _card_holds(qs: list[Quantity], text: str, low: str, judge: Callable[..., Check | None]) -> list[Check | None]:
    claims = _hold_claims(text, low)
    if not claims:
        return []           # (cheap to rule out: no card said to hold or fit anything)
    _, _, names, cards = _patterns()
    if not any(name in low for name in cards):
        return []
    named = [m for m in names.finditer(text)]
    if not named or _PER_CARD_SAID.search(text):
        return []
    per = max(cards[_name(m.group(0), cards)] for m in named)
    card = _name(max((m.group(0) for m in named), key=lambda w: cards[_name(w, cards)]), cards).upper()
    out: list[Check | None] = []
    for m in claims:
        dev = (m.group("dev") or m.group("dev2") or "").lower()
        if not (re.fullmatch(r"gpus?|cards?|accelerators?", dev) or names.fullmatch(dev)):
            continue
        said = (m.group("n") or m.group("n2") or "").lower()
        nums = find_numbers(said)
        n = 1.0 if said in ("a", "an", "a single", "one") else (nums[0].value if nums else 0.0)
        if n < 1:
            continue
        sent_start = max(text.rfind(". ", 0, m.start()), 0)
        prev_start = max(text.rfind(". ", 0, sent_start), 0)
        held = [q for q in qs if prev_start <= q.start < m.start() and q.kind in ("storage", "memory")
                and not q.has("rate") and not q.has("per_param") and not q.has("per_item")
                and not _HAS.search(text, max(0, q.start - 30), q.start)
                and not _OF_MEMORY.match(text, q.start + len(q.text))]
        if not held:
            continue
        mem = held[-1]
        need = mem.value / per
        expected = float(math.ceil(need - 1e-9))
        fake = Quantity(text=m.group(0).strip(), value=n, unit="GPUs", kind="compute", raw=n, start=m.start())
        fits = n >= need * 0.95
        how = f"{human(mem.value, 'B')} ÷ {human(per, 'B')} on one {card}" + (
            "" if fits else " (a card holds its own memory, not its node's)")
        out.append(judge("gpus_for_memory", fake, expected, how, [], unit="GPUs", tol=1.5, ok=fits))
    return out


def _name(said: str, cards: dict[str, float]) -> str:
    low = re.sub(r"[\s-]+", " ", said.lower())
    return low if low in cards else low[:-1] if low[:-1] in cards else next(iter(cards))
