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


def test_a_choice_two_sentences_on_weighed_on_a_figure_carried_from_the_slip() -> None:
    carried = SLIPPED.replace("So scoring was not where the money went, and I saw no reason to look at it.",
                              "Batching would have saved about a third of that, so roughly 1,400 a month. "
                              "I judged that 1,400 a month was not worth a month of my time, and we left scoring "
                              "alone.")
    assert _rests(carried).startswith("I judged that 1,400 a month was not worth")


CARRIED = ("Our ranking service ran on sixteen GPUs at about 2 dollars an hour each, day and night. "
           "I worked that out as roughly 2,300 dollars a month for the whole fleet. "
           "Quantising the model would have halved it, so about 1,150 dollars a month. "
           "I decided that 1,150 a month did not justify two weeks of work, and we kept the fleet as it was. "
           "Instead I cut the nightly feature backfill from six hours to two, which brought our batch bill down by "
           "about 40 percent. "
           "Looking back, I would have my sums checked by someone before a call like that.")


def test_a_story_resting_on_a_slip_is_held_below_the_senior_bar_at_any_level() -> None:
    """A choice that rests on a figure ten times off could not work as told (as for a design: level 2.5), and at staff
    it is no sound story at the senior bar, so the staff bar's hold does not keep it there."""
    senior, staff = _card(CARRIED), _card_at(CARRIED, "staff")
    assert any("rests on a wrong figure" in s for s in senior.calibration.steps)
    assert senior.calibration.level <= 2.5
    assert staff.overall <= 2.0


def _card_at(text: str, level: str):  # type: ignore[no-untyped-def]
    content = default_content()
    q = content.questions["dd-cost"]
    return score_answer(text, question=q, round_spec=content.rounds.get(q.round), rubric=content.rubrics.get(q.round),
                        level=level, followup=True)
