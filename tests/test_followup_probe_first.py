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
