"""A practice the speaker proposed, made mandatory by the body that governs the work ("the architecture council made
the checklist mandatory for new services"), is direction set for the organisation: the staff signal of long-term
direction; the owner of a decision in another line brought into the meeting is influence without authority
(coach/scoring/staff.py)."""
from __future__ import annotations

from coach.scoring.staff import STAFF_SIGNALS


def test_a_practice_made_mandatory_is_direction() -> None:
    direction = STAFF_SIGNALS["long-term direction"]
    assert direction.search("After the pilot, the architecture council made the checklist mandatory for new services.")
    assert direction.search("Last autumn the data governance group has made it a requirement for every dataset.")


def test_a_task_made_urgent_is_not() -> None:
    assert not STAFF_SIGNALS["long-term direction"].search("The outage made the fix urgent, so I paged the owner.")


def test_the_owner_of_the_decision_brought_into_the_room_is_influence() -> None:
    influence = STAFF_SIGNALS["influence without authority"]
    assert influence.search("I brought the head of dispatch into the meeting, because his crews would carry the change.")
    assert not influence.search("I brought the laptop into the meeting to show the dashboard.")
