"""A candidate's practice history as plain dataclasses, built from stored rows.

`from_rows` is pure: it takes session and answer rows (dicts, as the SQLite
adapter returns them) and parses each scorecard defensively, so a card missing
a section still counts for the parts it has. `load` is the one convenience that
reads the rows through `coach.adapters.history_sqlite`.
"""
from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any


@dataclass(frozen=True)
class DimScore:
    id: str
    name: str
    weight: float
    score: float
    evidence: tuple[str, ...] = ()


@dataclass(frozen=True)
class SizingCheck:
    ok: bool
    message: str


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
    evidence: tuple[str, ...] = ()       # the scorer's level, staff signal and STAR quotes (see _evidence)

    @property
    def day(self) -> date:
        return parse_day(self.started_at)

    @property
    def gap_ids(self) -> tuple[str, ...]:
        return tuple(g for g, _ in self.gaps)

    @property
    def filler_count(self) -> int:
        return sum(n for _, n in self.fillers)

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


def parse_day(iso: str) -> date:
    return date.fromisoformat(str(iso)[:10])


def _num(value: Any) -> float | None:
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def _strs(items: Any) -> tuple[str, ...]:
    return tuple(str(x) for x in items) if isinstance(items, (list, tuple)) else ()


def _card(raw: Any) -> dict[str, Any]:
    if isinstance(raw, dict):
        return raw
    if not raw:
        return {}
    try:
        card = json.loads(raw)
    except (TypeError, ValueError):
        return {}
    return card if isinstance(card, dict) else {}


def _dimensions(card: Mapping[str, Any]) -> tuple[DimScore, ...]:
    out = []
    for d in card.get("dimensions") or []:
        if isinstance(d, dict) and d.get("id") and _num(d.get("score")) is not None:
            out.append(DimScore(str(d["id"]), str(d.get("name") or d["id"]), _num(d.get("weight")) or 0.0,
                                float(d["score"]), _strs(d.get("evidence"))))
    return tuple(out)


def answer_from_row(row: Mapping[str, Any], question_rounds: Mapping[str, str] | None = None) -> Answer:
    """One answer row (see `history_sqlite.answer_rows`) as an `Answer`."""
    card = _card(row.get("scores"))
    qid = row.get("question_id")
    round_id = (question_rounds or {}).get(qid or "") or row.get("session_round") or row.get("round")
    delivery = card.get("delivery") if isinstance(card.get("delivery"), dict) else {}
    sizing = card.get("sizing") if isinstance(card.get("sizing"), dict) else {}
    star = card.get("star") if isinstance(card.get("star"), dict) else {}
    fillers = delivery.get("fillers") if isinstance(delivery.get("fillers"), dict) else {}
    overall = _num(row.get("overall"))
    if overall is None:
        overall = _num(card.get("overall"))
    return Answer(
        turn_id=int(row["turn_id"]), session_id=str(row["session_id"]), idx=int(row.get("idx") or 0),
        started_at=str(row.get("started_at") or row.get("created_at") or "1970-01-01"),
        question_id=qid, round=round_id, level=row.get("level"), text=str(row.get("text") or ""),
        overall=overall, duration_ms=row.get("duration_ms"), audio_path=row.get("audio_path"),
        dimensions=_dimensions(card),
        gaps=tuple((str(g["id"]), str(g.get("evidence") or "")) for g in card.get("gaps") or []
                   if isinstance(g, dict) and g.get("id")),
        feedback=_strs(card.get("feedback")),
        words=int(_num(delivery.get("words")) or len(str(row.get("text") or "").split())),
        wpm=_num(delivery.get("wpm")),
        fillers=tuple((str(w), int(n)) for w, n in fillers.items() if _num(n)),
        sizing_checks=tuple(SizingCheck(bool(c.get("ok")), str(c.get("message") or ""))
                            for c in sizing.get("checks") or [] if isinstance(c, dict)),
        star_missing=tuple(part for part in ("situation", "task", "action", "result")
                           if isinstance(star.get(part), dict) and not star[part].get("present")),
        evidence=_evidence(card, star),
    )


def _evidence(card: Mapping[str, Any], star: Mapping[str, Any]) -> tuple[str, ...]:
    """How the score was made, for the report: the level and its reason, a missing staff signal,
    the result quote, and the step of the first wrong napkin figure."""
    out: list[str] = []
    cal = card.get("calibration") if isinstance(card.get("calibration"), dict) else {}
    steps = [str(s) for s in cal.get("steps") or [] if "->" in str(s)]
    if _num(cal.get("level")):
        out.append(f"level {float(cal['level']):.1f}/5" + (f": {steps[-1].split(' -> ')[0]}" if steps else ""))
    if cal.get("staff_missing"):
        out.append("staff signal missing: " + ", ".join(map(str, cal["staff_missing"])))
    result = star.get("result") if isinstance(star.get("result"), dict) else {}
    if result.get("evidence"):
        out.append(f'result: "{str(result["evidence"][0])[:140]}"')
    sizing = card.get("sizing") if isinstance(card.get("sizing"), dict) else {}
    bad = [c for c in sizing.get("checks") or [] if isinstance(c, dict) and not c.get("ok", True)]
    if bad:
        out.append(f"napkin: {str(bad[0].get('message') or '')[:200]}")
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
    infos = [session_from_row(r) for r in sessions]
    if round_id:
        infos = [s for s in infos if s.id in keep or s.round == round_id]
    return History(sessions=infos, answers=parsed)


def load(conn: sqlite3.Connection, since: str | None = None, round_id: str | None = None,
         question_rounds: Mapping[str, str] | None = None) -> History:
    """Read the history (sessions started on or after `since`) from a coach database connection."""
    from coach.adapters import history_sqlite as sql

    return from_rows(sql.session_rows(conn, since), sql.answer_rows(conn, since), question_rounds, round_id)
