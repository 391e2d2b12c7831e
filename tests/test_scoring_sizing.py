"""Quantities the way Whisper writes speech: value in the base unit, unit, kind."""
from __future__ import annotations

import pytest

from coach.scoring.numbers import find_numbers
from coach.scoring.sizing import extract
from coach.scoring.text import clean, sentences


def quantities(text: str):
    t = clean(text)
    return extract(t, sentences(t))


def one(text: str):
    qs = quantities(text)
    assert len(qs) == 1, [(q.text, q.kind) for q in qs]
    return qs[0]


@pytest.mark.parametrize("text, value", [
    ("50,000", 50000), ("50k", 50000), ("10M", 10e6), ("2.3K", 2300), ("1.5 billion", 1.5e9),
    ("fifty thousand", 50000), ("a hundred", 100), ("two hundred and fifty million", 250e6),
    ("half a million", 500000), ("one point five", 1.5), ("twenty-five", 25), ("a dozen", 12),
    ("a quarter of a million", 250000), ("three and a half", 3.5), ("2 and a half million", 2.5e6),
    ("five and a quarter million", 5.25e6), ("ten to the eighteen", 1e18), ("three times ten to the 20", 3e20),
    ("4 times 10 to the 17", 4e17), ("10 to the 21", 1e21),
])
def test_spoken_and_written_numbers(text: str, value: float) -> None:
    spans = find_numbers(text)
    assert len(spans) == 1 and spans[0].value == pytest.approx(value)


def test_ten_to_a_word_that_is_no_exponent_stays_ten() -> None:
    assert [s.value for s in find_numbers("we went from ten to the final list")] == [10]
    assert [s.value for s in find_numbers("we moved 10 to the new cluster")] == [10]


def test_digits_glued_to_letters_are_names_not_numbers() -> None:
    assert find_numbers("p99 on an A100 in fp16 with k8s, the 2nd try") == []


@pytest.mark.parametrize("text, value, unit, kind", [
    ("we serve fifty thousand QPS", 50000, "/s", "throughput"),
    ("peak is 2.3K QPS", 2300, "/s", "throughput"),
    ("about 10k requests a second", 10000, "/s", "throughput"),
    ("1.5 billion events per day", 1.5e9 / 86400, "/s", "throughput"),
    ("we have 100M DAU", 1e8, "users", "users"),
    ("two hundred and fifty million users", 2.5e8, "users", "users"),
    ("half a million customers", 5e5, "users", "users"),
    ("a hundred milliseconds", 0.1, "s", "latency"),
    ("the p99 of 200 ms", 0.2, "s", "latency"),
    ("the p99 is 350", 0.35, "s", "latency"),
    ("10 terabytes", 1e13, "B", "storage"),
    ("the table is 40 gigs", 40e9, "B", "storage"),
    ("1.5 billion rows", 1.5e9, "items", "dataset"),
    ("a 7B parameter model", 7e9, "params", "model_size"),
    ("175 billion params", 1.75e11, "params", "model_size"),
    ("on 64 GPUs", 64, "GPUs", "compute"),
    ("eight H100s", 8, "GPUs", "compute"),
    ("$40,000 a month", 40000, "$/month", "cost"),
    ("maybe forty grand a month", 40000, "$/month", "cost"),
    ("two weeks", 14 * 86400, "s", "duration"),
    ("it took eighteen hours", 18 * 3600, "s", "duration"),
    ("by 30 percent", 30, "%", "percent"),
    ("by 20%", 20, "%", "percent"),
    ("100 MB/s", 1e8, "B/s", "bandwidth"),
    ("a 10 Gbps link", 1.25e9, "B/s", "bandwidth"),
    ("2 gigabits per second", 2.5e8, "B/s", "bandwidth"),
])
def test_quantity_kinds_and_base_units(text: str, value: float, unit: str, kind: str) -> None:
    q = one(text)
    assert (q.kind, q.unit) == (kind, unit)
    assert q.value == pytest.approx(value, rel=1e-6)


def test_fifty_thousand_qps_is_50000_throughput() -> None:
    q = one("so uh we were at fifty thousand QPS at peak")
    assert q.value == 50000 and q.kind == "throughput" and "peak" in q.qualifiers


def test_a_range_takes_the_unit_that_follows() -> None:
    qs = quantities("p99 went from 800 to 250 milliseconds")
    assert [(q.raw, q.kind) for q in qs] == [(800, "latency"), (250, "latency")]


def test_a_bare_number_at_peak_takes_the_kind_before_it() -> None:
    qs = quantities("about 3,500 QPS on average and maybe 10,000 at peak.")
    assert [q.value for q in qs] == [3500, 10000]
    assert qs[1].kind == "throughput" and "peak" in qs[1].qualifiers


def test_per_user_rates_are_recognised() -> None:
    qs = quantities("100 million DAU, and each of them makes maybe 10 requests a day.")
    assert qs[1].kind == "throughput" and "per_user" in qs[1].qualifiers
    assert qs[1].raw == 10 and qs[1].period_s == 86400


def test_seconds_are_latency_or_duration_by_context() -> None:
    assert one("queries should come back in under 2 seconds").kind == "latency"
    assert one("one epoch is 40,000 seconds").kind == "duration"


def test_time_references_and_counts_outside_the_kinds_are_not_quantities() -> None:
    assert quantities("Two years ago we had 12 people on the team and 3 PMs, in 2019.") == []
    assert quantities("One day, the pipeline broke.") == []


def test_article_quantities() -> None:
    assert one("it's about a kilobyte each").value == 1000
    assert one("we shadow it for a week").value == 604800
    assert one("three epochs is about a day and a half").value == pytest.approx(1.5 * 86400)


def test_dollar_sign_and_period() -> None:
    q = one("At around $2 per GPU hour")
    assert q.kind == "cost" and q.unit == "$/GPU-hour" and q.value == 2


@pytest.mark.parametrize("text", [
    "I shadowed the new model for three days against the old one, and then swapped it in.",
    "We ran the big model for a week next to the smaller one, then kept the bigger one.",
])
def test_one_that_stands_for_a_thing_named_before_is_not_one_more_of_a_figure(text: str) -> None:
    said = [q.text for q in quantities(text)]
    assert "one" not in said and len(said) == 1, said


@pytest.mark.parametrize("text, value", [
    ("we would roll back if signups slip by half a percent", 0.5),
    ("a quarter of a percent of checkouts time out", 0.25),
    ("the error budget is a tenth of a per cent of calls", 0.1),
    ("churn rose three tenths of a percent after the launch", 0.3),
])
def test_a_share_of_one_percent_is_a_percentage(text: str, value: float) -> None:
    q = one(text)
    assert (q.kind, q.unit) == ("percent", "%")
    assert q.value == pytest.approx(value)


def test_a_fraction_of_something_else_is_no_percentage() -> None:
    assert find_numbers("a quarter of the team left and the third of a percent rule") == []
