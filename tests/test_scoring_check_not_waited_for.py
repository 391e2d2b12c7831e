"""A check the speaker did not wait for is skipped whatever words say which check it was ("the second review of the
join", "the final sign-off"), and with an adverb before the "not" ("I also did not wait for ..."): told as how the
date was made and never owned, it is the lapse a strong interviewer marks down; another check's results not waited
for, or review comments that came late, skip nothing."""
from __future__ import annotations

from coach.scoring.red_flags import safeguard_skipped
from tests.scored import card_for

NOT_WAITED = ("The retail client had booked a launch slot on the twelfth, so our demand model had to be in by then. "
              "I owned the model and its weekly retraining. Ten days out I was behind, so I trimmed the feature list to "
              "the forty that mattered and ran one training pass instead of a sweep. I also did not wait for the "
              "second review of the holiday calendar join, because my colleague was on leave and my own checks "
              "passed. We launched on the eleventh. A week later store managers saw the forecast for bank holidays was "
              "double the real demand: the join had shifted every holiday by a day. I fixed the join and we retrained. "
              "In the end the forecast error for the quarter was 6 percent lower than the old model's.")


def test_a_review_not_waited_for_in_a_deadline_story_is_a_lapse() -> None:
    card = card_for("bh-deadline-quality", NOT_WAITED)
    assert card.calibration is not None
    how = " ".join(card.calibration.steps)
    assert "skips a safeguard" in how and card.overall <= 2.0, how


def test_which_check_is_said_in_any_words() -> None:
    assert safeguard_skipped("I didn't wait for the final sign-off from the privacy team.")
    assert safeguard_skipped("We also did not run the shadow evaluation before the switch.")


def test_late_comments_or_results_skip_nothing() -> None:
    assert not safeguard_skipped("We did not get the code review comments until Monday, so I answered them then.")
    assert not safeguard_skipped("I did not wait for the test results to come in before lunch.")
