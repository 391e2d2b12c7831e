"""Stock phrases said in the past tense ("drove adoption", "built alignment") or as a habit ("raising the bar",
"leading by example") stand in for what was done as much as their present forms: an answer built of them names no
team won over and no step taken, the rubrics' level 1."""
from __future__ import annotations

from coach.scoring.levels import stock
from tests.fixtures.scoring import score_for

_POLISHED = ("A practice I'm proud of is the launch checklist. I noticed that teams shipped models in very different "
             "ways, and I felt we needed a common standard. I built alignment with the engineering managers, drove "
             "adoption by leading by example on my own team's launches, and secured executive sponsorship so it had "
             "visibility. It became how several teams launch models, and it was about raising the bar for the whole "
             "group rather than any single launch.")


def test_past_tense_stock_is_stock() -> None:
    assert stock(_POLISHED)


def test_a_story_told_in_stock_phrases_is_held_at_the_bottom() -> None:
    card = score_for(_POLISHED, "bh-raising-standards", "staff")
    assert card.overall <= 1.5, card.calibration.steps
