"""What a candidate hears in a digging interview: the largest gap still open is probed again, the close reads well."""
from __future__ import annotations

from coach.content import default_content
from coach.domain import Transcript
from coach.interview.engine import InterviewEngine, NeedFollowUp
from coach.interview.summary import closing_remarks, spoken_round
from coach.scoring import score_answer


def _card(q, spec, text: str, followup: bool):
    """The card the runner would give this answer at staff level."""
    return score_answer(Transcript(text), question=q, round_spec=spec, rubric=default_content().rubric(q.round),
                        level="staff", followup=followup)


def test_a_follow_up_answer_that_picks_one_item_out_still_leaves_the_result_open() -> None:
    content = default_content()
    q = content.question("bh-deadline-quality")
    spec = content.round(q.round)

    engine = InterviewEngine([(q, spec)], mode="realistic", level="staff")
    engine.start(0.0)
    first = ("Our churn model had to be live before the renewal campaign, and the date could not move. We dropped the "
             "second round of feature work and we reused last quarter's training window, but we kept the holdout "
             "comparison and the week of shadow scoring.")
    action = engine.answered(first, _card(q, spec, first, False), 10.0)
    assert isinstance(action, NeedFollowUp) and action.gap == "no_result"
    engine.followup_ready("Did it launch on time, and what did the cuts cost you afterwards?", "no_result", "bank")
    second = ("I chose the cuts and wrote them up for the team, and I ran the holdout comparison myself each evening. "
              "The comparison caught a stale column in one of the reused features, so I pulled that feature before launch.")
    again = engine.answered(second, _card(q, spec, second, True), 20.0)
    assert isinstance(again, NeedFollowUp) and again.gap == "no_result"


def test_the_close_names_each_round_as_said_in_a_sentence() -> None:
    assert spoken_round("Behavioural round") == "the behavioural round"
    assert spoken_round("Hiring manager") == "the hiring manager round"
    assert spoken_round("ML system design") == "the ML system design round"
    text = closing_remarks("Today we covered $rounds.", ["Behavioural round", "Hiring manager"], [])
    assert text == "Today we covered the behavioural round and the hiring manager round."


def test_a_shorter_rewording_of_a_follow_up_already_asked_is_a_repeat() -> None:
    from coach.followups import choice, guards

    asked = "After launch, how would you notice that the ranking has quietly got worse for buyers?"
    assert guards.repeats("After launch, how would you notice it got worse?", asked)
    assert not guards.repeats("Which alert would page someone first, and on what threshold?", asked)
    assert not guards.repeats("How would you notice it got worse?", "Ranking got worse after launch for buyers.")
    content = default_content()
    q = content.question("sd-search-ranking")
    first = choice.bank_followup(q, "no_monitoring", [q.prompt], content.gaps)
    second = choice.bank_followup(q, "no_monitoring", [q.prompt, first], content.gaps)
    assert second != first and not guards.repeats(second, first)


def test_digging_keeps_probing_a_plan_that_all_the_answers_together_still_leave_thin() -> None:
    content = default_content()
    q = content.question("hm-on-call-health")
    spec = content.round(q.round)

    first = "I'd talk to the people on the rotation and make sure everybody feels supported; morale matters most."
    second = "I'd look through last month's pages and switch off the alerts that nobody acted on."
    for mode, probes_again in (("realistic", True), ("practice", False)):
        engine = InterviewEngine([(q, spec)], mode=mode, level="staff" if probes_again else "senior")
        engine.start(0.0)
        action = engine.answered(first, _card(q, spec, first, False), 5.0)
        assert isinstance(action, NeedFollowUp) and action.gap == "missing_point"
        engine.followup_ready("What would you measure first?", "missing_point", "bank")
        again = engine.answered(second, _card(q, spec, second, True), 10.0)
        assert isinstance(again, NeedFollowUp) is probes_again


def test_digging_goes_on_to_the_next_missed_point_while_the_story_is_below_the_bar() -> None:
    content = default_content()
    q = content.question("bh-disagreement")
    spec = content.round(q.round)
    first = ("Two years ago our search team wanted to replace the ranking model with a large transformer, and I "
             "thought it was the wrong call. I was the tech lead for relevance. I ran a two week comparison on last "
             "quarter's queries and showed the gain was under half a point of NDCG while serving cost tripled. We "
             "shipped a distilled version instead.")
    second = ("The distilled model kept most of the gain, about four tenths of a point of NDCG, at roughly the old "
              "serving cost, and the search team adopted the comparison harness for later proposals.")
    for mode, level, probes_again in (("realistic", "staff", True), ("practice", "senior", False)):
        engine = InterviewEngine([(q, spec)], mode=mode, level=level)
        engine.start(0.0)
        action = engine.answered(first, _card(q, spec, first, False), 5.0)
        assert isinstance(action, NeedFollowUp)
        engine.followup_ready("How did it turn out, and how did you measure it?", action.gap, "bank")
        joined = _card(q, spec, first + " " + second, False)
        assert joined.overall < 3.5 and any(g.id == "missing_point" for g in joined.gaps)
        again = engine.answered(second, joined, 10.0)
        assert isinstance(again, NeedFollowUp) is probes_again
        if probes_again:
            assert again.gap == "missing_point"


def test_the_main_question_asked_back_in_other_forms_of_its_words_is_a_repeat() -> None:
    from coach.followups import guards

    q = "What's making you look for a new role at this point?"
    verdict = guards.check("What would make you look for a new role at this point?", "I'd like a change.",
                           ("role",), [], question=q)
    assert "repeats the question" in verdict.reasons
    assert not guards.check("What would the new role give you that your current job cannot?", "I'd like a change.",
                            ("role",), [], question=q).reasons


def test_with_no_gap_the_close_names_the_weakest_part_instead_of_generic_advice() -> None:
    from coach.scoring.scorecard import Scorecard
    card = {"dimensions": [{"id": "structure", "name": "Structure", "score": 4.1},
                           {"id": "tradeoffs", "name": "Trade-offs", "score": 2.9}], "gaps": []}
    text = closing_remarks("Next: $focus.", ["ML system design"], [Scorecard.from_dict(card)])
    assert text == "Next: trade-offs, your lowest part today at 2.9 out of 5."
    card["dimensions"][1]["score"] = 4.3
    assert "harder round" in closing_remarks("Next: $focus.", ["ML system design"], [Scorecard.from_dict(card)])


def test_a_missed_point_with_no_bank_question_left_is_asked_about_by_name() -> None:
    from coach.followups import choice

    content = default_content()
    q = content.question("bh-disagreement")
    asked = [q.prompt] + [f.text for f in q.followups]          # the bank's own questions are used up
    evidence = 'missed 2 of 6 talking points: "Understanding the other person\'s reasons before arguing back"'
    text = choice.bank_followup(q, "missing_point", asked, content.gaps, target=evidence)
    assert text == "Can you tell me about understanding the other person's reasons before arguing back?"


def test_a_session_with_no_gap_left_is_told_the_habit_that_lifts_its_weakest_part() -> None:
    from coach import paths
    from coach.followups.prompt import section_text
    from coach.interview.summary import parse_focus
    from coach.scoring.scorecard import Scorecard

    focus = parse_focus(section_text(paths.prompts_dir() / "closing.md", "focus"))
    card = Scorecard.from_dict({"overall": 4.7, "gaps": [], "dimensions": [
        {"id": "star_structure", "name": "STAR structure", "score": 4.2, "weight": 0.35},
        {"id": "tradeoffs", "name": "Judgment", "score": 0.0, "weight": 0.15}]})
    said = closing_remarks("$focus", ["Behavioural round"], [card], focus)
    assert said.startswith("name the option you turned down") and "judgment, your lowest part today at 0.0" in said
