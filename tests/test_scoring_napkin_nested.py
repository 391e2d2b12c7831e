"""A sixth generalisation probe for napkin math, on the steps the scorer learnt to follow this pass: the things
scored on every request named by their verb, a peak hour's count turned into a rate a second, a model's layers said
as "a 40-layer model", a reply's decoding compute said before the reply, a month said with a week's hours, a fleet
sized from one core's rate (cores per machine, utilisation), a run's utilisation said as "running at", a daily size
restated after a comma and kept on replicas, a team's time from each person's rate, and a day's total worked out
from a peak. Every chain is written afresh for this file (none from tests/data/napkin): a wrong chain must be
flagged at the step it went wrong with the right figure; a right chain must not be flagged at all."""
from __future__ import annotations

import pytest

from tests.napkin_chain_check import assert_followed

# (id, chain, the step that must flag it or None for a right chain, the right figure in base units)
NESTED: list[tuple[str, str, str | None, float]] = [
    ("verb-fan-wrong", "The marketplace handles 800 searches a second, with sixty listings ranked for each search, so "
     "the ranker does about 4,800 ranking calls a second.", "fan_out", 48_000),
    ("verb-fan-right", "The marketplace handles 800 searches a second, with sixty listings ranked for each search, so "
     "the ranker does about 48,000 ranking calls a second.", None, 0),
    ("rush-hour-wrong", "A quarter of the 24 million daily trips start in the evening rush hour, six million, so over "
     "that hour the dispatcher handles 100,000 trips a second.", "peak", 1_667),
    ("rush-hour-right", "A quarter of the 24 million daily trips start in the evening rush hour, six million, so over "
     "that hour the dispatcher handles about 1,700 trips a second.", None, 0),
    ("layer-word-wrong", "The 40-layer model has 8 KV heads with head dimension 128 in bf16, so the cache is "
     "2 x 8 x 128 x 2, about 4 KB a token.", "kv_cache", 163_840),
    ("layer-word-right", "The 40-layer model has 8 KV heads with head dimension 128 in bf16, so the cache is "
     "2 x 40 x 8 x 128 x 2, about 164 KB a token.", None, 0),
    ("reply-after-wrong", "A three billion parameter model needs two times three billion, 6e9 FLOPs, to generate a "
     "whole 250 token answer.", "decode_flops", 1.5e12),
    ("reply-after-right", "A three billion parameter model needs 6e9 FLOPs per token, so about 1.5e12 FLOPs to generate "
     "a whole 250 token answer.", None, 0),
    ("month-hours-wrong", "Twenty GPUs at two dollars an hour is forty dollars an hour, so a month of 168 hours comes "
     "to about 6,700 dollars.", "cost", 28_800),
    ("month-hours-right", "Twenty GPUs at two dollars an hour is forty dollars an hour, so a month of 720 hours comes "
     "to about 29,000 dollars.", None, 0),
    ("month-working-right", "Twenty annotation boxes at two dollars an hour, used over a month of 170 working hours, "
     "come to about 6,800 dollars.", None, 0),
    ("cores-wrong", "Each embedding call takes ten milliseconds of one core, so a core does 100 a second, and for a "
     "peak of 48,000 a second we need 480 of our twelve-core servers.", "capacity", 40),
    ("cores-right", "Each embedding call takes ten milliseconds of one core, so a core does 100 a second, and for a "
     "peak of 48,000 a second we need 40 of our twelve-core servers.", None, 0),
    ("cores-util-wrong", "A core handles 400 a second, so a 64-core box kept at half load does 12,800 a second, and a "
     "peak of 90,000 needs about 22 boxes.", "capacity", 7.03),
    ("cores-util-right", "A core handles 400 a second, so a 64-core box kept at fifty percent load does 12,800 a "
     "second, and a peak of 90,000 needs about 8 boxes.", None, 0),
    ("running-at-wrong", "Training takes 2e21 FLOPs, and 128 GPUs at 300 teraflops running at fifty percent give "
     "about 1.9e16 a second, so roughly 52,000 seconds.", "training_time", 104_167),
    ("running-at-right", "Training takes 2e21 FLOPs, and 128 GPUs at 300 teraflops running at fifty percent give "
     "about 1.9e16 a second, so roughly 104,000 seconds, a bit over a day.", None, 0),
    ("comma-size-wrong", "The clickstream is 500 million events a day at two kilobytes, a terabyte a day; we hold "
     "thirty days on three copies, so about thirty terabytes of disk.", "storage", 9e13),
    ("comma-size-right", "The clickstream is 500 million events a day at two kilobytes, a terabyte a day; we hold "
     "thirty days on three copies, so about ninety terabytes of disk.", None, 0),
    ("team-wrong", "We have fifteen reviewers and each one checks forty claims an hour, so the 30,000 claims take "
     "750 hours.", "capacity", 180_000),
    ("team-right", "We have fifteen reviewers and each one checks forty claims an hour, so the 30,000 claims take "
     "50 hours.", None, 0),
    ("day-peak-wrong", "Payments peak at 600 a second at lunch, about three times the daily average, so over a day "
     "that is 600 times 86,400, roughly 52 million payments.", "per_day", 17_280_000),
    ("day-peak-right", "Payments peak at 600 a second at lunch, about three times the daily average, so over a day "
     "that is 200 times 86,400, roughly 17 million payments.", None, 0),
]


@pytest.mark.parametrize("cid,text,step,right", NESTED, ids=[c[0] for c in NESTED])
def test_nested_chain_followed(cid: str, text: str, step: str | None, right: float) -> None:
    assert_followed(cid, text, step, right)
