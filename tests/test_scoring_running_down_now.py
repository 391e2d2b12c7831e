"""Running down the place one works now, named by where the speaker is rather than "my company": "where I am now it's
a bit of a circus", "the management there never listens". In a view of one's own job it is the people rounds'
pitfall and costs as running down the employer does; the same words about a system are not."""
from __future__ import annotations

import pytest

from coach.content.loader import default_content
from coach.scoring import score_answer


@pytest.fixture(scope="module")
def content():  # type: ignore[no-untyped-def]
    return default_content()


def _card(content, text: str):  # type: ignore[no-untyped-def]
    q = content.questions["rc-looking-for"]
    return score_answer(text, question=q, round_spec=content.rounds.get(q.round), rubric=content.rubrics.get(q.round),
                        level="senior")


def test_running_down_the_current_place_costs(content) -> None:  # type: ignore[no-untyped-def]
    text = ("Where I am at the moment it is frankly a circus, we have had two new directors this year. "
            "The management there never listens to the people building the models. "
            "So I want a calmer team that ships recommendation models on a steady roadmap.")
    card = _card(content, text)
    assert any("runs down the current employer" in s for s in card.calibration.steps)


def test_a_messy_dataset_is_not_a_complaint_about_the_employer(content) -> None:  # type: ignore[no-untyped-def]
    text = ("I want to work on ranking problems with a small team that owns its models end to end. "
            "The click logs in a new domain are usually a mess at first, and I enjoy cleaning that up. "
            "Ideally a team of five or six, with the scope to change the product, not only the model.")
    card = _card(content, text)
    assert not any("runs down" in s for s in card.calibration.steps)
