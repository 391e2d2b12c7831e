"""Hedges dropped into a clause ("I, I suppose, ran the rollout", "we kind of rebuilt it", "it cut the backlog, I
think, by a third") soften how a step or an outcome is said, not what it tells: the labels read through them, so a
hedged but real story is still a story."""
from __future__ import annotations

from coach.scoring.star import label_sentence
from tests.scored import card_for

HEDGED = ("I guess the biggest one would be the fraud scoring at my current job, a payments company, which handles "
          "something like a thousand card checks a second. I was, I suppose, mostly in charge of the feature side. "
          "I kind of rebuilt the velocity features on a streaming job, maybe two years ago. It cut the chargebacks, I "
          "think, by about a fifth, though I would want to check the exact figure.")


def _top(sentence: str) -> str:
    scores = label_sentence(sentence)
    return max(scores, key=lambda c: scores[c]) if max(scores.values()) > 0 else "other"


def test_a_step_with_a_hedge_before_its_verb_is_an_action() -> None:
    assert _top("I kind of rebuilt the velocity features on a streaming job two years ago.") == "action"


def test_a_belief_without_the_commas_is_still_no_story() -> None:
    assert _top("I believe good engineers review each other's work every day.") == "other"


def test_a_hedged_real_story_is_scored_as_a_story() -> None:
    card = card_for("rc-biggest-system", HEDGED)
    assert "no story" not in " ".join(card.calibration.steps) and card.overall > 1.0
