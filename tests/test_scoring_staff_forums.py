"""Staff signals told in plain words: both teams named as the ones in conflict, a case taken to a review where other
teams' leaders sit, other teams asked to review a design or an engineer of theirs paired with, and a practice made
the rule for everyone's work ("now required on every launch")."""
from __future__ import annotations

from coach.scoring import score_answer
from coach.scoring.calibrate import staff_signals

STAFF_STORY = (
    "I was the staff engineer for search ranking at a travel site, and the hotels team and the flights team each "
    "wanted the shared ranker tuned for their own bookings. "
    "Both teams kept shipping experiments that quietly cost the other one bookings. "
    "I ran the ranker at five blend weights and charted hotel bookings against flight bookings for each one. "
    "I wrote a short proposal with the chart and a floor on flight bookings, and took it to the travel review where "
    "both product leads and their director sit. "
    "The director picked the middle weight with the floor, and I had the two teams review the change before it went live. "
    "Hotel bookings rose four percent and flight bookings stayed within half a percent. "
    "The booking floor is now required on every ranking experiment, including ones run by other groups.")


def test_a_case_taken_to_a_cross_team_review_shows_the_staff_signals() -> None:
    found = staff_signals(STAFF_STORY)
    assert {"scope across teams", "influence without authority", "long-term direction"} <= set(found)


def test_the_staff_story_is_not_held_below_the_staff_bar() -> None:
    card = score_answer(STAFF_STORY, level="staff")
    assert not card.calibration.staff_missing
    assert card.overall >= 3.8


def test_a_step_inside_ones_own_team_is_no_staff_signal() -> None:
    text = ("I took the bug to our standup and paired with my new hire on the fix. "
            "The test is now part of my own checklist.")
    found = staff_signals(text)
    assert "influence without authority" not in found
    assert "long-term direction" not in found
