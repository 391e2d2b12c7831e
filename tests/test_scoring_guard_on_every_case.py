"""A guard the lesson puts on every case of its kind ("a duplicate check on every partner feed", "a review gate for
all model launches") outlasts the incident: the staff bar's long-term direction, as a practice made the rule is."""
from __future__ import annotations

from coach.scoring.calibrate import staff_signals
from tests.fixtures.mistake_story import MISTAKE
from tests.scored import card_for


def test_a_guard_on_every_case_of_its_kind_is_long_term_direction() -> None:
    assert "long-term direction" in staff_signals("Afterwards I added a duplicate check on every partner feed.")
    assert "long-term direction" in staff_signals("We put a review gate for all model launches in the release process.")
    assert "long-term direction" not in staff_signals("I checked every row of the feed by hand that night.")


def test_the_staff_mistake_story_with_such_a_guard_is_short_of_one_signal_at_most() -> None:
    card = card_for("bh-biggest-mistake", MISTAKE, level="staff")
    assert card.calibration is not None
    assert "long-term direction" not in card.calibration.staff_missing
    assert card.overall >= 4.0, card.calibration.steps
