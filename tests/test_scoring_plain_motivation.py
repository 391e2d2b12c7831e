"""A motivation told in plain words covers the recruiter's points: the thing named as not yet done ("what I have not
done is ...") is a reason to move, not a denial that empties the sentence, and a role said to be "exactly that" or "a
direct step" from the speaker's work is how it fits. A practice denied ("we never set up alerts") still covers
nothing."""
from __future__ import annotations

import pytest

from coach.content.loader import default_content
from coach.scoring import score_answer
from coach.scoring.talking_points import UNSURE


@pytest.fixture(scope="module")
def content():  # type: ignore[no-untyped-def]
    return default_content()


def test_the_thing_not_yet_done_is_not_a_denial() -> None:
    assert UNSURE.search("What I have not done is ship a model that answers in under ten milliseconds.") is None
    assert UNSURE.search("It is the part I haven't done yet.") is None
    assert UNSURE.search("We never set up alerts on the feature store.") is not None


def test_a_plain_motivation_covers_the_pull_and_the_fit(content) -> None:  # type: ignore[no-untyped-def]
    q = content.questions["rc-why-looking"]
    text = ("For four years I have built pricing models for a car insurer, and I am grateful for what I learned there. "
            "Every model we run is retrained once a quarter, and that suits the business. "
            "What I have not done is build something that learns from feedback within minutes, and I want to do that next. "
            "Your fraud team scores every card payment live, so the role is a direct step from what I already know.")
    card = score_answer(text, question=q, round_spec=content.rounds.get(q.round), rubric=content.rubrics.get(q.round),
                        level="senior")
    covered = {p.point for p in card.talking_points.covered}
    assert "A positive reason, moving toward something" in covered
    assert "How this role fits that" in covered
    assert "What the current role cannot offer" in covered


def test_moving_closer_to_the_work_and_no_grudge_are_said_plainly(content) -> None:  # type: ignore[no-untyped-def]
    q = content.questions["rc-why-looking"]
    text = ("um honestly my group was merged into the data platform this year and now i mostly keep pipelines running "
            "for other teams and that is fine but i want to get closer to the product and to the people deciding with "
            "the model i have nothing against my employer it is just a different job now")
    card = score_answer(text, question=q, round_spec=content.rounds.get(q.round), rubric=content.rubrics.get(q.round),
                        level="senior")
    covered = {p.point for p in card.talking_points.covered}
    assert "A positive reason, moving toward something" in covered
    assert "No negativity about the current employer" in covered
