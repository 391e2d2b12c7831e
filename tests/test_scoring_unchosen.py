"""A technical answer that lists every option and hands the choice back ("it depends on the data, so I would try
each of them") is held at "knows the options"; the same list with a choice made for a case is not. The answers
are new, written for this test."""
from __future__ import annotations

from coach.content import default_content
from coach.scoring import score_answer
from coach.scoring.unchosen import deferred

LIST = ("With one positive in a thousand, the options are downsampling the negatives, upweighting the positives in "
        "the loss, synthetic positives, a focal loss, or leaving the data alone and moving the threshold along the "
        "precision-recall curve; resampling and weights skew the scores, so they need recalibrating before anyone "
        "reads them as probabilities, and I judge every option by PR AUC or recall at a fixed precision rather than "
        "accuracy. Gathering more labelled positives, through active learning on the uncertain cases, beats all "
        "of them when it is affordable. {close}")
HANDED_BACK = "Which is best really depends on the data, so I would try each of them and keep the winner."
CHOSEN = ("For card fraud I would start with the threshold alone, because the ranking is what matters there and "
          "downsampling would throw away ninety-nine percent of the legitimate spending patterns.")


def _level(text: str) -> float:
    content = default_content()
    q = content.question("ts-class-imbalance")
    card = score_answer(text, question=q, round_spec=content.round(q.round), rubric=content.rubric(q.round))
    return card.calibration.level


def test_the_choice_handed_back_is_found_and_a_choice_made_clears_it() -> None:
    assert deferred(LIST.format(close=HANDED_BACK)) == "depends on the data"
    assert deferred(LIST.format(close=CHOSEN)) is None
    assert deferred(LIST.format(close=HANDED_BACK + " " + CHOSEN)) is None


def test_a_list_with_the_choice_handed_back_is_held_below_the_same_list_with_a_choice() -> None:
    assert _level(LIST.format(close=HANDED_BACK)) <= 3.2 < _level(LIST.format(close=CHOSEN))


def test_a_method_named_and_left_there_is_not_a_choice() -> None:
    text = ("Beyond one machine I would shard the keys and merge the partial heaps, or use a Bloom-style summary or "
            "something like that for the long tail.")
    assert deferred(text) == "or something like that"


def test_a_further_option_offered_to_the_listener_is_not_a_choice() -> None:
    """"You can also look at F1 ..." offers the interviewer another option to pick, as "it depends" hands the choice
    back; the same list closed by a choice for the case is clear."""
    offered = "You can also weigh the positives more, or try a focal loss if you care more about the hard cases."
    assert deferred(LIST.format(close=offered)) == "You can also"
    assert _level(LIST.format(close=offered)) <= 3.2 < _level(LIST.format(close=CHOSEN))
    assert deferred(LIST.format(close=offered + " " + CHOSEN)) is None


def test_a_choice_left_to_the_data_or_to_a_bake_off_is_handed_back() -> None:
    close = "Which of these wins varies with the dataset, so I would try them and compare."
    assert deferred(LIST.format(close=close)) is not None
    assert _level(LIST.format(close=close)) <= 3.2


def test_the_choice_handed_back_in_other_words_is_found() -> None:
    for close in ("There is no single right answer; it really depends on your data.",
                  "It is an empirical question, so I would run them all and see what works.",
                  "Which one is best comes down to the data."):
        assert deferred(LIST.format(close=close)) is not None, close
    assert deferred(LIST.format(close="It depends on how skewed the classes are: past one in a thousand I would "
                                      "start with the threshold.")) is None
