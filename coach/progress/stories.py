"""The story bank: answers grouped into the candidate's stories, and which senior signals they cover.

Stories the candidate named (`coach stories name`) are kept as named. Every other
story-round answer joins the most similar story when the TF-IDF cosine of its
content words to that story's centroid reaches a threshold, or starts a new
suggested story. Pure Python: a sparse dict per answer and an inverted index.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from coach.progress.history import Answer
from coach.progress.signals import Signal

# Rounds where answers are stories about the candidate's own work.
STORY_ROUNDS = frozenset({"behavioral", "cross-functional", "hiring-manager", "deep-dive", "recruiter"})
SIMILARITY = 0.3
MAX_DOCS = 1500           # unnamed answers considered (the latest ones); keeps big histories fast
TOP_TERMS = 30            # terms kept per answer vector

STOP_WORDS = frozenset("""
a about above after again against all also am an and any are around as at back be because been before
being below between both but by can could did do does doing done down during each even every few for
from further get got had has have having he her here hers him his how i if in into is it its itself
just know let like lot made make many me more most much my myself no nor not now of off on once one only
or other our ours out over own really right said same say see she should so some something such than
that the their them then there these they thing things think this those through to too under until
up us very want was way we well were what when where which while who whom why will with would yeah yes
you your um uh basically actually kind sort mean okay ok went going gone able ever still
""".split())
_WORD = re.compile(r"[a-z][a-z0-9'-]+")


@dataclass
class Story:
    key: str
    name: str
    named: bool                                   # the candidate named it (else a suggestion)
    turn_ids: list[int] = field(default_factory=list)
    named_ids: list[int] = field(default_factory=list)   # answers the candidate put in it by name
    question_ids: list[str] = field(default_factory=list)
    days: list[date] = field(default_factory=list)
    scores: list[float] = field(default_factory=list)
    signals: list[str] = field(default_factory=list)
    terms: tuple[str, ...] = ()
    # (session, question) per telling: a follow-up's answer is part of the telling it completes
    tellings: set[tuple[str, str]] = field(default_factory=set)

    @property
    def told(self) -> int:
        return len(self.tellings) or len(self.turn_ids)

    @property
    def best(self) -> float | None:
        return max(self.scores) if self.scores else None

    @property
    def last_day(self) -> date | None:
        return max(self.days) if self.days else None

    def as_dict(self) -> dict[str, object]:
        return {"name": self.name, "named": self.named, "told": self.told, "turn_ids": self.turn_ids,
                "named_turn_ids": self.named_ids, "question_ids": sorted(set(self.question_ids)),
                "first": min(self.days).isoformat() if self.days else None,
                "last": self.last_day.isoformat() if self.last_day else None,
                "best": self.best, "signals": self.signals, "terms": list(self.terms)}


@dataclass(frozen=True)
class Coverage:
    signal: Signal
    status: str                   # "rehearsed" (told twice or more), "told once" or "none"
    stories: tuple[str, ...]
    best: float | None


def tokenize(text: str) -> list[str]:
    """Lower-case content words, with a plural "s" trimmed."""
    out = []
    for word in _WORD.findall(text.lower()):
        word = word.strip("'-")
        if len(word) < 3 or word in STOP_WORDS:
            continue
        if len(word) > 4 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
            word = word[:-1]
        out.append(word)
    return out


def tfidf(docs: Sequence[Sequence[str]], max_df: float = 0.6, top: int = TOP_TERMS) -> list[dict[str, float]]:
    """Unit-length TF-IDF vectors of each document's `top` heaviest terms.

    Terms in more than `max_df` of the documents are dropped; keeping only the
    heaviest terms bounds the work per comparison and keeps what makes a story distinct.
    """
    n = len(docs)
    df: Counter[str] = Counter()
    for doc in docs:
        df.update(set(doc))
    idf = {t: math.log((1 + n) / (1 + c)) + 0.1 for t, c in df.items() if n < 4 or c / n <= max_df}
    vectors = []
    for doc in docs:
        counts = Counter(t for t in doc if t in idf)
        vec = {t: (1 + math.log(c)) * idf[t] for t, c in counts.items()}
        if len(vec) > top:
            vec = dict(sorted(vec.items(), key=lambda kv: (-kv[1], kv[0]))[:top])
        norm = math.sqrt(sum(w * w for w in vec.values())) or 1.0
        vectors.append({t: w / norm for t, w in vec.items()})
    return vectors


def cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    dot = sum(w * b.get(t, 0.0) for t, w in a.items())
    na = math.sqrt(sum(w * w for w in a.values()))
    nb = math.sqrt(sum(w * w for w in b.values()))
    return dot / (na * nb) if na and nb else 0.0


class _Groups:
    """Centroid sums with an inverted index, so each answer is compared only to stories sharing a word."""

    def __init__(self) -> None:
        self.sums: list[dict[str, float]] = []
        self.sq: list[float] = []
        self.postings: dict[str, list[int]] = {}

    def add(self, vec: Mapping[str, float], group: int | None = None) -> int:
        if group is None:
            self.sums.append({})
            self.sq.append(0.0)
            group = len(self.sums) - 1
        total = self.sums[group]
        for t, w in vec.items():
            if t not in total:
                total[t] = 0.0
                self.postings.setdefault(t, []).append(group)
            total[t] += w
        self.sq[group] = sum(w * w for w in total.values())
        return group

    def nearest(self, vec: Mapping[str, float]) -> tuple[int | None, float]:
        dots: dict[int, float] = {}
        for t, w in vec.items():
            for g in self.postings.get(t, ()):
                dots[g] = dots.get(g, 0.0) + w * self.sums[g][t]
        best, score = None, 0.0
        for g, dot in dots.items():
            sim = dot / math.sqrt(self.sq[g]) if self.sq[g] else 0.0
            if sim > score:
                best, score = g, sim
        return best, score


def group_stories(answers: Sequence[Answer], names: Mapping[int, str], signals: Sequence[Signal] = (),
                  threshold: float = SIMILARITY, max_docs: int = MAX_DOCS) -> list[Story]:
    """Group answers into stories: named ones first, then suggestions by similarity."""
    named = [a for a in answers if a.turn_id in names and a.text.strip()]
    unnamed = [a for a in answers if a.turn_id not in names and a.round in STORY_ROUNDS and a.text.strip()]
    unnamed = unnamed[-max_docs:]
    docs = named + unnamed
    vectors = tfidf([tokenize(a.text) for a in docs])
    groups, stories = _Groups(), []
    by_name: dict[str, int] = {}
    for answer, vec in zip(named, vectors):
        label = names[answer.turn_id].strip()
        index = by_name.get(label.lower())
        if index is None:
            index = by_name[label.lower()] = groups.add(vec)
            stories.append(Story(key=f"named:{label.lower()}", name=label, named=True))
        else:
            groups.add(vec, index)
        stories[index].named_ids.append(answer.turn_id)
        _attach(stories[index], answer)
    telling: dict[tuple[str, str], int] = {}       # a story's follow-up answers join it, however they are worded
    for answer, vec in zip(unnamed, vectors[len(named):]):
        if not vec:
            continue
        key = (answer.session_id, answer.question_id or f"turn {answer.turn_id}")
        if key in telling:
            index, sim = telling[key], 1.0
        else:
            index, sim = groups.nearest(vec)
        if index is None or sim < threshold:
            index = groups.add(vec)
            stories.append(Story(key=f"suggested:{index}", name="", named=False))
        else:
            groups.add(vec, index)
        telling[key] = index
        _attach(stories[index], answer)
    by_id = {a.turn_id: a for a in docs}
    for index, story in enumerate(stories):
        top = sorted(groups.sums[index].items(), key=lambda kv: (-kv[1], kv[0]))[:3]
        story.terms = tuple(t for t, _ in top)
        if not story.named:
            story.name = " / ".join(story.terms) or "untitled"
        members = [by_id[t] for t in story.turn_ids]
        story.signals = [s.id for s in signals if any(s.matches(a.question_id, a.text) for a in members)]
    stories.sort(key=lambda s: (not s.named, -s.told, -(s.last_day or date.min).toordinal(), s.name))
    return stories


def _attach(story: Story, answer: Answer) -> None:
    story.turn_ids.append(answer.turn_id)
    story.tellings.add((answer.session_id, answer.question_id or f"turn {answer.turn_id}"))
    if answer.question_id:
        story.question_ids.append(answer.question_id)
    story.days.append(answer.day)
    if answer.overall is not None:
        story.scores.append(answer.overall)


def signal_coverage(stories: Sequence[Story], signals: Sequence[Signal]) -> list[Coverage]:
    """For each signal: is there a story told at least twice, only once, or none?"""
    out = []
    for signal in signals:
        matching = [s for s in stories if signal.id in s.signals]
        most = max((s.told for s in matching), default=0)
        status = "rehearsed" if most >= 2 else ("told once" if most == 1 else "none")
        scores = [b for s in matching if (b := s.best) is not None]
        out.append(Coverage(signal, status, tuple(s.name for s in matching), max(scores) if scores else None))
    return out
