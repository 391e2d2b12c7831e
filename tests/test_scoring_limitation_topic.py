"""Asked to explain a model's risk or limitation to a leader, a story about presenting the model's wins never comes to
what was asked (off topic); one that names the weakness in plain words ("for new stores it was basically guessing")
does."""
from __future__ import annotations

from coach.content import default_content
from coach.scoring.on_topic import reaches

WINS = ("At a grocery chain I owned the model that decides how much fresh fruit each store orders. Finance wanted to "
        "cut the team's budget, so I had to present to the chief financial officer, who is not technical. I left the "
        "algorithms out and built the talk around two stores whose orders we had improved, with photos of the shelves. "
        "I put the headline on the first slide: the model had saved about two million a year in thrown-away fruit. She "
        "kept the budget and asked for the same deck for the board.")
PLAIN = ("At a grocery chain I owned the model that decides how much fresh fruit each store orders. The operations "
         "director wanted to switch it on for the forty stores we were opening that spring. For a new store it had no "
         "sales of its own to learn from, so it was basically guessing, about a third off either way in a backtest on "
         "last year's openings. I told her in her terms: a third too much fruit is thrown away, a third too little is "
         "empty shelves in the first weeks. I suggested the managers order by hand for the first two months while it "
         "learned, and she agreed.")


def test_a_story_of_the_models_wins_does_not_reach_a_limitation() -> None:
    q = default_content().question("xf-explain-to-executive")
    assert reaches(WINS, q) is False


def test_a_limitation_told_in_plain_words_is_on_topic() -> None:
    q = default_content().question("xf-explain-to-executive")
    assert reaches(PLAIN, q) is True


BLIND_SPOT = ("I led the demand forecasting for a chain of garden centres. Our model had never seen a spring as wet as that "
              "one, with six weeks of rain before the Easter weekend. The retail director wanted the usual stock push "
              "for Easter all the same. I showed her the two stores where rain had fallen for a fortnight the year "
              "before, where the orders the model suggested would have left about a third of the bedding plants to be "
              "thrown out. I proposed we halve the Easter order in the wettest regions and top up by truck on the "
              "Tuesday, and she agreed.")


def test_a_blind_spot_said_as_what_the_model_never_saw_is_on_topic() -> None:
    q = default_content().question("xf-explain-to-executive")
    assert reaches(BLIND_SPOT, q) is True
