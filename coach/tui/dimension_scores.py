"""Reads for the app's glance at progress: past answers' dimension scores (no textual here)."""
from __future__ import annotations

from typing import TYPE_CHECKING

from coach.domain import DIMENSION_IDS

if TYPE_CHECKING:       # Home imports this at start-up: keep numpy and the scorer out of the first screen
    from coach.ports import Store
    from coach.scoring.scorecard import Scorecard


def answer_cards(store: Store, limit: int = 300) -> list[Scorecard]:
    """The scorecards of the last `limit` scored answers, oldest first."""
    return store.recent_cards(limit)


def dimension_history(cards: list[Scorecard]) -> dict[str, tuple[str, list[float]]]:
    """Per rubric dimension: its name and its scores over time, in DIMENSION_IDS order."""
    found: dict[str, tuple[str, list[float]]] = {}
    for card in cards:
        for dim in card.dimensions:
            if not dim.id:
                continue
            name, scores = found.setdefault(dim.id, (dim.name or dim.id, []))
            scores.append(dim.score)
    order = {d: i for i, d in enumerate(DIMENSION_IDS)}
    return dict(sorted(found.items(), key=lambda kv: order.get(kv[0], len(order))))


def short_name(dim_id: str, fallback: str) -> str:
    """The app's column name for a dimension (`short` in rubrics/rounds.toml); `fallback` for an unknown id."""
    from coach.content.loader import dimension_spec

    return dimension_spec(dim_id).short if dim_id in DIMENSION_IDS else fallback
