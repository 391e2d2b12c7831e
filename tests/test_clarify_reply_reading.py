"""Which fact answers a clarifying question, on wordings the rules were not written from: a verb of removal or a
word for people's own data asks the retention rule; a count whose subject points back ("how many can they clear")
asks about the people the part before named; whether a thing is alike across a group or each member has its own is
answered by the fact saying how it varies, else handed back. Turns written for these tests, not taken from any set."""
from coach.content.loader import default_content
from coach.interview import clarify


def _facts_used(question_id: str, turn: str) -> tuple[str, ...]:
    facts = dict(default_content().question(question_id).facts)
    asked = clarify.clarifying_questions(turn) or [turn]
    return clarify.reply(asked, facts, said=turn)[1]


def test_a_verb_of_removal_asks_the_retention_rule() -> None:
    assert _facts_used("sd-model-monitoring", "are we obliged to wipe the stored inputs at some point") == ("constraints",)


def test_features_about_individuals_ask_the_personal_data_rule() -> None:
    assert _facts_used("sd-feature-store", "do some of the features identify individual people, like their age") == \
        ("constraints",)


def test_a_count_whose_subject_points_back_asks_about_the_people_named_before() -> None:
    turn = "is there a review team for flagged payments, and if there is, roughly how many in an hour can they work through"
    assert _facts_used("sd-fraud-detection", turn) == ("team",)


def test_alike_across_a_group_is_answered_by_the_fact_saying_how_it_varies() -> None:
    turn = "does every team train with one shared vector length, or does each pick its own dimension"
    assert _facts_used("sd-embedding-platform", turn) == ("data",)


def test_alike_across_a_group_that_no_fact_varies_is_handed_back() -> None:
    turn = "is the catalogue the same across every region, or does each region stock its own range"
    assert _facts_used("sd-home-recommendations", turn) == ()


def test_two_outcomes_that_cost_the_same_are_no_group() -> None:
    """"the same" comparing two outcomes is not an ask of likeness across members: the goal still answers."""
    assert _facts_used("sd-eta-prediction", "does arriving late cost us the same as arriving early or is one worse") == \
        ("goal",)


def test_how_far_the_problem_reaches_is_handed_back_when_no_fact_says() -> None:
    """The articles name the data only as the thing whose reach is asked; which languages it holds is not a fact."""
    turn = "are the articles only written in english, or do we get other languages too"
    assert _facts_used("sd-support-assistant", turn) == ()


def test_a_widening_side_that_points_back_and_names_no_fact_is_handed_back() -> None:
    """"they" points back to the customers; whether they also phone in is not a fact of the problem."""
    turn = "do customers only contact us through the website widget, or do they phone in as well"
    assert _facts_used("sd-support-assistant", turn) == ()


def test_only_the_either_or_of_scope_is_handed_back_not_the_other_parts() -> None:
    turn = "what's the monthly budget, and are the articles only in english or do we get other languages too"
    assert _facts_used("sd-support-assistant", turn) == ("budget",)


def test_one_word_shared_with_a_fact_and_no_cue_is_handed_back() -> None:
    """The history names the restaurants' prep times; whether a kitchen can pause orders is not a fact."""
    assert _facts_used("sd-eta-prediction", "can restaurants pause taking orders when the kitchen is swamped") == ()


def test_whether_one_error_is_worse_than_the_other_asks_the_goal() -> None:
    """Not the card history the first option names."""
    turn = "would it be worse for us to wave a stolen card through or to turn away a real buyer"
    assert _facts_used("sd-fraud-detection", turn) == ("goal",)
