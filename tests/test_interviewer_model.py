"""The bundled GGUF interviewer, for real: whatever it says reaches the candidate as one question."""
from __future__ import annotations

import re

from coach.content import default_content
from coach.interviewer import guards


def _is_one_question(text: str) -> bool:
    n = len(guards.words(text))
    return text.endswith("?") and text.count("?") == 1 and 5 <= n <= 30


def test_bundled_model_follow_up_is_exactly_one_question(interviewer) -> None:
    question = default_content().questions_for("behavioral")[0]
    answer = ("So we were migrating the churn model to a new feature store and the team argued for weeks. "
              "We eventually shipped it and it was fine.")
    reply = interviewer.follow_up(question, answer, "no_result", [question.prompt])
    assert _is_one_question(reply.question), reply
    assert reply.source in ("model", "bank")
    assert reply.gap == "no_result"
    assert reply.question != question.prompt


def test_raw_model_candidates_are_real_generations(interviewer) -> None:
    question = default_content().questions_for("system-design")[0]
    candidates = interviewer.propose(question, "I would use a two tower model and a ranking service.", "no_numbers")
    assert len(candidates) == 3
    assert any(re.search(r"[a-z]{3,}", c.lower()) for c in candidates)   # the model produced words
