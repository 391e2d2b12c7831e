"""The system-design staff bar asks which number drives the whole architecture: said in the words candidates use
("the write rate decides the whole design", "the p99 budget dictates everything else"), not only "drives the
architecture". Sentences written for this file."""
from __future__ import annotations

import pytest

from coach.scoring.staff import STAFF_SIGNALS


@pytest.mark.parametrize("said", [
    "I'll size the write rate first, because it decides the whole design.",
    "The p99 budget of eighty milliseconds dictates everything else here.",
    "Memory per replica is what determines the topology, so that comes first.",
])
def test_the_number_that_drives_the_design_is_a_staff_sizing_signal(said: str) -> None:
    assert STAFF_SIGNALS["cost and headroom"].search(said)


def test_a_choice_that_drives_nothing_is_not() -> None:
    assert not STAFF_SIGNALS["cost and headroom"].search("The ranker decides which posts to show first.")
