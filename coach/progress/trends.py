"""Trends over sessions: rubric dimensions, overall score, fillers, speaking rate, sizing accuracy, weeks.

Each trend is one point per session (the mean over that session's answers), in
time order. "First" and "last" are the means of the first and last few points,
so a single odd session does not decide whether the candidate improved.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from coach.domain import DIMENSION_IDS
from coach.interview.question_card import session_overall
from coach.progress.history import Answer, History, final_answers
from coach.progress.labels import dimension_label

# How far the last points must move from the first ones before a trend counts as a change.
THRESHOLDS = {"score": 0.25, "fillers": 0.5, "wpm": 5.0}
COMFORTABLE_WPM = (120.0, 170.0)


@dataclass(frozen=True)
class Point:
    session_id: str
    day: date
    value: float


@dataclass(frozen=True)
class Trend:
    id: str
    name: str
    points: tuple[Point, ...]
    samples: int                  # answers behind the points
    better: str = "higher"        # "higher", "lower" or "none"
    threshold: float = THRESHOLDS["score"]

    @property
    def window(self) -> int:
        return max(1, min(10, len(self.points) // 3))

    @property
    def first(self) -> float | None:
        return _mean([p.value for p in self.points[: self.window]])

    @property
    def last(self) -> float | None:
        return _mean([p.value for p in self.points[-self.window:]])

    @property
    def mean(self) -> float | None:
        return _mean([p.value for p in self.points])

    @property
    def change(self) -> float | None:
        if len(self.points) < 2 or self.first is None or self.last is None:
            return None
        return self.last - self.first

    @property
    def verdict(self) -> str:
        change = self.change
        if change is None:
            return "too little data"
        if abs(change) < self.threshold:
            return "steady"
        if self.better == "none":
            return "faster" if change > 0 else "slower"
        up_is_good = self.better == "higher"
        return "improving" if (change > 0) == up_is_good else "slipping"


@dataclass(frozen=True)
class SizingStats:
    ok: int
    total: int
    weekly: tuple[tuple[date, int, int], ...]       # (week start, ok, total)
    failures: tuple[tuple[date, str, str], ...]     # latest failed checks: (day, question id, message)

    @property
    def rate(self) -> float | None:
        return self.ok / self.total if self.total else None


@dataclass(frozen=True)
class WeekLog:
    start: date                                     # the Monday
    sessions: int
    answers: int
    rounds: tuple[tuple[str, int], ...]             # answers per round, most first
    questions: tuple[str, ...]                      # distinct question ids, first asked first
    minutes: float                                  # recorded answer time
    mean_overall: float | None                      # the mean of the week's session scores
    patterns: tuple[str, ...] = ()                  # what the week's answers kept missing, most often first


def _mean(values: Sequence[float]) -> float | None:
    return sum(values) / len(values) if values else None


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _per_session(answers: Sequence[Answer], value: Callable[[Answer], float | None]) -> tuple[list[Point], int]:
    groups: dict[str, list[float]] = {}
    days: dict[str, date] = {}
    for a in answers:
        v = value(a)
        if v is None:
            continue
        groups.setdefault(a.session_id, []).append(v)
        days.setdefault(a.session_id, a.day)
    points = [Point(sid, days[sid], sum(vs) / len(vs)) for sid, vs in groups.items()]
    return points, sum(len(vs) for vs in groups.values())


def _trend(tid: str, name: str, answers: Sequence[Answer], value: Callable[[Answer], float | None],
           better: str = "higher", kind: str = "score") -> Trend:
    points, samples = _per_session(answers, value)
    return Trend(tid, name, tuple(points), samples, better, THRESHOLDS[kind])


def dimension_trends(answers: Sequence[Answer], names: Mapping[str, str] | None = None) -> list[Trend]:
    """One trend per rubric dimension that appears in the answers, in DIMENSION_IDS order; `names` gives a
    round's rubric wording for its dimension ids (the generic phrase otherwise)."""
    present = {d.id for a in answers for d in a.dimensions}
    order = [d for d in DIMENSION_IDS if d in present] + sorted(present - set(DIMENSION_IDS))

    def score_of(dim_id: str) -> Callable[[Answer], float | None]:
        return lambda a: (d.score if (d := a.dimension(dim_id)) else None)

    return [_trend(d, (names or {}).get(d) or dimension_label(d), answers, score_of(d)) for d in order]


@dataclass(frozen=True)
class RoundTrends:
    """One round's scores over its own sessions: a behavioural session never moves a system-design trend."""

    round: str | None             # None: answers whose question is in no bank
    overall: Trend
    dimensions: list[Trend]


def round_trends(answers: Sequence[Answer], judged: Sequence[Answer],
                 names: Mapping[str, Mapping[str, str]] | None = None) -> list[RoundTrends]:
    """Overall and dimension trends per round, the round with the most sessions first. `judged` are the answers
    whose dimensions count (each question's last); `names` maps round -> dimension id -> the rubric's name."""
    rounds = list(dict.fromkeys(a.round for a in answers))
    out = [RoundTrends(rid, overall_trend([a for a in answers if a.round == rid]),
                       dimension_trends([a for a in judged if a.round == rid], (names or {}).get(rid or "")))
           for rid in rounds]
    return sorted(out, key=lambda r: -len(r.overall.points))


def session_scores(answers: Sequence[Answer]) -> tuple[list[Point], int]:
    """Each session's overall score as the app shows it (`session_overall`: each question's last score),
    in the order the sessions came, and how many answers it judged (each question's last)."""
    groups: dict[str, list[tuple[str | None, float]]] = {}
    days: dict[str, date] = {}
    for a in answers:
        if a.overall is not None:
            groups.setdefault(a.session_id, []).append((a.question_id, a.overall))
            days.setdefault(a.session_id, a.day)
    points = [Point(sid, days[sid], score) for sid, scored in groups.items()
              if (score := session_overall(scored)) is not None]
    return points, len(final_answers(answers))


def overall_trend(answers: Sequence[Answer]) -> Trend:
    """The overall score per session, as the session list and summary show it."""
    points, samples = session_scores(answers)
    return Trend("overall", "overall score", tuple(points), samples)


def filler_trend(answers: Sequence[Answer]) -> Trend:
    """Filler words per 100 spoken words, per session (lower is better)."""
    groups: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    days: dict[str, date] = {}
    for a in answers:
        if a.words > 0:
            groups[a.session_id][0] += a.filler_count
            groups[a.session_id][1] += a.words
            days.setdefault(a.session_id, a.day)
    points = tuple(Point(sid, days[sid], 100.0 * f / w) for sid, (f, w) in groups.items())
    return Trend("fillers", "filler words per 100 words", points, sum(1 for a in answers if a.words > 0),
                 "lower", THRESHOLDS["fillers"])


def wpm_trend(answers: Sequence[Answer]) -> Trend:
    return _trend("wpm", "speaking rate (words per minute)", answers, lambda a: a.wpm, "none", "wpm")


def top_fillers(answers: Sequence[Answer], n: int = 5) -> list[tuple[str, int]]:
    counts: Counter[str] = Counter()
    for a in answers:
        for word, count in a.fillers:
            counts[word] += count
    return counts.most_common(n)


def sizing_stats(answers: Sequence[Answer], failures: int = 5) -> SizingStats:
    """Napkin-math checks that held against those that did not, overall and per week."""
    weekly: dict[date, list[int]] = {}
    failed: list[tuple[date, str, str]] = []
    for a in answers:
        for check in a.sizing_checks:
            bucket = weekly.setdefault(week_start(a.day), [0, 0])
            bucket[0] += int(check.ok)
            bucket[1] += 1
            if not check.ok:
                failed.append((a.day, a.question_id or "-", check.message))
    ok = sum(b[0] for b in weekly.values())
    total = sum(b[1] for b in weekly.values())
    return SizingStats(ok, total, tuple((w, b[0], b[1]) for w, b in sorted(weekly.items())),
                       tuple(reversed(failed[-failures:])))


def weekly_log(history: History) -> list[WeekLog]:
    """What was practised each week, oldest week first."""
    sessions: Counter[date] = Counter(week_start(s.day) for s in history.sessions)
    by_week: dict[date, list[Answer]] = defaultdict(list)
    for a in history.answers:
        by_week[week_start(a.day)].append(a)
    weeks = []
    for start in sorted(set(sessions) | set(by_week)):
        answers = by_week.get(start, [])
        rounds = Counter(a.round or "unsorted" for a in answers)
        weeks.append(WeekLog(
            start=start, sessions=sessions.get(start, 0), answers=len(answers),
            rounds=tuple(rounds.most_common()),
            questions=tuple(dict.fromkeys(a.question_id for a in answers if a.question_id)),
            minutes=sum(a.duration_ms or 0 for a in answers) / 60000.0,
            mean_overall=_mean([p.value for p in session_scores(answers)[0]]),
            patterns=week_patterns(answers),
        ))
    return weeks


def week_patterns(answers: Sequence[Answer], min_count: int = 2, top: int = 3) -> tuple[str, ...]:
    """The gaps that came back within one week, per round: "no measurable result (4 of 6 behavioral)"."""
    from coach.progress.labels import gap_phrase

    per_round: Counter[str | None] = Counter(a.round for a in answers)
    hits: Counter[tuple[str, str | None]] = Counter((g, a.round) for a in answers for g in set(a.gap_ids))
    ranked = sorted(((n, gap, rid) for (gap, rid), n in hits.items() if n >= min_count),
                    key=lambda x: (-x[0], -x[0] / per_round[x[2]], x[1], x[2] or ""))
    return tuple(f"{gap_phrase(gap)} ({n} of {per_round[rid]} {rid or 'unsorted'})" for n, gap, rid in ranked[:top])
