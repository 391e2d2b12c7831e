"""Broad forms of asking: new wordings of an ask are caught, talk about the candidate's own turn is not."""
from coach.interview.clarify import is_clarification


def test_a_telling_verb_put_to_the_interviewer_asks() -> None:
    assert is_clarification("walk me through how the support agents hand a case back to the bot")


def test_a_wish_to_know_asks_but_a_plan_that_goes_on_does_not() -> None:
    assert is_clarification("I'd be glad to learn how many shoppers hit checkout on a sale day")
    assert not is_clarification("I want to know within minutes when the ranker degrades, so the alert runs every five minutes.")


def test_a_premise_handed_back_asks() -> None:
    assert is_clarification("I'd guess around two thousand orders a minute at lunch, is that about right")


def test_questions_about_the_candidates_own_talk_are_not_clarifications() -> None:
    assert not is_clarification("Am I going into too much of the feature store here?")
    assert not is_clarification("Can I spend five minutes on the labelling pipeline first?")
    assert not is_clarification("does that cover the retrieval side the way you had in mind")


def test_a_yes_no_question_answered_in_the_same_breath_is_rhetorical() -> None:
    assert not is_clarification("do we need a gpu for scoring no a small tree model runs fine on cpu")
