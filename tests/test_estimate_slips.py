"""An estimate whose final figure misses says why, as a careful engineer would: the step that slipped and the right
figure; the right amount said per the wrong period is a unit slip (the rubric's level 3), not an answer in range; a
device the result is said to fit on is not the result; a final figure said in its unit with no working is silent."""
from __future__ import annotations

import pytest

from coach.content import default_content
from coach.scoring import score_answer


@pytest.fixture(scope="module")
def content():
    return default_content()


def _card(content, qid: str, text: str):
    q = content.question(qid)
    return score_answer(text, question=q, round_spec=content.round(q.round), rubric=content.rubric(q.round),
                        level="senior")


def _estimate_line(card) -> str:
    return next(d for d in card.dimensions if d.id == "numeric_sizing").evidence[0]


def test_the_right_amount_said_per_the_wrong_period_is_a_unit_slip(content) -> None:
    card = _card(content, "nm-monthly-gpu-bill",
                 "Forty cards at two fifty each is a hundred dollars an hour for the fleet. A month is about 730 hours, "
                 "so a hundred times 730 gives seventy-three thousand dollars a week.")
    line = _estimate_line(card)
    assert "in range" not in line and "said per week" in line and "$73,000 a month" in line
    sizing = next(d for d in card.dimensions if d.id == "numeric_sizing")
    assert sizing.score == 3.0
    assert card.gaps[0].id == "bad_math"


def test_the_right_amount_for_another_period_is_in_range(content) -> None:
    card = _card(content, "nm-monthly-gpu-bill",
                 "Forty cards at two fifty each is a hundred dollars an hour for the fleet, around the clock that's "
                 "2,400 dollars a day, so for budgeting I'd say about eight hundred eighty thousand dollars a year.")
    assert "is in range" in _estimate_line(card)


def test_a_device_offered_in_two_sizes_is_not_the_estimate(content) -> None:
    card = _card(content, "nm-user-embeddings",
                 "Five hundred million users times 128 dimensions times four bytes is 256 gigabytes, so it won't sit "
                 "on a single 80 or 141 gig GPU; I'd shard it.")
    assert '"256 gigabytes" is in range' in _estimate_line(card)


def test_a_final_figure_in_its_unit_with_no_working_is_silent(content) -> None:
    card = _card(content, "nm-weights-70b-int4", "Around thirty-five gigabytes, give or take, which fits on a 40 or "
                                                      "48 gig card with room to spare.")
    assert any(line.startswith("Work it out loud") for line in card.feedback)


@pytest.mark.parametrize("qid, text, named", [
    ("nm-vector-index", "A hundred million vectors times 768 dimensions times four bytes is about 307 gigabytes.",
     "fp16, 2 bytes a value"),
    ("nm-photo-storage", "Ten million uploads a day at two megabytes is twenty terabytes a day, and over 365 days "
     "that's about 7.3 petabytes for the year.", '"three copies" is never applied'),
    ("nm-payments-tps", "Ten percent of forty million is four million in the peak hour, about eleven hundred a second; "
     "with a peak to average of two on top, call it 2,200 per second.", "multiplies by 2"),
    ("nm-model-rollout", "Fourteen gigabytes times two hundred servers is 2.8 terabytes. A ten gigabit link is ten "
     "gigabytes per second, so 280 seconds, under five minutes.", "bits in a byte"),
])
def test_a_final_figure_off_by_one_step_names_that_step(content, qid: str, text: str, named: str) -> None:
    line = _estimate_line(_card(content, qid, text))
    assert "outside the range" in line and named in line, line


def test_a_slipped_factor_holds_knowing_what_to_multiply_at_the_rubrics_level_two(content) -> None:
    card = _card(content, "nm-kv-per-token", "Keys and values both get cached, so two vectors per layer of 4,096 numbers "
                 "each, 8,192 numbers a layer. Thirty-two layers makes about 262 thousand numbers per token, and at "
                 "four bytes apiece that's roughly a megabyte per token of KV cache, which is why grouped-query attention "
                 "and paged attention matter so much for the decoder's batch size.")
    depth = next(d for d in card.dimensions if d.id == "technical_depth")
    assert depth.score <= 2.0 and "fp16" in depth.evidence[0], depth


def test_the_questions_input_said_back_first_is_not_a_result_said_first(content) -> None:
    card = _card(content, "nm-search-qps", "Search gets two hundred million searches a day. Over 86,400 seconds that is "
                 "about 2,300 searches per second on average. The busiest hour runs at double that, so about 46,000 "
                 "searches per second at peak.")
    line = _estimate_line(card)
    assert line.startswith('"46,000 searches per second" is outside the range'), line
