"""A real headless interview: espeak-ng answers, real Whisper, real llama.cpp, real SQLite."""
from __future__ import annotations

import json
import sqlite3
import subprocess
from pathlib import Path

import pytest

from coach.cli import main
from tests.conftest import speak_to_wav

ANSWER_1 = ("At my last company our fraud model was missing new attack patterns. I was asked to fix the "
            "retraining pipeline. I rebuilt the feature pipeline and added daily retraining.")
ANSWER_2 = ("I personally wrote the backfill job and the validation checks. After launch, fraud losses "
            "dropped by thirty percent in two months.")


@pytest.fixture(scope="module")
def answers(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    folder = tmp_path_factory.mktemp("headless")
    return [speak_to_wav(ANSWER_1, folder / "a.wav"), speak_to_wav(ANSWER_2, folder / "b.wav")]


def test_headless_interview_logs_every_turn_with_audio_and_timings(tmp_path: Path, answers, capsys) -> None:
    db = tmp_path / "coach.db"
    speak = tmp_path / "spoken"
    # (a question the answers are about: a fraud-pipeline story told to the mentoring question is off topic)
    code = main(["interview", "--headless", "--answers", *map(str, answers), "--db", str(db),
                 "--round", "behavioral", "--question", "bh-production-incident", "--question", "bh-ambiguity",
                 "--question", "bh-mentoring", "--speak-to", str(speak), "--seed", "3"])
    out = capsys.readouterr().out
    assert code == 0, out
    assert out.startswith("session ")
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    session = conn.execute("select * from sessions").fetchone()
    assert session["status"] == "ended_early" and session["round"] == "behavioral"   # the answers ran out first
    # (a second answer that measures the result closes its probe: the interviewer may move on to the next question)
    assert "ended early (no more answers, after" in out
    assert "whisper" in session["stt_model"] and "llama" in session["llm_model"]
    turns = conn.execute("select * from turns order by idx").fetchall()
    kinds = [(t["speaker"], t["kind"]) for t in turns]
    # question, answer, follow-up (or next question), answer, closing
    assert kinds[0] == ("interviewer", "question")
    assert kinds[1] == ("candidate", "answer")
    assert kinds[2][0] == "interviewer" and kinds[2][1] in ("followup", "question")
    assert kinds[3] == ("candidate", "answer")
    assert kinds[-1] == ("interviewer", "closing")
    for answer in (turns[1], turns[3]):
        assert answer["transcribe_ms"] > 0 and answer["score_ms"] is not None
        assert (db.parent / answer["audio_path"]).stat().st_size > 16000
        assert json.loads(answer["scores"])["overall"] is not None
        assert json.loads(answer["segments"])
    assert "fraud" in turns[1]["text"].lower()
    for line in turns[0], turns[2], turns[-1]:
        assert line["speak_ms"] is not None
    if turns[2]["kind"] == "followup":
        assert turns[2]["think_ms"] > 0 and turns[2]["gap"] and turns[2]["source"] in ("model", "bank")
        assert turns[2]["text"].endswith("?")
    spoken = [t for t in turns if t["speaker"] == "interviewer"]
    assert len(list(speak.glob("*.wav"))) == len(spoken)   # every interviewer line was spoken to a file

    assert main(["sessions", "--db", str(db), "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert listed[0]["id"] == session["id"] and listed[0]["answers"] == 2
    assert main(["sessions", "--db", str(db), "--id", session["id"]]) == 0
    shown = capsys.readouterr().out
    assert "transcribe" in shown and "fraud" in shown.lower()


def test_silent_answer_stops_with_one_line_and_keeps_earlier_turns(tmp_path: Path, answers, capsys) -> None:
    silent = tmp_path / "silent.wav"
    subprocess.run(["sox", "-n", "-r", "16000", "-c", "1", str(silent), "trim", "0", "3"], check=True)
    db = tmp_path / "coach.db"
    code = main(["interview", "--headless", "--answers", str(answers[0]), str(silent), "--db", str(db), "--silent"])
    err = capsys.readouterr().err
    assert code == 1
    assert "no speech detected" in err
    conn = sqlite3.connect(db)
    assert conn.execute("pragma integrity_check").fetchone()[0] == "ok"
    assert conn.execute("select status from sessions").fetchone()[0] == "failed"
    rows = conn.execute("select speaker, kind from turns order by idx").fetchall()
    assert rows[:2] == [("interviewer", "question"), ("candidate", "answer")]
    assert ("candidate", "answer") not in rows[2:]          # no half-written turn for the silent answer


def test_missing_model_path_is_one_line_and_creates_no_session(tmp_path: Path, answers, capsys) -> None:
    db = tmp_path / "coach.db"
    code = main(["interview", "--headless", "--answers", str(answers[0]), "--db", str(db), "--silent",
                 "--llm", str(tmp_path / "nope.gguf")])
    err = capsys.readouterr().err
    assert code == 1 and err.count("\n") == 1
    assert "model not found" in err and "nope.gguf" in err
    assert sqlite3.connect(db).execute("select count(*) from sessions").fetchone()[0] == 0


def test_truncated_model_file_is_named(tmp_path: Path, answers, capsys) -> None:
    broken = tmp_path / "cut.gguf"
    broken.write_bytes(b"GGUF" + b"\0" * 5000)
    code = main(["interview", "--headless", "--answers", str(answers[0]), "--db", str(tmp_path / "c.db"),
                 "--silent", "--llm", str(broken)])
    err = capsys.readouterr().err
    assert code == 1 and "truncated" in err and "cut.gguf" in err


def test_corrupt_answer_file_gives_one_line(tmp_path: Path, capsys) -> None:
    bad = tmp_path / "bad.wav"
    bad.write_bytes(b"\x00\x01garbage" * 500)
    code = main(["interview", "--headless", "--answers", str(bad), "--db", str(tmp_path / "c.db"), "--silent"])
    err = capsys.readouterr().err
    assert code == 1 and "cannot decode" in err and err.count("\n") <= 2
