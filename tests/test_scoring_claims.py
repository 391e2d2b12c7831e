"""Wrong claims: an answer that states a known misconception is graded as a strong interviewer would (1-2), names
the claim on the card, and is probed; an answer that mentions the misconception to reject it is not flagged."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from coach.commands.score import render
from coach.content import default_content
from coach.content.loader import load_content
from coach.errors import ContentError
from coach.scoring import Scorecard, score_answer

SWAPPED = ("Precision is the share of real positives the model finds, and recall is the share of its positive "
           "predictions that are right. So for fraud you want high precision, because that means you catch all the "
           "fraud. ROC AUC is the best metric for rare classes because it ignores the imbalance.")

# Correct, and it names the usual mistakes only to reject them.
DENIES = ("People often think accuracy is fine here, but it isn't: a model that predicts all negatives scores 99.9 "
          "percent. Precision is the share of flagged cases that really are fraud, and recall is the share of the "
          "real fraud the model catches. ROC AUC can look great on a rare class while precision is poor, so I would "
          "report precision-recall AUC instead. A common mistake is to keep the threshold at 0.5; I pick it from the "
          "cost of a false negative against a false positive, and I check the metrics per merchant segment.")

SPOKEN = ("um so precision is like the share of real positives the model finds and recall is uh the share of its "
          "positive predictions that are right so yeah for fraud you want high precision because then you catch "
          "all the fraud")


def _card(text: str, qid: str = "ts-metric-choice") -> Scorecard:
    content = default_content()
    q = content.question(qid)
    return score_answer(text, question=q, round_spec=content.round(q.round), rubric=content.rubric(q.round),
                        level="senior")


def test_swapped_definitions_score_low_and_name_the_wrong_claims() -> None:
    card = _card(SWAPPED)
    assert card.overall <= 2.0
    claims = [w.claim for w in card.wrong_claims]
    assert any("Precision and recall are swapped" in c for c in claims)
    assert any("ROC AUC" in c for c in claims)
    assert card.gaps[0].id == "wrong_claim"
    # the wrong ROC sentence does not earn the point it contradicts
    covered = {h.point for h in card.talking_points.covered}
    assert not any("Precision-recall AUC" in p for p in covered)
    text = render(card.to_dict())
    assert "Wrong: Precision and recall are swapped" in text and "recall is the share of its positive" in text
    from coach.tui.widgets.scorecard_view import render_card     # the app's card
    assert "Wrong: Precision and recall are swapped" in render_card(card).plain
    back = Scorecard.from_dict(json.loads(json.dumps(card.to_dict())))
    assert back.wrong_claims == card.wrong_claims


def test_an_answer_that_rejects_the_misconceptions_is_not_flagged() -> None:
    card = _card(DENIES)
    assert card.wrong_claims == ()
    assert all(g.id != "wrong_claim" for g in card.gaps)
    assert card.overall > 2.0


def test_speech_without_punctuation_is_read() -> None:
    card = _card(SPOKEN)
    assert any("swapped" in w.claim for w in card.wrong_claims)
    assert card.overall <= 2.0


@pytest.mark.parametrize("qid, wrong, right", [
    ("ts-regularization", "L2 gives sparse weights, so it is the one I use for feature selection.",
     "L2 does not give sparse weights; L1 is the one that zeroes coefficients and does feature selection."),
    ("ts-bias-variance", "High bias means the model is overfitting the training data.",
     "High bias means the model underfits, and high variance means it overfits."),
    ("ts-ab-testing", "I check the p-value every day and stop as soon as it turns significant.",
     "You should not stop as soon as it turns significant; fix the sample size first or use a sequential test."),
    ("ts-trees-vs-neural", "Gradient boosted trees need feature scaling before training.",
     "Unlike a neural network, gradient boosted trees don't need feature scaling."),
    ("cd-auc-from-scratch", "First I pick a threshold and then I compute the AUC from the confusion matrix.",
     "You don't pick a threshold to compute the AUC: sort by score and count the pairs ranked right."),
    ("cd-logistic-regression", "I would minimise the mean squared error of the sigmoid output with gradient descent.",
     "I would minimise log loss instead of mean squared error, because it is convex in the weights."),
])
def test_other_questions_flag_the_claim_and_not_its_correction(qid: str, wrong: str, right: str) -> None:
    assert _card(wrong, qid).wrong_claims
    assert _card(right, qid).wrong_claims == ()


def test_a_cue_that_is_not_a_pattern_is_one_clear_line(tmp_path: Path) -> None:
    root = Path(__file__).resolve().parents[1] / "rubrics"
    copy = tmp_path / "rubrics"
    shutil.copytree(root, copy)
    bank = copy / "questions" / "technical-screen.toml"
    bank.write_text(bank.read_text().replace("cues = [\n", "cues = [\n  '(unclosed',\n", 1))
    with pytest.raises(ContentError) as err:
        load_content(copy, extra_question_dirs=[])
    assert "misconception 1" in str(err.value) and "not a valid pattern" in str(err.value)


def test_no_cue_fires_on_the_banks_own_correct_statements() -> None:
    """A question's talking points and the `right` line of each of its misconceptions are correct statements of
    the topic, some of them naming the wrong practice to say what it breaks: none may read as a wrong claim."""
    from coach.scoring import claims
    from coach.scoring.text import clean, sentences

    fired = []
    for q in default_content().questions.values():
        for text in list(q.talking_points) + [m.right for m in q.misconceptions]:
            for s in sentences(clean(text)):
                fired += [(q.id, m.claim, s.text) for m in q.misconceptions if claims.states(m, s.text)]
    assert fired == []


# Spoken phrasings, wrong and right, written for these tests (the cues were widened on the first four misses).
@pytest.mark.parametrize("qid, sentence, wrong", [
    ("ts-metric-choice", "recall tells you how many of the flagged cases are actually fraud", True),
    ("ts-metric-choice", "precision measures how many of the actual positives we catch", True),
    ("ts-metric-choice", "honestly accuracy is fine as long as you look at it per class", True),
    ("ts-metric-choice", "ROC AUC is better than PR AUC for rare classes", True),
    ("ts-metric-choice", "PR AUC is better than ROC AUC for rare classes", False),
    ("ts-bias-variance", "so high variance basically means the model is underfitting", True),
    ("ts-bias-variance", "if the model underfits it has high bias and more data will not fix that", False),
    ("ts-regularization", "L2 pushes weights to exactly zero so you get a sparse model", True),
    ("ts-regularization", "L1 pushes weights to exactly zero, while L2 just shrinks them", False),
    ("ts-data-leakage", "leakage usually makes your validation score worse", True),
    ("ts-data-leakage", "we normalised on the whole dataset and then split it", True),
    ("ts-calibration", "if the AUC is high it means the model is well calibrated", True),
    ("ts-calibration", "a high AUC does not mean the model is well calibrated", False),
    ("ts-drift-types", "concept drift is when the input distribution changes", True),
    ("ts-drift-types", "data drift is when the input distribution changes and concept drift is when the relationship "
                       "between inputs and labels changes", False),
    ("ts-drift-types", "whenever the mapping from inputs to outcome changes, the inputs will shift as well", True),
    ("ts-drift-types", "a single check covers both kinds, just watch feature PSI", True),
    ("ts-drift-types", "the mapping to the outcome can change while the inputs look the same, so we need labels", False),
    # concept drift said to surface in, or be monitored through, the input statistics alone
    ("ts-drift-types", "concept drift shows up quickly in the feature distributions, so a daily KS check is enough", True),
    ("ts-drift-types", "we monitor concept drift with PSI on the ten most important features", True),
    ("ts-drift-types", "concept drift only shows up once labels arrive, PSI on the inputs will not see it", False),
    # the log loss's gradient told with the sigmoid's derivative, the loss left unnamed
    ("cd-logistic-regression", "for the gradient I take p minus y, multiply by the sigmoid derivative and then by x",
     True),
    ("cd-logistic-regression", "for the gradient I take p minus y times x, the sigmoid derivative cancels out", False),
    ("cd-auc-from-scratch", "the AUC just measures the fraction of positives the classifier gets right", True),
    ("cd-auc-from-scratch", "AUC is the share of positive-negative pairs ranked in the right order, not how many "
                            "examples are correct at one cut-off", False),
    ("cd-top-k-stream", "if memory runs out I'd only count the first ten thousand events and report the top ones", True),
    ("cd-top-k-stream", "a space-saving summary keeps the top ones over the whole stream, the first items are no sample",
     False),
    ("ts-trees-vs-neural", "neural networks will always outperform boosted trees if you have enough data", True),
    ("ts-ab-testing", "the p-value is the probability that the new model is better", True),
    ("ts-ab-testing", "a p-value is not the probability that the new model is better", False),
    ("ts-auc-drop-debug", "maybe the AUC dropped because the threshold changed", False),
    ("ts-auc-drop-debug", "AUC depends on the threshold you pick", True),
    ("ts-loss-functions", "MSE is more robust to outliers than MAE", True),
    ("ts-loss-functions", "MAE is more robust to outliers than MSE", False),
    # a robust loss taken for an imbalance fix, squared error for classes, a quantile loss taken for a speed-up
    ("ts-loss-functions", "when positives are rare I move to a Huber loss so the big class counts for less", True),
    ("ts-loss-functions", "Huber helps with noisy regression targets, and for rare positives I weight the classes", False),
    ("ts-loss-functions", "squared error works for most things, even for classification", True),
    ("ts-loss-functions", "the pinball loss makes training quicker because it ignores most of the targets", True),
    ("ts-loss-functions", "a pinball loss fits the ninetieth percentile, which is the promise we show", False),
    ("ts-interpretability", "SHAP shows you the cause of the rejection", True),
    ("ts-interpretability", "SHAP shows how the model used the features, it does not show the cause", False),
    ("ts-validation-strategy", "I tuned the hyperparameters on the test set", True),
    ("ts-validation-strategy", "tuning hyperparameters on the test set makes its score optimistic", False),
    ("ts-class-imbalance", "we used SMOTE on the whole dataset and then did the split", True),
    ("ts-class-imbalance", "oversampling before the split copies rows into validation", False),
    ("dd-evaluation-rigor", "we stopped the test as soon as it was significant after two days", True),
    ("dd-evaluation-rigor", "we stopped the test as soon as it was significant, and that was a mistake", False),
])
def test_spoken_phrasings(qid: str, sentence: str, wrong: bool) -> None:
    from coach.scoring import claims

    q = default_content().question(qid)
    assert any(claims.states(m, sentence) for m in q.misconceptions) is wrong


def test_a_wrong_claim_with_nothing_right_beside_it_scores_below_one_with_a_right_point() -> None:
    # the rubric's level 1 is "states something incorrect": alone, it is that level whole; with a correct point
    # beside it, the answer sits between levels 1 and 2
    alone = _card("Regularisation is mostly about speed. L2 gives sparse weights, so L2 is the one I reach for when "
                  "I want to drop features, and that is really all there is to it.", "ts-regularization")
    beside = _card("Regularisation adds a penalty on the size of the weights to the loss, which trades a little bias "
                   "for less variance. L2 gives sparse weights, so L2 is the one I reach for when I want to drop "
                   "features.", "ts-regularization")
    assert alone.wrong_claims and beside.wrong_claims
    assert beside.talking_points.covered and not alone.talking_points.covered
    assert alone.overall < beside.overall <= 2.0
    assert any("no point right" in s for s in alone.calibration.steps)


def test_a_practice_named_as_the_premise_of_a_condition_is_not_recommended() -> None:
    from tests.fixtures.scoring import score_for
    spoken = ("undersampling the negatives but only on the training split and if you resample you have to correct the "
              "probabilities afterwards")
    assert not score_for(spoken, "ts-class-imbalance").wrong_claims
    wrong = "I balance the dataset with SMOTE on the full dataset and then split it."
    assert score_for(wrong, "ts-class-imbalance").wrong_claims


@pytest.mark.parametrize("sentence, wrong", [
    ("Data leakage is when the validation set is too small to trust the number.", True),
    ("Leakage basically means you have too little test data.", True),
    ("A small test set gives a noisy metric, but that is not leakage.", False),
])
def test_leakage_told_as_a_small_test_set_is_a_wrong_claim_in_any_round(sentence: str, wrong: bool) -> None:
    """Tried as a new user would: "Leakage is basically when your test set is too small" scored 2.0 with no flag."""
    from coach.scoring import score_answer

    card = score_answer(sentence + " I would use cross-validation to get a steadier estimate.",
                        question=default_content().question("ts-data-leakage"))
    assert bool(card.wrong_claims) is wrong


def test_a_bloom_filter_said_to_count_is_caught_and_one_used_for_membership_is_not() -> None:
    from coach.content import default_content
    from coach.scoring import score_answer
    q = default_content().question("cd-top-k-stream")
    wrong = score_answer("When the items no longer fit in memory, I'd track how often each one shows up using a Bloom "
                         "filter, then keep the k largest in a heap.", question=q)
    assert any("Bloom filter" in w.claim for w in wrong.wrong_claims), wrong.wrong_claims
    right = score_answer("A Bloom filter in front keeps one-off items out of the table; their counts stay in a hash "
                         "map and a heap of size k holds the leaders.", question=q)
    assert not any("Bloom filter" in w.claim for w in right.wrong_claims)


def test_the_wrong_claim_gap_reads_as_one_sentence() -> None:
    """A claim that opens with "A" is lower-cased inside the gap's sentence; an acronym is not."""
    from coach.content import default_content
    from coach.scoring import score_answer
    q = default_content().question("ts-calibration")
    card = score_answer("If the AUC is high the model is calibrated, that's how I always check it.", question=q)
    line = next(g.evidence for g in card.gaps if g.id == "wrong_claim")
    assert "states that a model" in line, line


@pytest.mark.parametrize("sentence, wrong", [
    ("The AUC is just the average of the recall and the specificity at the 0.5 cut-off, so it is one pass.", True),
    ("I would work the area under the curve out as the mean of the TPR and the TNR from the confusion matrix.", True),
    ("Averaging sensitivity and specificity at 0.5 gives balanced accuracy; the AUC needs every threshold.", False),
    ("AUC is the chance a random positive scores above a random negative, with ties counted as half.", False),
])
def test_auc_from_one_threshold_is_a_wrong_claim(sentence: str, wrong: bool) -> None:
    """Tried as a new user would: AUC worked out as balanced accuracy at 0.5 scored 2.3 with no flag."""
    card = score_answer(sentence + " I would test it on a small list of scores.")
    assert bool(card.wrong_claims) is wrong


@pytest.mark.parametrize("sentence, wrong", [
    ("A four point fall in AUC is ordinary run-to-run noise for a model like this, so I would rerun it.", True),
    ("Our AUC bounces around by a couple of points across random seeds, so I wouldn't read much into it.", True),
    ("Seed noise on this model is a few tenths of a point, so a four point fall in AUC is real.", False),
    ("I would first compare the drop against the spread over a few seeds before touching anything.", False),
])
def test_whole_auc_points_called_seed_noise_is_a_wrong_claim(sentence: str, wrong: bool) -> None:
    """Tried as a new user would: "three AUC points is within seed noise" scored 3.1 with no flag."""
    card = score_answer(sentence + " Then I would diff the training data against the last good run.")
    assert bool(card.wrong_claims) is wrong


def test_drift_kinds_said_to_be_one_thing_and_both_caught_on_the_inputs_are_named_wrong() -> None:
    """Tried as a new user would: "Data drift and concept drift are really the same thing ... The way to detect either
    is to monitor the input features with PSI" scored 2.2 with no wrong claim named."""
    from tests.fixtures.scoring import score_for

    text = ("Concept drift and data drift are basically the same, the model just gets worse over time. To catch "
            "either kind you watch the feature distributions with a KS test and retrain when it fires.")
    claims = {w.claim for w in score_for(text, "ts-drift-types").wrong_claims}
    assert "Data drift and concept drift are the same thing" in claims
    assert "Concept drift can be seen from the inputs alone" in claims
    right = ("Data drift and concept drift are different: with data drift the inputs move, with concept drift the "
             "relation to the label changes, so I watch feature distributions for the first and labelled accuracy for "
             "the second.")
    assert not score_for(right, "ts-drift-types").wrong_claims
