"""A process praised instead of told ("a very robust framework", "just best practice") names nothing that was done:
with no figure, two such phrases make the answer the rubrics' level 1. Said beside what was done, with its figures,
one of them does not."""
from __future__ import annotations

from coach.scoring import score_answer
from coach.scoring.levels import stock


def test_a_praised_process_with_nothing_behind_it_is_stock() -> None:
    text = ("We had a really robust framework for validating releases. "
            "Everything went through proper checks and it was honestly just best practice, which I made sure the "
            "team stuck to.")
    assert stock(text)
    card = score_answer(text, round_spec=None, level="senior")
    assert card.overall <= 1.5


def test_best_practice_beside_what_was_done_is_not() -> None:
    text = ("I followed best practice for the split: the last four weeks held out by date, about 1.2 million "
            "sessions, and a slice for each of the twelve markets.")
    assert not stock(text)
