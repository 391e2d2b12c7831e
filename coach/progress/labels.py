"""Plain-language names for dimension, gap and round ids, as the reports say them.

Dimension phrases come from `rubrics/rounds.toml` (`[[dimension]]`, field `phrase`)."""
from __future__ import annotations

import re

from coach.content.loader import dimension_spec

# How a recurring gap reads in a sentence: "<phrase> in 6 of 9 behavioral answers".
GAP_PHRASES: dict[str, str] = {
    "non_answer": "no real attempt at an answer",
    "off_topic": "an answer that drifted off the question",
    "no_result": "no measurable result",
    "no_numbers": "no numbers at all",
    "bad_math": "arithmetic that did not hold up",
    "we_not_i": "\"we\" with no clear \"I\"",
    "no_tradeoff": "no alternative weighed",
    "no_monitoring": "no monitoring, rollout or rollback plan",
    "no_clarifying": "no clarifying questions before designing",
    "no_context": "no situation or stakes set up",
    "too_long": "an answer that ran well over time",
    "missing_point": "a key talking point left out",
    "wrong_claim": "a wrong claim stated as true",
}


def dimension_label(dim_id: str) -> str:
    return dimension_spec(dim_id).phrase


def gap_phrase(gap_id: str) -> str:
    return GAP_PHRASES.get(gap_id, gap_id.replace("_", " "))


def round_label(round_id: str | None) -> str:
    return round_id or "unsorted"


_ONE_TIMES = re.compile(r"\b1 times\b")
_STOP_AFTER_QUOTE = re.compile(r"([.!?…]\s?[\"\u201d])\.")


def as_said(text: str) -> str:
    """The scorer's evidence as a sentence reads: '"I" 1 times' says '"I" once', and a quote that ends its
    own sentence takes no second full stop after it ('"... migrate.".' -> '"... migrate."')."""
    return _STOP_AFTER_QUOTE.sub(r"\1", _ONE_TIMES.sub("once", text))
