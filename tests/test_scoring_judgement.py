"""Tidy stories whose judgement or outcome is missing: an interviewer hears what the structure hides."""
from __future__ import annotations

import pytest

from coach.content.loader import default_content
from tests.scored import card_for


@pytest.fixture(scope="module")
def content():  # type: ignore[no-untyped-def]
    return default_content()


def _card(content, qid: str, text: str, level: str = "senior"):  # type: ignore[no-untyped-def]
    return card_for(qid, text, level=level)


def test_a_meeting_that_went_well_is_only_approval(content) -> None:  # type: ignore[no-untyped-def]
    """The outcome is how the meeting felt, not what was decided: the rubric's thin story with its result unsaid."""
    story = ("At a ferry company we had a model that forecast car bookings for each sailing, and the finance "
             "director wanted to use it to set next year's fleet budget. I had to tell her it was not built for that. "
             "I told her the model had only seen three seasons and might not hold over a year ahead. "
             "I also said the error bands would be wide that far out, and showed her two charts of past forecasts. "
             "She said she understood the caveats, and the meeting went well overall.")
    card = _card(content, "xf-explain-to-executive", story)
    assert any("only approval" in s for s in card.calibration.steps), card.calibration.steps
    step = next(s for s in card.calibration.steps if "only approval" in s)
    assert step.endswith("-0.5")
    assert "only approval" not in " ".join(_card(content, "xf-explain-to-executive", story.replace(
        " She said she understood the caveats, and the meeting went well overall.",
        " She kept the model out of the budget and the fleet plan used a separate capacity study, which cut two "
        "charter sailings.")).calibration.steps)


def test_a_follow_up_that_covers_none_of_its_points_answers_something_else(content) -> None:  # type: ignore[no-untyped-def]
    """Asked what the model was optimised for and how that tied to the business, it lists the architecture."""
    q = content.questions["dd-metric-choice"]
    said = ("The model was a two-tower network with about eight million parameters, trained in PyTorch with "
            "embeddings for the store and the product. I tuned the dropout, the batch size and the learning rate for "
            "two weeks and brought the validation loss from 0.52 to 0.44. I also moved serving onto a GPU, which "
            "made it about four times faster. By the time I handed it over it was in very good shape.")
    card = card_for(q.id, said, level="senior", followup=True)
    assert not card.talking_points.covered
    assert card.overall <= 2.0
    assert any("covers none of the question's" in s for s in card.calibration.steps)


def test_a_background_that_reaches_the_current_role_last_buries_it(content) -> None:  # type: ignore[no-untyped-def]
    q = content.questions["rc-background"]
    said = ("So I did my degree in physics and then spent a while in a lab doing simulations. "
            "After that I moved to a bank, where I spent three years on credit risk models in SAS and then Python. "
            "Then I went to an insurer and did pricing models, mostly gradient boosting and a lot of SQL. "
            "I picked up Spark there and some Airflow, and we moved everything to the cloud. "
            "There was also a period on fraud rules, which was interesting. "
            "Right now I am a senior engineer on the claims team at a travel insurer, working on triage models.")
    card = card_for(q.id, said, level="senior")
    assert any("before the current role" in s for s in card.calibration.steps), card.calibration.steps
    assert card.overall <= 2.0
    led = ("Right now I am a senior engineer on the claims team at a travel insurer, where I own the triage models "
           "that route about forty thousand claims a week. Before that I did pricing at an insurer and credit risk "
           "at a bank, after a physics degree.")
    first = card_for(q.id, led, level="senior")
    assert not any("before the current role" in s for s in first.calibration.steps)


def test_a_tidy_story_whose_every_step_relays_the_work_is_held_at_level_two(content) -> None:  # type: ignore[no-untyped-def]
    q = content.questions["bh-platform-initiative"]
    relayed = ("At a grocery chain the head of data started a programme to move all twelve forecasting teams onto "
               "one feature store over three quarters. I was asked to act as the programme's coordinator. "
               "I set up a tracker with a row for each team and each milestone. "
               "I ran the weekly status meeting with the team leads and took notes. "
               "When a team slipped I flagged it in the monthly update to the head of data. "
               "I collected the teams' questions and passed them on to the platform engineers. "
               "By the end eleven of the twelve teams had moved, and feature bugs fell by sixty percent.")
    card = card_for(q.id, relayed, level="senior")
    assert any("relays the work" in s for s in card.calibration.steps), card.calibration.steps
    assert card.overall <= 2.0
    decided = relayed.replace("I collected the teams' questions and passed them on to the platform engineers.",
                              "When the two biggest teams refused, I built a backfill tool and migrated their "
                              "features myself.")
    card = card_for(q.id, decided, level="senior")
    assert not any("relays the work" in s for s in card.calibration.steps)


def test_an_opening_that_places_the_work_in_an_organisation_sets_the_scene(content) -> None:  # type: ignore[no-untyped-def]
    """Told as the speaker's role ("I led the ... work at a water utility, where ..."), the opening still sets the scene."""
    q = content.questions["bh-biggest-mistake"]
    story = ("I led the machine learning work at a regional water utility, where one of my models predicted how much "
             "water each pumping station would need overnight. When I refreshed the training set I decided by myself "
             "to throw out every day with a burst main, since they seemed like outliers, and I asked nobody who runs "
             "the network. Those days were mostly hot weekends, when demand jumps and repairs pile up. For three weeks "
             "the model guessed far too low on such days, and two stations ran dry on a Saturday. I owned that choice, "
             "so I phoned the network manager that evening and said plainly the shortfall was my doing. I restored the "
             "dropped days, added a feature for open repair jobs, and retrained, and within the week the error on "
             "burst days was down to about nine percent. No station has run dry because of the model since. The "
             "lesson I keep is that rows that look like noise are often the hardest cases.")
    card = card_for(q.id, story, level="senior")
    assert any(s.startswith("situation, action and result") for s in card.calibration.steps), card.calibration.steps
    assert card.overall >= 2.5


def test_a_view_asked_for_and_given_without_any_case_of_their_own_is_opinion_only(content) -> None:  # type: ignore[no-untyped-def]
    q = content.questions["hm-platform-philosophy"]
    view = ("My view is that shared pieces should be earned, not planned: build one only when three teams have solved "
            "the same problem in three slightly different ways and the differences start to hurt. Centralise before "
            "that and you freeze the wrong interface, and every team waits on a central group that does not know "
            "their problem. I prefer to grow the shared piece out of the best working version rather than a blank "
            "page, and to run it like a product with adoption and time saved as its measures. The modelling choices "
            "themselves should stay with each team, because that is where their edge is.")
    card = card_for(q.id, view, level="senior")
    assert any("no example from their own work" in s for s in card.calibration.steps), card.calibration.steps
    assert card.overall <= 2.0
    backed = view + (" At a bookshop chain we had three demand forecasts with three holiday calendars; I took the best "
                     "one and, with its owner, turned its calendar into a shared library the other two teams moved to.")
    card = card_for(q.id, backed, level="senior")
    assert not any("no example from their own work" in s for s in card.calibration.steps)


def test_a_story_that_writes_another_team_off_is_held_at_the_red_flag(content) -> None:  # type: ignore[no-untyped-def]
    """The rubric's red flag in a collaboration story: the fault put on the other team, the work routed around them."""
    q = content.questions["xf-upstream-pipeline"]
    story = ("At a travel site the platform team owned the job that exported hotel prices, and it failed most weekends. "
             "My pricing model trained every Sunday, so about twice a month it learned from a half-empty table. "
             "Frankly that team simply did not care about anyone downstream of them. I complained in their channel a "
             "few times and then asked my manager to raise it with theirs. In the meantime I wrote my own export "
             "straight from the booking database, so my model stopped breaking and my retrains ran on time.")
    card = card_for(q.id, story, level="senior")
    assert any("puts the fault on others" in s for s in card.calibration.steps), card.calibration.steps
    assert card.overall <= 2.0


def test_checks_left_out_to_meet_a_date_and_never_restored_hold_the_story(content) -> None:  # type: ignore[no-untyped-def]
    q = content.questions["bh-deadline-quality"]
    story = ("I owned the model that ranks nearby restaurants in a food app, and the marketing launch for a new country "
             "had a fixed date. Four weeks out the model still had to be retrained on the new country's menus. I "
             "decided to skip the per-city evaluation, because the overall click-through on the old markets was fine. "
             "I also left out the freshness alerts, since wiring them up would have taken a week. I spent the time on "
             "the retrain and on the integration with the app, and I tested the whole flow with the support team. "
             "We launched on the day, and in the first week click-through was twelve percent, close to our other "
             "markets.")
    card = card_for(q.id, story, level="senior")
    assert any("skips a safeguard" in s for s in card.calibration.steps), card.calibration.steps
    assert card.overall <= 2.0


def test_the_executive_deciding_on_the_recommendation_is_the_outcome_and_once_she_is_not_a_number(content) -> None:  # type: ignore[no-untyped-def]
    q = content.questions["xf-explain-to-executive"]
    story = ("At a bank I owned the model that sets credit limits for small businesses, and I found it was too generous "
             "to firms in their first year. The chief risk officer was about to double the product's marketing budget. "
             "I asked for fifteen minutes and brought a single page with no model terms. I told him that about one new "
             "firm in six got a limit it could not carry, and that doubling the marketing would double that loss to "
             "roughly a million a year. I recommended halving the first-year limits until the retrained model was "
             "ready, which would cost us some sign-ups. He kept the campaign, approved the lower limits, and asked "
             "for a monthly report on first-year losses.")
    card = card_for(q.id, story, level="senior")
    assert card.star.labels[-1] == "result", card.star.labels
    assert card.star.result.present
    we_story = ("We set up a forum for the teams, and once they saw the draft the teams came on board quite quickly. "
                "Adoption went really well.")
    assert not card_for("bh-cross-team-influence", "At an insurer we had eight modelling teams. " + we_story,
                        level="staff").star.measurable_result


def test_direction_told_in_process_words_only_is_generic(content) -> None:  # type: ignore[no-untyped-def]
    """A direction story in the vocabulary of strategy documents (north star, phased roadmap, socialise) names nothing."""
    text = ("As the lead for machine learning in our marketplace group I owned where the area was heading. The existing "
            "landscape was fragmented, with no shared north star for the next few years. I authored a strategy document "
            "with guiding principles, a target state and a phased roadmap. I ran sessions with the tech leads and "
            "product partners to socialise it and gather feedback, and partnered with leadership so the roadmap fed "
            "into planning. The result was much better alignment, and the strategy became the reference for decisions.")
    card = card_for("hm-technical-direction", text, level="staff")
    assert any("told in generic words" in s for s in card.calibration.steps), card.calibration.steps
    assert card.overall <= 2.5


def test_a_loss_cut_by_a_third_is_an_outcome(content) -> None:  # type: ignore[no-untyped-def]
    text = ("The biggest system I worked on was payment fraud scoring at a retailer, about 3,000 payments a second at "
            "peak. There were about ten of us, with a rules team and a streaming team beside us. My part was the model: "
            "retraining, features and the release evaluation. The main thing I drove was moving from a quarterly "
            "retrain to a weekly one with the evaluation run automatically on the last month of confirmed fraud. Over "
            "the next year fraud losses went down by about a third, while the share of good payments we declined "
            "stayed flat.")
    card = card_for("rc-biggest-system", text, level="senior")
    assert not any("no outcome told" in s for s in card.calibration.steps), card.calibration.steps
    assert card.overall >= 3.5


def test_a_first_ninety_days_that_replaces_the_teams_systems_on_a_schedule_is_the_pitfall(content) -> None:  # type: ignore[no-untyped-def]
    q = content.questions["hm-first-90-days"]
    plan = ("I like to move fast, so in the first month I would start porting the serving code to the framework I know "
            "from my last job. Every team I have joined had messy legacy code, so I expect the same here. In the second "
            "month I would rewrite the feature jobs in a cleaner style. By day ninety the old stack should be switched "
            "off, and I would present the new design to the department.")
    card = card_for(q.id, plan, level="senior")
    assert card.overall <= 2.0, card.calibration.steps
    learning = ("In the first month I would read the last three incident reviews, shadow the on-call and sit with each "
                "engineer to learn how the ranking pipeline is built and where it hurts. In the second month I would "
                "pick one pain point the team agrees on, such as the slow backfills, and fix it with them. By day ninety "
                "I would share a short list of proposals, ranked by what they would save.")
    assert not any("pitfall" in s.lower() for s in card_for(q.id, learning, level="senior").calibration.steps)


def test_the_position_held_opens_a_story_about_being_wrong_and_the_measured_result_is_quoted(content) -> None:  # type: ignore[no-untyped-def]
    """Tried as a new user would: a clear changed-my-mind story, its position, the evidence, an A/B result and the
    lesson, scored 2.3 ("no situation") and its card quoted the lesson as the measured result."""
    story = ("I argued that we should keep our hand-tuned retrieval rules instead of moving to learned embeddings, "
             "because I thought the embeddings would miss our fresh listings. A teammate built a prototype anyway, "
             "and on last month's queries its recall at two hundred was nine points higher than ours. I asked for an "
             "A/B test, and the embeddings raised clicks per search by 3 percent. I said in our weekly review that I "
             "had been wrong and moved the index build over myself. Since then I ask for a prototype before I argue "
             "against an approach.")
    card = card_for("bh-changed-mind", story, level="senior")
    assert card.overall >= 3.5, card.calibration.steps
    assert any('Result is measured: "I asked for an A/B test' in line for line in card.feedback), card.feedback
