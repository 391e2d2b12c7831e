"""The SQLite store: migrations, durability, and refusing files it must not touch."""
from __future__ import annotations

import sqlite3
import stat
from pathlib import Path

import pytest

from coach.adapters.store_sqlite import SCHEMA_VERSION, SQLiteStore
from coach.cli import main
from coach.domain import Segment, Timings, Turn
from coach.errors import StoreError
from coach.scoring import Scorecard


def test_turn_is_readable_by_another_connection_as_soon_as_it_is_added(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "c.db")
    sid = store.start_session(plan="drill", round="behavioral", level="senior")
    store.add_turn(Turn(session_id=sid, index=0, speaker="candidate", text="I led it.", kind="answer",
                        segments=(Segment(0.0, 1.2, "I led it."),), timings=Timings(transcribe_ms=80),
                        scores=Scorecard(overall=2.5)))
    other = sqlite3.connect(tmp_path / "c.db")   # a crash right now would keep this row
    row = other.execute("select text, transcribe_ms, overall from turns").fetchone()
    assert row == ("I led it.", 80, 2.5)
    assert other.execute("pragma journal_mode").fetchone()[0] == "wal"
    assert store.turns(sid)[0].segments == (Segment(0.0, 1.2, "I led it."),)


def test_database_file_is_owner_only(tmp_path: Path) -> None:
    SQLiteStore(tmp_path / "c.db")
    assert stat.S_IMODE((tmp_path / "c.db").stat().st_mode) == 0o600


def test_reopening_keeps_data_and_schema_version(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "c.db")
    sid = store.start_session(plan="warm-up")
    store.close()
    again = SQLiteStore(tmp_path / "c.db")
    assert again.session(sid)["plan"] == "warm-up"
    assert again.db.execute("pragma user_version").fetchone()[0] == SCHEMA_VERSION


def test_not_a_database_is_refused_and_left_unchanged(tmp_path: Path, capsys) -> None:
    notes = tmp_path / "notes.db"
    notes.write_bytes(b"these are my notes, not a database\n" * 100)
    before = notes.read_bytes()
    assert main(["sessions", "--db", str(notes)]) == 1
    err = capsys.readouterr().err
    assert "is not a coach database" in err and err.count("\n") == 1
    assert notes.read_bytes() == before


def test_newer_schema_is_refused_and_left_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "future.db"
    conn = sqlite3.connect(path)
    conn.execute(f"pragma user_version = {SCHEMA_VERSION + 5}")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(StoreError, match="newer coach"):
        SQLiteStore(path)
    assert path.read_bytes() == before


def test_sessions_command_on_empty_db_says_how_to_start(tmp_path: Path, capsys) -> None:
    assert main(["sessions", "--db", str(tmp_path / "new.db")]) == 0
    assert "no sessions yet" in capsys.readouterr().out


def test_creating_the_data_dir_leaves_existing_parents_alone(tmp_path: Path, monkeypatch) -> None:
    from coach import paths

    tmp_path.chmod(0o755)
    monkeypatch.setenv("COACH_HOME", str(tmp_path / "a" / "b"))
    home = paths.data_dir()
    assert home == tmp_path / "a" / "b"
    assert stat.S_IMODE(home.stat().st_mode) == 0o700
    assert stat.S_IMODE((tmp_path / "a").stat().st_mode) == 0o700
    assert stat.S_IMODE(tmp_path.stat().st_mode) == 0o755      # an existing parent keeps its mode


def test_a_migration_cut_short_leaves_the_previous_version_whole(tmp_path: Path, monkeypatch) -> None:
    """A kill between two statements of a migration (here: an error after its first table) must not
    leave half a schema behind, or the next start could not open the file."""
    from coach.adapters import store_sqlite

    def cut_short(db) -> None:
        db["sessions"].create({"id": str}, pk="id")
        raise KeyboardInterrupt   # as a signal between the statements would

    path = tmp_path / "c.db"
    monkeypatch.setattr(store_sqlite, "MIGRATIONS", [cut_short, *store_sqlite.MIGRATIONS[1:]])
    with pytest.raises(KeyboardInterrupt):
        SQLiteStore(path)
    conn = sqlite3.connect(path)
    assert conn.execute("pragma user_version").fetchone()[0] == 0
    assert conn.execute("select count(*) from sqlite_master where name = 'sessions'").fetchone()[0] == 0
    conn.close()
    monkeypatch.undo()
    store = SQLiteStore(path)           # the next start migrates from scratch
    assert store.db.execute("pragma user_version").fetchone()[0] == SCHEMA_VERSION
    store.start_session(plan="drill")
    assert store.db.execute("pragma integrity_check").fetchone()[0] == "ok"


def test_the_sqlite_store_has_every_method_of_the_store_port(tmp_path: Path) -> None:
    """Commands and the app reach the history only through `coach.ports.Store`; the adapter must offer all of it."""
    import inspect

    from coach.ports import SavedSession, SavedTurn, Store

    wanted = [name for name, member in vars(Store).items() if callable(member) and not name.startswith("_")]
    assert len(wanted) > 20
    for name in wanted:
        port, real = inspect.signature(getattr(Store, name)), inspect.signature(getattr(SQLiteStore, name))
        assert list(port.parameters) == list(real.parameters), name
    store = SQLiteStore(tmp_path / "c.db")
    sid = store.start_session(plan="drill", round="behavioral", level="senior")
    store.add_turn(Turn(session_id=sid, index=0, speaker="candidate", text="I led it.", kind="answer",
                        scores=Scorecard(overall=2.5)))
    session, turn = store.session(sid), store.turns(sid)[0]
    assert isinstance(session, SavedSession) and session.status == session["status"] == "in_progress"
    assert isinstance(turn, SavedTurn) and turn.scores == Scorecard(overall=2.5) and turn.overall == 2.5
    assert store.sessions()[0].answers == 1 and store.recent_cards() == [Scorecard(overall=2.5)]
    store.close()
