"""A keyword every answer to the question says ("predict" in a prediction design, "vectors" in an embedding platform)
does not carry the point that asks for more: both predictions, an index sized for the load. The sentences are new,
written for this test."""
from __future__ import annotations

from coach.content import default_content
from coach.scoring import score_answer


def _covered(qid: str, text: str) -> set[int]:
    q = default_content().question(qid)
    card = score_answer(text, question=q)
    return {q.talking_points.index(h.point) for h in card.talking_points.covered}


def test_predicting_the_open_alone_is_not_both_predictions() -> None:
    assert 1 not in _covered("sd-notification-ranking",
                             "A model predicts the probability that each candidate push is tapped, and we send the top two.")
    assert 1 in _covered("sd-notification-ranking",
                         "Next to the tap model a second model scores the risk of disabling pushes for that user.")


def test_vectors_kept_somewhere_is_not_a_sized_index() -> None:
    assert 3 not in _covered("sd-embedding-platform", "All the vectors go into one store and teams read them from there.")
    assert 3 in _covered("sd-embedding-platform",
                         "Serving is an HNSW index per use case, sized for two hundred million items at 256 dimensions.")
