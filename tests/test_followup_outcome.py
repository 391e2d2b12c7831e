"""A story that ends on one more step ("... and I added a check to the pipeline") has told no outcome, whatever
the STAR labels call its last sentence: the first follow-up asks what came of it. A story that told its
outcome with a figure before its last steps ("we brought the p99 down to forty milliseconds") is not asked
for one; the next gap is probed."""
from __future__ import annotations

from coach.content import default_content
from coach.domain import Transcript
from coach.followups import outcome
from coach.scoring import score_answer
from tests.fixtures.scoring import first_follow_up

ENDS_ON_A_STEP = (
    "Our churn model for the subscription business was retrained every week from billing events. I noticed "
    "its precision sliding over two months while nobody had touched the code. I traced it to a billing "
    "migration that had renamed two plan codes, so a third of cancelled users looked active. I mapped the "
    "old codes to the new ones and backfilled the labels. Based on that I stopped using labels older than ninety "
    "days, and added a schema check that blocks the weekly retrain when an unknown plan code shows up.")
ENDS_ON_THE_OUTCOME = ENDS_ON_A_STEP + (" After that precision went from 0.61 back up to 0.78 and the retention "
                                        "team started using the scores again.")
OUTCOME_BEFORE_STEPS = (
    "The biggest system I worked on was the search ranking service for our marketplace. It handled about "
    "thirty thousand queries a second at peak. We moved it from a linear model to a gradient boosted ranker "
    "over a year, and we brought the p99 down to forty milliseconds on the way. We also rebuilt the feature "
    "logging so experiments could launch in days. We wrote the rollout plan and we ran the experiments.")


def test_a_story_ending_on_one_more_step_is_asked_what_came_of_it() -> None:
    assert first_follow_up(ENDS_ON_A_STEP, "dd-data-quality") == "no_result"
    assert first_follow_up(ENDS_ON_THE_OUTCOME, "dd-data-quality") != "no_result"


def test_a_measure_moved_before_the_last_steps_is_the_outcome_told() -> None:
    assert outcome.moved_a_measure("and we brought the p99 down to forty milliseconds on the way")
    assert not outcome.moved_a_measure("We noticed the p99 had jumped to forty milliseconds")
    assert first_follow_up(OUTCOME_BEFORE_STEPS, "rc-biggest-system") == "we_not_i"


def test_a_step_and_an_outcome_are_told_apart() -> None:
    assert outcome.is_step("Based on that I stopped the retrain and added a schema check.")
    assert not outcome.tells_outcome("Based on that I stopped the retrain and added a schema check.")
    assert outcome.tells_outcome("I added a schema check, and the false alerts dropped by half.")
    assert outcome.tells_outcome("The director agreed to the smaller version.")


def _gaps(text: str, question_id: str) -> list[str]:
    content = default_content()
    question = content.questions[question_id]
    card = score_answer(Transcript(text), question=question, round_spec=content.round(question.round),
                        rubric=content.rubric(question.round), level="senior")
    return [g.id for g in outcome.gaps_to_probe(card, question)]


def test_a_polite_deflection_is_probed_as_a_non_answer() -> None:
    """Long and courteous, it tells no story of its own: the follow-up asks for one, not for its result."""
    deflection = ("Good question. Conflict for me is mostly about staying calm and listening first, I find. I've been "
                  "in plenty of teams and honestly I can't single out one disagreement that stands apart, they blur "
                  "together after a while. I'd be happy to talk about how I run design reviews instead, if that helps.")
    assert _gaps(deflection, "bh-disagreement")[0] == "non_answer"


def test_a_story_that_ends_as_the_work_starts_is_asked_for_its_outcome() -> None:
    story = ("Our team had to pick an experiment platform, and two vendors bid for it. I led the evaluation. I listed "
             "what we needed with the analysts, ran both vendors through a week of trial tests and priced a build "
             "against them. The vendors were quicker to set up, but neither could run tests on our own warehouse. "
             "So I recommended the build, got three engineers for it, and we started with the assignment service.")
    assert "no_result" in _gaps(story, "hm-build-vs-buy")


def test_a_saving_worked_out_wrong_from_its_own_figures_is_a_wrong_figure() -> None:
    from coach.followups.savings import wrong_saving

    assert wrong_saving("The cluster cost us 50,000 dollars a month and after the move 10,000 a month, "
                        "so we saved about 40,000 a year.") is not None
    assert wrong_saving("The cluster cost us 50,000 dollars a month and after the move 10,000 a month, "
                        "so we saved about 480,000 a year.") is None
