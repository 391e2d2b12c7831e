"""Strong technical-screen answers to concept questions, written for these tests (not in the graded set): credited on
the talking points they carry in their own words and on a case from the speaker's own work, at both levels, while
vague or wrong answers stay low."""
from __future__ import annotations

from functools import lru_cache
from typing import Any

import pytest

from coach.domain import Transcript
from coach.scoring import score_answer


@lru_cache(maxsize=1)
def _content() -> Any:
    from coach.content.loader import default_content
    return default_content()


def _score(text: str, qid: str, level: str = "senior") -> Any:
    content = _content()
    q = content.question(qid)
    return score_answer(Transcript(text), question=q, round_spec=content.rounds.get(q.round),
                        rubric=content.rubrics.get(q.round), level=level)


# target leakage told as an example (a refund flag computed after the label time), with no "target leakage" words
LEAKAGE_PLAIN = (
    'Leakage is when a model gets to see, during training, something it could not know at the moment it '
    'makes a real prediction. The nastiest version I have hit was a churn model with a refund flag among '
    'its inputs: refunds are only issued after the customer has cancelled, so the flag was computed after'
    ' the label time and the model was simply reading the outcome. A second way in is time: rolling '
    'counts built from events that happened after the prediction moment, for example when a feature table'
    " is joined on today's snapshot. A third is fitting the scaler or the encoder on all the rows before "
    'splitting. The warning signs are scores that look too good to be true and one feature that dominates'
    ' the importance chart. I prevent it with point-in-time joins on the prediction timestamp and a '
    'pipeline that is fitted on the training fold only.')
# the same ground in the textbook's words, with a case in numbers and a guard in the build
LEAKAGE_CASE = (
    "Data leakage means the training data carries information the model won't have at prediction time, so"
    ' validation looks great and production disappoints. Target leakage is the classic one: in a '
    'chargeback model we had a refund_issued flag that was filled in after the dispute was resolved, '
    'after the label time, and it alone gave an AUC of 0.97. Temporal leakage is when features are '
    'computed with events after the prediction moment, for example a rolling average that includes the '
    'day being predicted. Preprocessing leakage is fitting the scaler or target encoder on the whole '
    'dataset before the split. I catch it with point-in-time feature joins, a pipeline fitted only on the'
    ' training fold, and a check that fails the build if any single feature has more than half of the '
    'importance.')
DRIFT = (
    'Data drift is a shift in the inputs, the mix of what arrives, while the relationship to the label '
    'holds; concept drift is when that relationship itself changes, so the same inputs now mean a '
    'different outcome. On a credit model I ran, data drift showed up when a marketing campaign brought '
    'in much younger applicants: PSI on age went to 0.3 but the default rate per score band stayed put, '
    'so we left the model alone. Concept drift hit after an interest rate rise: the inputs looked the '
    'same, yet defaults at a given score rose by about a third, which we only saw once ninety days of '
    'repayments came in. You watch data drift without labels, PSI or KS per feature and on the score '
    'distribution, and concept drift needs labels or a fast proxy such as early missed payments, plus '
    'calibration by score band. Data drift often just needs a reweight or a retrain on recent data; '
    'concept drift usually means new features or a new target definition. The catch is that PSI alarms on'
    ' harmless features all the time, so I only page on features the model actually leans on.')
IMBALANCE_SPOKEN = (
    'so with a fraud rate of about one in five hundred the first thing is not to look at accuracy at all '
    "because predicting nobody is a fraudster is 99.8 percent accurate I'd use precision recall curves "
    'and PR AUC and then pick the threshold from what a miss costs versus what a false block costs. for '
    'training you can use class weights or downsample the negatives, on our card fraud model we '
    'downsampled negatives ten to one and it trained four times faster with the same PR AUC, but '
    'downsampling inflates the predicted probabilities so you have to correct them for the sampling rate '
    'before anyone treats them as probabilities. SMOTE I mostly avoid on tabular fraud data because the '
    'synthetic points land in places real fraud never goes. and you evaluate on the real distribution, '
    'never on a rebalanced test set, otherwise precision looks far better than it will be live.')
OFFLINE_ONLINE = (
    'When a model wins offline and loses online, I first check the offline evaluation was honest: a '
    'random split on time-ordered data, or a feature that is leaked, makes the offline win fake. Then '
    'training-serving skew: on a search ranker of ours the offline NDCG gain of two points vanished in '
    'the A/B test, and it turned out a price feature was computed from the nightly batch in training but '
    'from a stale cache in serving, so a fifth of requests saw values a day old. Then the metric '
    'mismatch: NDCG on logged clicks is biased towards what the old model showed, so a new model that '
    'surfaces different items is judged on data it never had a chance to earn. And the online test '
    'itself: enough power, novelty effects, and a sample ratio check. To prevent it I log the features at'
    ' serving time and train on those logs, and I replay a day of traffic in shadow before any A/B test.')
VAGUE_LEAKAGE = (
    "Data leakage is basically when data leaks into your model that shouldn't be there. We had a model "
    'once where this happened and the results were too good, so we fixed the pipeline. You have to be '
    'careful with your data and check it properly.')
VAGUE_DRIFT = (
    'Drift is when the model gets worse over time. There are two types, data drift and concept drift, and'
    ' they are pretty similar. We had a model that drifted and we retrained it every week and it was fine'
    ' after that.')


@pytest.mark.parametrize("text,qid", [(LEAKAGE_PLAIN, "ts-data-leakage"), (LEAKAGE_CASE, "ts-data-leakage"),
                                      (DRIFT, "ts-drift-types"), (IMBALANCE_SPOKEN, "ts-class-imbalance"),
                                      (OFFLINE_ONLINE, "ts-offline-online-gap")])
def test_strong_concept_answers_score_as_strong(text: str, qid: str) -> None:
    card = _score(text, qid)
    assert card.overall >= 4.0, card.calibration.steps
    assert not card.wrong_claims, [w.claim for w in card.wrong_claims]


def test_an_example_of_a_feature_computed_after_the_label_carries_target_leakage() -> None:
    card = _score(LEAKAGE_PLAIN, "ts-data-leakage")
    covered = {p.point for p in card.talking_points.covered}
    assert "Target leakage: a feature that is a consequence of the label" in covered, covered
    assert any("case from their own work" in s for s in card.calibration.steps), card.calibration.steps


def test_a_case_from_production_and_a_check_in_the_build_meet_the_staff_bar() -> None:
    card = _score(LEAKAGE_CASE, "ts-data-leakage", level="staff")
    assert "limits in production" not in card.calibration.staff_missing, card.calibration.steps
    assert "a guard for many models" not in card.calibration.staff_missing, card.calibration.steps
    assert card.overall >= 4.0


def test_the_catch_is_that_points_forward_not_back_to_the_sentence_before() -> None:
    # "The catch is that PSI alarms ..." is read alone, not with the sentence about concept drift before it
    card = _score(DRIFT, "ts-drift-types", level="staff")
    assert not card.wrong_claims, [(w.claim, w.sentence) for w in card.wrong_claims]


@pytest.mark.parametrize("text,qid", [(VAGUE_LEAKAGE, "ts-data-leakage"), (VAGUE_DRIFT, "ts-drift-types")])
def test_a_vague_answer_with_a_case_that_shows_nothing_stays_weak(text: str, qid: str) -> None:
    for level in ("senior", "staff"):
        card = _score(text, qid, level)
        assert card.overall <= 2.0, (level, card.calibration.steps)
        assert not any("case from their own work" in s for s in card.calibration.steps)
