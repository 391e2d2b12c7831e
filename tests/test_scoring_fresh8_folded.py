"""Rules added after the eighth fresh part of the graded set was scored once and folded in, checked on answers and
chains written for these tests (not copies of the graded set)."""
from __future__ import annotations

from coach.scoring import score_answer
from coach.scoring.text import sentences
from tests.fixtures.scoring import score_for


# --- wrong claims in new words -------------------------------------------------------------------------------------

WRONG_CALIBRATION = (
    "Calibration basically means the classifier is accurate, so I judge it by ROC AUC: once the AUC is over 0.85 "
    "the scores are calibrated by definition, since the model separates the classes. When it needs fixing I fit "
    "isotonic regression on the training data, because the model knows that data best. Downsampling the negatives "
    "does not change the calibration at all; it only changes how many negatives the model sees.")
RIGHT_CALIBRATION = (
    "Calibrated means that among the cases scored 0.3 about thirty percent turn out positive. A high AUC does not "
    "mean the model is well calibrated: ranking and calibration are separate, and a boosted model can rank well "
    "while its scores are squeezed towards the middle. I check it with a reliability diagram and the Brier score on "
    "held-out data, and fix it with Platt scaling or isotonic regression fitted on a validation split, never on "
    "the training set. Downsampling the negatives shifts the probabilities up, so I correct for the sampling rate "
    "before the scores feed a bid or an expected-value decision.")


def test_calibration_wrong_claims_in_new_words_are_named_and_hold_the_answer_down() -> None:
    wrong = score_for(WRONG_CALIBRATION, "ts-calibration", level="staff")
    named = {w.claim for w in wrong.wrong_claims}
    assert "A model with high AUC or accuracy is well calibrated" in named, named
    assert "Fit the calibrator on the training data" in named, named
    assert "Resampling or class weights leave the predicted probabilities calibrated" in named, named
    assert wrong.overall <= 2.0, wrong.calibration.steps
    right = score_for(RIGHT_CALIBRATION, "ts-calibration")
    assert not right.wrong_claims, [w.claim for w in right.wrong_claims]
    assert right.overall > wrong.overall + 1.5


def test_a_negated_verb_owns_its_negation_not_the_object_after_it() -> None:
    from coach.scoring import concepts
    cue = ("smote | oversampl* | class weight* + probabilit* | calibrat* + !chang* | !affect* | stay* | keep*")
    assert concepts.fires(cue, "Class weights do not affect calibration in any way.")
    assert concepts.fires(cue, "Oversampling doesn't change the probabilities, it only repeats rows.")
    # the negation still turns the claim round where it belongs to the object, or the clause says the opposite
    assert not concepts.fires(cue, "Oversampling does not change the ranking, but it shifts the probabilities up.")
    assert not concepts.fires(cue, "Class weights move the scores, so calibration needs a fix afterwards.")


# --- people rounds: running down the current employer --------------------------------------------------------------

def test_running_down_the_current_employer_costs_a_why_are_you_looking_answer() -> None:
    sour = ("Mostly it is that my manager doesn't understand data science, and the roadmap is set by people who have "
            "never shipped a model. Proposals die in committee, and honestly the company is a bit of a mess since "
            "the merger. I would like to do forecasting work with a team that knows what it is doing.")
    positive = ("I have learned a lot building the forecasting models for our stores, and the next step I want is "
                "owning a forecasting platform that several product teams use. My current role is limited to one "
                "business line, and your team's work on supply planning across regions is the scope I am after.")
    card = score_for(sour, "rc-why-looking")
    assert any("runs down the current employer" in s for s in card.calibration.steps), card.calibration.steps
    assert card.overall <= 2.0
    good = score_for(positive, "rc-why-looking")
    assert not any("runs down" in s for s in good.calibration.steps), good.calibration.steps
    assert good.overall > card.overall


# --- napkin chains -------------------------------------------------------------------------------------------------

def test_what_capacity_is_planned_for_is_the_peak() -> None:
    chain = ("The booking API averages nine hundred requests a second, and the Friday evening peak runs four times "
             "the average, so capacity is planned for about nine hundred requests a second.")
    flags = [k for k in score_answer(chain, round_spec=None).sizing.checks if not k.ok]
    assert [k.rule for k in flags] == ["peak"], flags
    assert abs(flags[0].expected - 3600) < 50
    fixed = chain.replace("about nine hundred requests a second.", "about 3,600 requests a second.")
    assert all(k.ok for k in score_answer(fixed, round_spec=None).sizing.checks)


def test_vectors_whose_values_are_counted_each_are_checked_in_total() -> None:
    wrong = "Eighty million product vectors of 512 float32 values each take about 16 gigabytes."
    flags = [k for k in score_answer(wrong, round_spec=None).sizing.checks if not k.ok]
    assert [k.rule for k in flags] == ["storage"], flags
    assert abs(flags[0].expected - 80e6 * 512 * 4) < 1e9
    right = "Eighty million product vectors of 512 float32 values each take about 160 gigabytes."
    assert all(k.ok for k in score_answer(right, round_spec=None).sizing.checks)


def test_a_decoding_speed_in_tokens_is_no_traffic_rate() -> None:
    text = ("Two million daily users send about eight messages each, so sixteen million messages a day, roughly "
            "a hundred and eighty five a second on average; I'd plan for a peak of six hundred a second. Each user "
            "should see about forty tokens a second per user, and at forty tokens a second and at peak a 300-token "
            "reply takes under eight seconds.")
    flags = [k for k in score_answer(text, round_spec=None).sizing.checks if not k.ok]
    assert not flags, [k.message for k in flags]


def test_above_a_threshold_is_no_ab_test() -> None:
    text = ("Each model declares a reference window, and a nightly job alerts when PSI is above 0.25 on an "
            "important feature. Thirty models make about a billion predictions a day, and logging a half percent "
            "sample is five million rows a day, which is cheap to keep for a year.")
    checks = score_answer(text, round_spec=None).sizing.checks
    assert not any(k.rule == "test_duration" for k in checks), [k.message for k in checks]


# --- story labels --------------------------------------------------------------------------------------------------

def test_a_first_sentence_framed_by_a_place_is_the_scene() -> None:
    story = ("At a regional grocery chain we needed to forecast fresh produce for ninety stores every night. "
             "I was asked to cut the waste without emptying the shelves. "
             "I rebuilt the forecast with store-level weather and holiday features and backtested it on two years. "
             "I ran it beside the old one for a month and walked the buyers through the misses. "
             "Waste fell by 14 percent over the next quarter, with no rise in empty shelves.")
    card = score_answer(story, round_spec=None)
    assert card.star.labels[0] == "situation", card.star.labels
    assert card.star.situation.evidence[0].startswith("At a regional grocery chain")
    assert card.star.task.evidence[0].startswith("I was asked")


def test_spoken_time_frame_with_a_hedge_opens_the_outcome() -> None:
    story = ("so i was mentoring a new analyst on our returns team and she was scared of touching the pipeline "
             "and i set up a pairing slot twice a week and gave her the weekly refund report to own "
             "and we reviewed every change together for the first month "
             "after about four months she was running the report on her own and now she reviews the interns' code")
    card = score_answer(story, round_spec=None)
    last = sentences(card.star.sentences[-1])[0].text if card.star.sentences else ""
    assert last.startswith("after about four months"), card.star.sentences
    assert card.star.labels[-1] == "result", card.star.labels


def test_a_view_a_generalisation_or_a_condition_is_not_part_of_the_story() -> None:
    view = "My view is that a platform has to be earned by three teams solving the same problem."
    assert score_answer(view + " I once built one too early and it took a year to unwind.",
                        round_spec=None).star.labels[0] == "other"
    general = ("There have been times when I held work back too long, and looking back I could have shared it "
               "sooner. These days I try to show drafts early.")
    assert score_answer(general, round_spec=None).star.labels[0] == "other"
    # a change inside a condition or a relative clause is not what happened
    story = ("Our support team wanted a churn model before the holiday sale. "
             "I agreed the launch rule with the support lead: the model ships if saves go up and refunds rise by no "
             "more than three percent. "
             "I suggested a first rule, customers whose orders had halved over a month, and built the model later. "
             "The rule went out on time and the model followed a month after.")
    card = score_answer(story, round_spec=None)
    assert card.star.labels[1] == "action" and card.star.labels[2] == "action", card.star.labels
    assert not card.star.measurable_result, card.star.result.evidence


def test_a_follow_up_opening_with_what_was_done_is_a_step_and_what_went_wrong_is_no_outcome() -> None:
    reply = ("We tuned recall at twenty on the job search results, with an application as the label, because "
             "applications were what employers paid for. "
             "It was a fair proxy, since an application comes right before a hire. "
             "Where it went wrong was that a model could gain a point of recall by pushing remote jobs up, because "
             "people apply to them and rarely get hired. "
             "We did run A/B tests for the larger changes.")
    card = score_answer(reply, round_spec=None, followup=True)
    assert card.star.labels[0] == "action", card.star.labels
    assert not card.star.situation.evidence, card.star.situation.evidence
    assert card.star.labels[2] != "result", card.star.labels


# --- staff signals in everyday words ----------------------------------------------------------------------------------

def test_agreement_with_other_functions_heads_and_another_team_taking_the_practice_up() -> None:
    base = ("Our fraud model blocks card payments at checkout, and a bad release either blocks good customers or "
            "lets fraud through. I set up a fixed offline suite with the last quarter held out and a set of known "
            "cases that block any regression. I added bootstrap intervals so we stopped shipping gains smaller than "
            "the weekly noise. The release I have in mind caught 6 percent more fraud at the same block rate.")
    bare = score_answer(base, level="staff")
    assert "influence without authority" in bare.calibration.staff_missing
    wider = base.replace("I added bootstrap", "Before testing I agreed the release rule in writing with the heads of "
                         "risk and support. I added bootstrap") + " The payments team later picked up the same suite " \
                                                                 "for their own models."
    card = score_answer(wider, level="staff")
    assert "influence without authority" not in card.calibration.staff_missing, card.calibration.steps
    assert "scope across teams" not in card.calibration.staff_missing, card.calibration.steps
    assert "long-term direction" not in card.calibration.staff_missing, card.calibration.steps
    assert card.overall > bare.overall
    plan = ("I would first measure where the latency goes, then price each option's quality cost. With product I "
            "would settle on a plan in two steps, cheap wins first.")
    assert "influence without authority" not in score_answer(plan, level="staff").calibration.staff_missing


def test_adoption_counted_as_it_stands_now_is_a_measured_outcome() -> None:
    story = ("The clearest case is the feature validation library I wrote at a food delivery company, which nine "
             "teams now use before every retrain. Nobody asked for it; I wrote the design note, got two other team "
             "leads to try it, and reworked the API after their feedback. I also wrote the standard for how schema "
             "checks run in our group. The teams tell me retrains feel a lot safer since then, though I never "
             "measured it.")
    card = score_for(story, "rc-level-fit", level="staff")
    assert any("measured result" in s for s in card.calibration.steps), card.calibration.steps
    past = story.replace("which nine teams now use before every retrain", "which I used before every retrain")
    assert score_for(past, "rc-level-fit", level="staff").overall < card.overall


def test_generalising_another_teams_code_with_its_owner_is_influence() -> None:
    base = ("Three teams had each written their own session join, and their numbers disagreed by five percent. "
            "I picked the most reliable of the three and generalised it instead of writing a new one. "
            "Within a quarter all three teams used it and the figures agreed.")
    assert "influence without authority" in score_answer(base, level="staff").calibration.staff_missing
    together = base.replace("generalised it instead", "generalised it together with its owner instead")
    assert "influence without authority" not in score_answer(together, level="staff").calibration.staff_missing


def test_the_eighth_fresh_part_meets_every_target_once_folded_in() -> None:
    # Scored once as the clean check (Spearman 0.733, two answers graded <= 2 above 2.0, one grade-5 answer below
    # 4.0, quotes 0.812, two wrong chains missed: README, Scoring), then read and folded in with the rules above.
    from coach.eval.scoring import calibration
    f = calibration(("fresh8",))["fresh8"]
    assert f["answers"] == 50
    assert f["spearman"] >= 0.9 and f["weak_above_2"] == 0 and f["strong_below_4"] == 0
    assert f["quote_right"] >= 0.9 and f["points_precision"] >= 0.9
    assert not f["chains"]["false_flags"] and not f["chains"]["misses"]
    assert not f["chains"]["flag_without_right_figure"]
