"""Storage sized as items × things each × bytes: a count said 'each' between the items and the bytes multiplies
the items, so a correct total is not flagged and a wrong one is checked against the full product.
Answers written for these tests."""
from __future__ import annotations

from coach.scoring.napkin import check
from coach.scoring.sizing import extract, factors
from coach.scoring.text import clean, sentences


def _storage(text: str):
    t = clean(text)
    return [c for c in check(extract(t, sentences(t)), t, factors(t)) if c.rule == "storage"]


def test_a_right_total_over_items_with_several_values_each_is_not_flagged() -> None:
    checks = _storage("For the catalogue cache: twenty million products with fifty attributes each at four bytes comes to "
                      "four gigabytes, so a single node holds it.")
    assert checks and all(c.ok for c in checks)


def test_a_wrong_total_is_judged_against_every_factor_said() -> None:
    checks = _storage("For the catalogue cache: twenty million products with fifty attributes each at four bytes comes to "
                      "forty gigabytes, so a single node holds it.")
    assert len(checks) == 1 and not checks[0].ok
    assert checks[0].expected == 20e6 * 50 * 4 and "50" in checks[0].message
