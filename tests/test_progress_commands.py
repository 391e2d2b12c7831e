"""replay, export/import and purge on a generated history with real audio files."""
from __future__ import annotations

import io
import json
import sqlite3
from pathlib import Path

import pytest
from history_factory import generate_history

from coach.cli import main
from coach.commands import replay


@pytest.fixture()
def made(tmp_path: Path):
    return generate_history(tmp_path / "c.db", sessions=8, questions=2, audio=True, days=14)


def _rows(db: Path, sql: str, args: tuple = ()) -> list[tuple]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql, args).fetchall()
    finally:
        conn.close()


def test_replay_prints_every_turn_with_scores_followups_and_timings(made, capsys) -> None:
    sid = made.session_ids[0]
    assert main(["replay", sid, "--db", str(made.path)]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"Session {sid}") and "behavioral" in out
    assert "Walk me through a production incident" in out
    assert "Our ranking service had a severe outage" in out
    assert out.count("You · answer") == 4 and out.count("follow-up on no measurable result (no_result, from the bank)") == 2
    assert "scores: STAR structure" in out and "gap: no measurable result" in out
    assert "(think 120 ms, speak 900 ms)" in out and "(transcribe 800 ms, score 30 ms)" in out
    assert f"audio: audio/{sid}/001-answer.wav" in out


def test_replay_play_without_an_output_device_says_where_the_wavs_are(made, capsys, monkeypatch) -> None:
    monkeypatch.setattr(replay, "output_device", lambda: (False, "no audio output found"))
    assert main(["replay", made.session_ids[0], "--play", "--db", str(made.path)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no audio output found" in err
    assert str(made.path.parent / "audio" / made.session_ids[0]) in err


def test_replay_play_plays_each_recorded_answer(made, capsys, monkeypatch) -> None:
    played: list[Path] = []
    monkeypatch.setattr(replay, "output_device", lambda: (True, "audio output: test"))
    monkeypatch.setattr(replay, "play_wav", played.append)
    assert main(["replay", made.session_ids[1], "--play", "--db", str(made.path)]) == 0
    assert [p.name for p in played] == ["001-answer.wav", "003-answer.wav", "005-answer.wav", "007-answer.wav"]
    assert all(p.is_file() for p in played)


def test_replay_of_an_unknown_session_is_one_line(made, capsys) -> None:
    assert main(["replay", "nope", "--db", str(made.path)]) == 1
    assert "no session nope" in capsys.readouterr().err


def test_replay_and_export_take_last_for_the_newest_session(made, tmp_path: Path, capsys) -> None:
    newest = _rows(made.path, "select id from sessions order by started_at desc, id desc limit 1")[0][0]
    assert main(["replay", "last", "--db", str(made.path)]) == 0
    assert capsys.readouterr().out.startswith(f"Session {newest}")
    assert main(["export", "last", "--format", "md", "--db", str(made.path)]) == 0
    assert capsys.readouterr().out.startswith(f"# Session {newest}")
    assert main(["replay", "last", "--db", str(tmp_path / "empty.db")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no sessions yet" in err


def _session_and_turns(db: Path, sid: str) -> tuple[tuple, list[tuple]]:
    session = _rows(db, "select * from sessions where id = ?", (sid,))[0]
    turns = _rows(db, "select session_id, idx, speaker, kind, question_id, text, gap, source, audio_path, segments,"
                      " duration_ms, transcribe_ms, think_ms, speak_ms, score_ms, scores, overall, created_at"
                      " from turns where session_id = ? order by idx", (sid,))
    return session, turns


def test_export_json_round_trips_through_import(made, tmp_path: Path, capsys) -> None:
    sid = made.session_ids[2]
    answer_id = _rows(made.path, "select id from turns where session_id = ? and speaker = 'candidate'", (sid,))[0][0]
    assert main(["stories", "name", str(answer_id), "feature store", "--db", str(made.path)]) == 0
    out = tmp_path / "s.json"
    assert main(["export", sid, "--audio", "--out", str(out), "--db", str(made.path)]) == 0
    doc = json.loads(out.read_text())
    assert doc["format"] == "coach-session" and isinstance(doc["turns"][1]["scores"], dict)
    other = tmp_path / "other" / "coach.db"
    assert main(["import", str(out), "--db", str(other)]) == 0
    assert _session_and_turns(other, sid) == _session_and_turns(made.path, sid)
    assert _rows(other, "select name from story_names") == [("feature store",)]
    for (rel,) in _rows(other, "select audio_path from turns where audio_path is not null"):
        assert (other.parent / rel).read_bytes() == (made.path.parent / rel).read_bytes()
    capsys.readouterr()
    assert main(["import", str(out), "--db", str(other)]) == 1
    assert "already in" in capsys.readouterr().err


def test_import_rejects_files_it_did_not_write(tmp_path: Path, capsys) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"format": "coach-session", "version": 1, "session": {"id": "s"},
                               "turns": [{"idx": 0, "speaker": "candidate", "audio_path": "../../etc/x"}]}))
    assert main(["import", str(bad), "--db", str(tmp_path / "c.db")]) == 1
    assert "outside the audio folder" in capsys.readouterr().err
    bad.write_text("not json")
    assert main(["import", str(bad), "--db", str(tmp_path / "c.db")]) == 1
    assert "is not JSON" in capsys.readouterr().err


def test_export_markdown_is_a_readable_transcript(made, capsys) -> None:
    assert main(["export", made.session_ids[0], "--format", "md", "--db", str(made.path)]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"# Session {made.session_ids[0]}") and "## 1 You · answer" in out
    assert "Our ranking service had a severe outage" in out


def test_purge_before_a_date_removes_rows_and_every_audio_file(made, capsys) -> None:
    root = made.path.parent
    cutoff = _rows(made.path, "select started_at from sessions where id = ?", (made.session_ids[4],))[0][0][:10]
    old = [s for s in made.session_ids if s[:8] < cutoff.replace("-", "")]   # ids start with the start date
    kept = [s for s in made.session_ids if s not in old]
    assert old and kept
    assert main(["stories", "name", str(_rows(made.path, "select min(id) from turns where speaker='candidate'")[0][0]),
                 "x", "--db", str(made.path)]) == 0
    assert main(["purge", "--before", cutoff, "--yes", "--db", str(made.path)]) == 0
    assert {r[0] for r in _rows(made.path, "select id from sessions")} == set(kept)
    assert _rows(made.path, "select count(*) from turns where session_id not in (select id from sessions)") == [(0,)]
    assert _rows(made.path, "select count(*) from story_names") == [(0,)]
    for sid in old:
        assert not (root / "audio" / sid).exists()
    for sid in kept:
        assert len(list((root / "audio" / sid).glob("*.wav"))) == 5   # four answers and one cut short


def test_purge_without_a_terminal_or_yes_refuses(made, capsys, monkeypatch) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("yes\n"))
    assert main(["purge", "--db", str(made.path)]) == 1
    err = capsys.readouterr().err
    assert "no terminal" in err and "--yes" in err and err.count("\n") == 1
    assert len(_rows(made.path, "select id from sessions")) == 8


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_purge_asks_on_a_terminal(made, capsys, monkeypatch) -> None:
    monkeypatch.setattr("sys.stdin", _Tty("n\n"))
    assert main(["purge", "--db", str(made.path)]) == 1
    assert "nothing deleted" in capsys.readouterr().out
    assert len(_rows(made.path, "select id from sessions")) == 8
    monkeypatch.setattr("sys.stdin", _Tty("y\n"))
    assert main(["purge", "--db", str(made.path)]) == 0
    assert _rows(made.path, "select count(*) from sessions") == [(0,)]
    assert _rows(made.path, "select count(*) from turns") == [(0,)]
    assert not [p for p in (made.path.parent / "audio").rglob("*") if p.is_file()]
    assert main(["purge", "--db", str(made.path), "--yes"]) == 0
    assert "nothing to purge" in capsys.readouterr().out
