"""Load kept inside what the fleet can take (spare capacity planned, excess shed or slowed, scaling on a named
signal) is a production practice of a design, as monitoring and rollbacks are. The sentences are new, written for
this test."""
from __future__ import annotations

import pytest

from coach.scoring.signals import production_concepts


@pytest.mark.parametrize("said", [
    "At seventy cards we run at about two thirds, which leaves headroom for the evening rush.",
    "When the queue passes a minute we shed the free-tier requests first and keep paying users inside the budget.",
    "Each tenant gets a rate limit, so one noisy customer cannot starve the others.",
    "The pool scales out on queue depth rather than CPU, since the GPUs sit idle while the queue grows.",
])
def test_capacity_kept_inside_the_fleet_is_a_production_practice(said: str) -> None:
    assert "capacity" in production_concepts(said)


@pytest.mark.parametrize("said", [
    "The capacity of the model is too small for so many classes.",
    "We scaled the features to unit variance before training.",
])
def test_capacity_of_a_model_or_scaled_features_is_not_one(said: str) -> None:
    assert "capacity" not in production_concepts(said)
