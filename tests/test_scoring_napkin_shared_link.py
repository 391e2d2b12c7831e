"""A size sent to many machines over one shared link (a source link, a single uplink) goes through that link once
for each machine: the whole push takes the count × the size ÷ the link, one copy's time is the size ÷ the link.
Chains written for this file, in new settings."""
from __future__ import annotations

import pytest

from coach.scoring import score_answer
from coach.scoring.napkin_judge import Check


def _flags(text: str) -> list[Check]:
    return [c for c in score_answer(text).sizing.checks if not c.ok]


def test_a_push_to_every_machine_counted_as_one_copy_is_flagged() -> None:
    text = ("We ship the 6 GB ranking model to 200 hosts over one 10 gigabit origin link; that is 1.25 GB a second, "
            "so 6 GB takes about five seconds and the whole deploy finishes in five seconds.")
    flags = _flags(text)
    assert [c.rule for c in flags] == ["transfer_time"]
    assert flags[0].expected == pytest.approx(200 * 6e9 / 1.25e9, rel=0.01)


def test_the_only_time_said_is_the_whole_push() -> None:
    flags = _flags("Copying the 8 GB index to 50 replicas over our single 10 gigabit uplink takes about 7 seconds.")
    assert [round(c.expected) for c in flags] == [320]


@pytest.mark.parametrize("text", [
    "We ship the 6 GB ranking model to 200 hosts over one 10 gigabit origin link; that is 1.25 GB a second, so 6 GB "
    "takes about five seconds and the whole deploy about 16 minutes.",
    "Copying the 8 GB index to 50 replicas over our single 10 gigabit uplink takes about 320 seconds.",
    "Copying the 8 GB index to 50 replicas over our single 10 gigabit uplink takes about 7 seconds a copy.",
    # every machine has its own link: one copy's time is the push's
    "Each of the 50 replicas pulls the 8 GB index over its own 10 gigabit link, about 7 seconds.",
])
def test_a_right_push_is_not_flagged(text: str) -> None:
    assert _flags(text) == []
