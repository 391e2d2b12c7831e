"""The threshold of a guard the speaker set ("it alerts us if more than three percent of rows fall outside the
range") is a setting, not a measured outcome: a story of what broke whose only figure after the steps is such a
threshold has not measured what the failure cost or what the fix changed."""
from __future__ import annotations

from coach.content.loader import default_content
from coach.scoring import score_answer
from coach.scoring.star import measures

# a failure found late and fixed, whose damage is told only in words; the one figure in the closing part is the
# alert threshold of the guard that was added
UNMEASURED = ("A supplier changed their price feed so that prices arrived in cents rather than euros. "
              "Our demand model read every product as a hundred times dearer and stopped recommending restocks. "
              "We only heard about it when a store manager rang the help desk a week later about empty shelves. "
              "I traced the drop to the price column and pinned the model to the last good snapshot that afternoon. "
              "Then I asked the supplier team to fix the feed and I added a unit conversion on our side as well. "
              "After that I put a check on every input column that alerts us if more than three percent of rows "
              "fall outside the range seen in training. "
              "So some shelves were empty for a while, but nothing similar has slipped through since.")


def test_a_threshold_set_is_not_a_measure() -> None:
    assert not measures("it alerts us if more than three percent of rows fall outside the range")
    assert not measures("the job pages the on-call whenever the error rate goes above 2%")
    assert measures("the error rate went from 4% to 1%")
    assert measures("stockouts fell by more than 30 percent")


def test_the_unmeasured_failure_stays_below_the_measured_level() -> None:
    content = default_content()
    q = content.questions["dd-what-broke"]
    card = score_answer(UNMEASURED, question=q, round_spec=content.rounds.get(q.round),
                        rubric=content.rubrics.get(q.round), followup=True)
    assert not any(s.startswith("specific actions and a measured result") for s in card.calibration.steps)
    assert card.overall < 4.0
