"""A napkin drill answer that works from an input other than the one the question states is told which input it
misread, beside the right figure; an answer that keeps the question's inputs is told nothing of the kind."""
from __future__ import annotations

import pytest

from coach.content import default_content
from coach.scoring import score_answer


@pytest.fixture(scope="module")
def content():
    return default_content()


def _card(content, qid: str, text: str):
    return score_answer(text, question=content.question(qid), round_spec=content.round("napkin-math"),
                        rubric=content.rubric("napkin-math"))


def test_a_misread_per_user_rate_is_named(content) -> None:
    card = _card(content, "nm-feed-qps", "Fifty million daily users who each open the feed eight times a day make "
                 "400 million opens a day, about 4,600 a second, and three times that at peak is about 14,000 a "
                 "second.")
    assert card.gaps[0].id == "bad_math"
    assert "twenty times a day" in card.gaps[0].evidence and "eight times a day" in card.gaps[0].evidence
    assert "eight times a day" in card.feedback[0]


def test_a_misread_head_count_is_named(content) -> None:
    card = _card(content, "nm-user-embeddings", "Two hundred million users with 128 float32 dimensions each is 512 "
                 "bytes a user, so about 100 gigabytes.")
    assert card.gaps[0].id == "bad_math"
    assert "five hundred million users" in card.gaps[0].evidence and "Two hundred million users" in \
        card.gaps[0].evidence


def test_the_question_s_own_inputs_are_not_called_misread(content) -> None:
    right = _card(content, "nm-feed-qps", "Fifty million daily users who each open the feed twenty times a day make "
                  "a billion opens a day, about 11,600 a second, and three times that at peak is about 35,000 a "
                  "second.")
    assert "works from" not in " ".join(right.feedback)
    # the fleet's hourly bill is a total, not a misread price a GPU
    bill = _card(content, "nm-monthly-gpu-bill", "Forty GPUs at two fifty each is a hundred dollars an hour, and a "
                 "month of about 730 hours makes about 73,000 dollars.")
    assert "works from" not in " ".join(bill.feedback)
