"""A counter-proposal told as a step of the story ("what I offered them instead was ...") is an action, not an offer
to the interviewer to answer something else; an offer made to the listener still is one."""
from __future__ import annotations

from tests.scored import card_for

STORY = ("At a regional airline the loyalty team wanted a model to predict which members would upgrade to business "
         "class, so they could email them a discount. My lead asked me to size it, and the team's first guess was "
         "six weeks for two of us. I checked the history first: only about four percent of members had ever "
         "upgraded, and most of those were on two routes. So I argued a model would add little over a simple rule, "
         "and that the six weeks were worth more on the rebooking tool that kept failing during delays. What I "
         "suggested to them instead was a rule on the two routes and past upgrades, which I could set up in a few "
         "days and they could pick the wording for. They took it, the email did about as well as they hoped, and "
         "we moved to the rebooking work.")


def test_a_counter_offer_told_as_a_step_is_not_a_non_answer() -> None:
    card = card_for("hm-saying-no", STORY)
    assert not card.gaps or card.gaps[0].id != "non_answer", card.gaps[0]
    assert card.overall > 1.0, card.calibration.steps


def test_an_offer_to_the_listener_to_talk_about_something_else_still_is_one() -> None:
    text = ("Hmm, I have not really had to say no to a request like that. I could walk you through how I planned "
            "the last quarter's roadmap instead, which is probably more useful.")
    card = card_for("hm-saying-no", text)
    assert card.gaps and card.gaps[0].id == "non_answer"
