"""An answer that clears every check the scorer makes can still leave out a point the question asks for: the
interviewer asks about it instead of moving on (coach/followups/first.py `point_left_out`)."""
from __future__ import annotations

from tests.fixtures.scoring import first_follow_up, score_for


def test_an_answer_that_clears_every_check_is_still_asked_about_the_point_it_left_out() -> None:
    text = ("I'd centralise as soon as the same thing gets built twice. The signal I watch for is duplicated work: "
            "three teams each running their own feature pipelines, each with its own bugs, and incidents only one "
            "team can debug. When I ran into that with model deployment, we built one deployment service, and "
            "within a year every team used it and deploy time fell from a day to half an hour. I'd run such a "
            "platform as a product, with users, a roadmap and adoption as its measure.")
    card = score_for(text, "hm-platform-philosophy")
    assert not card.gaps and card.talking_points.missed
    assert first_follow_up(text, "hm-platform-philosophy") == "missing_point"


def test_an_answer_that_covers_every_point_and_clears_every_check_is_not_probed() -> None:
    text = ("I'd centralise as soon as the same thing gets built twice: three teams each running their own feature "
            "pipelines is the signal. Centralising too early has its costs, though: the wrong abstraction gets frozen "
            "and teams slow down, so I'd start from one team's working solution and generalise it. When I ran into "
            "that with model deployment, we built one deployment service from the team that had it working, and "
            "within a year every team used it. I'd run such a platform as a product, with users and adoption as its "
            "measure.")
    card = score_for(text, "hm-platform-philosophy")
    assert not card.gaps and not card.talking_points.missed
    assert first_follow_up(text, "hm-platform-philosophy") is None
