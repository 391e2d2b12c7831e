"""Clarifying questions in wordings held-out 23 showed the rules missing, each in fresh words: a tag word that is the
clause's own ("if the order is right?"), winding one's own part down, a question word's own question answered at once,
the reason for asking said with "would", feedback from the product's users, a thing named before a question about it
with no comma; and replies: a phrasal verb split by its object, a share of the page's time, a verb form of a cue noun,
a count answered only by a fact with a number, "just" softening a want, "hang on" stopping the design to ask, the
design told before "what I haven't asked yet is", a state done to a thing with a longer name, an empty idiom and a
cue of place read literally."""
from coach.content.loader import default_content
from coach.interview import clarify


def _reply(question_id: str, turn: str) -> tuple[str, tuple[str, ...]]:
    facts = dict(default_content().question(question_id).facts)
    asked = clarify.clarifying_questions(turn) or [turn]
    return clarify.reply(asked, facts, said=turn)


def test_a_tag_word_after_a_copula_is_the_clause_own_and_the_reason_after_answers_it() -> None:
    assert not clarify.is_clarification("why keep a queue at all if the order is right? because a burst would "
                                        "otherwise drop events on the floor")


def test_winding_down_one_own_part_is_about_the_interview() -> None:
    assert not clarify.is_clarification("I'm watching the time. Should I wrap the retrieval part now and keep a few "
                                        "minutes for how the teams roll it out?")


def test_a_question_word_question_answered_at_once_is_rhetorical() -> None:
    assert not clarify.is_clarification("what counts as stale? anything older than a day, so i'd rebuild the index "
                                        "every night and alert when a build fails")


def test_a_reason_for_asking_said_with_would_keeps_the_question_open() -> None:
    assert clarify.is_clarification("Do refunds count as fraud here? That would change what I label as positive.")


def test_feedback_from_the_product_users_is_a_fact_asked() -> None:
    assert clarify.is_clarification("is there any feedback from the riders right now, some rating they leave after "
                                     "each trip")
    assert not clarify.is_clarification("any feedback on the approach so far?")


def test_a_thing_named_before_its_question_without_a_comma() -> None:
    assert clarify.is_clarification("and the labels for brand new users how long until we know whether they stayed")


def test_a_phrasal_verb_split_by_its_object_names_the_goal() -> None:
    turn = "when the director signs it off, what is she looking at, sales or something about relevance"
    assert _reply("sd-search-ranking", turn)[1] == ("goal",)


def test_a_share_of_the_page_time_asks_the_latency() -> None:
    turn = "I'd guess ranking gets half of the page time. Not sure though, what's the actual split?"
    assert _reply("sd-home-recommendations", turn)[1] == ("latency",)


def test_a_verb_form_of_compute_and_a_count_without_a_number() -> None:
    text, used = _reply("sd-feature-store", "how much data do we store offline today, and is a lot of it "
                                            "computed twice by separate teams")
    assert used == ("data",)
    assert "assumption" not in text          # "a lot of it" points back to the data


def test_just_before_a_want_softens_the_ask() -> None:
    turn = ("what bothers the business most, food arriving early or arriving late, or do they just want the typical "
            "error smaller")
    assert _reply("sd-eta-prediction", turn)[1] == ("goal",)


def test_hang_on_stops_the_design_to_ask() -> None:
    turn = ("we batch the sends every hour and score them per user under the daily cap um hang on does each type of "
            "alert tolerate sitting in the queue or are some of them urgent")
    asked = clarify.clarifying_questions(turn)
    assert asked and asked[0].startswith("does each type")        # the question, not the design before it
    assert _reply("sd-notification-ranking", turn)[1] == ("latency",)


def test_the_design_told_before_the_candidate_says_they_ask_is_not_asked() -> None:
    turn = ("so there's a batch path into parquet, a streaming path into redis, and what i haven't asked yet is "
            "whether any features hold personal data")
    assert _reply("sd-feature-store", turn)[1] == ("constraints",)


def test_a_state_done_to_a_thing_with_a_longer_name_is_handed_back() -> None:
    turn = "are any of the home page banners bought by sellers, or are they all picked by us"
    assert _reply("sd-home-recommendations", turn)[1] == ()


def test_an_empty_idiom_shares_nothing_with_a_fact() -> None:
    turn = "is there a floor price, or does an ad get the slot no matter how little it offers"
    assert _reply("sd-ads-click-prediction", turn)[1] == ()


def test_a_cue_of_place_read_literally_names_no_rule() -> None:
    assert _reply("sd-image-moderation", "screenshots with words inside the picture, are those in scope?")[1] == ()
