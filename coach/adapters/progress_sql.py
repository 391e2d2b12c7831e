"""Every SQL statement the progress features need: reads for reports, story names, export, purge.

Functions take a plain `sqlite3.Connection` (a `SQLiteStore`'s `db.conn`) and
return dicts, so `coach.progress` stays free of SQL and can be fed rows directly.
"""
from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from datetime import datetime, timezone
from typing import Any

from coach.scoring.scorecard import read_scorecard

SESSION_COLUMNS = ("id", "started_at", "ended_at", "status", "plan", "round", "level", "mode",
                   "stt_model", "llm_model", "app_version", "overall", "notes", "plan_items")
TURN_COLUMNS = ("session_id", "idx", "speaker", "kind", "question_id", "text", "gap", "source",
                "audio_path", "segments", "duration_ms", "transcribe_ms", "think_ms", "speak_ms",
                "score_ms", "scores", "overall", "created_at")


# Uses idx_turns_speaker_kind_session (migration 2) for the turns side, and the
# sessions(started_at) index when a start date is given.
ANSWERS_SQL = (
    "SELECT t.id AS turn_id, t.session_id, t.idx, t.question_id, t.text, t.scores, t.overall,"
    " t.duration_ms, t.audio_path, t.created_at, s.started_at, s.round AS session_round, s.level"
    " FROM turns t JOIN sessions s ON s.id = t.session_id"
    " WHERE t.speaker = 'candidate' AND t.kind = 'answer'{since}"
    " ORDER BY s.started_at, t.session_id, t.idx")


def _dicts(cursor: sqlite3.Cursor) -> list[dict[str, Any]]:
    cols = [d[0] for d in cursor.description]
    return [dict(zip(cols, row)) for row in cursor.fetchall()]


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


# -- reads for reports -----------------------------------------------------------
def session_rows(conn: sqlite3.Connection, since: str | None = None) -> list[dict[str, Any]]:
    """Sessions started on or after `since` (an ISO date or time), oldest first."""
    where, params = ("WHERE started_at >= ?", [since]) if since else ("", [])
    return _dicts(conn.execute(f"SELECT * FROM sessions {where} ORDER BY started_at, id", params))


def answer_rows(conn: sqlite3.Connection, since: str | None = None) -> list[dict[str, Any]]:
    """Candidate answers with their session's start, round and level, oldest first.

    `scores` and `segments` stay JSON text; the pure layer parses what it needs.
    """
    return _dicts(conn.execute(ANSWERS_SQL.format(since=" AND s.started_at >= ?" if since else ""),
                               [since] if since else []))


def recent_dimension_scores(conn: sqlite3.Connection, limit: int = 10) -> list[dict[str, float]]:
    """{dimension id: score} for the last `limit` scored answers, oldest first (input to the drill)."""
    rows = conn.execute(
        "SELECT scores FROM turns WHERE speaker = 'candidate' AND kind = 'answer' AND scores IS NOT NULL"
        " ORDER BY id DESC LIMIT ?", [limit]).fetchall()
    out: list[dict[str, float]] = []
    for (raw,) in reversed(rows):
        card = read_scorecard(raw)
        scores = {d.id: d.score for d in card.dimensions if d.id} if card is not None else {}
        if scores:
            out.append(scores)
    return out


def answer_turn(conn: sqlite3.Connection, turn_id: int) -> dict[str, Any] | None:
    rows = _dicts(conn.execute("SELECT * FROM turns WHERE id = ?", [turn_id]))
    return rows[0] if rows else None


# -- story names -----------------------------------------------------------------
def story_names(conn: sqlite3.Connection) -> dict[int, str]:
    """{turn id: story name} for every answer the candidate has named."""
    return {int(t): str(n) for t, n in conn.execute("SELECT turn_id, name FROM story_names")}


def set_story_name(conn: sqlite3.Connection, turn_id: int, name: str) -> None:
    with conn:
        conn.execute("INSERT INTO story_names (turn_id, name, named_at) VALUES (?, ?, ?)"
                     " ON CONFLICT(turn_id) DO UPDATE SET name = excluded.name, named_at = excluded.named_at",
                     [turn_id, name, _now()])


def clear_story_name(conn: sqlite3.Connection, turn_id: int) -> bool:
    with conn:
        return conn.execute("DELETE FROM story_names WHERE turn_id = ?", [turn_id]).rowcount > 0


# -- export / import -------------------------------------------------------------
def session_row(conn: sqlite3.Connection, session_id: str) -> dict[str, Any] | None:
    rows = _dicts(conn.execute("SELECT * FROM sessions WHERE id = ?", [session_id]))
    return rows[0] if rows else None


def turn_rows(conn: sqlite3.Connection, session_id: str) -> list[dict[str, Any]]:
    """A session's turns in order, with their story name (None when unnamed); JSON columns stay text."""
    return _dicts(conn.execute(
        "SELECT t.*, n.name AS story_name FROM turns t LEFT JOIN story_names n ON n.turn_id = t.id"
        " WHERE t.session_id = ? ORDER BY t.idx", [session_id]))


def insert_session(conn: sqlite3.Connection, session: dict[str, Any], turns: Sequence[dict[str, Any]]) -> int:
    """Insert one session and its turns (and story names) in one transaction; returns the turn count."""
    with conn:
        conn.execute(f"INSERT INTO sessions ({', '.join(SESSION_COLUMNS)}) VALUES ({', '.join('?' * len(SESSION_COLUMNS))})",
                     [session.get(c) for c in SESSION_COLUMNS])
        for turn in turns:
            row = {**turn, "session_id": session["id"]}
            cur = conn.execute(f"INSERT INTO turns ({', '.join(TURN_COLUMNS)}) VALUES ({', '.join('?' * len(TURN_COLUMNS))})",
                               [row.get(c) for c in TURN_COLUMNS])
            if turn.get("story_name"):
                conn.execute("INSERT INTO story_names (turn_id, name, named_at) VALUES (?, ?, ?)",
                             [cur.lastrowid, turn["story_name"], _now()])
    return len(turns)


# -- purge -----------------------------------------------------------------------
def sessions_before(conn: sqlite3.Connection, before: str | None) -> list[str]:
    """Ids of sessions started before `before` (every session when it is None)."""
    return [r[0] for r in conn.execute(
        "SELECT id FROM sessions WHERE (? IS NULL OR started_at < ?) ORDER BY started_at", [before, before])]


def _chunks(ids: Sequence[str], size: int = 500) -> Iterable[Sequence[str]]:
    for i in range(0, len(ids), size):
        yield ids[i:i + size]


def audio_paths(conn: sqlite3.Connection, session_ids: Sequence[str]) -> list[str]:
    out: list[str] = []
    for chunk in _chunks(session_ids):
        marks = ", ".join("?" * len(chunk))
        out += [r[0] for r in conn.execute(
            f"SELECT audio_path FROM turns WHERE session_id IN ({marks}) AND audio_path IS NOT NULL", list(chunk))]
    return out


def count_turns(conn: sqlite3.Connection, session_ids: Sequence[str]) -> int:
    total = 0
    for chunk in _chunks(session_ids):
        marks = ", ".join("?" * len(chunk))
        total += conn.execute(f"SELECT count(*) FROM turns WHERE session_id IN ({marks})", list(chunk)).fetchone()[0]
    return total


def delete_sessions(conn: sqlite3.Connection, session_ids: Sequence[str]) -> tuple[int, int]:
    """Delete sessions, their turns and story names, overwriting the freed pages; returns (sessions, turns)."""
    sessions = turns = 0
    conn.execute("PRAGMA secure_delete = ON")
    with conn:
        for chunk in _chunks(session_ids):
            marks = ", ".join("?" * len(chunk))
            conn.execute(f"DELETE FROM story_names WHERE turn_id IN (SELECT id FROM turns WHERE session_id IN ({marks}))",
                         list(chunk))
            turns += conn.execute(f"DELETE FROM turns WHERE session_id IN ({marks})", list(chunk)).rowcount
            sessions += conn.execute(f"DELETE FROM sessions WHERE id IN ({marks})", list(chunk)).rowcount
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return sessions, turns
