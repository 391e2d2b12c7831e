"""A model's probability over one half acted on as the decision ("if the probability is above 0.5 we block the
payment") uses the default cut-off with no cost or target behind it: the field's misconception "the decision threshold
should be 0.5" (rubrics/misconceptions.toml), said as what the system does. A cut-off chosen from costs, a probability
over one half that only routes the case to a person, and the default named to reject it are not the claim."""
from __future__ import annotations

import pytest

from coach.scoring import claims
from coach.scoring.text import clean, sentences

CLAIM = "The decision threshold should be 0.5"


def _claims(text: str) -> list[str]:
    return [w.claim for w in claims.scan(None, sentences(clean(text)))[0]]


@pytest.mark.parametrize("text", [
    "The classifier gives each payment a fraud probability, and when that probability is above 0.5 we block it.",
    "Any listing whose score comes out higher than 0.5 gets suspended until the seller appeals.",
])
def test_acting_on_a_probability_over_one_half_is_the_default_threshold(text: str) -> None:
    assert CLAIM in _claims(text)


@pytest.mark.parametrize("text", [
    "We block a payment when its probability clears a cut-off picked from the cost of a missed fraud against an angry "
    "customer, which came out near 0.8.",
    "Blocking every payment whose probability is above 0.5 would be a mistake, since the costs are far from equal.",
])
def test_a_cut_off_from_costs_or_the_default_rejected_is_not_flagged(text: str) -> None:
    assert CLAIM not in _claims(text)
