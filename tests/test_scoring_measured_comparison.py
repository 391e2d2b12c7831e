"""An outcome told as a measured difference ("the trial stores sold eleven percent more bread", "the queue cleared
faster than we had planned") is the story's measured result, not one more step; two options compared by a step ("her
model was two points better") stay what the step found."""
from __future__ import annotations

from coach.scoring.star import label_sentence
from tests.scored import card_for

GAIN = ("At a chain of bakeries I owned the daily order forecast for each store. The store managers kept throwing away "
        "bread on quiet days, and my task was to cut that waste without empty shelves. I added the local weather and "
        "school holidays as features and retrained the model on two years of sales. We took the numbers to the area "
        "managers together, agreed on a trial in twenty stores, and I took on the rollout myself. Over six weeks the "
        "trial stores got about eleven percent more sales of fresh bread, and waste did not rise.")


def _best(sentence: str) -> str:
    scores = label_sentence(sentence)
    return max(scores, key=lambda k: scores[k])


def test_a_gain_told_as_a_comparison_is_an_outcome() -> None:
    assert _best("The trial stores sold eleven percent more of the fresh lines than the other stores.") == "result"
    assert _best("In the pilot the new layout got about nine percent more sign-ups.") == "result"
    assert _best("and the backlog was cleared in two weeks which was far quicker than we had planned") == "result"


def test_two_options_compared_by_a_step_are_not_an_outcome() -> None:
    assert _best("Her model was two points better on recall, but it took three times the latency.") != "result"


def test_a_story_ending_on_a_measured_comparison_reaches_the_measured_level() -> None:
    card = card_for("bh-simple-over-complex", GAIN)
    assert card.star.result.present and card.star.measurable_result
    assert card.overall >= 3.5, card.calibration.steps if card.calibration else None
