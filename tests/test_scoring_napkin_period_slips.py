"""Slips in the periods and units a cost or a day's total is worked over, each flagged at its step with the right
figure, and the same chain done right left alone: a price said "each per hour", a month given a year's hours, an
hourly fleet total worked out in the next sentence (not a second price), hours of work said in seconds and priced at
the hourly rate, and a per-minute rate's day named before its count."""
from __future__ import annotations

import pytest

from tests.napkin_chain_check import assert_followed

CHAINS = [
    ("each-per-hour-wrong", "Forty nodes costing two dollars each per hour make eighty dollars an hour; for a month of "
     "8,760 hours that is about 700,000 dollars.", "cost", 40 * 2 * 720),
    ("each-per-hour-right", "Forty nodes costing two dollars each per hour make eighty dollars an hour, and for the "
     "month that is about 58,000 dollars.", None, 0),
    ("total-next-sentence-wrong", "Inference runs day and night on twelve GPUs at about 3.10 dollars an hour each. "
     "That is twelve times 3.10, about 37 dollars each hour, which over a month of roughly seventy-two hours is about "
     "2,700 dollars.", "cost", 12 * 3.10 * 720),
    ("total-next-sentence-right", "Inference runs day and night on twelve GPUs at about 3.10 dollars an hour each. "
     "That is twelve times 3.10, about 37 dollars each hour, which over a month is about 27,000 dollars.", None, 0),
    ("seconds-priced-wrong", "Transcribing 90,000 calls at forty seconds each is 3.6 million seconds, and at twenty "
     "dollars an hour that comes to 72 million dollars.", "cost", 3.6e6 / 3600 * 20),
    ("seconds-priced-right", "Transcribing 90,000 calls at forty seconds each is 3.6 million seconds, a thousand "
     "hours, and at twenty dollars an hour that comes to 20,000 dollars.", None, 0),
    ("minute-day-wrong", "Sensor readings land at a steady 3,000 a minute, so a day is 3,000 times 86,400, about "
     "260 million readings.", "per_day", 3000 * 1440),
    ("minute-day-right", "Sensor readings land at a steady 3,000 a minute, so a day is 3,000 times 1,440, about "
     "4.3 million readings.", None, 0),
]


@pytest.mark.parametrize("cid, text, step, right", CHAINS)
def test_the_chain_is_followed(cid: str, text: str, step: str | None, right: float) -> None:
    assert_followed(cid, text, step, right)


def test_a_day_given_its_working_hours_is_not_taken_as_a_whole_day() -> None:
    assert_followed("working-day", "Tickets come in at about 40 a minute, and a day is eight hours of staffing for us, "
                    "so 19,200 tickets.", None, 0)


@pytest.mark.parametrize("cid, text, step, right", [
    ("epochs-with-data-wrong", "We run three epochs over 600 million rows at 40,000 rows a second; 600 million over "
     "40,000 is 15,000 seconds, so roughly four hours.", "training_time", 3 * 600e6 / 40_000),
    ("epochs-with-data-right", "We run three epochs over 600 million rows at 40,000 rows a second, so 45,000 seconds, "
     "roughly twelve and a half hours.", None, 0),
    ("memory-on-top-wrong", "The forty billion model in bf16 is 80 GB of weights and the cache for a batch of long "
     "chats needs another 100 GB, so one 80 GB card per replica is enough.", "gpus_for_memory", 3),
    ("memory-on-top-right", "The forty billion model in bf16 is 80 GB of weights and the cache for a batch of long "
     "chats needs another 100 GB, so three 80 GB cards per replica.", None, 0),
])
def test_what_the_work_and_the_memory_add_up_to_is_followed(cid: str, text: str, step: str | None,
                                                            right: float) -> None:
    assert_followed(cid, text, step, right)


@pytest.mark.parametrize("cid, text, step, right", [
    ("cut-by-read-as-cut-to", "Checkout has 400 milliseconds today and the target is to cut it by a quarter, so the "
     "whole flow must fit in 100 milliseconds.", "scale", 0.3),
    ("cut-by-right", "Checkout has 400 milliseconds today and the target is to cut it by a quarter, so the whole flow "
     "must fit in 300 milliseconds.", None, 0),
])
def test_what_is_left_after_a_cut_is_the_new_figure_not_the_change(cid: str, text: str, step: str | None,
                                                                   right: float) -> None:
    assert_followed(cid, text, step, right)


@pytest.mark.parametrize("cid, text, step, right", [
    ("closing-hour-wrong", "Ticket sales reach twelve million on launch day and the closing hour takes a fifth of "
     "them, 2.4 million, which over 360 seconds is about 6,700 requests a second.", "peak", 2.4e6 / 3600),
    ("closing-hour-right", "Ticket sales reach twelve million on launch day and the closing hour takes a fifth of "
     "them, 2.4 million, which over 3,600 seconds is about 670 requests a second.", None, 0),
])
def test_a_named_hour_has_3600_seconds(cid: str, text: str, step: str | None, right: float) -> None:
    assert_followed(cid, text, step, right)
