"""Sentence labels that decide which sentence the card quotes (coach/scoring/star.py, star_cues.py): the launch as
the time the scene runs to is no outcome; what an event gave the speaker is no ask; where a view came from ("from
what I read") is no step; the lines of a career walk (a degree, a start-up joined, a move into the field) are not
a story's steps. The sentences are written for these tests."""
from __future__ import annotations

from coach.scoring.star import label_sentence


def _best(sentence: str) -> str:
    scores = label_sentence(sentence)
    return max(scores, key=lambda k: scores[k]) if any(scores.values()) else "other"


def test_the_launch_as_a_date_is_no_outcome() -> None:
    assert label_sentence("and the launch was in two weeks")["result"] == 0.0
    assert _best("The evening before launch I was certain the cap was too low, so I set it to a fifth in the "
                 "settings myself and shipped it with the release.") == "action"
    assert _best("After launch about six percent of riders picked a quieter train.") == "result"


def test_what_an_event_gave_the_speaker_is_no_ask() -> None:
    assert label_sentence("The support team tried it first and found a broken export, which gave me a real example "
                          "to bring to the others.")["task"] == 0.0
    assert _best("My director gave me a month to cut the bill.") == "task"


def test_where_a_view_came_from_is_no_step() -> None:
    assert label_sentence("and this team seems to do more research work from what i read")["action"] == 0.0


def test_career_lines_are_not_steps() -> None:
    assert _best("So I studied mechanical engineering, and at first I wanted to design engines.") == "other"
    assert _best("In Lisbon I joined a start-up that sold parking passes, which ran out of money.") == "other"
    assert _best("There I began on the reporting team and then moved into machine learning.") == "other"


def test_an_argument_under_way_is_the_scene_and_a_superlative_in_a_reason_is_none() -> None:
    assert _best("Through the spring we went back and forth in every review, and she would not drop the freshness "
                 "rule.") == "situation"
    assert label_sentence("I believe the spend is worth it, because delivery is the biggest cost the shops "
                          "have.")["situation"] == 0.0
    assert _best("The biggest system I ran was the fraud scorer for card payments.") == "situation"
