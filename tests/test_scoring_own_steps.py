"""A story whose every step is told as "we" cannot separate the speaker's part from the team's (the rubric's
ownership at level 1): it costs a full level, not half of one; and a figure that only says what a step took, or "one"
standing for a thing ("better than the old one"), is no measured outcome."""
from __future__ import annotations

from tests.scored import card_for

TEAM = ("At a regional bus company the timetable planners were rebuilding next season's schedule by hand from "
        "spreadsheets. We pulled two years of ticket-machine data into one table and we fitted a demand model for "
        "each route and hour. We then ran the new timetable on four routes for a month and we compared the crowding "
        "counts with the drivers' logs. Overcrowded trips on those routes fell from about one in six to one in "
        "twenty, and the planners now start every season from the model.")
MINE = TEAM.replace("We pulled", "I pulled").replace("and we fitted", "and I fitted").replace(
    "We then ran", "I then ran").replace("and we compared", "and I compared")


def test_a_story_told_only_as_we_loses_a_full_level() -> None:
    team, mine = card_for("bh-simple-over-complex", TEAM), card_for("bh-simple-over-complex", MINE)
    assert team.calibration is not None
    assert "no step told as the speaker's own" in " ".join(team.calibration.steps)
    assert mine.overall - team.overall >= 0.8, (mine.overall, team.overall)


def test_a_follow_up_on_how_it_was_built_may_say_we() -> None:
    card = card_for("bh-simple-over-complex", TEAM, followup=True)
    assert card.calibration is not None
    assert "no step told as the speaker's own" not in " ".join(card.calibration.steps)


UNMEASURED = ("At a parcel firm I owned the model that predicts which deliveries will be late. Ahead of the peak season "
              "I retrained it on the last two years and added the depot's staffing as a feature. One thing that held me "
              "up was a bug in the date parser, and that took about two weeks to track down. It went live before the peak, "
              "and in the end it did a bit better than the old one.")


def test_what_a_step_took_and_one_for_a_thing_measure_nothing() -> None:
    card = card_for("bh-simple-over-complex", UNMEASURED)
    assert card.star.result.present and not card.star.measurable_result, card.star.result.evidence
