"""What a careful engineer checks that a plain recomputation misses, each in a chain written for this file (none from
tests/data/napkin): bytes turned into bits by dividing by eight, the 6 × N × D rule worked with its figures and no
word for training, an hourly price for a machine of several GPUs charged per GPU, plain data parallel's per-GPU
memory taken as a share, a named card said to hold more than it has, a nested fan-out added rather than multiplied,
a busy window's share worked over a wrong count of seconds, a sample's rate taken for the whole stream, an hourly
price re-said as a factor for a second fleet whose day is called a month, and a served model given training's fp32
master copy (while a training chain that adds it, and a size per parameter followed by its total, are left alone). A wrong chain is flagged at its step
with the right figure; the same chain done right is left alone."""
from __future__ import annotations

import pytest

from coach.scoring import score_answer
from tests.napkin_chain_check import assert_followed

CHAINS: list[tuple[str, str, str | None, float]] = [
    ("bytes-to-bits-wrong", "The nightly backup ships 30 terabytes in ten hours, roughly 830 megabytes a second, "
     "which in bits is 830 over 8, about 104 megabits a second.", "bits_bytes", 6.64e9),
    ("bytes-to-bits-right", "The nightly backup ships 30 terabytes in ten hours, roughly 830 megabytes a second, "
     "which in bits is 830 times 8, about 6.6 gigabits a second.", None, 0),
    ("bytes-then-link-right", "Ingest is 50 megabytes a second, so a 1 gigabit link covers it with room to spare.",
     None, 0),
    ("six-n-d-worked-wrong", "For the 7e9 model on 2e12 tokens it's six times 7e9 times 2e12, about 8.4e22, and "
     "spread over 128 GPUs that's 1.1e25 flops in total.", "training_flops", 8.4e22),
    ("six-n-d-worked-right", "For the 7e9 model on 2e12 tokens it's six times 7e9 times 2e12, about 8.4e22 flops in "
     "total, whichever way the 128 GPUs share it.", None, 0),
    ("node-price-wrong", "The fine-tune needs 32 GPUs for 50 hours, and the provider bills 40 dollars an hour for an "
     "eight-GPU node, so 32 x 50 x 40, about 64,000 dollars.", "cost", 8000),
    ("node-price-right", "The fine-tune needs 32 GPUs for 50 hours, and the provider bills 40 dollars an hour for an "
     "eight-GPU node, so four nodes for 50 hours is about 8,000 dollars.", None, 0),
    ("ddp-share-wrong", "Training the 3B model with Adam at 16 bytes a parameter is 48 GB, and with DDP on four "
     "GPUs each card holds a quarter of it, 12 GB.", "replica_memory", 48e9),
    ("ddp-whole-right", "Training the 3B model with Adam at 16 bytes a parameter is 48 GB, and with DDP on four "
     "GPUs each card holds all of it, 48 GB, so we need 80 GB cards.", None, 0),
    ("fsdp-share-right", "Training the 3B model with Adam at 16 bytes a parameter is 48 GB, and with FSDP on four "
     "GPUs each card holds a quarter of it, 12 GB.", None, 0),
    ("node-memory-card-wrong", "In bf16 the 180 billion parameter model is about 360 GB, and an A100 server has "
     "640 GB of memory, so a single GPU can hold it.", "gpus_for_memory", 5),
    ("card-fits-right", "In int4 the 70 billion parameter model is about 35 GB, so one A100 holds it with room "
     "for the cache.", None, 0),
    ("nested-added-wrong", "At 2,000 queries a second, each query goes to four regions, and every region has eight "
     "partitions that are all searched, so 4 + 8 is twelve lookups a query, 24,000 lookups a second.", "fan_out",
     64_000),
    ("nested-multiplied-right", "At 2,000 queries a second, each query goes to four regions, and every region has "
     "eight partitions that are all searched, so 32 lookups a query, 64,000 lookups a second.", None, 0),
    ("busy-window-seconds-wrong", "The exam portal gets six million logins a day and half of them land in the three "
     "hours before nine, so 3 million over 180 is about 16,700 logins a second at the peak.", "qps_in_window", 278),
    ("busy-window-seconds-right", "The exam portal gets six million logins a day and half of them land in the three "
     "hours before nine, so 3 million over 10,800 is about 280 logins a second at the peak.", None, 0),
    ("sample-rate-wrong", "Our profiler samples one call in fifty and it sees 30 calls a second, so a day is 30 x "
     "86,400, about 2.6 million calls to provision for.", "per_day", 1.296e8),
    ("sample-rate-right", "Our profiler samples one call in fifty and it sees 30 calls a second, so the full stream "
     "is 1,500 a second, about 130 million calls a day to provision for.", None, 0),
    ("serving-master-copy-wrong", "For inference we quantise the 20 billion model to int8, a byte a parameter, and "
     "keep the fp32 master weights beside it, four bytes more, so about 100 GB on the server.", "model_memory", 20e9),
    ("serving-weights-right", "For inference we quantise the 20 billion model to int8, a byte a parameter, so about "
     "20 GB on the server.", None, 0),
    ("training-master-copy-right", "Training the 20 billion model in bf16 at two bytes a parameter, plus fp32 master "
     "weights at four more bytes, comes to about 120 GB before the optimiser moments.", None, 0),
    ("per-parameter-then-total-right", "At inference the 9B model in fp16 takes two bytes a parameter, 18 GB, plus "
     "the cache, so about 24 GB in all.", None, 0),
    ("sample-own-total-right", "Our profiler samples one call in fifty and it sees 30 calls a second, so a day is "
     "about 2.6 million sampled traces to store.", None, 0),
]


@pytest.mark.parametrize("cid, text, step, right", CHAINS)
def test_the_chain_is_followed(cid: str, text: str, step: str | None, right: float) -> None:
    assert_followed(cid, text, step, right)


def test_a_price_said_again_as_a_factor_prices_the_second_fleet() -> None:
    text = ("Batch scoring is twenty GPUs for four hours a night at 3 dollars an hour, 240 dollars a night. "
            "The API is twelve GPUs up around the clock, 12 times 3 times 24, which is 864, so about 864 dollars a "
            "month.")
    wrong = [c for c in score_answer(text).sizing.checks if not c.ok]
    assert wrong and wrong[0].rule == "cost" and wrong[0].expected == pytest.approx(12 * 3 * 720, rel=0.05)
    right = text.replace("so about 864 dollars a month", "so about 26,000 dollars a month")
    assert not [c for c in score_answer(right).sizing.checks if not c.ok]


def test_a_flag_says_the_step_and_the_right_figure_in_words() -> None:
    text = CHAINS[0][1]
    flag = next(c for c in score_answer(text).sizing.checks if not c.ok)
    assert "8 bits a byte" in flag.message and "Gbit/s" in flag.message and "off by" in flag.message
