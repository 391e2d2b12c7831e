"""Evidence by sentence, on the causes of wrong quotes fixed this pass: a role line is the part, not a step; the
place of work with the speaker's part in it sets the scene; with no step told, a lesson or a habit is not the outcome;
"most of the time" is general; a purpose with what the speaker had to do is a step; a career's tools are no step;
speech that opens with only the place sets the scene. The answers are written for these tests and are not in the
graded set (tests/data/graded/)."""
from __future__ import annotations

from coach.scoring import score_answer
from coach.scoring.star import StarReport


def _star(text: str) -> StarReport:
    return score_answer(text).star


def _label_of(r: StarReport, start: str) -> str:
    return next(lab for s, lab in zip(r.sentences, r.labels) if s.startswith(start))


def test_a_role_line_is_the_part_and_the_action_quote_is_a_step() -> None:
    r = _star("At a parcel courier, each depot planned its own van routes by hand. I led the routing work, and I "
              "thought one shared planner would save every depot an hour a morning. I wrote a planner that read the "
              "day's parcels and proposed routes, and I ran it beside the planners for two weeks. Within a quarter all "
              "twelve depots used it and the morning planning time fell from ninety minutes to twenty.")
    assert _label_of(r, "I led the routing work") == "task"
    assert r.action.evidence[0].startswith("I wrote a planner")


def test_the_place_of_work_with_the_speakers_part_sets_the_scene() -> None:
    r = _star("At a grocery delivery company I was responsible for forecasting how many orders each store would get "
              "per hour. One Friday the forecast for the coastal stores came out at half the usual level. I traced it "
              "to a holiday calendar that had dropped a regional holiday, fixed the join and reran the forecast. The "
              "stores were staffed right that weekend and the calendar check has caught two more gaps since.")
    assert _label_of(r, "At a grocery delivery company") == "situation"
    assert not r.task.evidence or not r.task.evidence[0].startswith("At a grocery")


def test_with_no_step_told_a_lesson_or_a_habit_is_not_the_outcome() -> None:
    r = _star("I think mistakes are mostly about how you respond to them. In my experience the worst ones come from "
              "moving too fast. What I learned is that checking assumptions early saves weeks later. Since then I "
              "always write down what has to be true before I start.")
    assert "action" not in r.labels
    assert not r.result.evidence


def test_most_of_the_time_is_general_not_the_scene() -> None:
    r = _star("This comes up a lot with research teams. Most of the time the problem is that the model was never "
              "tested on live traffic. I would ask them to run it in shadow mode first.")
    assert _label_of(r, "Most of the time") == "other"


def test_what_the_speaker_had_to_do_for_their_own_purpose_is_a_step() -> None:
    r = _star("Our churn model was built for one region. Other regions wanted it too. To make it reusable I had to "
              "strip out every rule that assumed the first region's calendar and move them into a config file. Three "
              "regions adopted it within two months.")
    assert _label_of(r, "To make it reusable") == "action"


def test_the_tools_of_a_career_are_no_step() -> None:
    r = _star("I started in analytics at a bank. I have used Spark a lot, Airflow, Kubeflow, and some Ray. Then I "
              "moved into machine learning and now I work on fraud models.")
    assert _label_of(r, "I have used Spark") == "other"
    assert not r.action.evidence or not r.action.evidence[0].startswith("I have used")


def test_speech_that_opens_with_only_the_place_sets_the_scene() -> None:
    r = _star("okay so at a bike sharing company. the docks in one district kept running empty by eight in the "
              "morning. i built a small model that predicted the morning demand per dock. and the vans started moving "
              "bikes there the night before so empty docks dropped by about half")
    assert r.labels[0] == "situation"
