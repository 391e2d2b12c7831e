"""This week's practice, from the history: rounds to mock, weak questions due again, stories to retell.

Spaced repetition, per question: an answer that went badly brings the question back
after RETRY_DAYS[0] days; each good answer since then pushes the next retry further
(RETRY_DAYS[1], a week, then RETRY_DAYS[2]); after that many good answers in a row it
leaves the queue, and a bad answer starts it over. "Badly" means an overall score under
BAD_SCORE or one of the SERIOUS gaps.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from coach.content.types import Content
from coach.progress.recurring_gaps import recurring_gaps
from coach.progress.history import Answer, History
from coach.progress.labels import dimension_label, gap_phrase
from coach.progress.stories import Coverage, Story
from coach.progress.trends import week_start

RETRY_DAYS = (2, 7, 21)
BAD_SCORE = 2.5
SERIOUS = ("non_answer", "off_topic", "bad_math", "no_result", "no_numbers")
RECENT = 10                 # answers per round that count as "lately"
WEAK_ROUND = 3.2            # a round whose recent mean is under this is worth a mock
STALE_DAYS = 21             # a round not practised for this long is worth a mock
MAX_ROUNDS, MAX_RETRIES, MAX_STORIES = 3, 6, 3
RETRY_MINUTES, STORY_MINUTES = 4, 5
# Rounds a numbers weakness is practised in, cheapest first.
SIZING_ROUNDS = ("napkin-math", "system-design")


@dataclass(frozen=True)
class RoundToMock:
    round: str
    minutes: int
    why: str


@dataclass(frozen=True)
class Retry:
    question_id: str
    due: date
    last_score: float | None
    attempts: int
    why: str


@dataclass(frozen=True)
class StoryToTell:
    signal: str
    name: str
    status: str
    why: str


@dataclass
class WeekPlan:
    week_of: date
    today: date
    rounds: list[RoundToMock] = field(default_factory=list)
    retries: list[Retry] = field(default_factory=list)
    stories: list[StoryToTell] = field(default_factory=list)
    patterns: list[str] = field(default_factory=list)

    @property
    def minutes(self) -> int:
        return sum(r.minutes for r in self.rounds) + RETRY_MINUTES * len(self.retries) + \
            STORY_MINUTES * len(self.stories)

    def as_dict(self) -> dict[str, Any]:
        return {
            "week_of": self.week_of.isoformat(), "minutes": self.minutes,
            "rounds": [{"round": r.round, "minutes": r.minutes, "why": r.why} for r in self.rounds],
            "retry": [{"question": r.question_id, "due": r.due.isoformat(), "last_score": r.last_score,
                       "attempts": r.attempts, "why": r.why} for r in self.retries],
            "stories": [{"signal": s.signal, "name": s.name, "status": s.status, "why": s.why} for s in self.stories],
            "patterns": self.patterns,
        }


def went_badly(answer: Answer) -> bool:
    return (answer.overall is not None and answer.overall < BAD_SCORE) or any(g in SERIOUS for g in answer.gap_ids)


def next_retry(attempts: Sequence[Answer]) -> tuple[date, int] | None:
    """(due date, good answers since the last bad one) for one question's answers, oldest first; None: not due."""
    last_bad = max((i for i, a in enumerate(attempts) if went_badly(a)), default=None)
    if last_bad is None:
        return None
    # one session can hold the question and its follow-ups: count good days, not good turns
    good_days = sorted({a.day for a in attempts[last_bad + 1:] if a.day > attempts[last_bad].day})
    if len(good_days) >= len(RETRY_DAYS):
        return None
    since = good_days[-1] if good_days else attempts[last_bad].day
    return since + timedelta(days=RETRY_DAYS[len(good_days)]), len(good_days)


def due_retries(answers: Sequence[Answer], until: date, content: Content | None = None) -> list[Retry]:
    """Questions whose next retry falls on or before `until`, the ones that went worst first."""
    by_question: dict[str, list[Answer]] = defaultdict(list)
    for a in answers:
        if a.question_id and (content is None or a.question_id in content.questions):
            by_question[a.question_id].append(a)
    out = []
    for qid, group in by_question.items():
        group.sort(key=lambda a: (a.day, a.turn_id))
        nxt = next_retry(group)
        if nxt is None or nxt[0] > until:
            continue
        due, good = nxt
        bad = [a for a in group if went_badly(a)][-1]
        gaps = [gap_phrase(g) for g in bad.gap_ids if g in SERIOUS] or \
            ([f"scored {bad.overall:.1f}/5"] if bad.overall is not None else [])
        step = ("first retry" if good == 0 else f"retry {good + 1}, {RETRY_DAYS[good]} days after a good answer")
        why = f"{step}: went badly on {bad.day.isoformat()} ({'; '.join(gaps[:2]) or 'weak answer'})"
        scores = [a.overall for a in group if a.overall is not None]
        serious = sum(1 for g in bad.gap_ids if g in SERIOUS)
        out.append((-serious, bad.overall if bad.overall is not None else 0.0, -bad.day.toordinal(),
                    Retry(qid, due, scores[-1] if scores else None, len(group), why)))
    # the answers that went worst first: serious gaps, then low scores, then the most recent
    return [r for *_, r in sorted(out, key=lambda x: (x[0], x[1], x[2], x[3].question_id))]


def _round_means(answers: Sequence[Answer]) -> dict[str, tuple[float, int]]:
    by_round: dict[str, list[float]] = defaultdict(list)
    for a in answers:
        if a.round and a.overall is not None:
            by_round[a.round].append(a.overall)
    return {r: (sum(v[-RECENT:]) / len(v[-RECENT:]), len(v)) for r, v in by_round.items()}


def _weakest_dimension(answers: Sequence[Answer]) -> tuple[str, float] | None:
    scores: dict[str, list[float]] = defaultdict(list)
    for a in answers[-3 * RECENT:]:
        for d in a.dimensions:
            scores[d.id].append(d.score)
    means = {k: sum(v) / len(v) for k, v in scores.items() if v}
    return min(means.items(), key=lambda kv: (kv[1], kv[0])) if means else None


def rounds_to_mock(history: History, content: Content, today: date) -> list[RoundToMock]:
    """The weakest rounds lately, a round for the weakest dimension, then rounds left alone too long."""
    answers = history.scored
    means = _round_means(answers)
    last_day: dict[str, date] = {}
    for a in answers:
        if a.round:
            last_day[a.round] = max(last_day.get(a.round, a.day), a.day)
    picks: dict[str, str] = {}
    weak = _weakest_dimension(answers)
    if weak and weak[1] < WEAK_ROUND:
        dim, score = weak
        owners = [r for r in SIZING_ROUNDS if r in content.rounds] if dim == "numeric_sizing" else \
            sorted((r for r in content.rounds if dim in content.rounds[r].grades),
                   key=lambda r: means.get(r, (5.0, 0))[0])
        if owners:
            picks[owners[0]] = f"your weakest dimension lately is {dimension_label(dim)} ({score:.1f}/5)"
    for rid, (mean, n) in sorted(means.items(), key=lambda kv: kv[1][0]):
        if mean < WEAK_ROUND and rid not in picks and rid in content.rounds:
            picks[rid] = f"mean {mean:.1f}/5 over your last {min(n, RECENT)} answers"
    for rid in content.rounds:
        if rid in picks:
            continue
        if rid not in last_day:
            if rid != "napkin-math" or any(r in means for r in SIZING_ROUNDS):
                picks.setdefault(rid, "not practised yet")
        elif (today - last_day[rid]).days >= STALE_DAYS:
            picks[rid] = f"last practised {(today - last_day[rid]).days} days ago"
    return [RoundToMock(rid, content.rounds[rid].time_box_minutes, why)
            for rid, why in list(picks.items())[:MAX_ROUNDS]]


def stories_to_tell(coverage: Sequence[Coverage], stories: Sequence[Story], today: date) -> list[StoryToTell]:
    """Signals with no story (prepare one), told only once (retell it), or not told for weeks."""
    out = []
    for c in coverage:
        if c.status == "none":
            out.append(StoryToTell(c.signal.id, c.signal.name, c.status,
                                   f"no story yet: prepare one ({c.signal.description[0].lower()}"
                                   f"{c.signal.description[1:].rstrip('.')})"))
    for c in coverage:
        if c.status == "told once":
            out.append(StoryToTell(c.signal.id, c.signal.name, c.status,
                                   f"told once ({c.stories[0] if c.stories else 'one story'}): retell it out loud"))
    by_name = {s.name: s for s in stories}
    for c in coverage:
        if c.status != "rehearsed":
            continue
        last = max((d for n in c.stories if (s := by_name.get(n)) and (d := s.last_day)), default=None)
        if last is not None and (today - last).days >= STALE_DAYS:
            out.append(StoryToTell(c.signal.id, c.signal.name, c.status,
                                   f"last told {(today - last).days} days ago: keep it fresh"))
    return out[:MAX_STORIES]


def plan_week(history: History, content: Content, today: date, coverage: Sequence[Coverage] = (),
              stories: Sequence[Story] = ()) -> WeekPlan:
    """The whole plan for the week holding `today`."""
    week_of = week_start(today)
    retries = due_retries(history.answers, week_of + timedelta(days=6), content)[:MAX_RETRIES]
    patterns = [f"{g.statement}; {g.lately}" for g in recurring_gaps(history.answers)[:3]]
    return WeekPlan(week_of=week_of, today=today, rounds=rounds_to_mock(history, content, today), retries=retries,
                    stories=stories_to_tell(coverage, stories, today), patterns=patterns)


def render(plan: WeekPlan, content: Content | None = None) -> str:
    """The plan as plain text, for the terminal and the app."""
    lines = [f"Practice for the week of {plan.week_of.isoformat()}: about {plan.minutes} minutes"]
    lines.append("\nMock these rounds:" if plan.rounds else "\nNo round stands out: run a full loop.")
    for r in plan.rounds:
        name = content.rounds[r.round].name if content and r.round in content.rounds else r.round
        lines.append(f"  {name} ({r.minutes} min): {r.why}")
    if plan.retries:
        lines.append("\nRetry these questions (spaced repetition):")
        for retry in plan.retries:
            when = "due now" if retry.due <= plan.today else f"due {retry.due.strftime('%a %d %b')}"
            score = "-" if retry.last_score is None else f"{retry.last_score:.1f}"
            lines.append(f"  {retry.question_id} ({when}, last {score}/5): {retry.why}")
    else:
        lines.append("\nNo question is due for a retry this week.")
    if plan.stories:
        lines.append("\nStories:")
        lines += [f"  {s.name}: {s.why}" for s in plan.stories]
    if plan.patterns:
        lines.append("\nWhat keeps coming back:")
        lines += [f"  {p}" for p in plan.patterns]
    return "\n".join(lines)
