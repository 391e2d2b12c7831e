"""The adaptive drill: practise the rubric dimension that has scored lowest lately.

`plan_weakest_drill` is the entry point `coach interview --drill weakest` calls.
It is pure: the caller passes the recent dimension scores (for example from
`coach.adapters.progress_sql.recent_dimension_scores`), the content, and a
seeded `random.Random`.
"""
from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from typing import Any

from coach.content.types import Content
from coach.content.picker import pick_questions
from coach.domain import DIMENSION_IDS, ROUND_IDS, Question
from coach.errors import CoachError
from coach.progress.labels import dimension_label

WINDOW = 10

__all__ = ["WINDOW", "dimension_means", "plan_weakest_drill", "rounds_weighting", "weakest_dimension"]


def _scores_of(item: Mapping[str, Any]) -> dict[str, float]:
    """Accepts {dimension id: score} or a whole scorecard (with a "dimensions" list)."""
    dims = item.get("dimensions")
    if isinstance(dims, list):
        return {str(d["id"]): float(d["score"]) for d in dims
                if isinstance(d, Mapping) and d.get("id") and isinstance(d.get("score"), (int, float))}
    return {str(k): float(v) for k, v in item.items() if isinstance(v, (int, float)) and not isinstance(v, bool)}


def dimension_means(history: Sequence[Mapping[str, Any]], window: int = WINDOW) -> dict[str, float]:
    """Mean score per dimension over the last `window` answers (history is oldest first)."""
    sums: dict[str, list[float]] = {}
    for item in history[-window:] if window > 0 else history:
        for dim, score in _scores_of(item).items():
            sums.setdefault(dim, []).append(score)
    return {d: sum(v) / len(v) for d, v in sums.items()}


def weakest_dimension(history: Sequence[Mapping[str, Any]], window: int = WINDOW) -> tuple[str, float] | None:
    """(dimension id, mean) with the lowest mean lately; ties go to DIMENSION_IDS order."""
    means = dimension_means(history, window)
    if not means:
        return None
    order = {d: i for i, d in enumerate(DIMENSION_IDS)}
    dim = min(means, key=lambda d: (round(means[d], 6), order.get(d, len(order)), d))
    return dim, means[dim]


def rounds_weighting(content: Content, dim_id: str) -> tuple[list[str], float]:
    """The rounds whose rubric gives `dim_id` the largest weight, and that weight."""
    weights: dict[str, float] = {}
    for round_id, rubric in content.rubrics.items():
        for dim in rubric.dimensions:
            if dim.id == dim_id and content.questions_for(round_id):
                weights[round_id] = dim.weight
    if not weights:
        return [], 0.0
    top = max(weights.values())
    order = {r: i for i, r in enumerate(ROUND_IDS)}
    return sorted((r for r, w in weights.items() if abs(w - top) < 1e-9), key=lambda r: order.get(r, 99)), top


def plan_weakest_drill(history_dimension_scores: Sequence[Mapping[str, Any]], content: Content,
                       level: str | None, recent_ids: Sequence[str], rng: random.Random,
                       count: int) -> tuple[list[Question], str]:
    """Questions that drill the weakest recent dimension, and one sentence saying why.

    Args:
        history_dimension_scores: one mapping per scored answer, oldest first:
            {dimension id: score 0-5}, or a whole scorecard dict.
        content: the loaded content (rubrics give each round's weights).
        level: "senior", "staff" or None for both.
        recent_ids: question ids asked before, most recent first (avoided when possible).
        rng: the random source (seed it for repeatable drills).
        count: how many questions to return.
    Returns:
        (questions, reason). Questions come from the round(s) weighting the weakest
        dimension most, alternating between tied rounds.
    Raises:
        CoachError: when there are no scored answers yet or no round grades the dimension.
    """
    found = weakest_dimension(history_dimension_scores)
    if found is None:
        raise CoachError("no scored answers yet, so there is no weakest dimension to drill",
                         "answer a few questions first, or drill a round with --round")
    dim_id, mean = found
    rounds, weight = rounds_weighting(content, dim_id)
    if not rounds:
        raise CoachError(f"no round's rubric grades {dimension_label(dim_id)}",
                         "check the rubrics in rubrics/rubrics/")
    per_round = [pick_questions(content, r, level, count, recent_ids, rng) for r in rounds]
    picked: list[Question] = []
    for i in range(count):
        for questions in per_round:
            if i < len(questions) and len(picked) < count:
                picked.append(questions[i])
    answers = min(len(history_dimension_scores), WINDOW)
    span = "answer" if answers == 1 else f"{answers} answers"
    round_text = " and ".join(rounds)
    reason = (f"Across your last {span}, {dimension_label(dim_id)} has the lowest average "
              f"({mean:.1f}/5); {round_text} rubrics give it the most weight ({weight:.0%}), "
              f"so this drill asks {round_text} questions.")
    return picked, reason
