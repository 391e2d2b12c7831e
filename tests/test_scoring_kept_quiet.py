"""A step kept on purpose from the people it touched (a colleague's branch taken and rewritten, a setting changed
and left out of the notes, the talk with them avoided): a lapse a story shows without naming it, held at the
rubrics' level 2 unless the story owns it (coach/scoring/imposed.py `kept_quiet`, `took_over`)."""
from __future__ import annotations

from coach.scoring import score_answer
from coach.scoring.imposed import imposed, kept_quiet

HIDDEN_CHANGE = (
    "At a ticketing company I owned the model that ranks which concerts to show on the home page, and the marketing "
    "lead wanted it to push new tours while my team was measured on tickets sold. "
    "We argued about it for a month and she would not move. "
    "Two days before the spring release I lowered the weight on new tours to a tenth in the ranking config myself. "
    "I didn't mention it in the release notes, since I expected sales to settle the question. "
    "Tickets sold per visit rose about three percent, and when she found the change a fortnight later she took it "
    "to my director. "
    "I still believe the lower weight was better for the company.")

TAKEN_BRANCH = (
    "so we were building a churn model for a phone company and one of the engineers on my team had the labelling "
    "job and he was a sprint late with the demo two weeks out "
    "and i didnt really want to make it a big thing with him so i took his branch over the weekend and finished "
    "it my way "
    "and on monday i merged it and we showed the demo on time and the model went live a month later "
    "he was pretty unhappy and left the team in the spring")

TOLD_OPENLY = (
    "At a ticketing company I owned the model that ranks which concerts to show on the home page, and the marketing "
    "lead wanted it to push new tours while my team was measured on tickets sold. "
    "We argued about it for a month, so I proposed a two-week test of a lower weight on new tours and wrote it into "
    "the release notes. "
    "Tickets sold per visit rose about three percent with new-tour clicks flat, and she agreed to keep the lower "
    "weight.")


def test_a_step_kept_from_the_partner_is_heard() -> None:
    assert kept_quiet(HIDDEN_CHANGE) == "i didn't mention it"
    assert imposed(HIDDEN_CHANGE)
    assert imposed(TAKEN_BRANCH)


def test_someone_elses_silence_and_an_open_change_are_no_lapse() -> None:
    assert imposed(TOLD_OPENLY) == ""
    # the scene's partner changing something "without telling anyone" is not the speaker's lapse
    assert kept_quiet("The vendor changed its label format without telling anyone, so I added a schema check.") == ""


def test_a_hidden_change_told_as_the_right_call_stays_at_level_two() -> None:
    for text in (HIDDEN_CHANGE, TAKEN_BRANCH):
        card = score_answer(text, level="senior")
        assert card.calibration.level <= 2.0, card.calibration.steps
        assert any("imposes the call" in s for s in card.calibration.steps)


def test_the_same_change_owned_is_the_story() -> None:
    owned = HIDDEN_CHANGE + " Looking back, that was my mistake: I should have taken the test to her first."
    assert imposed(owned) == ""


def test_coaching_by_not_telling_the_answer_is_no_lapse() -> None:
    assert kept_quiet("When she got stuck I didn't tell her the answer; I asked her what the logs showed first.") == ""
    assert kept_quiet("I didn't say anything to him in the review, and afterwards I took him aside.") == ""
