"""An outcome told only as the speaker's guess that it went well ("so I guess it all worked out fine"), in a story that
misses most of what was asked, is the rubric's thin story with its result unsaid: it costs what an outcome told only
as someone's approval costs. A real outcome beside the same words is not touched."""
from __future__ import annotations

from tests.scored import card_for

GUESSED = ("so a while back a new grad joined our team and i was kind of his go-to person. i looked at his merge "
           "requests and pointed out the naming and the tests he was missing. we also had lunch together most weeks. "
           "and he got a permanent offer, so i guess that worked out fine.")
MEASURED = ("so a while back a new grad joined our team and i was kind of his go-to person. i looked at his merge "
            "requests and pointed out the naming and the tests he was missing. we also had lunch together most weeks. "
            "within six months he owned the retraining job on his own and cut its run time from five hours to two, so "
            "i guess it all worked out fine.")


def _steps(text: str) -> str:
    return " ".join(card_for("hm-growing-engineers", text).calibration.steps)


def test_a_guess_that_it_went_well_as_the_only_outcome_is_costed() -> None:
    assert "the outcome is only approval" in _steps(GUESSED)


def test_the_same_words_beside_a_measured_outcome_cost_nothing() -> None:
    assert "the outcome is only approval" not in _steps(MEASURED)
