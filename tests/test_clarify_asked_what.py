"""What a clarifying turn asks, read as a strong interviewer reads it: the fact that answers a count, not the fact a
word in passing names; the design told before the ask is not asked; the reason for asking is not an answer; a need
for a figure at the end of a turn is an ask. Turns written for these tests, not taken from any set."""
from coach.content.loader import default_content
from coach.interview import clarify


def _facts_used(question_id: str, turn: str) -> tuple[str, ...]:
    facts = dict(default_content().question(question_id).facts)
    asked = clarify.clarifying_questions(turn) or [turn]
    return clarify.reply(asked, facts, said=turn)[1]


def test_a_count_is_answered_by_the_fact_that_holds_that_count() -> None:
    """The listings are counted in the traffic fact ("over 30 million listings"), not in the logged history."""
    assert _facts_used("sd-search-ranking", "how many listings sit in the index in total") == ("traffic",)


def test_the_design_told_before_the_ask_adds_no_fact_to_the_reply() -> None:
    turn = ("we'd retrieve with bm25 and an embedding index then rerank with a gradient boosted model over query and "
            "item features and what i want settled before going on is whether we're measured on purchases or on "
            "searches that find anything")
    assert _facts_used("sd-search-ranking", turn) == ("goal",)


def test_how_long_data_may_be_kept_is_the_retention_rule_not_the_data_held() -> None:
    assert _facts_used("sd-eta-prediction", "how long can we hold on to where the couriers have been") == ("constraints",)


def test_how_long_we_have_between_two_moments_is_the_latency_budget() -> None:
    turn = "how long do we have from the tap on the pay button to the yes or no"
    assert _facts_used("sd-fraud-detection", turn) == ("latency",)


def test_what_we_are_after_asks_the_goal() -> None:
    """Not the history or the labels, though the options name what those hold."""
    assert _facts_used("sd-notification-ranking", "so what are we really after, more opens or fewer opt outs") == ("goal",)
    assert _facts_used("sd-feed-ranking", "what are we really after here more likes or fewer hides") == ("goal",)


def test_the_reason_for_asking_after_a_question_does_not_make_it_rhetorical() -> None:
    assert clarify.is_clarification(
        "how late do the chargebacks turn up cause if it's months i'll weight the recent payments differently")
    assert clarify.is_clarification(
        "which side would you rather we err on early or late because the answer shapes the loss i choose")
    # an answer in the same breath still makes it the candidate's own question
    assert not clarify.is_clarification("is a single model plenty probably not so we split by region")


def test_a_need_for_a_figure_at_the_end_of_a_turn_is_an_ask() -> None:
    assert clarify.is_clarification("i don't have a feel for the peak load so that figure i'd want off you")
    assert clarify.is_clarification("and queries volume and the latency budget for those")


def test_a_subject_question_after_a_statement_is_asked() -> None:
    assert clarify.is_clarification(
        "i'm weighing blocked good payments against missed fraud so which one of those costs us more")
    assert clarify.is_clarification(
        "can we use any browsing signal for this or is there a category of data like location that's off limits")


def test_a_requirement_on_what_the_model_returns_and_the_interview_clock_are_not_asks() -> None:
    assert not clarify.is_clarification(
        "what comes back from the scorer has to be a calibrated number not only an ordering since billing multiplies "
        "it by the price offered so i'll fit a calibration curve on a recent day")
    assert not clarify.is_clarification("which part should get the next few minutes, serving or the training loop")


def test_a_count_of_volume_is_the_traffic_even_when_another_fact_shares_the_word() -> None:
    """The label fact says when an order "is delivered", not how many are: the count asks the volume."""
    assert _facts_used("sd-eta-prediction", "how many deliveries are we talking about") == ("traffic",)
    assert _facts_used("sd-eta-prediction", "so how many deliveries are we dealing with on a normal evening") == ("traffic",)


def test_asking_whether_to_work_it_out_loud_is_about_the_interview_not_the_problem() -> None:
    assert not clarify.is_clarification("should i work the gpu count out loud or do you just want the design")
    assert not clarify.is_clarification("do you want me to do the storage sums out loud first")
    assert clarify.is_clarification("which way would you rather we err, blocking good payments or letting fraud through")


def test_an_example_of_the_shape_of_the_answer_names_no_fact_of_its_own() -> None:
    """"like some share of orders ..." says what a goal could look like; when the orders land is not asked."""
    turn = "is there some goal you have in mind like some share of orders landing near the time we showed"
    assert _facts_used("sd-eta-prediction", turn) == ("goal",)


def test_a_lower_bound_on_a_rate_is_the_pace_required_not_the_volume() -> None:
    """A floor on tokens a second is how fast each reply must stream (the latency), not how much traffic arrives."""
    turn = "while the reply is streaming out is there a minimum of words per second a person should see"
    assert _facts_used("sd-llm-serving", turn) == ("latency",)
    assert _facts_used("sd-llm-serving", "what's the lower bound on tokens per second per conversation") == ("latency",)
    # a count per second with no bound is still the volume
    assert _facts_used("sd-llm-serving", "how many conversations per second come in at the peak") == ("traffic",)


def test_which_of_two_outcomes_harms_more_asks_the_goal() -> None:
    """Not the latency or the labels the outcomes mention: which error costs more is what the goal weighs."""
    turn = "which one stings you more an estimate that runs long or one that comes in short"
    assert _facts_used("sd-eta-prediction", turn) == ("goal",)
    assert _facts_used("sd-eta-prediction", "which bothers customers more the food arriving late or early") == ("goal",)


def test_a_word_that_only_opens_like_a_count_asks_no_count() -> None:
    """"country" is not "count": where the merchants are is not the traffic, and the facts do not say it."""
    assert _facts_used("sd-fraud-detection", "do our merchants all sit in a single country") == ()
    assert _facts_used("sd-fraud-detection", "are the merchants based in one country or spread over several") == ()


def test_the_items_of_the_candidates_plan_are_not_asked() -> None:
    """"waiting on a driver" is one stage of the plan's list, not a question about the latency."""
    turn = "so i'd break it into the kitchen, waiting on a driver, and the ride, and how far back does the order history go"
    assert _facts_used("sd-eta-prediction", turn) == ("data",)
