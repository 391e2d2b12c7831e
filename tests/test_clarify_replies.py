"""Which of the question's facts a clarifying reply uses: the fact asked about, not one a word in passing names."""
from coach.content.loader import default_content
from coach.interview import clarify


def _facts_used(question_id: str, turn: str) -> tuple[str, ...]:
    facts = dict(default_content().question(question_id).facts)
    asked = clarify.clarifying_questions(turn) or [turn]
    return clarify.reply(asked, facts, said=turn)[1]


def test_a_count_asked_with_a_frame_of_volume_gets_the_traffic_fact() -> None:
    """"how many trips are we talking about" names no rate, but a strong interviewer hears the volume asked."""
    assert _facts_used("sd-eta-prediction", "how many trips are we talking about") == ("traffic",)
    assert _facts_used("sd-eta-prediction", "so how many are we looking at on a normal day") == ("traffic",)
    # a count that names what is counted keeps that fact
    assert _facts_used("sd-eta-prediction", "how many engineers are we talking about") == ("team",)


def test_a_ceiling_on_what_something_costs_is_the_budget() -> None:
    assert _facts_used("sd-llm-serving", "is there a cap on what serving can cost") == ("budget",)


def test_examples_after_the_fact_named_name_no_fact_of_their_own() -> None:
    turn = "what i don't know is whether there's a limit on what serving may cost, like a percent of revenue or a fixed amount"
    assert _facts_used("sd-llm-serving", turn) == ("budget",)


def test_a_word_in_er_is_not_the_topic_word_it_starts_with() -> None:
    """"the loader" is not "load" (traffic)."""
    turn = "the loader streams shards from the bucket, how much progress is it fine to lose when a node dies"
    assert _facts_used("sd-distributed-training", turn) == ("latency",)


def test_the_options_of_a_choice_asked_get_the_fact_the_choice_names() -> None:
    turn = "which metric is the team judged on, fewer opt outs or how many get opened"
    assert _facts_used("sd-notification-ranking", turn) == ("goal",)
