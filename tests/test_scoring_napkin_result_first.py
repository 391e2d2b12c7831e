"""Napkin math said the way engineers say it: the result first, then the working that reaches it again, then what
the result means (a total beside other things, a bigger batch); a size said for another thing than the count before
it ("four thousand tokens is two gigabytes per sequence"); binary units said in words ("thirty-two gibibytes").
Chains and answers written for this file."""
from __future__ import annotations

import pytest

from coach.content import default_content
from coach.scoring import score_answer
from tests.napkin_chain_check import assert_followed

CHAINS: list[tuple[str, str, str | None, float]] = [
    # a per-sequence size made from the tokens: the tokens are a factor of it, not items of that size
    ("per-sequence-right", "Half a megabyte per token times six thousand tokens is three gigabytes per sequence, and "
     "a batch of ten needs thirty gigabytes.", None, 0),
    ("per-shard-right", "At two kilobytes a row, five million rows is ten gigabytes per shard, and across six shards "
     "the table holds sixty gigabytes.", None, 0),
    # a binary unit said in words is a size, checked at its step
    ("gibibytes-wrong", "Half a megabyte per token times six thousand tokens is three gigabytes per sequence, and "
     "twelve sequences makes a hundred and forty gibibytes.", "kv_tokens", 36e9),
    # the same chain slipped is still flagged
    ("rows-each-wrong", "Eight million rows at one kilobyte each is eighty gigabytes.", "storage", 8e9),
]


@pytest.mark.parametrize("cid,text,step,right", CHAINS, ids=[c[0] for c in CHAINS])
def test_a_size_for_another_thing_and_binary_units_in_words(cid: str, text: str, step: str | None,
                                                           right: float) -> None:
    assert_followed(cid, text, step, right)


def test_a_result_said_first_and_reached_again_is_the_answer_judged() -> None:
    """The figure after it (the cache plus the weights) is what the candidate does with the result."""
    q = default_content().question("nm-kv-batch")
    card = score_answer("Roughly thirty-three gigabytes. Each token holds half a megabyte, four thousand tokens make "
                        "two gigabytes a sequence, and sixteen sequences come to about thirty-three gigabytes. Next to "
                        "sixteen gigabytes of weights that is forty-nine gigabytes on the card, which fits on an "
                        "eighty-gigabyte GPU.", question=q)
    assert not any(g.id == "bad_math" for g in card.gaps), card.gaps
    assert card.overall >= 4.0


def test_a_result_said_first_that_the_working_corrects_is_not_the_answer() -> None:
    q = default_content().question("nm-kv-batch")
    card = score_answer("Roughly thirty-three gigabytes. Actually each token holds five megabytes here, so four "
                        "thousand tokens make twenty gigabytes a sequence and sixteen sequences need three hundred and "
                        "twenty gigabytes.", question=q)
    assert any(g.id == "bad_math" for g in card.gaps)
