"""A wrong claim said on a ground of its own, or in a shape the bank's cues did not foresee, is still caught: a
shortcut in training logistic regression justified by something other than convexity, bias and variance swapped
with "that's your ... problem", a remedy given to the wrong problem by name ("for bias the fix is ..."), shuffled
folds credited with cancelling drift, a random split as the default for a forecast. The right statement in the same
shape is not flagged: an "if" that opens the next case ties nothing across it, and "keeping in mind that ..." keeps
nothing. The answers are new, written for this test."""
from __future__ import annotations

import pytest

from tests.scored import card_for

CASES = [
    ("cd-logistic-regression", "Standardising the inputs is not needed here, since the sigmoid maps any score into the "
                               "unit interval regardless.", "no feature scaling"),
    ("cd-logistic-regression", "The step size is not important; a tiny one only means waiting longer for the same "
                               "weights.", "no feature scaling"),
    ("ts-bias-variance", "When the training loss sits near zero but the validation is much higher, that's our bias "
                         "problem right there.", "swapped"),
    ("ts-bias-variance", "Once it is clear the trouble is bias, for bias the cure is basically more examples, so the "
                         "model sees enough of the signal.", "more data"),
    ("ts-validation-strategy", "Random folds smooth out the seasonal effects, because each fold mixes every month "
                               "together.", "shuffled folds"),
    ("ts-validation-strategy", "My default for a sales forecast is shuffled five-fold, the same as for any tabular "
                               "model.", "random split"),
]
RIGHT = [
    ("cd-logistic-regression", "The step size is important: too large and the loss oscillates, too small and a fixed "
                               "budget of steps stops short."),
    ("cd-logistic-regression", "Scale the inputs first, otherwise one learning rate is too big for the wide columns."),
    ("ts-bias-variance", "If both errors are high it's bias, if the training error is low and the validation is much "
                         "higher, the gap is variance."),
    ("ts-bias-variance", "For bias the fix is a richer model, and for variance the fix is more data or stronger "
                         "regularisation."),
    ("ts-validation-strategy", "Shuffled folds do not wash out the trend; every fold still trains on weeks after the ones "
                               "it scores."),
    ("ts-class-imbalance", "Downsample the negatives, keeping in mind that this moves the predicted probabilities, so "
                           "they are corrected back to the true base rate before anyone reads them."),
]


def _claims(qid: str, text: str) -> list[str]:
    return [w.claim.lower() for w in card_for(qid, text).wrong_claims]


@pytest.mark.parametrize("qid, text, claim", CASES)
def test_the_wrong_claim_is_caught(qid: str, text: str, claim: str) -> None:
    assert any(claim in c for c in _claims(qid, text)), _claims(qid, text)


@pytest.mark.parametrize("qid, text", RIGHT)
def test_the_right_statement_in_the_same_shape_is_not_flagged(qid: str, text: str) -> None:
    assert _claims(qid, text) == []
