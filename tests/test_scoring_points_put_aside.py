"""A talking point is not covered by a sentence that names it only to put it aside (said as not needed, as adding only
cost, as cosmetic, or left for later or for whoever asks), nor by a follow-up reply's opening that restates the
question it takes up; the same point said as done still is. The answers are new, written for this test."""
from __future__ import annotations

import pytest

from tests.scored import card_for


def _covered(qid: str, text: str, followup: bool = False) -> set[str]:
    return {p.point for p in card_for(qid, text, followup=followup).talking_points.covered}


def _point(qid: str, i: int) -> str:
    from coach.content import default_content

    return default_content().question(qid).talking_points[i]


PUT_ASIDE = [
    # (question, point index, the point put aside, the point said as done)
    ("ts-ranking-metrics", 4,
     "Once the offline numbers move together, an interleaving run is not needed; it would tell us what we know.",
     "Once the offline numbers move together, I confirm the gain with an interleaving run before launch."),
    ("sd-image-moderation", 4,
     "The classifier is good enough that human reviewers would only add cost to every upload.",
     "Uploads in the uncertain band go to human reviewers, and their decisions come back as labels."),
]


@pytest.mark.parametrize("qid, i, aside, done", PUT_ASIDE)
def test_a_point_named_only_to_be_put_aside_is_not_covered(qid: str, i: int, aside: str, done: str) -> None:
    point = _point(qid, i)
    assert point in _covered(qid, done)
    assert point not in _covered(qid, aside)


def test_a_thing_left_for_later_does_not_carry_its_keyword() -> None:
    from coach.scoring.talking_points import _waves_away

    assert _waves_away("streaming can come later")
    assert _waves_away("time-based splits I keep for when the business really asks")
    assert not _waves_away("streaming came first, batch later")


def test_a_reply_that_restates_the_question_covers_nothing_with_it() -> None:
    qid = "ts-class-imbalance"
    point = _point(qid, 4)
    opening = "You asked how I would get more labels for the rare class in practice."
    assert point not in _covered(qid, opening + " I would move the threshold along the precision-recall curve.",
                                 followup=True)
    assert point in _covered(qid, "I would get more labels for the rare class through active learning on the "
                                  "uncertain cases.", followup=True)
