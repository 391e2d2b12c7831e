"""At staff level, the staff signals lift an answer that shows them; said in words that fit any answer, they lift
nothing: a direction story told in generic words scores no higher against staff than against senior.

The answer is written for this test in new words.
"""
from __future__ import annotations

from coach.content.loader import default_content
from coach.domain import Transcript
from coach.scoring import score_answer

DIRECTION = ('At my last company I took ownership of the technical direction for our machine learning work. I '
             'started by listening tour conversations with the senior engineers and product leads to understand '
             'their pain points, then wrote a strategy document that laid out where we wanted to be in two years '
             'and the principles we would follow. I socialised it with the directors and got buy-in from the key '
             'stakeholders, and then turned it into a phased roadmap with clear milestones. There was some healthy'
             ' debate along the way, which I welcomed. By the end of the year the teams were working from a shared'
             ' playbook and planning conversations were much smoother, and my director said it was the clearest '
             'plan the org had had.')


def test_a_direction_story_in_generic_words_gains_nothing_from_the_staff_bar() -> None:
    content = default_content()
    q = content.questions["hm-technical-direction"]
    cards = {lv: score_answer(Transcript(DIRECTION), question=q, round_spec=content.rounds.get(q.round),
                              rubric=content.rubrics.get(q.round), level=lv) for lv in ("senior", "staff")}
    assert cards["staff"].overall <= cards["senior"].overall
    assert cards["staff"].overall <= 2.0
    assert not any("staff signal" in step for step in cards["staff"].calibration.steps)
