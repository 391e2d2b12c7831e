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


def test_how_much_of_a_time_or_money_allowance_is_the_latency_or_budget_not_a_rule() -> None:
    """A bare "allowed" beside time or money asks how much, not what the rules forbid."""
    assert _facts_used("sd-search-ranking", "how much of the page's time is ranking allowed") == ("latency",)
    assert _facts_used("sd-search-ranking", "what's the money we are allowed to spend each month") == ("budget",)
    # leave to do something with a thing bought is still a rule
    assert _facts_used("sd-llm-serving", "are the chats allowed to leave our own cloud account") == ("constraints",)


def test_a_cost_set_against_another_cost_is_the_price_of_errors() -> None:
    """"what does X cost next to Y" weighs one mistake against the other: the goal, not the serving budget."""
    turn = "what does waving one stolen card through cost us versus one loyal buyer we reject"
    assert _facts_used("sd-fraud-detection", turn) == ("goal",)
    turn = "how much does a stolen card getting past us cost relative to a good order we refuse"
    assert _facts_used("sd-fraud-detection", turn) == ("goal",)
    assert _facts_used("sd-fraud-detection", "what can we spend on serving this") == ("budget",)


def test_a_count_of_what_people_get_through_is_their_capacity() -> None:
    """"how many X can a reviewer handle" asks the review team's pace, not how many X the system sees."""
    turn = "the middle band goes to people, so how many payments can one analyst clear in a day"
    assert _facts_used("sd-fraud-detection", turn) == ("team",)
    # the system's count of the same thing is still the traffic
    assert _facts_used("sd-fraud-detection", "how many payments come through each second at peak") == ("traffic",)


def test_whether_a_kind_of_compute_is_on_the_table_is_the_budget() -> None:
    assert _facts_used("sd-search-ranking", "are gpus on the table for serving the ranker") == ("budget",)
    # whether a way of handling the users' data is on the table is still a rule
    assert _facts_used("sd-llm-serving", "is a third party api off the table") == ("constraints",)


def test_the_other_side_of_a_yes_no_question_gets_the_same_fact() -> None:
    """"can X go to a hosted service, or is it our own boxes only": one question, one fact."""
    turn = "if we get swamped could the spillover be sent to a hosted provider or is it our own machines regardless"
    assert _facts_used("sd-llm-serving", turn) == ("constraints",)


def test_whether_a_thing_is_ours_alone_gets_the_fact_saying_what_is_shared() -> None:
    """An open "what's the story with X" then "is it ours alone" asks the sharing, not what X is."""
    turn = "what's the story with the cluster, is it dedicated to us for the run or do other teams use it as well"
    assert _facts_used("sd-distributed-training", turn) == ("traffic",)
    # asked alone, the open ask still gets what the cluster is
    assert _facts_used("sd-distributed-training", "what's the story with the cluster") == ("budget",)


def test_two_facts_that_fit_an_ask_alike_are_handed_back() -> None:
    """Asks the facts do not hold, sharing words with two facts alike: the candidate hears "state an assumption",
    not a fact picked by the order the facts happen to be written in."""
    assert _facts_used("sd-search-ranking", "is a purchase worth the same to us when the listing was a sponsored one") == ()
    assert _facts_used("sd-home-recommendations", "does the app show shoppers the same home page the website does") == ()
    facts = dict(default_content().question("sd-home-recommendations").facts)
    turn = "does the app show shoppers the same home page the website does"
    assert "assumption" in clarify.reply(clarify.clarifying_questions(turn), facts, said=turn)[0]


def test_a_period_heard_wrong_still_gets_the_count_fact() -> None:
    """Whisper hears "per day" as "per May": the rest of the ask is clear, so the count is still answered, and by the
    number the system sees, not by what the moderators label in a day."""
    assert _facts_used("sd-image-moderation", "how many photos come in per May") == ("traffic",)
    assert _facts_used("sd-image-moderation", "uh how many photos get uploaded per may roughly") == ("traffic",)
    assert _facts_used("sd-fraud-detection", "how many payments hit us per may at the holiday peak") == ("traffic",)


def test_a_word_most_facts_use_names_the_problem_not_a_fact() -> None:
    """Nearly every fact of delivery times speaks of orders: sharing "order" picks none of them."""
    assert _facts_used("sd-eta-prediction", "can an order be handed over to a different courier halfway?") == ()


def test_one_word_of_one_option_of_an_either_or_picks_no_fact() -> None:
    turn = "are most buyers paying with a saved card or is it mostly wallets and bank transfers"
    assert _facts_used("sd-fraud-detection", turn) == ()


def test_the_thing_a_which_question_asks_for_that_no_fact_holds_is_handed_back() -> None:
    """"show up" would name the labels; what is asked is which countries, and no fact says."""
    assert _facts_used("sd-support-assistant", "which countries show up most in the tickets") == ()
    assert _facts_used("sd-support-assistant", "which help articles get cited the most") != ()
    # the thing is the last noun before the verb: "networks", not the "card" the data fact holds
    assert _facts_used("sd-fraud-detection", "which card networks do we see most, visa or a mix") == ()


def test_a_generic_noun_beside_a_thing_no_fact_holds_is_handed_back() -> None:
    assert _facts_used("sd-fraud-detection", "do the rules differ between countries we operate in") == ()
    assert _facts_used("sd-fraud-detection", "are there rules on what a block has to tell the merchant") == ("constraints",)


def test_how_long_until_someone_learns_the_outcome_asks_the_labels() -> None:
    assert _facts_used("sd-home-recommendations", "how long until we actually know a shopper kept what they bought") == \
        ("labels",)
    assert _facts_used("sd-fraud-detection", "how long until someone realises a charge was fraudulent") == ("labels",)


def test_a_count_that_names_no_thing_counts_what_the_part_before_named() -> None:
    turn = "how long are impressions stored, and about how many pile up each day"
    assert _facts_used("sd-ads-click-prediction", turn) == ("data",)


def test_a_person_grading_the_results_asks_the_labels() -> None:
    assert _facts_used("sd-search-ranking", "does somebody on staff grade a sample of the results each week") == ("labels",)


def test_something_that_may_never_happen_asks_a_rule() -> None:
    turn = "is there anything the results may never include, whatever the ranker scores"
    assert _facts_used("sd-search-ranking", turn) == ("constraints",)


def test_which_kind_most_of_something_is_is_a_share_the_facts_do_not_give() -> None:
    assert _facts_used("sd-ads-click-prediction", "are the ads mostly video or static banners") == ()
    assert _facts_used("sd-feed-ranking", "do people mostly follow friends or creators") == ()
    # a cue in the option after "or" names no fact: it is one of the kinds
    assert _facts_used("sd-eta-prediction", "do most customers order through the app or the website") == ()
    # a cue naming what is asked still answers, and "which hurts most" asks which is worse, not a share
    assert _facts_used("sd-fraud-detection", "is the traffic mostly steady or does it spike at the holidays") == \
        ("traffic",)
    assert _facts_used("sd-fraud-detection", "which hurts us most, letting fraud through or blocking a good customer") == \
        ("goal",)
