"""One labelled napkin chain checked the way the graded evaluation checks one: a right chain raises no flag; a wrong
one is flagged at its step with the right figure (within 10%)."""
from __future__ import annotations

import pytest

from coach.scoring import score_answer


def assert_followed(cid: str, text: str, step: str | None, right: float, step_named: bool = True) -> None:
    flagged = [c for c in score_answer(text).sizing.checks if not c.ok]
    if step is None:
        assert not flagged, [c.message for c in flagged]
        return
    hit = [c for c in flagged if c.rule == step]
    assert hit, f"{cid} not flagged at {step}: {[c.message for c in flagged]}"
    assert hit[0].expected == pytest.approx(right, rel=0.1)
    if step_named:
        assert hit[0].step in hit[0].message
