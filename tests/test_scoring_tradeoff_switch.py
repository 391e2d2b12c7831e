"""Another way taken once what the first buys is not needed ("if exact counts aren't needed we'd switch to a sketch"),
and one of the named ways picked for this case with its reason ("I'd pick the sketch here because ..."), weigh an
alternative; a switch with no condition, or a pick with no reason, does not. The sentences are new, written here."""
from __future__ import annotations

from coach.scoring.signals import tradeoff_evidence
from coach.scoring.text import sentences


def _weighs(text: str) -> bool:
    return bool(tradeoff_evidence(sentences(text)))


def test_a_switch_once_the_first_ways_gain_is_not_needed_weighs_an_alternative() -> None:
    assert _weighs("If exact distinct counts are not strictly needed we'd switch to a HyperLogLog per key.")
    assert _weighs("I'd pick the sketch here because a dashboard can live with a one percent error.")


def test_a_plain_switch_or_a_pick_without_a_reason_does_not() -> None:
    assert not _weighs("After the first week we'd switch to the new cluster.")
    assert not _weighs("I'd pick the sketch here and move on to the storage.")
