"""A generalisation probe for napkin math: chains written afresh for this file (new settings, new wording, some
as a speech recogniser writes speech: lower case, no marks, numbers in words), none taken from tests/data/napkin.
A wrong chain (off by 2.5x to 8x: a product or division slipped, a dropped factor, per day for per second, bits
for bytes, peak for average, a missed fan-out or headroom, the wrong bytes per parameter) must be flagged at the
step it went wrong, with the right figure; a right chain must not be flagged at all."""
from __future__ import annotations

import pytest

from coach.scoring import score_answer

# (id, chain, the step that must flag it or None for a right chain, the right figure in base units)
CHAINS: list[tuple[str, str, str | None, float]] = [
    # peak against average
    ("peak-right", "Ride bookings average about two point three k requests a second, and the Friday evening peak "
     "is roughly three times that, so call it seven thousand a second at peak.", None, 0),
    ("peak-wrong", "Our ticket scanners average four thousand scans a second and peak at two and a half times "
     "that, so call it about thirty thousand scans a second at peak.", "peak", 10_000),
    # fan-out per request
    ("fanout-right", "Each feed request pulls 800 candidate posts for ranking, and at 5,000 feed requests a second "
     "the ranker scores about four million posts a second.", None, 0),
    ("fanout-wrong", "a playlist request fans out to two hundred fifty songs for scoring and we serve about twelve "
     "thousand playlist requests a second so the scorer sees roughly one million songs a second", "fan_out",
     3_000_000),
    # per day to per second
    ("daily-right", "The pharmacy network fills around 52 million prescriptions a day, which works out to roughly "
     "six hundred a second.", None, 0),
    ("daily-wrong", "we ingest about four hundred million log lines a day which is roughly fifteen thousand lines "
     "a second", "qps_from_daily", 4630),
    # users to per second
    ("users-right", "eight million drivers each ping their location about three hundred times a day so around "
     "twenty eight thousand pings a second on average", None, 0),
    ("users-wrong", "Twenty million shoppers each view about 40 product pages a day, so we serve roughly thirty "
     "thousand page views a second.", "qps_from_users", 9259),
    ("users-rough-right", "As a very rough guess, 30 million users at 10 queries a day is about 9,000 queries a "
     "second.", None, 0),
    # per second to per day
    ("perday-right", "Our soil sensors send about 3,500 readings a second, which is around 300 million readings a "
     "day.", None, 0),
    ("perday-wrong", "the chat service handles nine hundred messages a second so that's about twenty five million "
     "messages a day give or take", "per_day", 77_760_000),
    # replicas and headroom
    ("replicas-right", "At peak we expect 9,000 transcriptions a second and one GPU server handles 300, so that is "
     "30 servers, and at 75 percent utilisation about 40.", None, 0),
    ("replicas-wrong", "Peak load is 20,000 requests a second, each replica handles 400, and we keep them at half "
     "their limit, so we need about 35 replicas.", "capacity", 100),
    # bytes per parameter by precision
    ("weights-right", "A 13 billion parameter model in bf16 is about 26 gigabytes of weights.", None, 0),
    ("weights-int4-right", "Quantised to four bits, a 70 billion parameter model fits in about 35 gigabytes.",
     None, 0),
    ("weights-wrong", "the forty billion parameter model in fp32 needs about forty gigabytes of memory",
     "model_memory", 160e9),
    # KV cache per token and for a batch
    ("kv-right", "With 80 layers, 8 KV heads, a head dimension of 128 and fp16, the KV cache is about 320 "
     "kilobytes per token.", None, 0),
    ("kv-wrong", "The model has 40 layers and 8 KV heads of dimension 128 and keeps the cache in fp16, so each "
     "token takes about 40 kilobytes of KV cache.", "kv_cache", 163_840),
    ("kv-batch-right", "At about 160 kilobytes per token, 32 sequences of 4,000 tokens hold about 20 gigabytes of "
     "KV cache.", None, 0),
    ("kv-batch-wrong", "with three hundred twenty kilobytes of cache per token and sixteen sequences at eight "
     "thousand tokens the kv cache is about ten gigabytes", "kv_tokens", 4.1e10),
    # training compute
    ("train-flops-right", "Training a 3 billion parameter model on 600 billion tokens is about 1e22 FLOPs.",
     None, 0),
    ("train-flops-wrong", "pretraining a one billion parameter model on two trillion tokens takes about 4e21 flops",
     "training_flops", 1.2e22),
    # decoding compute
    ("decode-right", "decoding with an eight billion parameter model is about sixteen gigaflops per token", None, 0),
    ("decode-wrong", "Each generated token from the 34 billion parameter model is about 20 gigaflops.",
     "decode_flops", 6.8e10),
    # Adam state
    ("adam-right", "Full fine-tuning a 7 billion parameter model with Adam in mixed precision needs about 112 "
     "gigabytes for weights, gradients and optimizer state.", None, 0),
    ("adam-wrong", "adam in mixed precision for a thirteen billion parameter model needs around fifty two "
     "gigabytes of weights gradients and optimizer state", "adam_memory", 2.08e11),
    # storage
    ("storage-right", "We keep 2 million new images a day at about 500 kilobytes each for 90 days, so roughly 90 "
     "terabytes.", None, 0),
    ("storage-wrong", "Each day adds 50 million events of about 2 kilobytes, and we keep a year, so around 10 "
     "terabytes.", "storage", 3.65e13),
    # bandwidth (and bits against bytes)
    ("bandwidth-right", "At 4,000 uploads a second of 250 kilobytes each we take in about one gigabyte a second.",
     None, 0),
    ("bandwidth-bits-wrong", "We push 5,000 map tiles a second at 40 kilobytes each, so about 200 megabits a "
     "second of egress.", "bandwidth", 2e8),
    # a monthly bill
    ("cost-right", "Forty GPUs at two fifty an hour running all month is about seventy two thousand dollars a "
     "month.", None, 0),
    ("cost-wrong", "we run twelve inference nodes at four dollars an hour around the clock so the bill is about "
     "twelve thousand dollars a month", "cost", 34_560),
    # GPUs for a memory
    ("gpus-right", "The weights and cache come to about 300 gigabytes, so we need four 80 gigabyte GPUs.", None, 0),
    ("gpus-wrong", "At about 640 gigabytes with the cache we'd shard it across two 80 gigabyte GPUs.",
     "gpus_for_memory", 8),
    # training time
    ("train-time-right", "Two billion training examples at 40,000 a second takes about fourteen hours.", None, 0),
    ("train-time-wrong", "ten billion examples at fifty thousand examples a second is about twenty hours of "
     "training", "training_time", 200_000),
]


@pytest.mark.parametrize("cid, text, step, right", CHAINS, ids=[c[0] for c in CHAINS])
def test_a_new_chain_is_followed(cid: str, text: str, step: str | None, right: float) -> None:
    flagged = [c for c in score_answer(text).sizing.checks if not c.ok]
    if step is None:
        assert not flagged, [c.message for c in flagged]
        return
    hit = [c for c in flagged if c.rule == step]
    assert hit, f"{cid} not flagged at {step}: {[c.message for c in flagged]}"
    assert hit[0].expected == pytest.approx(right, rel=0.1)
    assert hit[0].step in hit[0].message


def test_the_probe_is_half_right_half_wrong() -> None:
    wrong = sum(1 for c in CHAINS if c[2] is not None)
    assert len(CHAINS) >= 30 and abs(2 * wrong - len(CHAINS)) <= 4
