"""A safeguard skipped without the word "skip": the owner of the broken thing never told ("I didn't bother the billing
team with it"), and a check that was ready but not waited for because a date came first ("the replay was set up, but
it needed three days and the launch was Monday, so we shipped on Sunday"), and a colleague's check waved off ("she
wanted to profile it first, but I said the numbers already showed it"). Each is the lapse a strong interviewer
marks down in a tidy story; a check that ran and was then acted on is not."""
from __future__ import annotations

from coach.scoring.red_flags import safeguard_skipped
from tests.scored import card_for

UNTOLD = ("The invoices table from billing sometimes arrived with negative amounts, and our forecast job fell over at "
          "night. I wrote a filter that dropped every negative row and carried on. I never told the billing team about "
          "it, since they were busy with a migration. The job stopped failing and we got our forecasts out on time every "
          "morning. Two months later the refunds forecast was off by half.")
NOT_WAITED = ("We had to cut the serving bill of our search reranker before the budget meeting. I distilled it into a "
              "model a third of the size. The offline replay on the full query log was ready to go, but it needed three "
              "days and the budget meeting was on Monday, so we shipped the small model on Sunday. The bill fell by 40 "
              "percent that month.")


def test_the_owner_never_told_is_a_skipped_safeguard() -> None:
    assert safeguard_skipped("I didn't really tell the data platform team about the nulls, they had their own backlog.")


def test_a_check_not_waited_for_because_of_a_date_is_a_skipped_safeguard() -> None:
    assert safeguard_skipped("The evaluation was set up, but it would take a week and the demo was Friday, so I "
                             "deployed the new model on Thursday.")


def test_a_check_that_ran_and_was_acted_on_is_no_skip() -> None:
    assert not safeguard_skipped("The evaluation took two days, but it showed no drop on any language, so we "
                                 "switched production over.")
    assert not safeguard_skipped("The A/B test was small, but it was positive on every market, so we shipped it.")


def test_a_tidy_story_that_never_tells_the_owner_scores_as_weak() -> None:
    card = card_for("xf-upstream-pipeline", UNTOLD)
    assert card.overall <= 2.0 and "skips a safeguard" in " ".join(card.calibration.steps)


def test_a_tidy_story_that_ships_before_its_check_scores_as_weak() -> None:
    card = card_for("bh-cost-reduction", NOT_WAITED)
    assert card.overall <= 2.0 and "skips a safeguard" in " ".join(card.calibration.steps)


WAVED_OFF = ("Our image search slowed down badly after the spring sale, with p99 going from 90 to 400 milliseconds. I "
             "was sure it was the vector index, because it had grown fourfold. A colleague wanted to trace the request "
             "path first, but I said the growth already explained it, and we spent five weeks resharding the index. "
             "Latency came down to 350 milliseconds; the real cause turned out to be a logging call added in March.")


def test_a_check_someone_proposed_and_the_speaker_waved_off_is_a_skipped_safeguard() -> None:
    assert safeguard_skipped("She offered to run a backtest first, but I said the offline numbers were enough.")


def test_a_check_someone_proposed_and_ran_is_no_skip() -> None:
    assert not safeguard_skipped("She offered to run a backtest first, and it showed the old model was better.")


def test_a_story_that_waves_off_a_colleagues_check_scores_as_weak() -> None:
    card = card_for("dd-scaling", WAVED_OFF)
    assert card.overall <= 2.0 and "skips a safeguard" in " ".join(card.calibration.steps)
