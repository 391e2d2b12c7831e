"""Scores a candidate can trust (fourth calibration pass): what the card says about an answer follows what the
answer says. Every answer here is written for these tests, not taken from the graded set."""
from __future__ import annotations

import pytest

from coach.commands.score import render
from coach.content.loader import default_content
from coach.domain import Question
from coach.progress.history import answer_from_row
from coach.scoring import score_answer
from coach.tui.widgets.scorecard_view import render_card


@pytest.fixture(scope="module")
def content():
    return default_content()


def _score(text: str, content, round_id: str, level: str = "senior", question: Question | None = None):
    return score_answer(text, question=question, round_spec=content.rounds.get(round_id),
                        rubric=content.rubrics.get(round_id), level=level)


DESIGN = ("When our marketplace grew, the old keyword search could not keep up, and sellers complained for months "
          "about listings that never showed. I'd put a two-tower retrieval model in front of a small ranker, with "
          "an approximate nearest neighbour index rebuilt every night. I'd watch click-through and empty-result "
          "rates on a dashboard and roll out region by region.")


def test_a_design_card_carries_no_star_notes(content) -> None:
    card = _score(DESIGN, content, "system-design")
    assert card.calibration.kind == "design" and not card.is_story
    assert not any(getattr(card.star, c).notes for c in ("situation", "task", "action", "result"))
    assert not card.star.improvement
    assert not any("of the answer" in line or "situation" in line.lower() for line in card.feedback)
    shown = render_card(card, DESIGN).plain
    assert "STAR" not in shown and "[S]" not in shown
    assert "STAR" not in render(card.to_dict()) and "Sentences" not in render(card.to_dict())
    answer = answer_from_row({"turn_id": 1, "session_id": "s", "text": DESIGN, "scores": card, "level": "senior"})
    assert not any(note.startswith("result:") for note in answer.evidence)
    # a card stored before this change still carries the advice: the full scorecard screen does not show it
    from dataclasses import replace

    from coach.tui.screens.scorecard import render_dimensions
    stored = replace(card, star=replace(card.star, improvement="Cut the situation: it is 60% of the answer."))
    assert "Story:" not in render_dimensions(stored).plain


def test_a_story_card_keeps_its_star_notes(content) -> None:
    story = ("Two years ago our churn model's scores drifted after a pricing change. I was asked to find out why "
             "before the next campaign. I compared the feature distributions week by week and found that a "
             "discount flag had flipped meaning, so I rebuilt it and retrained. Churn predictions recovered their "
             "precision, from 0.41 back to 0.58, within a week.")
    card = _score(story, content, "behavioral")
    assert card.is_story and card.star.situation.notes
    assert "STAR" in render_card(card, story).plain


def test_a_cost_comparison_is_read_as_a_trade_off(content) -> None:
    text = ("A missed fraudulent transfer costs us the whole amount plus a chargeback fee, while a wrongly held "
            "transfer costs one support call, so I would set the threshold where the expected cost per transfer is "
            "lowest and revisit it each quarter.")
    card = _score(text, content, "system-design")
    assert "no_tradeoff" not in [g.id for g in card.gaps]
    weighed = _score("The larger ranker was a point better on recall but cost three times as much to serve, so we "
                     "kept the smaller one and added its best feature.", content, "technical-screen")
    assert "no_tradeoff" not in [g.id for g in weighed.gaps]
    plain = _score("I would set a threshold on the score and send the rest to a review queue for the analysts.",
                   content, "system-design")
    assert "no_tradeoff" in [g.id for g in plain.gaps]


def test_an_unmeasured_outcome_is_named_as_unmeasured_not_missing(content) -> None:
    text = ("Our nightly export to the warehouse kept timing out during the holidays. I was on call that week. I "
            "split the export by region and gave each part its own retry, and then everything went back to normal.")
    card = _score(text, content, "behavioral")
    gap = next(g for g in card.gaps if g.id == "no_result")
    assert "not measured" in gap.evidence and "went back to normal" in gap.evidence
    silent = _score("Our nightly export to the warehouse kept timing out during the holidays. I was on call that "
                    "week. I split the export by region and gave each part its own retry.", content, "behavioral")
    assert "no sentence states an outcome" in next(g for g in silent.gaps if g.id == "no_result").evidence


def test_a_count_of_a_few_things_is_not_sizing(content) -> None:
    card = _score("The page shows five items from the ranker and three sponsored slots, refreshed about 4,000 times "
                  "a second at peak.", content, "system-design")
    shown = [q.text for q in card.sizing.quantities]
    assert not any("five items" in q or "three sponsored" in q for q in shown)
    assert any("4,000" in q for q in shown)


REGULARISATION = Question(
    "t-bagging", "technical-screen", ("senior",), "How do bagging and boosting differ, and when would you use each?",
    "", talking_points=("Bagging trains models in parallel on bootstrap samples and averages them to cut variance",
                        "Boosting trains models in sequence, each fitting the errors of the ones before, to cut bias",
                        "Boosting overfits noisy labels more easily and needs early stopping"),
    keywords=(("bagging", "bootstrap"), ("boosting", "sequence", "residual"), ("early stopping", "noisy labels")))


def test_repeating_the_questions_terms_covers_no_point() -> None:
    wrong = score_answer("Bagging is for images and boosting is for text, so you pick by the kind of data you have.",
                         question=REGULARISATION, round_spec=None, level="senior")
    assert not wrong.talking_points.covered and wrong.overall <= 2.0
    right = score_answer("Bagging fits many trees in parallel on bootstrap samples and averages them, which mostly "
                         "cuts variance. Boosting fits trees one after another, each on the residual errors of the "
                         "ones before, which cuts bias, but it chases noisy labels, so I use early stopping.",
                         question=REGULARISATION, round_spec=None, level="senior")
    assert len(right.talking_points.covered) == 3 and right.overall > wrong.overall + 1.5


def test_putting_the_fault_on_others_lowers_a_mistake_story(content) -> None:
    owned = ("Last spring I shipped a pricing model with a unit bug in one feature, and margins fell for two days. "
             "I rolled it back the same morning I saw the dashboard, wrote the fix and a unit test for it, and added "
             "a check on feature ranges to our release script. Margins recovered to 21 percent by the weekend, and "
             "what I learned is to test the features, not only the model.")
    blamed = ("Last spring I shipped a pricing model with a unit bug in one feature, and margins fell for two days. "
              "I rolled it back the same morning I saw the dashboard and wrote the fix. Honestly the data team "
              "should have caught it in their review, so it was not really my fault. Margins recovered to 21 percent "
              "by the weekend.")
    a, b = _score(owned, content, "behavioral"), _score(blamed, content, "behavioral")
    assert b.overall <= 2.0 < a.overall
    assert any("fault on others" in s for s in b.calibration.steps)


def test_a_generic_plan_stays_low_and_a_specific_one_does_not(content) -> None:
    q = Question("hm-why", "hiring-manager", ("senior", "staff"), "What would make this team the right next step "
                 "for you?", "", hypothetical=True,
                 talking_points=("Specific reasons tied to the team's problems", "What the candidate brings",
                                 "What they want to learn"),
                 keywords=(("your team", "problem"), ("bring", "fit"), ("learn", "grow")))
    generic = _score("I really like the culture and I think the company is doing great things. I want to keep "
                     "learning and growing, and I feel I would be a great fit for the team.", content,
                     "hiring-manager", question=q)
    assert generic.overall <= 2.0
    assert any(s.startswith("generic") for s in generic.calibration.steps)
    specific = _score("Your team owns search ranking for a catalogue of forty million listings, and the problem you "
                      "described, stale embeddings for new sellers, is the one I fixed at my last job with a daily "
                      "refresh of the item tower. I'd bring that, and I want to learn how you run online experiments "
                      "at this scale.", content, "hiring-manager", question=q)
    assert specific.overall > generic.overall + 1.0


def test_staff_signals_lift_a_staff_answer_and_their_absence_caps_it(content) -> None:
    base = ("Leakage is when a feature carries information that will not exist at prediction time, such as a "
            "field filled in after the label. It shows as offline metrics far above what the model scores after launch, "
            "and you prevent it with time-based splits and point-in-time feature joins.")
    staff = base + (" In practice most leaks I have debugged came from joins on tables updated after the event, "
                    "so I added a point-in-time check to our shared training pipeline that every team's retrain "
                    "now runs.")
    plain, full = _score(base, content, "technical-screen", "staff"), _score(staff, content, "technical-screen", "staff")
    assert plain.calibration.staff_missing and not full.calibration.staff_missing
    assert plain.calibration.level <= 3.0 < full.calibration.level
    assert any(s.startswith("shows") and "staff signal" in s for s in full.calibration.steps)
    # the senior-level reading of the base answer is not pushed down by the staff bar by more than the cost
    assert _score(base, content, "technical-screen", "senior").calibration.level - plain.calibration.level <= 1.0


DRIFT = Question("t-drift", "technical-screen", ("senior",), "How would you watch a deployed model for drift?", "",
                 talking_points=("Compare live feature distributions with training, for example with PSI",
                                 "Alert on a drop in the live metric once labels arrive"),
                 keywords=(("psi", "feature distributions"), ("alert", "live metric")))


def test_not_knowing_or_not_doing_covers_no_point() -> None:
    unsure = score_answer("Honestly I don't know how PSI works on feature distributions, I have only heard of it. "
                          "We never set up an alert on the live metric either, the labels came too late.",
                          question=DRIFT, round_spec=None)
    assert not unsure.talking_points.covered
    sure = score_answer("I'd compare the live feature distributions with the training ones using PSI every day, "
                        "and alert when the live metric drops once the delayed labels arrive.",
                        question=DRIFT, round_spec=None)
    assert len(sure.talking_points.covered) == 2


def test_in_a_story_a_habit_does_not_cover_what_happened(content) -> None:
    q = Question("bh-disagree", "behavioral", ("senior",), "Tell me about a time you disagreed with your manager.",
                 "", talking_points=("Understanding the other person's reasons before arguing back",),
                 keywords=(("listened", "their reasons", "understand"),))
    habit = _score("My approach is to listen first and understand their reasons before I argue back. I think "
                   "that works well in most teams.", content, "behavioral", question=q)
    assert not habit.talking_points.covered
    told = _score("Last year my manager wanted to drop our offline evaluation. I listened to her reasons first: "
                  "the suite took two days to run.", content, "behavioral", question=q)
    assert told.talking_points.covered


def test_writing_off_a_team_or_the_manager_lowers_the_answer(content) -> None:
    """A named team dismissed ("the platform team there just did not care") is blame, and a manager called not
    technical is the current employer run down; a team that needed winning over is neither."""
    from coach.scoring.red_flags import _DISPARAGE, blame

    assert blame("The ingestion team there just did not care about schema changes, so I escalated it.")
    assert not blame("The ingestion team did not care much for our alerts until I showed them the cost.")
    assert _DISPARAGE.search("My manager is not really technical, so nothing ambitious gets approved.")
    assert not _DISPARAGE.search("My manager is very technical and reviews every design.")


def test_other_teams_moving_onto_the_candidates_work_is_influence(content) -> None:
    from coach.scoring.staff import STAFF_SIGNALS

    said = "I wrote a short proposal to publish our table with a version number, and both teams moved to it within a quarter."
    assert STAFF_SIGNALS["influence without authority"].search(said)
    assert STAFF_SIGNALS["long-term direction"].search(said)


def test_the_time_the_candidate_put_in_is_not_a_measured_result(content) -> None:
    """"I spent two weeks with them" measures the effort; the story still has no measured outcome."""
    story = ("Three teams logged predictions their own way, so no one could join predictions to outcomes. None of them "
             "reported to me. I wrote a one-page spec, circulated it for comments and built a small wrapper library. "
             "The search team agreed to pilot it first, and I spent two weeks with them getting it into production.")
    measured = story.replace("and I spent two weeks with them getting it into production.",
                             "and their time to find a broken model fell from a week to two days.")
    question = content.questions["bh-cross-team-influence"]
    card = score_answer(story, question=question, round_spec=content.rounds["behavioral"])
    assert "no_result" in [g.id for g in card.gaps]
    assert "no_result" not in [g.id for g in score_answer(measured, question=question,
                                                           round_spec=content.rounds["behavioral"]).gaps]


def test_a_what_would_you_do_card_has_no_past_work_dimension_and_credits_an_ordered_plan(content) -> None:
    """A plan for the first ninety days is not a story: the card does not grade "evidence from past work" (a 0 there
    would show in the closing remarks and the progress bars), and putting steps in order with a reason is judgement."""
    plan = ("In the first month I'd mostly listen: read the last two quarters of incident reports, join on-call for "
            "a week and ask each engineer what slows them down. By the second month I'd pick one small visible fix, "
            "the noisiest alert, and ship it with the on-call person so the team sees something change. By day ninety "
            "I'd write a short proposal for the bigger bet and review it with the team.")
    question = content.questions["hm-first-90-days"]
    assert question.hypothetical
    card = score_answer(plan, question=question, round_spec=content.rounds["hiring-manager"],
                        rubric=content.rubrics.get("hiring-manager"))
    dims = {d.id: d.score for d in card.dimensions}
    assert "star_structure" not in dims
    assert dims["tradeoffs"] >= 2.0
    story = content.questions["hm-saying-no"]        # a past story still has it
    assert not story.hypothetical
    told = score_answer(plan, question=story, round_spec=content.rounds["hiring-manager"],
                        rubric=content.rubrics.get("hiring-manager"))
    assert "star_structure" in {d.id for d in told.dimensions}
