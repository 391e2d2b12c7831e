"""A reason for leaving told as grievances (nobody listens, the blame for someone else's failure, pay held back) is
the people rounds' complaint about the current employer, whatever else it says."""
from __future__ import annotations

from tests.scored import card_for


def test_a_why_are_you_looking_answer_of_grievances_about_pay_and_blame_is_a_complaint() -> None:
    from coach.scoring.red_flags import grievances

    said = ("so the first years were good but then the new lead arrived and honestly nobody listens to the modelling "
            "team anymore, when the checkout redesign flopped they blamed the model even though it was the page, and "
            "there has not been a raise in two years")
    assert len(grievances(said)) >= 2
    assert card_for("rc-why-looking", said).overall <= 2.0
    assert grievances("We had no raise in the budget for new GPUs, so I planned around the old ones.") == ()


def test_leaders_written_off_as_not_wanting_to_engage_is_blame() -> None:
    from coach.scoring.red_flags import blame

    assert blame("I showed the residual plots twice, but management just do not want to engage with the detail.")
    assert not blame("Our execs want to hear the effect in money first, so I led with the refunds it would save.")
