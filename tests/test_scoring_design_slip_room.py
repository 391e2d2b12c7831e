"""A design that reads its own wrong figure as room to spare ("that is small enough that a single server handles all
of it") picks its components on the slip, as much as one that says the model "fits on one card": it could not work
as told and is held at SLIP_DESIGN_CAP, at the senior bar and at the staff bar alike (the cap is the answer's level,
not a ceiling the staff shortfall is then taken off)."""
from __future__ import annotations

import pytest

from coach.scoring.levels import SLIP_DESIGN_CAP
from tests.scored import card_for

SIZED = ("First, what do we optimise for? I would assume long-term engagement rather than raw clicks. For the feed, say thirty million daily users who each open it ten times a day, so 300 million requests a "
         "day; over the 86,400 seconds of a day that is about {rate} requests a second. {reading} The candidates come "
         "from two-tower retrieval over an approximate nearest neighbour index, then a gradient boosted ranker scores "
         "the top five hundred with user, item and context features; I would pick the boosted trees over a deep ranker for "
         "the first version because they are cheaper to serve, at some cost in quality. I would train on a week of logged impressions "
         "with clicks and long dwell as labels, check NDCG offline, run an A/B test on session length and hides "
         "before launch, and monitor feature freshness and the click-through rate per surface.")
ROOM = "That is small enough that a single ranking server handles all of it, so I would skip sharding the index."


@pytest.mark.parametrize("level", ["senior", "staff"])
def test_a_slip_read_as_room_to_spare_holds_the_design_at_the_cap(level: str) -> None:
    card = card_for("sd-feed-ranking", SIZED.format(rate="350", reading=ROOM), level=level)
    assert card.calibration is not None
    assert any("design choice rests on a wrong figure" in s for s in card.calibration.steps), card.calibration.steps
    assert card.calibration.level == SLIP_DESIGN_CAP
    assert card.overall <= 2.0


def test_the_right_figure_read_the_same_way_is_not_held() -> None:
    card = card_for("sd-feed-ranking", SIZED.format(rate="3,500", reading=ROOM))
    assert card.calibration is not None
    assert not any("design choice rests" in s for s in card.calibration.steps)
    assert all(c.ok for c in card.sizing.checks)
