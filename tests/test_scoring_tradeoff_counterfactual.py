"""An option turned down can be weighed by what it would have cost: "the nightly job was enough, and a streaming
path would have doubled the pager load for little gain" weighs two designs, though it says neither "trade-off" nor
"instead of". A cost said on its own, with no choice and no gain set against it, is not a trade-off."""
from __future__ import annotations

import pytest

from coach.scoring.signals import tradeoff_evidence
from coach.scoring.text import clean, sentences


@pytest.mark.parametrize("said", [
    "I went with a nightly rebuild of the index since the catalogue barely moves, and live updates would have "
    "tripled the write load.",
    "We could have sharded the cache by region, but that adds a second deploy pipeline for very little gain.",
    "I kept the linear model because the deep one would have added forty milliseconds at the tail.",
])
def test_an_option_turned_down_for_what_it_would_have_cost_is_weighed(said: str) -> None:
    assert tradeoff_evidence(sentences(clean(said))), said


@pytest.mark.parametrize("said", [
    "The migration would have taken a quarter if we had started in June.",
    "I picked the project up in March because the previous owner had moved to the payments team.",
    "We gained little from the first round of tuning, so I moved on to the features.",
])
def test_a_cost_or_a_choice_alone_is_not_a_tradeoff(said: str) -> None:
    assert not tradeoff_evidence(sentences(clean(said))), said
