"""What separates the levels of a story beyond its parts (coach/scoring/levels.py): a 5 looks at the speaker's own
decision again once it is in use (`revisits`); a person grown is shown by what they went on to do without the
speaker (`_GREW`); what other teams took up is the outcome even when a step tells it; a view whose one example
carries no figure and misses most of what was asked backs nothing (`unbacked_view`). The answers are written for
these tests."""
from __future__ import annotations

from coach.content.loader import default_content
from coach.scoring import score_answer
from coach.scoring.levels import revisits
from coach.scoring.star import label_sentence

STORY = (
    "At a regional bakery chain I owned the model that sets how many loaves each shop bakes every morning. "
    "Waste ran at about twelve percent because the model treated every bank holiday like a normal weekday. "
    "I added a holiday calendar and the previous year's sales around each holiday as features, and I set a rule "
    "that any shop whose forecast moved more than a third overnight gets a manual look. "
    "I ran the new model in shadow for a month next to the old one before switching. "
    "Waste fell to about seven percent over the next quarter with no more empty shelves than before.")


def test_a_rule_changed_once_in_use_or_a_condition_to_reopen_is_heard() -> None:
    assert revisits("The shop managers said the manual look came too late for the first bake, so I changed the rule "
                    "to flag the change the evening before.")
    assert revisits("We agreed a condition for revisiting the choice: if waste rose above nine percent for a month.")
    assert revisits("The threshold was too strict at first and paged us for nothing, so after two weeks we changed it.")
    assert revisits("I changed teams after the launch.") == ""
    assert revisits("We changed the model to a gradient-boosted one.") == ""


def test_a_story_that_revisits_its_decision_scores_above_the_same_story_without() -> None:
    plain = score_answer(STORY, level="senior")
    revisited = score_answer(STORY.replace(
        "with no more empty shelves than before.",
        "with no more empty shelves than before. The shop managers said the manual look came too late for the "
        "first bake, so I changed the rule to flag the change the evening before."), level="senior")
    assert any("revisits its own decision" in s for s in revisited.calibration.steps)
    assert revisited.overall > plain.overall


def test_what_a_mentee_went_on_to_do_alone_is_the_outcome() -> None:
    scores = label_sentence("Two years later she planned the next migration on her own and now reviews the interns' designs.")
    assert max(scores, key=lambda k: scores[k]) == "result"
    content = default_content()
    question = content.questions["hm-growing-engineers"]
    answer = ("Every engineer on my team presents one design a quarter to me before the wider review, and owns one "
              "service in production with me as backup. "
              "Lena joined unable to estimate a data job; I gave her the monthly billing export to own, went through "
              "her first two designs with her, then only read her notes. "
              "Two years later she planned the next migration of that export on her own and now reviews the interns' designs.")
    card = score_answer(answer, question=question, round_spec=content.rounds.get(question.round),
                        rubric=content.rubrics.get(question.round), level="senior")
    assert card.calibration.level >= 4.0, card.calibration.steps


def test_adoption_by_other_teams_told_inside_a_step_is_the_outcome() -> None:
    content = default_content()
    question = content.questions["rc-level-fit"]
    answer = ("For three years I have been the most senior engineer in the pricing group of a car-rental site, "
              "with nobody reporting to me. "
              "I wrote the backtesting tool our team used, and I built it so that five teams, including fleet and "
              "insurance, now run every pricing change through it. "
              "When fleet and insurance each counted a cancelled booking differently, I got their leads into one room "
              "with a month of bookings and wrote the agreed rule into the tool.")
    card = score_answer(answer, question=question, round_spec=content.rounds.get(question.round),
                        rubric=content.rubrics.get(question.round), level="staff")
    assert any("the outcome told inside a step" in s for s in card.calibration.steps), card.calibration.steps
    assert card.calibration.level >= 3.0


def test_a_view_whose_example_has_no_figure_stays_at_two() -> None:
    content = default_content()
    question = content.questions["hm-platform-philosophy"]
    answer = ("My view is that the platform should be a trampoline, not a cage, so teams bounce higher without "
              "losing their freedom. "
              "Premature standardisation freezes the wrong shape, so I favour letting the shared layer grow out of "
              "what squads already do. "
              "At my previous employer we had the duplicated pipelines problem, where every squad reinvented its own "
              "loaders. "
              "I evangelised a starter kit and we grew a community of practice around it. "
              "It became how new models got started and the momentum really built.")
    card = score_answer(answer, question=question, round_spec=content.rounds.get(question.round),
                        rubric=content.rubrics.get(question.round), level="staff")
    assert card.calibration.level <= 2.0, card.calibration.steps


def test_a_plan_that_lists_the_usual_options_and_picks_none_stays_at_three() -> None:
    content = default_content()
    question = content.questions["xf-latency-budget-cut"]
    menu = ("First I would trace a request end to end to see where the current time goes across lookups, the model and "
            "the network hops. "
            "Then there are the usual options: a pruned model, a result cache for common queries, precomputed "
            "embeddings, fewer features, or an asynchronous step off the hot path. "
            "I would also check the serving stack, like request batching, a compiled runtime or eight-bit weights. "
            "After that I would agree the order of the work with the product engineers, in a few stages.")
    card = score_answer(menu, question=question, round_spec=content.rounds.get(question.round),
                        rubric=content.rubrics.get(question.round), level="senior")
    assert card.calibration.level <= 3.0, card.calibration.steps
    assert any("picks none" in s for s in card.calibration.steps)
    chosen = menu.replace("After that I would agree", "I would start with the result cache, because half the "
                                                       "queries repeat within an hour, and then agree")
    card = score_answer(chosen, question=question, round_spec=content.rounds.get(question.round),
                        rubric=content.rubrics.get(question.round), level="senior")
    assert not any("picks none" in s for s in card.calibration.steps)
