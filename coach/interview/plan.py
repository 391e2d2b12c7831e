"""From a plan (full loop, drill, warm-up) to the ordered questions of one session (pure)."""
from __future__ import annotations

import dataclasses
import random
from collections.abc import Sequence

from coach.content import Content, expand_plan, pick_questions
from coach.domain import Question, RoundSpec


def build_items(
    content: Content,
    plan_id: str,
    round_id: str | None,
    level: str | None,
    recent_ids: Sequence[str],
    rng: random.Random,
    question_ids: Sequence[str] = (),
) -> list[tuple[Question, RoundSpec]]:
    """The (question, round) pairs to ask, in order. Explicit `question_ids` win over the plan."""
    if question_ids:
        items = []
        for qid in question_ids:
            question = content.question(qid)
            items.append((question, content.round(question.round)))
        return items
    items = []
    for step in expand_plan(content, plan_id, round_id):
        spec = dataclasses.replace(content.round(step.round), time_box_minutes=step.minutes)
        for question in pick_questions(content, step.round, level, step.questions, recent_ids, rng):
            items.append((question, spec))
    return items
