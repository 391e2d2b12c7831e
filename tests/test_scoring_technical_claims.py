"""Technical, coding and design answers judged as a strong interviewer would: a wrong practice told as the harm it
does is not a wrong claim, a wrong claim said beside the option it sets aside is still caught, and the confident
wrong ideas of a coding or design answer (aligned centroids, a hash that balances labels, more pushes mean more
retention) hold it low, while the right statement near each is not flagged. Sentences written for these tests."""
from __future__ import annotations

import pytest

from coach.content import default_content
from coach.scoring import Scorecard, claims, score_answer
from coach.scoring.text import clean, sentences


def _card(text: str, qid: str, level: str = "senior") -> Scorecard:
    content = default_content()
    q = content.question(qid)
    return score_answer(text, question=q, round_spec=content.round(q.round), rubric=content.rubric(q.round),
                        level=level)


def _wrong(qid: str, text: str) -> tuple[str, ...]:
    """The claims (the question's own and the field's) the text states."""
    found, _ = claims.scan(default_content().question(qid), sentences(clean(text)))
    return tuple(w.claim for w in found)


@pytest.mark.parametrize("qid, sentence, wrong", [
    # a practice told with the harm it did, after "so": a warning, not a recommendation
    ("ts-data-leakage", "Another source is the pipeline, where someone standardises with statistics from the full "
                        "dataset before the split, so the test rows leak into the scaler.", False),
    ("ts-data-leakage", "We imputed with means computed on all the data before splitting, so validation was "
                        "contaminated and looked better than it was.", False),
    # the harm said as absent vouches for the practice
    ("ts-data-leakage", "We standardised on the full dataset before the split, so nothing leaked at all.", True),
    ("ts-data-leakage", "I always fit the scaler on the whole dataset before splitting, so the features are stable.",
     True),
])
def test_a_practice_told_with_the_harm_it_does_is_a_warning(qid: str, sentence: str, wrong: bool) -> None:
    assert bool(_wrong(qid, sentence)) is wrong


@pytest.mark.parametrize("sentence, wrong", [
    ("Upsampling, unlike undersampling, leaves the predicted probabilities unchanged, so you can use them directly.",
     True),
    ("What I like about upsampling the rare class is that the probabilities stay calibrated.", True),
    ("Upsampling the rare class shifts the predicted probabilities, so I correct them before anyone reads them as "
     "probabilities.", False),
    ("I prefer class weights to downsampling, because downsampling throws data away.", False),
])
def test_the_option_chosen_is_read_beside_the_one_set_aside(sentence: str, wrong: bool) -> None:
    found = _wrong("ts-class-imbalance", sentence)
    assert any("calibrated" in c for c in found) is wrong


@pytest.mark.parametrize("qid, sentence, wrong", [
    ("cd-kmeans", "Each shard clusters its own rows independently until it converges, and I average the centroids "
                  "at the end.", True),
    ("cd-kmeans", "Then I merge the centroids from the workers in order, the first with the first, the second with "
                  "the second.", True),
    ("cd-kmeans", "Every worker sums the points and counts per centroid, and the driver averages those sums into the "
                  "new centroids, repeated until it converges.", False),
    ("cd-kmeans", "Mini-batch k-means gets you the same clusters as the full version, only quicker.", True),
    ("cd-kmeans", "It is far quicker and lands on the same centroids as the full algorithm.", True),
    ("cd-kmeans", "Mini-batch is quicker but does not reach the same centroids; its clusters are a bit worse.",
     False),
    ("cd-stratified-split", "Since the salted hash is random, the positive rate will be equal in train and test.",
     True),
    ("cd-stratified-split", "The hash is random, so there is no need to stratify.", True),
    ("cd-stratified-split", "A random hash does not guarantee the same positive rate, so I stratify by a bucket of "
                            "each user's label rate.", False),
    ("cd-stratified-split", "After hashing I assert the positive rate is about the same in both halves.", False),
    ("cd-stratified-split", "Stratifying on the label keeps the positive rate the same in train and test, whatever "
                            "random seed the split uses.", False),
    ("sd-notification-ranking", "Sending more is fine, because more notifications always bring more retention.",
     True),
    ("sd-notification-ranking", "With better relevance we can raise the volume safely.", True),
    ("sd-notification-ranking", "More notifications do not always mean more retention; past a cap they drive "
                                "opt-outs.", False),
    ("sd-notification-ranking", "The ranker should maximise the click through rate.", True),
    ("sd-notification-ranking", "I would not maximise opens; the goal is retention with opt-outs as a guardrail.",
     False),
    ("sd-notification-ranking", "The impact of a new sending policy is visible right away, so a short test will do.",
     True),
    ("sd-notification-ranking", "The damage from over-sending does not show up right away; it builds over weeks.",
     False),
])
def test_confident_wrong_ideas_of_coding_and_design_answers(qid: str, sentence: str, wrong: bool) -> None:
    q = default_content().question(qid)
    assert any(claims.states(m, sentence) for m in q.misconceptions) is wrong


KMEANS_SHARDED = (
    "K-means repeats two steps: give each point to its nearest centre, then move each centre to the mean of its "
    "points, until nothing moves; each pass costs n times k distances. When the data does not fit on one machine I "
    "cut it into shards, let every shard run k-means to convergence on its own, and then average the centroids "
    "across shards, the first with the first and so on, which needs only one round of communication. On a single "
    "big box I would use mini-batch k-means instead, which gives the same clusters as the full version, only much "
    "faster.")


def test_a_coding_answer_built_on_misaligned_centroids_scores_low() -> None:
    card = _card(KMEANS_SHARDED, "cd-kmeans", level="staff")
    assert len(card.wrong_claims) >= 2
    assert card.overall <= 2.0


BUZZWORD_MONITORING = (
    "For me monitoring is at heart an observability question, so the answer is an end-to-end model observability "
    "platform that every team shares. Every model's health sits in a single pane of glass, updated in real time, "
    "fed by a telemetry layer that gathers signals from each stage, from ingestion through training to serving, in "
    "one common format. On top of that sits AI-driven anomaly detection: rather than people hand-tuning alert rules, "
    "the system learns each model's normal behaviour and raises problems before users ever notice them. It plugs "
    "into the tools the teams already use and is designed with scalability and extensibility in mind, so a new "
    "model joins seamlessly. Beyond the tooling I would push every team from reactive to proactive ownership of "
    "their models across the whole organisation.")


def test_a_design_of_stock_phrases_scores_at_the_bottom() -> None:
    card = _card(BUZZWORD_MONITORING, "sd-model-monitoring", level="staff")
    assert card.overall <= 1.5


SEARCH_DESIGN = (
    "First I would pin down the goal with the product team: orders per visit to the search page, with guardrails "
    "on zero-result searches and on latency. For size, assume twenty million shoppers a day searching about five "
    "times each, so 100 million searches a day; over 86,400 seconds that is about {avg} searches a second, and at "
    "a peak of three times the average around {peak} a second, so I would plan the ranking service for {plan} "
    "requests a second with a budget of about 200 milliseconds. Retrieval pulls a few hundred products "
    "from the catalogue with a lexical index and an embedding index searched with approximate nearest neighbours, "
    "and a gradient-boosted ranker scores them with query, product and shopper features. Labels come from clicks "
    "and purchases, and since higher slots get clicked more whatever they hold, I would train with the position as "
    "a feature and fix it when scoring, with a little randomised ordering to measure the bias. New products get "
    "exploration slots and new shoppers the popular results for their query. Offline I would track recall at k and "
    "NDCG, then launch through an A/B test on orders per visit, retraining weekly and watching feature freshness.")


def test_one_sizing_slip_carried_through_a_design_costs_one_slip() -> None:
    """A wrong average, and the peak and the plan built on it, is one mistake: the sound design around it keeps the
    rubric's middle (a slip, the rest holds), below the same design sized right."""
    slipped = _card(SEARCH_DESIGN.format(avg="12,000", peak="36,000", plan="forty thousand"), "sd-search-ranking")
    right = _card(SEARCH_DESIGN.format(avg="1,200", peak="3,600", plan="four thousand"), "sd-search-ranking")
    # flagged at its root (the average off the day's count) and where the plan reads the day again; the peak, three
    # times the candidate's own average, follows it and is not a second slip
    assert len([c for c in slipped.sizing.checks if not c.ok]) == 2
    assert 2.0 < slipped.overall <= 3.0
    assert right.overall > slipped.overall + 0.5


def _covered(qid: str, text: str) -> set[str]:
    return {p.point for p in _card(text, qid).talking_points.covered}


def test_leakage_kinds_told_in_plain_words_cover_their_points() -> None:
    q = default_content().question("ts-data-leakage")
    target, temporal = q.talking_points[1], q.talking_points[2]
    plain = ("Leakage is when training sees something the model will not have when it is used. One kind is a column "
             "caused by the outcome, like a refund flag when you predict returns. Another is a value built from "
             "events later than the moment we score, like a month's total for a customer scored on day two.")
    assert {target, temporal} <= _covered("ts-data-leakage", plain)


def test_a_point_named_and_put_off_is_not_covered() -> None:
    q = default_content().question("ts-ranking-metrics")
    bias = q.talking_points[2]
    opening = "Offline I use NDCG because it rewards putting the best results at the top. "
    assert bias not in _covered("ts-ranking-metrics", opening + "There is also position bias in the clicks, which "
                                "you need to think about.")
    assert bias in _covered("ts-ranking-metrics", opening + "There is also position bias in the clicks, which we "
                            "correct with inverse propensity weights from a small randomised slice.")


def test_a_design_that_opens_with_questions_to_the_owner_clarifies() -> None:
    text = ("I would start with the fraud lead: which payment types, how many transactions, and which cases must "
            "always go to a person. Then the design is a streaming feature service and a gradient-boosted model "
            "scoring each payment, with a review queue for the uncertain band and a weekly retrain.")
    card = _card(text, "sd-fraud-detection")
    assert "no_clarifying" not in [g.id for g in card.gaps]


def test_a_shared_service_for_the_teams_that_will_want_it_is_an_organisation_level_trade_off() -> None:
    from coach.scoring.calibrate import staff_signals

    text = ("Because other teams will want the same retrieval for their own assistants, I would run the index as a "
            "service with its own owner rather than inside this one product.")
    assert "organisation-level trade-off" in staff_signals(text, ("organisation-level trade-off",))


@pytest.mark.parametrize("sentence, flagged", [
    ("The index holds 200 million items times 128 dimensions times four bytes, about 100 megabytes.", True),
    ("The index holds 200 million items times 128 dimensions times four bytes, about 100 gigabytes.", False),
    # the figure after the comma counts something else: not the product's result
    ("We score 40,000 requests a second times 500 candidates, about 20 milliseconds each.", False),
])
def test_a_product_said_out_loud_with_its_result_after_a_comma_is_checked(sentence: str, flagged: bool) -> None:
    card = _card("For sizing, " + sentence[0].lower() + sentence[1:], "sd-embedding-platform", level="staff")
    assert any(not c.ok for c in card.sizing.checks) is flagged


def test_a_batch_cut_into_bounded_chunks_is_behaviour_at_production_scale() -> None:
    from coach.scoring.calibrate import staff_signals

    said = "The valid rows go to the model in one call, or in chunks of a fixed size when the batch is large."
    assert "behaviour at production scale" in staff_signals(said, ("behaviour at production scale",))
    assert staff_signals("I call the model once on the list of rows.", ("behaviour at production scale",)) == {}


def test_a_full_leakage_answer_in_plain_words_scores_as_strong() -> None:
    """Tried as a new user would: every kind of leakage, its symptom and its prevention, said plainly, showed the target
    and time leakage points as missed."""
    from coach.scoring import score_answer

    text = ("Leakage is when something the model will not have at prediction time gets into training. A common case "
            "is a transform computed on the whole dataset, like scaling with the global mean, or target encoding done "
            "before the split. With time series it also happens when you shuffle and train on the future. Then there "
            "is a field that is filled in after the outcome, like a chargeback flag when you predict fraud. The "
            "symptom is an offline AUC that looks too good, and then the model falls apart online. I split by time, "
            "fit every transform inside the training fold only, and look for any feature that is suspiciously strong.")
    card = score_answer(text, question=default_content().question("ts-data-leakage"))
    assert card.talking_points is not None and not card.talking_points.missed
    assert card.overall >= 3.5
