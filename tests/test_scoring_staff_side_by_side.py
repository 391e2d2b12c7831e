"""Influence without authority shown by working alongside other teams' engineers: "side by side with an engineer from
each team" is the same persuasion by helping as pairing with them."""
from __future__ import annotations

from coach.scoring.calibrate import staff_signals


def test_working_side_by_side_with_other_teams_engineers_is_influence() -> None:
    text = ("Two other teams wanted to use the feature checker, so I spent three days side by side with an engineer "
            "from each of them until their pipelines ran it.")
    assert "influence without authority" in staff_signals(text)


def test_working_side_by_side_with_ones_own_report_is_not() -> None:
    text = "I spent three days side by side with my new hire until the pipeline ran."
    assert "influence without authority" not in staff_signals(text)
