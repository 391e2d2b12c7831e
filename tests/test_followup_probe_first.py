"""What a strong interviewer probes first after an answer, on answers written for these tests: the part of the
question left unanswered, a choice never weighed, a figure that does not follow from its own inputs."""
from __future__ import annotations

from tests.fixtures.scoring import first_follow_up, score_for


def _missed(text: str, qid: str) -> list[str]:
    return [p.point for p in score_for(text, qid).talking_points.missed]


def test_a_word_another_point_names_does_not_cover_the_half_of_the_question_left_out() -> None:
    # "probabilities" belongs to the definition here, not to when calibration matters, which is never said
    text = ("Calibrated means the scores behave like probabilities: of the emails scored near zero point two, about "
            "a fifth turn out to be spam. To measure it I bin the scores, compare each bin's mean score with its "
            "spam rate, and draw the reliability diagram, or report the Brier score. Platt scaling or isotonic "
            "regression on a held-out month fixes it, and downsampling the negatives distorts it, so that needs a "
            "correction afterwards.")
    assert any("matters" in p for p in _missed(text, "ts-calibration"))
    assert first_follow_up(text, "ts-calibration") == "missing_point"


def test_a_quadratic_auc_is_asked_about_the_sort_not_about_a_trade_off() -> None:
    # "ranking" is the definition's word: it does not say the scores were sorted
    text = ("AUC is the chance a random positive outscores a random negative, so I count it directly: a double loop "
            "over positives and negatives, one for a win and a half for a tie, divided by the number of pairs. "
            "With no positives or no negatives I raise an error, since it is undefined. My tests: a perfect "
            "ranking gives one, a reversed ranking gives zero, and a brute force count on five pairs by hand.")
    assert any(p.startswith("Sort by score") for p in _missed(text, "cd-auc-from-scratch"))
    assert first_follow_up(text, "cd-auc-from-scratch") == "missing_point"


def test_an_experiments_arms_compared_are_not_a_trade_off_weighed() -> None:
    # every choice asserted; "versus the current feed" compares an experiment's arms, it weighs no option
    text = ("First, what's the peak load and the latency budget? Say twenty thousand requests a second and a hundred "
            "milliseconds at p99. Candidates come from a two-tower model and a gradient-boosted ranker orders them: "
            "twenty thousand requests times three hundred candidates is six million scores a second, and at thirty "
            "thousand scores a second per core that is about two hundred cores. Features live in an in-memory store fed by a streaming job. I'd launch it in an A/B "
            "experiment, watch clicks per session versus the current feed, and put dashboards and alerts on p99 "
            "latency and on drift in the feature distributions, with a rollback if the guardrails drop.")
    assert first_follow_up(text, "sd-home-recommendations") == "no_tradeoff"
    weighed = ("I'd pick the gradient-boosted ranker over a deep model because it serves on CPUs; the price is "
               "some accuracy on sparse features.")
    assert first_follow_up(text + " " + weighed, "sd-home-recommendations") != "no_tradeoff"


def test_a_point_said_wrong_is_probed_and_counted_as_the_labelled_missed_point() -> None:
    from coach.content import default_content
    from coach.eval import followup_gaps

    # the labels have no wrong claim: a misconception stated is a talking point said wrong
    case = {"id": "own-swap", "set": "own", "round": "technical-screen", "question": "ts-regularization",
            "top_gap": "missing_point", "text": (
                "Both put a price on large weights in the loss. L2, the squared penalty, drives most of the "
                "coefficients to exactly zero, a sparse model that picks its own inputs, and L1 just shrinks every "
                "weight a little. The strength is tuned on validation data, on a log scale, after standardising the inputs, "
                "and elastic net mixes the two.")}
    content = default_content()
    result = followup_gaps.report([case], content, lambda c, ct: ct.question(c["question"]))
    assert result["gap_accuracy"] == 1.0
    assert followup_gaps.aim(case, content.question("ts-regularization"), content).gap == "wrong_claim"
    assert not followup_gaps.agrees("no_tradeoff", "wrong_claim")
