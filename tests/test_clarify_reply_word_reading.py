"""Which fact a clarifying reply uses, for the causes held-out 22 showed, each in fresh wordings: a cue only opening a
longer word ("win" in "window"), an amount idiom ("a week's worth of"), who does the work, a clause setting the ask
against something else, leave to keep a thing for how long, a "like" question saying what a vague part asks, what
leadership keeps score by, the reason for asking kept out of the fallback, and the other side of an either-or the facts
do not hold."""
from coach.content.loader import default_content
from coach.interview import clarify


def _reply(question_id: str, turn: str) -> tuple[str, tuple[str, ...]]:
    facts = dict(default_content().question(question_id).facts)
    asked = clarify.clarifying_questions(turn) or [turn]
    return clarify.reply(asked, facts, said=turn)


def test_a_cue_does_not_match_a_longer_word_it_only_opens() -> None:
    """"window" is not "win" (the goal): the reply gives the data kept, nothing about the goal."""
    assert _reply("sd-ads-click-prediction", "how big is the holdout window, and how many weeks of clicks are kept?")[1] == ("data",)


def test_a_days_worth_is_an_amount_and_they_points_back_to_the_people_counted() -> None:
    turn = ("the analysts who check flagged payments, how many of those people do we have, and what's a week's worth of "
            "payments they manage to check")
    assert _reply("sd-fraud-detection", turn)[1] == ("team",)


def test_who_does_the_work_asks_the_team() -> None:
    assert _reply("sd-eta-prediction", "who is going to build and maintain the model day to day?")[1] == ("team",)
    turn = "who would run the platform and how big is that group, compared with the product teams that pull features from it"
    assert _reply("sd-embedding-platform", turn)[1] == ("team",)


def test_a_clause_setting_the_ask_against_others_is_not_asked() -> None:
    turn = ("how many engineers sit on the platform team, next to all the groups that will be reading embeddings and "
            "features out of it")
    assert _reply("sd-embedding-platform", turn)[1] == ("team",)


def test_how_long_we_may_keep_a_thing_is_a_rule() -> None:
    text, used = _reply("sd-eta-prediction", "how long do we get to hold on to where the couriers have been")
    assert used == ("constraints",)
    assert "30 days" in text


def test_a_like_question_says_what_a_part_naming_only_the_teams_asks() -> None:
    turn = "what would it take for the product teams to move over, like how much can each one drop on its own metric"
    assert _reply("sd-embedding-platform", turn)[1] == ("goal",)


def test_what_leadership_keeps_score_by_is_the_goal() -> None:
    assert _reply("sd-feed-ranking", "what's on leadership's scorecard for this feed?")[1] == ("goal",)


def test_the_reason_for_asking_brings_in_no_fact_the_ask_does_not_touch() -> None:
    text, used = _reply("sd-ads-click-prediction",
                        "is it a first price auction um because that changes how much a calibration error costs us")
    assert used == ()
    assert "assumption" in text


def test_the_other_side_of_an_either_or_the_facts_do_not_hold_is_handed_back_too() -> None:
    text, used = _reply("sd-eta-prediction",
                        "does the eta update as the courier drives, or is it one number fixed when they pay")
    assert used == ()
    assert "assumption" in text


def test_a_fragment_or_a_part_pointing_back_to_a_named_fact_is_not_handed_back() -> None:
    """"and how big?", "is there a group set aside for it": the same ask as the part that names the team, so the reply
    adds no "state your assumption" for them."""
    text, used = _reply("sd-feature-store", "who owns the platform, and how big?")
    assert used == ("team",) and "assumption" not in text
    text, used = _reply("sd-feature-store", "who keeps this running day to day, is there a group set aside for it, and how big?")
    assert used == ("team",) and "assumption" not in text


def test_asked_only_about_the_analysts_the_reply_leaves_out_the_engineers() -> None:
    text, _ = _reply("sd-fraud-detection",
                     "how many analysts look at the flagged payments and how many can each of them clear in a day")
    assert "40 analysts" in text and "2,000" in text
    assert "ML engineers" not in text


def test_an_example_of_the_ask_before_it_is_answered_with_it() -> None:
    """"like is the picture held back ...": an example of the ask before it, not a question to hand back."""
    text, used = _reply("sd-image-moderation", "how soon must a verdict come back, like is the picture held back until someone decides")
    assert used == ("latency",) and "assumption" not in text


def test_the_other_side_of_an_either_or_naming_nothing_is_answered_by_the_first_sides_fact() -> None:
    text, used = _reply("sd-search-ranking", "do we have any hand graded queries, or do i live off clicks alone")
    assert used == ("labels",) and "assumption" not in text


def test_a_reason_after_the_question_is_not_asked_even_when_the_question_names_no_fact() -> None:
    text, used = _reply("sd-ads-click-prediction",
                        "which auction format do we run, because that changes what miscalibration costs")
    assert used == () and "assumption" in text


def test_an_amount_with_its_period_names_no_rate() -> None:
    assert _reply("sd-eta-prediction",
                  "is a minute's worth of courier pings enough to go on, or do we keep more")[1] == ("data",)


def test_who_looks_after_it_asks_the_team() -> None:
    assert _reply("sd-model-monitoring", "who looks after the monitoring stack once it's live")[1] == ("team",)


def test_hitting_a_cap_asks_the_rule_and_how_nodes_are_wired_asks_the_hardware() -> None:
    text, used = _reply("sd-notification-ranking", "how many pushes can a single user receive daily before we hit a cap")
    assert used == ("constraints",)
    assert "budget" in _reply("sd-distributed-training", "how are the machines wired to each other")[1]
