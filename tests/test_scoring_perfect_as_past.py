"""A one-off step told in the present perfect, as many speakers whose first language marks the past that way do
("Two days before the review I have written a short note for her", "I have drawn one chart with the last four
seasons"), is a step of the story: it is labelled an action like "I wrote" (coach/scoring/star.py)."""
from __future__ import annotations

from coach.scoring.star import label_sentence


def _best(sentence: str) -> str:
    scores = label_sentence(sentence)
    return max(scores, key=lambda c: scores[c])


def test_a_one_off_step_in_the_present_perfect_is_an_action() -> None:
    assert _best("Two days before the review I have written a short note for her with the three worst weeks.") == "action"
    assert _best("I have drawn one chart with the last four seasons of ticket sales for the board.") == "action"


def test_experience_in_the_present_perfect_is_not() -> None:
    assert label_sentence("I have worked with ranking models for six years.")["action"] < 2.0
    assert _perfect_as_past_kept("I have always written the tests first.")


def _perfect_as_past_kept(sentence: str) -> bool:
    from coach.scoring.star import _perfect_as_past
    return _perfect_as_past(sentence.lower()) == sentence.lower()
