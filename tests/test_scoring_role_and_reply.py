"""Two sentence shapes a story's labels misread: a function the speaker heads, named with no article ("I ran data
science for the two lending teams"), is the setting, not a step; and a request put to the speaker with their answer in
the same sentence ("he asked me to drop the test, and I said no") is the speaker's step, not the ask; a rule the
speaker keeps, told in the present ("I only split a service once ..."), is a view, not a step."""
from __future__ import annotations

from coach.scoring.star import label_sentence


def _top(sentence: str) -> str:
    scores = label_sentence(sentence)
    return max(scores, key=lambda c: scores[c]) if max(scores.values()) > 0 else "other"


def test_a_function_headed_is_the_setting() -> None:
    assert _top("I ran data science for the two lending teams, though neither reported to me.") == "situation"


def test_a_step_with_a_function_named_is_still_a_step() -> None:
    assert _top("I rewrote the research team's loader so it read the images in chunks.") == "action"


def test_a_request_answered_in_the_same_sentence_is_a_step() -> None:
    assert _top("The product lead asked me to drop the holdout for launch week, and I said no.") == "action"


def test_a_request_alone_is_the_ask() -> None:
    assert _top("The product lead asked me to build a churn score before the spring campaign.") == "task"


def test_a_rule_the_speaker_keeps_in_the_present_is_no_step() -> None:
    assert _top("I only build a shared library once a third team is about to copy the code.") == "other"


def test_a_past_step_with_only_is_still_a_step() -> None:
    assert _top("I only noticed the drift once the weekly report came in.") == "action"


def test_a_request_answered_mid_story_is_not_quoted_as_the_ask() -> None:
    from tests.scored import card_for
    card = card_for("bh-changed-mind", "We were choosing how to route support tickets across nine languages. I was sure "
                    "we needed one model per language. A colleague in the Dublin office asked me for two weeks to try a "
                    "single multilingual model, and I agreed. On the same held-out month it matched English and beat the "
                    "small languages by ten points. I told the team I was wrong and we shipped her design.")
    assert not any("asked me for two weeks" in e for e in card.star.task.evidence)


def test_a_claim_about_anyone_told_to_you_is_not_the_scene() -> None:
    from coach.scoring import score_answer
    card = score_answer("I split a model per market only when the data says so. Before that you cannot see which "
                        "differences are real, and a split built on hunches doubles the work. At a grocery chain I "
                        "inherited one demand model for six countries. I broke out Spain after its error ran twice "
                        "the others for a quarter. Its error fell by a third and the other five stayed on the shared "
                        "model.")
    assert not any("you cannot see" in e for e in card.star.situation.evidence)
