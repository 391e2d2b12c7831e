"""A failure's damage counted in figures ("we counted about 640 orders we could not deliver, about 21,000 pounds") is
the measured outcome of a story about what broke, even where the closing sentence says only that the fix held."""
from __future__ import annotations

from coach.content.loader import default_content
from coach.scoring import score_answer
from coach.scoring.levels import _COUNTED_DAMAGE

BROKE = ("Our delivery slot model started offering slots the vans could not reach after the depot moved. "
         "On the fourth day I compared promised and actual arrival times per postcode and saw every slot for the new "
         "depot was forty minutes too early. "
         "I rolled the model back to the old depot's travel matrix that evening, then rebuilt the matrix from the new "
         "address and added a check that fails the build when a depot's coordinates change without a new matrix. "
         "Over those four days we counted about 640 orders we could not deliver on time, about 21,000 pounds in refunds. "
         "In June, when a second depot moved, the check ran and nothing broke.")


def test_a_counted_damage_is_heard() -> None:
    assert _COUNTED_DAMAGE.search(BROKE)
    assert not _COUNTED_DAMAGE.search("We counted the orders by hand every Friday.")


def test_the_story_reaches_the_measured_level() -> None:
    content = default_content()
    q = content.questions["dd-what-broke"]
    card = score_answer(BROKE, question=q, round_spec=content.rounds.get(q.round), rubric=content.rubrics.get(q.round),
                        followup=True)
    assert any(s.startswith("specific actions and a measured result") for s in card.calibration.steps)
