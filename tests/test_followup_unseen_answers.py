"""The follow-up goes after the largest real gap on answers like the ones nobody tuned on (written for these tests, in
the shapes an unread set showed): a request to move on to the candidate's own ground in place of the question, and a
story offered in place of the one asked and disowned by its teller."""
from __future__ import annotations

from tests.fixtures.scoring import first_follow_up


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
