"""A clarifying reply says the part of a fact that was asked: asked one figure of a fact that bundles several, the
interviewer says that figure and keeps the rest for a later ask; a broad ask, an either-or, or an ask naming no part
hears the whole fact, and a figure asked is never dropped."""
from coach.content.loader import default_content
from coach.interview import clarify, fact_parts
from coach.interview.clarify_cues import default_cues


def _reply(question_id: str, turn: str) -> str:
    facts = dict(default_content().question(question_id).facts)
    asked = clarify.clarifying_questions(turn) or [turn]
    return clarify.reply(asked, facts, said=turn)[0]


def test_one_figure_asked_of_a_bundled_fact_is_said_alone() -> None:
    assert _reply("sd-llm-serving", "Roughly how many tokens does an average prompt carry?") == \
        "Prompts average 1,500 tokens."
    assert _reply("sd-search-ranking", "Roughly how many listings can a query match against?") == \
        "Over 30 million listings."
    assert _reply("sd-embedding-platform", "How many dimensions do the embeddings have?") == \
        "Each team uses its own dimensions today."


def test_a_count_of_a_word_every_fact_uses_still_names_its_part() -> None:
    """"features" is in most facts of the feature store, but a count of them names the part stating how many."""
    assert _reply("sd-feature-store", "How many features exist right now?") == "About 5,000 features today."


def test_a_broad_ask_or_an_ask_naming_both_parts_hears_the_whole_fact() -> None:
    whole = "30 million users; up to 200 million candidate notifications a day."
    assert _reply("sd-notification-ranking", "Tell me about the traffic, users and everything.") == whole
    assert _reply("sd-notification-ranking", "How many users, and how many candidate notifications a day?") == whole


def test_an_either_or_hears_the_whole_fact_but_options_of_one_figure_do_not() -> None:
    assert _reply("sd-image-moderation", "Is an upload visible right away or held back?") == \
        "Photos go live at once; a decision within 5 minutes is acceptable, except for the worst categories."
    assert _reply("sd-llm-serving", "Are prompts tens of tokens long or thousands?") == "Prompts average 1,500 tokens."


def test_a_count_of_a_thing_no_part_names_keeps_the_whole_fact() -> None:
    """"how many pings does one user get": the users part is not the count asked, so nothing is dropped."""
    assert _reply("sd-notification-ranking", "How many pings does one user get in a day?").startswith("30 million users; up to")


def test_a_part_that_only_goes_on_from_the_one_before_stays_with_it() -> None:
    cues = default_cues()
    assert fact_parts.parts("Around 900 orders a minute; and 4,000 on launch day.", cues) == \
        ["Around 900 orders a minute; and 4,000 on launch day."]
    assert fact_parts.parts("The page gets 150 milliseconds; search gets 60 of them.", cues) == \
        ["The page gets 150 milliseconds; search gets 60 of them."]
    assert fact_parts.parts("Logs keep six months of clicks; about 2 billion a week.", cues) == \
        ["Logs keep six months of clicks; about 2 billion a week."]
    assert fact_parts.parts("512 GPUs, 4 per host, with a 200 gigabit fabric.", cues) == \
        ["512 GPUs, 4 per host, with a 200 gigabit fabric."]
    assert fact_parts.parts("Refunds come within a week; 95 percent land within 20 days.", cues) == \
        ["Refunds come within a week; 95 percent land within 20 days."]
    assert fact_parts.parts("Ten thousand stores; each store sends its own feed.", cues) == \
        ["Ten thousand stores", "each store sends its own feed."]
