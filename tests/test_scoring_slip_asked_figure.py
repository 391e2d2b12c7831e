"""A story asked for a figure ("What did it cost to train and run that system?") whose own figure of it is wrong by far
answers the question with a wrong figure: held at SLIP_ASKED_CAP, the rubric's level 2, however well the rest is told.
The same figure right, or the same slip beside a question that asks for something else, is not held by this rule."""
from __future__ import annotations

from coach.scoring.levels import SLIP_ASKED_CAP
from tests.scored import card_for

STORY = ("I owned the basket recommendation model for a grocery delivery app. "
         "Serving ran on twelve CPU machines at fifty cents an hour each, so six dollars an hour, and over a month of "
         "about 720 hours that came to roughly {bill} dollars. "
         "Training was a nightly job on two GPUs for about three hours. "
         "I moved the nightly training onto spot instances and cut the feature backfill from a year to three months. "
         "That brought the training bill down by about forty percent, and the recommendations held their click rate.")
ASKED = "the figure the question asks for is wrong"


def _steps(qid: str, bill: str) -> tuple[str, ...]:
    card = card_for(qid, STORY.format(bill=bill), followup=True)
    assert card.calibration is not None
    return card.calibration.steps


def test_a_cost_story_whose_bill_is_wrong_by_far_is_held() -> None:
    card = card_for("dd-cost", STORY.format(bill="43,000"), followup=True)
    assert card.calibration is not None
    assert any(ASKED in s for s in card.calibration.steps), card.calibration.steps
    assert card.calibration.level <= SLIP_ASKED_CAP


def test_the_bill_right_is_not_held() -> None:
    assert not any(ASKED in s for s in _steps("dd-cost", "4,300"))


def test_the_same_slip_beside_a_question_about_something_else_is_not_held_by_it() -> None:
    assert not any(ASKED in s for s in _steps("dd-scaling", "43,000"))
