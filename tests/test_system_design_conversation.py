"""A real headless system-design interview: the candidate asks before designing, the interviewer answers
from the question's facts (espeak-ng speech, real Whisper, the default llama.cpp interviewer, real SQLite)."""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from coach.cli import main
from coach.commands.replay import run as _replay_run  # noqa: F401  (the replay command must import)
from tests.conftest import speak_to_wav

CLARIFY = ("Before I design anything, how many transactions per second do we see at peak, "
           "and what is the latency budget for a decision?")
DESIGN = ("I would score each payment with a gradient boosted tree model behind a low latency service. Features "
          "come from a streaming pipeline with velocity counts per card and device. Rules catch the obvious cases "
          "first, and the thresholds come from the cost of a missed fraud against a blocked customer.")
MORE = "I would shadow the model for two weeks, then ramp it to five percent of traffic and watch the approval rate."


@pytest.fixture(scope="module")
def answers(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    folder = tmp_path_factory.mktemp("system-design")
    return [speak_to_wav(text, folder / f"{i}.wav") for i, text in enumerate((CLARIFY, DESIGN, MORE))]


@pytest.mark.slow
def test_the_clarifying_question_is_answered_from_the_facts_then_the_design_is_probed(tmp_path: Path, answers,
                                                                                       capsys) -> None:
    db = tmp_path / "coach.db"
    code = main(["interview", "--headless", "--silent", "--round", "system-design", "--question", "sd-fraud-detection",
                 "--answers", *map(str, answers), "--db", str(db)])
    out = capsys.readouterr().out
    assert code == 0, out
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    turns = conn.execute("select * from turns order by idx").fetchall()
    kinds = [(t["speaker"], t["kind"]) for t in turns]
    assert kinds[:4] == [("interviewer", "question"), ("candidate", "clarification"),
                         ("interviewer", "clarification"), ("candidate", "answer")]
    asked, reply = turns[1], turns[2]
    assert asked["scores"] is None and "per second" in asked["text"].lower()       # not scored as an answer
    assert "3,000" in reply["text"] and "100 milliseconds" in reply["text"]         # the question's own facts
    assert "?" not in reply["text"]                                                  # answered, not asked back
    card = json.loads(turns[3]["scores"])
    assert "no_clarifying" not in {g["id"] for g in card["gaps"]} and card["clarifications"]
    probe = turns[4]
    assert (probe["speaker"], probe["kind"]) == ("interviewer", "followup") and probe["text"].endswith("?")
    assert probe["gap"] in {g["id"] for g in card["gaps"]}
    assert "clarification (not scored)" in out

    assert main(["replay", conn.execute("select id from sessions").fetchone()["id"], "--db", str(db)]) == 0
    shown = capsys.readouterr().out
    assert "clarifying question · not scored" in shown and "answers your clarifying question" in shown
    assert "3,000" in " ".join(shown.split())


@pytest.mark.slow
def test_spoken_two_part_questions_get_a_fact_for_each_part_they_ask(tmp_path: Path, transcriber) -> None:
    # espeak-ng speech through the real Whisper: the transcript loses marks and words ("Wats the peak mile and
    # how long until ..."), and the interviewer still answers what each part asked, and nothing else
    from coach.adapters.audio_io import decode_file
    from coach.content import default_content
    from coach.interview import clarify

    content = default_content()
    spoken = (("sd-fraud-detection", "What's the peak volume, and how long until the labels come back?",
               ("traffic", "labels")),
              ("sd-fraud-detection", "How big is the review team, and how many payments can they check in a day?",
               ("team",)),
              ("sd-notification-ranking", "How many notifications do we send a day, and is there a cap per user?",
               ("traffic", "constraints")))
    for i, (qid, text, wanted) in enumerate(spoken):
        heard = transcriber.transcribe(decode_file(speak_to_wav(text, tmp_path / f"{i}.wav"))).text
        asked = clarify.clarifying_questions(heard)
        assert asked, heard
        reply, used = clarify.reply(asked, dict(content.question(qid).facts), said=heard)
        assert used == wanted, (heard, reply)
        assert "?" not in reply and "assumption" not in reply
