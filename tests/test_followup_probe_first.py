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


def test_a_plan_told_for_a_story_question_is_asked_for_the_story_not_its_outcome() -> None:
    # no event told, only what the candidate would do: the outcome of a story never told cannot be probed
    text = ("well, if I disagreed with my manager on something technical, I'd first make sure I really understood "
            "their reasoning, because usually there's context I don't have, maybe a deadline or a promise to another "
            "team. I'd write down both options with what each costs, ideally with a small benchmark, and I'd bring "
            "that to a one on one rather than arguing in a meeting. If we still disagreed I'd suggest a time-boxed "
            "trial of one option with a clear measure, and I'd commit to whatever we decided, even if it wasn't my "
            "choice, because a team pulling two ways is worse than either option.")
    assert len(text.split()) > 80
    card = score_for(text, "bh-disagreement")
    assert card.gaps[0].id == "non_answer" and "what they would do" in card.gaps[0].evidence
    assert first_follow_up(text, "bh-disagreement") == "non_answer"
    told = text.replace("if I disagreed with my manager on something technical, I'd first make sure",
                        "last year my manager wanted one shared embedding for every team, and I disagreed. I made sure")
    assert score_for(told, "bh-disagreement").gaps[0].id != "non_answer"


def test_a_deflection_that_offers_another_topic_is_a_non_answer_not_off_topic() -> None:
    # none of the question's words, but not an answer to another question by mistake: it declines and offers one
    text = ("honestly I've never thought much about that side of things, whatever came with the template was what I "
            "used. where I've put my energy is the release process: the review checklist, the staging environment "
            "and who signs off. I'm happy to walk you through how that release process runs instead if that's more "
            "useful to you.")
    card = score_for(text, "ts-loss-functions")
    assert card.gaps[0].id == "non_answer" and "something else" in card.gaps[0].evidence
    assert first_follow_up(text, "ts-loss-functions") == "non_answer"


def test_a_named_tension_is_a_trade_off_so_a_design_that_ends_at_the_ramp_is_asked_what_it_watches() -> None:
    text = ("Can I check the traffic and the latency budget first? Say ten thousand uploads a minute and two seconds "
            "to decide. A small image classifier runs on every upload on CPUs, and anything it is unsure about goes "
            "to a larger model on four GPUs. The real tension is recall against reviewer load: a lower threshold "
            "catches more but floods the queue, so I'd set it where the queue stays under a day of work. I'd "
            "retrain weekly on the reviewers' decisions, and roll the new model out to five percent of uploads, then "
            "all of them once the appeal rate holds.")
    assert first_follow_up(text, "sd-image-moderation") == "no_monitoring"


def test_a_short_story_told_only_as_we_is_asked_for_the_candidates_part() -> None:
    text = ("The largest was the search ranking service at my last company: about forty thousand queries a second "
            "across web and mobile. We replaced the hand-tuned scoring with a learned ranker and moved the features "
            "to a streaming pipeline. Over that year we raised click-through on the first result by about four "
            "percent, with no change in latency.")
    assert first_follow_up(text, "rc-biggest-system") == "we_not_i"
    mine = text.replace("We replaced", "I led the move that replaced")
    assert first_follow_up(mine, "rc-biggest-system") != "we_not_i"


def test_options_listed_but_one_taken_every_time_are_asked_when_it_would_be_wrong() -> None:
    listed = ("For a tabular problem I'd weigh gradient-boosted trees against a network: trees handle mixed types and "
              "missing values and train fast, while a network earns its place instead of trees with huge data or "
              "text and image inputs. Serving cost and interpretability matter too, and I'd start from a baseline "
              "and let an offline comparison decide.")
    habit = " In practice I go with boosted trees every time, it's what I've always done."
    assert first_follow_up(listed, "ts-trees-vs-neural") != "no_tradeoff"
    card = score_for(listed + habit, "ts-trees-vs-neural")
    assert "no_tradeoff" in {g.id for g in card.gaps}
    assert any("every time" in g.evidence for g in card.gaps if g.id == "no_tradeoff")
