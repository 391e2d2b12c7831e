"""A complaint told with a figure ("my salary has not had a raise in three years") is no measured outcome of the
speaker's work: a view that tells only grievances earns no credit for a concrete outcome."""
from __future__ import annotations

from tests.scored import card_for

COMPLAINT = ("well honestly i have been at my company for about five years and it was good at first we launched the "
             "search ranking and the team was great but then we got a new director and the ratings dropped after a "
             "redesign and of course they blamed the model and nobody listens to engineers there and i have not had a "
             "raise in three years so yeah it just feels like it is time to go")


def test_a_grievance_with_a_figure_earns_no_credit_as_an_outcome() -> None:
    card = card_for("rc-why-looking", COMPLAINT)
    assert card.calibration is not None
    assert not any("measured outcome of their own work" in s for s in card.calibration.steps), card.calibration.steps
