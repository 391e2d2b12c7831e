"""Technical-screen scoring: wrong claims read as concepts (not one wording), and strong technical answers at staff
level not capped below the rubric's top. Every answer here is written for these tests."""
from __future__ import annotations

import pytest

from coach.content.loader import default_content
from coach.domain import Misconception
from coach.scoring import claims, concepts, score_answer
from coach.scoring.calibrate import to_score


@pytest.fixture(scope="module")
def content():
    return default_content()


def _card(content, qid: str, text: str, level: str = "senior"):
    q = content.question(qid)
    return score_answer(text, question=q, round_spec=content.rounds.get(q.round), rubric=content.rubrics.get(q.round),
                        level=level)


def _states(content, qid: str, sentence: str) -> bool:
    return any(claims.states(m, sentence) for m in content.question(qid).misconceptions)


# Wordings no cue regex was written for: the claim, and the right statement in the same words.
@pytest.mark.parametrize("qid, sentence, wrong", [
    ("ts-metric-choice", "when the positive class is tiny I go with the ROC curve since it is the more reliable view",
     True),
    ("ts-metric-choice", "when the positive class is tiny I go with average precision rather than the ROC curve",
     False),
    ("ts-metric-choice", "with a minority class that small the ROC curve can look great while precision is awful",
     False),
    ("ts-bias-variance", "variance is what you get when the model is too rigid to follow the signal", True),
    ("ts-bias-variance", "bias is what you get when the model is too rigid to follow the signal", False),
    ("ts-drift-types", "concept drift just means the input mix moved, say new users from another country", True),
    ("ts-drift-types", "concept drift means the link between the features and the outcome moved", False),
    ("ts-class-imbalance", "class weights are handy because the probabilities stay calibrated afterwards", True),
    ("ts-class-imbalance", "class weights are handy but the probabilities do shift, so I recalibrate afterwards", False),
    ("ts-validation-strategy", "shuffling the rows is the safe default even for forecasting next quarter", True),
    ("ts-validation-strategy", "for forecasting next quarter I never shuffle, I train on the past", False),
    ("ts-interpretability", "the attributions tell us which inputs caused the loan to be declined", True),
    ("ts-interpretability", "the attributions tell us how the model used the inputs, not what caused the decline",
     False),
    ("ts-auc-drop-debug", "I would retrain a few times with fresh seeds and keep the one where the metric recovers",
     True),
    ("ts-auc-drop-debug", "I would diff the data and the code against the last good run before retraining anything",
     False),
    ("ts-ab-testing", "we stop the experiment the moment the p value dips below 0.05", True),
    ("ts-ab-testing", "we do not stop the experiment the moment the p value dips below 0.05", False),
    ("ts-calibration", "the softmax layer already hands you calibrated probabilities", True),
    ("ts-calibration", "the softmax layer hands you numbers that sum to one, not calibrated probabilities", False),
    ("ts-ranking-metrics", "MRR gives credit for all the relevant results further down as well", True),
    ("ts-ranking-metrics", "MRR only looks at the first relevant result, so it suits a single right answer", False),
    ("ts-trees-vs-neural", "gradient boosted trees extrapolate nicely past the largest value they saw", True),
    ("ts-trees-vs-neural", "gradient boosted trees cannot extrapolate past the largest value they saw", False),
    ("cd-kmeans", "with enough iterations k-means lands on the global optimum", True),
    ("cd-kmeans", "k-means settles in a local optimum, not the global optimum, so I restart it a few times", False),
])
def test_claims_are_read_as_concepts_not_phrases(content, qid: str, sentence: str, wrong: bool) -> None:
    assert _states(content, qid, sentence) is wrong


def test_naming_the_wrong_practice_as_a_kind_of_harm_is_not_endorsing_it(content) -> None:
    listing = ("The usual sources of leakage are these: a label proxy such as a chargeback field; aggregates whose "
               "window ends after the prediction time; and a scaler or an encoder fitted on all of the data before "
               "the split.")
    doing = "To keep train and test consistent we standardise everything on the full dataset first, then split it."
    assert not _states(content, "ts-data-leakage", listing)
    assert _states(content, "ts-data-leakage", doing)


def test_a_wrong_central_claim_caps_a_fluent_answer(content) -> None:
    wrong = ("Accuracy is pointless here, since predicting all negatives is right 999 times out of 1000. With so few "
             "positives I would make ROC AUC the headline number, it is the more reliable summary, and then choose "
             "a threshold from precision and recall.")
    right = ("Accuracy is pointless here, since predicting all negatives is right 999 times out of 1000. With so few "
             "positives I would make average precision the headline number instead of ROC AUC, which stays high "
             "even when most alerts are false, and then choose a threshold from precision and recall.")
    bad, good = _card(content, "ts-metric-choice", wrong), _card(content, "ts-metric-choice", right)
    assert [w.claim for w in bad.wrong_claims] == ["ROC AUC is the right headline metric for a rare positive class"]
    assert bad.overall <= 2.0 < good.overall and not good.wrong_claims
    assert "states that ROC AUC is the right headline metric" in bad.gaps[0].evidence      # an acronym keeps its case


STAFF_BASE = ("Bias is the error that stays because the model family is too simple for the pattern, whatever sample "
              "you train on; variance is how much the fitted model moves when you change the training sample, so it "
              "ends up fitting noise. I look at training against validation error: both high and close means bias, a "
              "strong training fit with validation far behind means variance. A learning curve over training-set size "
              "tells me whether more rows would still close the gap. Against bias I add features, grow the model or "
              "relax the regularisation; against variance I get more data, regularise harder, shrink the model, stop "
              "early or average several models.")


def test_a_correct_complete_answer_at_staff_is_not_held_below_the_senior_bar(content) -> None:
    senior = _card(content, "ts-bias-variance", STAFF_BASE, "senior")
    staff = _card(content, "ts-bias-variance", STAFF_BASE, "staff")
    assert senior.overall >= 3.8
    # without any staff signal the answer still meets the rubric's level 4 at staff, and the card says what is missing
    assert to_score(3.0) < staff.overall < senior.overall
    assert set(staff.calibration.staff_missing) == {"limits in production", "the cost of being wrong",
                                                    "a guard for many models"}
    advice = next(line for line in staff.feedback if line.startswith("At staff level"))
    assert "the cost of being wrong" in advice and "beyond your team" not in advice


def test_two_staff_signals_make_the_staff_bar_on_a_technical_answer(content) -> None:
    text = STAFF_BASE + (" In practice the textbook picture breaks on our ranking models: the gap I have seen most often "
                         "was a feature that changed upstream, not variance. So I made a train-versus-validation "
                         "gap check a launch requirement in the shared training pipeline that every team's model "
                         "runs through.")
    card = _card(content, "ts-bias-variance", text, "staff")
    assert not card.calibration.staff_missing
    assert card.overall >= 4.0
    assert any(s.startswith("shows 2 of 3 staff signals") for s in card.calibration.steps)


def test_concept_cues_are_checked_when_the_bank_loads(tmp_path) -> None:
    assert concepts.problems("roc + @favour + rare") == ""
    assert "unknown stance group" in concepts.problems("roc + @nonsense")
    m = Misconception("x", "y", (), concepts=("scal* + whole dataset + @endorse",))
    assert claims.states(m, "we scaled on the whole dataset before splitting")
    assert not claims.states(m, "we never scaled on the whole dataset")


def test_negation_and_contrast_turn_a_mention_round() -> None:
    cue = "roc + @favour + rare | few positives"
    assert concepts.fires(cue, "ROC AUC is better with few positives")
    assert not concepts.fires(cue, "ROC AUC is not better with few positives")
    assert not concepts.fires(cue, "with few positives PR AUC is better than ROC AUC")
    swap = "l1 : zero | sparse ; l2 : smooth* | spreads the weight"
    assert concepts.swapped(swap, "L2 is the one that gives you a sparse model")
    assert not concepts.swapped(swap, "L1 gives you a sparse model while L2 spreads the weight")
    assert not concepts.swapped(swap, "L2 never gives you a sparse model")


# Written in one go after the concept cues landed, and run once before any cue changed: the old regex cues named 5 of
# the 13 wrong ones, the concept cues all 13, with one false fire ("I'd headline average precision since ROC AUC
# hides the false alarms"), after which "hides" joined the harm words.
PROBE = [
 ("ts-metric-choice", "for a one in a thousand problem the area under the ROC curve is what I'd headline, it is the most informative", True),
 ("ts-metric-choice", "for a one in a thousand problem I'd headline average precision since ROC AUC hides the false alarms", False),
 ("ts-bias-variance", "high variance is basically underfitting, the model is too simple", True),
 ("ts-bias-variance", "a model that is too simple has high bias and more data will not rescue it", False),
 ("ts-regularization", "ridge is the one that sets coefficients to exactly zero", True),
 ("ts-regularization", "lasso is the one that sets coefficients to exactly zero", False),
 ("ts-validation-strategy", "for sales forecasting a shuffled k-fold is totally fine", True),
 ("ts-validation-strategy", "for sales forecasting I use a rolling window, training on earlier weeks only", False),
 ("ts-data-leakage", "I usually fit the standard scaler on the entire dataset first and split afterwards", True),
 ("ts-data-leakage", "the scaler is fit on the training fold only and then applied to validation", False),
 ("ts-calibration", "softmax scores are calibrated probabilities out of the box", True),
 ("ts-calibration", "a high AUC says nothing about whether the probabilities are calibrated", False),
 ("ts-class-imbalance", "after undersampling the scores keep their meaning as probabilities", True),
 ("ts-class-imbalance", "after undersampling the scores are inflated, so I correct them with the sampling rate", False),
 ("ts-offline-online-gap", "I would trust the offline evaluation, the online test is probably noise", True),
 ("ts-offline-online-gap", "I would check for training serving skew before trusting either number", False),
 ("ts-drift-types", "data drift is when the relationship between features and the target changes", True),
 ("ts-drift-types", "data drift is when the feature distribution moves while the relationship holds", False),
 ("ts-trees-vs-neural", "a neural net will always win on tabular data these days", True),
 ("ts-trees-vs-neural", "boosted trees are usually the stronger baseline on tabular data", False),
 ("ts-ab-testing", "we end the test once the p-value first goes below 0.05", True),
 ("ts-ab-testing", "we fix the duration in advance and never end the test early", False),
 ("ts-interpretability", "SHAP values show the causal effect of each feature on the decision", True),
 ("ts-interpretability", "SHAP values describe the model, they are not causal effects", False),
 ("ts-loss-functions", "squared error is robust to outliers so I'd use MSE for noisy targets", True),
 ("ts-loss-functions", "absolute error is robust to outliers so I'd use MAE for noisy targets", False),
]



@pytest.mark.parametrize("qid, sentence, wrong", PROBE)
def test_a_probe_written_apart_from_the_cues(content, qid: str, sentence: str, wrong: bool) -> None:
    assert _states(content, qid, sentence) is wrong


@pytest.mark.parametrize("sentence, wrong", [
    ("When the network underfits, I turn up the weight decay.", True),
    ("An L2 penalty gives the model more freedom to fit the training set.", True),
    ("When the network underfits, I turn the weight decay down.", False),
    ("If the model is too simple, adding regularisation only backfires.", False),
    ("Without a penalty the model has more capacity to memorise noise.", False),
])
def test_regularisation_as_a_cure_for_underfitting_is_read_as_an_idea(content, sentence: str, wrong: bool) -> None:
    assert _states(content, "ts-regularization", sentence) is wrong


@pytest.mark.parametrize("sentence, wrong", [
    ("Concept drift is when the mix of users coming in changes, say more tablets.", True),
    ("Data drift is when the same inputs start to bring different outcomes.", True),
    ("Data drift is when the mix of users coming in changes, say more tablets.", False),
    ("Whenever a feature's distribution moves we retrain straight away.", True),
    ("When a feature's distribution moves I first check whether accuracy suffered before retraining.", False),
])
def test_drift_claims_in_new_words(content, sentence: str, wrong: bool) -> None:
    assert _states(content, "ts-drift-types", sentence) is wrong


@pytest.mark.parametrize("sentence, wrong", [
    ("With fraud this rare I'd lean on the ROC curve, since it barely moves with so few positives.", True),
    ("With fraud this rare I'd lean on the precision-recall curve rather than the ROC curve.", False),
    ("I'd keep the cut-off at 0.5, the natural midpoint of a probability.", True),
    ("I would never keep the cut-off at 0.5; it comes from the cost of each kind of mistake.", False),
])
def test_metric_choice_claims_in_new_words(content, sentence: str, wrong: bool) -> None:
    assert _states(content, "ts-metric-choice", sentence) is wrong


def test_a_case_taken_to_other_teams_directors_is_influence() -> None:
    from coach.scoring.calibrate import staff_signals
    assert "influence without authority" in staff_signals(
        "I wrote a short case with the lost hours and took it to the three directors whose teams kept the copies.")
    assert "influence without authority" not in staff_signals("I wrote a short case with the lost hours.")
