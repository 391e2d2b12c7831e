"""A napkin question that asks for a peak is judged on the peak the candidate worked out, not on the average said
beside it for comparison: "so the peak is forty-six thousand a second ... the typical rate is twenty-three hundred"
slipped at the peak, and the card names that figure, never the average, which was right."""
from __future__ import annotations

from coach.content import default_content
from coach.scoring import score_answer

SLIP = ("Two hundred million over eighty six thousand four hundred seconds is about twenty three hundred a second on "
        "average, so at the busiest hour, twice that, search sees about forty six thousand queries a second. For "
        "comparison, the typical rate through the night is around twenty three hundred per second.")


def _bad_math(text: str) -> list[str]:
    q = default_content().question("nm-search-qps")
    card = score_answer(text, question=q, level="senior")
    return [g.evidence for g in card.gaps if g.id == "bad_math"]


def test_the_peak_slip_is_named_not_the_average() -> None:
    found = _bad_math(SLIP)
    assert found and "forty six thousand" in found[0]
    assert "twenty three hundred" not in found[0]


def test_the_right_peak_with_the_average_after_it_passes() -> None:
    assert _bad_math(SLIP.replace("forty six thousand", "forty six hundred")) == []


def test_the_capacity_planned_above_the_peak_is_not_the_estimate() -> None:
    right = ("Two hundred million over eighty six thousand four hundred is about twenty three hundred a second, and "
             "the busiest hour doubles that, so about forty six hundred queries a second at peak, and I'd provision "
             "for ten thousand a second to leave headroom for launches.")
    assert _bad_math(right) == []
