"""Per-machine words said as the tail of a rate ("two hundred scores a second per core, three thousand a second is
fifteen cores") are that rate's, not the next figure's: the load after them is the fleet's, and a right fleet size is
not flagged. Sentences written for these tests."""
from __future__ import annotations

from coach.scoring import napkin, sizing
from coach.scoring.text import clean, sentences


def _checks(text: str) -> list[napkin.Check]:
    text = clean(text)
    return napkin.check(sizing.extract(text, sentences(text)), text, sizing.factors(text))


def test_the_load_said_after_a_rate_per_core_is_the_fleet_s() -> None:
    text = ("We expect nine thousand lookups a second at peak. At about three hundred lookups a second per core, nine "
            "thousand a second is thirty cores, sixty with headroom.")
    checks = _checks(text)
    assert checks and all(c.ok for c in checks)


def test_a_wrong_fleet_size_after_it_is_still_flagged() -> None:
    text = ("We expect nine thousand lookups a second at peak. At about three hundred lookups a second per core, nine "
            "thousand a second is three cores.")
    assert any(not c.ok for c in _checks(text))


def test_one_machine_s_rate_told_in_the_past_is_that_machine_s() -> None:
    # the machine is named well before its rate ("one box ran the whole quantised text classifier at roughly ...")
    said = ("Peak was eighteen thousand documents a second. One box ran the whole quantised text classifier at roughly "
            "nine hundred documents a second, so the fleet came to about {n} boxes.")
    assert any(not c.ok for c in _checks(said.format(n="two hundred")))
    assert all(c.ok for c in _checks(said.format(n="twenty")))
