"""Napkin chains said in forms the checker used to miss: a day's total said "for the day" after an hour's worth of
seconds, a layer count said without a hyphen ("a forty-eight layer model"), and a per-token cache with its product
said first ("each token stores 2 x 48 x 8 x 128 x 2 bytes, about ..."). Right chains in the same forms stay unflagged."""
from __future__ import annotations

import pytest

from tests.napkin_chain_check import assert_followed

CHAINS = [
    ("d1", "Checkout sees 900 orders a second all day, so over 3,600 seconds that is about 3.2 million orders for the day.",
     "per_day", 900 * 86_400),
    ("d2", "Checkout sees 900 orders a second all day, which is about 78 million orders for the day.", None, 0),
    ("k1", "A forty-eight layer model with eight KV heads of 128 dims in fp16: each token stores 2 x 48 x 32 x 128 x 2 "
           "bytes, about 786 KB.", "kv_cache", 2 * 48 * 8 * 128 * 2),
    ("k2", "A forty-eight layer model with eight KV heads of 128 dims in fp16: each token stores 2 x 48 x 8 x 128 x 2 "
           "bytes, about 197 KB.", None, 0),
]


@pytest.mark.parametrize("cid, text, step, right", CHAINS)
def test_the_chain_is_followed(cid: str, text: str, step: str | None, right: float) -> None:
    assert_followed(cid, text, step, right)


@pytest.mark.parametrize("cid, text, step, right", [
    ("c1", "Forty GPU nodes at three dollars an hour is 120 dollars an hour, and times thirty for the month that is "
           "about 3,600 dollars.", "cost", 40 * 3 * 720),
    ("c2", "Forty GPU nodes at three dollars an hour is 120 dollars an hour, and for the month that is about 86,000 "
           "dollars.", None, 0),
])
def test_a_period_said_before_the_cost_prices_it_over_that_period(cid: str, text: str, step: str | None,
                                                                  right: float) -> None:
    assert_followed(cid, text, step, right)


def test_a_figure_said_sentences_after_the_fleet_is_not_read_as_what_the_fleet_serves() -> None:
    text = ("At the evening peak we take about 1,400 uploads a second. With batching one GPU does about 400 images a "
            "second, and kept at sixty percent that is 240, so the peak needs about six GPUs. Uncertain scores go to "
            "human review. Sending the middle half percent of forty million a day is 200,000 images a day, too many "
            "for the reviewers, so the band is set per class.")
    assert_followed("f1", text, None, 0)


@pytest.mark.parametrize("cid, text, step, right", [
    ("l1", "Our 70 billion parameter model has eight KV heads and a head dimension of 128; the cache per token is two "
           "for keys and values times eight times 128 times two bytes, so about four kilobytes a token.",
     "kv_cache", 2 * 80 * 8 * 128 * 2),
    ("l2", "Our 70 billion parameter model has 80 layers, eight KV heads and a head dimension of 128; the cache per "
           "token is 2 x 80 x 8 x 128 x 2 bytes, about 328 kilobytes a token.", None, 0),
])
def test_a_kv_cache_worked_out_without_the_layers_is_flagged_with_a_layer_count_for_the_model_size(
        cid: str, text: str, step: str | None, right: float) -> None:
    assert_followed(cid, text, step, right)
