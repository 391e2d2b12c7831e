"""A story whose own figure is wrong by far and whose next sentence draws the choice from it ("So scoring was not
where the money went, and I saw no reason to look at it"): the judgement rests on the wrong figure as much as a choice
made in the figure's own sentence, and the story is held at SLIP_DECIDED_CAP (coach/scoring/levels.py)."""
from __future__ import annotations

from types import SimpleNamespace

from coach.content.loader import default_content
from coach.scoring import score_answer
from coach.scoring.levels import decided_on_a_slip
from coach.scoring.text import clean, sentences

SLIPPED = ("Our fraud model scored card payments for a regional bank and retrained every night. "
           "Scoring ran on twenty GPUs at about 3 dollars an hour each, around the clock. "
           "I worked it out as twenty times 3, so 60 dollars an hour, which over a month of about seventy hours is "
           "around 4,200 dollars. "
           "So scoring was not where the money went, and I saw no reason to look at it. "
           "Instead I spent the quarter moving the nightly retraining to spot machines and sampling the old negatives. "
           "That cut the training bill by about half, from 9,000 dollars a month to 4,500.")


def _card(text: str):  # type: ignore[no-untyped-def]
    content = default_content()
    q = content.questions["dd-cost"]
    return score_answer(text, question=q, round_spec=content.rounds.get(q.round), rubric=content.rubrics.get(q.round),
                        level="senior", followup=True)


def _rests(text: str) -> str:
    card = _card(text)
    return decided_on_a_slip(SimpleNamespace(checks=card.sizing.checks, sents=sentences(clean(text))))


def test_a_choice_drawn_in_the_next_sentence_rests_on_the_slip() -> None:
    assert _rests(SLIPPED).startswith("So scoring was not where the money went")


def test_the_same_figure_right_is_not_held() -> None:
    assert _rests(SLIPPED.replace("seventy hours is around 4,200", "730 hours is around 44,000")) == ""


def test_a_next_sentence_that_draws_nothing_from_it_is_not_the_choice() -> None:
    assert _rests(SLIPPED.replace("So scoring was not where the money went, and I saw no reason to look at it.",
                                  "The data science team owned the features.")) == ""
