"""Two more ways candidates say sizes: a total said after its two parts ("a four byte key and a twelve byte value,
that's sixteen bytes") is their sum, not the last part said again in other units; and a multiplier said as a range
("overhead of maybe two, three times") is a factor, not the size said before it repeated. Chains written for this
file: neither is flagged; a restatement that is wrong still is."""
from __future__ import annotations

import pytest

from tests.napkin_chain_check import assert_followed


@pytest.mark.parametrize("cid,text,step,right", [
    ("sum-of-parts-right", "Every slot holds a sixteen byte key and a sixteen byte value, that's thirty-two bytes, "
     "so a hundred million slots take three point two gigabytes.", None, 0),
    ("factor-range-right", "With twenty thousand writes per second and a window of two hundred seconds, at most four "
     "million keys are live. Eight bytes each that is thirty-two megabytes, plus overhead maybe two, three times, so "
     "under a hundred megabytes.", None, 0),
    ("restated-wrong", "The index is four gigabytes, that's four hundred megabytes.", "restated", 4e9),
], ids=["sum-of-parts-right", "factor-range-right", "restated-wrong"])
def test_a_sum_and_a_factor_range(cid: str, text: str, step: str | None, right: float) -> None:
    assert_followed(cid, text, step, right)
