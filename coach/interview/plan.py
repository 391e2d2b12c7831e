"""From a plan (full loop, drill, warm-up) to the ordered questions of one session (pure)."""
from __future__ import annotations

import dataclasses
import random
from collections.abc import Sequence
from typing import Any

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
    saved: dict[str, Any] | None = None,
) -> list[tuple[Question, RoundSpec]]:
    """The (question, round) pairs to ask, in order. Explicit `question_ids` win over the plan.

    `saved` is a plan built from a job description (see `job_items`); it replaces `plan_id`'s steps.
    """
    if question_ids:
        items = []
        for qid in question_ids:
            question = content.question(qid)
            items.append((question, content.round(question.round)))
        return items
    if saved is not None:
        return job_items(content, saved, saved.get("team_questions") or ())
    items = []
    for step in expand_plan(content, plan_id, round_id):
        spec = dataclasses.replace(content.round(step.round), time_box_minutes=step.minutes)
        for question in pick_questions(content, step.round, level, step.questions, recent_ids, rng):
            items.append((question, spec))
    return items


TEAM_INTRO = "Before we start, a word about the team you would be joining. {team}"


def job_items(content: Content, record: dict[str, Any], team_questions: Sequence[str] = ()) -> list[tuple[Question, RoundSpec]]:
    """The (question, round) pairs of a plan built from a job description (`coach plan --jd`).

    When the plan asks a question that refers to "the team I described", the first
    question opens with the team's description from the job text.
    """
    minutes = record.get("minutes") or {}
    items: list[tuple[Question, RoundSpec]] = []
    for step in record.get("rounds") or []:
        rid = step.get("round") if isinstance(step, dict) else None
        spec = content.round(str(rid))
        if isinstance(minutes.get(rid), int):
            spec = dataclasses.replace(spec, time_box_minutes=minutes[rid])
        for qid in step.get("questions") or []:
            items.append((content.question(str(qid)), spec))
    team = str(record.get("team") or "").strip()
    if items and team and any(q.id in team_questions for q, _ in items):
        first, spec = items[0]
        intro = TEAM_INTRO.format(team=team if team.endswith((".", "!", "?", "…")) else team + ".")
        items[0] = (dataclasses.replace(first, prompt=f"{intro} {first.prompt}"), spec)
    return items
