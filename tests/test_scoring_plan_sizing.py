"""A plan for a team or a role ("your first ninety days") owes no user counts or percentages: the card does not list
the round's usual figures as missing."""
from __future__ import annotations

from tests.scored import card_for


def test_a_plan_for_the_first_months_is_not_told_it_lacks_user_counts() -> None:
    card = card_for("hm-first-90-days",
                    "For the first month I would read the incident reviews and ask each engineer what slows them "
                    "down. In the second month I would fix one thing the team already agrees is painful, with one "
                    "of them. By the third month I would write up a plan for the next two quarters and review it "
                    "with the leads before anything changes.")
    assert card.sizing.missing == (), card.sizing.missing
