"""Two things that sound like an end and are not: a closing promised after something still to say ("one last step
and then I'm done") and a deadline said as a span of time ("the board wanted it live within a month"), which sets a
story up rather than telling what came of it. Sentences written for these tests."""
from __future__ import annotations

from coach.streaming.answer_end import judge


def test_a_closing_put_off_until_one_more_part_goes_on() -> None:
    told = "The retrain job died every Sunday and nobody owned it. I took the pager for a month and found the leak. "
    for tail in ("The fix itself, and then I'm done.", "One more piece, after which I'll stop there."):
        verdict = judge(told + tail, "story")
        assert not verdict.sure, (tail, verdict)
    done = judge(told + "That fixed it for good, and I'm done.", "story")   # a closing said now still ends it
    assert done.says == "end" and done.sure


def test_a_deadline_given_in_the_setup_is_no_result_some_time_after() -> None:
    setup = ("This goes back to my second year there. The board wanted fraud scoring live in every market within "
             "two months, and I had to tell them what that would cost.")
    assert not judge(setup, "story").sure
    result = ("The board wanted fraud scoring live in every market. I split the rollout by risk tier, and chargebacks "
              "fell by a third within two months.")
    assert judge(result, "story").sure
