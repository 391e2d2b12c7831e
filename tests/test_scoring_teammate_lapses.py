"""A struggling teammate handled behind their back: a record of their misses kept to use against them, their work
asked to be moved to the speaker, or redone alone. The question tests a direct conversation first; a story that
skips it is the rubric's level 2 however tidy, while the same steps taken with the person are not a lapse."""
from __future__ import annotations

import pytest

from coach.content.loader import default_content
from coach.scoring import score_answer

QID = "bh-struggling-teammate"
SCENE = ("On a fraud project at a payments company, a colleague owned the labelling service my model trained on, "
         "and for a month his estimates kept slipping by a week or more. ")
BEHIND = ("I kept a log of each deadline he had missed so nobody could dispute it. "
          "After five entries I went to our lead with it and pushed for the labelling service to be handed over to me. "
          "I rewrote most of his service over ten days, since that was faster than reading it. "
          "We shipped three weeks late and cut false declines by twelve percent.")
WITH_HIM = ("I asked him for a coffee and learned he was also on call for two other services. "
            "Together we cut the scope to the two label types the model needed, and I rewrote the export job with him "
            "over two afternoons. "
            "We shipped one week late and cut false declines by twelve percent, and he now asks for a review before "
            "he commits to a date.")


@pytest.fixture(scope="module")
def content():  # type: ignore[no-untyped-def]
    return default_content()


def _card(content, text: str):  # type: ignore[no-untyped-def]
    q = content.questions[QID]
    return score_answer(text, question=q, round_spec=content.rounds.get(q.round), rubric=content.rubrics.get(q.round),
                        level="senior")


def test_a_case_built_behind_the_teammates_back_is_held_at_level_two(content) -> None:  # type: ignore[no-untyped-def]
    card = _card(content, SCENE + BEHIND)
    assert card.calibration.level <= 2.0
    assert any("pitfall" in s for s in card.calibration.steps)


def test_the_same_work_done_with_the_teammate_is_no_lapse(content) -> None:  # type: ignore[no-untyped-def]
    card = _card(content, SCENE + WITH_HIM)
    assert not any("pitfall" in s for s in card.calibration.steps)
    assert card.overall > _card(content, SCENE + BEHIND).overall + 1.0
