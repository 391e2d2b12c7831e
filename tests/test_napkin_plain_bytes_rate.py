"""A rate said in plain bytes ("about two billion bytes a second") is a bandwidth, so its restatement in bits is
checked by the eight bits of a byte; before, it was read as a day's storage. New sentences, written for this test."""
from __future__ import annotations

from tests.napkin_chain_check import assert_followed


def test_plain_bytes_a_second_restated_as_the_same_count_of_bits_is_flagged() -> None:
    assert_followed("plain-bytes-bits", "Forty thousand reads a second at fifty kilobytes each comes to about two "
                    "billion bytes a second, which is two gigabits per second on the wire.", "bits_bytes", 16e9)


def test_plain_bytes_a_second_restated_right_in_bits_is_not_flagged() -> None:
    assert_followed("plain-bytes-bits-ok", "Forty thousand reads a second at fifty kilobytes each comes to about two "
                    "billion bytes a second, which is sixteen gigabits per second on the wire.", None, 0.0)
