"""Technical answers judged as a careful engineer would: a ranking metric defined as another one is a wrong claim;
the staff bar of a technical screen or a design heard in plain words (a decision rule written down before the test,
a review any team can bring its work to, the work split between two named teams, capacity planned for a peak said
as a multiple of the average). The sentences are new, written for this test."""
from __future__ import annotations

import pytest

from coach.domain import Question
from coach.scoring import claims, score_answer
from coach.scoring.staff import STAFF_SIGNALS
from coach.scoring.text import clean, sentences


def _fires(text: str) -> list[str]:
    return [w.claim for w in claims.scan(None, sentences(clean(text)))[0]]


@pytest.mark.parametrize("text", [
    "NDCG is really just the mean of the precision at every rank, scaled so a perfect list scores one.",
    "For the shop search I would report NDCG at twenty, which is an average of precisions down the list.",
])
def test_ndcg_defined_as_averaged_precision_is_a_wrong_claim(text: str) -> None:
    assert any("NDCG" in c for c in _fires(text)), text


@pytest.mark.parametrize("text", [
    "NDCG discounts each result's graded gain by the log of its rank and divides by the best possible ordering.",
    "Unlike MAP, which averages the precision at each relevant hit, NDCG can use graded labels.",
])
def test_the_right_definition_of_ndcg_is_not_flagged(text: str) -> None:
    assert not any("NDCG" in c for c in _fires(text)), text


def test_a_decision_rule_written_down_before_the_test_weighs_the_cost_of_being_wrong() -> None:
    sig = STAFF_SIGNALS["the cost of being wrong"]
    assert sig.search("Refund rate and support tickets are guards, each with a limit we wrote down up front.")
    assert not sig.search("We wrote down the results in the weekly notes.")


def test_a_review_any_team_can_bring_its_work_to_guards_many_models() -> None:
    sig = STAFF_SIGNALS["a guard for many models"]
    assert sig.search("I started a fortnightly launch clinic where any team can bring a model before it ships.")
    assert not sig.search("Any model can overfit if you let it.")


def test_the_work_split_between_two_named_teams_is_scope_and_an_organisation_trade_off() -> None:
    text = ("The search team runs the retrieval service and its index, and the catalogue team owns the product "
            "attributes it reads.")
    assert STAFF_SIGNALS["scope across teams"].search(text)
    assert STAFF_SIGNALS["organisation-level trade-off"].search(text)
    assert not STAFF_SIGNALS["organisation-level trade-off"].search("The ranking service owns the final order.")


def test_capacity_planned_for_a_peak_said_as_a_multiple_is_headroom() -> None:
    sig = STAFF_SIGNALS["cost and headroom"]
    assert sig.search("Evenings peak at about three times the daily mean, so we size for roughly 9,000 lookups a "
                      "second.")
    assert not sig.search("Evenings are busier, and we look at the peak on a dashboard.")


# ---- a share of a figure, and what wrong arithmetic does to a talking point ------------------------------------------

@pytest.mark.parametrize("cid, text, step, right", [
    ("share-right", "The app logs eight million sessions a day. About 5 percent of them end in a crash report, so "
     "some 400,000 reports a day reach triage.", None, 0),
    ("share-wrong", "The app logs eight million sessions a day. About 5 percent of them end in a crash report, so "
     "some 40,000 crash reports a day reach triage.", "share", 400_000),
    ("share-of-the-count-wrong", "Roughly 15 percent of the 4 million monthly listeners pay, that is 60,000 "
     "listeners.", "share", 600_000),
    ("share-grown-right", "We serve 12,000 lookups a second today and expect 50 percent more by spring, which is "
     "18,000 lookups a second.", None, 0),
    ("share-in-a-window-left-alone", "Two million orders a day, and 30 percent come in a four-hour evening window, "
     "so about 42 orders a second then.", None, 0),
])
def test_a_share_of_a_figure_is_checked(cid: str, text: str, step: str | None, right: float) -> None:
    flagged = [c for c in score_answer(text).sizing.checks if not c.ok]
    if step is None:
        assert not flagged, [c.message for c in flagged]
        return
    hit = [c for c in flagged if c.rule == step]
    assert hit, [c.message for c in flagged]
    assert hit[0].expected == pytest.approx(right, rel=0.1)


def test_a_point_attempted_with_wrong_arithmetic_is_not_covered() -> None:
    q = Question(id="x", round="system-design", levels=("senior",), prompt="Design a vector search service.",
                 assesses="", talking_points=("Memory math for the index and how many machines hold it",),
                 keywords=(("memory", "machines hold"),))
    right = "Forty million vectors of 512 float32 dimensions is about 82 GB of memory, so two 64 GB machines hold it."
    wrong = "Forty million vectors of 512 float32 dimensions is about 8 GB of memory, so one small machine holds it."
    assert score_answer(right, question=q).talking_points.covered
    assert not score_answer(wrong, question=q).talking_points.covered


# ---- wrong claims said fluently, and a test said in full ------------------------------------------------------------

@pytest.mark.parametrize("text, claim", [
    ("We fit the category means over the entire dataset for target encoding, and that is safe.", "Target encoding"),
    ("Cross-entropy is all I reach for, it works for everything.", "cross-entropy"),
    ("Squared error is obsolete now, nobody uses it.", "Squared error is obsolete"),
])
def test_a_fluent_wrong_claim_is_caught(text: str, claim: str) -> None:
    assert any(claim in c for c in _fires(text)), (text, _fires(text))


@pytest.mark.parametrize("text", [
    "Cross-entropy doesn't suit every problem; for a delivery promise a pinball loss fits better.",
    "For a regression target squared error is still the default, and Huber when the labels are noisy.",
    "We fit the target encoding on the training folds only, never over the whole dataset.",
])
def test_the_right_statement_is_not_flagged(text: str) -> None:
    assert not _fires(text), (text, _fires(text))


def test_a_drift_test_said_in_full_covers_the_detection_point() -> None:
    q = Question(id="x", round="technical-screen", levels=("senior",), prompt="How do you catch drift?", assesses="",
                 talking_points=("Detect drift on features without labels, using PSI, KS tests or distances",),
                 keywords=(("psi", "ks test", "distance"),))
    said = "Each night I compare the population stability index of every input against last month's."
    assert score_answer(said, question=q).talking_points.covered


def test_a_sizing_point_is_not_made_when_the_sizing_went_wrong() -> None:
    """The sizing point is the arithmetic: its inputs said in another sentence do not make it when the figure worked
    out from them is wrong."""
    q = Question(id="x", round="system-design", levels=("senior",), prompt="Design photo moderation.", assesses="",
                 talking_points=("Size: uploads per day and the review queue",),
                 keywords=(("uploads", "per day", "review queue"),))
    right = "Users upload four million photos a day. If 3 percent go to review, that is 120,000 photos a day."
    wrong = "Users upload four million photos a day. If 3 percent go to review, that is 12,000 photos a day."
    assert score_answer(right, question=q).talking_points.covered
    assert not score_answer(wrong, question=q).talking_points.covered
