"""The SQLite store (sqlite-utils): sessions and turns, committed the moment each turn ends.

WAL mode keeps readers (the TUI, reports) off the writer's back and makes each
commit durable without rewriting the file. Schema changes are an ordered list
of migrations; `PRAGMA user_version` records how many have run.
"""
from __future__ import annotations

import json
import os
import sqlite3
import threading
import uuid
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import sqlite_utils

from coach import __version__
from coach.adapters import progress_sql as sql
from coach.domain import Segment, Turn
from coach.errors import RowsRejected, StoreError
from coach.paths import private_dirs
from coach.ports import SavedSession, SavedTurn
from coach.progress.history import History, from_rows
from coach.scoring.scorecard import Scorecard, read_scorecard

OTHER_DB = "start coach with another database file (--db PATH)"   # the app and every command take --db
Migration = Callable[[sqlite_utils.Database], None]


def _m001_initial(db: sqlite_utils.Database) -> None:
    db["sessions"].create({
        "id": str, "started_at": str, "ended_at": str, "status": str,
        "plan": str, "round": str, "level": str, "mode": str,
        "stt_model": str, "llm_model": str, "app_version": str, "overall": float, "notes": str,
    }, pk="id")
    db["turns"].create({
        "id": int, "session_id": str, "idx": int, "speaker": str, "kind": str,
        "question_id": str, "text": str, "gap": str, "source": str, "audio_path": str,
        "segments": str, "duration_ms": int, "transcribe_ms": int, "think_ms": int,
        "speak_ms": int, "score_ms": int, "scores": str, "overall": float, "created_at": str,
    }, pk="id", foreign_keys=[("session_id", "sessions", "id")])
    db["turns"].create_index(["session_id", "idx"], unique=True)
    db["turns"].create_index(["question_id"])
    db["sessions"].create_index(["started_at"])


def _m002_progress(db: sqlite_utils.Database) -> None:
    """Story names for answers, and the indexes that keep progress reports fast."""
    db.execute(
        "CREATE TABLE IF NOT EXISTS story_names ("
        " turn_id INTEGER PRIMARY KEY REFERENCES turns(id) ON DELETE CASCADE,"
        " name TEXT NOT NULL, named_at TEXT NOT NULL)")
    db.execute("CREATE INDEX IF NOT EXISTS idx_story_names_name ON story_names(name)")
    db.execute("CREATE INDEX IF NOT EXISTS idx_turns_speaker_kind_session ON turns(speaker, kind, session_id)")
    db.execute("CREATE INDEX IF NOT EXISTS idx_sessions_round_started ON sessions(round, started_at)")


def _m003_plan_items(db: sqlite_utils.Database) -> None:
    """The session's plan (question, round, time box of each slot), so an interrupted session can resume."""
    db.execute("ALTER TABLE sessions ADD COLUMN plan_items TEXT")


MIGRATIONS: list[Migration] = [_m001_initial, _m002_progress, _m003_plan_items]
SCHEMA_VERSION = len(MIGRATIONS)


def now_iso() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def new_session_id() -> str:
    return datetime.now().strftime("%Y%m%d-%H%M%S-") + uuid.uuid4().hex[:4]


def _segments(raw: Any) -> tuple[Segment, ...]:
    items = json.loads(raw) if isinstance(raw, str) and raw else []
    return tuple(Segment(float(s.get("start", 0.0)), float(s.get("end", 0.0)), str(s.get("text", "")))
                 for s in items if isinstance(s, dict))


class SQLiteStore:
    """Owns one connection; safe to call from any thread (writes are serialised)."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path).resolve()
        self.root = self.path.parent     # answer audio lives under root/audio/<session>/
        self._lock = threading.RLock()
        fresh = not self.path.exists()
        try:
            private_dirs(self.path.parent)
            conn = sqlite3.connect(str(self.path), timeout=5.0, check_same_thread=False)
            if fresh:
                os.chmod(self.path, 0o600)
            version = conn.execute("PRAGMA user_version").fetchone()[0]
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path} is not a coach database ({exc})",
                             f"move it aside, or {OTHER_DB}") from None
        except OSError as exc:
            raise StoreError(f"cannot open the database {self.path}: {exc.strerror}",
                             f"check the folder exists and is writable, or {OTHER_DB}") from None
        if version > SCHEMA_VERSION:
            conn.close()
            raise StoreError(f"{self.path} was written by a newer coach (schema {version}, this one knows {SCHEMA_VERSION})",
                             f"upgrade coach, or {OTHER_DB}")
        self.db = sqlite_utils.Database(conn)
        try:
            self._migrate(version)
        except sqlite3.OperationalError as exc:
            raise StoreError(f"cannot write to the database {self.path}: {exc}",
                             f"close other coach windows using it, or {OTHER_DB}") from None

    def _migrate(self, version: int) -> None:
        if version == SCHEMA_VERSION:
            self.db.execute("PRAGMA foreign_keys = ON")
            return
        self.db.enable_wal()
        conn = self.db.conn
        for index, migration in enumerate(MIGRATIONS[version:], start=version + 1):
            # one explicit transaction per migration: Python's sqlite3 opens none for CREATE or
            # ALTER, and a kill between two statements must leave the previous version, whole
            conn.execute("BEGIN IMMEDIATE")
            try:
                if conn.execute("PRAGMA user_version").fetchone()[0] < index:   # not run by another process
                    migration(self.db)
                    conn.execute(f"PRAGMA user_version = {index}")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")
        self.db.execute("PRAGMA foreign_keys = ON")

    def _write(self, fn: Callable[[], Any]) -> Any:
        with self._lock:
            try:
                with self.db.conn:
                    return fn()
            except sqlite3.OperationalError as exc:
                raise StoreError(f"could not save to {self.path}: {exc}",
                                 "free disk space or close other programs using the database") from None
            except sqlite3.IntegrityError as exc:     # e.g. a turn number another process wrote first
                raise StoreError(f"could not save to {self.path}: {exc}",
                                 "another coach process may be running this session; let it finish") from None

    # -- writes -----------------------------------------------------------------
    def start_session(self, **fields: Any) -> str:
        session_id = str(fields.pop("id", None) or new_session_id())
        row = {"id": session_id, "started_at": now_iso(), "status": "in_progress",
               "app_version": __version__, **fields}
        self._write(lambda: self.db["sessions"].insert(row))
        return session_id

    def add_turn(self, turn: Turn) -> int:
        row = {
            "session_id": turn.session_id, "idx": turn.index, "speaker": turn.speaker,
            "kind": turn.kind, "question_id": turn.question_id, "text": turn.text, "gap": turn.gap,
            "audio_path": turn.audio_path,
            "segments": json.dumps([s.__dict__ for s in turn.segments]) if turn.segments else None,
            "transcribe_ms": turn.timings.transcribe_ms, "think_ms": turn.timings.think_ms,
            "speak_ms": turn.timings.speak_ms, "score_ms": turn.timings.score_ms,
            "scores": json.dumps(turn.scores.to_dict()) if turn.scores is not None else None,
            "overall": turn.scores.overall if turn.scores is not None else None, "duration_ms": turn.duration_ms,
            "source": turn.source,
            "created_at": now_iso(),
        }
        return int(self._write(lambda: self.db["turns"].insert(row).last_pk))

    def update_turn(self, turn_id: int, **fields: Any) -> None:
        self._write(lambda: self.db["turns"].update(turn_id, fields))

    def end_session(self, session_id: str, status: str = "completed", overall: float | None = None) -> None:
        fields: dict[str, Any] = {"ended_at": now_iso(), "status": status}
        if overall is not None:
            fields["overall"] = overall
        self._write(lambda: self.db["sessions"].update(session_id, fields))

    def resume_session(self, session_id: str) -> None:
        """An interrupted session goes on: back to in_progress, no end time."""
        self._write(lambda: self.db.execute(
            "update sessions set status = 'in_progress', ended_at = null where id = ?", [session_id]))

    # -- reads ------------------------------------------------------------------
    def _sessions(self, query: str, params: Sequence[Any] = ()) -> list[SavedSession]:
        with self._lock:
            return [SavedSession.from_row(row) for row in self.db.query(query, list(params))]

    def session(self, session_id: str) -> SavedSession:
        rows = self._sessions("select * from sessions where id = ?", [session_id])
        if not rows:
            raise StoreError(f"no session {session_id} in {self.path}", "run `coach sessions` to list them")
        return rows[0]

    def session_id(self, ref: str) -> str:
        """The id `ref` names: an id as it is, or "last" for the newest session."""
        if ref != "last":
            return ref
        newest = self.sessions(limit=1)
        if not newest:
            raise StoreError(f"no sessions yet in {self.path}",
                             "start one with `coach` or `coach interview --headless --answers a.wav`")
        return str(newest[0]["id"])

    def sessions(self, limit: int = 50) -> list[SavedSession]:
        return self._sessions(
            "select s.*, (select count(*) from turns t where t.session_id = s.id and t.speaker = 'candidate'"
            " and coalesce(t.kind, 'answer') != 'clarification') as answers, "
            "(select count(*) from turns t where t.session_id = s.id and t.speaker = 'candidate'"
            " and t.kind = 'clarification') as clarifications "
            "from sessions s order by started_at desc, id desc limit ?", [limit])

    def turns(self, session_id: str) -> list[SavedTurn]:
        with self._lock:
            rows = list(self.db.query("select * from turns where session_id = ? order by idx", [session_id]))
        return [SavedTurn.from_row(row, segments=_segments(row.get("segments")),
                                   scores=read_scorecard(row.get("scores"))) for row in rows]

    def recent_question_ids(self, limit: int = 50) -> list[str]:
        return [r["question_id"] for r in self.db.query(
            "select question_id, max(id) as last from turns where kind = 'question' and question_id is not null "
            "group by question_id order by last desc limit ?", [limit])]

    def interrupted_sessions(self) -> list[SavedSession]:
        return self._sessions("select * from sessions where status = 'in_progress' order by started_at desc")

    def resumable_sessions(self) -> list[SavedSession]:
        """Sessions that can go on: left in progress (killed) or interrupted (stopped, or closed from Home)."""
        return self._sessions("select * from sessions where status in ('in_progress', 'interrupted') "
                              "order by started_at desc, id desc")

    # -- progress (the SQL lives in progress_sql) --------------------------------
    def _read(self, fn: Callable[[sqlite3.Connection], Any]) -> Any:
        with self._lock:
            return fn(self.db.conn)

    def recent_cards(self, limit: int = 300) -> list[Scorecard]:
        """The scorecards of the last `limit` scored answers, oldest first."""
        raws = self._read(lambda conn: [r[0] for r in conn.execute(
            "select scores from turns where speaker = 'candidate' and scores is not null order by id desc limit ?",
            [limit])])
        cards = (read_scorecard(raw) for raw in reversed(raws))
        return [card for card in cards if card is not None]

    def recent_dimension_scores(self, limit: int = 10) -> list[dict[str, float]]:
        return list(self._read(lambda conn: sql.recent_dimension_scores(conn, limit)))

    def history(self, since: str | None = None, round_id: str | None = None,
                question_rounds: Mapping[str, str] | None = None) -> History:
        """The practice history (sessions started on or after `since`) for reports, stories and drills."""
        sessions, answers = self._read(lambda conn: (sql.session_rows(conn, since), sql.answer_rows(conn, since)))
        return from_rows(sessions, answers, question_rounds, round_id)

    def story_names(self) -> dict[int, str]:
        return dict(self._read(sql.story_names))

    def answer_turn(self, turn_id: int) -> dict[str, Any] | None:
        return self._read(lambda conn: sql.answer_turn(conn, turn_id))     # type: ignore[no-any-return]

    def set_story_name(self, turn_id: int, name: str) -> None:
        self._store_write(lambda conn: sql.set_story_name(conn, turn_id, name))

    def clear_story_name(self, turn_id: int) -> bool:
        return bool(self._store_write(lambda conn: sql.clear_story_name(conn, turn_id)))

    # -- export, import, purge --------------------------------------------------------
    def export_rows(self, session_id: str) -> tuple[dict[str, Any], list[dict[str, Any]]] | None:
        """The session's row and its turns' rows (JSON columns as stored, with story names), or None."""
        def read(conn: sqlite3.Connection) -> tuple[dict[str, Any], list[dict[str, Any]]] | None:
            session = sql.session_row(conn, session_id)
            return None if session is None else (session, sql.turn_rows(conn, session_id))
        return self._read(read)       # type: ignore[no-any-return]

    def has_session(self, session_id: str) -> bool:
        return self._read(lambda conn: sql.session_row(conn, session_id)) is not None

    def import_rows(self, session: dict[str, Any], turns: Sequence[dict[str, Any]]) -> int:
        """Insert an exported session and its turns in one transaction; nothing is kept when it fails."""
        try:
            return int(self._read(lambda conn: sql.insert_session(conn, session, turns)))
        except sqlite3.OperationalError as exc:      # locked by another program, or the disk is full
            raise StoreError(f"nothing imported: {self.path} could not be written ({exc})",
                             "close other programs using the database and try again") from None
        except sqlite3.Error as exc:
            raise RowsRejected(str(exc), "export the session again") from None

    def sessions_before(self, before: str | None) -> list[str]:
        return list(self._read(lambda conn: sql.sessions_before(conn, before)))

    def audio_paths(self, session_ids: Sequence[str]) -> list[str]:
        return list(self._read(lambda conn: sql.audio_paths(conn, session_ids)))

    def count_turns(self, session_ids: Sequence[str]) -> int:
        return int(self._read(lambda conn: sql.count_turns(conn, session_ids)))

    def delete_sessions(self, session_ids: Sequence[str]) -> tuple[int, int]:
        """Delete sessions, their turns and story names for good (all or nothing)."""
        try:
            return self._read(lambda conn: sql.delete_sessions(conn, session_ids))   # type: ignore[no-any-return]
        except sqlite3.OperationalError as exc:     # locked by another program, or the disk is full
            raise StoreError(f"nothing deleted: {self.path} could not be written ({exc})",
                             "close other programs using the database and try again") from None

    def _store_write(self, fn: Callable[[sqlite3.Connection], Any]) -> Any:
        with self._lock:
            try:
                return fn(self.db.conn)
            except sqlite3.OperationalError as exc:
                raise StoreError(f"could not save to {self.path}: {exc}",
                                 "free disk space or close other programs using the database") from None

    def close(self) -> None:
        with self._lock:
            self.db.conn.close()
