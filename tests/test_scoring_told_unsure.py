"""A story whose own facts are told unsure ("I believe we compared ...", "maybe four percent, I think") gives the
interviewer evidence they cannot lean on: it costs a level step that the same story told plainly does not pay; a
hedge or two in a long answer costs nothing."""
from __future__ import annotations

from tests.fixtures.scoring import score_for

_PLAIN = ("For our fraud model's last version, we compared it with the production model on the last six weeks of "
          "transactions, held out by time. We looked at recall at a fixed one percent review rate, because that is "
          "what the review team can handle. The new model caught about nine percent more fraud at that rate, and I "
          "broke it down by merchant size, where it was slightly worse for the smallest merchants, which we accepted "
          "because they carry little fraud. Then we ran it in shadow for three weeks and the catch rate held. I wrote "
          "the launch note and presented it at the risk review. Looking back, I'd agree the launch threshold with the "
          "risk team before the test.")
_UNSURE = ("For our fraud model's last version, I think we compared it with the production model on, I believe, the "
           "last six weeks of transactions, held out by time. We looked at recall at a fixed one percent review rate, "
           "probably because that is what the review team can handle. The new model caught maybe nine percent more "
           "fraud at that rate, I think, and I sort of broke it down by merchant size, where it was slightly worse for "
           "the smallest merchants, which we accepted because they carry little fraud, I guess. Then we ran it in "
           "shadow for maybe three weeks and the catch rate held. I wrote the launch note and presented it at the "
           "risk review, I think. Looking back, I'd agree the launch threshold with the risk team before the test.")


def test_a_story_told_unsure_costs_a_step() -> None:
    plain = score_for(_PLAIN, "dd-evaluation-rigor", "senior")
    unsure = score_for(_UNSURE, "dd-evaluation-rigor", "senior")
    assert any(s.startswith("told unsure") for s in unsure.calibration.steps), unsure.calibration.steps
    assert not any(s.startswith("told unsure") for s in plain.calibration.steps)
    assert unsure.overall <= plain.overall - 0.5


def test_a_hedge_or_two_costs_nothing() -> None:
    two = _PLAIN.replace("We looked at", "I think we looked at").replace("held out by time", "held out by time, "
                                                                         "maybe a bit more")
    card = score_for(two, "dd-evaluation-rigor", "senior")
    assert not any(s.startswith("told unsure") for s in card.calibration.steps)
