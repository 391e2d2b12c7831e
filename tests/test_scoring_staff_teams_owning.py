"""Teams named one by one that each hold a part of the work ("the search team, the ads team and legal each own ...")
carry the staff signal of scope across teams as much as "three teams" does; one team named alone, or teams that only
review the work, do not. The sentences are new, written for this test."""
from __future__ import annotations

from coach.scoring.staff import STAFF_SIGNALS


def test_teams_named_one_by_one_are_scope_across_teams() -> None:
    scope = STAFF_SIGNALS["scope across teams"]
    assert scope.search("the catalogue team, the pricing team and legal all use the same score, so none of them can "
                        "change it alone")
    assert scope.search("the ranking team or the ads team will end up paying for that extra hop")
    assert not scope.search("the ranking team trains it weekly and serves it from one region")
    assert not scope.search("a week before launch the security team and legal looked it over")


def test_one_error_dearer_than_the_other_said_as_times_more_cost_is_the_cost_of_being_wrong() -> None:
    cost = STAFF_SIGNALS["the cost of being wrong"]
    assert cost.search("a missed refund was about five times more costly for us than a slow one")
    assert not cost.search("the new cluster is three times more powerful than the old one")
