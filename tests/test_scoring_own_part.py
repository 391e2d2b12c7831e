"""A talking point about the candidate's own part ("What the candidate personally did") is carried by the story's
first-person steps, whatever verbs they use, not only by "I built" or "I led"; a team's steps do not carry it."""
from __future__ import annotations

from tests.scored import card_for

_MINE = ("Two years ago our returns forecast kept missing the January spike, and the warehouses overstaffed every "
         "February. I pulled three years of daily returns and split them by channel. I replaced the single seasonal "
         "curve with one per channel and added the promotion calendar as a feature. I reviewed every weekly miss "
         "with the planners for a quarter. The January error fell from thirty percent to nine, and staffing costs "
         "dropped by about four hundred thousand dollars that year.")
_OURS = _MINE.replace("I pulled", "We pulled").replace("I replaced", "We replaced").replace("I reviewed", "We reviewed")


def test_first_person_steps_cover_what_the_candidate_personally_did() -> None:
    card = card_for("rc-proudest-impact", _MINE)
    covered = {hit.point for hit in card.talking_points.covered}
    assert "What the candidate personally did" in covered, card.talking_points


def test_the_same_steps_told_as_the_team_do_not() -> None:
    card = card_for("rc-proudest-impact", _OURS)
    assert "What the candidate personally did" in {hit.point for hit in card.talking_points.missed}, card.talking_points


def test_a_check_that_nothing_got_worse_said_plainly_covers_the_quality_point() -> None:
    card = card_for("bh-cost-reduction",
                    "Our fraud model's hosting bill had grown to sixty thousand dollars a month. I profiled the "
                    "service and found half the spend went on a feature join. I cached the join and distilled the "
                    "model to a smaller one. I checked on two weeks of held-back traffic that the catch rate did not "
                    "drop. The bill fell to twenty five thousand a month.")
    assert "How they checked that quality did not drop" in {hit.point for hit in card.talking_points.covered}
