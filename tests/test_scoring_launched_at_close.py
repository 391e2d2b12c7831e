"""A story that tells its last steps and what landed in one closing sentence ("..., and then launched it") has told
its outcome, unmeasured: the rubric's level 3, not a story with no result. Answers written for this file."""
from __future__ import annotations

from coach.content.loader import default_content
from coach.domain import Transcript
from coach.scoring import score_answer

HELD = ("Our churn model for the gym app was ready a week before the spring campaign, and marketing wanted it on. "
        "Checking it by region, I found it scored every member in two new cities as leaving, because their join "
        "dates were missing. I argued that we should hold it. We held it for nine days, fixed the join dates, and "
        "then launched it.")
STOPS = ("Our churn model for the gym app was ready a week before the spring campaign, and marketing wanted it on. "
         "Checking it by region, I found it scored every member in two new cities as leaving, because their join "
         "dates were missing. I argued that we should hold it. We held it for nine days and fixed the join dates.")


def _card(text: str):  # type: ignore[no-untyped-def]
    content = default_content()
    return score_answer(Transcript(text), question=content.questions["bh-model-not-shipped"],
                        round_spec=content.rounds["behavioral"], rubric=content.rubrics["behavioral"], level="senior")


def test_a_story_that_ends_with_the_work_going_out_is_told_to_its_outcome() -> None:
    held, stops = _card(HELD), _card(STOPS)
    assert held.calibration.level >= 2.8, held.calibration.steps
    assert held.overall > stops.overall + 0.5, (held.overall, stops.overall)
