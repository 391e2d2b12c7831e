"""A candidate's practice history as plain dataclasses, built from stored rows.

`from_rows` is pure: it takes session and answer rows (dicts, as the SQLite
adapter returns them) and reads each scorecard with the scorer's own loader
(`read_scorecard`), so a card missing a section still counts for the parts it has.
The store (`coach.ports.Store.history`) reads the rows and builds the `History`.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from coach.domain import NO_ANSWERS
from coach.scoring.napkin import Check
from coach.scoring.rubric import DimensionScore
from coach.scoring.scorecard import Scorecard, read_scorecard
from coach.scoring.star import COMPONENTS, StarReport

DimScore = DimensionScore       # the scorer's types, under the names the reports used
SizingCheck = Check


@dataclass(frozen=True)
class Answer:
    """One scored (or unscored) candidate answer with the parts of its scorecard the reports use."""

    turn_id: int
    session_id: str
    idx: int
    started_at: str                      # the session's start (ISO)
    question_id: str | None
    round: str | None
    level: str | None
    text: str
    overall: float | None
    duration_ms: int | None = None
    audio_path: str | None = None
    dimensions: tuple[DimScore, ...] = ()
    gaps: tuple[tuple[str, str], ...] = ()         # (gap id, evidence)
    feedback: tuple[str, ...] = ()
    words: int = 0
    wpm: float | None = None
    fillers: tuple[tuple[str, int], ...] = ()
    sizing_checks: tuple[SizingCheck, ...] = ()
    star_missing: tuple[str, ...] = ()
    card: Scorecard | None = None            # the whole card, as the scorer made it

    @property
    def day(self) -> date:
        return parse_day(self.started_at)

    @property
    def gap_ids(self) -> tuple[str, ...]:
        return tuple(g for g, _ in self.gaps)

    @property
    def filler_count(self) -> int:
        return sum(n for _, n in self.fillers)

    @property
    def evidence(self) -> tuple[str, ...]:
        """The scorer's level, staff signal, result quote and napkin step (see `card_evidence`)."""
        return card_evidence(self.card)

    def dimension(self, dim_id: str) -> DimScore | None:
        return next((d for d in self.dimensions if d.id == dim_id), None)


@dataclass(frozen=True)
class SessionInfo:
    id: str
    started_at: str
    status: str | None
    plan: str | None
    round: str | None
    level: str | None
    overall: float | None

    @property
    def day(self) -> date:
        return parse_day(self.started_at)


@dataclass
class History:
    sessions: list[SessionInfo] = field(default_factory=list)   # oldest first
    answers: list[Answer] = field(default_factory=list)         # oldest first

    @property
    def scored(self) -> list[Answer]:
        return [a for a in self.answers if a.overall is not None]


def final_answers(answers: Iterable[Answer]) -> list[Answer]:
    """Each question's last scored answer in each session, in order: the card the app judges the question by
    (an answer to a follow-up is scored with the story it completes), as `session_overall` counts it."""
    latest: dict[tuple[str, object], Answer] = {}
    for i, answer in enumerate(answers):
        if answer.overall is None:
            continue
        key = (answer.session_id, answer.question_id or i)
        latest.pop(key, None)          # re-inserted: keeps the order of each question's last answer
        latest[key] = answer
    return list(latest.values())


def parse_day(iso: str) -> date:
    return date.fromisoformat(str(iso)[:10])


def _num(value: Any) -> float | None:
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def _star_missing(star: StarReport) -> tuple[str, ...]:
    if star == StarReport():          # a card with no story analysis misses nothing
        return ()
    return tuple(part for part in COMPONENTS if not getattr(star, part).present)


def answer_from_row(row: Mapping[str, Any], question_rounds: Mapping[str, str] | None = None) -> Answer:
    """One answer row (see `progress_sql.answer_rows`) as an `Answer`."""
    stored = read_scorecard(row.get("scores"))
    card = stored or Scorecard()
    qid = row.get("question_id")
    round_id = (question_rounds or {}).get(qid or "") or row.get("session_round") or row.get("round")
    overall = _num(row.get("overall"))
    if overall is None and stored is not None:
        overall = card.overall
    return Answer(
        turn_id=int(row["turn_id"]), session_id=str(row["session_id"]), idx=int(row.get("idx") or 0),
        started_at=str(row.get("started_at") or row.get("created_at") or "1970-01-01"),
        question_id=qid, round=round_id, level=row.get("level"), text=str(row.get("text") or ""),
        overall=overall, duration_ms=row.get("duration_ms"), audio_path=row.get("audio_path"),
        dimensions=tuple(d for d in card.dimensions if d.id),
        gaps=tuple((g.id, g.evidence) for g in card.gaps if g.id),
        feedback=card.feedback,
        words=card.delivery.words or len(str(row.get("text") or "").split()),
        wpm=_num(card.delivery.wpm),
        fillers=tuple((str(w), int(n)) for w, n in card.delivery.fillers.items() if _num(n)),
        sizing_checks=card.sizing.checks,
        star_missing=_star_missing(card.star) if card.is_story else (),
        card=stored,
    )


def card_evidence(card: Scorecard | None) -> tuple[str, ...]:
    """How the score was made, for the report: the level and its reason, a missing staff signal,
    the result quote, and the step of the first wrong napkin figure."""
    if card is None:
        return ()
    out: list[str] = []
    cal = card.calibration
    steps = [s for s in cal.steps if "->" in s]
    if cal.level:
        out.append(f"level {cal.level:.1f}/5" + (f": {steps[-1].split(' -> ')[0]}" if steps else ""))
    if cal.staff_missing:
        out.append("staff signal missing: " + ", ".join(cal.staff_missing))
    if card.star.result.evidence and card.is_story:
        out.append(f'result: "{card.star.result.evidence[0][:140]}"')
    bad = [c for c in card.sizing.checks if not c.ok]
    if bad:
        out.append(f"napkin: {bad[0].message[:200]}")
    return tuple(out)


def session_from_row(row: Mapping[str, Any]) -> SessionInfo:
    return SessionInfo(id=str(row["id"]), started_at=str(row.get("started_at") or "1970-01-01"),
                       status=row.get("status"), plan=row.get("plan"), round=row.get("round"),
                       level=row.get("level"), overall=_num(row.get("overall")))


def from_rows(sessions: Iterable[Mapping[str, Any]], answers: Iterable[Mapping[str, Any]],
              question_rounds: Mapping[str, str] | None = None, round_id: str | None = None) -> History:
    """Build a `History`; with `round_id`, keep only that round's answers and the sessions holding them."""
    parsed = [answer_from_row(r, question_rounds) for r in answers]
    if round_id:
        parsed = [a for a in parsed if a.round == round_id]
    keep = {a.session_id for a in parsed}
    infos = [s for s in map(session_from_row, sessions) if s.status != NO_ANSWERS]   # no practice to count
    if round_id:
        infos = [s for s in infos if s.id in keep or s.round == round_id]
    return History(sessions=infos, answers=parsed)

