"""A point waved away in the plural ("ties don't matter here") is not made, as in the singular ("it doesn't
matter"). The sentence is new, written for this test."""
from __future__ import annotations

from coach.content import default_content
from coach.scoring import score_answer


def test_a_point_waved_away_in_the_plural_is_not_covered() -> None:
    content = default_content()
    q = content.question("cd-auc-from-scratch")
    text = ("I sort the scores, walk down the list counting how many negatives sit below each positive, and divide by "
            "positives times negatives. Duplicate scores and ties don't really matter in practice, so I skip them. "
            "I would check it against a brute-force pair count on small random inputs.")
    card = score_answer(text, question=q, round_spec=content.round(q.round), rubric=content.rubric(q.round))
    assert "Ties count as half" in [p.point for p in card.talking_points.missed]
