"""Labels for steps and asks told in ways the older cues missed: a one-off step in the present perfect beside a
clause in the simple past (second-language English, "I have measured it ... and the model found ..."), the ask that
fell to the speaker with their role, and a limit on their reach said as "no line over" (coach/scoring/star.py,
coach/scoring/star_cues.py)."""
from __future__ import annotations

from coach.scoring import score_answer
from coach.scoring.star import label_sentence


def _best(sentence: str) -> str:
    scores = label_sentence(sentence)
    return max(scores, key=lambda k: scores[k])


def test_a_perfect_step_beside_a_past_clause_is_a_step() -> None:
    assert _best("I have compared the two forecasts on one month of orders, and the new one missed far fewer "
                 "weekends.") == "action"
    assert _best("In our first review I have asked him to show me the slowest query, and I saw it scanned the "
                 "whole table.") == "action"


def test_a_perfect_that_runs_to_now_stays_no_step() -> None:
    scores = label_sentence("For the past two years I have built pricing models, and I have learned a lot there.")
    assert scores["action"] == 0.0


def test_the_ask_with_the_role_and_a_limit_on_reach_are_the_task() -> None:
    assert _best("I ran the data science group for the claims product, and I believed the plan was too costly, "
                 "so it fell to me to make the case against it.") == "task"
    assert _best("I was a senior engineer in the search group, with no line over the other teams, and I wanted "
                 "every ranking change to pass a shared check.") == "task"


def test_a_scene_of_two_sentences_and_an_ask_is_not_a_long_scene() -> None:
    text = ("At a bus company the timetable team planned every route from a forecast of riders that four regional "
            "offices each adjusted by hand, route by route, before the monthly planning meeting with the operations director. "
            "Last winter two of those offices cut evening buses on busy routes, and the complaints reached the local "
            "newspaper within a week of the change. "
            "I ran the data science group for the planning product, and I believed the hand edits were the cause, so "
            "it fell to me to make the case to the regional leads. "
            "I pulled a year of edits and showed that each cut had lowered the forecast below what riders took. "
            "I proposed that edits beyond ten percent need a written reason, and built the check into the planner. "
            "Over the next two quarters, the offices made forty percent fewer large edits and complaints about "
            "evening buses fell by half.")
    card = score_answer(text, level="senior")
    assert not any("the scene runs" in s for s in card.calibration.steps), card.calibration.steps
