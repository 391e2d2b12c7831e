"""The candidate hears the fact asked for, in wordings no labelled set holds: how late a return is learnt, what a
model learns from, what must never be shown, what the deciders would accept, and the people a product reaches; and
who the users are, uncounted, asks no traffic."""
import pytest

from coach.interview import clarify, clarify_answer


def _asked(turn: str) -> list[str]:
    return clarify_answer.topics_asked(clarify.clarifying_questions(turn) or [turn])


@pytest.mark.parametrize(("turn", "topic"), [
    ("if a customer ends up sending the jacket back, how many days until we'd learn whether it was returned", "labels"),
    ("does a person judge the results anywhere today, or is dwell time all the model can learn from", "labels"),
    ("are there items that must never appear in the carousel no matter how well they score", "constraints"),
    ("what would the ads team need to see before they sign off on a new ranker", "goal"),
    ("is there one number you'll hold us to at the end of the quarter", "goal"),
    ("roughly how many people receive the weekly digest email", "traffic"),
])
def test_the_fact_asked_for_is_the_one_looked_up(turn: str, topic: str) -> None:
    assert _asked(turn) == [topic]


@pytest.mark.parametrize("turn", [
    "do most of the shoppers pay by card or by bank transfer",
    "can a single driver take two parcels at once on the same route",
])
def test_who_the_users_are_uncounted_is_not_answered_with_the_traffic(turn: str) -> None:
    facts = {"traffic": "Two million orders a day, forty thousand at the evening peak.",
             "latency": "A quote must come back within 200 milliseconds."}
    _, used = clarify_answer.reply(clarify.clarifying_questions(turn) or [turn], facts)
    assert "traffic" not in used


def test_a_count_of_the_users_still_asks_the_traffic() -> None:
    assert _asked("how many shoppers open the app on a normal weekday") == ["traffic"]


@pytest.mark.parametrize("turn", [
    "what figure would you hold the new ranker to after launch",
    "so which number would you grade this on in the end",
])
def test_what_the_interviewer_holds_the_candidate_to_is_asked(turn: str) -> None:
    assert clarify.is_clarification(turn)


def test_who_the_users_are_handed_back_still_names_the_problem() -> None:
    assert clarify.is_clarification("i take it the main users here are small shops, is that accurate")


@pytest.mark.parametrize("turn", [
    "quick one first, how many pipelines do we actually run? and are the owners on call at night",
    "how many pipelines do we have",
])
def test_a_count_of_a_thing_one_fact_numbers_is_answered_with_that_fact(turn: str) -> None:
    # a chained ask: the count is answered beside the other part, not handed back
    facts = {"traffic": "Around 60 pipelines, from hourly batches to a few streaming jobs.",
             "team": "Each pipeline's owners are on call for it; the platform team runs the scheduler.",
             "latency": "Most pipelines must land by 6am; the billing pipelines need 2 hours."}
    text, used = clarify_answer.reply(clarify.clarifying_questions(turn) or [turn], facts)
    assert used[:1] == ("traffic",), (text, used)
    assert "state an assumption" not in text.lower(), text
