"""Stories told as strong engineers tell them, on answers nobody tuned for: what others took up of the work is its
outcome ("every new service went through it"), staff reach told in plain words (the case taken to the other
function's lead, the leads of the other teams visited, a proposal a director accepted, a practice the people around
it now ask for every time) is seen, and naming a delay as the real problem is not read as saying it does not matter."""
from __future__ import annotations

from coach.scoring import story_outcome
from coach.scoring.calibrate import staff_signals
from tests.fixtures.scoring import score_for

ADOPTED = (
    "Our feature pipelines broke every few weeks because each team wrote its own backfill scripts. I was the tech lead "
    "of the pricing models, with no say over the other pipelines. I wrote a small backfill runner with dry runs and a "
    "diff report, and I ported the two worst pipelines myself with their owners. Then I ran a monthly session where any "
    "team could bring a backfill plan. By the spring every new pipeline went through the runner, the logistics team "
    "copied our diff report, and we stopped losing weekends to broken backfills.")


def test_what_others_took_up_is_an_outcome() -> None:
    assert story_outcome.taken_up("By the spring every new pipeline went through the runner.")
    assert story_outcome.taken_up("and the logistics team copied our diff report for their own jobs")
    assert story_outcome.taken_up("Within two months three other teams adopted the checklist.")
    # a step that asks others to take it up is not them taking it up; a tool the speaker used is not adoption
    assert not story_outcome.taken_up("I asked each team to use the runner.")
    assert not story_outcome.taken_up("the data team used Spark for the joins")
    card = score_for(ADOPTED, "bh-raising-standards", level="staff")
    assert not any(s.startswith("no outcome told") for s in card.calibration.steps)
    assert not any(g.id == "no_result" and g.evidence.startswith("no sentence states") for g in card.gaps)
    # told as the story's result: the rubric's story with its parts told (whether it was measured is another matter)
    assert any(s.startswith("situation, action and result") for s in card.calibration.steps)


def test_the_case_taken_to_the_other_functions_lead_is_influence() -> None:
    found = staff_signals("I brought the numbers to the payments lead and the analyst who built it, not to the gate.")
    assert "influence without authority" in found
    assert "influence without authority" not in staff_signals("I took it to my tech lead and we fixed it.")


def test_the_other_teams_leads_visited_and_no_line_over_them_is_influence() -> None:
    assert "influence without authority" in staff_signals("So I went to the other three team leads with the diff.")
    assert "influence without authority" in staff_signals("I did not manage any of those engineers, so I asked.")


def test_a_proposal_a_director_accepted_is_influence() -> None:
    found = staff_signals("I proposed a holdout of five percent on every market. The growth director signed off.")
    assert "influence without authority" in found


def test_a_practice_others_now_ask_for_every_time_is_direction() -> None:
    found = staff_signals("The support manager now asks us for the error breakdown before every release.")
    assert "long-term direction" in found
    found = staff_signals("The holdout became part of how the growth team plans every campaign.")
    assert "long-term direction" in found


def test_a_template_another_team_used_is_scope() -> None:
    found = staff_signals("The security team used our threat model as the template for their own services.")
    assert "scope across teams" in found


def test_naming_label_delay_as_the_problem_is_no_wrong_claim() -> None:
    text = ("My view was that the old ranker was fine and the real issue was label delay, since refunds land weeks "
            "late. I backtested weekly retrains on the delayed labels against the new network and the retrains won by "
            "two points. My manager agreed and we shipped the schedule in a month, and losses fell about six percent.")
    card = score_for(text, "bh-disagreement")
    assert not card.wrong_claims
    said = score_for("My colleague wanted drift checks on the fraud model and I disagreed. I argued that label delay was "
                     "fine for our monitoring, since the weekly accuracy report would show any drop. I wrote a short doc "
                     "and the team went with my view, so we shipped without them.", "bh-disagreement")
    assert said.wrong_claims


def test_how_many_took_it_up_is_an_outcome_not_a_measured_effect() -> None:
    assert "four" not in story_outcome.without_adoption("four teams use it now, ours included")
    text = ("At an insurer I wrote a small library that rebuilt claim features as of the claim date, because our own "
            "model had looked far better offline than live. When I showed it at a guild meeting the pricing team and "
            "the fraud team said they had hit the same thing, so I moved it into its own package. I paired with one "
            "engineer from each team to set up their first training set. Four teams use it now, ours included.")
    card = score_for(text, "dd-platform-adoption", level="staff")
    assert card.star.labels[-1] == "result"          # what others took up is the story's outcome ...
    assert not card.star.measurable_result            # ... but the count of takers measures no effect of the work


def test_a_one_line_headline_and_the_request_it_names_set_the_scene() -> None:
    text = ("I said no to our chief product officer once. She wanted us to turn on the new pricing model for every "
            "market before the holiday sale. It had never been tested on the smaller markets, where one bad price "
            "could wipe out a month of margin. I pulled the backtest for the three smallest markets and showed her "
            "that it underpriced by almost a fifth there. I proposed starting with the five big markets and adding "
            "the rest after two weeks of checks. She agreed, and the small markets went live a month later with "
            "their own calibration.")
    card = score_for(text, "bh-pushback-leadership", level="staff")
    assert card.star.labels[0] == "situation" and card.star.labels[1] in ("situation", "task")


def test_an_effect_told_in_words_lifts_a_story_short_of_figures() -> None:
    assert story_outcome.effect_in_words("and after that the pager alerts dried up") == "alerts dried up"
    assert story_outcome.effect_in_words("we stopped losing the Monday mornings to reruns") == "we stopped losing"
    assert not story_outcome.effect_in_words("I stopped the retrain and added a check")
    text = ("Our on-call for the ranking models was paging people every night, mostly for feature jobs that were late "
            "but harmless. I went through two months of pages with the on-call engineers and sorted them into real "
            "and noise. I rewrote the alerts to fire on the model's output instead of on each job, and I added a "
            "runbook for the three real failure modes. After that the night pages mostly went away and people "
            "stopped dreading their week on call.")
    card = score_for(text, "hm-on-call-health")
    assert any("the effect told in words" in s for s in card.calibration.steps)


def test_another_functions_director_is_scope_and_a_phased_plan_is_direction() -> None:
    assert "scope across teams" in staff_signals("The design director wanted fewer prompts, so we met halfway.")
    assert "long-term direction" in staff_signals("We settled on a three-phase plan for the migration.")


def test_a_span_of_time_changed_in_words_is_a_measured_result() -> None:
    from coach.scoring.star import label_sentence, measures
    said = "i rebuilt the labelling queue, which took a new batch from a month to about a week."
    assert label_sentence(said)["result"] > 0 and measures(said)
    assert not measures("i spent a week on the queue and a day on the docs.")


def test_my_learning_was_is_a_lesson_told() -> None:
    from coach.scoring.levels import reflects
    assert reflects("My main learning was that a short demo convinces more people than a long document.")
    assert reflects("My takeaway is to ask who reads the table before changing it.")


def test_an_evaluation_rebuilt_and_what_it_found_is_a_step() -> None:
    from coach.scoring.star import label_sentence
    sc = label_sentence("i rebuilt the holdout on the last quarter only and the lift fell to about one point.")
    assert sc["action"] > sc["result"]


def test_take_up_after_the_speakers_own_step_stays_that_step() -> None:
    from coach.scoring.star import label_sentence
    sc = label_sentence("since two teams had the same gap, i proposed a shared table, and both teams moved to it.")
    assert sc["action"] >= sc["result"]
    assert label_sentence("by the summer both teams moved to it and retired their copies.")["result"] > 0


def test_a_habit_the_speaker_changed_is_no_effect_told() -> None:
    assert not story_outcome.effect_in_words("After that I stopped merging feature changes on Fridays.")
    assert not story_outcome.effect_in_words("and we stopped shipping model updates during the sale")
