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


def _fleet(content, text: str, level: str = "staff"):  # type: ignore[no-untyped-def]
    return score_answer(Transcript(text), question=content.questions["nm-cpu-fleet"],
                        round_spec=content.rounds["napkin-math"], rubric=content.rubrics["napkin-math"], level=level)


FLEET = ("Thirty thousand a second over four hundred per box is seventy-five servers at full load. Kept under seventy "
         "percent, that is seventy-five over zero point seven, about a hundred and seven servers.")


def test_the_lever_named_as_what_a_change_in_it_does_meets_the_staff_bar(content) -> None:  # type: ignore[no-untyped-def]
    assert "the input that moves it most" in _fleet(content, FLEET).calibration.staff_missing
    for lever in (" Of all the inputs, the per-box rate moves this most.",
                  " If the per-box rate halves after a heavier model ships, the fleet doubles to about two hundred "
                  "and fifteen."):
        card = _fleet(content, FLEET + lever)
        assert "the input that moves it most" not in card.calibration.staff_missing, lever


def test_an_estimate_in_range_with_no_working_said_is_silent_arithmetic(content) -> None:  # type: ignore[no-untyped-def]
    guessed = ("I would take the peak, divide it by what one box handles, and leave room so nothing runs hot. "
               "Probably around a hundred and ten servers, give or take.")
    card = _fleet(content, guessed, level="senior")
    dims = {d.id: d.score for d in card.dimensions}
    assert dims["numeric_sizing"] <= 3.5 and dims["communication"] <= 2.0 and card.overall < 3.0, dims
    assert any(line.startswith("Work it out loud") for line in card.feedback)
    worked = _fleet(content, FLEET, level="senior")     # the same figure reached out loud keeps its marks
    assert {d.id: d.score for d in worked.dimensions}["numeric_sizing"] >= 4.5 and worked.overall > card.overall + 1.0
    assert not any(line.startswith("Work it out loud") for line in worked.feedback)
