"""A figure said again in the next sentence ("... a gigabyte a second. That's one gigabit on the wire") is checked as
a restatement; an estimate's result said first and reached again as a bare figure ("About 160 nodes. ... forty over
a quarter is a hundred and sixty") is the answer judged; and a link's speed said with it ("one ten gig NIC handles
it") is what the answer fits into, not its estimate. Chains and answers written for this file."""
from __future__ import annotations

import pytest

from coach.content import default_content
from coach.scoring import score_answer
from tests.napkin_chain_check import assert_followed


@pytest.mark.parametrize("cid,text,step,right", [
    ("next-sentence-bits-wrong", "Each reply carries forty kilobytes. Times fifty thousand replies a second is two "
     "gigabytes per second. That's two gigabits per second on the wire.", "restated", 2e9),
    ("next-sentence-bits-right", "Each reply carries forty kilobytes. Times fifty thousand replies a second is two "
     "gigabytes per second. That's sixteen gigabits per second on the wire.", None, 0),
], ids=["next-sentence-bits-wrong", "next-sentence-bits-right"])
def test_a_figure_said_again_in_the_next_sentence(cid: str, text: str, step: str | None, right: float) -> None:
    assert_followed(cid, text, step, right)


def test_a_result_said_first_and_reached_again_as_a_bare_figure_is_the_answer() -> None:
    q = default_content().question("nm-cpu-fleet")
    card = score_answer("Roughly a hundred and ten machines. Thirty thousand a second divided by four hundred each is "
                        "seventy-five servers running flat out. Capped at seventy percent, seventy-five over zero point "
                        "seven is about a hundred and seven, so a hundred and ten. With spares for a zone outage I'd "
                        "go to about a hundred and fifty.", question=q)
    assert not any(g.id == "bad_math" for g in card.gaps), card.gaps


def test_a_link_said_with_the_bandwidth_is_not_the_estimate() -> None:
    q = default_content().question("nm-feature-bandwidth")
    card = score_answer("Five hundred candidates at a hundred bytes is fifty kilobytes a response, times twenty "
                        "thousand a second is a gigabyte a second. That's one gigabit a second, so one ten gig NIC is "
                        "plenty.", question=q)
    assert any(g.id == "bad_math" for g in card.gaps), card.gaps
