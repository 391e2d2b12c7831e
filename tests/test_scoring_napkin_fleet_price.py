"""A price said as the whole fleet's an hour ("the twelve GPUs cost 30 dollars an hour in total") is already the
fleet's: the bill is that price × the hours, and the correction the card states must not multiply by the count
again. Chains written for this file, in new settings."""
from __future__ import annotations

import pytest

from coach.eval import graded
from coach.scoring import score_answer
from coach.scoring.napkin_judge import Check


def _flags(text: str) -> list[Check]:
    return [c for c in score_answer(text).sizing.checks if not c.ok]


@pytest.mark.parametrize("text, right", [
    # the speaker multiplied a fleet's total by its count again: flagged, with the fleet's price × hours
    ("Our eight inference nodes together billed 20 dollars an hour, which I multiplied by eight nodes and 720 hours "
     "to get about 115,000 dollars a month.", 14_400),
    # a fleet total an hour, then a month's bill off by ten: the correction is price × hours, not × twelve too
    ("The cluster of twelve GPUs cost us 30 dollars an hour in total, so over a 720-hour month that came to about "
     "2,160 dollars.", 21_600),
    # the total and the price a GPU both said; the correction must not be 16 × $40 × 720
    ("The 16 GPUs together cost 40 dollars an hour, which is 2.50 dollars per GPU per hour, and across a month of "
     "720 hours that is about 1,800 dollars for the fleet.", 28_800),
])
def test_a_fleets_hourly_total_is_not_multiplied_by_its_count(text: str, right: float) -> None:
    costs = [c for c in _flags(text) if c.rule == "cost"]
    assert costs and all(c.expected == pytest.approx(right, rel=0.01) for c in costs)


@pytest.mark.parametrize("text", [
    "The ten render nodes cost 25 dollars an hour altogether, so a 720-hour month is about 18,000 dollars.",
    "For the whole cluster of six machines we paid 12 dollars an hour, and a week of 168 hours came to about "
    "2,000 dollars.",
    # the total named after a price each: the hourly total is that figure, not the price
    "We ran forty GPUs at 2 dollars an hour, a total of 80 dollars an hour, so a 720-hour month was about 57,600 "
    "dollars.",
    "Forty GPUs at 2 dollars an hour, for a total of about 58,000 dollars over a 720-hour month.",
    # a price each and its fleet total worked out: still checked as count × price each
    "Each of the 32 GPUs costs 1.50 dollars an hour, so the cluster is 48 dollars an hour, and a 30-day month comes "
    "to about 34,500 dollars.",
])
def test_a_right_fleet_bill_is_not_flagged(text: str) -> None:
    assert _flags(text) == []


def test_a_finer_step_of_the_labelled_family_counts_as_the_step() -> None:
    def card(text: str, round_spec: object = None) -> object:
        class Sizing:
            checks = [Check(False, "", 10.0, 0.64, rule="transfer_time")]

        class Card:
            sizing = Sizing()
        return Card()

    chain = {"id": "x", "wrong": True, "step": "bandwidth", "expected": 0.64, "text": ""}
    figures = graded.chain_figures([chain], scorer=card)
    assert figures["misses"] == [] and figures["flag_without_right_figure"] == []


def test_a_days_total_follows_the_fleets_rate_said_after_one_machines() -> None:
    # one GPU's rate, then the cluster's: the day's total is the cluster's × 86,400, not one GPU's
    text = ("Each of the 40 GPUs decodes 150 tokens a second, so the cluster decodes 6,000 tokens a second, which is "
            "about 518 million tokens a day.")
    assert _flags(text) == []


def test_the_seconds_of_a_day_are_no_daily_count() -> None:
    # "86,400 seconds a day" is the day's length; the fleet's total a second × it is the day's requests, and
    # multiplying by the servers again is the slip the card names
    text = ("Our 25 servers together handle 8,000 requests a second, and with 86,400 seconds a day that is 25 times "
            "8,000 times 86,400, about 17 billion requests a day.")
    flags = _flags(text)
    assert [c.claimed for c in flags] == ["17 billion requests a day"]
    assert flags[0].expected == pytest.approx(6.912e8, rel=0.01)



@pytest.mark.parametrize("text", [
    "The 20 GPUs cost 50 dollars an hour altogether, so each GPU costs 2.50 dollars an hour.",
    # "each" in the next clause is not said of the fleet's price: the total is never flagged as a price a GPU
    "The 20 GPUs cost 50 dollars an hour altogether, so each GPU costs 50 dollars an hour.",
])
def test_each_in_the_next_clause_does_not_make_a_total_a_price_each(text: str) -> None:
    assert not any(c.claimed == "50 dollars an hour" and c.expected == pytest.approx(1000) for c in _flags(text))


@pytest.mark.parametrize("text, claimed, right", [
    # the fleet's total said first: the share each machine does is the derived figure, not the total
    ("The six transcoding servers handle 1,200 videos a second in total, so each server handles 1,200 videos a second.",
     "1,200 videos a second", 200),
    ("Our 40 crawl workers together fetch 8 million pages a day, so each worker fetches 8 million pages a day.",
     "8 million pages a day", 200_000),
])
def test_a_machines_share_of_the_fleets_total_is_checked_as_the_share(text: str, claimed: str, right: float) -> None:
    flags = _flags(text)
    assert [(c.rule, c.at > text.index("so each")) for c in flags] == [("per_instance", True)]
    assert flags[0].claimed == claimed and flags[0].expected == pytest.approx(right, rel=0.01)


def test_a_right_share_of_the_fleets_total_is_not_flagged() -> None:
    assert _flags("The six transcoding servers handle 1,200 videos a second in total, so each server handles 200 videos a second.") == []


def test_a_bill_a_month_restated_a_year_is_checked_over_twelve_months() -> None:
    text = ("Each of our 30 shards costs 500 dollars a month, so the cluster runs at 15,000 dollars a month, which is "
            "about 1,800 dollars a year.")
    flags = _flags(text)
    assert [(c.rule, c.claimed) for c in flags] == [("cost_period", "1,800 dollars a year")]
    assert flags[0].expected == pytest.approx(180_000)
    assert _flags(text.replace("1,800", "180,000")) == []
    assert _flags("The labelling vendor bills 2,000 dollars a week, so about 104,000 dollars a year.") == []


def test_the_next_sentences_bill_for_another_fleet_is_not_priced_with_this_one() -> None:
    text = ("We rented forty GPUs for the fine-tune at 3 dollars an hour each. The whole fleet of 200 CPU servers costs "
            "6,000 dollars a month altogether.")
    assert _flags(text) == []
