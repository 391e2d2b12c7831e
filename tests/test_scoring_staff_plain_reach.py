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


def test_the_lead_of_another_function_met_first_is_influence() -> None:
    found = staff_signals("Before the review I went to the fulfilment lead with the numbers, so he already knew the plan.")
    assert "influence without authority" in found


def test_ones_own_engineering_manager_is_no_influence() -> None:
    found = staff_signals("I went to the engineering manager and asked for two more weeks.")
    assert "influence without authority" not in found


def test_building_on_another_teams_code_with_its_author_is_influence() -> None:
    found = staff_signals("I took the fraud team's scorer and worked with its author to turn it into a service.")
    assert "influence without authority" in found


def test_both_teams_leads_as_reviewers_is_influence() -> None:
    found = staff_signals("I wrote the proposal with both teams' leads as reviewers before it went anywhere.")
    assert "influence without authority" in found


def test_teams_that_came_to_depend_on_it_is_direction() -> None:
    found = staff_signals("Eighteen months later seven teams depended on it for their launches.")
    assert "long-term direction" in found


def test_a_scene_where_teams_depended_on_a_store_is_no_direction() -> None:
    found = staff_signals("Four teams depended on the old feature store, which kept timing out.")
    assert "long-term direction" not in found


def test_a_standing_monthly_hour_with_the_teams_is_direction() -> None:
    found = staff_signals("I started a monthly hour where the consuming teams walk through what is coming.")
    assert "long-term direction" in found
