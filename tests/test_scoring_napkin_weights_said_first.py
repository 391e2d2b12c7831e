"""Napkin math on a serving card, in the orders candidates say it: the weights' memory said before the parameter
count it holds ("fourteen gigabytes for seven billion parameters") with a later figure adding the cache to it, and a
batch said as "sixteen sequences of four thousand tokens". Chains written for this file: the sum after the weights is
another step, not the weights said wrong; a wrong weights figure said first is still flagged at its step; the
sequences said before their context count in the cache; and a flag never gives a "right order of magnitude" that
reads as a second, different right answer."""
from __future__ import annotations

import pytest

from coach.scoring import score_answer
from tests.napkin_chain_check import assert_followed

CHAINS: list[tuple[str, str, str | None, float]] = [
    ("sum-after-right", "Each sequence is four thousand tokens at half a megabyte a token, two gigabytes, and sixteen "
     "of them is thirty-two gigabytes. Add the weights, fourteen gigabytes for seven billion parameters in fp16, and "
     "we need forty-six gigabytes on the card.", None, 0),
    ("sum-after-digits-right", "The cache comes to 20 GB. On top of it go 26 GB for 13 billion parameters in bf16, "
     "so the card holds about 46 GB.", None, 0),
    ("said-first-wrong", "The cache is 32 GB. The weights are seven gigabytes for seven billion parameters in fp16, "
     "so with the cache that is thirty-nine gigabytes.", "model_memory", 14e9),
    ("said-after-wrong", "In fp16 a 13 billion parameter model needs about 13 GB for its weights.", "model_memory",
     26e9),
    ("seqs-of-right", "The cache is half a megabyte per token, and sixteen sequences of four thousand tokens is "
     "thirty-two gigabytes.", None, 0),
    ("seqs-of-wrong", "The cache is half a megabyte per token, and sixteen sequences of four thousand tokens is "
     "three gigabytes.", "kv_tokens", 32e9),
    ("convs-with-wrong", "At 160 KB a token, 64 conversations with 2,000 tokens each need about 2 GB of cache.",
     "kv_tokens", 20.48e9),
]


@pytest.mark.parametrize("cid,text,step,right", CHAINS, ids=[c[0] for c in CHAINS])
def test_the_weights_said_before_their_count_are_the_ones_checked(cid: str, text: str, step: str | None,
                                                                  right: float) -> None:
    assert_followed(cid, text, step, right)


@pytest.mark.parametrize("said, right", [("two hundred megabytes", "2 GB"), ("three gigabytes", "32 GB")])
def test_a_flag_gives_no_power_of_ten_that_contradicts_the_right_figure(said: str, right: str) -> None:
    tokens = "four thousand tokens" if right == "2 GB" else "sixteen sequences of four thousand tokens"
    text = f"The cache is half a megabyte per token, and {tokens} is {said}."
    flagged = [c for c in score_answer(text).sizing.checks if not c.ok]
    assert flagged and right in flagged[0].message, [c.message for c in flagged]
    assert "order of magnitude" not in flagged[0].message


def test_a_batch_figure_is_judged_once() -> None:
    text = "At 160 KB a token, 64 conversations of 2,000 tokens need about 2 GB of cache."
    flagged = [c for c in score_answer(text).sizing.checks if not c.ok]
    assert len(flagged) == 1, [c.message for c in flagged]
