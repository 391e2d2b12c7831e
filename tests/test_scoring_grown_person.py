"""A story about growing someone ends on where that person stands now: "these days he runs the pricing model", "she
is a staff engineer now". That state is the outcome of the help, told in words, and the story is a whole one."""
from __future__ import annotations

from coach.content.loader import default_content
from coach.scoring import score_answer
from coach.scoring.star import label_sentence


def _best(sentence: str) -> str:
    sc = label_sentence(sentence)
    return max(sc, key=lambda c: sc[c]) if max(sc.values()) > 0 else "other"


def test_where_the_person_stands_now_is_the_outcome() -> None:
    assert _best("and he is a senior engineer now") == "result"
    assert _best("and now he runs the pricing model on his own") == "result"
    assert _best("they now lead the weekly model review") == "result"
    # a role told as the scene, with no "now", is not an outcome
    assert _best("he is a senior engineer") != "result"


# the help, then where the analyst stands today, and no figure anywhere
GROWN = ("There was an analyst in the finance team at the retailer I worked at who wanted to learn modelling. "
          "I gave him the returns forecast to rebuild, and I checked his work with him each week. "
          "When a few of his first changes broke the backfill, I sat with him and we fixed them together. "
          "And he is a machine learning engineer now. "
          "So giving people a real model to own is how I help them grow.")


def test_a_growth_story_ending_on_the_role_is_a_whole_story() -> None:
    content = default_content()
    q = content.questions["hm-growing-engineers"]
    card = score_answer(GROWN, question=q, round_spec=content.rounds.get(q.round), rubric=content.rubrics.get(q.round))
    assert card.star.result.present
    assert any(s.startswith("situation, action and result") for s in card.calibration.steps)
