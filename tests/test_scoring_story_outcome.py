"""The gaps a follow-up probes are the scorecard's own: a story that ends on one more step, an answer that declines
the question while sounding like one, and a saving worked out wrong from the answer's own figures are found by the
scorer, shown on the card (and in the report, which reads the card), reflected in the score, and probed by the
interview from the same list."""
from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from coach.content import answer_words
from coach.interview.engine import InterviewEngine, NeedFollowUp
from coach.paths import PROJECT_ROOT
from coach.scoring import napkin_savings, story_outcome
from coach.scoring.rubric import NON_ANSWER_CAP
from tests.fixtures.scoring import bundled_content, first_follow_up, score_for

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
DEFLECTION = ("Good question. Conflict for me is mostly about staying calm and listening first, I find. I've been "
              "in plenty of teams and honestly I can't single out one disagreement that stands apart, they blur "
              "together after a while. I'd be happy to talk about how I run design reviews instead, if that helps.")
TECHNICAL_DEFLECTION = ("That's a fair question. Choosing the loss wasn't something I had to do myself on my last "
                        "team, the research group had settled that by the time a model reached us. I'd be happy to "
                        "talk about how we monitored the models in production instead, if that's useful.")
STARTS_THE_WORK = ("Our team had to pick an experiment platform, and two vendors bid for it. I led the evaluation. I "
                   "listed what we needed with the analysts, ran both vendors through a week of trial tests and priced "
                   "a build against them. The vendors were quicker to set up, but neither could run tests on our own "
                   "warehouse. So I recommended the build, got three engineers for it, and we started with the "
                   "assignment service.")
WRONG_SAVING = ("The piece I'm proudest of is moving our ticket triage off a hosted model onto a small model of our "
                "own. I led it from the proposal to the rollout. The hosted model cost us about sixty thousand "
                "dollars a month, and after the move our serving bill was about five thousand a month, so we saved "
                "roughly seventy thousand dollars a year. I built the evaluation set myself, four hundred real "
                "tickets graded by the support leads, so the switch was made on evidence.")


def _probe(text: str, qid: str) -> tuple[str | None, str]:
    """The gap the interview probes first after `text` and the evidence it aims at (None, "" when it moves on)."""
    content = bundled_content()
    question = content.question(qid)
    engine = InterviewEngine([(question, content.round(question.round))])
    engine.start(0.0)
    action = engine.answered(text, score_for(text, qid), 1.0)
    return (action.gap, action.target) if isinstance(action, NeedFollowUp) else (None, "")


@pytest.mark.parametrize("text, qid, gap", [
    (ENDS_ON_A_STEP, "dd-data-quality", "no_result"),
    (STARTS_THE_WORK, "hm-build-vs-buy", "no_result"),
    (TECHNICAL_DEFLECTION, "ts-loss-functions", "non_answer"),
    (WRONG_SAVING, "rc-proudest-impact", "bad_math"),
])
def test_the_card_shows_the_gap_the_follow_up_probes(text: str, qid: str, gap: str) -> None:
    card = score_for(text, qid)
    probed, target = _probe(text, qid)
    assert probed == gap
    shown = [g for g in card.gaps if g.id == gap]
    assert shown and shown[0].evidence == target          # the same finding, on the card and in the question
    assert any(line for line in card.feedback if shown[0].evidence in line)


def test_every_follow_up_case_probes_a_gap_its_card_shows() -> None:
    """All 241 labelled follow-up answers, scored and handed to the engine as the interview does. (With no gap on
    the card, the point left out that the card lists as missed: coach/followups/first.py `point_left_out`.)"""
    from coach.eval import followups
    from coach.eval.followup_gaps import NO_FOLLOW_UP, aim
    from coach.followups.first import point_left_out

    content = bundled_content()
    for case in followups.all_cases():
        a = aim(case, followups._question(case, content), content)
        left_out = point_left_out(a.card) if not a.card.gaps else None
        assert a.gap == NO_FOLLOW_UP or a.gap in {g.id for g in a.card.gaps} or \
            (left_out is not None and a.gap == left_out.id and a.finding.evidence == left_out.evidence), case.get("id")


def test_a_story_ending_on_one_more_step_is_scored_and_probed_as_no_outcome() -> None:
    step, told = score_for(ENDS_ON_A_STEP, "dd-data-quality"), score_for(ENDS_ON_THE_OUTCOME, "dd-data-quality")
    assert step.top_gap == "no_result" and "no sentence states an outcome" in step.gaps[0].evidence
    assert "no_result" not in {g.id for g in told.gaps}
    assert first_follow_up(ENDS_ON_THE_OUTCOME, "dd-data-quality") != "no_result"
    # the rubric's story with no result: below the same story with its outcome told, and said so in the steps
    assert step.overall < told.overall - 1.0
    assert any(s.startswith("no outcome told") for s in step.calibration.steps)


def test_a_measure_moved_before_the_last_steps_is_the_outcome_told() -> None:
    assert story_outcome.moved_a_measure("and we brought the p99 down to forty milliseconds on the way")
    assert not story_outcome.moved_a_measure("We noticed the p99 had jumped to forty milliseconds")
    card = score_for(OUTCOME_BEFORE_STEPS, "rc-biggest-system")
    assert "no_result" not in {g.id for g in card.gaps}
    assert first_follow_up(OUTCOME_BEFORE_STEPS, "rc-biggest-system") == "we_not_i"


def test_a_step_and_an_outcome_are_told_apart() -> None:
    assert story_outcome.is_step("Based on that I stopped the retrain and added a schema check.")
    assert story_outcome.is_step("so it wasn't a surprise, and proposed something smaller instead.")
    assert not story_outcome.tells_outcome("Based on that I stopped the retrain and added a schema check.")
    assert story_outcome.tells_outcome("I added a schema check, and the false alerts dropped by half.")
    assert story_outcome.tells_outcome("The director agreed to the smaller version.")
    # what the thing did is what came of the work, not a step of the candidate's
    assert not story_outcome.is_step("The updated model closed half the gap and went live the next sprint.")


def test_a_polite_deflection_is_scored_as_a_non_answer() -> None:
    """Long and courteous, it answers nothing that was asked: the card says so and scores it as one."""
    card = score_for(DEFLECTION, "bh-disagreement")
    assert [g.id for g in card.gaps] == ["non_answer"] and card.overall <= NON_ANSWER_CAP
    declined = score_for(TECHNICAL_DEFLECTION, "ts-loss-functions")
    assert [g.id for g in declined.gaps] == ["non_answer"]
    assert declined.gaps[0].evidence == 'it declines the question: "wasn\'t something i"'
    assert declined.overall <= NON_ANSWER_CAP
    assert _probe(TECHNICAL_DEFLECTION, "ts-loss-functions") == ("non_answer", declined.gaps[0].evidence)


def test_a_plan_that_ends_as_the_work_starts_is_not_asked_for_an_outcome() -> None:
    """A "what would you do" answer has no outcome yet: the rule reads past stories only."""
    content = bundled_content()
    plans = [q for q in content.questions.values() if q.hypothetical and q.round in story_outcome.STORY_ROUNDS]
    assert plans
    assert story_outcome.ends_on_a_step(plans[0].round, plans[0], ["I would start with the review step."],
                                        ["action"]) is None
    assert story_outcome.ends_on_a_step("behavioral", None, ["So we started with the review step."],
                                        ["action"]) is not None


def test_a_saving_worked_out_wrong_from_its_own_figures_is_a_wrong_figure() -> None:
    wrong = napkin_savings.check("The cluster cost us 50,000 dollars a month and after the move 10,000 a month, "
                                 "so we saved about 40,000 a year.")
    assert [c.ok for c in wrong] == [False] and wrong[0].expected == pytest.approx(480_000)
    assert wrong[0].claimed == "40,000 a year"
    right = napkin_savings.check("The cluster cost us 50,000 dollars a month and after the move 10,000 a month, "
                                 "so we saved about 480,000 a year.")
    assert [c.ok for c in right] == [True]
    card = score_for(WRONG_SAVING, "rc-proudest-impact")
    assert card.top_gap == "bad_math" and "seventy thousand dollars a year" in card.gaps[0].evidence
    assert [c.rule for c in card.sizing.checks if not c.ok] == ["saving"]


@pytest.fixture
def fresh_lists() -> Iterator[None]:
    answer_words._TABLE.cache_clear()
    yield
    answer_words._TABLE.cache_clear()


def test_the_answer_words_are_read_from_the_rubrics_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                          fresh_lists: None) -> None:
    assert "started" in answer_words.word_list("outcome", "started")
    assert "can't single out" in answer_words.phrases("sidestep", "declines")
    (tmp_path / "rubrics").mkdir()
    edited = tmp_path / "rubrics" / answer_words._TABLE.file
    shutil.copy(PROJECT_ROOT / "rubrics" / answer_words._TABLE.file, edited)
    edited.write_text(edited.read_text().replace('started = """', 'started = """\nopened'))
    monkeypatch.setenv("COACH_CONTENT", str(tmp_path))
    answer_words._TABLE.cache_clear()
    assert "opened" in answer_words.word_list("outcome", "started")
    with pytest.raises(KeyError, match="no list"):
        answer_words.word_list("outcome", "no_such_list")


def test_deferring_to_whatever_was_set_up_is_a_non_answer() -> None:
    """Never having had to decide, then deferring to the team's standard, declines a how-would-you question."""
    deferral = ("Good question. Where I have worked the evaluation setup was built by another team long before I joined, "
                "so I never had a case where I had to choose the metric myself. I would go with whatever the team's "
                "standard is and assume it was picked for a reason.")
    card = score_for(deferral, "ts-validation-strategy")
    assert card.gaps[0].id == "non_answer" and card.overall <= NON_ANSWER_CAP


READ_OFF_AT_A_FIGURE = (
    "Our nightly recommendation training had grown to fourteen hours on a rented cluster, and the morning refresh "
    "was landing after the shops opened. I was the engineer on the training pipeline, so it fell to me. I traced "
    "most of the time to re-reading raw click logs on every run, and I built a daily snapshot of the joined features "
    "so each run read it once. I looked at shrinking the model as well, but it cost us two points of recall in the "
    "offline replay, so I left the model alone. By the end of the quarter a run took five hours instead of fourteen, "
    "which brought the cluster bill down to about twenty thousand a month, and recall held steady in the A/B test.")


def test_a_measure_read_off_at_a_figure_after_the_work_is_the_outcome_told() -> None:
    assert story_outcome.tells_outcome("By March the review queue sat at under two minutes.")
    assert story_outcome.tells_outcome("We served it on six nodes instead of fourteen.")
    assert story_outcome.tells_outcome("I moved the features to a cache, which brought the bill down to thirty thousand.")
    assert not story_outcome.tells_outcome("We were at the point where nobody trusted the dashboard.")
    assert not story_outcome.tells_outcome("I sat down with the two leads to go over the plan.")
    # a guardrail that held is the test's verdict; a test with none is still a story stopping as its trial starts
    assert not story_outcome.ends_in_a_trial("Recall held steady in the A/B test, and we rolled it to everyone.")
    assert story_outcome.ends_in_a_trial("Then I put the new ranker into an A/B test for two weeks.")
    card = score_for(READ_OFF_AT_A_FIGURE, "bh-cost-reduction")
    assert "no_result" not in {g.id for g in card.gaps}
    assert not any(s.startswith("no outcome told") for s in card.calibration.steps)
    assert card.overall >= 4.0
    # the option tried and dropped for what it cost is a trade-off weighed; "five hours instead of fourteen" is a
    # measurement, not an option
    weighed = next(d for d in card.dimensions if d.id == "tradeoffs").evidence
    assert any("shrinking the model" in e for e in weighed) and not any("five hours" in e for e in weighed)


def test_a_trial_whose_figures_went_up_and_down_has_its_verdict() -> None:
    """Tried as a new user would: a metric-conflict story ending "Clicks went down one percent, purchases went up four
    percent, and the product team changed their goal for the next quarter to purchases" was told it ends on a step
    ("for the next quarter" read as work put off). Figures that went up or down are the trial's verdict; and the
    compromise proposed is the trade-off weighed."""
    story = ("Sales wanted the lead-scoring model tuned for the number of demos booked, and I wanted it tuned for "
             "deals closed, because booked demos had doubled while closed deals stayed flat. I pulled a year of "
             "history and showed that the leads the model liked most closed at half the usual rate. I suggested a "
             "compromise: rank by the chance of closing, with demos booked as a guardrail that could not fall more than "
             "three percent. The sales director agreed to a four-week trial. Demos booked came down two percent, closed "
             "deals went up six percent, and sales set their target for the next quarter on closed deals.")
    assert not story_outcome.ends_in_a_trial("Demos came down two percent and closed deals went up six percent in "
                                             "the trial, so sales moved their target for the next quarter.")
    card = score_for(story, "xf-metric-conflict")
    assert "no_result" not in {g.id for g in card.gaps} and card.overall >= 4.0
    weighed = next(d for d in card.dimensions if d.id == "tradeoffs").evidence
    assert any("compromise" in e for e in weighed)
