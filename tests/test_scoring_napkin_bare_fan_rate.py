"""A rate said bare ("about 33,000 a second") in the clause of a fan-out ("400 predictions per order") counts the
fanned-out things, not a peak of the orders: a careful engineer multiplies, and a right product is never flagged as
"outside 1-10x the average". Chains written for this file."""
from __future__ import annotations

import pytest

from tests.napkin_chain_check import assert_followed

CHAINS: list[tuple[str, str, str | None, float]] = [
    ("lists-right", "Dinner peak is about 90 bookings a second, and each booking follows about 300 price lookups per "
     "booking and about 27,000 a second in all.", None, 0),
    ("lists-wrong", "Dinner peak is about 90 bookings a second, and each booking follows about 300 price lookups per "
     "booking and about 2,700 a second in all.", "fan_out", 27_000),
    ("signals-right", "At peak that is 120 checkouts a second, with 30 fraud signals per checkout and about 3,600 a "
     "second overall.", None, 0),
]


@pytest.mark.parametrize("cid,text,step,right", CHAINS, ids=[c[0] for c in CHAINS])
def test_a_bare_rate_after_a_fan_out_is_its_product(cid: str, text: str, step: str | None, right: float) -> None:
    assert_followed(cid, text, step, right)
