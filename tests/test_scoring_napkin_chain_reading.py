"""Napkin chains read the way a careful engineer reads them: what each of the day's users does is a daily rate per
user even when the day is said before it, a rate worked out from "N times the average" is the peak, "a whole year" kept is a retention, "a batch of N in T" is N per T, a total said after "each that is" is no per-item size, a price per million requests is the hourly bill over an hour's requests, what gets past a cache is the share it does not answer, the copies said before a kept total multiply it, a count
rounded up for headroom named without an amount is a choice and not a product, the things each request carries
multiply its bytes, a bytes-per-parameter figure said of weights, gradients and optimizer state together is their
sum, and a FLOP rate said for all the GPUs together is divided into the work once. Every chain is written afresh
for this file (none from tests/data); every right chain but the "a petaflop each" pair (a guard: that rate is now
read, and must not be multiplied in twice) was flagged before these readings, and each wrong one must be flagged at
its step with the right figure."""
from __future__ import annotations

import pytest

from tests.napkin_chain_check import assert_followed

# (id, chain, the step that must flag it or None for a right chain, the right figure in base units)
CHAINS: list[tuple[str, str, str | None, float]] = [
    # what each of the day's users does, said without its own period
    ("each-user-right", "Nine million drivers open the parking app every day and each one makes about twelve lookups, "
     "so over a day's 86,400 seconds that is about 1,250 lookups a second.", None, 0),
    ("each-user-dropped", "Nine million drivers open the parking app every day and each one makes about twelve "
     "lookups, so over a day's 86,400 seconds that is about 104 lookups a second.", "qps_from_users", 1250),
    ("each-person-dropped", "Forty million people read the news app daily and each loads about fifteen pages, so "
     "about 460 page loads a second.", "qps_from_users", 6944),
    # a multiple of the average worked out, whatever the peak is called
    ("times-average-right", "The ticket scanners average 800 scans a second, and when the stadium gates open it is "
     "five times the average, so the gates see about 4,000 scans a second.", None, 0),
    ("times-average-divided", "The ticket scanners average 800 scans a second, and when the stadium gates open it is "
     "five times the average, so the gates see about 800 over five, 160 scans a second.", "peak", 4000),
    # a retention said as "a full year", "a whole year"
    ("whole-year-right", "Clinic scans add about 50 GB a day, and we retain a whole year of them, so about 18 TB, "
     "and two copies make about 36 TB.", None, 0),
    ("whole-year-as-weeks", "Clinic scans add about 50 GB a day, and we retain a whole year of them, so about "
     "2.6 TB, and two copies make about 5.2 TB.", "storage", 18.25e12),
    # one batch and its time said together
    ("one-batch-right", "The OCR service reads a batch of forty receipts in 200 milliseconds, so each GPU clears "
     "about 200 receipts a second.", None, 0),
    ("one-batch-times", "The OCR service reads a batch of forty receipts in 200 milliseconds, so each GPU clears "
     "forty times 200, about 8,000 receipts a second.", "batch_rate", 200),
    # "at four bytes each that is ...": the total after "each" is the product, not one item's size
    ("each-that-is-right", "The photo index holds 40 million images, each with a 512-dimension float32 embedding, so "
     "about 20 billion numbers, and at four bytes each that is about 82 GB.", None, 0),
    ("each-that-is-divided", "The photo index holds 40 million images, each with a 512-dimension float32 embedding, "
     "so about 20 billion numbers, and at four bytes each that is about 5 GB.", "storage", 81.92e9),
    # a price per million requests from the hourly bill and the rate
    ("per-million-right", "Twelve servers at two dollars an hour each cost 24 dollars an hour; at 1,000 queries a "
     "second that is 3.6 million queries an hour, so about 6.7 dollars per million queries.", None, 0),
    ("per-million-wrong", "Twelve servers at two dollars an hour each cost 24 dollars an hour, and at 1,000 queries a "
     "second that comes to about 400 dollars per million queries.", "cost", 6.667),
    # the load left past a cache
    ("cache-left-right", "We see 6,000 lookups a second with a 90% cache hit rate, so 5,400 are served from memory "
     "and 600 a second go to the database.", None, 0),
    ("cache-hit-for-miss", "We see 6,000 lookups a second with a 90% cache hit rate, so 5,400 a second go to the "
     "database.", "cache_share", 600),
    ("cache-answers-for-miss", "The quote service gets 4,000 requests a second and the cache answers about 75 percent "
     "of them, so 3,000 a second reach the pricing model.", "cache_share", 1000),
    # a device's sustained rate is no FLOP count of the run
    ("sustained-rate-right", "Training 8 billion parameters on a trillion tokens is six times 8e9 times 1e12, "
     "4.8e22. If each GPU sustains something like 400 TFLOPs, 128 of them together give about 5.1e16 a second, so "
     "about 940,000 seconds, close to eleven days.", None, 0),
    # copies after a kept total
    ("copies-right", "The sensors write 200 million readings a day at about 500 bytes each, 100 GB a day; kept for "
     "sixty days that is 6 TB, and with three replicas about 18 TB of disk.", None, 0),
    ("copies-dropped", "The sensors write 200 million readings a day at about 500 bytes each, 100 GB a day; kept for "
     "sixty days that is 6 TB, and with four replicas about 6 TB of disk.", "storage", 24e12),
    # a count rounded up for headroom said without an amount
    ("headroom-right", "Each box scores about 400 listings a second, so the 2,000 a second at peak is five boxes, "
     "and with some headroom for bursts and a failed node I'd run twelve.", None, 0),
    ("headroom-too-few", "Each box scores about 400 listings a second, so the 2,000 a second at peak is five boxes, "
     "and with some headroom for bursts and a failed node I'd run two.", "capacity", 5),
    # the things each request carries
    ("carried-right", "At 20,000 lookups a second, each pulling thirty embeddings of 1 KB each per lookup, the "
     "store serves about 600 megabytes a second.", None, 0),
    ("carried-wrong", "At 20,000 lookups a second, each pulling thirty embeddings of 1 KB each per lookup, the "
     "store serves about 20 megabytes a second.", "bandwidth", 600e6),
    ("carried-total-right", "At 20,000 lookups a second of thirty embeddings each, which is about 30 KB a lookup, "
     "the store serves about 600 megabytes a second.", None, 0),
    # bytes per parameter said of a list of stored state
    ("state-sum-right", "For the 13 billion parameter model, fp16 weights and gradients plus Adam's moments and "
     "master copy in fp32 add up to about sixteen bytes per parameter, so about 208 gigabytes.", None, 0),
    ("state-sum-wrong", "For the 13 billion parameter model, fp16 weights and gradients plus Adam's moments and "
     "master copy in fp32 add up to about sixteen bytes per parameter, so about 52 gigabytes.", "adam_memory", 208e9),
    ("one-precision-wrong", "The 13 billion parameter model in fp16 takes four bytes a parameter, about 52 "
     "gigabytes.", "model_memory", 26e9),
    # a FLOP rate for all the GPUs together
    ("fleet-right", "The run is 6 x 2e9 x 5e11 = 6e21 FLOPs; sixty-four H100s at 990 teraflops, used at thirty "
     "percent, deliver about 1.9e16 a second, so about 316,000 seconds, close to four days.", None, 0),
    ("fleet-wrong", "The run is 6 x 2e9 x 5e11 = 6e21 FLOPs; sixty-four H100s at 990 teraflops, used at thirty "
     "percent, deliver about 1.9e16 a second, so about 316,000 seconds, close to eighty-eight days.",
     "training_time", 316_000),
    ("fleet-petaflop-right", "Training is 3e22 FLOPs, and 256 cards at a petaflop each and fifty percent use give "
     "1.28e17 a second, so about 234,000 seconds, under three days.", None, 0),
    ("fleet-petaflop-wrong", "Training is 3e22 FLOPs, and 256 cards at a petaflop each and fifty percent use give "
     "1.28e17 a second, so about 234,000 seconds, about 65 days.", "training_time", 234_000),
]


@pytest.mark.parametrize("cid, text, step, right", CHAINS, ids=[c[0] for c in CHAINS])
def test_a_chain_is_read_as_said(cid: str, text: str, step: str | None, right: float) -> None:
    assert_followed(cid, text, step, right)
