"""The follow-up is on the candidate's words or the question's: after a claim said wrong, it takes on the claim as
said ("You said L2 is the one that drives the coefficients to exactly zero. Can you walk me through why that
holds?"), never the right answer nor a claim the candidate did not make; after a non-answer, it names the topic."""
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
    assert "L2 drives most of the coefficients to exactly zero" in found          # the aside left out
    assert "not the one" not in found and "L1 drives" not in found


def test_a_question_about_a_claim_never_made_falls_back_to_the_bank_said_after_the_claim() -> None:
    q, a = _aimed()
    content = default_content()
    inverted = "Why does L2 penalise the absolute values of the weights?"
    reply = choice.choose(q, SWAPPED, "wrong_claim", [inverted], [q.prompt], content.gaps,   # type: ignore[arg-type]
                          target=a.finding)                                               # type: ignore[attr-defined]
    assert reply.source == "bank"
    assert reply.question.startswith("You said L2 drives most of the coefficients to exactly zero.")
    assert reply.question.count("?") == 1 and "I want to check" not in reply.question


def test_a_question_that_takes_on_the_claim_said_is_asked() -> None:
    q, a = _aimed()
    content = default_content()
    own = "Why would a squared penalty drive the coefficients all the way to exactly zero?"
    reply = choice.choose(q, SWAPPED, "wrong_claim", [own], [q.prompt], content.gaps,          # type: ignore[arg-type]
                          target=a.finding)                                               # type: ignore[attr-defined]
    assert (reply.source, reply.question) == ("model", own)


def test_after_a_non_answer_a_model_question_that_names_nothing_of_the_question_is_not_asked() -> None:
    content = default_content()
    q = content.question("bh-struggling-teammate")
    plan = ("honestly I'd just talk to them first, privately, and I'd try to find out what is in the way. I'd offer to "
            "pair for a few sessions and I'd only go to the manager if the date was really at risk, and never "
            "behind their back, because that usually makes things worse for everyone involved in it.")
    a = aim({"round": "behavioral", "text": plan}, q, content)
    assert a.gap == "non_answer"
    vague = "What is the closest one you have come to?"
    named = "What is the closest you have come to a teammate struggling on your project, and what did you do?"
    reply = choice.choose(q, plan, a.gap, [vague], [q.prompt], content.gaps, target=a.finding)
    assert reply.source == "bank" and reply.question != vague
    reply = choice.choose(q, plan, a.gap, [named], [q.prompt], content.gaps, target=a.finding)
    assert (reply.source, reply.question) == ("model", named)


def test_a_claim_is_said_back_whole_and_a_decimal_is_not_taken_for_a_full_stop() -> None:
    answer = ("Put simply, ranking and calibration are one property seen twice, so a ranker with an AUC, say over "
              "0.95, is calibrated almost by construction. I'd still plot a reliability diagram.")
    evidence = ('"Put simply, ranking and calibration are one property seen twice, so a ranker ..." states that A model '
                'with high AUC or accuracy is well calibrated')
    said = findings.claim_clause("Put simply, ranking and calibration are one property seen twice, so a ranker",
                                 evidence, answer)
    assert said == "a ranker with an AUC, say over 0.95, is calibrated almost by construction"


def test_a_question_that_turns_the_claim_round_is_not_asked() -> None:
    q, a = _aimed()
    content = default_content()
    turned = "Why does L2 not drive the coefficients to exactly zero?"        # tells the answer
    reply = choice.choose(q, SWAPPED, "wrong_claim", [turned], [q.prompt], content.gaps,       # type: ignore[arg-type]
                          target=a.finding)                                               # type: ignore[attr-defined]
    assert reply.source == "bank" and reply.question.startswith("You said L2 drives")
