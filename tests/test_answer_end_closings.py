"""Is the answer over? Closings a listening interviewer hears as the end, on sentences written for these tests:
a check that the answer was followed, a question on what the interviewer wants of the candidate."""
from __future__ import annotations

from coach.content import default_content
from coach.streaming.answer_end import judge, question_kind


def test_a_check_that_the_answer_was_followed_is_a_sure_end() -> None:
    """"..., if that makes sense." / "does that make sense" / "hopefully that makes sense": the listener is asked
    to say so, marked or not; the same words said of the work ("the logs didn't make sense") are no hand-back."""
    told = "You keep one counter per shard and sum them when the page loads, so the write path never takes a lock."
    for tail in (" If that makes sense.", " does that make sense", " hopefully that makes sense",
                 " Does that make sense?", " hope that helps"):
        verdict = judge(told + tail, "technical")
        assert verdict.says == "end" and verdict.sure, (tail, verdict)
    story = "The first week the new model went live the logs didn't make sense."
    assert not judge(story, "story").sure


def test_a_question_on_what_the_interviewer_wants_may_stop_on_its_preposition() -> None:
    """"what do you want me to go deeper on", written without its mark, is a question to the interviewer, not words
    that stop on a preposition; one reported in a story, or cut before what it asks, is no end."""
    told = "so that's the scoring service and the cache in front of it. "
    for tail in ("which bit do you want me to go deeper on", "what would you like me to start with"):
        verdict = judge(told + tail, "design")
        assert verdict.says == "end" and verdict.sure, (tail, verdict)
    for tail in ("and do you want me to", "what do you want me to go into the", "and my lead said what do you "
                 "want me to do about it"):
        assert not judge(told + tail, "design").sure, tail


def test_a_figure_the_period_closed_at_is_a_sure_end() -> None:
    """"we ended the quarter at about half the old bill": the figure a change ended at, said of the period it closed;
    a pause before the figure is said is no end."""
    said = judge("So we moved scoring to the cheaper instances. We ended the quarter at about half the old serving "
                 "bill.", "story")
    assert said.says == "end" and said.sure
    assert not judge("So we moved scoring to the cheaper instances. We ended the quarter at", "story").sure


def test_a_story_told_to_how_things_stand_now_may_say_it_in_the_passive() -> None:
    """"The service is maintained by the search team now, ...": how things stand now, in the present passive, is no
    past; a present that turns back to the past ("..., but when I joined it crashed weekly") is no end."""
    told = "We rebuilt the ranking service over the winter. "
    now = judge(told + "It's maintained by the search team now, and four products call it.", "story")
    assert now.says == "end" and now.sure, now
    back = judge(told + "It's maintained by the search team now, but when I joined it crashed weekly.", "story")
    assert not back.sure, back


def test_a_question_then_what_its_answer_would_change_is_a_sure_end() -> None:
    """A question to the interviewer, then why its answer matters said in the conditional ("That would shape the
    rollout a lot.") or without its full stop, in full ("that'd change how I split the model"); cut before what it
    changes is said in full, it is no end."""
    asked = "Is the traffic mostly logged-in users or anonymous ones? "
    for why in ("That would shape the rollout a lot.", "that'd change how I split the model"):
        verdict = judge(asked + why, "design")
        assert verdict.says == "end" and verdict.sure, (why, verdict)
    assert not judge(asked + "that'd change how we", "design").sure


def test_a_plan_named_as_the_whole_period_asked_about_is_over() -> None:
    """To "... your first ninety days?", "that's roughly how I'd spend the first three months" names the whole period
    asked about, in other units: the plan is over; "the first two weeks" is its first part, and the answer goes on."""
    question = default_content().question("hm-first-90-days")
    plan = "I'd spend a month listening, then pick one pipeline to fix and ship it. "
    whole = judge(plan + "That's roughly how I'd spend the first three months, and I'd adjust it once I know the team.",
                  question_kind(question), question)
    assert whole.says == "end" and whole.sure, whole
    part = judge(plan + "That's roughly how I'd spend the first two weeks.", question_kind(question), question)
    assert part.says == "goes_on", part
