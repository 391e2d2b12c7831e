"""Staff signals said in plain words: two other teams named one by one, rules written with another function's
leads, the leads brought into one room, and other teams now putting their own work through the same mechanism
(coach/scoring/staff.py)."""
from __future__ import annotations

from coach.scoring.calibrate import staff_signals


def test_two_teams_named_one_by_one_and_their_use_since() -> None:
    found = staff_signals("The pricing team and the fraud review team now send their model changes through the same "
                          "replay check.")
    assert "scope across teams" in found
    assert "long-term direction" in found


def test_rules_written_with_another_functions_leads_is_influence() -> None:
    assert "influence without authority" in staff_signals(
        "Before the test started I drew up the stopping rules with the merchandising leads.")
    assert "influence without authority" in staff_signals(
        "When finance and sales each counted churn their own way, I got their leads into one room with a month of "
        "accounts.")


def test_groups_that_took_it_up_or_run_it_now_set_direction() -> None:
    assert "long-term direction" in staff_signals("Three other groups have since taken that review up.")
    assert "long-term direction" in staff_signals(
        "I kept it general, and five teams, including payments and lending, now run their retrains on it.")
    assert "long-term direction" not in staff_signals("I ran the review every week for my own team.")


def test_a_senior_leader_who_accepted_the_proposal_was_influenced() -> None:
    assert "influence without authority" in staff_signals(
        "Our chief financial officer wanted to cut the fraud team in half before the holidays. "
        "I priced what each missed case would cost, and what I proposed was to cut only the night shift for a month. "
        "She accepted, and the month went by with no rise in losses.")
