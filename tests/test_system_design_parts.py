"""A real headless system-design interview where the candidate asks in several parts and hands a guess back:
every part is answered from the question's facts, and the guess is settled (espeak-ng speech, real Whisper,
the default llama.cpp interviewer, real SQLite)."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from coach.cli import main
from tests.conftest import speak_to_wav

PARTS = "What is the peak volume, how fresh must the features be, and what is the budget for serving?"
GUESS = "And the fraud labels come back a few weeks later, I'd guess, but you tell me."
DESIGN = ("I would score each payment with a gradient boosted tree model behind a low latency service, with "
          "velocity counts per card from a streaming pipeline, and send the uncertain middle band to review.")


@pytest.mark.slow
def test_every_part_is_answered_and_a_guess_handed_back_is_settled(tmp_path: Path) -> None:
    wavs = [speak_to_wav(text, tmp_path / f"{i}.wav") for i, text in enumerate((PARTS, GUESS, DESIGN))]
    db = tmp_path / "coach.db"
    code = main(["interview", "--headless", "--silent", "--round", "system-design", "--question", "sd-fraud-detection",
                 "--answers", *map(str, wavs), "--db", str(db)])
    assert code == 0
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    turns = conn.execute("select * from turns order by idx").fetchall()
    kinds = [(t["speaker"], t["kind"]) for t in turns]
    assert kinds[:6] == [("interviewer", "question"), ("candidate", "clarification"), ("interviewer", "clarification"),
                         ("candidate", "clarification"), ("interviewer", "clarification"), ("candidate", "answer")], kinds
    parts = turns[2]["text"]
    assert "3,000" in parts and "100 milliseconds" in parts and "CPUs we already own" in parts, parts
    assert "30 days" in turns[4]["text"] and "state an assumption" not in turns[4]["text"]
