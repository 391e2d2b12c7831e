"""A lesson told as the way of working it changed ("the thing I changed in how I work: before I ... now, I ...") is
a reflection, and what happened once the fix was in ("since the retry limits went in, ...") is an outcome that
lasted: a mistake story that owns its call, measures the cost and shows both is the rubrics' top level."""
from __future__ import annotations

from coach.scoring.levels import _LASTING, reflects
from tests.scored import card_for

MISTAKE = ("Two years ago I was the lead on our delivery-time model, and I decided to turn off the nightly retraining "
           "guard, a check that refused a model whose error jumped, because it blocked a good model about once a "
           "month and cost us a day each time. My manager left the call to me. In May a partner's tracking feed sent "
           "duplicate scans for a week, the model retrained on them, and our promised times were off by forty "
           "minutes in two cities. About 9 percent of orders that week came late, and we paid 60 thousand dollars in "
           "vouchers. I led the fix: I rolled back to the last good model, put the guard back with a looser limit, and "
           "added a duplicate check on every partner feed. I said in the review that turning the guard off was my "
           "call. The thing I changed in how I work: before I remove a safety check now, I list what it has caught "
           "and ask someone from another team to read it. Since the duplicate checks went in they've stopped three "
           "bad feeds, and late orders are back under 2 percent.")


def test_a_lesson_told_as_a_changed_practice_is_a_reflection() -> None:
    assert reflects("The thing I changed in how I work: before I remove a check now, I list what it caught.")
    assert _LASTING.search("since the duplicate checks went in they've stopped three bad feeds")


def test_the_mistake_story_that_shows_both_reaches_the_top() -> None:
    card = card_for("bh-biggest-mistake", MISTAKE)
    assert card.calibration is not None
    how = " ".join(card.calibration.steps)
    assert "reflection" in how and "lasted" in how and card.overall >= 4.2, how
