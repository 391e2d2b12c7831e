"""Technical answers judged as a careful engineer would: a ranking metric defined as another one is a wrong claim;
the staff bar of a technical screen or a design heard in plain words (a decision rule written down before the test,
a review any team can bring its work to, the work split between two named teams, capacity planned for a peak said
as a multiple of the average). The sentences are new, written for this test."""
from __future__ import annotations

import pytest

from coach.scoring import claims
from coach.scoring.staff import STAFF_SIGNALS
from coach.scoring.text import clean, sentences


def _fires(text: str) -> list[str]:
    return [w.claim for w in claims.scan(None, sentences(clean(text)))[0]]


@pytest.mark.parametrize("text", [
    "NDCG is really just the mean of the precision at every rank, scaled so a perfect list scores one.",
    "For the shop search I would report NDCG at twenty, which is an average of precisions down the list.",
])
def test_ndcg_defined_as_averaged_precision_is_a_wrong_claim(text: str) -> None:
    assert any("NDCG" in c for c in _fires(text)), text


@pytest.mark.parametrize("text", [
    "NDCG discounts each result's graded gain by the log of its rank and divides by the best possible ordering.",
    "Unlike MAP, which averages the precision at each relevant hit, NDCG can use graded labels.",
])
def test_the_right_definition_of_ndcg_is_not_flagged(text: str) -> None:
    assert not any("NDCG" in c for c in _fires(text)), text


def test_a_decision_rule_written_down_before_the_test_weighs_the_cost_of_being_wrong() -> None:
    sig = STAFF_SIGNALS["the cost of being wrong"]
    assert sig.search("Refund rate and support tickets are guards, each with a limit we wrote down up front.")
    assert not sig.search("We wrote down the results in the weekly notes.")


def test_a_review_any_team_can_bring_its_work_to_guards_many_models() -> None:
    sig = STAFF_SIGNALS["a guard for many models"]
    assert sig.search("I started a fortnightly launch clinic where any team can bring a model before it ships.")
    assert not sig.search("Any model can overfit if you let it.")


def test_the_work_split_between_two_named_teams_is_scope_and_an_organisation_trade_off() -> None:
    text = ("The search team runs the retrieval service and its index, and the catalogue team owns the product "
            "attributes it reads.")
    assert STAFF_SIGNALS["scope across teams"].search(text)
    assert STAFF_SIGNALS["organisation-level trade-off"].search(text)
    assert not STAFF_SIGNALS["organisation-level trade-off"].search("The ranking service owns the final order.")


def test_capacity_planned_for_a_peak_said_as_a_multiple_is_headroom() -> None:
    sig = STAFF_SIGNALS["cost and headroom"]
    assert sig.search("Evenings peak at about three times the daily mean, so we size for roughly 9,000 lookups a second.")
    assert not sig.search("Evenings are busier, and we look at the peak on a dashboard.")
