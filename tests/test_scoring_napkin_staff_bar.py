"""An estimate's staff bar is a check on the number (rubrics/rubrics/napkin-math.toml): the result set against a
figure known by heart or worked another way, and the input it is most sensitive to. A staff candidate who sizes a
cache is never told to show "scope across teams" or "influence without authority". Answers written for this file."""
from __future__ import annotations

import pytest

from coach.content.loader import default_content
from coach.scoring import score_answer
from coach.domain import Transcript


@pytest.fixture(scope="module")
def content():  # type: ignore[no-untyped-def]
    return default_content()


def _card(content, text: str):  # type: ignore[no-untyped-def]
    return score_answer(Transcript(text), question=content.questions["nm-gpus-70b-serving"],
                        round_spec=content.rounds["napkin-math"], rubric=content.rubrics["napkin-math"], level="staff")


PLAIN = ("Seventy billion parameters at two bytes is a hundred and forty gigabytes of weights. Each card keeps a fifth "
         "for the cache, so sixty-four gigabytes are free for weights, and a hundred and forty over sixty-four is about "
         "two point two, so three cards per replica.")


def test_a_bare_estimate_at_staff_is_told_to_check_its_number_not_to_lead_other_teams(content) -> None:  # type: ignore[no-untyped-def]
    card = _card(content, PLAIN)
    assert set(card.calibration.staff_missing) == {"a sanity check", "the input that moves it most"}
    said = " ".join(card.feedback)
    assert "scope across teams" not in said and "influence without authority" not in said
    assert "a figure you know" in said


def test_an_estimate_checked_and_its_lever_named_meets_the_staff_bar(content) -> None:  # type: ignore[no-untyped-def]
    text = PLAIN + (" That lines up with the three-card replicas we ran for the last seventy billion model. The cache "
                    "share drives it most: give the cache a third of each card and the weights need four cards.")
    card = _card(content, text)
    assert not card.calibration.staff_missing, card.calibration.staff_missing
