"""A probe for the alternative when the decision told already names it.

After a decision told without its why (coach/scoring/decisions.py), the bank's first probe asks "What alternative did
you consider, and why did you reject it?". When the candidate named the option they left in the same sentence ("I
decided to move from the nightly batch features to streaming ones"), that asks for what they just said: a strong
interviewer asks why the one beat the other, or what the choice cost. The phrases are data (prompts/followup_words.toml
`[option_left]`).
"""
from __future__ import annotations

import re
from functools import lru_cache

from coach.followups import words

# The scorer's finding for a choice told without its reason (coach/scoring/gaps.py).
_DECISION_TOLD = re.compile(r'the decision is told, not why: "([^"]+)"')


def decision_told(evidence: str) -> str | None:
    """The decision the scorer's finding quotes as told without its why, else None."""
    told = _DECISION_TOLD.search(evidence)
    return told.group(1) if told is not None else None


@lru_cache(maxsize=1)
def _left() -> re.Pattern[str]:
    said = [r"\s+".join(r"(?:\S+\s+){1,8}?" if w == "..." else re.escape(w) for w in p.split()).replace(r"}?\s+", "}?")
            for p in words.phrases("option_left", "left")]
    return re.compile(r"\b(?:" + "|".join(said) + r")\b", re.I)


@lru_cache(maxsize=1)
def _asks() -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(map(re.escape, words.phrases("option_left", "asks"))) + r")\b", re.I)


def names_the_option_left(decision: str) -> bool:
    """Does the decision name the option it left ("from batch to streaming", "instead of our own queue")?"""
    return bool(_left().search(decision))


def asks_for_the_option_left(probe: str, evidence: str) -> bool:
    """Does the probe ask which alternative was considered, after the scorer's finding quotes a decision that names
    the option left?"""
    told = decision_told(evidence)
    return told is not None and names_the_option_left(told) and bool(_asks().search(probe))
