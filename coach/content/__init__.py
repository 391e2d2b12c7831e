"""Interview content as data: rounds, rubrics, question banks, gaps and session plans."""
from __future__ import annotations

from coach.content.loader import ANY_ROUND, SIZING_KINDS, default_content, load_content
from coach.content.types import Content, GapSpec
from coach.content.picker import expand_plan, pick_questions

__all__ = [
    "ANY_ROUND", "SIZING_KINDS", "Content", "GapSpec", "default_content", "expand_plan",
    "load_content", "pick_questions",
]
