"""A step the speaker tells in a later clause of a scene sentence ("At a parcel firm I looked after the arrival-time
model, and I rewrote its feature pipeline ...") is one of the story's first-person steps, as it is one of its
action sentences (coach/scoring/levels.py `_action_sentences`): a career told role by role ("Then I spent three years
at a retailer, and I led the switch to a learned ranker") packs its steps that way."""
from __future__ import annotations

from coach.scoring import score_answer

STORY = ("At a parcel delivery firm I looked after the arrival-time model for the vans, and I rewrote its feature "
         "pipeline when the old one kept timing out. "
         "I checked the new features against the old ones on a month of routes before switching. "
         "Late-arrival complaints fell by about a quarter within two months, and I documented the new pipeline for the "
         "team.")


def test_a_step_in_a_later_clause_of_the_scene_is_counted() -> None:
    card = score_answer(STORY, level="senior")
    assert card.star.labels[0] == "situation"
    assert any("3 first-person steps" in s for s in card.calibration.steps)


def test_a_scene_with_no_step_of_its_own_adds_none() -> None:
    plain = STORY.replace(", and I rewrote its feature pipeline when the old one kept timing out", "")
    card = score_answer(plain, level="senior")
    assert not any("first-person steps" in s for s in card.calibration.steps)
