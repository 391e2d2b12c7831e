"""What makes a story a 5 rather than a 4, said in plain words: hindsight as "were I to start over", "starting
sooner would have been better" or "I would now ..." is the rubric's reflection; "a year on ..." and a process that
"now goes through" what the speaker built is an outcome that lasted (coach/scoring/levels.py)."""
from __future__ import annotations

from coach.scoring.levels import _LASTING, reflects
from coach.scoring import score_answer


def test_hindsight_in_other_words_is_a_reflection() -> None:
    assert reflects("Were I to start over, I'd have the warehouse team in the first design meeting.")
    assert reflects("If I had to do it again, I would write the rollback plan before the model.")
    assert reflects("Talking to the drivers a month earlier would have been better, because they knew the routes.")
    assert reflects("The review only looked at weekday traffic, and I would now sample weekends as well.")


def test_plain_statements_are_not_reflections() -> None:
    assert not reflects("We now own the pipeline end to end and run it every night.")
    assert not reflects("If I were on call that week, I would get the page.")


def test_a_year_on_and_a_process_that_now_runs_through_the_work_lasted() -> None:
    assert _LASTING.search("A year on, every pricing change is checked against the same replay.")
    assert _LASTING.search("Every schema change now goes through the contract test we wrote.")
    assert not _LASTING.search("A week later we found the second bug in the join.")


STORY = (
    "At a regional bus operator, the arrival predictions on the stop displays were tuned by hand for each route. "
    "I was asked to replace the hand tuning with a model the timetable team could trust. "
    "I pulled two years of vehicle positions and built a model per corridor, with the hand-tuned numbers as the baseline. "
    "I sat with two of the timetable planners every week to go through the routes where the model was worse. "
    "Arrival error on the displays fell from about three minutes to seventy seconds across the network. "
    "A year on, every new route goes through the same corridor model before it gets a display. "
    "Were I to start over, I would bring the planners in before writing any code, since they knew where the buses bunch.")


def test_a_story_with_hindsight_and_a_lasting_change_reaches_five() -> None:
    card = score_answer(STORY, level="senior")
    steps = " ".join(card.calibration.steps)
    assert "reflection" in steps and "lasted" in steps
    assert card.overall >= 4.5
