"""A plan or a view in generic words that covers none of the question's points ("why this team" answered with the title,
the pay and working from home) answers another question: held at level 1.5, below the generic plan's 2
(coach/scoring/levels.py `GENERIC_OFF_POINT_CAP`)."""
from __future__ import annotations

from coach.content.loader import default_content
from coach.scoring import score_answer
from coach.scoring.levels import GENERIC_CAP, GENERIC_OFF_POINT_CAP

OFF_POINT = ("To be honest the main thing is the title, as this role is a step up in title from the role I have now. "
             "The pay is also better than the pay I have now, and I like that the role is remote. "
             "I have not read much about what you do here yet, but a model is a model, so I am sure it will be fine.")


def test_a_generic_answer_to_another_question_is_held_below_the_generic_cap() -> None:
    content = default_content()
    q = content.questions["hm-why-this-team"]
    card = score_answer(OFF_POINT, question=q, round_spec=content.rounds.get(q.round),
                        rubric=content.rubrics.get(q.round), level="senior")
    assert not card.talking_points.covered
    assert card.calibration.level <= GENERIC_OFF_POINT_CAP < GENERIC_CAP
