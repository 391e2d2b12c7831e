"""Rules added after the eleventh fresh part of the graded set was scored once and folded in, checked on answers
written for these tests (not copies of the graded set)."""
from __future__ import annotations

from coach.scoring import red_flags
from coach.scoring.star import label_sentence
from tests.fixtures.scoring import score_for


def test_a_partner_team_written_off_is_blame_and_a_fair_account_is_not() -> None:
    assert red_flags.blame("The platform team there simply did not care whether our jobs broke.")
    assert red_flags.blame("Honestly that team was not very good, which is why nothing improved.")
    assert not red_flags.blame("The platform team did not know our jobs read that column, so I showed them the logs.")


def test_a_manager_run_down_after_a_first_clause_costs_a_view_of_the_job() -> None:
    sour = ("Mostly it is money, I have been paid below what others get for a while. My boss is friendly enough "
            "and does not understand machine learning at all, so nothing ambitious gets approved. I would like "
            "larger models and harder problems somewhere else.")
    card = score_for(sour, "rc-why-looking")
    assert any("runs down the current employer" in s for s in card.calibration.steps), card.calibration.steps
    assert card.overall <= 2.0


def test_l2_said_to_push_weights_all_the_way_to_zero_is_the_swap() -> None:
    wrong = ("Both penalise large weights. L2 squares each weight, so the penalty climbs quickly for the big ones and "
             "pushes most weights all the way to zero, which leaves a sparse model.")
    card = score_for(wrong, "ts-regularization")
    assert card.wrong_claims and card.overall <= 2.0, card.calibration.steps
    right = ("Both penalise large weights. L1 pushes many weights all the way to zero, so it selects features; L2 "
             "shrinks every weight smoothly and shares weight across correlated features. Elastic net mixes them, "
             "and I tune the strength on a validation set after scaling the features.")
    assert not score_for(right, "ts-regularization").wrong_claims


def test_a_step_that_lists_what_there_was_is_a_step_not_a_long_scene() -> None:
    # the relative clause ("scanners that dropped out") describes what there was; it is not the step's outcome
    step = label_sentence("I first listed what we really had: about two hundred past orders, scanners that dropped "
                          "out now and then, and one shared laptop in the warehouse.")
    assert step["action"] > step["result"]
    outcome = label_sentence("I moved the join to the warehouse, and the nightly run dropped from three hours to forty "
                             "minutes.")
    assert outcome["result"] > 0


def test_the_speakers_part_said_as_who_they_were_is_the_task() -> None:
    role = label_sentence("I was the one writing the matcher, and I pushed for a nightly run because it was simpler.")
    assert role["task"] > role["action"], role
    step = label_sentence("I rewrote the matcher to run every hour, and I pushed it live on a Tuesday.")
    assert step["action"] >= step["task"], step
