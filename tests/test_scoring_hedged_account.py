"""A story the speaker will not stand behind, its steps and figures qualified throughout ("I think the first thing I
did ...", "I would say roughly a week, maybe more", "I am not sure what it cost"), tells its outcome without owning it:
it stays below the rubric's measured level, whatever reflection it adds (coach/scoring/levels.py)."""
from __future__ import annotations

from coach.scoring import score_answer

PLAIN = (
    "I changed the deduplication key on the orders table and, without noticing, it merged orders from different "
    "stores. "
    "I told my lead and the two analysts who used the table that afternoon, and said it was my change. "
    "I rebuilt the table from the raw event log, which took four days. "
    "As a result, the share of duplicate orders fell from four percent to zero within the week. "
    "Afterwards I added a test that fails the job if the order count per store moves more than five percent in a day. "
    "The lesson for me was to test a key change on a full day of data, and I do that for every key change now.")

HEDGED = (
    "I changed the deduplication key on the orders table and, I suppose, it merged orders from different stores. "
    "I think I told my lead and the two analysts who used the table that afternoon, and said it was my change. "
    "I rebuilt the table from the raw event log, which took perhaps four days, maybe a bit more. "
    "As a result, the share of duplicate orders fell from, I would say, four percent to zero, and I am not sure "
    "exactly when. "
    "Afterwards I added a test that fails the job if the order count per store moves more than five percent in a day. "
    "The lesson for me was to test a key change on a full day of data, and I think I mostly do that now.")


def test_a_hedged_account_stays_below_the_measured_level() -> None:
    plain, hedged = score_answer(PLAIN, level="senior"), score_answer(HEDGED, level="senior")
    assert any("hedges its own account" in s for s in hedged.calibration.steps)
    assert hedged.calibration.level <= 3.5
    assert not any("hedges its own account" in s for s in plain.calibration.steps)
