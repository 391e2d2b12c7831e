"""A concern or a check waved away with certainty reads as a wrong claim on a question nobody wrote it down for.

Answers written for this test in new words: each states a shortcut justified by a certainty the field does not grant
("... is a non-issue", "... are mostly academic") in a fluent answer that earns points for the rest; the card holds it
at the wrong-claim cap and quotes the sentence. The same shortcut said under its condition, or reported to reject it,
is how a sound answer says it and costs nothing.
"""
from __future__ import annotations

from coach.content.loader import default_content
from coach.domain import Transcript
from coach.scoring import Scorecard, dismissals, score_answer
from coach.scoring.text import clean, sentences


def _card(text: str, qid: str, level: str = "senior") -> Scorecard:
    content = default_content()
    q = content.questions[qid]
    return score_answer(Transcript(text), question=q, round_spec=content.rounds.get(q.round),
                        rubric=content.rubrics.get(q.round), level=level)


COUNTER = ("I would keep a dictionary from each user to a list of their event timestamps and append on every event. "
           "To count the last five minutes I filter the list for timestamps newer than now minus three hundred seconds "
           "and return the length. Old entries can stay, since memory is cheap and the lists stay short. "
           "Concurrency is a non-issue in Python thanks to the interpreter lock, so I would add no locking. "
           "I would test it by adding three events and checking that the count is three.")

EXPLAIN = ("For a credit model I would explain declines with the boosted trees' own feature importance: the features "
           "that matter most overall become the reasons given for each applicant. Partial dependence plots are mostly "
           "academic in a bank because the reviewers never open them. At my last job we sent the top three features "
           "as the reason for every declined application, and the regulator signed off on it.")


def test_a_shortcut_justified_by_certainty_is_held_at_the_wrong_claim_cap_and_quoted() -> None:
    for text, qid, said in ((COUNTER, "cd-sliding-window-counter", "Concurrency is a non-issue"),
                            (EXPLAIN, "ts-interpretability", "Partial dependence plots are mostly academic")):
        card = _card(text, qid)
        assert card.overall <= 2.0, (qid, card.overall)
        gap = next(g for g in card.gaps if g.id == "wrong_claim")
        assert said in gap.evidence
        assert any(said in w.evidence for w in card.wrong_claims)


def test_the_same_shortcut_under_its_condition_or_reported_costs_nothing() -> None:
    sound = ("I would start with gradient-boosted trees on a few hundred tabular columns. As long as the model is a "
             "tree ensemble there is no need to scale the features, because a split only depends on the order of "
             "values. At a used-car marketplace our boosted price model beat a tuned network by four percent mean "
             "absolute error on a month held out in time, and served in two milliseconds on a CPU. I would try a "
             "network when there are many millions of rows with high-cardinality ids or text inputs, and keep the "
             "trees as the bar it must beat on the same split.")
    card = _card(sound, "ts-trees-vs-neural")
    assert not card.wrong_claims and all(g.id != "wrong_claim" for g in card.gaps)
    reported = "People often say there is no need to check calibration after downsampling, which is wrong."
    assert dismissals.waved_away(sentences(clean(reported))) == ()
    denied = "Gradient descent does not always converge to the best clustering, so I would restart it a few times."
    assert dismissals.waved_away(sentences(clean(denied))) == ()


def test_no_answer_graded_three_or_higher_waves_a_concern_away() -> None:
    from coach.eval.graded import CLEAN, load_graded
    fired = [g.id for g in load_graded() if g.part not in CLEAN and g.grade >= 3
             and dismissals.waved_away(sentences(clean(g.text)))]
    assert not fired


def test_an_objection_the_story_reports_is_not_the_candidates_own_shortcut() -> None:
    """"they had no need for ..." tells what another team said; the candidate answering it is the story."""
    from coach.content import default_content
    from coach.scoring import score_answer
    q = default_content().question("bh-cross-team-influence")
    card = score_answer("The billing team objected at first: they saw no reason to change, they had no need for "
                        "hourly features and a migration would eat their quarter. I sat with their lead, showed "
                        "the three incidents stale features had caused them, and offered to write the adapter "
                        "myself. They moved in six weeks, and incidents from stale features dropped to zero.",
                        question=q, level="staff")
    assert not card.wrong_claims, card.wrong_claims
