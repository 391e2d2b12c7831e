"""A wrong claim said on a ground of its own, or in a shape the bank's cues did not foresee, is still caught: a
shortcut in training logistic regression justified by something other than convexity, bias and variance swapped
with "that's your ... problem", a remedy given to the wrong problem by name ("for bias the fix is ..."), shuffled
folds credited with cancelling drift, a random split as the default for a forecast. The right statement in the same
shape is not flagged: an "if" that opens the next case ties nothing across it, and "keeping in mind that ..." keeps
nothing. The answers are new, written for this test."""
from __future__ import annotations

import pytest

from tests.scored import claims_for

CASES = [
    ("cd-logistic-regression", "Standardising the inputs is not needed here, since the sigmoid maps any score into the "
                               "unit interval regardless.", "no feature scaling"),
    ("cd-logistic-regression", "The step size is not important; a tiny one only means waiting longer for the same "
                               "weights.", "no feature scaling"),
    ("ts-bias-variance", "When the training loss sits near zero but the validation is much higher, that's our bias "
                         "problem right there.", "swapped"),
    ("ts-bias-variance", "Once it is clear the trouble is bias, for bias the cure is basically more examples, so the "
                         "model sees enough of the signal.", "more data"),
    ("ts-validation-strategy", "Random folds smooth out the seasonal effects, because each fold mixes every month "
                               "together.", "shuffled folds"),
    ("ts-validation-strategy", "My default for a sales forecast is shuffled five-fold, the same as for any tabular "
                               "model.", "random split"),
    ("ts-metric-choice", "Precision measures what share of the genuine defaults the model picked up.", "swapped"),
    ("ts-offline-online-gap", "Offline it is clearly ahead, so the live test must have a bug somewhere.", "a/b test"),
    ("ts-offline-online-gap", "Since it wins offline by two points, it will win in the A/B test as well.",
     "guarantees"),
    ("ts-ranking-metrics", "NDCG does not care how far down the list the good result lands.", "position"),
    ("ts-ranking-metrics", "I would score the ranker by the squared error against the graded relevance.",
     "squared error"),
    ("ts-loss-functions", "With a rare class, Huber is how we deal with the imbalance.", "huber"),
    ("cd-top-k-stream", "Every worker keeps its local top 100 and the driver merges the lists and keeps the top 100 of "
                        "them.", "top-k lists"),
    ("cd-top-k-stream", "Past a few million ids I switch to a count-min sketch, which gives the true counts in far less "
                        "memory.", "exact counts"),
    ("cd-stratified-split", "A seventy-thirty split of the rows at random keeps every user on one side.", "one side"),
    ("cd-stratified-split", "Honestly it is fine if a customer lands in both train and test.", "harmless"),
]
RIGHT = [
    ("ts-metric-choice", "Precision tells you how many of the flagged loans really default; recall tells you how many "
                         "of the defaults we caught."),
    ("ts-offline-online-gap", "Winning offline will not necessarily carry over to the live test."),
    ("ts-auc-drop-debug", "The AUC does not move with the threshold, because it is summed across thresholds."),
    ("cd-top-k-stream", "Every worker sends its full counts, and the driver adds them up before keeping the top 100."),
    ("cd-logistic-regression", "The step size is important: too large and the loss oscillates, too small and a fixed "
                               "budget of steps stops short."),
    ("cd-logistic-regression", "Scale the inputs first, otherwise one learning rate is too big for the wide columns."),
    ("ts-bias-variance", "If both errors are high it's bias, if the training error is low and the validation is much "
                         "higher, the gap is variance."),
    ("ts-bias-variance", "For bias the fix is a richer model, and for variance the fix is more data or stronger "
                         "regularisation."),
    ("ts-validation-strategy", "Shuffled folds do not wash out the trend; every fold still trains on weeks after the ones "
                               "it scores."),
    ("ts-class-imbalance", "Downsample the negatives, keeping in mind that this moves the predicted probabilities, so "
                           "they are corrected back to the true base rate before anyone reads them."),
]


@pytest.mark.parametrize("qid, text, claim", CASES)
def test_the_wrong_claim_is_caught(qid: str, text: str, claim: str) -> None:
    assert any(claim in c for c in claims_for(qid, text)), claims_for(qid, text)


@pytest.mark.parametrize("qid, text", RIGHT)
def test_the_right_statement_in_the_same_shape_is_not_flagged(qid: str, text: str) -> None:
    assert claims_for(qid, text) == []


# The field's common misconceptions (rubrics/misconceptions.toml), said in plain words a bank did not foresee.
FIELD = [
    ("Our GBM extrapolates the upward trend smoothly past the last month it saw.", "extrapolate"),
    ("Bagging mostly lowers the bias, which is why forests beat single trees.", "bagging"),
    ("A p-value of 0.01 says there is a 99 percent chance the variant is better.", "p-value"),
    ("At temperature zero the replies are factual, so no review is needed.", "temperature zero"),
    ("Hashing the phone numbers makes the table anonymous.", "hashing"),
    ("Going from four GPUs to eight, doubling them, cuts the epoch time in half.", "doubling"),
    ("At serving time dropout stays active, so the outputs are smoothed.", "dropout"),
    ("Vectors from the retrained model and from last year's model can be compared directly in one index.",
     "embeddings"),
    ("With a one percent default rate, 98 percent accuracy meant the model was working well.", "accuracy"),
    ("A one-hot column per value is fine for a field with forty million distinct values.", "one-hot"),
    # a claim drawn across "so" through a negation it is made of: "..., so monitoring is not needed"
    ("The models are retrained nightly, so monitoring them is not something we need.", "retrain"),
    ("With autoscaling in place we do not need to plan capacity for the sale.", "autoscaling"),
    ("The canary ran with zero errors for a day, which proves the new ranker is better.", "canary"),
    ("Running it in shadow tells us how users react to the new ranker.", "shadow"),
    ("We do not need to worry about label delay on the churn model.", "label delay"),
    ("Fine-tuning it on the help articles keeps it from hallucinating.", "fine-tuning"),
    ("A shared embedding per user serves search, ads and feed ranking just as well as their own.", "embedding"),
    # a process or a problem declared settled with certainty (rubrics/answer_words.toml [waved_away])
    ("Tune nothing: with enough epochs the optimiser always gets there.", "waved away"),
]
FIELD_RIGHT = [
    "Our GBM cannot extrapolate the trend past the last month it saw, so we model the trend separately.",
    "Bagging mostly lowers the variance; boosting is what lowers the bias.",
    "Dynamic batching raises throughput, though each request may wait a few milliseconds more.",
    "Dropout is switched off at serving time.",
    "Vectors from the retrained model cannot be compared directly with last year's.",
    "One embedding will not serve search and ads equally well, so each team trains a small head on top.",
    "The models are retrained nightly, so nothing stale is ever served, and we still monitor them daily.",
]


def _field_claims(text: str) -> list[str]:
    from coach.scoring.claims import scan
    from coach.scoring.dismissals import waved_away
    from coach.scoring.text import clean, sentences

    sents = sentences(clean(text))
    found = [w.claim.lower() for w in scan(None, sents)[0]]
    return found + ["waved away" for _ in waved_away(sents)] if not found else found


@pytest.mark.parametrize("text, topic", FIELD)
def test_a_common_misconception_in_plain_words_is_caught(text: str, topic: str) -> None:
    assert _field_claims(text), topic


@pytest.mark.parametrize("text", FIELD_RIGHT)
def test_the_right_statement_of_a_common_misconception_is_not_flagged(text: str) -> None:
    assert _field_claims(text) == []


def test_k_means_shortcuts_are_caught_and_partial_sums_are_not() -> None:
    assert any("average the centroids" in c for c in claims_for(
        "cd-kmeans", "For data that does not fit, run the full algorithm per shard and then take the mean of the "
                     "centroids the shards return."))
    assert any("starting centres" in c for c in claims_for(
        "cd-kmeans", "The seeding is cosmetic; k-means++ is random picks with more work."))
    assert claims_for("cd-kmeans", "Per shard I assign points and send back per-centroid sums and counts, and the driver "
                                "averages them into the new centroids.") == []
