"""A napkin-math answer that goes past its estimate (the cache for the batch, then the weights on top, then the card it
fits on) is judged on the figure it gave for what was asked; its worked steps cover talking points; and a total the
weights are one part of is not checked as the weights."""
from __future__ import annotations

from tests.scored import card_for

ANSWER = ("Half a megabyte per token times a 4,000 token context is about two gigabytes per sequence. With 16 sequences "
          "that's 32 gigabytes of cache, which together with the 14 gigabytes of fp16 weights for a 7B model is about "
          "46 gigabytes, so it fits on one 80 gigabyte card with room for activations.")


def _card(text: str):  # type: ignore[no-untyped-def]
    return card_for("nm-kv-batch", text)


def test_the_estimate_is_the_figure_given_for_what_was_asked_not_the_total_or_the_card() -> None:
    card = _card(ANSWER)
    assert any('"32 gigabytes" is in range' in step for step in card.calibration.steps), card.calibration.steps
    assert card.overall >= 4.0


def test_worked_steps_cover_the_points_of_an_estimate() -> None:
    covered = {p.point for p in _card(ANSWER).talking_points.covered}
    assert "Times four thousand tokens: about two gigabytes per sequence" in covered


def test_a_sum_with_the_weights_in_it_is_not_read_as_the_weights() -> None:
    flagged = [c.message for c in _card(ANSWER).sizing.checks if not c.ok]
    assert not flagged, flagged


def test_a_bare_rate_in_the_sentence_that_names_the_peak_is_the_peak_rate_asked() -> None:
    # "a billion requests a day" names the requests, and the load one step further down names the posts: the peak
    # rate asked is the bare figure said in the sentence about the peak
    card = card_for("nm-feed-qps", "Fifty million people opening it twenty times each is a billion requests a day. "
                                   "Over roughly ninety thousand seconds that's about eleven thousand a second. The "
                                   "peak is three times that, so call it thirty-five thousand a second. Every request "
                                   "ranks a thousand posts, so the ranker scores thirty-five million posts a second "
                                   "at peak.")
    assert any('"thirty-five thousand a second" is in range' in step for step in card.calibration.steps), \
        card.calibration.steps
    assert card.overall >= 4.0


def test_a_capacity_assumed_for_one_core_is_not_the_estimate() -> None:
    card = card_for("nm-feed-qps", "Fifty million users at eight opens a day is four hundred million loads a day, "
                                   "about four thousand a second. Peak is three times the average, so about twelve "
                                   "thousand a second. If one core scores twenty thousand items a second, that's a "
                                   "few hundred cores.")
    assert any('"twelve thousand a second" is outside the range' in step for step in card.calibration.steps), \
        card.calibration.steps
