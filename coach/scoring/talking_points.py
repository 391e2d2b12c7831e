"""Talking-point coverage: which of the question's points the answer touched, with the quote.

A point is covered when one of its keywords (or a synonym) appears in a
sentence, matched on light stems so "monitoring" finds "monitor"; or when at
least half (and at least two) of the point's own distinctive words appear in
one sentence.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from coach.domain import Question
from coach.scoring.text import STOPWORDS, Sentence, stem, words

# A few synonyms spoken answers use for the words question banks use.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "latency": ("response time", "p99", "p95", "tail latency", "milliseconds"),
    "rollback": ("roll back", "revert", "rolling back"),
    "monitor": ("dashboard", "observability", "tracking"),
    "experiment": ("a/b", "ab test", "a b test", "interleaving", "online test"),
    "cache": ("caching", "memoize", "redis", "memcached"),
    "drift": ("distribution shift", "data shift", "skew", "psi"),
    "retrain": ("retraining", "refresh the model", "fine-tune"),
    "throughput": ("qps", "rps", "requests per second"),
    "precision": ("false positive",),
    "recall": ("false negative",),
    "shard": ("partition", "split across"),
    "quantization": ("int8", "fp16", "quantize", "product quantization"),
    "calibration": ("calibrate", "platt", "isotonic"),
    "embedding": ("vector", "two tower", "embeddings"),
    "cost": ("dollars", "budget", "$", "cheaper"),
}
_GENERIC = frozenset(stem(w) for w in (
    "model models data system systems use using way good better work make approach need needs handle "
    "check look like time user users based right level point points question answer clear").split())


@dataclass(frozen=True)
class PointHit:
    point: str
    evidence: str = ""      # the sentence that covers it
    matched: str = ""       # the keyword or words that matched

    def to_dict(self) -> dict[str, Any]:
        return {"point": self.point, "evidence": self.evidence, "matched": self.matched}

    @classmethod
    def from_dict(cls, d: dict[str, Any] | str) -> "PointHit":
        if isinstance(d, str):
            return cls(d)
        return cls(str(d.get("point", "")), str(d.get("evidence", "")), str(d.get("matched", "")))


@dataclass(frozen=True)
class PointsReport:
    covered: tuple[PointHit, ...] = ()
    missed: tuple[PointHit, ...] = ()
    score: float | None = None       # 0-5; None when the question has no talking points

    @property
    def total(self) -> int:
        return len(self.covered) + len(self.missed)

    def to_dict(self) -> dict[str, Any]:
        return {"covered": [p.to_dict() for p in self.covered], "missed": [p.to_dict() for p in self.missed],
                "total": self.total, "score": self.score}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "PointsReport":
        return cls(tuple(PointHit.from_dict(p) for p in d.get("covered") or ()),
                   tuple(PointHit.from_dict(p) for p in d.get("missed") or ()),
                   None if d.get("score") is None else float(d["score"]))


def _stems(text: str) -> list[str]:
    return [stem(w) for w in words(text.replace("-", " ").replace("/", " "))]


def _phrase_in(phrase: list[str], tokens: list[str]) -> bool:
    n = len(phrase)
    if not n:
        return False
    if n == 1:
        return phrase[0] in tokens
    return any(tokens[i:i + n] == phrase for i in range(len(tokens) - n + 1))


def _alternatives(keyword: str) -> list[str]:
    key = keyword.lower().strip()
    alts = [key]
    for head, syns in SYNONYMS.items():
        if stem(key) == stem(head) or key in syns:
            alts.extend((head,) + syns)    # each group is a set of words for the same thing
    return alts


def coverage(question: Question | None, sents: list[Sentence]) -> PointsReport:
    if question is None or not question.talking_points:
        return PointsReport()
    sent_tokens = [(s, _stems(s.text)) for s in sents]
    covered: list[PointHit] = []
    missed: list[PointHit] = []
    for i, point in enumerate(question.talking_points):
        keywords = list(question.keywords[i]) if i < len(question.keywords) else []
        hit = _by_keywords(point, keywords, sent_tokens) or _by_point_words(point, sent_tokens)
        (covered if hit else missed).append(hit or PointHit(point))
    score = round(5.0 * len(covered) / (len(covered) + len(missed)), 2)
    return PointsReport(tuple(covered), tuple(missed), score)


def _by_keywords(point: str, keywords: list[str], sent_tokens: list[tuple[Sentence, list[str]]]) -> PointHit | None:
    for kw in keywords:
        for alt in _alternatives(kw):
            phrase = _stems(alt)
            if alt == "$":
                phrase = []
            for s, toks in sent_tokens:
                if (phrase and _phrase_in(phrase, toks)) or (alt == "$" and "$" in s.text):
                    return PointHit(point, s.text, alt)
    return None


def _by_point_words(point: str, sent_tokens: list[tuple[Sentence, list[str]]]) -> PointHit | None:
    distinct = {stem(w) for w in words(point) if w not in STOPWORDS and len(w) > 2} - _GENERIC
    if len(distinct) < 2:
        return None
    need = max(2, (len(distinct) + 1) // 2)
    for s, toks in sent_tokens:
        found = distinct & set(toks)
        if len(found) >= need:
            return PointHit(point, s.text, ", ".join(sorted(found)))
    return None
