"""Napkin math on one-step derivations: a rate from a batch and the time one batch takes, and halving, doubling or
cutting a stated figure by a fraction. Answers written for these tests."""
from __future__ import annotations

import pytest

from coach.scoring.napkin import check
from coach.scoring.sizing import extract, factors
from coach.scoring.text import clean, sentences


def _checks(text: str, rule: str):
    t = clean(text)
    return [c for c in check(extract(t, sentences(t)), t, factors(t)) if c.rule == rule]


def test_a_rate_from_a_batch_is_batch_size_over_batch_time() -> None:
    right = _checks("The scorer takes batches of two hundred and fifty-six rows; a batch takes about twenty "
                    "milliseconds, so one worker does roughly thirteen thousand rows a second.", "batch_rate")
    assert len(right) == 1 and right[0].ok
    wrong = _checks("The scorer takes batches of two hundred and fifty-six rows; a batch takes about twenty "
                    "milliseconds, so one worker does roughly thirteen hundred rows a second.", "batch_rate")
    assert len(wrong) == 1 and not wrong[0].ok
    assert wrong[0].expected == 12800 and "batch size ÷ seconds per batch" in wrong[0].message
    assert "12,800" in wrong[0].message


def test_the_batch_time_said_after_the_figure_counts_too() -> None:
    wrong = _checks("We embed in chunks of 1,000 documents at 0.5 seconds per chunk, which is about 200 documents "
                    "per second.", "batch_rate")
    assert len(wrong) == 1 and not wrong[0].ok and wrong[0].expected == 2000


def test_halving_a_spoken_budget_gives_half_left_and_half_cut() -> None:
    right = _checks("We spend the current hundred and sixty milliseconds on the page. Halving it means we have to find eighty "
                    "milliseconds somewhere.", "scale")
    assert len(right) == 1 and right[0].ok
    wrong = _checks("We spend the current hundred and sixty milliseconds on the page. Halving it means we have to find twenty "
                    "milliseconds somewhere.", "scale")
    assert len(wrong) == 1 and not wrong[0].ok and wrong[0].expected == 0.08
    assert "halving" in wrong[0].message and "down by" in wrong[0].message


def test_cutting_by_a_third_and_doubling() -> None:
    cut = _checks("We need to cut the 600 ms by a third, so we end at about 400 ms.", "scale")
    assert len(cut) == 1 and cut[0].ok
    bad = _checks("We need to cut the 600 ms by a third, so we end at about 100 ms.", "scale")
    assert len(bad) == 1 and not bad[0].ok and bad[0].expected == 0.2     # nearest reading: the 200 ms cut
    up = _checks("Traffic is 4,000 requests per second and doubling it for the sale gives 30,000 requests per "
                 "second.", "scale")
    assert len(up) == 1 and not up[0].ok and up[0].expected == 8000


def test_a_figure_about_something_else_is_not_checked() -> None:
    # the halving is of an error rate; the latency in the same answer is another quantity
    assert _checks("The p99 is 90 ms. We halved the error rate to 2 percent, and the model still answers in "
                   "85 ms.", "scale") == []


def test_a_from_to_change_in_another_clause_is_not_the_halving() -> None:
    # the halving is of the alerts; "from two weeks to three days" is a change told on its own
    assert _checks("Each goal gets a number, like halving alerts per night or taking onboarding from two weeks to "
                   "three days.", "scale") == []
    assert _checks("I'd shadow each engineer for an afternoon. Then each goal gets a number, like halving alerts per "
                   "night or taking onboarding from two weeks to three days.", "scale") == []
    right = _checks("We halved the p99 from 120 ms to 60 ms.", "scale")
    assert len(right) == 1 and right[0].ok


def test_a_peak_said_as_a_rush_is_checked_against_the_stated_multiple() -> None:
    wrong = _checks("The parcel tracker sees about five hundred lookups a second; the evening rush runs three times "
                    "the average, so call it fifteen thousand lookups a second at the rush.", "peak")
    assert len(wrong) == 1 and not wrong[0].ok and wrong[0].expected == 1500
    right = _checks("The parcel tracker sees about five hundred lookups a second; the evening rush runs three times "
                    "the average, so call it fifteen hundred lookups a second at the rush.", "peak")
    assert len(right) == 1 and right[0].ok


def test_any_counted_thing_per_second_is_carried_to_a_day() -> None:
    wrong = _checks("The weather stations send 400 sensor pings a second, so roughly three million pings a day.",
                    "per_day")
    assert len(wrong) == 1 and not wrong[0].ok and wrong[0].expected == 34_560_000
    right = _checks("The weather stations send 400 sensor pings a second, so roughly thirty-five million pings a "
                    "day.", "per_day")
    assert len(right) == 1 and right[0].ok


def test_people_who_each_do_something_daily_give_a_per_second_rate() -> None:
    wrong = _checks("Ten million subscribers each open about twelve articles a day, so the page service handles "
                    "around a hundred and forty opens a second.", "qps_from_users")
    assert len(wrong) == 1 and not wrong[0].ok and round(wrong[0].expected) == 1389


def test_spoken_powers_of_ten_and_quarters_keep_a_right_chain_quiet() -> None:
    assert not [c for c in _checks("Six times ten to the twenty FLOPs on thirty-two GPUs at two hundred teraflops "
                                   "each is about ninety-four thousand seconds, roughly a day and a quarter.",
                                   "training_time") if not c.ok]


def test_any_thing_counted_per_request_is_a_fan_out() -> None:
    wrong = _checks("At two thousand searches a second, with fifty hotels "
                    "scored per search, the scorer sees about ten thousand hotels a second.", "fan_out")
    assert len(wrong) == 1 and not wrong[0].ok and wrong[0].expected == 100_000
    right = _checks("At two thousand searches a second, with fifty hotels scored per search, the scorer sees about "
                    "a hundred thousand hotels a second.", "fan_out")
    assert len(right) == 1 and right[0].ok


def test_a_head_said_as_so_many_wide_is_the_head_dimension() -> None:
    wrong = _checks("Forty layers, four key-value heads each sixty-four wide, in a sixteen-bit cache: about four "
                    "kilobytes per token.", "kv_cache")
    assert len(wrong) == 1 and not wrong[0].ok and wrong[0].expected == 40960


def test_billions_of_weights_are_parameters_for_adam_memory() -> None:
    wrong = _checks("Fine-tuning all 3 billion weights with Adam in mixed precision takes about 12 gigabytes.",
                    "adam_memory")
    assert len(wrong) == 1 and not wrong[0].ok and wrong[0].expected == 48e9
    assert not _checks("We tuned 3 weights in the loss by hand, then trained with Adam on 12 gigabytes of logs.",
                       "adam_memory")


def _math_gaps(text: str) -> list[str]:
    from coach.scoring import score_answer
    from coach.domain import Transcript
    return [g.evidence for g in score_answer(Transcript(text)).gaps if g.id == "bad_math"]


def test_rows_times_dimensions_times_bytes_is_checked():
    wrong = ("We keep twenty million user vectors with sixty four float32 dimensions each, which "
             "comes to roughly fifty gigabytes in memory, so one large box holds them.")
    right = wrong.replace("roughly fifty gigabytes", "roughly five gigabytes")
    flags = _math_gaps(wrong)
    assert flags and "fifty gigabytes" in flags[0] and "items × bytes per item" in flags[0]    # a storage step
    assert "20M vectors × 64 dimensions × 4 B" in flags[0] and "5.12 GB" in flags[0]
    assert not _math_gaps(right)


def test_a_team_rate_shared_by_its_people_is_checked():
    wrong = ("The queue gets about sixty tickets a week, and a team of six engineers shares them evenly. That is "
             "around sixty tickets a week per engineer, which is too many to also ship features.")
    right = wrong.replace("around sixty tickets a week per engineer", "around ten tickets a week per engineer")
    flags = _math_gaps(wrong)
    assert flags and "sixty tickets a week" in flags[0] and "team rate ÷ people sharing it" in flags[0]
    assert not _math_gaps(right)


def test_bytes_per_dimension_count_every_dimension_said_earlier():
    # the dimensions come in the sentence before; bytes per dimension are not bytes per vector
    said = ("Each listing gets an embedding of five hundred and twelve dimensions. Eighty million listings at "
            "four bytes per dimension is about {} gigabytes, so the index fits on two machines.")
    assert not _math_gaps(said.format("a hundred and sixty"))      # 80M × 512 × 4 B ≈ 164 GB
    flags = _math_gaps(said.format("three"))
    assert not flags or "items × bytes per item" not in flags[0]    # never judged as 80M × 4 B


def test_a_squared_term_said_out_loud_is_squared_in_the_arithmetic() -> None:
    said = ("For power I'd use eight times zero point one times zero point nine, over zero point zero one squared, "
            "which is about {} visitors in each group.")
    wrong = _checks(said.format("seven hundred twenty"), "arithmetic")
    assert len(wrong) == 1 and not wrong[0].ok and wrong[0].expected == pytest.approx(7200)
    assert "²" in wrong[0].message
    assert all(c.ok for c in _checks(said.format("seven thousand two hundred"), "arithmetic"))
