"""Wrong claims said as a reason and what follows from it ("it is convex, so any step size converges"), and said as
something a practice does not change: caught; the right statement in the same shape is not."""
from __future__ import annotations

import pytest

from tests.scored import claims_for

CASES = [
    ("cd-logistic-regression", "The loss is convex, so plain gradient descent converges with any step size, and I'd "
                               "pick a big one like five to save time.", "convex loss"),
    ("cd-logistic-regression", "Each step sets w equals w plus the learning rate times the gradient of the log loss, "
                               "so we go in the direction the gradient points.", "adds the gradient"),
    ("cd-auc-from-scratch", "First I'd convert the scores into binary predictions with a cut-off at 0.5, then count the "
                            "four cells of the confusion matrix.", "threshold"),
    ("cd-auc-from-scratch", "The AUC is then just the average of the true positive rate and one minus the false "
                            "positive rate.", "threshold"),
    ("ts-regularization", "Because the penalty only looks at the weights, standardising the inputs does not change what "
                          "the L2 term does.", "no scaling"),
]
RIGHT = [
    ("cd-auc-from-scratch", "Unlike accuracy, we never turn the scores into predictions with a threshold of 0.5; we sort "
                            "them and count the pairs ranked right."),
    ("cd-logistic-regression", "The loss is convex, so with a small enough step size descent reaches the one minimum."),
    ("cd-logistic-regression", "The update is w minus the learning rate times the gradient, so we step against it."),
    ("cd-logistic-regression", "To climb the likelihood instead, w equals w plus the learning rate times the gradient "
                               "of the log likelihood."),
    ("ts-regularization", "Scaling does not change a tree's splits, but for an L2 penalty it decides who gets shrunk."),
]


@pytest.mark.parametrize("qid, text, claim", CASES)
def test_the_wrong_claim_is_caught(qid: str, text: str, claim: str) -> None:
    assert any(claim in c for c in claims_for(qid, text)), claims_for(qid, text)


@pytest.mark.parametrize("qid, text", RIGHT)
def test_the_right_statement_in_the_same_shape_is_not_flagged(qid: str, text: str) -> None:
    assert claims_for(qid, text) == []
