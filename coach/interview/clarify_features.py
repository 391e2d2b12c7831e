"""A second opinion on whether a turn asks for a fact of the problem: a logistic score over a few
dozen structural features, the weights DATA (`rubrics/clarify_weights.toml`, fitted by
`python -m coach.eval.clarify_loso --write` on the labelled sets).

The features are the request act (a question mark, a question word or inverted auxiliary, "you" and
"we", a modal ask such as "can I assume" or "walk me through", an unknown quantity of the problem)
against its look-alikes (a question given its own answer, a stated assumption, the candidate's own
plan, a design question, a check-in, a number already said). The rules decide; this only adds a turn
the rules missed when it is confident (leave-one-set-out: no false positive added on any set).
"""
from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from coach import paths
from coach.content.check import read_toml

_FILL = r"(?:(?:so|um|uh|okay|ok|right|and|sorry|oh|well|quick one|first thing|just|hmm|yeah)[ ,:]+)*"
_WH = r"(?:how|what|what's|whats|which|who|whom|where|when|whether|why)"
_AUX = r"(?:is|are|am|was|were|do|does|did|can|could|would|will|should|shall|has|have|had|may|might)"
_ASK = ("tell me", "walk me through", "give me", "remind me", "help me", "fill me in", "i'd want to know",
        "i'd like to know", "i want to know", "i need to know", "i'd love", "i'm curious", "curious",
        "do you know", "do you happen", "can i assume", "is it safe to", "can we assume", "am i right",
        "correct me", "i don't know", "i'm not sure", "not sure", "i'm missing", "don't know yet",
        "i can't work out", "point me", "any idea", "ballpark", "rough figure", "rough number", "sense of",
        "pin down", "to clarify", "clarify", "before the", "before i")
_QUANTITY = ("how many", "how much", "how long", "how fresh", "how fast", "how often", "how big", "how quickly",
             "how stale", "how old", "what share", "what fraction", "what percent", "per second", "per day",
             "peak", "volume", "latency", "budget", "spend", "labels", "label", "team", "headcount", "users",
             "data", "history", "traffic", "regions", "gpu", "gpus", "scale", "rate", "sla", "deadline",
             "on call", "who owns", "existing", "today", "already")
_SELF = ("it means", "it tells us", "the answer is", "because", "probably", "sure,", "yes,", "no,", "not for",
         "my answer", "honestly", "mostly", "later", "so i'd", "so we'd", "so i'll", "so i would", "so the next")
_ASSUME = ("i'll assume", "i will assume", "let's say", "let's assume", "i'm going to assume", "i'm assuming",
           "assuming", "say around", "i'd assume", "my guess")
_PLAN = ("i'd ", "i would", "my plan", "i'll ", "we'd ", "we would", "we'll ", "let's ", "i'm going to",
         "the scorer", "the model", "so there's", "i'd keep", "we precompute", "i need the", "we need the")
_META = ("time", "move on", "hint", "focus", "go deeper", "so far", "reasonable", "look ok", "sound ok",
         "makes sense", "go slower", "explained", "next", "whiteboard", "your call", "you have done",
         "would you have", "would you", "you'd like me", "from where you sit", "feel sensible")
_DESIGN = ("how do we", "how would we", "how would i", "how should we", "how about", "what if we", "why not",
           "could we", "wouldn't it", "should we", "what happens when", "what breaks", "what could go wrong",
           "is a ", "is it worth", "worth it")
_NUM = re.compile(r"\b(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|twenty|fifty|hundred|"
                  r"thousand|million|billion|percent|dozen)\b")


def _norm(text: str) -> str:
    return " " + re.sub(r"\s+", " ", text.lower().replace("\u2019", "'")).strip() + " "


def _any(low: str, phrases: Sequence[str]) -> bool:
    return any(p in low for p in phrases)


def features(text: str) -> dict[str, float]:
    """Named 0/1 features of one turn (a few are counts squashed to 0..1)."""
    low = _norm(text)
    words = low.split()
    body = re.sub(r"^ " + _FILL, " ", low)
    q_at = low.find("?")
    after_q = low[q_at + 1:].strip() if q_at >= 0 else ""
    first_clause = re.split(r"[?.!]", low)[0]
    return {
        "ends_qmark": float(low.rstrip().endswith("?")),
        "qmark_then_more": float(q_at >= 0 and len(after_q.split()) >= 3),
        "opens_wh": float(re.match(r" " + _WH + r"\b", body) is not None),
        "opens_aux": float(re.match(r" " + _AUX + r" (?:we|you|i|it|there|the|this|that|they|our|those)\b", body) is not None),
        "wh_inside": float(re.search(r"[,;] *" + _FILL + _WH + r"\b|[,;] *" + _FILL + _AUX + r" (?:it|we|you|there|the)\b", low) is not None),
        "you": float(re.search(r"\b(?:you|your)\b", low) is not None),
        "we": float(re.search(r"\b(?:we|our|us)\b", low) is not None),
        "ask_phrase": float(_any(low, _ASK)),
        "quantity": float(_any(low, _QUANTITY)),
        "quantity_first_clause": float(_any(first_clause, _QUANTITY)),
        "self_answer": float(_any(after_q, _SELF) or (q_at < 0 and _any(low, ("sure,", "yes,", "it tells us", "it means")))),
        "assume": float(_any(low, _ASSUME)),
        "assume_asked": float(_any(low, ("can i assume", "safe to assume", "safe to say", "fair to assume", "or is that", "correct me", "right?", "is that right"))),
        "plan": float(_any(low, _PLAN)),
        "design_q": float(_any(low, _DESIGN)),
        "meta": float(_any(low, _META)),
        "number": float(_NUM.search(low) is not None),
        "alternative": float(" or " in low),
        "tag": float(re.search(r"\b(?:right|yeah|isn't it|don't they|is it|correct)\s*\??\s*$", low) is not None),
        "long": min(1.0, len(words) / 40),
        "very_long": float(len(words) > 45),
        "sentences": min(1.0, len(re.findall(r"[.?!]", low)) / 4),
    }


FEATURES = tuple(features("x"))


def vector(text: str) -> list[float]:
    f = features(text)
    return [f[k] for k in FEATURES]


@dataclass(frozen=True)
class Weights:
    weights: Mapping[str, float]
    bias: float
    threshold: float       # the probability above which a turn the rules missed counts as asked
    max_words: int         # longer turns are design talk however they score


def probability(text: str, w: Weights) -> float:
    f = features(text)
    z = w.bias + sum(w.weights.get(k, 0.0) * v for k, v in f.items())
    return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))


def load_weights(path: Path | None = None) -> Weights:
    path = path or paths.rubrics_dir() / "clarify_weights.toml"
    data = read_toml(path, "clarifying weights")
    return Weights({k: float(v) for k, v in data["weights"].items()}, float(data["bias"]),
                   float(data["threshold"]), int(data["max_words"]))


@lru_cache(maxsize=1)
def default_weights() -> Weights:
    return load_weights()
