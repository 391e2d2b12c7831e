"""A session that ends before any answer is scored closes with what happened in it, not with advice from
scores it does not have: the clarifying questions asked and the facts heard, then what to do next (real
SQLite, the real scorer and clarification rules; typed answers stand in for the microphone)."""
from __future__ import annotations

from pathlib import Path

import pytest

from coach.adapters.store_sqlite import SQLiteStore
from tests.fixtures.typed import run_typed_session

ASK_FACTS = ("Before I design anything, how many transactions per second do we see at peak, and what is the "
             "latency budget for a decision?")
ASK_UNKNOWN = "Before I start, do we have to support more than one language?"


def _closing(tmp_path: Path, question_id: str, answers: list[str]) -> tuple[str, list[str]]:
    sid = run_typed_session(tmp_path / "coach.db", question_id, answers)
    store = SQLiteStore(tmp_path / "coach.db")
    turns = store.turns(sid)
    store.close()
    assert turns[-1]["kind"] == "closing"
    return turns[-1]["text"], [t["kind"] for t in turns]


def test_a_session_of_clarifying_questions_closes_on_the_facts_heard_and_the_design_still_to_give(
        tmp_path: Path) -> None:
    text, kinds = _closing(tmp_path, "sd-fraud-detection", [ASK_FACTS])
    assert kinds == ["question", "clarification", "clarification", "closing"]
    assert "nothing to score yet" in text
    assert "one clarifying question" in text and "traffic and latency" in text
    assert "sketch the design" in text
    assert "with numbers and a result" not in text and "nothing reached the bar" not in text    # the generic advice


def test_a_clarifying_question_no_fact_answers_closes_on_the_assumption_to_make(tmp_path: Path) -> None:
    text, _ = _closing(tmp_path, "sd-fraud-detection", [ASK_UNKNOWN])
    assert "assumption was yours to make" in text and "heard the facts" not in text


@pytest.mark.parametrize("question_id", ["sd-fraud-detection", "bh-disagreement"])
def test_a_session_ended_before_any_answer_says_so(tmp_path: Path, question_id: str) -> None:
    text, kinds = _closing(tmp_path, question_id, [])
    assert kinds == ["question", "closing"]
    assert "did not get to an answer" in text and "give a first answer" in text
    assert "clarifying question" not in text


def test_a_scored_session_keeps_the_closing_from_its_scores(tmp_path: Path) -> None:
    text, kinds = _closing(tmp_path, "bh-disagreement", [
        "My manager wanted to rewrite our feature pipeline in a new framework. I benchmarked both on a week of "
        "traffic, showed the rewrite would cost a quarter for a five percent speed-up, and we kept the old one."])
    assert "answer" in kinds and "nothing to score yet" not in text and "What worked best" in text
