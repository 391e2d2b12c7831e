"""A staff design's headroom said as room to grow ("a few nodes with room to double") and its organisation-level
trade-off said as who owns what ("teams own their pipelines, the platform only the machinery"; "the platform team
becoming a bottleneck") are the system-design rubric's staff signals. The sentences are new, written for this test."""
from __future__ import annotations

from coach.scoring.staff import STAFF_SIGNALS


def test_room_to_grow_is_headroom() -> None:
    assert STAFF_SIGNALS["cost and headroom"].search("so three cache nodes with room to double before we reshard")
    assert not STAFF_SIGNALS["cost and headroom"].search("so three cache nodes in the same rack")


def test_who_owns_what_across_teams_is_an_organisation_trade_off() -> None:
    org = STAFF_SIGNALS["organisation-level trade-off"]
    assert org.search("Product teams build and own their embedding jobs; the platform runs only the scheduler.")
    assert org.search("The danger is the platform team turning into a bottleneck for every launch.")
    assert not org.search("The ranking model owns the final ordering of the page.")
