"""A story question answered with a concrete plan of what the candidate would do: a non-answer where the round's rubric
names a hypothetical as its lowest level (behavioural), elsewhere a plan held at level 2; a generic plan stays a
non-answer everywhere (coach/scoring/plan_instead.py)."""
from __future__ import annotations

import pytest

from coach.content.loader import default_content
from coach.scoring.plan_instead import PLANNED_CAP, hypothetical_is_lowest
from tests.scored import card_for


@pytest.fixture(scope="module")
def content():  # type: ignore[no-untyped-def]
    return default_content()



CONCRETE = ("If the feeds team's nightly export kept failing my retraining, I would start by listing each failed run "
            "with its date and how many hours of stale scores it left us with. "
            "Then I would ask their lead for half an hour to show them the list and propose a data contract for the "
            "twelve columns we actually read. "
            "On my side I would add a schema check and a null-rate check that stop a bad export before training. "
            "I would also put an alert in both teams' channel so a broken load is seen the same morning.")

GENERIC = ("If another team kept breaking things for me, I would first try to understand their point of view. "
           "I would talk to them openly and look for common ground. "
           "I would keep everyone in the loop and escalate only as a last resort. "
           "I think that is the best way to work with other teams in general.")


def test_the_rubrics_say_where_a_hypothetical_is_the_lowest_level(content) -> None:  # type: ignore[no-untyped-def]
    assert hypothetical_is_lowest(content.rubrics["behavioral"])
    assert not hypothetical_is_lowest(content.rubrics["cross-functional"])
    assert hypothetical_is_lowest(None)


def test_a_concrete_plan_for_a_story_is_scored_as_a_plan_held_at_two() -> None:
    card = card_for("xf-upstream-pipeline", CONCRETE)
    assert not any(g.id == "non_answer" for g in card.gaps)
    assert card.calibration.level == PLANNED_CAP
    assert any("in place of the story asked" in s for s in card.calibration.steps)
    assert card.talking_points.covered           # its steps are its points


def test_a_generic_plan_is_still_no_answer() -> None:
    card = card_for("xf-upstream-pipeline", GENERIC)
    assert card.gaps[0].id == "non_answer"
    assert card.overall <= 0.5
