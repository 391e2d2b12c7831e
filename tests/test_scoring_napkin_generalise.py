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


# A second probe, written after the rules above were fixed on the first and run once on them before any further
# change (the honest check that the rules follow chains they were not fixed on).
SECOND: list[tuple[str, str, str | None, float]] = [
    ("b-peak-right", "on a normal weekday the checkout service sees about one point two thousand orders a second and "
     "black friday runs five times that so we plan for six thousand a second", None, 0),
    ("b-peak-wrong", "Average load on the search box is 3,000 queries per second; at peak it's about 4x, which I'd "
     "call 40,000 queries per second.", "peak", 12_000),
    ("b-fanout-right", "For every ad request we score around 1,500 candidate ads, and with 20k ad requests per second "
     "that's 30 million scored ads per second.", None, 0),
    ("b-fanout-wrong", "Each search hits 16 shards, and at 2,500 searches a second the shards see about 12,000 "
     "lookups a second.", "fan_out", 40_000),
    ("b-daily-right", "We process around 8.6 billion ad impressions a day, call it a hundred thousand a second.",
     None, 0),
    ("b-daily-wrong", "The payments ledger records about 30 million transactions per day, which is around 1,000 "
     "transactions per second.", "qps_from_daily", 347),
    ("b-users-right", "with five hundred thousand daily active users each sending about forty messages a day we get "
     "roughly two hundred thirty messages a second", None, 0),
    ("b-users-wrong", "We have 50M monthly users, about 10M daily actives, each making 30 requests a day, so roughly "
     "10,000 requests per second.", "qps_from_users", 3472),
    ("b-perday-right", "The fleet emits about 12,000 telemetry events a second, roughly a billion a day.", None, 0),
    ("b-perday-wrong", "Peak writes are 50,000 a second, but the average is 5,000 a second, which means about 4.3 "
     "billion writes a day.", "per_day", 4.32e8),
    ("b-replicas-right", "Each inference pod does about 80 requests a second, peak is 4,000 a second, so 50 pods, "
     "plus 20 percent headroom is 60 pods.", None, 0),
    ("b-replicas-wrong", "We need to handle 12,000 requests per second at peak, and a single node handles about 150, "
     "so around 25 nodes.", "capacity", 80),
    ("b-weights-right", "Llama-sized, 70 billion parameters at int8, so about seventy gigabytes just for the "
     "weights.", None, 0),
    ("b-weights-wrong", "a hundred seventy five billion parameter model in single precision needs roughly a hundred "
     "seventy five gigabytes", "model_memory", 7e11),
    ("b-kv-right", "Per token the KV cache is 2 times 32 layers times 8 KV heads times 128 head dim times 2 bytes, "
     "so about 131 kilobytes.", None, 0),
    ("b-kv-wrong", "sixty layers with eight kv heads and head dimension one hundred twenty eight in bf16 works out "
     "to about sixty kilobytes of cache per token", "kv_cache", 245_760),
    ("b-kvseq-right", "At 0.5 MB per token, one 8,000 token conversation holds about 4 GB of cache.", None, 0),
    ("b-kvseq-wrong", "Each token costs about 100 kilobytes of cache, so a single 32,000 token context needs around "
     "1 gigabyte per sequence.", "kv_tokens", 3.2e9),
    ("b-trainflops-right", "A 70B model trained on 1.4 trillion tokens is roughly 6e23 FLOPs.", None, 0),
    ("b-trainflops-wrong", "training the 13 billion parameter model on one trillion tokens comes to about 2.6 times "
     "ten to the twenty two flops", "training_flops", 7.8e22),
    ("b-decode-right", "A forward pass for one token through a 175 billion parameter model is about 350 "
     "gigaflops.", None, 0),
    ("b-decode-wrong", "generating one token with a seventy billion parameter model costs about forty billion flops",
     "decode_flops", 1.4e11),
    ("b-adam-right", "Training a 1.3 billion parameter model with Adam in mixed precision means roughly 21 gigabytes "
     "of model and optimizer state.", None, 0),
    ("b-adam-wrong", "With Adam and mixed precision, the 30B model needs about 120 GB for weights, grads and "
     "optimizer state.", "adam_memory", 4.8e11),
    ("b-storage-right", "We log 200 million searches a day at about 1 kilobyte each, so about 200 gigabytes a day.",
     None, 0),
    ("b-storage-wrong", "There are 300 million product images at about 200 kilobytes apiece, which is about 20 "
     "terabytes.", "storage", 6e13),
    ("b-bandwidth-right", "Streaming at 5 megabits a second to 200,000 concurrent viewers is about a terabit a "
     "second.", None, 0),
    ("b-bandwidth-wrong", "Our API returns 30 KB responses at 10,000 requests per second, which is around 100 MB/s "
     "of egress.", "bandwidth", 3e8),
    ("b-cost-right", "A big GPU node is about 32 dollars an hour, and we need 4 of them for a week, roughly 21,500 "
     "dollars.", None, 0),
    ("b-cost-wrong", "ten gpus at a dollar fifty an hour for a thirty day month comes to around three thousand "
     "dollars", "cost", 10_800),
    ("b-gpus-right", "Serving needs about 150 GB of memory, so two 80 GB cards.", None, 0),
    ("b-gpus-wrong", "The fp16 weights of a 180 billion parameter model are about 360 gigabytes, which fits on two "
     "80 gigabyte GPUs.", "gpus_for_memory", 5),
    ("b-traintime-right", "At 25,000 samples per second, three epochs over 900 million samples takes about 30 hours.",
     None, 0),
    ("b-traintime-wrong", "one epoch of four billion tokens at two hundred thousand tokens a second takes about two "
     "hours", "training_time", 20_000),
    ("b-rough-right", "ballpark, 100 million users times 5 sessions a day is maybe 15,000 sessions a second", None,
     0),
    ("b-rough-wrong", "very roughly, 40 million users making 50 requests a day is about 200,000 requests a second",
     "qps_from_users", 23_148),
]


# A third probe, written after the second round of rules and run once on them before any further change.
THIRD: list[tuple[str, str, str | None, float]] = [
    ("c-minute-right", "We get about 60,000 requests a minute, so roughly a thousand a second.", None, 0),
    ("c-hour-wrong", "Sign-ups run at about 1,000 a second at peak, which is around 1.2 million an hour.", "per_day",
     3.6e6),
    ("c-replicas-storage-right", "Ten terabytes of raw data, stored three times for replication, is about 30 "
     "terabytes on disk.", None, 0),
    ("c-replicas-storage-wrong", "We add 5 TB a day and keep three replicas of it for 30 days, so about 150 TB on "
     "disk.", "storage", 4.5e14),
    ("c-gpu-tokens-right", "One GPU decodes about 2,000 tokens a second, and we need 600,000 tokens a second at "
     "peak, so 300 GPUs.", None, 0),
    ("c-headroom-wrong", "Each H100 serves about 50 requests a second, peak traffic is 6,000 a second, and with 30 "
     "percent headroom we need about 60 GPUs.", "capacity", 156),
    ("c-link-right", "A 10 gigabit link moves about 1.25 gigabytes a second.", None, 0),
    ("c-link-wrong", "Copying 2 TB over a 10 gigabit link takes about 3 minutes.", "transfer_time|training_time", 1600),
    ("c-weights-right", "Nine billion parameters in bfloat16 is roughly 18 GB.", None, 0),
    ("c-weights-wrong", "an eight billion parameter model quantised to int4 needs around sixteen gigabytes",
     "model_memory", 4e9),
    ("c-kv-right", "32 layers, 32 KV heads, head dim 128, fp16: 2 x 32 x 32 x 128 x 2 is about half a megabyte per "
     "token.", None, 0),
    ("c-kv-wrong", "with 28 layers and 4 key value heads at 128 dims in 16-bit every token needs about 230 "
     "kilobytes of kv cache", "kv_cache", 57_344),
    ("c-kvchats-right", "At 128 KB a token, 100 concurrent chats of 2,000 tokens each take about 25 GB of cache.",
     None, 0),
    ("c-kvchats-wrong", "each token is about 320 kilobytes of cache so 50 users with 4k context need around 20 "
     "gigabytes", "kv_tokens", 6.4e10),
    ("c-chinchilla-right", "Twenty tokens per parameter for a 10B model is 200B tokens, so training takes about "
     "1.2e22 FLOPs.", None, 0),
    ("c-trainflops-wrong", "a seven billion parameter model trained on a trillion tokens needs around 1.4e22 flops",
     "training_flops", 4.2e22),
    ("c-traintime-right", "6e23 FLOPs at an effective 400 teraflops per GPU on 1,000 GPUs is 1.5 million seconds, "
     "about 17 days.", None, 0),
    ("c-traintime-wrong", "Training is 3e22 FLOPs; with 64 GPUs each sustaining 300 teraflops it takes about 6 "
     "days.", "training_time", 1.5625e6),
    ("c-decode-right", "Per generated token a 13B model costs about 26 GFLOPs.", None, 0),
    ("c-decode-wrong", "Each output token of the 405 billion parameter model takes roughly 200 gigaflops.",
     "decode_flops", 8.1e11),
    ("c-adam-right", "For Adam with mixed precision, 16 bytes per parameter on a 3B model is 48 GB.", None, 0),
    ("c-adam-wrong", "fine tuning all seventy billion parameters with adam in mixed precision means about three "
     "hundred fifty gigabytes of state", "adam_memory", 1.12e12),
    ("c-profiles-right", "A hundred million users with a 2 KB profile each is about 200 GB.", None, 0),
    ("c-songs-wrong", "Each of our 400 million songs has a 5 megabyte file, so the catalogue is around 500 "
     "terabytes.", "storage", 2e15),
    ("c-updates-right", "Ten thousand clients each downloading a 50 MB model update per hour is about 140 MB a "
     "second.", None, 0),
    ("c-segments-wrong", "We serve 800 video segments a second at 2 megabytes each, which is about 400 megabytes a "
     "second.", "bandwidth", 1.6e9),
    ("c-cost-right", "Eight A100s at about 2 dollars an hour each for 24 hours is roughly 380 dollars.", None, 0),
    ("c-cost-wrong", "we keep five hundred cpu nodes up all month at twenty cents an hour so about twenty thousand "
     "dollars a month", "cost", 72_000),
    ("c-gpus-right", "Weights are 140 GB and the cache another 60 GB, so 200 GB in all, which needs three 80 GB "
     "GPUs.", None, 0),
    ("c-gpus-wrong", "The 405B model in bf16 is about 810 gigabytes, so four 80 GB GPUs will do.", "gpus_for_memory",
     11),
    ("c-opens-right", "Two million daily users opening the app six times a day is 12 million opens a day, about 140 "
     "a second.", None, 0),
    ("c-searches-wrong", "About 300 million daily users each do 20 searches a day, so 6 billion searches a day, "
     "roughly 20,000 a second.", "qps_from_users|qps_from_daily", 69_444),
    ("c-peak-right", "Average is 1,500 writes a second and the nightly compaction pushes it to two and a half times "
     "that, call it 3,750.", None, 0),
    ("c-fanout-wrong", "Each home feed load triggers about 40 recommendation calls, and we have 5,000 feed loads a "
     "second, so 50,000 recommendation calls a second.", "fan_out", 200_000),
]


# A fourth probe, written after the third round of rules and run once on them: the figure to quote for chains the
# rules were not fixed on.
FOURTH: list[tuple[str, str, str | None, float]] = [
    ("d-minute-right", "Our IoT hub receives 250 thousand messages a minute, which is about 4,200 a second.", None, 0),
    ("d-daily-wrong", "the push service sends 90 million notifications a day so around 3,000 a second",
     "qps_from_daily", 1042),
    ("d-servers-right", "At peak the gateway sees 45,000 requests a second, with each API server handling 1,500, so "
     "30 servers, or 40 to keep them at 75 percent.", None, 0),
    ("d-pods-wrong", "Our embedding service needs 24,000 lookups a second at peak and one pod handles 800, so with 25 "
     "percent headroom about 12 pods.", "capacity", 37.5),
    ("d-moe-right", "a mixture of experts with forty seven billion parameters in bf16 takes about ninety four "
     "gigabytes", None, 0),
    ("d-weights-wrong", "Storing the 2 billion parameter model in fp16 takes about 1 GB.", "model_memory", 4e9),
    ("d-kv-right", "The KV cache per token is 2 x 40 layers x 8 KV heads x 128 head dim x 2 bytes, about 164 KB.",
     None, 0),
    ("d-kv-wrong", "with 96 layers 8 kv heads and head dimension 128 in fp16 thats about one point six megabytes per "
     "token of kv cache", "kv_cache", 393_216),
    ("d-trainflops-right", "Training a 400 million parameter model on 8 billion tokens is about 2e19 FLOPs.", None,
     0),
    ("d-trainflops-wrong", "For a 65B model and 1.4T tokens, training compute is about 1.8e23 FLOPs.",
     "training_flops", 5.46e23),
    ("d-decode-right", "Each token through the 7B model costs about 14 GFLOPs of compute.", None, 0),
    ("d-decode-wrong", "At inference a 3 billion parameter model needs around 24 gigaflops per token",
     "decode_flops", 6e9),
    ("d-adam-right", "With Adam in mixed precision a 350 million parameter model needs about 5.6 GB for weights and "
     "optimizer state.", None, 0),
    ("d-adam-wrong", "Adam in mixed precision on a 2B model: about 8 gigabytes of training state.", "adam_memory",
     3.2e10),
    ("d-receipts-right", "We store 30 million receipts a day at 4 KB each, about 120 GB a day.", None, 0),
    ("d-photos-wrong", "ten million users each upload about twenty photos a year at three megabytes each so the "
     "yearly growth is around two hundred terabytes", "storage", 6e14),
    ("d-images-right", "Sending 1,000 requests a second of 5 MB images is 5 GB a second, 40 gigabits.", None, 0),
    ("d-reads-wrong", "The feature store answers 20,000 reads a second of 4 kilobytes each, roughly 20 megabytes a "
     "second.", "bandwidth", 8e7),
    ("d-gpus-cost-right", "Sixteen GPUs at 3 dollars an hour for 10 days is about 11,500 dollars.", None, 0),
    ("d-cluster-wrong", "Our 6 node cluster at $12 an hour each costs around $17,000 a month.", "cost", 51_840),
    ("d-onegpu-right", "A 34B model at fp16 is 68 GB, so one 80 GB GPU holds it.", None, 0),
    ("d-gpus-wrong", "The cache and weights together need 1.2 terabytes, so six 80 gigabyte GPUs are enough.",
     "gpus_for_memory", 15),
    ("d-rows-right", "Five hundred million rows at forty thousand rows a second is about three and a half hours.",
     None, 0),
    ("d-pass-wrong", "a full pass over 3 billion images at 10,000 images a second takes about a day",
     "training_time", 300_000),
    ("d-peak-right", "Average traffic is about four thousand a second and peaks at roughly double that, call it "
     "eight thousand.", None, 0),
    ("d-peak-wrong", "Typical load is 700 orders a second and the lunchtime rush is about 3x, so we provision for "
     "7,000 orders a second.", "peak", 2100),
    ("d-shards-right", "Every query fans out to 12 index shards, so 3,000 queries a second become 36,000 shard "
     "requests a second.", None, 0),
    ("d-ads-wrong", "Each page view shows 25 ads, we get 8,000 page views a second, so the ad server fills about "
     "60,000 ads a second.", "fan_out", 200_000),
    ("d-perday-right", "thats about eleven hundred events a second or roughly ninety five million a day", None, 0),
    ("d-perday-wrong", "We see 350 uploads a second, which is about 10 million uploads a day.", "per_day", 3.024e7),
]


@pytest.mark.parametrize("cid, text, step, right", CHAINS + SECOND + THIRD + FOURTH, ids=[c[0] for c in CHAINS + SECOND + THIRD + FOURTH])
def test_a_new_chain_is_followed(cid: str, text: str, step: str | None, right: float) -> None:
    flagged = [c for c in score_answer(text).sizing.checks if not c.ok]
    if step is None:
        assert not flagged, [c.message for c in flagged]
        return
    hit = [c for c in flagged if c.rule in step.split("|")]     # ("a|b": either step names the slip)
    assert hit, f"{cid} not flagged at {step}: {[c.message for c in flagged]}"
    assert hit[0].expected == pytest.approx(right, rel=0.1)
    assert hit[0].step in hit[0].message


@pytest.mark.parametrize("chains", [CHAINS, SECOND, THIRD, FOURTH], ids=["first", "second", "third", "fourth"])
def test_the_probe_is_half_right_half_wrong(chains: list[tuple[str, str, str | None, float]]) -> None:
    wrong = sum(1 for c in chains if c[2] is not None)
    assert len(chains) >= 30 and abs(2 * wrong - len(chains)) <= 4
