"""A lesson told as the way of working it changed ("the thing I changed in how I work: before I ... now, I ...") is
a reflection, and what happened once the fix was in ("since the retry limits went in, ...") is an outcome that
lasted: a mistake story that owns its call, measures the cost and shows both is the rubrics' top level."""
from __future__ import annotations

from coach.scoring.levels import _LASTING, reflects
from tests.fixtures.mistake_story import MISTAKE
from tests.scored import card_for


def test_a_lesson_told_as_a_changed_practice_is_a_reflection() -> None:
    assert reflects("The thing I changed in how I work: before I remove a check now, I list what it caught.")
    assert _LASTING.search("since the duplicate checks went in they've stopped three bad feeds")


def test_the_mistake_story_that_shows_both_reaches_the_top() -> None:
    card = card_for("bh-biggest-mistake", MISTAKE)
    assert card.calibration is not None
    how = " ".join(card.calibration.steps)
    assert "reflection" in how and "lasted" in how and card.overall >= 4.2, how
