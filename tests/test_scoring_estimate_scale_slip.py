"""An estimate worked clearly but slipped by a power of ten: its figure is of the wrong scale (the rubric's level 1,
not a near miss), and the steps it took with the wrong figure ("five thousand a second" for the token rate) are not
covered by their words. Answers written for this file."""
from __future__ import annotations

from coach.content import default_content
from coach.scoring import score_answer


def _points(card) -> set[str]:     # type: ignore[no-untyped-def]
    assert card.talking_points is not None
    return {p.point for p in card.talking_points.covered}


def test_an_estimate_off_by_a_power_of_ten_is_held_at_the_bottom() -> None:
    q = default_content().question("nm-cluster-cost")
    card = score_answer("Sixty-four GPUs for two weeks, two weeks is three hundred and thirty-six hours. Sixty-four "
                        "times three thirty-six is about two thousand one hundred GPU hours, and at two dollars an "
                        "hour the run costs about four thousand two hundred dollars.", question=q)
    assert card.gaps[0].id == "bad_math"
    sizing = next(d for d in card.dimensions if d.id == "numeric_sizing")
    assert sizing.score == 1.0, sizing
    assert card.overall <= 2.6, card.overall


def test_an_estimate_just_outside_the_range_keeps_its_near_miss_level() -> None:
    q = default_content().question("nm-cluster-cost")
    card = score_answer("Two weeks is three hundred and thirty-six hours, times sixty-four GPUs is about twenty-one "
                        "thousand five hundred GPU hours. At two dollars that's about forty-three thousand, and with "
                        "storage and retries I'd budget sixty thousand dollars.", question=q)
    assert card.overall >= 2.0, card.overall


def test_a_step_taken_with_the_wrong_figure_is_not_covered_by_its_words() -> None:
    q = default_content().question("nm-llm-fleet")
    card = score_answer("Two hundred requests a second at two hundred fifty tokens each is five thousand tokens per "
                        "second. A GPU makes twenty-five hundred tokens per second, so that's two GPUs per the load, "
                        "and with fifty percent headroom three GPUs.", question=q)
    covered = _points(card)
    assert q.talking_points[0] not in covered         # the token rate, said as five thousand
    assert q.talking_points[1] not in covered         # twenty GPUs, said as two
