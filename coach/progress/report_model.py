"""The progress report as data: what the Markdown and HTML renderers draw, computed once."""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from coach.content.types import Content
from coach.interview.question_card import keeps_own_card
from coach.progress.recurring_gaps import GapStat, recurring_gaps
from coach.progress.history import Answer, History, final_answers
from coach.progress.labels import as_said, dimension_label, gap_phrase
from coach.progress.signals import Signal
from coach.progress.stories import Coverage, Story, group_stories, signal_coverage
from coach.progress.trends import (RoundTrends, SizingStats, Trend, WeekLog, dimension_trends, filler_trend,
                                   overall_trend, round_trends, sizing_stats, top_fillers, weekly_log, wpm_trend)


PER_ROUND_NOTE = ("Each round is charted on its own sessions, with its rubric's names for the dimensions: "
                  "a change compares sessions of the same round only.")


@dataclass(frozen=True)
class Highlight:
    """A best or worst answer, with the scorer's evidence for why it scored that way."""

    turn_id: int                  # the database row (for `coach stories`), not shown
    turn_no: int                  # where the answer sits in its session, as replay numbers the turns
    session_id: str
    day: str
    round: str | None
    question_id: str | None
    question: str
    overall: float
    excerpt: str
    notes: tuple[str, ...]        # dimension evidence, gaps and feedback, most telling first


@dataclass
class Report:
    generated_at: str
    since: str | None
    round: str | None
    sessions: int
    answers: int
    scored: int
    first_day: str | None
    last_day: str | None
    overall: Trend
    dimensions: list[Trend]
    gaps: list[GapStat]
    best: list[Highlight]
    worst: list[Highlight]
    fillers: Trend
    wpm: Trend
    top_fillers: list[tuple[str, int]]
    sizing: SizingStats
    weeks: list[WeekLog]
    stories: list[Story]
    coverage: list[Coverage]
    rounds: list[RoundTrends] = field(default_factory=list)    # the trends to read: each round on its own
    summary: list[str] = field(default_factory=list)

    @property
    def counts(self) -> str:
        """"1 session, 2 answers (2 scored)": what the report covers, in words."""
        def n(count: int, word: str) -> str:
            return f"{count} {word}{'' if count == 1 else 's'}"
        return f"{n(self.sessions, 'session')}, {n(self.answers, 'answer')} ({self.scored} scored)"

    @property
    def no_weakest(self) -> str:
        """What the weakest answers section says when it lists none."""
        if not self.best:
            return "None scored yet."
        return "Too few answers yet to pick out the weakest: it takes two questions answered."

    @property
    def gap_statements(self) -> list[str]:
        return [g.statement for g in self.gaps]


def _excerpt(text: str, limit: int = 220) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def _as_scored(answers: Sequence[Answer]) -> dict[int, str]:
    """{turn id: the text its card was scored on}: an answer to a follow-up is scored with the earlier answers to
    its question (question_card.py), so its excerpt starts with them; a dodge keeps its own card and text."""
    said: dict[tuple[str, str], list[str]] = {}
    out: dict[int, str] = {}
    for a in answers:
        if not a.question_id:
            continue
        earlier = said.setdefault((a.session_id, a.question_id), [])
        own_card = a.card is not None and keeps_own_card(a.card)
        out[a.turn_id] = a.text if own_card or not earlier else " ".join([*earlier, a.text])
        earlier.append(a.text)
    return out


def _highlight(answer: Answer, content: Content | None, best: bool, text: str | None = None) -> Highlight:
    question = answer.question_id or "-"
    if content and answer.question_id in content.questions:
        question = content.questions[answer.question_id].prompt
    dims = sorted(answer.dimensions, key=lambda d: d.score, reverse=best)
    notes: list[str] = []
    for dim in dims[:2]:
        evidence = "; ".join(dim.evidence[:2])
        notes.append(f"{dimension_label(dim.id)} {dim.score:.1f}/5" + (f": {evidence}" if evidence else ""))
    if not best:
        notes += [f"{gap_phrase(g)}" + (f": {ev}" if ev else "") for g, ev in answer.gaps[:3]]
    notes += list(answer.evidence)
    notes += list(answer.feedback[:2])
    return Highlight(answer.turn_id, answer.idx, answer.session_id, answer.day.isoformat(), answer.round,
                     answer.question_id, question, float(answer.overall or 0.0), _excerpt(text or answer.text),
                     tuple(as_said(n) for n in notes))


def _summary(report: Report) -> list[str]:
    """A few plain sentences to open the report with."""
    lines: list[str] = []
    if not report.scored:
        return ["No scored answers in this range yet: run an interview, then come back to this report."]
    for rt in report.rounds[:3]:              # a change is only read within one round's sessions; the most practised
        o, where = rt.overall, round_title(rt.round)
        if o.first is not None and o.last is not None and len(o.points) > 1:
            lines.append(f"{where}: the overall score went from {o.first:.1f} to {o.last:.1f} out of 5 "
                         f"over {len(o.points)} sessions ({o.verdict}).")
        moving = [t for t in rt.dimensions if t.verdict in ("improving", "slipping")]
        for t in sorted(moving, key=lambda t: -abs(t.change or 0))[:1]:
            lines.append(f"{where}: {t.name} is {t.verdict}: {t.first:.1f} to {t.last:.1f}.")
    lows = [(t, rt.round) for rt in report.rounds for t in rt.dimensions if t.last is not None]
    if lows:
        low, rid = min(lows, key=lambda x: x[0].last or 0)
        lines.append(f"Lowest dimension lately: {low.name} ({round_title(rid)}) at {low.last:.1f}/5.")
    if report.gaps:
        lines.append(f"Most frequent gap: {report.gaps[0].statement[0].lower() + report.gaps[0].statement[1:]}.")
    missing = [c.signal.name.lower() for c in report.coverage if c.status == "none"]
    if missing:
        lines.append(f"No story yet for: {', '.join(missing)}.")
    return lines


def round_title(round_id: str | None) -> str:
    """A round as the app and the report's headings name it ("Behavioural round"); an unknown id as itself."""
    from coach.content.loader import rounds_and_dimensions

    spec = rounds_and_dimensions()[0].get(round_id or "")
    return spec.name if spec else (round_id or "Questions from no bank")


def _rubric_names(content: Content | None) -> dict[str, dict[str, str]]:
    """{round: {dimension id: the name its rubric gives it}}: the report calls a dimension what the card does."""
    if content is None:
        return {}
    return {rid: {d.id: d.name for d in rubric.dimensions} for rid, rubric in content.rubrics.items()}


def build_report(history: History, content: Content | None = None, signals: Sequence[Signal] = (),
                 story_names: Mapping[int, str] | None = None, since: str | None = None,
                 round_id: str | None = None, now: datetime | None = None, highlights: int = 3) -> Report:
    """Compute every section of the progress report from a loaded history."""
    answers = history.answers
    scored = [a for a in answers if a.overall is not None]
    judged = final_answers(answers)        # a story's first half is not its own best or weakest answer
    ranked = sorted(judged, key=lambda a: (a.overall, a.turn_id))
    k = min(highlights, len(ranked) // 2)      # never show one answer as both best and worst
    best, worst = ranked[::-1][: k or len(ranked)], ranked[:k]
    said = _as_scored(answers)
    stories = group_stories(answers, story_names or {}, signals)
    days = sorted({s.day for s in history.sessions} | {a.day for a in answers})
    report = Report(
        generated_at=(now or datetime.now()).isoformat(timespec="minutes"), since=since, round=round_id,
        sessions=len(history.sessions), answers=len(answers), scored=len(scored),
        first_day=days[0].isoformat() if days else None, last_day=days[-1].isoformat() if days else None,
        overall=overall_trend(answers), dimensions=dimension_trends(judged), gaps=recurring_gaps(answers),
        best=[_highlight(a, content, True, said.get(a.turn_id)) for a in best],
        worst=[_highlight(a, content, False, said.get(a.turn_id)) for a in worst],
        fillers=filler_trend(answers), wpm=wpm_trend(answers), top_fillers=top_fillers(answers),
        sizing=sizing_stats(answers), weeks=weekly_log(history), stories=stories,
        coverage=signal_coverage(stories, signals), rounds=round_trends(answers, judged, _rubric_names(content)),
    )
    report.summary = _summary(report)
    return report
