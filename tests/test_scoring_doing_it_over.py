"""A lesson said as a do-over ("Doing it over, I'd put the alert on each region from day one") is the rubric's
reflection; a task simply repeated ("we had to do it again the next morning") is not."""
from __future__ import annotations

from coach.scoring.levels import reflects


def test_a_do_over_is_a_reflection() -> None:
    assert reflects("Doing it over, I'd put the alert on each region from the first day.")
    assert reflects("If I were doing it again, I would ask the vendor for a test feed.")


def test_a_repeated_task_is_not() -> None:
    assert not reflects("The load failed, so we had to do it again the next morning, and it went through.")
