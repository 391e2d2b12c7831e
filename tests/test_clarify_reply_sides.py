"""Which fact a clarifying reply uses when a word of the ask does not carry it or a side of it names the fact: "keep"
before a verb in -ing keeps nothing, a limit beside money is the budget whichever side the money is named on, leave
to hand work to people asks whether there are such people, the side after "or" that names a fact settles the whole
either-or, and "they all" names the group whose likeness is asked."""
from coach.content.loader import default_content
from coach.interview import clarify


def _reply(question_id: str, turn: str) -> tuple[str, tuple[str, ...]]:
    facts = dict(default_content().question(question_id).facts)
    asked = clarify.clarifying_questions(turn) or [turn]
    return clarify.reply(asked, facts, said=turn)


def test_keep_before_a_verb_in_ing_names_no_data() -> None:
    """Going on doing something ("do we keep refreshing it") is not what is kept: no fact says it."""
    turn = "does the number stay fixed after the order goes in, or do we keep refreshing it as the rider moves?"
    assert _reply("sd-eta-prediction", turn)[1] == ()
    # what is kept still names the data
    assert _reply("sd-eta-prediction", "what history do we keep about past deliveries?")[1] == ("data",)


def test_a_limit_after_the_money_named_is_the_budget() -> None:
    assert _reply("sd-llm-serving", "what's the spend ceiling for running this thing")[1] == ("budget",)
    assert _reply("sd-image-moderation", "is there a compute cap for inference")[1] == ("budget",)


def test_leave_to_hand_work_to_a_person_asks_the_team() -> None:
    turn = "could we push the borderline photos to a human reviewer?"
    assert _reply("sd-image-moderation", turn)[1] == ("team",)


def test_the_side_after_or_that_names_a_fact_answers_the_either_or() -> None:
    turn = "should a shady payment just be declined automatically, or can we route it to a reviewer first?"
    text, used = _reply("sd-fraud-detection", turn)
    assert used == ("team",)
    assert "assumption" not in text


def test_they_all_names_the_group_whose_likeness_is_asked() -> None:
    turn = "who'd be the first customers of this, and do they all need the same dimensionality?"
    text, used = _reply("sd-embedding-platform", turn)
    assert "data" in used
    assert "own dimensions" in text


def test_a_fact_said_in_other_words_is_shared() -> None:
    """"a node crashes" says the fact's "failed node" in everyday words: the fact that bounds the progress lost."""
    turn = "so what's the story when a node crashes partway through the job?"
    assert _reply("sd-distributed-training", turn)[1] == ("latency",)


def test_what_a_thing_needs_is_what_a_yes_no_ask_asks() -> None:
    """"do the bot's answers need footnotes": the thing needed, which a rule says in its own word ("cite"), not the verb
    "need"; a verb kept on with after "need to keep" is still a state the facts do not hold."""
    turn = "do the bot's answers need footnotes pointing at the source?"
    assert _reply("sd-support-assistant", turn)[1] == ("constraints",)
    turn = "does the eta need to keep changing while the rider's on the way, or is it set once?"
    assert _reply("sd-eta-prediction", turn)[1] == ()


def test_cpus_are_hardware_asked() -> None:
    assert _reply("sd-home-recommendations", "could we put gpus on this, or are we cpu only?")[1] == ("budget",)


def test_a_yes_no_ask_whose_verb_one_fact_holds_gets_that_fact() -> None:
    """"can a person appeal": the fact saying removals are appealable answers, though it shares no other word; a verb
    that says little of its own ("come") or the word after "is" picks no fact."""
    assert _reply("sd-image-moderation", "can a person appeal if their picture gets taken down?")[1] == ("constraints",)
    assert _reply("sd-fraud-detection", "do the orders come from lots of countries or mostly one?")[1] == ()


def test_asks_in_words_the_cue_lists_lacked() -> None:
    """The time a step gets, sending at night, what must be kept out of a place, being forgotten, and the bar a team
    sets: each names its fact; the bar for what a cue names is that fact ("the bar for the first token": latency)."""
    assert _reply("sd-search-ranking", "how long do we get for the ranking step?")[1] == ("latency",)
    assert _reply("sd-notification-ranking", "can pushes go out at night?")[1] == ("constraints",)
    assert _reply("sd-feed-ranking", "is there stuff that has to be kept out of the top twenty?")[1] == ("constraints",)
    turn = "and if someone wants to be forgotten, do we have to handle that?"
    assert _reply("sd-feature-store", turn)[1] == ("constraints",)
    assert _reply("sd-embedding-platform", "what's the bar for a product group to move onto it?")[1] == ("goal",)
    assert _reply("sd-llm-serving", "what's the bar for the first token?")[1] == ("latency",)


def test_a_fact_saying_a_before_the_thing_counted_numbers_none_of_it() -> None:
    """"how many pushes": "a push service" numbers no pushes, and a fact that names the thing counted without a number
    of it is no answer; "an hour of progress" is still a count."""
    assert "team" not in _reply("sd-notification-ranking", "how many pushes go out in an average day?")[1]
    # a word the facts use themselves ("a push service") is not read as another fact's word ("notifications")
    assert _reply("sd-notification-ranking", "do users hear from us by sms too, or only by push?")[1] == ()
    assert _reply("sd-distributed-training", "how much progress can we afford to lose?")[1] == ("latency",)


def test_how_we_would_know_an_outcome_asks_the_labels() -> None:
    """"how do we tell if a reply was any good": how the outcome becomes known, which the labels say, not the design's
    own method."""
    assert _reply("sd-support-assistant", "how do we tell if a suggested reply was any good?")[1] == ("labels",)
    assert clarify.clarifying_questions("how would we know if a photo we left up was actually bad?")


def test_a_count_of_people_doing_the_work_asks_the_team() -> None:
    assert _reply("sd-search-ranking", "how many developers are working on the ranking model?")[1] == ("team",)


def test_things_that_come_back_are_asked_about_and_the_speaker_coming_back_is_not() -> None:
    """"come back to" leaves the talk for later only when the speaker comes back ("can we come back to this")."""
    assert clarify.clarifying_questions("how long until the disputed orders come back to us?")
    assert not clarify.clarifying_questions("can we come back to this later?")
