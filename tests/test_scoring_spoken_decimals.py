"""A decimal said without its leading zero ("sixteen times point one times point nine") is read as a figure after an
operation or "is", so a power calculation worked out loud is checked; "at that point five teams joined" stays five
teams. Sentences written for these tests."""
from __future__ import annotations

from coach.scoring import napkin, sizing
from coach.scoring.numbers import find_numbers
from coach.scoring.text import clean, sentences


def _checks(text: str) -> list[napkin.Check]:
    text = clean(text)
    return napkin.check(sizing.extract(text, sentences(text)), text, sizing.factors(text))


def test_a_decimal_said_after_an_operation_is_read_without_its_leading_zero() -> None:
    said = [n.value for n in find_numbers("sixteen times point one times point nine, which is one point four four")]
    assert said == [16, 0.1, 0.9, 1.44]


def test_the_word_point_that_is_not_a_figure_stays_a_word() -> None:
    assert [n.value for n in find_numbers("at that point five teams joined the rollout")] == [5]
    assert [n.value for n in find_numbers("the main point two people raised was cost")] == [2]


def test_a_power_calculation_said_in_spoken_decimals_is_checked() -> None:
    worked = ("A baseline signup rate of ten percent and a lift worth having of one point, so sixteen times point one "
              "times point nine is one point four four, over point zero one squared, which comes to about {n} users "
              "per arm.")
    wrong = _checks(worked.format(n="fourteen hundred"))
    assert any(not c.ok for c in wrong)
    assert all(c.ok for c in _checks(worked.format(n="fourteen thousand four hundred")))
