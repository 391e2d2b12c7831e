"""Slips a candidate makes in napkin math, each said in words no rule was tuned on, flagged at their step with the
right figure, and the same chains done right left alone: a peak said in the sentence after the average, counts
multiplied and said per day, epochs named between the data and the rate, the share past a cache said as a percent of
the load, a percent's result "gives us", vectors whose type is named after them, a fan-out and its size said before
the request rate, a fleet sized for the peak from the average, a link's speed said "10 gig", a flow kept for a span,
the last factor of a spoken KV-cache product, bytes "each" after a parameter count, an hourly bill over a month, a
size after the compression said, a reply's FLOPs after its token count, payloads sized in the plural, and a daily
user's count said with the thing acted on ("they each send the bot about eight messages"), a size named as the weights with the cache added later, and "a
dollar an hour each" read as one dollar (its fleet's hourly total is no second price), a count said after "QPS" and
a machine count (the count restated, no rate), and a vector type said after a comma, and the average called "normal" with the peak what the system must "be ready
for"."""
from __future__ import annotations

import pytest

from tests.napkin_chain_check import assert_followed

CHAINS = [
    ("peak-next-sentence-wrong", "The average is 1,200 requests a second. Peak is roughly four times that, so we "
     "plan for 12,000 a second.", "peak", 4800),
    ("peak-after-comma-wrong", "Mean load is 1,200 requests a second, peak is about 4x, so 12,000 a second at peak.",
     "peak", 4800),
    ("counts-per-day-wrong", "Four million riders, six trips each, that comes to 240 million trips a day.",
     "arithmetic", 24e6),
    ("epochs-between-wrong", "Eight hundred million rows, four epochs, and the job processes 100,000 rows a second, "
     "so roughly 8,000 seconds.", "training_time", 32_000),
    ("epochs-between-right", "Eight hundred million rows, four epochs, and the job processes 100,000 rows a second, "
     "so roughly 32,000 seconds, about nine hours.", None, 0),
    ("cache-share-after-wrong", "The hit rate is 98%, so 0.02% of the 60,000 reads a second go to the disk tier, "
     "about 12 a second.", "cache_share", 1200),
    ("cache-share-after-right", "The hit rate is 98%, so 2% of the 60,000 reads a second go to the disk tier, "
     "about 1,200 a second.", None, 0),
    ("gives-us-wrong", "Five million sessions a day and 4% end in a purchase, which gives us about 20,000 purchases "
     "a day.", "share", 200_000),
    ("type-after-vectors-wrong", "Fifty million products with 512-dim embeddings in fp16, so about 10 gigabytes.",
     "storage", 5e7 * 512 * 2),
    ("exact-vector-bytes-wrong", "Ten million docs with 768-dimensional float32 vectors, so about 16 gigabytes.",
     "storage", 1e7 * 768 * 4),
    ("fan-out-first-right", "Each page view pulls 40 thumbnails of 30 KB apiece, and at 2,000 page views a second "
     "that is 2.4 gigabytes a second.", None, 0),
    ("fan-out-first-wrong", "Each page view pulls 40 thumbnails of 30 KB apiece, and at 2,000 page views a second "
     "that is 60 megabytes a second.", "bandwidth", 2.4e9),
    ("per-shard-size-wrong", "Each lookup touches 64 shards with 2 KB per shard response, and at 5,000 lookups a "
     "second that's about 640 kilobytes a second.", "bandwidth", 6.4e8),
    ("sized-for-peak-wrong", "We average 900 jobs a second, peak is 4x, and since we size for peak at 150 jobs a "
     "second per worker we need 6 workers.", "capacity", 24),
    ("sized-for-peak-right", "We average 900 jobs a second, peak is 4x, and since we size for peak at 150 jobs a "
     "second per worker we need 24 workers.", None, 0),
    ("link-chosen-right", "At 8,000 requests a second of 25 KB each we push 200 megabytes a second, so a 10 gigabit "
     "uplink is plenty.", None, 0),
    ("gig-link-wrong", "Restoring the 900 GB backup over a 1 gig link, that's 1 gigabyte a second, so about 15 "
     "minutes.", "transfer_time", 7200),
    ("gig-link-right", "Restoring the 900 GB backup over a 1 gig link, that's 125 megabytes a second, so about two "
     "hours.", None, 0),
    ("flow-kept-wrong", "The firehose delivers 15 MB a second and we keep two hours of it, so that's roughly 7.5 MB.",
     "flow_bytes", 15e6 * 7200),
    ("flow-kept-right", "The firehose delivers 15 MB a second and we keep two hours of it, so that's roughly 108 "
     "gigabytes.", None, 0),
    ("kv-product-factor-right", "Thirty-two layers, hidden size 4,096, fp16: the KV cache is 2 times 32 times "
     "4,096 times 2 bytes, so half a megabyte per token.", None, 0),
    ("bytes-each-weights-wrong", "Thirteen billion parameters at two bytes each is about 2.6 gigabytes of "
     "weights.", "model_memory", 26e9),
    ("hourly-bill-month-wrong", "Our serving fleet costs about 300 dollars an hour, so the monthly bill comes to "
     "roughly 7,200 dollars.", "cost", 300 * 720),
    ("hourly-bill-month-right", "Our serving fleet costs about 300 dollars an hour, so the monthly bill comes to "
     "roughly 216,000 dollars.", None, 0),
    ("compression-kept-wrong", "The crawler pulls in 6 terabytes a day of raw HTML, which gzip squeezes about 6x, "
     "so we store 6 terabytes a day.", "compressed", 1e12),
    ("compression-applied-right", "The crawler pulls in 6 terabytes a day of raw HTML, which gzip squeezes about "
     "6x, so we store about a terabyte a day.", None, 0),
    ("reply-flops-right", "Generating costs about 2N FLOPs per token, so a 7B model writing a 300-token reply "
     "is roughly 4 teraflops.", None, 0),
    ("reply-flops-wrong", "Generating costs about 2N FLOPs per token, so a 7B model writing a 300-token reply "
     "is roughly 14 gigaflops.", "decode_flops", 2 * 7e9 * 300),
    ("plural-payloads-wrong", "We take 6,000 uploads a second and the payloads are around 30 kilobytes, so about "
     "180 gigabytes a second.", "bandwidth", 1.8e8),
    ("each-verb-object-wrong", "Nine million people a day, they each send the bot about eight messages, so "
     "that's about 83 messages a second.", "qps_from_users", 9e6 * 8 / 86400),
    ("weights-named-wrong", "It's a 13 billion parameter model served in fp16, so 13 gigs of weights, plus the KV "
     "cache on top.", "model_memory", 26e9),
    ("a-dollar-each-right", "We'd rent 24 GPUs at about a dollar an hour each, so 24 dollars an hour, which is "
     "roughly 17,000 dollars for the month.", None, 0),
    ("count-restated-after-qps-right", "Peak is six thousand QPS and one pod gets through about three hundred QPS, "
     "so twenty pods, thirty to be safe.", None, 0),
    ("type-after-comma-wrong", "Forty million user embeddings, 128 dimensions, fp32, so roughly 2 gigabytes.",
     "storage", 4e7 * 128 * 4),
    ("typical-and-ready-for-wrong", "Normal traffic is around 1,500 requests a second, and the peak runs 4x that, "
     "so we have to be ready for roughly 24,000.", "peak", 6000),
    ("typical-and-ready-for-right", "Normal traffic is around 1,500 requests a second, and the peak runs 4x that, "
     "so we have to be ready for roughly 6,000.", None, 0),
    ("kv-spoken-product-wrong", "With 32 layers and a hidden size of 4,096 in fp16, each token stores 2 times 32 "
     "times 4,096 times 2 bytes, roughly 50 KB.", "kv_cache", 524_288),
]


@pytest.mark.parametrize("cid, text, step, right", CHAINS)
def test_the_chain_is_followed(cid: str, text: str, step: str | None, right: float) -> None:
    assert_followed(cid, text, step, right)
