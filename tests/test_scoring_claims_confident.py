"""Confident wrong claims of a technical screen, coding or design round, caught in any wording, and the right
statement of the same topic left alone: folds averaging leakage away, every loss reaching one model, squared error
on a probability equated with log loss, k-means said to find the best clustering or merged by centroid index,
fine-tuning said to stop hallucination, and input monitoring said to make labels unnecessary. The sentences are
new, written for this test."""
from __future__ import annotations

import pytest

from coach.content import default_content
from coach.scoring import score_answer


def _claims(text: str, qid: str) -> list[str]:
    content = default_content()
    q = content.question(qid)
    card = score_answer(text, question=q, round_spec=content.round(q.round), rubric=content.rubric(q.round))
    return [w.claim for w in card.wrong_claims]


CASES = [
    ("ts-validation-strategy",
     "Shuffle the rows before the ten folds and any look-ahead from later weeks simply cancels out in the mean.",
     "Shuffling time-ordered rows into folds lets the model see later weeks, so I validate on the weeks after the "
     "training window instead."),
    ("ts-loss-functions",
     "Pick whatever you like, because given a big dataset every loss ends up at the same model anyway.",
     "Squared error lands on the conditional mean and absolute error on the median, so the loss decides which "
     "model you get."),
    ("cd-logistic-regression",
     "For zero-one targets, squared error on the predicted probability is identical to log loss.",
     "I minimise cross entropy, because squared error on the sigmoid output is not the same as log loss and its "
     "gradient vanishes on confident mistakes."),
    ("cd-kmeans",
     "From any starting point it is guaranteed to reach the best partition, so one run is plenty.",
     "Each iteration lowers the inertia, so it converges, but only to a local optimum; I run several seeds."),
    ("cd-kmeans",
     "Each worker clusters its own shard, then we take the mean of centroid one from each partition, centroid two, "
     "and so on.",
     "Each worker sends per-centroid sums and counts for its shard every iteration and the driver combines them."),
    ("sd-support-assistant",
     "Once the base model is fine-tuned on the manuals it stops hallucinating, so citations add nothing.",
     "Fine-tuning on the manuals does not stop hallucination, so answers come from retrieved passages with "
     "citations."),
    ("sd-model-monitoring",
     "A model can only get worse when its feature distributions move, so watching input drift covers everything.",
     "Input drift is an early warning, but the relation to the label can change with inputs steady, so I join "
     "delayed labels to predictions as well."),
]


@pytest.mark.parametrize("qid, wrong, right", CASES)
def test_the_wrong_claim_is_caught_and_its_correction_is_not(qid: str, wrong: str, right: str) -> None:
    assert _claims(wrong, qid), wrong
    assert not _claims(right, qid), right
