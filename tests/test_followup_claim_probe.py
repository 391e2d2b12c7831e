"""After a wrong claim, the interviewer asks about the claim ("I want to check; walk me through why that holds?") even
when the probe's words happen to recall a talking point the answer covered ("check" and "leakage checks"): that probe
builds on what was said, it does not ask for the point again. Asked instead, "define those two terms" fits a claim
that has no two terms in it."""
from __future__ import annotations

from coach.content import default_content
from coach.eval.followup_gaps import aim
from coach.followups import choice

ANSWER = ("Leakage is training on information you won't have at prediction time, so the offline score flatters the "
          "model. Target leakage is the common case, like a chargeback flag that is only set weeks after the payment. "
          "Temporal leakage is building features from events with a timestamp later than the prediction point. "
          "Computing the imputation means on the full dataset before the split is harmless though, it's just filling "
          "gaps. I catch leaks by auditing any result that looks too good and by running a point-in-time check on "
          "every join.")


def test_the_claim_is_what_gets_probed() -> None:
    content = default_content()
    q = content.question("ts-data-leakage")
    a = aim({"round": "technical-screen", "text": ANSWER}, q, content)
    assert a.gap == "wrong_claim"
    reply = choice.choose(q, ANSWER, a.gap, [], [q.prompt], content.gaps, target=a.finding)
    assert "two terms" not in reply.question
    assert "why that holds" in reply.question
