"""Sentences a story's labels read by their shape (coach/scoring/star.py, star_cues.py): the answer's own claim in the
present ("the main reason is that ...") is a view, not the scene; a look back that keeps the view held all along ("in
hindsight I still think ...") learned nothing; what a thing would have done never happened; a figure measured offline
and carried into the speaker's next step is that step's evidence; and a piece of work taken on whole before any step
of it ("I pitched and led a shared labelling platform") is the task."""
from __future__ import annotations

from coach.scoring import score_answer
from coach.scoring.star import label_sentence


def _top(sentence: str) -> str:
    scores = label_sentence(sentence)
    best = max(scores.values())
    return "other" if best == 0 else max(scores, key=lambda k: scores[k])


def test_the_answers_own_reason_is_a_view() -> None:
    assert _top("Honestly the main reason is that my group was folded into the platform team last spring.") == "other"
    assert _top("My group was folded into the platform team last spring.") != "other"


def test_a_look_back_that_keeps_the_old_view_is_no_lesson() -> None:
    assert _top("In hindsight I still think tuning should wait until the data is clean.") == "other"
    assert _top("In hindsight I would have cleaned the data before tuning anything.") == "result"


def test_what_a_thing_would_have_done_is_no_outcome() -> None:
    assert label_sentence("The smaller model would have lowered the bill by about a third.")["result"] == 0
    assert label_sentence("The smaller model lowered the bill by about a third.")["result"] > 0


def test_an_offline_figure_carried_into_the_next_step_is_that_steps_evidence() -> None:
    carried = label_sentence("Offline the recall at twenty fell from 0.41 to 0.40, and I put both figures in the design "
                             "review.")
    assert carried["action"] > carried["result"]
    outcome = label_sentence("Offline the recall at twenty fell from 0.41 to 0.40.")
    assert outcome["result"] > outcome["action"]


def test_work_taken_on_whole_is_the_task() -> None:
    assert label_sentence("I pitched and led a shared labelling platform, with nobody reporting to me.")["task"] >= 2.5
    story = ("At a freight marketplace four teams each labelled shipments by hand in their own spreadsheets. "
             "I pitched and led a shared labelling platform, with nobody reporting to me. "
             "I spent two weeks with the two teams that labelled most and built the first version around their forms. "
             "Within a year all four teams labelled on it, and labelling time per shipment fell by about half.")
    card = score_answer(story, level="senior")
    assert card.star.task.evidence and card.star.task.evidence[0].startswith("I pitched and led")
