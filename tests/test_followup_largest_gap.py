"""The follow-up goes after the largest real gap: a story that stops as its work goes into a trial has told no
outcome, and a design that only names a problem ("a painful skew story") has watched nothing once live."""
from __future__ import annotations

from coach.content import default_content
from coach.eval.followup_gaps import aim
from coach.scoring import story_outcome

# A cross-team story whose last step puts the model into a trial, and no verdict is told.
INTO_A_CANARY = (
    "Our search team wanted their new query rewriter live before the holiday freeze. Offline it looked strong, but "
    "when I replayed a week of real queries through it, about one query in forty came back rewritten into "
    "something unrelated, mostly brand names. I didn't want to block them on a hunch, so I shared the replay and "
    "the worst examples with their lead. We agreed they would add a brand list the rewriter must leave alone, and "
    "that I'd review the replay again once they had. In the end it went into a canary on two percent of traffic "
    "for ten days.")
CANARY_VERDICT = INTO_A_CANARY.replace(
    "In the end it went into a canary on two percent of traffic for ten days.",
    "In the end it went into a canary on two percent of traffic for ten days, which came back clean, and it "
    "shipped to everyone the week before the freeze.")

# A feature platform that sizes, asks and weighs, and stops at adoption: the skew named is the teams' pain.
PLATFORM_ENDS_AT_ADOPTION = (
    "First I'd ask which teams are hurting most, how many reads a second the online side sees and how fresh the "
    "values must be. Say the answer is sixty thousand reads a second at a five millisecond p99, with daily values "
    "good enough for most teams. Features are declared once in a shared repository and the platform writes both "
    "the offline tables and the online store from that one declaration. Offline values live in columnar files "
    "joined as of each label's time. Online it's an in-memory key-value store; sixty thousand reads of forty "
    "features at eight bytes is about nineteen megabytes a second, which a small cluster serves easily. I'd take "
    "a managed store over running our own, accepting the higher bill, because nobody on the team wants to run a database "
    "themselves. To start, I'd move two teams with the worst skew between training and serving onto it, then write "
    "a migration guide for everyone else.")


def test_a_story_that_stops_as_its_trial_starts_tells_no_outcome() -> None:
    sentences = [s.strip() + "." for s in INTO_A_CANARY.split(". ") if s.strip()]
    assert story_outcome.ends_in_a_trial(sentences[-1])
    content = default_content()
    case = {"round": "cross-functional", "text": INTO_A_CANARY}
    assert aim(case, content.question("xf-ds-model-not-ready"), content).gap == "no_result"


def test_a_trial_with_its_verdict_is_an_outcome() -> None:
    assert not story_outcome.ends_in_a_trial("In the end it went into a canary on two percent of traffic for ten "
                                             "days, which came back clean, and it shipped to everyone.")
    assert not story_outcome.ends_in_a_trial("The split test lifted bookings by three percent.")


def test_a_lesson_that_names_a_trial_does_not_end_the_story_in_one() -> None:
    assert not story_outcome.ends_in_a_trial("Next time I'd put a model like that into a pilot before anything else.")
    assert not story_outcome.ends_in_a_trial("Every model on the team gets a shadow run these days.")


def test_skew_named_as_the_teams_pain_is_not_watching() -> None:
    content = default_content()
    case = {"round": "system-design", "text": PLATFORM_ENDS_AT_ADOPTION}
    assert aim(case, content.question("sd-feature-store"), content).gap == "no_monitoring"


def test_skew_watched_once_live_is_monitoring() -> None:
    content = default_content()
    watched = PLATFORM_ENDS_AT_ADOPTION.replace(
        "then write a migration guide for everyone else.",
        "then write a migration guide for everyone else, and alert the owning team when a feature's online "
        "values drift from the offline ones.")
    case = {"round": "system-design", "text": watched}
    assert aim(case, content.question("sd-feature-store"), content).gap != "no_monitoring"


# A fraud design that asks, hears the answers back (the cost of a miss against a wrong block among them) and then
# asserts every choice of its own.
FRAUD_ASSERTED = (
    "Can I ask a few things first: how many payments, how fast must we decide, and what does a miss cost against "
    "blocking a good customer? Eight hundred payments a second on average and three thousand at peak, a hundred "
    "milliseconds end to end, and a missed fraud costs about twenty times a wrongly blocked payment. At three "
    "thousand a second with about forty features each, that's a hundred and twenty thousand feature reads a "
    "second. The model is gradient-boosted trees over card, device and merchant velocity counts kept in a "
    "key-value store by a streaming job. Scores above 0.8 are blocked and scores from 0.5 to 0.8 go to the "
    "analysts. Training waits sixty days for chargebacks and runs every week. After launch I'd chart the block "
    "rate and the chargeback rate per merchant every day and page the on-call engineer when either moves by a "
    "quarter.")


def test_the_cost_of_errors_heard_back_is_not_a_trade_off_weighed() -> None:
    content = default_content()
    case = {"round": "system-design", "text": FRAUD_ASSERTED}
    assert aim(case, content.question("sd-fraud-detection"), content).gap == "no_tradeoff"


def test_the_cost_of_errors_used_for_a_choice_is() -> None:
    content = default_content()
    weighed = FRAUD_ASSERTED.replace(
        "Scores above 0.8 are blocked",
        "Because a miss costs twenty times a wrong block, I'd rather block too much than too little, so scores "
        "above 0.8 are blocked")
    case = {"round": "system-design", "text": weighed}
    assert aim(case, content.question("sd-fraud-detection"), content).gap != "no_tradeoff"


# A metric story that opens on what the model was and did, and never ties its offline metrics to the business.
METRIC_STORY = (
    "It was a churn model that flagged which subscribers a retention team should call each week, and I trained "
    "it on whether a subscriber cancelled within thirty days. I picked log loss for training because the call "
    "list was cut by expected value, and precision at the top two hundred as the offline metric, since the team "
    "could only make two hundred calls a week. I tested on the month after the training window so nothing from "
    "the future leaked in. Over three versions precision at two hundred went from 0.38 to 0.52.")


def test_an_opening_that_says_what_the_model_was_sets_the_scene() -> None:
    content = default_content()
    case = {"round": "deep-dive", "text": METRIC_STORY}
    found = aim(case, content.question("dd-metric-choice"), content)
    assert "no_context" not in [g.id for g in found.card.gaps]
    assert found.gap == "missing_point"


# Why this team, with reasons and what the candidate brings, and nothing of the year ahead: the team "owns" its
# launches and models "ship", which says nothing of what the candidate would own or have shipped a year from now.
WHY_THIS_TEAM = (
    "Two things pull me here. Your team owns the whole path from a model idea to the launch, so nothing waits on "
    "another team to ship it, and that's how I do my best work. And the problem is hard in a way I like: search "
    "for a catalogue that changes every hour, where freshness matters as much as relevance. What I bring is five "
    "years of ranking work and the experience of building an evaluation setup people trusted enough to stop "
    "arguing about offline numbers.")


def test_a_team_that_owns_its_launches_is_no_picture_of_the_year_ahead() -> None:
    content = default_content()
    case = {"round": "hiring-manager", "text": WHY_THIS_TEAM}
    found = aim(case, content.question("hm-why-this-team"), content)
    assert "A concrete picture of the year ahead" in [p.point for p in found.card.talking_points.missed]
    assert found.gap == "missing_point"


def _checks(text: str) -> list[tuple[bool, str]]:
    from coach.scoring import napkin, sizing
    from coach.scoring.text import clean, sentences

    said = clean(text)
    found = sizing.extract(said, sentences(said))
    return [(c.ok, c.claimed) for c in napkin.check(found, said, sizing.factors(said))]


def test_a_count_over_a_time_said_as_a_rate_is_checked() -> None:
    wrong = _checks("Lunch is the rush: about two hundred forty thousand lookups over thirty-six hundred seconds, "
                    "or roughly sixty-seven hundred lookups a second.")
    assert [ok for ok, _ in wrong] == [False]
    right = _checks("Lunch is the rush: about two hundred forty thousand lookups over thirty-six hundred seconds, "
                    "or roughly sixty-seven lookups a second.")
    assert all(ok for ok, _ in right)


# Asked what they would redo, the candidate would change nothing in particular.
NOTHING_TO_REDO = (
    "To be fair, I wouldn't change much. The calls we made fitted what we knew then, the pipeline still runs and "
    "three teams build on it. Looking back it's tempting to rewrite history, but the deadline was real and people "
    "worked hard within it. Maybe we could have moved a little faster, but that was the climate more than any one "
    "choice. Overall I'd keep the approach the same.")


def test_nothing_to_change_is_a_non_answer_to_what_would_you_redo() -> None:
    content = default_content()
    case = {"round": "deep-dive", "text": NOTHING_TO_REDO}
    assert aim(case, content.question("dd-redo"), content).gap == "non_answer"


def test_nothing_to_redo_is_asked_for_one_decision_not_a_first_step() -> None:
    from coach.eval.followup_gaps import asked

    content = default_content()
    case = {"round": "deep-dive", "text": NOTHING_TO_REDO}
    found = aim(case, content.question("dd-redo"), content)
    question = asked(found, NOTHING_TO_REDO, content)
    assert "decision" in question and "first step" not in question


def test_a_platform_that_ends_at_adoption_is_asked_how_stale_values_are_noticed() -> None:
    from coach.eval.followup_gaps import asked

    content = default_content()
    case = {"round": "system-design", "text": PLATFORM_ENDS_AT_ADOPTION}
    found = aim(case, content.question("sd-feature-store"), content)
    assert "stale" in asked(found, PLATFORM_ENDS_AT_ADOPTION, content)


def test_a_story_that_says_where_it_landed_is_pointed_at_the_step_after() -> None:
    from coach.followups import anchor

    assert anchor.clause("so that's where we ended up, the model went into a pilot at two depots.") == \
        "the model went into a pilot at two depots"


# Asked for a time they disagreed with a data scientist, the candidate says it never happened and describes the
# review process instead; the reason given with the decline ("how we built the review") is no step of a story.
NEVER_HAPPENED = (
    "Good question. It never happened to me as such, I think because of how we built the review on my team. Every "
    "model goes through the same gate before launch: a comparison against the live model on a frozen test set, a "
    "check that every feature exists at prediction time, a load test on production machines and two weeks of "
    "shadow scoring. The data scientists own half of that gate themselves, so a model that fails it fails on the "
    "gate's terms, not mine. People are generally comfortable with that arrangement.")


def test_a_story_that_never_happened_is_a_non_answer_whatever_reason_it_gives() -> None:
    content = default_content()
    case = {"round": "cross-functional", "text": NEVER_HAPPENED}
    assert aim(case, content.question("xf-ds-model-not-ready"), content).gap == "non_answer"
