"""Right chains the checker used to flag with nonsense figures: a power of ten read out the way code writes it
("two point five e twenty two"), "over" meaning "across" ("three passes over 400 million rows is 1.2 billion"), and
the size of each of a counted thing taken for a total said again ("a thousand shards of two gigabytes, about 2 TB")."""
from __future__ import annotations

from coach.scoring import score_answer
from coach.scoring.numbers import find_numbers


def _flags(text: str) -> list[str]:
    return [c.message for c in score_answer(text).sizing.checks if not c.ok]


def test_a_power_of_ten_read_out_as_code_writes_it_is_one_number() -> None:
    spans = find_numbers("we budget two point five e twenty two flops for it")
    assert [(n.text, n.value) for n in spans] == [("two point five e twenty two", 2.5e22)]


def test_a_stray_letter_e_is_not_an_exponent() -> None:
    assert [n.value for n in find_numbers("option e costs twelve dollars")] == [12.0]


def test_a_spoken_flop_count_is_not_read_as_its_exponent() -> None:
    text = ("six flops per parameter per token with seven billion parameters and forty billion tokens is about "
            "one point seven e twenty one flops and on sixty four gpus at a hundred teraflops each that is "
            "about two hundred sixty thousand seconds")
    assert _flags(text) == []


def test_passes_over_a_dataset_multiply() -> None:
    text = ("Three passes over four hundred million rows is 1.2 billion rows, and at twenty thousand rows a second "
            "that is 60,000 seconds, under seventeen hours.")
    assert _flags(text) == []


def test_a_quotient_said_with_over_is_still_checked() -> None:
    assert _flags("Nine million orders over 3,600 seconds is about 2,500 orders a second.") == []
    assert _flags("Nine million orders over 3,600 seconds is about 25,000 orders a second.")


def test_the_size_of_each_counted_thing_is_not_a_total_said_again() -> None:
    text = "The index keeps a thousand shards of two gigabytes, that is about 2 TB on disk."
    assert _flags(text) == []


def test_a_span_of_data_is_not_a_training_run_to_check() -> None:
    text = ("Each page shows about twelve candidate songs per request, and we log about 50 million examples a day. "
            "I would retrain every hour on the last fourteen days of data, about 700 million examples.")
    assert not [m for m in _flags(text) if "work ÷ rate" in m]
