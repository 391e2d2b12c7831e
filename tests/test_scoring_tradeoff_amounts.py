""""Instead of" before an amount or a frequency tells a change that was measured or asked for, not an option the
candidate weighed; before a way of doing the work it is a choice."""
from __future__ import annotations

import pytest

from coach.scoring.signals import tradeoff_evidence
from coach.scoring.text import clean, sentences
from tests.scored import card_for


@pytest.mark.parametrize("said", [
    "After the change the nightly backfill finished in forty minutes instead of six hours.",
    "Finance asked for the forecast every week instead of every quarter.",
    "The queue now holds about 2,000 messages instead of 90,000 at the evening peak.",
])
def test_an_amount_after_instead_of_is_no_tradeoff(said: str) -> None:
    assert not tradeoff_evidence(sentences(clean(said)))


@pytest.mark.parametrize("said", [
    "I batched the writes instead of sending one request per event, which cost us a second of freshness.",
    "We kept the gradient-boosted model instead of the transformer because it served in two milliseconds.",
])
def test_a_way_of_working_after_instead_of_is_weighed(said: str) -> None:
    assert tradeoff_evidence(sentences(clean(said)))


def test_a_story_with_no_choice_is_not_credited_for_its_before_and_after() -> None:
    card = card_for("bh-ambiguity",
        "Our support team wanted the ticket router retrained every week instead of every month. I owned the pipeline. "
        "I moved the feature joins to incremental daily partitions and added a promotion check on a frozen test "
        "set. The weekly run then took three hours instead of twenty, and misrouted tickets fell by a tenth.")
    assert not any("trade-off" in f.lower() for f in card.feedback), card.feedback
    assert not any(step.startswith("weighs") for step in card.calibration.steps), card.calibration.steps
