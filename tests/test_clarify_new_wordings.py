"""Clarifying questions in wordings no labelled set holds: asked whatever the form, and the candidate's own plan or
own next step is still not a question to the interviewer."""
import pytest

from coach.interview import clarify

ASKED = [
    "do the merchants get any say in which payments we hold back",         # the question's object closed by "we <verb>"
    "what does one late label cost next to a customer we turn away",
    "is it fine if the estimate is a bit off for brand new restaurants",  # whether the problem allows it, not leave
    "how many engineers would I have on this",                             # a count of what the speaker is given
    "one thing I'm not sure about is the retention policy on the raw events",   # an unknown named as a thing
    "the review queue then, every flagged payment or only a sample i'm free to pick",   # the option described
    # a guess handed back: the last clause wants it from the interviewer, so the guess answers nothing
    "How long do labels take? I'd guess a week, but I'd rather know it from you.",
    "How big is the index? I'm betting around a terabyte, but I'd sooner hear it from you.",
    "How many GPUs do we get? Probably eight, but I'd like to hear it from you.",     # opens like an answer
    "what's the peak? i'm guessing around five thousand a second but i'd rather you tell me",
    "How long until labels land? I'd guess a week or so, but I'd rather get that from you.",
    # "doing well" says how the product fares, not "well, ..." answering the question
    "what number does the board watch to decide the product is doing well, because if it's sessions i'd rank for stickiness",
]

NOT_ASKED = [
    "is it fine if I start with the data flow and come back to the models",     # leave for the candidate's own step
    "how many shards would I need for thirty million listings, call it ten",    # the candidate's own sizing
    "what happens if the ranker times out we fall back to the popular items",   # the plan said in the same breath
    "one thing I'm unsure about is the embedding size, I'd start at 128 and tune it",
    "we could use trees or a net, i'd pick trees",                               # the candidate choosing
    "which model I pick depends on the latency, so trees for now",               # the speaker's choice as a subject
    "forty thousand requests times two kilobytes is eighty megabytes a second?",   # a sum said aloud, rising voice
    "so three hundred requests a second times eighty milliseconds is twenty four in flight?",
    "Is a shared cache worth it? Only if it beats what the services have today.",  # answered by a condition
    "Should I talk about the data side or the serving side first?",             # the candidate's own next step
    "how far into the cost maths do you want to see me go, every line item or just the total",   # depth check-in
]


@pytest.mark.parametrize("turn", ASKED)
def test_new_wordings_of_a_clarifying_question_are_asked(turn: str) -> None:
    assert clarify.is_clarification(turn)


@pytest.mark.parametrize("turn", NOT_ASKED)
def test_the_candidates_own_plan_or_step_is_not_asked(turn: str) -> None:
    assert not clarify.is_clarification(turn)
