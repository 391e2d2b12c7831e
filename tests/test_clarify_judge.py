"""The local model as a clarification judge: real llama.cpp on the bundled default GGUF."""
from __future__ import annotations

from coach import services
from coach.adapters.clarify_judge import LlamaClarifyJudge
from coach.eval.clarify_model import combine


def test_the_default_model_tells_a_clear_clarifying_question_from_a_design_statement() -> None:
    path, _ = services.llm_model_path(None)
    judge = LlamaClarifyJudge(path, threads=2)
    try:
        assert judge.asks("Before I design anything, how many transactions per second do we see at peak, "
                          "and what is the latency budget for a decision?")
        assert not judge.asks("I'd put a queue in front of the scoring service and add workers when it backs up.")
    finally:
        judge.close()


def test_the_model_overrules_the_rules_only_when_it_is_sure() -> None:
    assert combine(True, None) and not combine(False, None)       # no model: the rules
    assert combine(True, -0.5) and not combine(False, 0.5)         # unsure: the rules
    assert not combine(True, -4.0) and combine(False, 4.0)         # sure: the model
