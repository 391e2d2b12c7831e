"""Turns held-out 22 showed the detector misreading, in fresh wordings: a question quoted inside a story, how far to
take one's own telling or which telling the interviewer would like (not facts of the problem), and an ask after
"before I go any further" that names its thing first ("the promoted items, do these get ...")."""
from coach.interview import clarify


def test_a_question_quoted_in_a_story_is_not_asked() -> None:
    turn = ("in the pilot one of the analysts pulled me aside and said why does it keep flagging the same merchants, "
            "and that turned out to be a stale device feature")
    assert not clarify.is_clarification(turn)
    # what the interviewer said, asked back, is still asked
    assert clarify.is_clarification("you said earlier the labels come late, is that thirty days?")


def test_how_far_to_take_ones_own_telling_is_about_the_interview() -> None:
    assert not clarify.is_clarification(
        "um how far should i take the retrieval part, i can keep it short if you'd rather see the ranking model")
    assert not clarify.is_clarification("how far should i get into the labelling pipeline before we switch to serving")


def test_which_telling_the_interviewer_would_like_is_about_the_interview() -> None:
    assert not clarify.is_clarification(
        "I can go through it with every step or just the outcome. Which would you like?")


def test_an_ask_after_before_i_go_further_may_name_its_thing_first() -> None:
    turn = ("i'd put a two tower retrieval stage and a gbdt ranker on top and before i go any further the promoted items "
            "do these get ranked by my model or by the ads team")
    assert clarify.is_clarification(turn)
