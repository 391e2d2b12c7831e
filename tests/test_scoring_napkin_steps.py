"""Napkin math on one-step derivations: a rate from a batch and the time one batch takes, and halving, doubling or
cutting a stated figure by a fraction. Answers written for these tests."""
from __future__ import annotations

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


def _math_gaps(text: str) -> list[str]:
    from coach.scoring import score_answer
    from coach.domain import Transcript
    return [g.evidence for g in score_answer(Transcript(text)).gaps if g.id == "bad_math"]


def test_rows_times_dimensions_times_bytes_is_checked():
    wrong = ("We keep twenty million user vectors with sixty four float32 dimensions each, which "
             "comes to roughly fifty gigabytes in memory, so one large box holds them.")
    right = wrong.replace("roughly fifty gigabytes", "roughly five gigabytes")
    flags = _math_gaps(wrong)
    assert flags and "fifty gigabytes" in flags[0] and "rows × dimensions × bytes per value" in flags[0]
    assert not _math_gaps(right)


def test_a_team_rate_shared_by_its_people_is_checked():
    wrong = ("The queue gets about sixty tickets a week, and a team of six engineers shares them evenly. That is "
             "around sixty tickets a week per engineer, which is too many to also ship features.")
    right = wrong.replace("around sixty tickets a week per engineer", "around ten tickets a week per engineer")
    flags = _math_gaps(wrong)
    assert flags and "sixty tickets a week" in flags[0] and "team rate ÷ people sharing it" in flags[0]
    assert not _math_gaps(right)
