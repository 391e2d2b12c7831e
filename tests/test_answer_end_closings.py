"""Is the answer over? Closings a listening interviewer hears as the end, on sentences written for these tests:
a check that the answer was followed, a question on what the interviewer wants of the candidate."""
from __future__ import annotations

from coach.streaming.answer_end import judge


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
