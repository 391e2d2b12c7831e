"""Napkin slips a careful engineer catches, each said in words of our own, flagged at their step with the right
figure, and the same chains done right left alone: machines that each read a share of a table in parallel, a link's
gigabits used as gigabytes for a copy, a replication factor named and then left out, a batch of sequences left out of
a KV cache, a quantised width counted as four bytes, the peak factor applied to the peak again, a percentage of a
percentage taken of the whole base, GPU time in seconds priced per GPU (rented by the hour), a query sent to every
shard divided over them, a year of a daily flow taken as twelve days, a card's teraFLOPs written as gigaFLOPs, the
utilisation said between a card's rate and the fleet's, a day's work done in a batch window, a request's bytes
worked out before its rate, and one core's rate from the milliseconds a request keeps it busy."""
from __future__ import annotations

import pytest

from coach.content.napkin_constants import napkin_constants
from coach.scoring import score_answer
from tests.napkin_chain_check import assert_followed

CHAINS = [
    # machines that each read at a speed read side by side
    ("each-reader-right", "Reading the 6 TB log archive with twelve workers at 250 MB a second each takes 6e12 over "
     "3e9, about 2,000 seconds.", None, 0),
    ("each-node-right", "Eight nodes, each pulling 400 MB a second, scan the 3.2 TB table in about 1,000 seconds.",
     None, 0),
    ("each-reader-wrong", "Reading the 6 TB log archive with twelve workers at 250 MB a second each takes about "
     "24,000 seconds.", "transfer_time", 2000),
    # a link's gigabits used as gigabytes for one object copied
    ("link-bits-copy-wrong", "Moving the 12 TB backup over a 25 gigabit link at 25 GB a second takes about 480 "
     "seconds.", "transfer_time", 3840),
    ("one-snapshot-copied-wrong", "Copying the 12 TB nightly snapshot over a 25 gigabit link at 25 GB a second takes "
     "about 480 seconds.", "transfer_time", 3840),
    ("link-bits-copy-right", "Moving the 12 TB backup over a 25 gigabit link, about 3 GB a second, takes roughly "
     "4,000 seconds.", None, 0),
    # replication named, then left out of the disk
    ("copies-left-out-wrong", "We add 2 TB of events a day and retain ninety days, 180 TB, replicated three times, so "
     "180 TB of raw disk.", "storage", 540e12),
    ("copies-written-wrong", "We log 500 GB a day for a year, about 180 TB, and the store writes each object three "
     "times, so 180 TB of disk.", "storage", 547.5e12),
    ("copies-applied-right", "We add 2 TB of events a day and retain ninety days, 180 TB, replicated three times, so "
     "540 TB of raw disk.", None, 0),
    ("copies-triple-replicated-wrong", "We keep 5 TB a day for sixty days, so 300 TB, and the blob store "
     "triple-replicates everything, so 300 TB of disk.", "storage", 900e12),
    ("copies-stored-3x-wrong", "At 1 TB a day for a year that's 365 TB, stored 3x for durability, so about 365 TB "
     "raw.", "storage", 1095e12),
    # the batch left out of a KV cache
    ("kv-batch-left-out-wrong", "At 160 KB of cache per token, one 4,096-token request needs about 655 MB, so "
     "sixty-four concurrent requests fit in 655 MB.", "kv_tokens", 64 * 4096 * 160e3),
    ("kv-batch-fits-right", "At 160 KB of cache per token, one 4,096-token request needs about 655 MB, so "
     "sixty-four concurrent requests fit in about 42 GB.", None, 0),
    # a quantised width counted in bytes
    ("quantised-bytes-wrong", "After 8-bit quantisation the 13B model still takes 4 bytes per weight, so about "
     "52 GB.", "model_memory", 13e9),
    ("quantised-bytes-right", "After 8-bit quantisation the 13B model takes one byte per weight, so about 13 GB.",
     None, 0),
    # the peak factor applied twice
    ("peak-twice-wrong", "We average 500 orders a second and the lunch rush runs at four times that, 2,000 a second; "
     "to cover the rush we multiply by four again and provision for 8,000 a second.", "peak", 2000),
    ("peak-then-headroom-right", "We average 500 orders a second and the lunch peak runs at four times that, 2,000 a "
     "second; for headroom we multiply by four again and provision for 8,000 a second.", None, 0),
    ("peak-then-failover-right", "We average 3,000 QPS, the daily peak is 3x that, 9,000 QPS, and we provision 3x "
     "the peak for regional failover, 27,000 QPS.", None, 0),
    # a percentage of a percentage
    ("share-of-share-wrong", "Out of 50 million users, 40 percent are active each day and 10 percent of those leave "
     "a review, so 10 percent of 50 million is 5 million reviews a day.", "qps_from_users", 2e6 / 86400),
    ("fraction-then-share-wrong", "We have 9 million subscribers; a third of them watch on a given day and 30 "
     "percent of those cast to a TV, so 30 percent of 9 million, 2.7 million casters a day.", "qps_from_users",
     9e5 / 86400),
    ("share-of-share-right", "Out of 50 million users, 40 percent are active each day and 10 percent of those leave "
     "a review, so about 2 million reviews a day.", None, 0),
    # GPU time in seconds, priced per GPU
    ("gpu-seconds-priced-wrong", "A million images at 200 milliseconds of GPU each is 200,000 GPU-seconds, and at "
     "three dollars per GPU the run costs 600,000 dollars.", "cost", 200_000 / 3600 * 3),
    ("gpu-seconds-priced-right", "A million images at 200 milliseconds of GPU each is 200,000 GPU-seconds, about 56 "
     "GPU-hours, and at three dollars per GPU the run costs about 170 dollars.", None, 0),
    ("gpu-minutes-per-hour-wrong", "That is 90,000 GPU-minutes, and at two dollars a GPU hour it comes to 180,000 "
     "dollars.", "cost", 3000),
    ("gpu-days-per-gpu-wrong", "The fine-tune uses 40 GPU-days, and at $2.50 a GPU that's $100.", "cost", 2400),
    # a query sent to every shard
    ("every-shard-divided-wrong", "Every search fans out to all 16 shards, so 8,000 searches a second over 16 shards "
     "is 500 a second per shard.", "fan_out", 8000),
    ("every-shard-right", "Every search fans out to all 16 shards, so each shard sees the full 8,000 searches a "
     "second.", None, 0),
    ("every-shard-sees-all-right", "Each query hits every one of the 8 shards, so with 2,000 queries a second each "
     "shard sees 2,000 a second.", None, 0),
    ("hashed-shard-right", "Each key is hashed to one of 16 shards, so 8,000 writes a second over 16 shards is 500 a "
     "second per shard.", None, 0),
    ("scatter-gather-divided-wrong", "The search tier is scatter-gather across 10 shards, so 3,000 queries a second "
     "become 300 queries a second on each shard.", "fan_out", 3000),
    # a year of a daily flow
    ("year-as-twelve-wrong", "We ingest 50 MB a second, 4.32 TB a day, and a year of it is 4.32 times twelve, about "
     "52 TB.", "flow_bytes", 4.32e12 * 365),
    ("year-with-replicas-right", "Twenty thousand events a second at five kilobytes each is 100 MB a second, "
     "8.64 TB a day, and a year of that with three replicas is about 9.5 PB.", None, 0),
    ("year-with-replicas-wrong", "Twenty thousand events a second at five kilobytes each is 100 MB a second, "
     "8.64 TB a day, and a year of that with three replicas is about 3.2 PB.", "flow_bytes", 8.64e12 * 365 * 3),
    ("year-of-it-right", "We ingest 50 MB a second, 4.32 TB a day, and a year of it is about 1.6 PB.", None, 0),
    # the tokens a compute-optimal run sees
    ("tokens-per-parameter-wrong", "A 7 billion parameter model trained compute-optimally on twenty tokens per "
     "parameter sees 14 billion tokens.", "training_tokens", 140e9),
    ("tokens-per-parameter-right", "A 7 billion parameter model trained compute-optimally on twenty tokens per "
     "parameter sees 140 billion tokens.", None, 0),
    # a card's teraFLOPs written as gigaFLOPs, and the utilisation between a card's rate and the fleet's
    ("card-giga-for-tera-wrong", "Training takes 3e22 FLOPs; 256 A100s at 312e9 FLOPs a second each at 40 percent "
     "utilisation give 3.2e13 a second, so about 9.4e8 seconds.", "training_time", 3e22 / (256 * 312e12 * 0.4)),
    ("card-tera-right", "Training takes 3e22 FLOPs; 256 A100s at 312e12 FLOPs a second each at 40 percent "
     "utilisation give 3.2e16 a second, so about 940,000 seconds.", None, 0),
    ("card-gflops-alone-wrong", "An A100 gives 312 GFLOPs a second, so eight of them give about 2.5 TFLOPs a "
     "second.", "card_flops", 312e12),
    ("card-fp8-right", "An H100 gives roughly 2,000 TFLOPs a second in fp8.", None, 0),
    ("card-fp32-right", "An A100 does about 19.5 TFLOPs a second in plain fp32.", None, 0),
    ("fleet-at-mfu-right", "Sixty-four H100s at 989e12 FLOPs a second each, at 40 percent MFU, deliver about 2.5e16 "
     "FLOPs a second.", None, 0),
    # one unit's rate from the time a request keeps it busy
    ("core-rate-ms-wrong", "Each request takes 20 milliseconds of CPU, so one core handles 5 requests a second.",
     "core_rate", 50),
    ("core-rate-ms-right", "Each request takes 20 milliseconds of CPU, so one core handles 50 requests a second.",
     None, 0),
    ("core-rate-batched-right", "Each call keeps a GPU busy for 40 ms, but batching 16 at a time one GPU does about "
     "400 a second.", None, 0),
    # machines that each read, said with the count; a link named as a network
    ("count-each-reading-right", "With 20 machines each reading 1 GB a second, the 10 TB dataset is read in about "
     "500 seconds.", None, 0),
    ("network-bits-copy-wrong", "Shipping the 5 TB index over a 40 Gbps network at 40 GB/s takes 125 seconds.",
     "transfer_time", 1000),
    # a fleet from the units busy and the load they run at, and machines from the cores they hold
    ("busy-at-load-wrong", "The ranking service takes 30,000 requests a second at 8 ms of CPU each, which is 240 "
     "cores busy; to run at 60 percent that is 144 cores.", "capacity", 400),
    ("busy-at-load-right", "The ranking service takes 30,000 requests a second at 8 ms of CPU each, which is 240 "
     "cores busy; to run at 60 percent that is 400 cores.", None, 0),
    ("headroom-count-wrong", "The training job needs eight GPUs of compute, and with 50 percent headroom that is four "
     "GPUs.", "capacity", 12),
    ("cores-into-machines-wrong", "We need 400 cores, so on 32-core machines that is 40 machines.", "capacity", 13),
    ("cores-into-machines-right", "That is 400 cores, so thirteen 32-core machines.", None, 0),
    # senders that each send one message every so often
    ("one-every-interval-wrong", "Two million viewers each sending a heartbeat every 10 seconds is about 20,000 "
     "heartbeats a second.", "interval_rate", 200_000),
    ("one-every-interval-right", "Two million viewers each sending a heartbeat every 10 seconds is about 200,000 "
     "heartbeats a second.", None, 0),
    # arithmetic said with "x", with bare operands, and a fraction said in percent
    ("said-x-product-wrong", "Keeping the last 100 item ids, 8 bytes each, for 50 million users is 50e6 x 100 x 8 "
     "bytes, about 4 GB.", "arithmetic", 4e10),
    ("said-bare-division-wrong", "The yearly budget is 48,000 over 12, about 400 dollars a month.", "arithmetic",
     4000),
    ("said-bare-division-right", "The yearly budget is 48,000 over 12, about 4,000 dollars a month.", None, 0),
    ("said-fraction-as-percent-right", "With eight pipeline stages and thirty-two micro-batches the bubble is seven "
     "over thirty-nine, about eighteen percent of each step idle.", None, 0),
    ("said-share-as-percent-right", "Three failures over 200 runs is about 1.5 percent.", None, 0),
    ("said-fraction-as-percent-wrong", "With eight pipeline stages and thirty-two micro-batches the bubble is seven "
     "over thirty-nine, about 1.8 percent of each step idle.", "arithmetic", 17.9),
    # people × the things each holds × bytes each, the people counted after the size or the things short-named
    ("people-after-size-wrong", "Keeping the last 100 item ids of 8 bytes each for 50 million users is about 4 GB.",
     "storage", 4e10),
    ("people-after-size-right", "Keeping the last 100 item ids of 8 bytes each for 50 million users is about 40 GB.",
     None, 0),
    ("short-things-each-wrong", "For 50 million users we keep the last 100 item ids at 8 bytes each, about 4 GB.",
     "storage", 4e10),
    # a bill from a price per million things, the count said as "N each is ..."
    ("price-per-million-wrong", "Embedding 10 million documents of about 1,000 tokens each is 10 billion tokens, and "
     "at 10 cents per million tokens that's about 100,000 dollars.", "unit_price", 1000),
    # a day's work done in a batch window
    ("users-in-window-right", "Forty million users get thirty recommendations each a day, computed in a four-hour "
     "nightly window, so 1.2 billion over 14,400 seconds, about 83,000 a second.", None, 0),
    ("users-in-window-wrong", "Forty million users get thirty recommendations each a day, computed in a four-hour "
     "nightly window, so about 14,000 a second.", "qps_in_window", 4e7 * 30 / 14400),
    # a request's bytes worked out before the rate
    ("request-bytes-worked-right", "Each request fetches 50 features of 8 bytes for 200 items, which is 80 KB, so at "
     "5,000 requests a second that's 400 MB a second.", None, 0),
    ("request-bytes-worked-wrong", "Each request fetches 50 features of 8 bytes for 200 items, which is 80 KB, so at "
     "5,000 requests a second that's 2 MB a second.", "bandwidth", 4e8),
]
SAID = {cid: text for cid, text, _, _ in CHAINS}


@pytest.mark.parametrize("cid, text, step, right", CHAINS)
def test_the_chain_is_followed(cid: str, text: str, step: str | None, right: float) -> None:
    assert_followed(cid, text, step, right)


def test_the_flag_says_why_in_words_a_candidate_reads() -> None:
    """The cause is named beside the right figure: the link's real speed, the copies, the rent period, the card."""
    def message(text: str) -> str:
        return next(c.message for c in score_answer(text).sizing.checks if not c.ok)
    assert "3.12 GB/s, not the 25 GB/s used" in message(SAID["link-bits-copy-wrong"])
    assert "× 3 copies" in message(SAID["copies-left-out-wrong"])
    assert "rented by the hour" in message(SAID["gpu-seconds-priced-wrong"])
    assert "peaks near 312 teraFLOPs" in message(SAID["card-giga-for-tera-wrong"])
    assert "is already the peak" in message(SAID["peak-twice-wrong"])
    assert "each shard sees every query" in message(SAID["every-shard-divided-wrong"])


def test_the_pricing_and_card_peaks_are_data() -> None:
    k = napkin_constants()
    assert k.machine_price_period_s == 3600 and k.rent_max_dollars > 10
    peaks = {name: flops for names, flops in k.accelerator_flops for name in names}
    assert peaks["h100"] == pytest.approx(989e12) and peaks["a100"] == pytest.approx(312e12)
    assert k.card_peak_low < 1 < k.card_peak_high


def test_a_purchase_price_per_gpu_is_not_rent() -> None:
    text = "That is 500,000 GPU-seconds, and at 30,000 dollars a GPU we would spend 900,000 dollars on cards."
    assert not [c for c in score_answer(text).sizing.checks if c.rule == "cost"]
