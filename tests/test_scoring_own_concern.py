"""The concern the speaker raised before acting ("my worry was that the holiday flag only lands a day late") is the
problem the story is about, told as their own judgement: it does not count towards a scene that runs on before the
first step."""
from __future__ import annotations

from coach.scoring import score_answer

SCENE = ("At a chain of garden centres the merchandising analyst had built a new model that set the weekly order of "
         "bedding plants for every store, and she wanted it running before the spring rush because that is when "
         "most of the year's plants are sold and her director had already told the stores it was coming. ")
CONCERN = ("My worry was that one of its inputs, the local weather forecast for the coming week, was in her notebook "
           "taken from the actual weather recorded afterwards, while the live system only has the forecast. ")
STEPS = ("I ran last spring through her model with the forecasts as they were issued at the time, and the orders for "
         "the wettest stores came out about twelve percent too high. "
         "I showed her both runs side by side and we agreed to train on archived forecasts and run it beside the old "
         "ordering rule for three weeks. "
         "It went live a week later than she planned, and plant waste in the first month fell by about eight percent.")


def test_the_speakers_concern_is_not_scene() -> None:
    card = score_answer(SCENE + CONCERN + STEPS, round_spec=None)
    assert not any("scene runs" in s for s in card.calibration.steps), card.calibration.steps
    assert card.overall >= 4.0, card.calibration.steps


def test_a_scene_that_runs_on_is_still_held_down() -> None:
    # the same length told as more scene, not as the speaker's concern, still delays the first step
    more = ("The chain had been growing quickly, with new stores opening every few months across the north, and the "
            "old ordering rule had been written by a buyer who retired, so nobody really knew how it worked any more. ")
    card = score_answer(SCENE + more + STEPS, round_spec=None)
    assert any("scene runs" in s for s in card.calibration.steps), card.calibration.steps
