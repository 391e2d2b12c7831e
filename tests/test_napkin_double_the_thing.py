"""A doubling of a thing named without a figure ("a hard rule against more than double the size") doubles that
thing: the last figure of an earlier sentence ("two months of returns") is not its base, and a figure after it ("it
took three days") is no doubled result to check. A story told this way is not held down for a wrong figure."""
from __future__ import annotations

from tests.scored import card_for

STORY = ("I owned the size recommendation model at a clothing retailer, and returns for fit were our largest cost. I "
         "read two months of returned orders and found most came from one brand whose sizes ran small. I added a "
         "correction per brand and a rule against more than double the usual size jump, and I chose that over a new "
         "model because the rule took three days and the model would have taken a quarter. Fit returns fell from 11 "
         "percent to 7 percent in the following month.")


def test_double_the_thing_named_checks_no_earlier_figure() -> None:
    card = card_for("bh-simple-over-complex", STORY)
    assert not [c for c in card.sizing.checks if c.rule == "scale"], [c.message for c in card.sizing.checks]
    assert card.calibration is not None
    assert not any("wrong figure" in s for s in card.calibration.steps), card.calibration.steps
