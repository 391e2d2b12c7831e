"""Strong technical-screen answers about experiments, said in plain words: the launch rule fixed before the test,
the offline metric named as something other than what users care about, the unit of randomisation chosen over
another with a reason, and an experiment told by its arms all earn their credit."""
from __future__ import annotations

import pytest

from coach.scoring import score_answer
from coach.scoring.signals import production_concepts, tradeoff_evidence
from coach.scoring.text import clean, sentences


def _covered(question_id: str, said: str) -> set[str]:
    from coach.content import default_content

    question = default_content().questions[question_id]
    return {h.point for h in score_answer(said, question=question).talking_points.covered}


def test_a_launch_rule_fixed_before_the_test_covers_the_launch_point() -> None:
    said = ("We agree up front that the new ranker goes live only if revenue per visitor climbs by a percent or more "
            "and page time stays flat.")
    assert "Decide in advance what result leads to launch" in _covered("ts-ab-testing", said)
    said = "Before the first user is bucketed I note which result ships the new model and which one kills it."
    assert "Decide in advance what result leads to launch" in _covered("ts-ab-testing", said)
    for not_a_rule in ("I watch the chart each morning and ship it the day it turns green.",
                       "Before it begins I pick the single number that settles the comparison."):
        assert "Decide in advance what result leads to launch" not in _covered("ts-ab-testing", not_a_rule)


def test_an_offline_target_that_is_not_what_users_care_about_is_the_proxy_point() -> None:
    said = ("Offline we tuned for watch starts, but subscribers care about finishing a show, and the test counted "
            "finished episodes.")
    point = "The offline metric is a weak proxy for the online business metric"
    assert point in _covered("ts-offline-online-gap", said)


@pytest.mark.parametrize("said", [
    "I'd assign buckets by account, not by device, so a family sharing one login stays in one group.",
    "We count a view per user and not per page load, because retries inflate page loads.",
])
def test_one_unit_chosen_over_another_with_a_reason_weighs_an_alternative(said: str) -> None:
    assert tradeoff_evidence(sentences(clean(said)))


@pytest.mark.parametrize("said", [
    "The index lives in memory, not in the cache.",
    "That works by hand, not by script.",
])
def test_two_places_named_without_a_reason_are_not_a_choice_weighed(said: str) -> None:
    assert not tradeoff_evidence(sentences(clean(said)))


def test_an_experiment_told_by_its_arms_is_an_experiment() -> None:
    assert "a/b test" in production_concepts("We need roughly eighty thousand sessions in each arm to see it.")
    assert "a/b test" in production_concepts("The treatment group came out two percent short of half.")
    assert "a/b test" not in production_concepts("The crane has a long arm and two legs.")


@pytest.mark.parametrize("said", [
    "A bounded heap keeps memory at k items, far cheaper than holding every count and sorting them at the end.",
    "Refitting only the last layer each night is quicker than retraining the encoder from scratch.",
])
def test_one_way_set_against_doing_another_weighs_an_alternative(said: str) -> None:
    assert tradeoff_evidence(sentences(clean(said)))


@pytest.mark.parametrize("said", [
    "The first version was better than nothing.",
    "Recall came out better than expected on the new region.",
])
def test_a_result_compared_with_nothing_or_hopes_is_not_a_choice_weighed(said: str) -> None:
    assert not tradeoff_evidence(sentences(clean(said)))


def test_each_case_matched_to_its_own_answer_weighs_an_alternative() -> None:
    said = ("If the scores feed a bid we need them calibrated to the cent, whereas for ordering a feed the raw scores "
            "are fine.")
    assert tradeoff_evidence(sentences(clean(said)))
    told = "The old team used Spark whereas in our group everybody wrote plain Python."
    assert not tradeoff_evidence(sentences(clean(told)))


def test_quality_read_once_the_labels_arrive_is_how_concept_drift_is_seen() -> None:
    said = ("I'd track PSI on each input and the calibration error once the labels arrive, which for loans can take "
            "months.")
    assert "Concept drift needs labels or proxies: performance over time" in _covered("ts-drift-types", said)


def test_a_pipeline_change_lined_up_with_the_drop_is_the_code_and_config_diff() -> None:
    said = "I'd list every pipeline change merged between the good run and this one and line them up with the drop."
    covered = _covered("ts-auc-drop-debug", said)
    assert "Check the code and config diff: features, preprocessing, hyperparameters" in covered


def test_a_gain_bought_at_some_loss_weighs_an_alternative() -> None:
    said = "Sampling a tenth of the rows each pass makes an epoch ten times shorter, at a small cost in accuracy."
    assert tradeoff_evidence(sentences(clean(said)))
    assert not tradeoff_evidence(sentences(clean("We were at a loss for words when the bill arrived.")))


def test_the_other_way_taken_after_the_one_named_weighs_an_alternative() -> None:
    said = "Scanning the whole table for every lookup is linear. Instead I'd build an index once and answer in log n."
    assert tradeoff_evidence(sentences(clean(said)))
    assert not tradeoff_evidence(sentences(clean("Nobody asked us instead.")))


def test_a_cluster_that_goes_empty_is_an_edge_case_in_the_coding_round() -> None:
    from coach.scoring.rubric import _code_care

    assert "edge cases" in _code_care("If a bucket goes empty after a pass I refill it from the largest one.")


def test_a_consequence_tied_to_its_cause_is_a_reason_in_an_explanation() -> None:
    from coach.content import default_content

    question = default_content().questions["ts-drift-types"]
    said = ("Data drift is the inputs moving, say a new city joins, so the feature histograms shift while the mapping "
            "to the label holds. Concept drift is the mapping moving, so the same inputs now lead to other outcomes.")
    steps = score_answer(said, question=question).calibration.steps
    assert any("gives a reason" in s for s in steps)
    listed = "Data drift is the inputs moving. Concept drift is the mapping moving. So, um, those are the two."
    steps = score_answer(listed, question=question).calibration.steps
    assert not any("gives a reason" in s for s in steps)


def test_sizing_the_test_from_the_effect_to_catch_is_the_power_point() -> None:
    said = "Renewals move slowly, and the smaller the effect we want to see, the longer the test has to run."
    point = "Power analysis: minimum detectable effect, sample size and duration"
    assert point in _covered("ts-ab-testing", said)


def test_a_limit_set_on_ones_own_remedy_with_its_reason_weighs_an_alternative() -> None:
    said = "I'd page on a spike in null rates, but I wouldn't page on every small wobble since people stop reading pages."
    assert tradeoff_evidence(sentences(clean(said)))
    assert not tradeoff_evidence(sentences(clean("It failed twice, but we don't know why since nobody kept logs.")))
