"""Which fact a clarifying reply uses, for the causes held-out 21 showed, each in fresh wordings: an ask framed by a
clause after "what I need from you", a tie broken by the fact that names the very thing asked, whether a thing is
ours as a question of what is shared, and a period after a bound of time as a duration, not a rate."""
from coach.content.loader import default_content
from coach.interview import clarify


def _reply(question_id: str, turn: str) -> tuple[str, tuple[str, ...]]:
    facts = dict(default_content().question(question_id).facts)
    asked = clarify.clarifying_questions(turn) or [turn]
    return clarify.reply(asked, facts, said=turn)


def test_a_question_framed_by_a_clause_after_the_ask_is_what_is_asked() -> None:
    """The design said first ("we'd keep ...") and the "when/if" clause are not what is asked; "be given" is a
    passive, not a premise cut off the question."""
    turn = ("we'd keep a rolling feature store per merchant, and that leads to what I need from you: if a payment "
            "gets held, does the merchant have to be given the reason")
    assert _reply("sd-fraud-detection", turn)[1] == ("constraints",)
    turn = ("rules first then a tree model on cpu which is where i need something from you when a card gets declined "
            "does the shop have to see a reason")
    assert _reply("sd-fraud-detection", turn)[1] == ("constraints",)


def test_of_facts_tied_the_one_naming_the_thing_asked_answers_and_its_other_side_too() -> None:
    text, used = _reply("sd-distributed-training", "Are preemptible machines allowed here, or are we only on reserved ones?")
    assert used == ("constraints",)
    assert "assumption" not in text          # the other side of the same question is answered by the same fact


def test_whether_a_thing_is_ours_asks_what_is_shared() -> None:
    turn = "one more thing, is the gpu pool ours for the full three weeks or do other groups share it"
    assert _reply("sd-distributed-training", turn)[1] == ("traffic",)


def test_a_period_after_a_bound_of_time_is_a_duration() -> None:
    turn = "my hunch is the quote should appear pretty much instantly, less than a second, but what number do you have"
    assert _reply("sd-eta-prediction", turn)[1] == ("latency",)
    # a rate's period stays the traffic
    assert _reply("sd-eta-prediction", "how many estimates get requested a second at the dinner peak")[1] == ("traffic",)


def test_a_hedged_may_not_be_names_no_rule() -> None:
    """Speech cut off into "... may not be" is no rule: the count asked still gets its fact."""
    turn = "is the purchase log fair game, and roughly how many visitors reach the front page it may not be"
    assert "traffic" in _reply("sd-home-recommendations", turn)[1]
    assert _reply("sd-home-recommendations", "may the purchase log not be stored outside the EU")[1] == ("constraints",)


def test_what_an_answer_is_spread_over_does_not_pick_the_fact() -> None:
    """"each team" says over what the answer varies; the thing asked (the dimensions) picks the fact."""
    text, used = _reply("sd-embedding-platform", "Which vector size is every team on right now, dimension wise?")
    assert used == ("data",)
    assert "dimensions" in text


def test_a_size_asked_of_a_thing_one_fact_names_is_answered() -> None:
    text, used = _reply("sd-llm-serving", "how long is a typical prompt?")
    assert used == ("data",)
    assert "1,500 tokens" in text


def test_a_state_no_fact_holds_is_handed_back_not_answered_by_the_things_name() -> None:
    """A yes/no question whether a thing is or does something no fact says ("audited", "mute") is handed back, though
    a fact shares the thing's name (models, notifications); an example after it is not asked apart."""
    turn = "are some of these models audited by an outside body, like a regulator reviewing the prediction logs"
    assert _reply("sd-model-monitoring", turn)[1] == ()
    assert _reply("sd-fraud-detection", "do merchants ever dispute a block")[1] == ()
    # a state a fact does hold is answered
    assert _reply("sd-home-recommendations", "can shoppers switch personalisation off")[1] == ("constraints",)
    # "is anything stopping ..." asks a rule, not a state of "anything"
    turn = "Is anything stopping search from reusing the ads vectors, like rules on which sources may train them?"
    assert _reply("sd-embedding-platform", turn)[1] == ("constraints",)


def test_a_reply_that_answers_every_part_hands_nothing_back() -> None:
    """"how many of them" points back to the thing named before it, and "..., at p95?" qualifies the question before
    it: the fact answers the whole ask, so no "for the rest, state your assumption" is added."""
    text, used = _reply("sd-llm-serving", "and the accelerators, which type and about how many of them")
    assert used == ("budget",) and "assumption" not in text
    text, used = _reply("sd-home-recommendations",
                        "The page has an overall deadline and we get part of it. How big is our part, at p99?")
    assert used == ("latency",) and "assumption" not in text
