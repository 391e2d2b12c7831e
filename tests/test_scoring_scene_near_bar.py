"""A scene a little past the bar ("a sentence or two") delays a strong story a little: it costs half a level, not the
cap at 3.5 that a scene burying the story gets; a story a word over the bar and one a word under it are heard alike."""
from __future__ import annotations

from tests.scored import card_for

SCENE = ("So this was at a grocery delivery company, where I was the senior engineer on the substitutions model, the "
         "one that picks a replacement when an item is out of stock, and it ran on every order, about two hundred "
         "thousand a day across four countries. Shoppers were rejecting a lot of the replacements at the door, and "
         "each rejection meant a refund and often a lost customer, and the operations team had started to ask "
         "pickers to ignore the model, so it was slowly losing the trust of the people who were meant to use it. ")
STEPS = ("I pulled three months of rejections and found that most came from a size mismatch: the model swapped a "
         "small pack for a family pack. I added the pack size as a feature and a hard rule against more than double "
         "the size, and I chose that over retraining a bigger model, because the rule took two days and the bigger "
         "model would have taken a month. I ran it as an A/B test for two weeks in one country. Rejections fell from "
         "14 percent to 8 percent, and refunds went down by about 90 thousand dollars a month once it was live "
         "everywhere. A year later the rule is still in place. What I learned is to read the rejected cases before "
         "touching the model, and I did that again on the delivery-slot model this spring.")


def test_a_scene_a_little_past_the_bar_costs_a_little() -> None:
    card = card_for("bh-simple-over-complex", SCENE + STEPS)
    assert card.calibration is not None
    how = " ".join(card.calibration.steps)
    assert "a little past the bar" in how and card.overall >= 4.0, how
