"""After a claim said wrong, the interviewer takes on the candidate's own words ("You said L2 is the one that drives
the coefficients to exactly zero. Can you walk me through why that holds?"), never the right answer, and never a
question about a claim the candidate did not make."""
from __future__ import annotations

from coach.content import default_content
from coach.eval.followup_gaps import aim
from coach.followups import choice, findings

SWAPPED = ("Both put a price on large weights in the loss. L2, the squared penalty, drives most of the coefficients to "
           "exactly zero, a sparse model that picks its own inputs, and L1 just shrinks every weight a little. The "
           "strength is tuned on validation data, on a log scale, after standardising the inputs, and elastic net "
           "mixes the two.")


def _aimed() -> tuple[object, object]:
    content = default_content()
    q = content.question("ts-regularization")
    a = aim({"round": "technical-screen", "text": SWAPPED}, q, content)
    assert a.gap == "wrong_claim"
    return q, a


def test_the_model_is_shown_the_candidates_words_not_the_right_answer() -> None:
    _, a = _aimed()
    found = findings.plain("wrong_claim", a.finding.evidence, SWAPPED)       # type: ignore[attr-defined]
    assert "L2, the squared penalty, drives most of the coefficients to exactly zero" in found
    assert "not the one" not in found and "L1 drives" not in found


def test_a_question_about_a_claim_never_made_falls_back_to_the_bank_said_after_the_claim() -> None:
    q, a = _aimed()
    content = default_content()
    inverted = "Why does L2 penalise the absolute values of the weights?"
    reply = choice.choose(q, SWAPPED, "wrong_claim", [inverted], [q.prompt], content.gaps,   # type: ignore[arg-type]
                          target=a.finding)                                               # type: ignore[attr-defined]
    assert reply.source == "bank"
    assert reply.question.startswith("You said L2, the squared penalty, drives most of the coefficients to exactly zero.")
    assert reply.question.count("?") == 1 and "I want to check" not in reply.question


def test_a_question_that_takes_on_the_claim_said_is_asked() -> None:
    q, a = _aimed()
    content = default_content()
    own = "Why would a squared penalty drive the coefficients all the way to exactly zero?"
    reply = choice.choose(q, SWAPPED, "wrong_claim", [own], [q.prompt], content.gaps,          # type: ignore[arg-type]
                          target=a.finding)                                               # type: ignore[attr-defined]
    assert (reply.source, reply.question) == ("model", own)
