"""A fifth generalisation probe for napkin math, on the slips the scorer learnt to follow this pass: a FLOP rate
said without its unit and a utilisation, bits taken for bytes in a spoken product, a fan-out named by its verb,
what the servers "need to handle", headroom as a load fraction, a per-core rate from a busy time, the peak hour
spread over a day, a share of the day in a window, storage over "a year of" something, a product said out loud
before replicas, a KV cache from the hidden size, and a reply's or a stream's decoding compute. Every chain is written afresh for this file (none from
tests/data/napkin) and was run once on the finished rules: a wrong chain must be flagged at the step it went wrong
with the right figure; a right chain must not be flagged at all."""
from __future__ import annotations

import pytest

from coach.scoring import score_answer
from tests.napkin_chain_check import assert_followed

# (id, chain, the step that must flag it or None for a right chain, the right figure in base units)
SLIPS: list[tuple[str, str, str | None, float]] = [
    ("mfu-right", "Training needs about 3e23 FLOPs; on 512 GPUs with a peak of 1e15 FLOPs each at 50 percent "
     "utilisation that is about 1.2 million seconds, roughly two weeks.", None, 0),
    ("mfu-wrong", "For 2e22 FLOPs on 100 GPUs at 300 teraflops each with 40 percent utilisation, the run takes "
     "about 670,000 seconds.", "training_time", 1.667e6),
    ("bare-rate-wrong", "The run is 6e22 FLOPs and 128 GPUs give an effective 2e14 each, so about 23,000 seconds, a "
     "bit over six hours.", "training_time", 2.34e6),
    ("bare-rate-right", "The run is 6e22 FLOPs and 128 GPUs give an effective 2e14 each, so about 2.3 million "
     "seconds, close to four weeks.", None, 0),
    ("bits-wrong", "In eight bits the 13 billion parameter model is 13 billion times 8, about 104 gigabytes.",
     "model_memory", 1.3e10),
    ("bits-right", "In fp16 the 13 billion parameter model is 13 billion times 2, about 26 gigabytes.", None, 0),
    ("calls-wrong", "Every checkout calls 6 fraud services, and at 1,500 checkouts a second that is about 900 fraud "
     "calls a second.", "fan_out", 9000),
    ("calls-right", "Each page view calls 12 ad services, so at 2,000 page views a second that is about 24,000 ad "
     "calls a second.", None, 0),
    ("handle-wrong", "The ticket site averages 1,200 orders a second and the on-sale peak is five times that, so the "
     "checkout servers need to handle about 1,500 orders a second.", "peak", 6000),
    ("handle-right", "The ticket site averages 1,200 orders a second and the on-sale peak is five times that, so the "
     "checkout servers need to handle about 6,000 orders a second.", None, 0),
    ("half-load-wrong", "At peak we get 8,000 requests a second and each node takes 400, so 20 nodes, and keeping "
     "them at half load for headroom means 10 nodes.", "capacity", 40),
    ("half-load-right", "At peak we get 8,000 requests a second and each node takes 400, so 20 nodes, and keeping "
     "them at half load for headroom means 40 nodes.", None, 0),
    ("busy-wrong", "Each scoring call takes 4 milliseconds of one core, so a core does about 2,500 a second, and the "
     "peak of 50,000 a second needs 20 cores.", "capacity", 200),
    ("busy-right", "Each scoring call takes 4 milliseconds of one core, so a core does about 250 a second, and the "
     "peak of 50,000 a second needs 200 cores.", None, 0),
    ("hour-wrong", "On a sale day the store sees 5 million page views and the peak hour carries ten percent of them, "
     "so 500,000 over 86,400 seconds, about 6 page views a second at peak.", "peak", 139),
    ("hour-right", "On a sale day the store sees 5 million page views and the peak hour carries ten percent of them, "
     "so 500,000 over 3,600 seconds, about 140 page views a second at peak.", None, 0),
    ("window-right", "About 2 million deliveries a day; if 30 percent of them fall in a two-hour lunch window, that "
     "is about 83 a second.", None, 0),
    ("window-wrong", "About 2 million deliveries a day; if 30 percent of them fall in a two-hour lunch window, that "
     "is about 830 a second.", "qps_in_window", 83.3),
    ("year-of-wrong", "The app logs 20 million events a day at about 1 kilobyte each, so a year of events takes "
     "roughly 730 gigabytes.", "storage", 7.3e12),
    ("year-of-right", "The app logs 20 million events a day at about 1 kilobyte each, so a year of events takes "
     "roughly 7.3 terabytes.", None, 0),
    ("months-wrong", "We write 25 GB of metrics a day and keep a year of them, which is 25 times 12, about 300 GB, "
     "or 900 GB with three replicas.", "storage", 9.125e12),
    ("months-right", "We write 25 GB of metrics a day and keep a year of them, which is 25 times 365, about 9 TB, "
     "or 27 TB with three replicas.", None, 0),
    ("hidden-right", "The model has 40 layers with a hidden size of 5,120 in fp16, so keys and values take about "
     "800 KB per token, and 16 sequences of 4,000 tokens need about 52 GB of cache.", None, 0),
    ("hidden-wrong", "The model has 40 layers with a hidden size of 5,120 in fp16, so keys and values take about "
     "800 KB per token, and 16 sequences of 4,000 tokens need about 5 GB of cache.", "kv_cache", 5.24e10),
    ("reply-right", "Decoding with the 8 billion parameter model costs about 16 gigaflops a token, so a 1,000 token "
     "answer takes about 1.6e13 FLOPs.", None, 0),
    ("stream-wrong", "A 30 billion parameter model needs 60 gigaflops per generated token, so serving 2,000 tokens a "
     "second takes about 1.2e12 FLOPs a second.", "decode_flops", 1.2e14),
    ("halve-right", "Today the p99 is 300 ms, and the goal is to halve it within three weeks.", None, 0),
    ("per-day-total-right", "About 20 million predictions a day at 500 bytes is 10 gigabytes a day, around 900 "
     "gigabytes for ninety days.", None, 0),
]


@pytest.mark.parametrize("cid, text, step, right", SLIPS, ids=[c[0] for c in SLIPS])
def test_a_slip_is_followed(cid: str, text: str, step: str | None, right: float) -> None:
    assert_followed(cid, text, step, right)


def test_the_probe_is_about_half_right_half_wrong() -> None:
    wrong = sum(1 for c in SLIPS if c[2] is not None)
    assert len(SLIPS) >= 24 and abs(2 * wrong - len(SLIPS)) <= 4


def test_a_daily_total_is_divided_once_not_by_every_later_rate() -> None:
    # the daily total restates the average; the rates after the next sentence's peak fan-out are other steps
    right = ("We see about 40,000 searches a second on average, roughly 3.5 billion a day, and 120,000 at peak. "
             "That is 24 million candidate scores a second at peak, and a second stage keeps 50 of the 200, about "
             "6 million a second.")
    assert not [c.message for c in score_answer(right).sizing.checks if not c.ok]
    # with nothing in between, a rate in the next sentence still comes from the daily total
    wrong = "We log 3.5 billion searches a day. That is about 4,000 searches a second."
    hit = [c for c in score_answer(wrong).sizing.checks if not c.ok]
    assert [c.rule for c in hit] == ["qps_from_daily"] and hit[0].expected == pytest.approx(40_509, rel=0.01)


@pytest.mark.parametrize("said, wrong", [("eleven hundred", False), ("eleven thousand", True)])
def test_the_peak_hours_share_of_the_day_is_divided_by_the_hour_not_the_day(said: str, wrong: bool) -> None:
    """"The peak hour is ten percent" of 40 million a day: four million in 3,600 s, about 1,100 a second. The right
    figure is not measured against the day's average (463 a second); the wrong one is told the hour's figure."""
    text = (f"Forty million a day, and the peak hour is ten percent, so four million transactions in that hour. An hour "
            f"is thirty six hundred seconds, so four million over thirty six hundred is about {said} per second.")
    flagged = [c for c in score_answer(text).sizing.checks if not c.ok]
    assert bool(flagged) == wrong, [c.message for c in flagged]
    if wrong:
        assert flagged[0].expected == pytest.approx(1_111, rel=0.05)


# Right chains the reader once misread (written for this test): a device's memory is not the weights, a
# per-chat cache and then "N of them" are two steps, a daily average with "more at peaks" is no peak, and a rate
# made per request is no fan-out.
RIGHT_CHAINS = [
    "We have sixteen H100s with eighty gigabytes each; the 30 billion parameter model in bf16 is 60 gigabytes, so one "
    "copy fits on a GPU.",
    "Keys and values come to about 160 kilobytes a token, so a chat of 4,000 tokens is about 640 megabytes, and two "
    "thousand of them is about 1.3 terabytes, more than the 640 gigabytes we have across eight cards.",
    "Ninety million events a day, so averaged over the day about a thousand a second, more at peaks.",
    "At 20,000 requests a second, scoring two hundred items for every request is four million scores a second, so the "
    "heavy model only takes the top twenty, which is four hundred thousand heavy scores a second.",
]


@pytest.mark.parametrize("text", RIGHT_CHAINS, ids=["device-memory", "chats-of-them", "more-at-peaks", "rate-per-request"])
def test_a_right_chain_with_a_device_a_second_step_or_a_base_rate_is_not_flagged(text: str) -> None:
    flagged = [c.message for c in score_answer(text).sizing.checks if not c.ok]
    assert not flagged, flagged


def test_n_of_them_after_one_chats_cache_is_checked_as_that_many_chats() -> None:
    text = ("Keys and values come to about 160 kilobytes a token, so a chat of 4,000 tokens is about 640 megabytes, and "
            "two thousand of them is about 130 gigabytes.")
    flagged = [c for c in score_answer(text).sizing.checks if not c.ok]
    assert [c.rule for c in flagged] == ["kv_tokens"] and flagged[0].expected == pytest.approx(1.28e12, rel=0.05)
