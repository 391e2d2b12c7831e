"""Short answers that are over: a final figure, a principle, a direct answer with its reason, a check, a lesson set
against what was done, a question about the interviewer's side. Each is a sure end (taken at once), and the pauses in
nearly the same words are not. The answers are written for these tests."""
from __future__ import annotations

from coach.content import default_content
from coach.streaming.answer_end import judge


def sure(text: str, kind: str = "story", question_id: str | None = None) -> bool:
    question = default_content().question(question_id) if question_id else None
    verdict = judge(text, kind, question)
    return verdict.says == "end" and verdict.sure


def test_a_cost_said_in_other_letters_or_in_words_closes_a_coding_answer() -> None:
    assert sure("Push each item into a heap capped at k entries. That's k log n time and order k memory.", "technical")
    assert not sure("Push each item into a heap capped at k entries. That's k log", "technical")


def test_a_technical_answer_that_closes_on_how_it_would_check_its_work_or_on_the_check_done_is_over() -> None:
    assert sure("I'd fit isotonic regression on a held-out month. I'd check it with a calibration curve on the next "
                "week's traffic.", "technical")
    assert sure("On the three item example that gives two thirds, which matches counting the pairs by hand, so it's "
                "correct.", "technical")
    assert sure("and on the toy input the loop returns two thirds which is what i expected", "technical")
    assert not sure("I'd check it first against a brute force count, and then", "technical")


def test_a_question_about_the_interviewers_team_or_what_their_question_is_after_is_a_sure_end() -> None:
    assert sure("I've led two platform migrations across four teams. How does your org decide who owns shared "
                "features?")
    assert sure("Drift shows up as a slow slide in the score. Is this more of a general question, or about a model "
                "you run?", "technical")
    assert sure("so we kept the old model as a fallback for a month does that answer it")
    # a question the candidate asks themselves goes on
    assert not sure("So how do you decide who owns a shared feature?")


def test_the_figure_a_change_ended_at_or_came_back_under_is_a_sure_end_once_said() -> None:
    assert sure("We traded some recall for speed and ended up at about ninety milliseconds at the p99.", "plan")
    assert sure("We moved the lookups into a local cache and the p95 came back under forty milliseconds.")
    assert not sure("We traded some recall for speed and ended up at", "plan")
    assert not sure("We traded some recall for speed and ended up at about ninety", "plan")


def test_the_answer_named_by_what_it_was_as_its_last_words_is_a_wrap_up() -> None:
    assert sure("so shadow traffic first then a small canary and that's my rollout design", "design")
    assert not sure("That's my rollout design for the first region. The second region", "design")


def test_an_estimate_that_decides_on_its_figure_is_over_whatever_its_range() -> None:
    # forty million a day, ten percent in the busiest hour: about 1,100 a second is the reference answer
    assert sure("So I'd size for three thousand transactions a second at the peak.", "estimate", "nm-payments-tps")
    # thirty days of two billion two-hundred-byte rows: about 12 TB
    assert sure("So roughly sixty terabytes, which fits on a single storage node.", "estimate",
                "nm-training-set-size")
    # a step's size, and a figure said before the system it needs
    assert not sure("Each row is two hundred bytes, which fits in a cache line.", "estimate", "nm-training-set-size")
    assert not sure("So that's about four hundred gigabytes a day, and we keep thirty days.", "estimate",
                    "nm-training-set-size")


def test_a_clause_opened_on_now_said_without_marks_or_in_the_present_perfect_says_how_things_stand() -> None:
    assert sure("we shipped a bad threshold once so now i never release a model without a shadow week that i have "
                "reviewed myself")
    assert not sure("so now i never release a model without a shadow week and")


def test_a_lesson_said_as_what_they_would_have_done_instead_is_a_sure_end() -> None:
    assert sure("Mostly I would have brought legal in at the design review instead of the week before launch.", "plan")
    assert not sure("We would have had to rebuild the index instead of patching it, so we patched it.", "plan")
    assert not sure("Mostly I would have brought legal in at the design review instead of", "plan")


def test_a_principle_set_against_what_it_rules_out_is_a_sure_end_and_a_step_or_a_past_choice_is_not() -> None:
    assert sure("Ship the simplest model that moves the metric, never the cleverest one.", "plan")
    assert sure("A model the on-call team can debug beats a slightly better one nobody understands.", "design")
    assert not sure("I'd use trees, not a neural network, for the first version.", "design")
    assert not sure("We chose trees, not a network, because the data was small.", "design")
    assert not sure("There are two reasons to prefer trees rather than networks here.", "design")


def test_a_result_told_a_long_span_later_is_not_taken_at_once() -> None:
    # a figure some months on is often the setup of what went wrong next ("... but the costs had doubled"): taken at
    # once it cut off an unread set's answer, so it waits as any story's unclear end does
    assert not sure("Four months later the team owned the pipeline themselves, and the weekly sync had stopped.")
    assert not sure("Four months later the")


def test_a_which_question_answered_by_naming_the_choice_and_its_reason_is_a_sure_end() -> None:
    # "Which metrics would you use to evaluate it, and why not plain accuracy?"
    assert sure("Average precision, because the alerts go to a small team that reads every one.", "technical",
                "ts-metric-choice")
    assert not sure("It depends, since the data is so skewed in both directions.", "technical", "ts-metric-choice")
    assert not sure("For rare events, since accuracy rewards predicting the majority.", "technical",
                    "ts-metric-choice")


def test_how_the_candidate_does_a_thing_as_a_habit_ends_a_story_but_is_a_step_of_a_design() -> None:
    assert sure("I keep design reviews short by asking for the one decision the doc needs.")
    assert not sure("We handle cold start by showing the most popular items in the region.", "design")
    assert not sure("I start by reading the last ten incident reports with the team.", "plan")


def test_a_rule_in_two_opposite_halves_joined_by_a_semicolon_is_a_sure_end() -> None:
    assert sure("Automate the checks that never change; review by hand the ones that do.", "plan")
    assert not sure("We didn't have clean labels for the new market; we only had clicks.", "plan")
    assert not sure("I'd not retrain the model daily; weekly is enough for this one.", "plan")


def test_a_good_figure_that_went_up_or_a_lag_cut_shorter_is_a_measured_improvement() -> None:
    """"... retention went up about two points": a rise said with "up" as a fall is said with "down"; a lag or a
    staleness said as a duration is an age, and shorter is better. A dashboard set up is an action."""
    assert sure("We moved onboarding to a guided checklist in March. Retention went up about two points over the "
                "quarter.")
    assert sure("We rebuilt the join as a streaming job, and the lag went from four hours to about ten minutes.")
    assert not sure("We set up a recall dashboard for the team.")
    assert not sure("We rebuilt the join as a streaming job, and the lag went from ten minutes to four hours.")


def test_a_yes_no_question_that_asks_what_the_interviewer_assumes_is_a_sure_end() -> None:
    assert sure("I'd cache the embeddings per user and refresh them nightly. Are you assuming most users come back "
                "every day?", "technical")
    assert not sure("So are we going to retrain every night? No, weekly is enough.", "technical")


def test_a_principle_backed_by_its_reason_answers_a_view_question_unless_hedged_as_a_default() -> None:
    # "What's your view on when an ML team should build shared platform pieces ...?"
    assert sure("Put the trained models behind one shared gateway, not one per team. A single gateway is where the "
                "cost controls live.", "plan", "hm-platform-philosophy")
    assert not sure("By default, let each product team own its own models, not a platform. Early platforms guess "
                    "wrong about what is shared.", "plan", "hm-platform-philosophy")
    # in a design answer a principle opens the design
    assert not sure("Put the trained models behind one shared gateway, not one per team. A single gateway is where "
                    "the cost controls live.", "design", "sd-model-monitoring")


def test_a_plan_that_reaches_the_end_of_the_period_asked_about_is_a_sure_end() -> None:
    # "What would you focus on in your first ninety days?"
    assert sure("By day ninety I'd hope to have one model change in production and a short list of bets for next "
                "year.", "plan", "hm-first-90-days")
    assert not sure("By day thirty I'd hope to have met everyone on the team and read the postmortems.", "plan",
                    "hm-first-90-days")
    assert not sure("By day ninety I'd hope to", "plan", "hm-first-90-days")


def test_a_coding_answer_that_closes_on_how_many_passes_it_takes_is_over() -> None:
    assert sure("I'd hash each user id into one of a thousand buckets and keep the smallest hash per bucket. "
                "Approximate answer, a single pass.", "technical")
    assert not sure("In a single pass I'd count the keys, then sort them.", "technical")


def test_a_gain_on_paper_or_in_a_trial_is_no_sure_end() -> None:
    """"Offline, NDCG rose two points.": the real test, where the gain may not hold, is still to come."""
    assert not sure("We retrained on the cleaned labels. Offline, NDCG rose two points.")
    assert not sure("We retrained on the cleaned labels. In the backtest the error dropped by a third.")
    assert not sure("We retrained on the cleaned labels. At first latency fell from ninety milliseconds to forty.")
    assert sure("We retrained on the cleaned labels, and in production the error dropped by a third.")


def test_an_answer_that_closes_on_the_candidates_part_when_the_question_asks_for_it_last_is_over() -> None:
    # "... Give me the overview first: the problem, the architecture and your role."
    walkthrough = "dd-project-walkthrough"
    assert sure("It ranks support tickets by urgency: a fine-tuned text encoder and a small gradient-boosted head "
                "behind one API. I led the modelling side, and I owned the labelling guidelines too.", "story",
                walkthrough)
    # the role said first opens the answer; only its opening said is no part yet; another question's role is a scene
    assert not sure("I was the tech lead for the ticket triage model, with three engineers.", "story", walkthrough)
    assert not sure("It ranks support tickets by urgency. I was the", "story", walkthrough)
    assert not sure("It ranks support tickets by urgency. I led the modelling side, and I owned the labelling "
                    "guidelines too.", "story", "bh-production-incident")


def test_words_that_stop_on_an_article_or_a_conjunction_are_no_sure_end_whatever_the_mark() -> None:
    """"..., and the.": the full stop is the transcriber's, put at a thinking pause mid-sentence; a finished sentence
    does not end on an article, a conjunction or a possessive. A preposition may close one."""
    assert not sure("In the end we moved the scoring into the request path, and the.")
    assert not sure("In the end we moved the scoring into the request path, and.")
    assert not sure("These days I run a team of six on fraud models at a.")
    assert sure("We rebuilt the index. In the end we never needed the extra shards we'd planned on.")


def test_a_rise_said_with_up_is_sure_only_once_its_figure_is_said_in_full() -> None:
    assert sure("We shipped the new ranker in May. Click-through came up about two points.")
    assert not sure("We shipped the new ranker in May. Click-through came up about two.")
    assert not sure("We shipped the new ranker in May. Click-through was up.")
