"""The field's napkin constants (rubrics/napkin_constants.toml) as the scorer uses them: a constant an answer states
wrongly is flagged with the right value and the figure built on it recomputed; a product tied by "each" is
recomputed from the figures said; a right chain is never flagged. Chains written for this file."""
from __future__ import annotations

from pathlib import Path

import pytest

from coach.content.napkin_constants import load_napkin_constants, napkin_constants
from coach.errors import ContentError
from coach.scoring import score_answer
from coach.scoring.numbers import find_numbers


def flags(text: str) -> list[tuple[str, float, str]]:
    card = score_answer(text, round_spec=None)
    return [(c.rule, c.expected, c.message) for c in card.sizing.checks if not c.ok]


@pytest.mark.parametrize("text, rule, expected, says", [
    # a format's bytes said wrongly: the memory built on them is recomputed with the right bytes
    ("We keep the twenty billion parameter checkpoint in fp32, at two bytes a parameter, so about forty gigabytes.",
     "model_memory", 80e9, "fp32 is 4 bytes a value, not 2"),
    ("The embeddings are stored as bf16, which is four bytes a value.", "precision_bytes", 2, "bf16 is 2 bytes"),
    # bits restated as bytes
    ("The 800 megabit per second backbone carries 800 megabytes a second, so a 16 GB model ships in 20 seconds.",
     "bits_bytes", 100e6, "8 bits a byte"),
    # a product tied by "each"
    ("The planner gets 1,500 route requests a second and checks forty depots for each, so about 6,000 depot checks "
     "a second.", "fan_out", 60_000, "1,500"),
    ("We run 250 stream encoders at 8 megabits a second each, so about 2 gigabytes a second leaves the cluster.",
     "bandwidth", 250e6, "8 bits a byte"),
    # vectors: rows x dimensions x the format's bytes
    ("Four hundred million vectors of 512 dimensions stored as fp16 come to about 100 GB.", "storage", 409.6e9,
     "512"),
    # FLOPs a token: decoding is 2 per parameter, whatever multiplier the answer used
    ("Each generated token from the forty billion model costs six times its parameters, so about 2.4e11 FLOPs "
     "a token.", "decode_flops", 80e9, "2 × 40B"),
])
def test_a_wrong_constant_or_product_is_flagged_with_the_right_figure(text: str, rule: str, expected: float,
                                                                      says: str) -> None:
    got = flags(text)
    hit = [f for f in got if f[0] == rule]
    assert hit, got
    assert abs(hit[0][1] - expected) <= 0.05 * expected, hit
    assert says in hit[0][2], hit[0][2]


@pytest.mark.parametrize("text", [
    "In bf16 the weights are two bytes a parameter, so the eleven billion parameter model is about 22 GB.",
    "The 6 billion model quantised to int4 is half a byte a parameter, about three gigabytes.",
    "A 2.5 gigabit uplink is about 310 megabytes a second, so a 31 GB snapshot takes around 100 seconds.",
    "The planner gets 1,500 route requests a second and checks forty depots for each, so about 60,000 depot checks "
    "a second.",
    "We run 250 stream encoders at 8 megabits a second each, so about 250 megabytes a second leaves the cluster.",
    "We run 24 shards with three replicas each, so seventy two pods.",
    "Five squads had each built their own loader for the click logs, and three of them disagreed on sessions, so "
    "two squads reported different retention.",
    "Every receipt scan is 80 KB and we take in two million a day with three copies, so about 480 GB a day.",
    "Adam keeps about sixteen bytes a parameter, so fine-tuning the two billion parameter model needs about 32 GB.",
    "Decoding with a nine billion parameter model costs about two times nine billion, eighteen gigaflops a token.",
    # a later time after the copy is a further step (the copies in turn), not the copy itself
    "Pushing a 20 gigabyte build over a 10 gigabit uplink runs at 1.25 gigabytes a second, about 16 seconds each, "
    "and thirty hosts updated in turn take about 8 minutes.",
])
def test_a_right_chain_is_not_flagged(text: str) -> None:
    assert flags(text) == []


def test_a_comma_after_a_scale_word_ends_a_spoken_number_unless_the_number_goes_on() -> None:
    assert [n.value for n in find_numbers("two times eight billion, sixteen gigaflops")] == [2, 8e9, 16]
    assert [n.value for n in find_numbers("two million, three hundred thousand users")] == [2_300_000]


def test_the_shipped_constants_are_the_fields_own() -> None:
    k = napkin_constants()
    by_name = {name: b for names, b in k.precisions for name in names}
    assert (by_name["fp32"], by_name["bf16"], by_name["int8"], by_name["int4"]) == (4, 2, 1, 0.5)
    assert (k.bits_per_byte, k.decoding_flops, k.training_flops, k.adam_bytes) == (8, 2, 6, 16)


def test_a_bad_constants_file_names_the_file_and_field(tmp_path: Path) -> None:
    bad = tmp_path / "napkin_constants.toml"
    bad.write_text('[[precision]]\nnames = ["fp32"]\nbytes = "four"\n', encoding="utf-8")
    with pytest.raises(ContentError, match=r"napkin_constants\.toml.*precision 1"):
        load_napkin_constants(bad)


def test_a_wrong_copy_time_is_still_flagged_when_a_later_time_follows() -> None:
    got = flags("Pushing a 20 gigabyte build over a 10 gigabit uplink takes about 160 seconds, and thirty hosts "
                "updated in turn take about 80 minutes.")
    assert [(rule, round(expected)) for rule, expected, _ in got] == [("transfer_time", 16)], got
