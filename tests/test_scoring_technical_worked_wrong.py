"""A technical answer that works a figure out loud and gets it wrong (a power calculation, a test's length) is held
below a correct account, as a design is; a length said as a limit ("in well under a day") is a bound, not a figure
worked wrong. Answers and chains written for this file."""
from __future__ import annotations

import pytest

from coach.content import default_content
from coach.scoring import score_answer
from tests.napkin_chain_check import assert_followed

_ACCOUNT = ("I'd fix the primary metric and guardrails like latency and revenue before launch, randomise by user rather "
            "than by request so nobody sees both, check for sample ratio mismatch on day one, and not peek at the "
            "p-value every morning, since peeking inflates false positives. I'd run whole weeks to cover the weekly "
            "cycle and watch for novelty effects, and agree up front which result means we ship. ")


def test_a_power_calculation_worked_wrong_holds_a_technical_answer_down() -> None:
    q = default_content().question("ts-ab-testing")
    right = score_answer(_ACCOUNT + "With a three percent baseline and a half-point lift to detect, sixteen times 0.03 "
                         "times 0.97 over 0.005 squared is about eighteen thousand six hundred users per arm.",
                         question=q, level="senior")
    wrong = score_answer(_ACCOUNT + "With a three percent baseline and a half-point lift to detect, sixteen times 0.03 "
                         "times 0.97 over 0.005 squared is about one thousand eight hundred users per arm.",
                         question=q, level="senior")
    assert any(not c.ok for c in wrong.sizing.checks)
    assert not any(not c.ok for c in right.sizing.checks)
    assert wrong.overall <= 3.2 < right.overall, (wrong.overall, right.overall)


@pytest.mark.parametrize("cid,text,step,right", [
    ("under-a-week-right", "We need forty thousand users per arm, and with fifty thousand users a day that's "
     "comfortably under a week.", None, 0),
    ("a-day-wrong", "We need forty thousand users per arm, and with ten thousand users a day that's about a day.",
     "test_duration", 8 * 86400),
], ids=["under-a-week-right", "a-day-wrong"])
def test_a_length_said_as_a_limit(cid: str, text: str, step: str | None, right: float) -> None:
    assert_followed(cid, text, step, right)
