"""Wrong claims an interviewer catches in any coding answer, said in plain or spoken words: a sketch called exact,
k-means said to land on the best clustering, and a claim made in the main clause after a supposition with no comma."""
from __future__ import annotations

from tests.scored import card_for


def _wrong(qid: str, text: str) -> list[str]:
    return [w.claim for w in card_for(qid, text).wrong_claims]


def test_a_count_min_sketch_called_exact_is_a_wrong_claim() -> None:
    text = ("I would count every item in a hash map and keep a heap of the top hundred by count, which is O(n log k). "
            "For a stream too big for the map I would swap in a count-min sketch, since it keeps exact counts while "
            "using a fixed amount of memory.")
    assert "Count-min sketch gives exact counts" in _wrong("cd-top-k-stream", text)
    right = text.replace("since it keeps exact counts while using", "which overestimates a little but uses")
    assert "Count-min sketch gives exact counts" not in _wrong("cd-top-k-stream", right)


def test_k_means_said_to_reach_the_best_clustering_is_a_wrong_claim() -> None:
    text = ("Pick k starting centres, assign each point to its nearest centre, move each centre to the mean of its "
            "points, and repeat until nothing moves. Lloyd's loop always ends at the best clustering for that k, so "
            "one run is all you need.")
    assert "k-means finds the global optimum" in _wrong("cd-kmeans", text)


def test_a_supposition_without_a_comma_does_not_hide_the_claim_after_it() -> None:
    text = ("I would keep a heap of the hundred most frequent items as I go, updating counts in a hash map. If memory "
            "got tight you could switch to a count-min sketch which gives exact counts in far less space.")
    assert "Count-min sketch gives exact counts" in _wrong("cd-top-k-stream", text)
