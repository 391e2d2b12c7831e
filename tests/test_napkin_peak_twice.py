"""The busiest hour's rate is already the peak: a peak factor put on it again counts the peak twice and is flagged at
the peak step with the hour's rate as the right figure; a finer peak said of the hour's rate (the peak minute inside
it) is a real further factor and is not flagged."""
from __future__ import annotations

from tests.napkin_chain_check import assert_followed

_HOUR = ("Sixty million orders a day, and the busiest hour carries eight percent, so 4.8 million orders in that hour. "
         "Divided by 3,600 seconds that's about 1,300 a second. ")


def test_a_peak_factor_on_the_busiest_hours_rate_is_flagged_with_that_rate() -> None:
    assert_followed("peak-twice", _HOUR + "Peak is typically twice the average, so I'd plan for 2,600 orders per "
                    "second at peak.", "peak", 60e6 * 0.08 / 3600)


def test_the_busiest_hours_rate_said_in_the_next_sentence_is_judged_from_its_share() -> None:
    assert_followed("hour-next-sentence", _HOUR.replace("about 1,300", "about 4,000"), "peak", 60e6 * 0.08 / 3600)


def test_a_peak_minute_inside_the_hour_is_a_further_factor() -> None:
    assert_followed("peak-minute", _HOUR + "The peak minute inside that hour runs about twice the hour's rate, so "
                    "about 2,600 a second at peak.", None, 0.0)
