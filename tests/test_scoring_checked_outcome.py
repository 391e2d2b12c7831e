"""An outcome with no figure that was still checked: the measure the story is about compared with its ordinary level
once the fix was in ("the next winter the error on storm days was no worse than on any other day"). It is a result
(coach/scoring/star_cues.py), worth half a level above an outcome merely asserted (coach/scoring/levels.py
`AT_THE_NORM`); spoken without punctuation, the frame of the next period and a hindsight start clauses of their own
(coach/scoring/text.py), and a failure found by the speaker in plain words is how it was detected."""
from __future__ import annotations

import pytest

from coach.content.loader import default_content
from coach.scoring import score_answer
from coach.scoring.star import label_sentence
from coach.scoring.text import sentences

SPOKEN = ("so what broke was our energy demand forecast for a regional grid um the clocks changed a week earlier "
          "that year than in the training data and the model had learned the shift as a fixed date so it was off "
          "by an hour for a whole week and the control room scheduled the wrong generators i found it by plotting "
          "the error by hour of day and the bad hours lined up with the old changeover so i replaced the calendar "
          "feature with the offset from local time which we took from the national time table and the following "
          "year the error around the changeover was about the same as any other week i should have tested the model "
          "on years where the date moved from the start")


@pytest.fixture(scope="module")
def content():  # type: ignore[no-untyped-def]
    return default_content()


def _card(content, text: str):  # type: ignore[no-untyped-def]
    q = content.questions["dd-what-broke"]
    return score_answer(text, question=q, round_spec=content.rounds.get(q.round), rubric=content.rubrics.get(q.round),
                        level="senior")


def test_the_next_period_and_hindsight_open_their_own_clauses() -> None:
    said = [s.text for s in sentences(SPOKEN)]
    assert any(s.startswith("and the following year the error") for s in said)
    assert any(s.startswith("i should have tested") for s in said)


def test_a_measure_back_at_its_ordinary_level_is_a_result() -> None:
    assert label_sentence("the next winter the error on storm days was no worse than on any other day")["result"] == 0
    assert label_sentence("and the next winter the error on storm days was about the same as any other day")["result"]


def test_a_checked_outcome_without_a_figure_lifts_the_story(content) -> None:  # type: ignore[no-untyped-def]
    card = _card(content, SPOKEN)
    assert "result" in card.star.labels
    assert not any(g.id == "no_result" and g.severity >= 0.8 for g in card.gaps)
    assert any("checked against the ordinary" in s for s in card.calibration.steps)
    assert card.calibration.level > 3.0


def test_a_failure_found_by_the_speaker_is_how_it_was_detected(content) -> None:  # type: ignore[no-untyped-def]
    card = _card(content, SPOKEN)
    assert any(p.point.startswith("How it was detected") for p in card.talking_points.covered)
