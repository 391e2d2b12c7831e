"""A day's total concentrated in a busy window is a peak an interviewer follows: the rate is the window's share over
the window's seconds, not the day over 86,400. A fan-out whose result was said is the step the next rate comes from.
Chains written for this file, in new settings."""
from __future__ import annotations

import pytest

from coach.scoring import score_answer


def _flags(text: str) -> list[str]:
    return [c.rule for c in score_answer(text).sizing.checks if not c.ok]


@pytest.mark.parametrize("text", [
    # a percent of the day in a window said in hours, then in seconds
    "Say four million ride bookings a day and forty percent of them land in the three commute hours, so 1.6 "
    "million in 10,800 seconds, roughly 150 bookings a second.",
    # a plain fraction of the day
    "About two million parcel scans a day, and half of them in the four-hour evening sort, which is a million "
    "over 14,400 seconds, about 70 scans a second.",
    # only the window's count said
    "With six million ticket sales a day, the lunch rush has 900,000 of them over 7,200 seconds, so about 125 tickets "
    "a second.",
])
def test_a_busy_window_rate_worked_right_is_not_flagged(text: str) -> None:
    assert _flags(text) == []


def test_a_busy_window_rate_worked_wrong_is_flagged_with_the_window() -> None:
    text = ("Say four million ride bookings a day and forty percent of them land in the three commute hours, so "
            "that is about 1,500 bookings a second.")
    checks = [c for c in score_answer(text).sizing.checks if not c.ok]
    assert checks and checks[0].expected == pytest.approx(4e6 * 0.4 / 10_800, rel=0.01)


def test_a_fan_out_said_step_by_step_is_followed() -> None:
    text = ("We take about 200 orders a second. If checkout shows twelve delivery slots and gets five views per order, "
            "that is 1,000 views a second, or 12,000 price predictions a second.")
    assert "fan_out" not in _flags(text)
