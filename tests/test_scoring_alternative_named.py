"""A reply that names the option not taken as such ("the alternative was ...") and prices it weighs the choice: asked
"what alternative did you consider?" after a decision told without its why, the candidate who answers it is credited
for the trade-off, and the decision is no longer heard as told without a reason."""
from __future__ import annotations

from coach.content import default_content
from coach.scoring import score_answer
from coach.scoring.decisions import decided_without_reason
from coach.scoring.signals import weighs_in_words

OVERVIEW = ("I led the search ranking service at a travel site. Queries come in from the app, we retrieve about "
            "five hundred hotels, and a learned ranker orders them. My part was the serving side, and I decided to "
            "switch the candidate cache from a per-city table to a per-user one. Bookings per search went up about "
            "six percent after the launch.")
REPLY = ("The alternative was to keep the per-city table and just refresh it more often. That one was far less "
         "memory, but the prices in it were shared by everyone, so personal discounts never showed up. The price we "
         "paid was a bigger cache fleet, about three times the memory.")


def test_the_alternative_named_weighs_the_choice() -> None:
    assert weighs_in_words("The other option we considered was a nightly rebuild of the whole index.")
    assert weighs_in_words("The alternative would have been a vendor feature store.")
    assert not weighs_in_words("We had no alternative to the data the vendor sent us.")


def test_a_decision_with_its_alternative_named_has_its_why() -> None:
    steps = ["I decided to switch the cache to a per-user one.",
             "The alternative was the per-city table, refreshed every hour."]
    assert decided_without_reason(steps, ["action", "action"]) is None
    assert decided_without_reason(steps[:1], ["action"]) is not None


def test_a_reply_naming_the_alternative_is_credited() -> None:
    q = default_content().question("dd-project-walkthrough")
    alone = score_answer(OVERVIEW, question=q, level="senior")
    both = score_answer(OVERVIEW + " " + REPLY, question=q, level="senior", followup=True)
    tradeoffs = {d.id: d.score for d in both.dimensions}["tradeoffs"]
    assert {d.id: d.score for d in alone.dimensions}["tradeoffs"] == 0.0
    assert tradeoffs > 0.0
    assert not [g for g in both.gaps if g.id == "no_tradeoff"]
