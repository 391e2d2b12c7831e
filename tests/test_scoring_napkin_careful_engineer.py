"""Steps a careful engineer takes that a plain product misses: a budget said per partition or per node is one unit's
share, not the stream's total; ... Sentences written for these tests."""
from __future__ import annotations

from coach.scoring import napkin, sizing
from coach.scoring.text import clean, sentences


def _checks(text: str) -> list[napkin.Check]:
    text = clean(text)
    return napkin.check(sizing.extract(text, sentences(text)), text, sizing.factors(text))


def _flags(text: str) -> list[napkin.Check]:
    return [c for c in _checks(text) if not c.ok]


def test_a_bandwidth_budget_per_partition_is_not_the_stream_s_total() -> None:
    text = ("Clicks arrive at 400,000 a second, roughly 500 bytes each, so 200 MB a second, and each partition is "
            "sized for 5 MB a second per partition, forty partitions.")
    assert not _flags(text)


def test_the_stream_s_total_is_still_checked_next_to_a_budget() -> None:
    text = ("Clicks arrive at 400,000 a second, roughly 500 bytes each, so 2 GB a second, and each partition is "
            "sized for 5 MB a second per partition.")
    assert [c.rule for c in _flags(text)] == ["bandwidth"]
