"""Talking points: covered with the quoted sentence, missed listed, by keywords, synonyms and stems."""
from __future__ import annotations

from coach.domain import Question
from coach.scoring.talking_points import coverage
from coach.scoring.text import clean, sentences

Q = Question(
    id="ts-drift", round="technical-screen", levels=("senior",), prompt="How would you handle drift?", assesses="",
    talking_points=("Monitor input feature distributions", "Alert the on-call", "Retrain or roll back",
                    "Measure label-based performance"),
    keywords=(("feature distribution", "psi"), ("alert", "on-call"), ("retrain", "roll back"), ("auc", "accuracy")),
)


def cover(text: str, q: Question = Q):
    t = clean(text)
    return coverage(q, sentences(t))


def test_covered_points_quote_the_sentence() -> None:
    r = cover("I'd compute PSI on each feature daily. Alerts page the on-call.")
    assert [p.point for p in r.covered] == ["Monitor input feature distributions", "Alert the on-call"]
    assert r.covered[0].evidence == "I'd compute PSI on each feature daily." and r.covered[0].matched == "psi"
    assert [p.point for p in r.missed] == ["Retrain or roll back", "Measure label-based performance"]
    assert r.score == 2.5


def test_stems_and_synonyms() -> None:
    r = cover("We'd be retraining weekly, and rolling back is a button. A dashboard tracks the accuracy.")
    assert {p.point for p in r.covered} == {"Retrain or roll back", "Measure label-based performance"}
    assert cover("I'd revert to the last model.").covered[0].point == "Retrain or roll back"


def test_point_words_without_keywords() -> None:
    q = Question(id="x", round="coding", levels=(), prompt="p", assesses="",
                 talking_points=("Use a min heap of size k",))
    assert cover("Keep a min heap with k entries.", q).covered
    assert not cover("Sort everything.", q).covered
    assert not cover("Keep a heap.", q).covered      # one word of three is not enough


def test_no_question_or_no_points() -> None:
    assert cover("anything", None).score is None
    assert cover("anything", Question("x", "coding", (), "p", "")).total == 0
