"""Staff signals in plain words: other teams not reporting to the speaker ("none of those squads reports to me"), the
case taken to the other team's lead in person, their engineers brought into the work, and what the speaker made
taken up by other teams since."""
from __future__ import annotations

from coach.scoring.calibrate import staff_signals


def test_no_reporting_line_in_the_singular_is_influence() -> None:
    found = staff_signals("None of those squads reports to me, so I sent the comparison to each lead and let them pick.")
    assert "influence without authority" in found


def test_the_other_teams_lead_met_in_person_is_influence() -> None:
    found = staff_signals("I went to their lead with a dozen broken examples instead of filing a ticket.")
    assert "influence without authority" in found


def test_engineers_from_the_other_teams_in_the_work_is_influence() -> None:
    found = staff_signals("I rebuilt the job over a quarter with an engineer from each of the other three teams.")
    assert "influence without authority" in found


def test_a_format_adopted_by_others_since_is_scope() -> None:
    found = staff_signals("Billing and fraud have since adopted the same schema checks, so it spread beyond our model.")
    assert "scope across teams" in found


def test_ones_own_lead_is_no_influence() -> None:
    found = staff_signals("I talked to my lead about it and we fixed it in our sprint.")
    assert "influence without authority" not in found
