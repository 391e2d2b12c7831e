"""Steps a careful engineer takes that the napkin check once skipped, each with a right chain left alone and a wrong
one flagged at its step with the right figure: a rate said for each of the machines just counted ("twelve workers
each clear ..."), a period restated as the wrong number of days ("six weeks, which we'll call 4.2 days"), a KV-cache
product that multiplies the heads by the model's width, "each one" standing for the requests just rated in a
fan-out, and a price per million requests worked from a fleet priced per machine."""
from __future__ import annotations

import pytest

from coach.scoring import score_answer
from tests.napkin_chain_check import assert_followed

CHAINS = [
    # the rate of each machine counted just before it: the fleet's rate is the count times it
    ("each-machine-right", "The backfill covers 90 million rows; twelve workers each clear about 5,000 rows a second, "
     "60,000 between them, so the job takes 1,500 seconds, twenty-five minutes.", None, 0),
    ("each-machine-wrong", "The backfill covers 90 million rows; twelve workers each clear about 5,000 rows a second, "
     "so the job takes 1,500 minutes.", "training_time", 90e6 / 60_000),
    # a named period restated as a count of days: the period keeps its length
    ("restated-period-right", "Audit logs arrive at 500 GB a day and we hold six weeks, which we'll call 42 days, "
     "on two copies, so about 42 TB.", None, 0),
    ("restated-period-wrong", "Audit logs arrive at 500 GB a day and we hold six weeks, which we'll call 4.2 days, "
     "on two copies, so about 4.2 TB.", "storage", 500e9 * 42 * 2),
    # full multi-head attention: every head is a slice of the model's width
    ("width-as-head-right", "The model has 32 layers and 32 heads with a model width of 4,096; in fp16 a token's "
     "cache is 2 x 32 x 4,096 x 2 bytes, about 524 KB.", None, 0),
    ("width-as-head-wrong", "The model has 32 layers and 32 heads, and in bf16 each token holds 2 x 32 x 32 x 4,096 x "
     "2 bytes, roughly 17 MB of keys and values.", "kv_cache", 2 * 32 * 4096 * 2),
    # "each one" is each of the requests just rated
    ("each-one-fan-out-right", "The gateway takes 3,000 calls a second and each one hits all twelve pricing shards, "
     "so the shards see about 36,000 calls a second.", None, 0),
    ("each-one-fan-out-wrong", "The gateway takes 3,000 calls a second and each one hits all twelve pricing shards, "
     "so the shards see about 3,012 calls a second.", "fan_out", 36_000),
    # the fleet's bill is the machines times the price each
    ("fleet-unit-cost-right", "The embedding service runs on 20 GPUs at 3 dollars an hour and handles 2,000 requests "
     "a second, so roughly 8.3 dollars per million requests.", None, 0),
    # a count of the very things a rate does ÷ the rate is the time, whatever the things are called
    ("same-things-right", "Six workers each drain 2,000 events a second, so a backlog of 36 million events clears "
     "in about 3,000 seconds.", None, 0),
    ("same-things-wrong", "Six workers each drain 2,000 events a second, so a backlog of 36 million events clears "
     "in about 18,000 seconds.", "training_time", 36e6 / 12_000),
    ("fleet-unit-cost-wrong", "The embedding service runs on 20 GPUs at 3 dollars an hour and handles 2,000 requests "
     "a second, so roughly 0.42 dollars per million requests.", "cost", 20 * 3 / 3600 / 2000 * 1e6),
]


@pytest.mark.parametrize("cid, text, step, right", CHAINS)
def test_the_chain_is_followed(cid: str, text: str, step: str | None, right: float) -> None:
    assert_followed(cid, text, step, right)


def test_the_period_restated_wrongly_is_named_too() -> None:
    flagged = [c for c in score_answer(CHAINS[3][1]).sizing.checks if not c.ok]
    assert any(c.rule == "restated" and c.expected == pytest.approx(42 * 86400, rel=0.05) for c in flagged)


def test_a_count_of_machines_each_holding_some_is_still_a_count_each() -> None:
    """"nodes with 8 GPUs each" is a count per node, not a count that shares out the rate after it."""
    assert_followed("count-per-node", "We train on 4 nodes with 8 GPUs each, 32 GPUs at about 1,000 images a second "
                    "each, so a 64 million image epoch takes 2,000 seconds.", None, 0)
