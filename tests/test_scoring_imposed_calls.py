"""A decision imposed over the objections of the people who had to live with it, and a partner team's boss written to
before a word with its engineers: lapses a story shows without naming them, held at the rubrics' level 2 unless the
story owns them (coach/scoring/imposed.py)."""
from __future__ import annotations

from coach.scoring import score_answer
from coach.scoring.imposed import imposed

MANDATE = (
    "When I joined the payments group as its most senior ML engineer, each squad trained fraud models with its own "
    "feature code, and I wanted one shared feature library. "
    "I wrote a two-page proposal saying every squad would move to my library within two quarters. "
    "The lead of the card squad raised concerns that her streaming features would be slower through it, but I insisted "
    "that one library was the only way to stop the drift between squads. "
    "I asked my VP to announce it at the quarterly planning so nobody could opt out. "
    "By the summer four of the five squads had moved their main model onto the library, and duplicate feature code "
    "fell by about sixty percent.")

OVER_THE_HEAD = (
    "At a grocery delivery company my basket-size model retrained every night on order tables the warehouse data team "
    "owned, and it broke about twice a month when a column was renamed. "
    "Each break cost us a day of stale predictions for the picking staff. "
    "After the fourth break I emailed their director a list of every incident, copying my manager, saying the model "
    "could not keep failing like this. "
    "I had never talked to the engineers on that team about it before. "
    "The director asked them to add a schema check on the tables we read, which they built in three weeks. "
    "After that the breaks mostly stopped, and the retraining ran on schedule for the rest of the year.")

PERSUADED = (
    "When I joined the payments group as its most senior ML engineer, each squad trained fraud models with its own "
    "feature code, and I wanted one shared feature library. "
    "I wrote a two-page proposal and reviewed it with each squad's lead. "
    "The lead of the card squad raised concerns that her streaming features would be slower through it, so we "
    "benchmarked them together and I added a streaming path before asking anyone to move. "
    "By the summer four of the five squads had moved their main model onto the library, and duplicate feature code "
    "fell by about sixty percent.")


def test_an_objection_overridden_or_authority_borrowed_is_heard() -> None:
    assert imposed(MANDATE)
    assert imposed(OVER_THE_HEAD)


def test_an_objection_met_with_work_is_no_lapse() -> None:
    assert imposed(PERSUADED) == ""


def test_an_imposed_call_told_as_leadership_stays_at_level_two() -> None:
    card = score_answer(MANDATE, level="senior")
    assert card.calibration.level <= 2.0
    assert any("imposes the call" in s for s in card.calibration.steps)


def test_going_over_the_partners_head_stays_at_level_two() -> None:
    card = score_answer(OVER_THE_HEAD, level="senior")
    assert card.calibration.level <= 2.0


def test_the_same_lapse_owned_as_a_mistake_is_the_story() -> None:
    owned = OVER_THE_HEAD + " Looking back, that was my mistake: I should have sat with their engineers first."
    assert imposed(owned) == ""
