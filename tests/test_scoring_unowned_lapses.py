"""Lapses a story shows in other words than the ones the scorer first knew: a check named, then skipped as "it" on a
hunch; a colleague's model replaced with the speaker's own version overnight; a whole function written off with "in
my experience", and the outcome disowned as "their decision, not mine". Each holds a story at the rubrics' level 2
(coach/scoring/red_flags.py, coach/scoring/imposed.py)."""
from __future__ import annotations

from coach.scoring import score_answer
from coach.scoring.imposed import imposed
from coach.scoring.red_flags import blame, safeguard_skipped

SKIPPED_IT = (
    "Our parcel volume forecast had to be live for the new depot before the peak season started in November. "
    "I owned the retraining, and our rule was a shadow run against the live numbers for a fortnight before any swap. "
    "The new depot's routes seemed close enough to the old depot's, so I trusted the old patterns and we skipped it. "
    "I checked that the job produced numbers for every route and switched the planners over on the Monday. "
    "For the first ten days the forecast for the new depot ran about thirty percent high and the planners brought in "
    "extra drivers they did not need. "
    "Honestly with that date there was not much room to do anything else.")

TOOK_OVER = (
    "A colleague on the pricing team had a demand model that used a promotion flag only known after the sale. "
    "She wanted it in the Tuesday release because her manager had promised it to the category leads. "
    "I raised the flag in review and she said she would fix it in the next sprint. "
    "On Monday evening I rebuilt the features without the flag, retrained, and merged my version into the release. "
    "It went out on Tuesday and its offline error rose from nine to fourteen percent, the honest number. "
    "She stopped asking me to review her models after that.")

WRITTEN_OFF = (
    "On the travel app, marketing wanted the home feed tuned for bookings and I wanted it tuned for return visits. "
    "The business, in my experience, only cares about this quarter's campaign numbers. "
    "I said I would not tune the ranker for bookings. "
    "The director chose bookings and a contractor did the work in a month. "
    "Return visits fell by four percent after that, but it was their decision, not mine.")


def test_a_check_skipped_as_it_is_heard() -> None:
    assert safeguard_skipped(SKIPPED_IT) == "we skipped it"
    card = score_answer(SKIPPED_IT, level="senior")
    assert card.calibration.level <= 2.0


def test_it_skipped_with_no_check_named_before_it_is_not() -> None:
    assert safeguard_skipped("The offsite clashed with the launch, so we skipped it and met the week after.") == ""


def test_a_colleagues_work_replaced_with_ones_own_is_heard() -> None:
    assert imposed(TOOK_OVER) == "merged my version"
    card = score_answer(TOOK_OVER, level="senior")
    assert card.calibration.level <= 2.0


def test_the_same_replacement_agreed_is_no_lapse() -> None:
    agreed = TOOK_OVER.replace("On Monday evening I", "She agreed that on Monday evening I")
    assert imposed(agreed) == ""


def test_a_function_written_off_and_the_outcome_disowned_is_blame() -> None:
    assert blame(WRITTEN_OFF).lower().startswith("the business, in my experience, only cares")
    assert blame("Return visits fell by four percent after that, but it was their decision, not mine.")
    card = score_answer(WRITTEN_OFF, level="senior")
    assert card.calibration.level <= 2.0


def test_a_partners_priority_understood_is_not_blame() -> None:
    assert blame("Operations only cares about on-time departures, so I showed the model's effect in late departures.") == ""


def test_ones_own_version_with_no_colleague_in_sight_is_no_lapse() -> None:
    solo = ("I rewrote the tokenizer in a weekend, benchmarked it on a week of queries, and merged my version into "
            "the main branch once the tests passed.")
    assert imposed(solo) == ""
