"""The staff signals heard in the ways a staff engineer tells them: a case made to people outside their line and
their yes, a reluctant team won over, and the organisation's work running through what they built."""
from __future__ import annotations

import pytest

from coach.content.loader import default_content
from coach.scoring import score_answer
from coach.scoring.calibrate import staff_signals


@pytest.fixture(scope="module")
def content():  # type: ignore[no-untyped-def]
    return default_content()


def test_a_proposal_shown_to_another_team_and_agreed_is_influence() -> None:
    said = ("I showed the pricing lead and her manager the backtest on last winter's storms, and proposed a month "
            "of shadow scoring before any price moved. They agreed, and we ran it together.")
    assert "influence without authority" in staff_signals(said)
    alone = "I showed the backtest in our standup. Then we shipped it."
    assert "influence without authority" not in staff_signals(alone)


def test_leads_of_other_teams_got_to_agree_is_influence_however_many_words_name_them(content) -> None:  # type: ignore[no-untyped-def]
    said = "I drafted the rules and got the two other platform leads to agree to one release train."
    assert "influence without authority" in staff_signals(said)
    answer = ("Over the last year I set the data quality standard for the five data teams in our group: I wrote the "
              "proposal, got the other four team leads to agree to one shared guide, and ran the monthly audit. Three "
              "broken label feeds were caught in the audit this year, and the other teams now send their new label "
              "types through it on their own.")
    card = score_answer(answer, question=content.questions["rc-level-fit"], round_spec=content.rounds["recruiter"],
                        rubric=content.rubrics["recruiter"], level="staff")
    assert card.overall >= 4.0 and "influence without authority" not in card.calibration.staff_missing, card.overall
    covered = {p.point for p in card.talking_points.covered}
    assert {"Direction set beyond the candidate's own team", "Influence without formal authority"} <= covered


def test_a_team_that_did_not_want_it_won_over_is_influence() -> None:
    said = "The claims team did not want the new check at all, so I sat with their two engineers for a week."
    assert "influence without authority" in staff_signals(said)


@pytest.mark.parametrize("said", [
    "Every one of our forty ranking models now goes through the replay gate.",
    "The search, ads and feed teams all use the same drift report now.",
    "Nine teams call the service today.",
    "The three hand-rolled copies were retired within a quarter.",
    "The library now has its own team of three with an on-call rota.",
])
def test_the_organisation_running_on_it_is_long_term_direction(said: str) -> None:
    assert "long-term direction" in staff_signals(said)


def test_a_staff_story_that_shows_them_in_its_own_words_reaches_the_top(content) -> None:  # type: ignore[no-untyped-def]
    q = content.questions["xf-ds-model-not-ready"]
    story = ("At a bike-share operator an analyst on the fleet team built a model of how many docks each station "
             "would need each hour, and wanted it live before the summer. As staff engineer I owned the rebalancing "
             "service it would feed, and I did not trust it on event days. I replayed it on last year's marathon "
             "weekend and it was short by a third at the stations near the route. I showed her and her manager the "
             "replay, and proposed two weeks in shadow mode with the old model kept for event days. They agreed, "
             "and we built the event-day switch together. It launched ten days late and cut empty-dock complaints "
             "by a fifth, with no rise in truck hours. The replay check is now part of a launch review that the "
             "fleet, pricing and maintenance teams all use now. Next time I would ask for the replay at the start.")
    card = score_answer(story, question=q, round_spec=content.rounds.get(q.round), rubric=content.rubrics.get(q.round),
                        level="staff")
    assert not card.calibration.staff_missing
    assert card.overall >= 4.0


def test_getting_teams_one_does_not_manage_to_adopt_it_is_influence() -> None:
    said = "I picked the problem, got teams I do not manage to move onto the shared service, and it runs without me."
    assert "influence without authority" in staff_signals(said)
    assert "influence without authority" not in staff_signals("I manage the three teams that moved onto the service.")


def test_other_teams_running_their_work_through_it_since_is_influence_and_direction() -> None:
    said = "We wrote a one-page review step, and the finance and hiring teams have since run six projects through it."
    found = staff_signals(said)
    assert "influence without authority" in found and "long-term direction" in found
    assert "long-term direction" not in staff_signals("We wrote a one-page review step for our own next project.")
