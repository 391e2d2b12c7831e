"""A day's count turned per second, said the way candidates say it: the figure said twice across a full stop ("say
twenty million. Twenty million orders a day is ..."), a peak named in the next clause ("..., and with a peak factor
of three that's ..."), a peak said as a multiple of this figure ("with peaks maybe twice that"), and the division said
out loud ("divided by eighty-six thousand four hundred seconds is ..."), which no multiplier said elsewhere excuses.
Chains written for this file: each wrong per-second figure is flagged at its step, and the steps built on it are
judged from the candidate's own figure."""
from __future__ import annotations

import pytest

from coach.scoring import score_answer
from coach.scoring.numbers import find_numbers
from tests.napkin_chain_check import assert_followed

CHAINS: list[tuple[str, str, str | None, float]] = [
    ("said-twice-wrong", "Let's say twenty million. Twenty million orders a day is about two thousand a second.",
     "qps_from_daily", 231),
    ("said-twice-right", "Let's say twenty million. Twenty million orders a day is about two hundred and thirty a "
     "second.", None, 0),
    ("peak-next-clause-wrong", "Five million uploads a day is about six hundred per second, and with a peak factor of "
     "three that's eighteen hundred per second.", "qps_from_daily", 58),
    ("peaks-times-that-wrong", "Two billion searches a day. Two billion divided by eighty-six thousand four hundred "
     "seconds is about two thousand three hundred a second, with peaks maybe twice that, so forty-six hundred a "
     "second. Each search scores three hundred items, so about 1.4 million items a second at peak.",
     "qps_from_daily", 23148),
    ("divided-said-wrong", "Thirty million users, each opening the app ten times, make three hundred million loads a "
     "day. Three hundred million divided by eighty-six thousand four hundred seconds is about three hundred and fifty "
     "loads a second.", "qps_from_daily", 3472),
    ("said-over-the-day-wrong", "Forty million members open it ten times a day, four hundred million opens a day. "
     "Four hundred million over 86,400 seconds is about 460 a second.", "qps_from_users", 4630),
]


@pytest.mark.parametrize("cid,text,step,right", CHAINS, ids=[c[0] for c in CHAINS])
def test_a_day_turned_per_second(cid: str, text: str, step: str | None, right: float) -> None:
    assert_followed(cid, text, step, right)


def test_the_step_after_a_slip_is_judged_from_the_candidates_own_figure() -> None:
    text = CHAINS[3][1]
    checks = score_answer(text).sizing.checks
    fan = [c for c in checks if c.rule == "fan_out"]
    assert fan and all(c.ok for c in fan), [c.message for c in checks]


def test_a_figure_said_again_after_a_full_stop_is_not_added_to_itself() -> None:
    assert [n.value for n in find_numbers("say thirty thousand. Thirty thousand a second")] == [30_000, 30_000]
