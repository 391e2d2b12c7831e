"""Asked about arguing against something, a candidate who says they never do ("I don't really say no to things, I'm
more of a yes person") declines the question, whatever story follows (rubrics/answer_words.toml `[sidestep]`)."""
from __future__ import annotations

from coach.content.loader import default_content
from coach.scoring import score_answer
from coach.scoring.sidestep import declines

YES = ("Honestly I don't really say no to requests, I'm a yes person at heart. "
       "When the marketing team asked for a churn score per region, I built it in a sprint. "
       "I'm not sure anyone opened it after the first week, but we delivered what was asked.")


def test_never_saying_no_is_a_decline() -> None:
    assert len(declines(YES)) >= 2
    assert declines("um i dont say no to product i just find a way") == ["dont say no"]


def test_the_answer_is_scored_as_a_non_answer() -> None:
    content = default_content()
    q = content.questions["hm-saying-no"]
    card = score_answer(YES, question=q, round_spec=content.rounds.get(q.round), rubric=content.rubrics.get(q.round))
    assert card.gaps[0].id == "non_answer"


def test_a_no_that_was_said_is_no_decline() -> None:
    said = ("I said no to the regional churn score because it would have cost two engineers a quarter, and offered a "
            "weekly export instead.")
    assert declines(said) == []
