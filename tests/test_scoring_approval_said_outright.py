"""An outcome told only as a verdict said outright ("in the end it worked out really well") or as the partners'
liking ("the product managers loved that they could read it"), in a story that misses most of what was asked, is
the rubric's thin story with its result unsaid, as "everyone was happy" is."""
from __future__ import annotations

from tests.scored import card_for

POLISHED = ("I have always believed that the simplest model that solves the problem is the right one. On a pricing "
            "project at my previous employer there was real enthusiasm for a graph neural network over the product "
            "catalogue. I encouraged the group to focus on what the business truly needed, which was clarity and "
            "speed. So we settled on gradient boosted trees with carefully chosen features. I ran several sessions "
            "with the product managers so everyone understood the reasoning, and I made sure we kept things clean "
            "and maintainable. In the end it worked out really well. The product managers loved that they could "
            "read the drivers of each price, and the approach became our default for this kind of decision.")


def test_a_verdict_and_liking_as_the_only_outcome_cost_as_approval() -> None:
    card = card_for("bh-simple-over-complex", POLISHED)
    assert card.calibration is not None
    how = " ".join(card.calibration.steps)
    assert "only approval" in how and card.overall <= 2.4, how
