"""The follow-up goes after the largest real gap on answers like the ones nobody tuned on (written for these tests, in
the shapes an unread set showed): a request to move on to the candidate's own ground in place of the question, and a
story offered in place of the one asked and disowned by its teller, and the goal said back in the interviewer's own
words taken for a trade-off."""
from __future__ import annotations

from tests.fixtures.scoring import exchange, first_follow_up


def test_a_thin_answer_that_asks_to_move_on_to_its_own_ground_is_a_non_answer() -> None:
    text = ("okay so, regularisation, i'll be honest, this isn't something i've spent much time on. the teams i was "
            "on mostly used whatever defaults the library came with, and the models were big tree ensembles where "
            "people tuned the depth and the number of trees and that was it. i know there are l1 and l2 penalties, "
            "i've seen them in the docs, and i think one of them is meant to help with lots of features. on my last "
            "project we shipped a churn model with the default penalty and it did fine. i'd rather not guess at the "
            "details here, could we move on to something closer to the pipeline work i do?")
    assert first_follow_up(text, "ts-regularization") == "non_answer"


def test_a_move_to_the_next_part_of_a_full_answer_is_not_a_redirect() -> None:
    text = ("L1 adds the sum of the absolute weights to the loss and L2 adds the sum of their squares. L1 pushes "
            "weights all the way to exactly zero, so it selects features, which helps with many sparse features; L2 "
            "shrinks every weight smoothly and copes better with correlated features, since it spreads weight across "
            "them instead of picking one. Elastic net mixes both. The strength is a hyperparameter I'd pick by cross-"
            "validation, and features have to be scaled first or the penalty hits them unevenly. Okay if we move on "
            "to how I'd choose between them: on a text model with a million sparse n-grams I used L1 and kept about "
            "four percent of them with no loss in accuracy.")
    assert first_follow_up(text, "ts-regularization") != "non_answer"


def test_a_story_its_teller_says_is_not_the_one_asked_is_a_non_answer() -> None:
    text = ("Good question. I can't think of a big mistake of mine that really hurt a project. I'm careful by nature:"
            " I write the checks first, I ask for reviews early and I keep a list of what could go wrong. The nearest"
            " thing is a launch where another team changed a feature's units without telling us. I caught it in the "
            "shadow run, rolled our model back and walked their lead through the diff, and the launch went out a week"
            " later without a problem. So that's more of an example of fixing someone else's problem than of a "
            "mistake of mine, but it shows how I react under pressure.")
    assert first_follow_up(text, "bh-biggest-mistake") == "non_answer"
    text = ("Honestly I can't think of a time I had to push back on leadership on something big. Our director is very"
            " data driven, so when I bring numbers she listens. The closest I have is when I proposed moving our "
            "batch scoring to a streaming job. I wrote a short doc with the cost and the latency gain, presented it "
            "at the planning review, and it was approved that quarter and went live in six weeks. So it's more of an "
            "example of pitching an idea than of pushing back, but it shows how I work with leadership.")
    assert first_follow_up(text, "bh-pushback-leadership") == "non_answer"


def test_the_goal_said_back_in_the_interviewer_s_words_weighs_nothing() -> None:
    # the cost of one error against the other is the interviewer's fact, said back in words: no option weighed
    text = ("Before I design anything: how many payments a second at peak, how long do we have to decide, and what "
            "does a mistake cost each way? Three thousand a second at the holiday peak, a hundred milliseconds at "
            "p99. A missed fraud costs about twenty times what a wrongly blocked payment costs. And the analysts can "
            "check two thousand payments a day. Good. The request goes to a scoring service that reads velocity "
            "counts for the card, the device and the merchant from a streaming feature store, about fifty features, "
            "and scores them with a gradient-boosted tree model, which takes a couple of milliseconds on a CPU. At "
            "three thousand a second and two milliseconds each that is six cores busy, so twelve with headroom. "
            "Labels come from chargebacks, which arrive weeks later, so I train on payments at least sixty days old "
            "and evaluate on a later window. The threshold is tuned on last quarter's payments, with a review band "
            "sized to what the analysts can check. Monitoring: the block rate and review rate every hour, score "
            "distribution drift, feature null rates, and the chargeback rate by week once labels land, with an alert "
            "when any of them moves.")
    assert first_follow_up(text, "sd-fraud-detection") == "no_tradeoff"
    # the same fact used for a choice of the candidate's own weighs it
    weighed = text.replace("The threshold is tuned on last quarter's payments,",
                           "I'd rather send a few more good payments to review than let fraud through, since a miss "
                           "costs twenty times as much, so the threshold sits low,")
    assert first_follow_up(weighed, "sd-fraud-detection") != "no_tradeoff"


def test_an_input_monitor_said_to_cover_concept_drift_too_is_taken_on() -> None:
    text = ("Data drift means the inputs shift, like a partner app sending us more older customers, while what a "
            "feature says about the label holds. Concept drift means that link changes: after a price rise the same "
            "basket history predicts churn differently. I'd run a nightly job that compares each feature's "
            "distribution on yesterday's traffic with the training set using PSI, alerting above 0.25, and a KS test "
            "on the numeric ones. That job picks up concept drift as well, because when the world changes it shows in "
            "the features. When an alert fires I look at the top features, and if the shift is real I retrain on the "
            "last two months.")
    assert first_follow_up(text, "ts-drift-types") == "wrong_claim"
    gap, asked = exchange("ts-drift-types", [text], level="senior", mode="practice")[0]
    # the claim said back in the candidate's own words, inside the question: no capital mid-sentence
    assert gap == "wrong_claim" and asked.startswith("You said that job picks up concept drift")


def test_after_a_non_answer_the_bank_asks_a_smaller_version_of_its_own_question() -> None:
    # not the generic "what would be your first step here?" after an answer whose first step was "ask the platform
    # team", nor "what is the closest you have come?" after an answer that already offered its closest case
    from coach.followups import choice
    from tests.fixtures.scoring import bundled_content

    content = bundled_content()
    for qid, word in (("ts-interpretability", "rejection"), ("bh-changed-mind", "changed your mind")):
        q = content.question(qid)
        asked = choice.bank_followup(q, "non_answer", [q.prompt], content.gaps)
        assert word in asked and asked.endswith("?")


def test_a_ranking_design_that_weighs_nothing_is_asked_what_it_gave_up_for_latency() -> None:
    from coach.followups import choice
    from tests.fixtures.scoring import bundled_content

    content = bundled_content()
    q = content.question("sd-search-ranking")
    asked = choice.bank_followup(q, "no_tradeoff", [q.prompt], content.gaps)
    assert "give up" in asked and "latency" in asked
