"""A rate from the users, what each of them gets scored and a batch window: users x items each / the window's
seconds; leaving the items per user out is the slip. Chains written for this file, in new settings."""
from __future__ import annotations

import pytest

from coach.scoring import score_answer
from coach.scoring.napkin_judge import Check


def _flags(text: str) -> list[Check]:
    return [c for c in score_answer(text).sizing.checks if not c.ok]


def test_the_items_each_user_gets_are_counted_in_a_batch_windows_rate() -> None:
    text = ("Twenty million shoppers each get 25 products re-ranked in the nightly job of three hours, so about 1,850 "
            "rankings a second.")
    flags = _flags(text)
    assert [c.rule for c in flags] == ["items_in_window"]
    assert flags[0].expected == pytest.approx(20e6 * 25 / 10_800, rel=0.01)
    assert _flags(text.replace("1,850", "46,000")) == []
