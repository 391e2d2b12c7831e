"""Pure helpers that turn content into a session: which questions, which rounds."""
from __future__ import annotations

import dataclasses
import random
from collections.abc import Sequence

from coach.content.loader import ANY_ROUND
from coach.content.types import Content
from coach.domain import ROUND_IDS, PlanStep, Question
from coach.errors import ContentError


def pick_questions(content: Content, round_id: str, level: str | None, count: int,
                   recent_ids: Sequence[str], rng: random.Random) -> list[Question]:
    """Pick up to `count` distinct questions of a round for a level.

    `recent_ids` are ids asked before, most recent first. Questions not in it are
    preferred (in random order); when too few remain, the least recently asked
    ones fill the rest. When the level has fewer than `count` questions, the
    round's questions for the other level make up the difference. A question that
    opens its round (`opens_round`, the deep-dive's project walkthrough) always comes
    first: the round's other questions build on it.
    """
    if count <= 0:
        return []
    pool = content.questions_for(round_id, level)
    if level is not None and len(pool) < count:
        pool += [q for q in content.questions_for(round_id) if q not in pool]
    if not pool:
        raise ContentError(f"no questions for round '{round_id}'",
                           "add some to a bank in rubrics/questions or your data dir's questions/")
    opener = next((q for q in pool if q.opens_round), None)
    if opener is not None:
        rest = [q for q in pool if q is not opener]
        return [opener] + (_pick(rest, count - 1, recent_ids, rng) if rest else [])
    return _pick(pool, count, recent_ids, rng)


def _pick(pool: list[Question], count: int, recent_ids: Sequence[str], rng: random.Random) -> list[Question]:
    if count <= 0:
        return []
    rank: dict[str, int] = {}
    for i, qid in enumerate(recent_ids):
        rank.setdefault(qid, i)
    fresh = [q for q in pool if q.id not in rank]
    rng.shuffle(fresh)
    picked = fresh[:count]
    if len(picked) < count:
        stale = sorted((q for q in pool if q.id in rank), key=lambda q: rank[q.id], reverse=True)
        picked += stale[: count - len(picked)]
    return picked


def expand_plan(content: Content, plan_id: str, round_id: str | None = None) -> list[PlanStep]:
    """A plan's steps with the drill's "*" round replaced by `round_id`."""
    plan = content.plan(plan_id)
    if round_id is not None and round_id not in ROUND_IDS:
        raise ContentError(f"unknown round '{round_id}'", f"rounds are: {', '.join(ROUND_IDS)}")
    steps: list[PlanStep] = []
    for step in plan.steps:
        if step.round == ANY_ROUND:
            if round_id is None:
                raise ContentError(f"plan '{plan_id}' needs a round to drill",
                                   f"pick one of: {', '.join(ROUND_IDS)}")
            step = dataclasses.replace(step, round=round_id)
        steps.append(step)
    return steps
