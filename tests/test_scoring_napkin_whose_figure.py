"""Which figure a step is about: one machine's rate is no average of the traffic, a factor said after "times" is no
result, "two FLOPs per parameter" is the rule of thumb and "half a megabyte a token" is a token's cache, not the
weights; the instances a cost is for can be named after the price; a batch's time can come before the batch.
Chains written for this file, in new settings."""
from __future__ import annotations

import pytest

from coach.scoring import score_answer


def _bad(text: str) -> list[tuple[str, float]]:
    return [(c.rule, c.expected) for c in score_answer(text).sizing.checks if not c.ok]


@pytest.mark.parametrize("text", [
    # one machine's rate from its batch, then the fleet's peak load: not a peak against that rate
    "A single server transcribes a batch of 32 clips in 0.4 seconds, about 80 clips a second, so for 2,400 clips a "
    "second at the evening peak we need thirty servers.",
    # the same with the machine named after "so"
    "Each call to the tagger takes 50 ms, so one node tags about twenty photos a second, and the 1,000 photos a "
    "second at peak need fifty nodes.",
])
def test_one_machines_rate_is_not_taken_for_the_average(text: str) -> None:
    assert _bad(text) == []


def test_a_batch_time_said_before_the_batch_sizes_the_fleet() -> None:
    text = ("The scorer needs fifty milliseconds for a batch of 100 listings, so one GPU handles one over 0.05, about "
            "twenty listings a second, and for 6,000 listings a second we need 300 GPUs.")
    bad = dict(_bad(text))
    assert bad["batch_rate"] == pytest.approx(2000, rel=0.01)
    assert bad["capacity"] == pytest.approx(3, rel=0.01)      # 6,000/s over 2,000/s a GPU


def test_two_flops_per_parameter_is_the_rule_not_the_total() -> None:
    text = ("Generating one token of the 34B model costs about two FLOPs per parameter, 6.8e10 FLOPs, and at forty "
            "percent of 989 teraflops that is roughly 5,800 tokens a second per GPU.")
    assert _bad(text) == []


def test_training_flops_used_for_decoding_a_named_kind_of_model_is_flagged() -> None:
    text = ("For the seven billion code model each generated token takes six times seven billion, 4.2e10 FLOPs, so "
            "at forty percent of 312 teraflops about 3,000 tokens a second.")
    bad = dict(_bad(text))
    assert bad["decode_flops"] == pytest.approx(1.4e10, rel=0.01)


def test_a_factor_after_times_is_not_a_total() -> None:
    text = ("Two hundred million product vectors at 128 dimensions in int8 take one byte each, so 200 million x 128 "
            "bytes, about 26 GB.")
    assert _bad(text) == []


def test_a_cost_for_the_instances_named_after_the_price() -> None:
    ok = ("Caching half of the 8,000 requests a second leaves 4,000 for the model; at 200 a replica that is twenty "
          "replicas instead of forty, and at three dollars an hour each the twenty we retire save about 43,000 "
          "dollars a month.")
    wrong = ok.replace("43,000", "4,300")
    assert _bad(ok) == []
    assert ("cost", pytest.approx(43_200, rel=0.01)) in _bad(wrong)


def test_a_tokens_cache_is_not_the_weights() -> None:
    text = ("The 13 billion model has forty layers and width 5,120 in fp16, so the KV cache is 2 x 40 x 5,120 x 2 "
            "bytes, about 0.8 MB a token, and a 4,000-token chat keeps about 3.3 GB.")
    assert "model_memory" not in [r for r, _ in _bad(text)]
