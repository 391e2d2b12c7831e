"""Rules added after the seventh fresh part of the graded set was scored once and folded into tuning, checked on
answers written for these tests (not copies of the graded set)."""
from __future__ import annotations

from coach.scoring import score_answer


def test_an_outcome_told_after_the_time_that_passed_opens_the_result() -> None:
    story = ("so at the parcel depot we had a model that guessed which vans would run late | and my manager wanted "
             "to add the drivers' overtime logs as a feature | and i thought that was a bad idea because overtime "
             "is logged after the van is already late | so first i sat with her and asked what she hoped it would "
             "catch | and i built two versions one with overtime lagged by a week and one without it | and i wrote "
             "up what each one caught for the ops lead | so we agreed to use the lagged logs only on rural routes | "
             "after four months the planners were catching about twenty percent more late vans on rural routes")
    card = score_answer(story.replace(" | ", " "), round_spec=None)
    assert card.star.labels[-1] == "result", card.star.labels
    assert card.star.result.evidence[0].startswith("after four months"), card.star.result.evidence
    assert card.star.measurable_result
