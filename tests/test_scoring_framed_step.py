"""A terse answer may tell its step only as the frame of its outcome ("When I moved it onto the new scheduler last
spring, late reports fell from twelve a month to one"): that sentence tells a step of the speaker's own as well as
what came of it (coach/scoring/levels.py `_action_sentences`)."""
from __future__ import annotations

from coach.content import load_content
from coach.scoring import score_answer

TERSE = (
    "The largest is the reorder model at a chain of hardware stores, which decides how many of each item every store "
    "orders each night. "
    "It covers about forty thousand items across three hundred stores, roughly two billion dollars of stock a year. "
    "I was responsible for all of it: the sales features, the nightly training, the safety-stock rule with the buyers, "
    "and the service the stores call. "
    "When I rebuilt the forecast two years ago, empty shelves fell from six percent of items to under three, with no "
    "rise in stock written off.")


def test_a_step_told_as_the_frame_of_the_outcome_counts() -> None:
    content = load_content()
    card = score_answer(TERSE, question=content.questions["rc-biggest-system"],
                        round_spec=content.rounds.get("recruiter"), rubric=content.rubrics.get("recruiter"),
                        level="senior")
    assert any("specific actions and a measured result" in s for s in card.calibration.steps)
    assert card.overall >= 3.5
