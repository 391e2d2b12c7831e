"""SIGKILL a real headless interview at varied moments: nothing finished is lost, the crash is visible.

A small sample of benchmarks/crash_kill.py (which runs 100 kills at random moments).
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from coach.adapters.store_sqlite import SQLiteStore
from coach.cli import main
from tests.fixtures import load_benchmark

crash_kill = load_benchmark("crash_kill")

# (seconds, counted from): during start-up, as the session starts, mid-answer (answers last about 4 s)
KILLS = [(0.5, None), (0.1, "session "), (1.5, "session "), (3.5, "session ")]


@pytest.fixture(scope="module")
def killed(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[Path, dict]]:
    folder = tmp_path_factory.mktemp("crash")
    answers = crash_kill.make_answers(folder)
    runs = []
    for n, (delay, after) in enumerate(KILLS):
        work = folder / f"run{n}"
        work.mkdir()
        runs.append((work / "data" / "coach.db", crash_kill.kill_once(answers, work, delay, wait_for=after)))
    return runs


def test_kills_lose_no_finished_turn_and_leave_a_sound_database(killed) -> None:
    for db, result in killed:
        assert result["opens"] and result["integrity"], (db, result)
        assert result["lost_turns"] == 0 and result["incomplete"] == 0, result
        assert result["unreadable_wavs"] == 0, result
        assert result["audio_lost_s"] <= 1.0, result


def test_an_interrupted_session_is_detectable(killed, capsys) -> None:
    interrupted = [(db, r) for db, r in killed if r["status"] == "in_progress"]
    assert len(interrupted) >= 2      # the kills timed from the session's start always land inside it
    for db, _ in interrupted:
        store = SQLiteStore(db)
        ids = [s["id"] for s in store.interrupted_sessions()]
        store.close()
        assert len(ids) == 1
        assert main(["sessions", "--json", "--db", str(db)]) == 0
        listed = json.loads(capsys.readouterr().out)
        assert [(s["id"], s["status"]) for s in listed] == [(ids[0], "in_progress")]
        assert main(["sessions", "--db", str(db)]) == 0
        assert "in progress, resumable" in capsys.readouterr().out   # said in words, not the stored id


def test_purge_after_a_crash_leaves_no_audio_on_disk(killed, capsys) -> None:
    db = next(db for db, r in killed if list((db.parent / "audio").rglob("*.wav")))   # an answer cut short
    assert main(["purge", "--yes", "--db", str(db)]) == 0
    assert [p for p in (db.parent / "audio").rglob("*") if p.is_file()] == []


def test_a_killed_interview_resumes_and_finishes_the_same_session(tmp_path: Path, capsys) -> None:
    """SIGKILL right after the first answer is committed, then `--resume last` finishes the session."""
    import hashlib

    answers = crash_kill.make_answers(tmp_path)[:2]
    work = tmp_path / "run"
    work.mkdir()
    db = work / "data" / "coach.db"

    def resume_while_it_runs() -> tuple[int, str, list]:
        code = main(["interview", "--headless", "--resume", "last", "--answers", str(answers[1]), "--db", str(db),
                     "--silent"])
        store = SQLiteStore(db)
        turns = store.turns(store.sessions()[0]["id"])
        store.close()
        return code, capsys.readouterr().err, turns

    killed = crash_kill.kill_once(answers, work, 0.0, wait_for="   1 candidate:", before_kill=resume_while_it_runs)
    assert not killed["finished"] and killed["status"] == "in_progress" and killed["lost_turns"] == 0, killed
    code, err, turns_then = killed["during"]
    assert code != 0 and "is running in another coach process" in err and len(err.strip().splitlines()) == 1, err
    assert not any(t["idx"] > 2 for t in turns_then)        # the refused resume wrote nothing
    store = SQLiteStore(db)
    (session,) = store.sessions()
    before = store.turns(session["id"])
    store.close()
    assert [t["speaker"] for t in before].count("candidate") == 1

    def wavs() -> dict[str, str]:
        return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in (db.parent / "audio").rglob("*.wav")}

    audio_before = wavs()
    assert len(audio_before) == 1
    code = main(["interview", "--headless", "--resume", "last", "--answers", str(answers[1]), "--db", str(db),
                 "--silent"])
    out = capsys.readouterr().out
    assert code == 0, out
    assert f"resuming session {session['id']}: 1 answer kept" in out

    store = SQLiteStore(db)
    (after_session,) = store.sessions()
    after = store.turns(session["id"])
    store.close()
    assert after_session["id"] == session["id"] and after_session["status"] == "ended_early"   # one answer file: not all questions
    assert after[: len(before)] == before                               # the turns saved before the kill, intact
    assert [t["idx"] for t in after] == list(range(len(after)))         # indexes go on: none used twice
    assert after[-1]["kind"] == "closing"
    answers = [t for t in after if t["speaker"] == "candidate"]
    last = {t["question_id"]: t["overall"] for t in answers}      # each question counts once, by its last card
    assert len(answers) == 2 and after_session["overall"] == round(sum(last.values()) / len(last), 2)
    audio_after = wavs()
    assert len(audio_after) == 2 and {k: audio_after[k] for k in audio_before} == audio_before   # nothing overwritten
    assert all(t["audio_path"] and (db.parent / t["audio_path"]).is_file() for t in after if t["speaker"] == "candidate")
