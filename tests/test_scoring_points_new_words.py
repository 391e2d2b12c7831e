"""A validation point said in other words is covered: a split in time told as training on the earlier months, and a
grouped split told with customers instead of users. The answers are new, written for this test."""
from __future__ import annotations

from tests.scored import card_for


def _covered(text: str) -> set[int]:
    from coach.content import default_content

    q = default_content().question("ts-validation-strategy")
    return {q.talking_points.index(p.point) for p in card_for(q.id, text).talking_points.covered}


def test_a_split_in_time_told_as_earlier_and_later_months() -> None:
    assert 1 in _covered("To decide how to split the data for validation, I copy how the model meets new data: for sales "
                         "that move with the seasons I fit on the earlier months and score the last two.")


def test_a_grouped_split_told_with_customers() -> None:
    assert 2 in _covered("To decide how to split the data for validation, I check who repeats: the same customer never "
                         "appears in both train and test, each one sits wholly on one side.")
