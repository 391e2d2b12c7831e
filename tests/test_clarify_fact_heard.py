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
def test_who_the_users_are_uncounted_asks_no_traffic(turn: str) -> None:
    assert "traffic" not in _asked(turn)


def test_a_count_of_the_users_still_asks_the_traffic() -> None:
    assert _asked("how many shoppers open the app on a normal weekday") == ["traffic"]
