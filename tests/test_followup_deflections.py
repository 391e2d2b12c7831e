"""A deflection is a non-answer: an answer that offers to tell something else instead, or declines the choice the
question asks for, while giving little of what was asked, is probed for the question itself (narrower), not for
a missing detail of the thing it declined to tell. After a full answer the same offer is only an offer."""
from __future__ import annotations

import pytest

from coach.content import default_content
from coach.eval.followup_gaps import aim


def _probe(text: str, question: str, round_id: str) -> str:
    """The gap the interviewer's first follow-up would aim at after this answer."""
    content = default_content()
    return aim({"round": round_id, "text": text}, content.question(question), content).gap


@pytest.mark.parametrize(("question", "round_id", "text"), [
    ("ts-regularization", "technical-screen",
     "Regularization, sure. Honestly I leave L1 versus L2 to the framework defaults, they're fine for almost "
     "everything I train. "
     "I could talk you through how our training pipeline is set up instead, I think that's the more interesting "
     "part of the work."),
    ("bh-cost-reduction", "behavioral",
     "Cost is a funny one, because finance always owned that conversation where I've worked. Would it be okay if "
     "I described in general how I think about efficiency in model training rather than one project?"),
    ("hm-build-vs-buy", "hiring-manager",
     "I'm fairly open on that, to be honest. Every company is different and the people here know the landscape "
     "much better than me. I'd go with whatever works for the team, I have no strong preference either way."),
])
def test_a_deflection_is_probed_as_a_non_answer(question: str, round_id: str, text: str) -> None:
    assert _probe(text, question, round_id) == "non_answer"


def test_an_offer_after_a_full_answer_is_only_an_offer() -> None:
    text = ("L1 adds the absolute size of the weights to the loss, and because its pull does not fade near zero it "
            "drives many weights to exactly zero, so it doubles as feature selection. L2 adds the squared weights and "
            "shrinks them all smoothly, which spreads weight across correlated features instead of picking one. "
            "Both trade a bit of bias for lower variance, and I tune the strength on a validation set. On a wide "
            "sparse click model I picked L1 to keep the model small; on dense embeddings L2. I could talk about "
            "elastic net instead if that's more useful.")
    assert _probe(text, "ts-regularization", "technical-screen") != "non_answer"
