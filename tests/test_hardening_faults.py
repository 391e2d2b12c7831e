"""Faults the user can run into (a locked or full database, no espeak-ng) and privacy of what is stored."""
from __future__ import annotations

import hashlib
import os
import sqlite3
import stat
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from coach import services
from coach.adapters import tts
from coach.adapters.store_sqlite import SQLiteStore
from coach.cli import main
from coach.domain import Turn
from coach.errors import StoreError
from tests.conftest import speak_to_wav

HOLD_LOCK = ("import sqlite3, sys\n"
             "c = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
             "c.execute('BEGIN EXCLUSIVE')\n"
             "print('locked', flush=True)\n"
             "sys.stdin.read()\n")


def _db_with_a_session(path: Path) -> Path:
    store = SQLiteStore(path)
    sid = store.start_session(plan="drill")
    store.add_turn(Turn(session_id=sid, index=0, speaker="interviewer", text="Tell me about a launch."))
    store.close()
    return path


def _digest(db: Path) -> str:
    return hashlib.sha256(b"".join(p.read_bytes() for p in sorted(db.parent.glob("coach.db*")))).hexdigest()


def test_database_locked_by_another_process_is_one_line_and_unchanged(tmp_path: Path, capsys) -> None:
    db = _db_with_a_session(tmp_path / "coach.db")
    before = _digest(db)
    holder = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(db)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        assert main(["purge", "--yes", "--db", str(db)]) != 0
        err = capsys.readouterr().err
        assert err.startswith("coach: ") and err.count("\n") == 1 and "locked" in err, err
    finally:
        holder.communicate("")
    assert _digest(db) == before


def test_full_disk_is_a_store_error_and_the_database_stays_sound(tmp_path: Path) -> None:
    db = _db_with_a_session(tmp_path / "coach.db")
    store = SQLiteStore(db)
    sid = store.sessions()[0]["id"]
    pages = store.db.execute("PRAGMA page_count").fetchone()[0]
    store.db.execute(f"PRAGMA max_page_count = {pages}")     # no room for one more page: "disk is full"
    with pytest.raises(StoreError) as err:
        store.add_turn(Turn(session_id=sid, index=1, speaker="candidate", text="word " * 20000, kind="answer"))
    assert "full" in err.value.one_line() and "\n" not in err.value.one_line()
    store.close()
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("select count(*) from turns").fetchone()[0] == 1
    conn.close()


def test_disk_full_while_recording_is_one_line_and_keeps_earlier_turns(tmp_path: Path, monkeypatch, capsys) -> None:
    from coach.adapters import audio_io

    real_open = os.open

    def full_disk(path, flags, mode=0o777):     # answer recordings land on a full device
        return real_open("/dev/full", os.O_WRONLY) if str(path).endswith("-answer.wav") else real_open(path, flags, mode)

    monkeypatch.setattr(audio_io.os, "open", full_disk)
    answer = speak_to_wav("I owned the rollout.", tmp_path / "a.wav")
    db = tmp_path / "coach.db"
    assert main(["interview", "--headless", "--answers", str(answer), "--silent", "--db", str(db)]) != 0
    err = capsys.readouterr().err
    assert err.splitlines()[-1].startswith("coach: cannot save the recording") and "No space left" in err, err
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("select speaker, kind from turns").fetchall() == [("interviewer", "question")]
    assert conn.execute("select status from sessions").fetchall() == [("failed",)]
    conn.close()


def test_without_espeak_speaking_to_files_is_one_line_and_silent_works(tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.setattr(tts, "espeak_available", lambda: False)
    monkeypatch.setattr(tts, "piper_available", lambda: False)      # and no natural voice either
    assert isinstance(services.build_speaker(silent=True), tts.SilentSpeaker)
    answer = speak_to_wav("I owned the rollout.", tmp_path / "a.wav")
    db = tmp_path / "coach.db"
    code = main(["interview", "--headless", "--answers", str(answer), "--speak-to", str(tmp_path / "out"),
                 "--db", str(db)])
    err = capsys.readouterr().err
    assert code != 0 and err.count("\n") == 1 and "espeak-ng" in err, err
    assert SQLiteStore(db).sessions() == []      # nothing started


# -- privacy -------------------------------------------------------------------------------------
SECRET = "pineapple"


@pytest.fixture(scope="module")
def interview(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, float]:
    """A real headless interview with the default data dir, under a permissive umask."""
    base = tmp_path_factory.mktemp("privacy")
    answer = speak_to_wav(f"Our {SECRET} forecasting model served ten million users every day.", base / "a.wav")
    home = base / "home"
    started = time.time()
    old_umask, old_home = os.umask(0o022), os.environ.get("COACH_HOME")
    os.environ["COACH_HOME"] = str(home)
    try:
        assert main(["interview", "--headless", "--answers", str(answer), "--silent", "--max-followups", "0"]) == 0
    finally:
        os.umask(old_umask)
        os.environ["COACH_HOME"] = old_home or ""
    return base, home, started


def test_data_dir_database_and_recordings_are_owner_only(interview) -> None:
    _, home, _ = interview
    wavs = list((home / "audio").rglob("*.wav"))
    assert wavs
    for path in [home, home / "audio", *(home / "audio").iterdir()]:
        assert stat.S_IMODE(path.stat().st_mode) == 0o700, path
    for path in [*home.glob("coach.db*"), *wavs]:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path


def _mentions(folder: Path, since: float, skip: list[Path]) -> list[Path]:
    found = []
    # os.walk, not rglob: a folder another part of the coach removes while the walk runs (the voice's ready lines are
    # cleaned up as the session closes) is skipped, as a file that vanishes is below
    paths = (Path(top) / name for top, _, names in os.walk(folder) for name in names)
    for path in paths:
        try:
            if (not path.is_file() or path.stat().st_mtime < since or path.stat().st_size > 50_000_000
                    or any(path.is_relative_to(s) for s in skip)):
                continue
            if SECRET.encode() in path.read_bytes().lower():
                found.append(path)
        except OSError:
            continue
    return found


def test_what_the_candidate_says_stays_in_the_data_dir(interview) -> None:
    base, home, started = interview
    conn = sqlite3.connect(home / "coach.db")
    said = " ".join(r[0] for r in conn.execute("select text from turns where speaker = 'candidate'")).lower()
    conn.close()
    assert SECRET in said                              # the word was heard and stored, inside the data dir
    roots = {base, Path(tempfile.gettempdir()), Path.home() / ".cache", Path.cwd()}
    leaks = [p for root in roots for p in _mentions(root, started, [home, Path.cwd() / ".git"])]
    assert leaks == []
