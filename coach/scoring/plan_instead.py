"""A plan told in place of the story a question asked for.

"Tell me about a time a pipeline kept breaking your model" answered with "I would first count the incidents ... then I
would propose a data contract for the columns we read ...": no event is told, so the rubrics' evidence from past work
is missing. Where the round's rubric names a hypothetical as its lowest level (the behavioural rubric: "No story: a
hypothetical or a general statement of values") that is a non-answer, as before. Elsewhere a strong interviewer hears a
concrete plan (the mechanisms of the trade named, not words that fit any job) as judgement shown without evidence:
it is scored as a plan and held at PLANNED_CAP, the rubrics' level 2 (there is something, not what was asked). A
generic plan ("I would talk to them, find common ground and keep everyone in the loop") stays a non-answer.
"""
from __future__ import annotations

import re
from typing import Any

from coach.domain import Rubric
from coach.scoring.levels import plan
from coach.scoring.specifics import said_generically

PLANNED_CAP = 2.0
_HYPOTHETICAL = re.compile(r"\bhypothetical", re.IGNORECASE)


def hypothetical_is_lowest(rubric: Rubric | None) -> bool:
    """Does the round's rubric name a hypothetical answer among its level-1 descriptors? (With no rubric, the
    conservative reading: yes.)"""
    if rubric is None:
        return True
    return any(d.score == 1 and _HYPOTHETICAL.search(d.text) for dim in rubric.dimensions for d in dim.levels)


def concrete(text: str, prompt: str, covered: int) -> bool:
    """A plan that names the things of the trade (said_generically finds enough concrete words or figures) and
    reaches at least one of the question's points."""
    return covered >= 1 and said_generically(text, prompt) is None


def level(a: Any, t: Any) -> None:
    """Score the plan as a plan (coach/scoring/levels.py `plan`), held at PLANNED_CAP."""
    plan(a, t)
    if t.level > PLANNED_CAP:
        t.set(PLANNED_CAP, "a plan told in place of the story asked (no event, only what they would do): at most")
