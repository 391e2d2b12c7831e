"""Another team's change made without a word ("they renamed the field and did not tell us") is the silent change at
a boundary that the dependencies question asks for, said in plain words."""
from __future__ import annotations

from tests.scored import card_for

ANSWER = ("Our pricing model read the booking events that the checkout team published. In the spring they renamed the "
          "currency field and did not tell us, so for two days our features read an empty column. I found it from a "
          "drop in the feature fill rate, pinned the old schema, and agreed with their lead that field renames go "
          "through a shared contract test first. We have had no trouble at that boundary since.")


def test_a_change_made_without_telling_us_is_the_boundary_problem() -> None:
    card = card_for("dd-cross-team-dependencies", ANSWER, level="staff")
    covered = [c.point for c in card.talking_points.covered]
    assert any(p.startswith("A concrete problem at a boundary") for p in covered), covered
