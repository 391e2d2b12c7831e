"""A plan or view that hedges with an "it depends" naming nothing it depends on, and makes no choice for the case
(`rubrics/answer_words.toml` `[unchosen]`, read by coach/scoring/unchosen.py as for a technical answer): a strong
interviewer hears the textbook list recited and the decision left to someone else, the rubrics' correct but generic
answer, held at HEDGE_CAP (as a generic plan is)."""
from __future__ import annotations

from typing import Any

from coach.scoring.unchosen import deferred

HEDGE_CAP = 2.0


def hedged_plan(a: Any, t: Any) -> None:
    """Hold a plan that ends on an unconditioned "it depends" at HEDGE_CAP; it says the words any answer could."""
    found = deferred(a.text)
    if found and t.level > HEDGE_CAP:
        t.set(HEDGE_CAP, f'"{found}" with no choice made for this case: at most')
        t.generic = True
