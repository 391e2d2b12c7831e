"""A story's scene is held to "a sentence or two", but the limit the speaker worked under ("none of those groups
reported to me") and the problem priced in figures ("it cost us about 80 engineer-hours a month") are part of the
story, and a long story's scene is measured against its length: neither buries the first step."""
from __future__ import annotations

from coach.scoring.levels import part_of_the_story
from tests.fixtures.scoring import score_for


def test_limits_and_priced_problems_are_part_of_the_story() -> None:
    assert part_of_the_story("None of those groups reported to me, and I had no budget for them either.")
    assert part_of_the_story("The flaky backfills cost us about 80 engineer-hours a month across the org.")
    assert not part_of_the_story("We had nine groups training forecasting models in three different offices.")
    assert not part_of_the_story("The platform team had full authority over the cluster.")


_SCENE = ("This was at a grocery delivery company, where I was a staff engineer in the forecasting group, and there is "
          "some background I need to give because the problem was mostly about people. We had nine groups training "
          "demand models, each with its own feature code, its own backfill jobs and its own way of handling holidays. Some of "
          "them had copied each other's code years earlier and then drifted apart. "
          "The backfills broke about twice a week, and by my count the breakages cost us about 80 engineer-hours a "
          "month, plus three late forecasts that left stores short on a Saturday. None of those groups reported to "
          "me, so I could not simply tell them to change. ")
_STEPS = ("I started by sitting with the leads of the four largest groups and asking what a shared library would "
          "cost them. Their main worry was losing control of holiday handling, so I wrote a design where each group "
          "kept its own holiday calendar as a plug-in, which made the library harder for us to build but removed the "
          "main objection. I paired with the biggest group for two weeks to move their backfills over, and used that "
          "as the template for a migration guide. One group refused because their model ran weekly on a different "
          "system, and we agreed they were out of scope. After two quarters eight of the nine groups were on the "
          "library, backfill breakages fell from about eight a month to one, and there has not been a late "
          "forecast since. What I'd carry forward is that adoption is about the cost of saying yes, not the "
          "argument.")


def test_a_priced_scene_does_not_cap_a_strong_story() -> None:
    card = score_for(_SCENE + _STEPS, "bh-cross-team-influence", "staff")
    assert not any(s.startswith("the scene runs") for s in card.calibration.steps)
    assert card.overall >= 4.3


def test_a_long_scene_of_background_still_buries_the_steps() -> None:
    filler = ("The company had grown fast over the years and went through two reorganisations, and there were many "
              "opinions about how forecasting should work and who should own the data and the models and the tools. "
              "The offices were in three cities and each had its own culture, its own way of planning the week and "
              "its own favourite dashboards, which made things interesting for everyone involved in the work. ")
    short = ("I wrote a design for a shared library and moved the biggest group onto it. After two quarters eight of "
             "the nine groups used it and breakages fell from eight a month to one.")
    card = score_for(_SCENE.split(" None of those")[0] + " " + filler + short, "bh-cross-team-influence", "staff")
    assert any(s.startswith("the scene runs") for s in card.calibration.steps)
