"""Napkin math in an LLM-serving design: figures that only look like the inputs of a rule are not read as them.

Sentences written for this file. Each right one was flagged before: a head dimension read as a parameter count, a
"doubled for keys and values" inside a product read as doubling the figure before it, the figure after "two times"
read as the result, the GPU count a memory is said not to fit on read as the count it needs, a span of data to replay ("a month of production prompts") read as the time a job takes, a
latency said earlier read as the hours a fleet is billed for, and a sentence saying the KV cache grows read as
saying it is small. Each wrong one beside it must still be flagged at its step, with the right figure.
"""
from __future__ import annotations

import pytest

from coach.content.loader import field_misconceptions
from coach.scoring import claims, score_answer
from tests.napkin_chain_check import assert_followed

# (id, text, the step that must flag it or None for a right chain, the right figure in base units)
CHAINS: list[tuple[str, str, str | None, float]] = [
    # a head dimension, a layer count or a number of heads is never a parameter count
    ("shape-right", "We host a 34 billion parameter checkpoint: 48 layers, 8 grouped KV heads of dimension 128. "
     "Held in fp16 its weights take about 68 GB.", None, 0),
    ("shape-width-right", "It is a 70 billion parameter model, eighty layers with a hidden size of 8192. "
     "At int8 the weights need roughly 70 GB.", None, 0),
    ("shape-wrong", "We host a 34 billion parameter checkpoint: 48 layers, 8 grouped KV heads of dimension 128. "
     "Held in fp16 its weights take about 17 GB.", "model_memory", 68e9),
    # "doubled for ..." inside a product that goes on is one of its factors
    ("kv-doubled-right", "Per token we hold 32 layers of 8 heads of 128 dims at two bytes, doubled for K and V, "
     "so 131,072 bytes of cache for each token.", None, 0),
    ("replicas-doubled-right", "We run 4 regions with 6 replicas each, doubled for blue-green deploys, so 48 "
     "replicas in all.", None, 0),
    ("doubling-wrong", "Traffic is 3,000 requests a second today and doubling it gives about 15,000 requests a "
     "second.", "scale", 6000),
    # the figure after "two times" is a factor of the product
    ("decode-times-right", "Our 7 billion parameter model needs roughly two times 7 billion FLOPs for each "
     "generated token when decoding.", None, 0),
    ("decode-times-wrong", "Our 7 billion parameter model needs roughly two times 70 billion FLOPs for each "
     "generated token when decoding.", "decode_flops", 14e9),
    # a span of data to replay is not the time a job takes
    ("replay-span-right", "Decoding a 7 billion parameter model costs 2 × 7 billion FLOPs per token, so 20,000 "
     "tokens a second is 2.8e14 FLOPs a second, and we plan on 100 teraflops a card. Before launch we would "
     "replay a month of production prompts against it.", None, 0),
    ("train-time-wrong", "The run is 6e21 FLOPs of training. At 1e15 FLOPs a second on each of 100 GPUs that is "
     "about a week of training.", "training_time", 6e4),
    # the count a memory is said not to fit on
    ("no-fit-right", "In bf16 a 70 billion parameter model's weights take about 140 GB, which won't fit on a single "
     "80 GB GPU, so we shard it.", None, 0),
    ("no-fit-wrong", "In bf16 a 30 billion parameter model's weights take about 60 GB, which won't fit on two 80 GB "
     "GPUs, so we shard it.", "gpus_for_memory", 1),
    # a training cluster: a deadline the run keeps, memory per GPU after sharding, a count said with the price, a
    # per-GPU rate of tokens (not of FLOPs), the cache's per-token figure rather than the corpus's
    ("deadline-right", "Pretraining needs 3e22 FLOPs. At 300 teraflops each on 256 GPUs that is about 390,000 "
     "seconds, four and a half days, which fits inside the three weeks we were given.", None, 0),
    ("deadline-wrong", "Pretraining needs 3e22 FLOPs. At 300 teraflops each on 256 GPUs that is about 39,000 "
     "seconds.", "training_time", 390_625),
    ("sharded-state-right", "Adam state for the 7 billion parameter model is about 112 GB, spread with ZeRO across 16 "
     "GPUs, which leaves about 7 GB each. The corpus is 1.5 trillion tokens, roughly 6 TB of text.", None, 0),
    ("price-count-right", "Sharding the state over 8 GPUs keeps it small. At $2 per GPU-hour, 256 GPUs for 100 hours "
     "cost about $51,000 for the run.", None, 0),
    ("price-count-wrong", "Sharding the state over 8 GPUs keeps it small. At $2 per GPU-hour, 256 GPUs for 100 hours "
     "cost about $5,100 for the run.", "cost", 51_200),
    ("tokens-per-gpu-right", "The 256 GPUs sustain 7.7e16 FLOPs a second, about 2 million tokens a second, or roughly "
     "7,800 tokens a second per GPU. With ZeRO the state is split across 8 GPUs.", None, 0),
    ("cache-per-token-right", "Text runs about 4 bytes per token in the corpus. With 32 layers, 8 KV heads and a head "
     "dimension of 128 in bf16 the cache is about 131 KB per token, so a 4,096 token context holds roughly 537 MB per sequence.",
     None, 0),
    ("cache-per-token-wrong", "Text runs about 4 bytes per token in the corpus. With 32 layers, 8 KV heads and a head "
     "dimension of 128 in bf16 the cache is about 131 KB per token, so a 4,096 token context holds roughly 54 MB per sequence.",
     "kv_cache", 537e6),
    # growth over a year is no peak of the starting rate; the peak it reached is the fan-out's base
    ("growth-right", "The search API served about 2,000 queries a second at launch, and within a year peak was around "
     "30,000. Each query reads 20 index shards, so at peak that is 600,000 shard reads a second.", None, 0),
    ("growth-fanout-wrong", "The search API served about 2,000 queries a second at launch, and within a year peak was "
     "around 30,000. Each query reads 20 index shards, so at peak that is 60,000 shard reads a second.", "fan_out",
     600_000),
    # the bytes said in the cache's own product stand over the weights' precision; a later total of the same
    # chain is another step
    ("kv-own-bytes-right", "In int8 the 13 billion parameter weights are about 13 GB. The model has 40 layers and 8 KV "
     "heads with a head dimension of 128, so per token the cache is 2 × 40 × 8 × 128 × 2 bytes, roughly 164 KB per "
     "token.", None, 0),
    ("kv-own-bytes-wrong", "In int8 the 13 billion parameter weights are about 13 GB. The model has 40 layers and 8 KV "
     "heads with a head dimension of 128, so per token the cache is 2 × 40 × 8 × 128 × 2 bytes, roughly 40 KB per "
     "token.", "kv_cache", 163_840),
    ("cache-pool-right", "Each request brings about 3,000 tokens of context at 160 KB per token, so each sequence "
     "needs around 480 MB, and the 96 GB left on the pair of GPUs holds about 200 of them.", None, 0),
    # a period said with a cost ("monthly") is its period, not a time said earlier
    ("cost-monthly-right", "So the plan is 40 GPUs, and we can check it by re-running a week of saved chats. "
     "Billed at close to $3 per GPU-hour, that pool comes to about 86,000 dollars monthly.", None, 0),
    ("cost-monthly-wrong", "So the plan is 40 GPUs, and we can check it by re-running a week of saved chats. "
     "Billed at close to $3 per GPU-hour, that pool comes to about 8,600 dollars monthly.", "cost", 86_400),
]


@pytest.mark.parametrize("cid,text,step,right", CHAINS, ids=[c[0] for c in CHAINS])
def test_a_serving_chain_is_followed(cid: str, text: str, step: str | None, right: float) -> None:
    assert_followed(cid, text, step, right, step_named=False)


def test_a_checked_kv_figure_is_reported_once_as_right() -> None:
    text = ("The model has 32 layers and 8 KV heads of dimension 128 in bf16; 32 layers of 8 heads of 128 values in "
            "two bytes, doubled for keys and values, comes to 131,072 bytes per token.")
    checks = score_answer(text).sizing.checks
    assert [c.rule for c in checks if c.ok] == ["kv_cache"], [c.message for c in checks]
    assert not [c for c in checks if not c.ok], [c.message for c in checks]


@pytest.mark.parametrize("days", ["about 203,000 seconds, roughly two and a half days", "about 2 million seconds, roughly 23 days"])
def test_a_compute_slip_is_flagged_once_whichever_figure_the_time_follows(days: str) -> None:
    text = ("Training a 13 billion parameter model on 500 billion tokens is about 3.9e21 FLOPs. On 64 GPUs at 300 "
            f"teraflops each the run takes {days}.")
    flagged = [c for c in score_answer(text).sizing.checks if not c.ok]
    assert [c.rule for c in flagged] == ["training_flops"], [c.message for c in flagged]
    assert flagged[0].expected == pytest.approx(3.9e22, rel=0.01)


_KV_SMALL = next(m for m in field_misconceptions() if m.claim.startswith("The KV cache is small"))


@pytest.mark.parametrize("sentence", [
    "The main risk I see is long chats, since the KV cache grows with every turn, and a small number of very long "
    "sessions.",
    "Two risks stand out: context length, which scales the KV cache one for one, and nothing else comes close.",
    "We keep the KV cache small by paging it in blocks.",
])
def test_the_kv_cache_said_to_grow_is_not_called_small(sentence: str) -> None:
    assert not claims.states(_KV_SMALL, sentence)


@pytest.mark.parametrize("sentence", [
    "The KV cache is tiny next to the weights, so I would size the GPUs for the weights alone.",
    "Honestly the KV cache is negligible here; it is all weights.",
])
def test_the_kv_cache_called_small_is_still_caught(sentence: str) -> None:
    assert claims.states(_KV_SMALL, sentence)
