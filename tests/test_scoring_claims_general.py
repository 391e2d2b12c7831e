"""The field's common misconceptions (rubrics/misconceptions.toml) are caught whatever the question, and the right
statement of the same topic, or the wrong belief reported to reject it, is not.

A probe of new statements written for this test (none from the graded set or the data file's own wording): half
state a common wrong belief fluently, half say the right thing, often by naming the wrong belief to reject it.
"""
from __future__ import annotations

import pytest

from coach.content.loader import default_content, field_misconceptions
from coach.domain import Transcript
from coach.eval.graded import CLEAN, load_graded
from coach.scoring import claims, score_answer
from coach.scoring.text import clean, sentences

WRONG = [
    "Our churn data was ninety-eight percent negatives, so an accuracy of ninety-eight percent already told us the model was solid on churn.",
    "We dropped the threshold question entirely and always set the cutoff at 0.5, since that's what a probability means.",
    "Because the tree ensemble splits on raw values, we had to standardise every feature before training the LightGBM model.",
    "A random forest can't overfit, so we grew the trees to full depth and stopped worrying about it.",
    "Bloom filters can give you false negatives now and then, which is why we double-check against the database.",
    "The p-value of 0.03 meant there was a three percent chance the null hypothesis was true.",
    "We called the experiment on day two, as soon as it hit significance, to save traffic.",
    "The HNSW index returns the exact nearest neighbours, just much faster than brute force.",
    "We ran SMOTE on the full dataset before splitting it into train and test.",
    "Self-attention scales linearly with the sequence length, so doubling the context doubles the compute.",
    "We quantised the model to int4 and there is no quality loss at all with that.",
    "LoRA updates all the weights of the base model, just with a smaller learning rate.",
    "With data parallelism each GPU holds a slice of the model's layers.",
    "There is no point standardising the inputs before a lasso fit, since the penalty is scale-invariant anyway.",
    "Doubling the GPUs from 64 to 128 halved our training time, as it always does.",
    "Kafka gives you exactly-once processing out of the box, so duplicates never reach the sink.",
    "For the sales forecast a random split is fine since the model just sees more variety of weeks.",
    "Clicks are ground truth for relevance, so we trained the ranker straight on them.",
    "Setting the temperature to zero means the model will not hallucinate.",
    # calibration, skew, windows and retrieval, said in new words
    "Running isotonic regression on the scores re-orders them, so after calibration the AUC goes up.",
    "We calibrated the ranker with Platt scaling mainly to get a higher AUC.",
    "ECE is basically the same as cross entropy, just on a different scale.",
    "Skew cannot happen here since serving loads the exact same model file as training.",
    "We reset the counter at each minute boundary, so it always holds exactly the last sixty seconds of events.",
    "Late events don't matter for the count because addition is commutative.",
    "With retrieval the model cannot hallucinate because it only sees our documents.",
    "A cosine similarity of 0.8 means there is an 80 percent probability the document is relevant.",
    "Since the answers are grounded in our docs we don't need an evaluation set before launch.",
    "a model whose auc is over 0.9 or so is already calibrated",
    "After we ran isotonic regression our AUC went up by two points.",
    "Calibration is mostly about the ranking.",
    "Since the AUC was above point nine the probabilities were fine anyway.",
    # bias and variance, class imbalance and privacy, said in new words
    "Our tree model scored far worse on validation than in training, which is high bias.",
    "The cure for bias is to collect more data, since more rows average out the bias.",
    "We leaned on dropout because it lowers bias in a deep network.",
    "after we rebalance the classes with smote the probabilities are correct so we ship them as they are",
    "Once the classes were resampled the cutoff could stay at point five.",
    "We applied oversampling to all the data up front and then made the train test split.",
    "We hashed every email address, so the table was anonymised and the review was not needed.",
    "For the fraud model I'd report ROC AUC, since roc auc is probably the best choice here being insensitive to the imbalance.",
    # a contraction and a hedge inside a cue's phrase ("can't really") do not hide the claim
    "Since every reply is grounded in the retrieved passages, the bot can't really hallucinate anything.",
    # a split's purpose misread: an id column dropped as if that kept people apart
    "So that a patient never shows up on both sides, we remove the patient identifier before making the split.",
]

RIGHT = [
    "Clicks can show up a bit out of order, so I'd slot the late ones in order by timestamp and allow a few seconds.",
    "A weekly job recomputes the calibration error, because calibration drifts when the mix of jobs changes even if the ranking stays fine.",
    "With rare positives PR AUC is better than ROC AUC, since ROC AUC is insensitive to the imbalance and can look great.",
    "ROC AUC is better than accuracy for imbalanced data, but PR AUC tells you more at half a percent positives.",
    "I'd shard the parameters, gradients and optimizer state across the data parallel group, the fully sharded approach, so each card holds a slice of the weights.",
    "A quieter kind comes from preprocessing: if you fit the encoder on the whole dataset before the split, the validation score has already seen the test rows.",
    "Standardise the inputs before a lasso fit: the penalty hits every weight alike, so units decide who gets shrunk.",
    "People often think ninety-eight percent accuracy means a good churn model, but with two percent churners it says nothing.",
    "We did not use a 0.5 cutoff; the threshold came from the cost of a missed fraud against a blocked customer.",
    "Tree ensembles like LightGBM don't need feature scaling because they split on thresholds.",
    "A random forest can still overfit on noisy labels, so we capped the leaf size.",
    "A Bloom filter never gives false negatives; it only gives false positives at a rate you choose.",
    "It's a myth that the p-value is the chance the null is true; it is the chance of data this extreme if it were.",
    "We fixed the sample size in advance rather than stopping the moment the test looked significant.",
    "HNSW is approximate, so we measured recall at ten against exact search and it was about 0.97.",
    "We split by customer first and only oversampled the training fold, so no synthetic rows reached the test set.",
    "Attention is quadratic in sequence length, while the KV cache grows linearly with it.",
    "Int4 cost us about a point on our own evaluation set, which we accepted for the memory saving.",
    "LoRA freezes the base weights and trains small low-rank adapters, so the optimiser state is tiny.",
    "In data parallelism every GPU keeps a full copy of the model and sees a different slice of the batch.",
    "Going from 64 to 128 GPUs gave us about 1.7 times the throughput, not two, because of all-reduce time.",
    "Kafka is at least once by default, so our sink is idempotent on the event id.",
    "For the sales forecast we split by time, training on the past and testing on the last quarter.",
    "Clicks are biased by position, so we logged a position feature and randomised the top slots for a small share of traffic.",
    "Temperature zero makes decoding repeatable, but a wrong answer just becomes a repeatably wrong one.",
    "Isotonic regression is monotone, so it keeps the ranking and the AUC; it only fixes the probabilities.",
    "A high AUC does not mean the model is calibrated; I check a reliability diagram.",
    "ECE bins the predictions and compares confidence with the observed rate, unlike log loss.",
    "Even with the same model file, skew can come from features computed differently at serving time.",
    "A counter reset every minute is a fixed window, so for a true sliding window I keep per-second buckets.",
    "Out-of-order events matter, so I buffer them until the watermark passes.",
    "Retrieval reduces hallucination but the model can still misread passages, so we measure faithfulness.",
    "Cosine similarity is not a probability; we pick the cut-off from labelled pairs.",
    "Before launch we build an evaluation set of two hundred real questions.",
    "Calibration with Platt scaling fixed the probabilities while the AUC stayed at 0.91.",
    "Platt scaling improved the log loss and the AUC stayed the same.",
    "After calibration the AUC did not go up, only the probabilities improved.",
    "A high AUC doesn't mean the probabilities are right.",
    "Calibration is not about ranking; it is about whether the probabilities match the observed rates.",
    "A model far better on training than on validation has high variance; more data or stronger regularisation helps it.",
    "More data helps variance, not bias: an underfit model needs more capacity.",
    "Regularisation adds a little bias in exchange for lower variance.",
    "After resampling the probabilities are not calibrated any more, so we corrected them for the prior shift.",
    "We oversampled only the training fold, after the split, never all the data up front.",
    "Hashing the emails is pseudonymisation, not anonymisation: the same address always gives the same hash.",
    "A time split gives up the freshest weeks for training, but it is the only split that scores the model on a later period.",
    "I drop the customer id column from the features and assign whole customers to train or test by hashing that id.",
]


def _fires(text: str) -> list[str]:
    return [w.claim for w in claims.scan(None, sentences(clean(text)))[0]]


def test_the_file_is_broad() -> None:
    ms = field_misconceptions()
    assert 80 <= len(ms) <= 150
    assert all(m.claim and m.right for m in ms)


@pytest.mark.parametrize("text", WRONG)
def test_a_fluent_wrong_claim_is_caught_whatever_the_question(text: str) -> None:
    assert _fires(text), text


@pytest.mark.parametrize("text", RIGHT)
def test_the_right_statement_or_a_rejected_belief_is_not_flagged(text: str) -> None:
    assert not _fires(text), (text, _fires(text))


def test_no_strong_graded_answer_is_flagged_by_the_field_list() -> None:
    """An answer graded 4 or 5 states no wrong claim: none of the field's misconceptions fires on any of them."""
    fired = []
    own_claims: set[str] = set()
    for g in load_graded():        # (the clean parts are reported by coach.eval.scoring, not asserted)
        if g.grade < 4 or g.part in CLEAN:
            continue
        fired += [(g.id, w.claim) for w in claims.scan(None, sentences(clean(g.text)))[0] if w.claim not in own_claims]
    assert not fired


def test_the_card_names_the_wrong_claim_and_the_correction() -> None:
    content = default_content()
    card = score_answer(Transcript(WRONG[4]), round_spec=content.rounds.get("technical-screen"),
                        rubric=content.rubrics.get("technical-screen"))
    assert any("false negative" in w.claim.lower() and "never" in w.right.lower() for w in card.wrong_claims)
