"""A figure said again in other units is checked against the first: the slip between seconds and hours, or bits
and bytes, that a careful engineer would catch; a list, a choice, a product's last operand or a figure each is not
a restatement."""
from __future__ import annotations

import pytest

from coach.scoring import score_answer


def flags(text: str) -> list[str]:
    return [c.message for c in score_answer(text).sizing.checks if not c.ok]


@pytest.mark.parametrize("text, off", [
    ("Twenty seconds a photo is three million seconds, fifty thousand hours of labelling.", '"fifty thousand hours" is off by 60x'),
    ("So 625,000 seconds, which is about seventeen hours of training.", '"seventeen hours" is off by 10x'),
])
def test_a_figure_said_again_in_other_units_is_checked(text: str, off: str) -> None:
    found = flags(text)
    assert found and found[0].startswith(off) and "the same figure in other units" in found[0]


@pytest.mark.parametrize("text", [
    "That is 7,200 seconds, about two hours.",
    "We waited five minutes, an hour and a day before paging anyone.",
    "It takes two hours, or ten minutes with a warm cache.",
    "The KV cache is 2 times 40 times 40 times 128 times 2 bytes, about 0.8 MB per token.",
    "At about two megabytes each that is roughly twelve terabytes of new images a day.",
])
def test_a_conversion_that_holds_a_list_a_product_or_a_per_item_figure_is_not_flagged(text: str) -> None:
    assert flags(text) == []


def test_a_fan_out_named_by_the_things_that_answer_is_checked() -> None:
    """"every query goes to all sixty four shards, so the shards answer ... calls a second": the calls are the fan-out."""
    wrong = ("The search takes eighteen hundred queries a second and every query goes to all sixty four index shards, "
             "so the shards answer about eleven and a half thousand calls a second.")
    found = flags(wrong)
    assert found and "fan-out per request" in found[0] and "115,200/s" in found[0]
    assert flags(wrong.replace("eleven and a half thousand", "115 thousand")) == []


def test_bits_said_again_as_bytes_are_checked() -> None:
    assert any("off by 8.0x" in f for f in flags("Over the ten gigabit link, that is ten gigabytes a second, it is quick."))
    assert flags("A ten gigabit link, that is about 1.25 gigabytes a second.") == []
