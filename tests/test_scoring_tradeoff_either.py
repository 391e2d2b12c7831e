"""Two courses set side by side for a choice ("I would either ... or ...") weigh an alternative; what a thing does
either way is not a choice."""
from __future__ import annotations

import pytest

from coach.scoring.signals import tradeoff_evidence
from coach.scoring.text import clean, sentences


@pytest.mark.parametrize("said", [
    "Since refunds land weeks later, I would either wait for most of them to arrive or model the delay directly.",
    "I owned the forecast, so I had to either prove the rule would miss the slow weeks or drop my objection.",
    "The scores drift after a retrain, so I'd add a correction on held-out data, either a logistic fit or an "
    "isotonic one when there is enough data.",
])
def test_either_or_between_courses_weighs_an_alternative(said: str) -> None:
    assert tradeoff_evidence(sentences(clean(said)))


@pytest.mark.parametrize("said", [
    "On those nights the job either crashed or trained on half a day of data.",
    "It was off by about a fifth either way on the new stores.",
    "Neither team read either column, so we dropped both.",
])
def test_what_happens_either_way_is_not_a_choice(said: str) -> None:
    assert not tradeoff_evidence(sentences(clean(said)))
