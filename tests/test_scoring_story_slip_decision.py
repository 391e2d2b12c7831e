"""A story whose own arithmetic is wrong by far, with the choice it tells made on that figure, is held at level 3:
every part is told but the judgement rests on a wrong number. A bare "floats" is read as float32, the field's
default, so "N items with D floats each" is sized like "D float32 dimensions"."""
from __future__ import annotations

import pytest

from coach.content.loader import default_content
from coach.scoring import score_answer

STORY = ("At a music streaming service I owned the candidate retrieval for the home page, with a budget of forty "
         "milliseconds at the 99th percentile. "
         "The song vector lookup went over the network and took half the budget on its own. "
         "We had twelve million songs with 256 floats each, which {size}, so I decided to keep the whole table in "
         "memory on every retrieval server. "
         "I also cut the candidate count from two thousand to eight hundred and checked recall on a week of logs. "
         "The p99 fell to twenty-eight milliseconds and recall dropped by 0.3 points, which the product lead accepted.")


@pytest.fixture(scope="module")
def content():  # type: ignore[no-untyped-def]
    return default_content()


def _card(content, text: str):  # type: ignore[no-untyped-def]
    q = content.questions["dd-latency-budget"]
    return score_answer(text, question=q, round_spec=content.rounds.get(q.round), rubric=content.rubrics.get(q.round),
                        level="senior")


def test_bare_floats_are_sized_as_four_bytes() -> None:
    wrong = score_answer("We had twelve million songs with 256 floats each, about 12 megabytes.").sizing.checks
    right = score_answer("We had twelve million songs with 256 floats each, about 12 gigabytes.").sizing.checks
    assert wrong and not wrong[0].ok
    assert right and right[0].ok


def test_a_choice_made_on_a_wrong_figure_holds_the_story_at_three(content) -> None:  # type: ignore[no-untyped-def]
    slipped = _card(content, STORY.format(size="is about 12 megabytes"))
    sound = _card(content, STORY.format(size="is about 12 gigabytes"))
    assert slipped.calibration.level <= 3.0 < sound.calibration.level
    assert any("rests on a wrong figure" in s for s in slipped.calibration.steps)


NEXT = ("At a music streaming service I owned the candidate retrieval for the home page, with a budget of forty "
        "milliseconds at the 99th percentile. "
        "The song vector lookup went over the network and took half the budget on its own. "
        "We had twelve million songs with 256 floats each, which {size}. "
        "So memory was no concern, and I kept the whole table in memory on every retrieval server. "
        "I also cut the candidate count from two thousand to eight hundred and checked recall on a week of logs. "
        "The p99 fell to twenty-eight milliseconds and recall dropped by 0.3 points, which the product lead accepted.")


def test_a_choice_drawn_in_the_next_sentence_rests_on_the_figure_too(content) -> None:  # type: ignore[no-untyped-def]
    slipped = _card(content, NEXT.format(size="is about 12 megabytes"))
    sound = _card(content, NEXT.format(size="is about 12 gigabytes"))
    assert slipped.calibration.level <= 3.0 < sound.calibration.level
    assert any("rests on a wrong figure" in s for s in slipped.calibration.steps)
