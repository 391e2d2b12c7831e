"""A lesson said as "the thing I took away" is a reflection, and the better option's gain judged against its price
("I didn't think two points of recall were worth a second GPU fleet") weighs a trade-off: a story that argued
against building something, with both, is the top of the rubric."""
from __future__ import annotations

from coach.scoring.levels import reflects
from coach.scoring.signals import tradeoff_evidence
from coach.scoring.text import sentences
from tests.scored import card_for

STORY = ("our ads team wanted a second, larger fraud model for click spam, scored on every click in real time, and i "
         "was the one arguing against building it. i pulled a month of flagged clicks and 90 percent of the spam came "
         "from forty publishers we already knew. i wrote up two options: the big real-time model, about three "
         "engineers for two quarters and a new GPU fleet, or a publisher blocklist refreshed hourly from our existing "
         "model, about two weeks for me. i said plainly the big model would catch a little more, i just didn't think "
         "two points of recall were worth a second GPU fleet. the ads lead agreed to try the blocklist first, with a "
         "bar of halving refunds to advertisers within a month. refunds fell by 62 percent in three weeks, so the "
         "big model was never built, and the three engineers shipped the bidding rewrite that quarter. the thing i "
         "took away is to name the number that would justify the big option before anyone argues about it.")


def test_took_away_is_a_lesson_and_not_worth_its_price_weighs_an_option() -> None:
    assert reflects("The thing I took away is to write the bar down first.")
    assert tradeoff_evidence(sentences("I just didn't think two points of recall were worth a second GPU fleet."))


def test_the_story_with_both_reaches_the_top() -> None:
    card = card_for("hm-saying-no", STORY)
    assert card.calibration is not None
    how = " ".join(card.calibration.steps)
    assert "reflection" in how and "weighs an option" in how and card.overall >= 4.5, how
