"""A day's count worked out over a batch window the answer names, in words: an hourly batch, or the window's seconds
said as the divisor. The rate is the count over the window, not over the day; a day's count over an hour's seconds
with no batch said is still the slip. Chains written for this file."""
from __future__ import annotations

from coach.scoring import score_answer
from coach.scoring.napkin_judge import Check


def _flags(text: str) -> list[Check]:
    return [c for c in score_answer(text).sizing.checks if not c.ok]


def test_a_rate_over_the_seconds_of_a_named_batch_is_checked_against_that_batch() -> None:
    text = ("Say five million drivers, each with about twelve trip offers to rank a day, so sixty million offers a day. "
            "I'd rank them in one nightly batch run, sixty million over seven thousand two hundred seconds, so roughly "
            "eight thousand three hundred a second while it runs.")
    assert _flags(text) == []


def test_a_rate_in_an_hourly_batch_is_the_day_over_an_hour() -> None:
    text = ("Say five million drivers, each with about twelve trip offers to rank a day, so sixty million offers a day. "
            "They go through an hourly batch, roughly sixteen thousand seven hundred a second while it runs.")
    assert _flags(text) == []


def test_the_day_over_an_hour_with_no_batch_said_is_still_the_slip() -> None:
    text = ("Say five million drivers, each with about twelve trip offers to rank a day, so sixty million offers a day. "
            "That is sixty million over three thousand six hundred seconds, roughly sixteen thousand seven hundred a "
            "second.")
    assert len(_flags(text)) == 1
