"""score_answer end to end: the contract, gaps ordering, no inflated praise, rubric roll-up, round-trip."""
from __future__ import annotations

import json

import pytest

from coach.content import default_content
from coach.domain import GAP_IDS, Dimension, Question, RoundSpec, Rubric, Segment, Transcript
from coach.scoring import Scorecard, score_answer


def spec(round_id: str, seconds: int = 150) -> RoundSpec:
    return RoundSpec(round_id, round_id, "", "", (), 45, seconds)


BEHAVIORAL = spec("behavioral")
DESIGN = spec("system-design", 300)
QUESTION = Question(id="bh-x", round="behavioral", levels=("senior",),
                    prompt="Tell me about a time you improved a model in production.", assesses="")
STRONG = ("At my last company I was the tech lead for search ranking, and p99 latency had crept up to 800 ms. "
          "My goal was to get it under 300 ms. I profiled the serving path, I proposed caching the hot features, "
          "and I built the batching layer myself. As a result p99 dropped from 800 to 250 milliseconds, "
          "and we kept the 3 percent lift in click-through.")


@pytest.mark.parametrize("answer", ["I don't know.", "fine", "Pass.", "Um, it was fine.", "",
                                    "Can we skip this one? I'm not really sure.", "um uh yeah so I mean you know"])
def test_non_answers_score_near_zero_with_non_answer_first(answer: str) -> None:
    card = score_answer(answer, question=QUESTION, round_spec=BEHAVIORAL)
    assert card.overall <= 0.5
    assert card.gaps[0].id == "non_answer" and card.gaps[0].severity == 1.0
    assert len(card.gaps) == 1
    assert all(d.score <= 0.5 for d in card.dimensions)


def test_i_dont_know_scores_near_zero() -> None:
    card = score_answer("I don't know.")
    assert card.overall <= 0.5 and card.to_dict()["gaps"][0]["id"] == "non_answer"


def test_restated_question_is_a_non_answer() -> None:
    q = Question(id="sd", round="system-design", levels=(), assesses="",
                 prompt="How would you design a feature store for real-time fraud detection?")
    card = score_answer("So, how would I design a feature store for real time fraud detection. Yeah, a feature "
                        "store, for real time fraud detection, um, yeah.", question=q)
    assert card.top_gap == "non_answer" and "restates the question" in card.gaps[0].evidence


def test_off_topic_talk_gets_off_topic() -> None:
    q = Question(id="ts", round="technical-screen", levels=(), assesses="",
                 prompt="How would you detect data drift for a model in production?",
                 talking_points=("Monitor feature distributions",), keywords=(("psi", "distribution"),))
    card = score_answer("Honestly what I really enjoy these days is mentoring. I've been thinking about moving "
                        "into management, and on weekends I coach my daughter's soccer team.", question=q)
    assert card.top_gap == "off_topic" and card.overall <= 0.5


def test_we_only_story_gets_we_not_i_first() -> None:
    card = score_answer("At my last company we had a churn model that marketing used. We noticed the predictions "
                        "were getting worse. We looked into it and we found schema changes upstream. We added "
                        "validation checks and we retrained it. After that AUC went from 0.71 to 0.78 and "
                        "marketing targeted 20 percent fewer users.", round_spec=BEHAVIORAL)
    assert card.top_gap == "we_not_i"
    assert card.gaps[0].evidence == '"we" 6 times, "I" 0 times'


def test_story_without_result_gets_no_result_first() -> None:
    card = score_answer("At my previous job the feed model was flat for months. My manager asked me to find out "
                        "why. I dug into the logs and I noticed auto-played videos inflated the positives, so I "
                        "wrote a new labeling job and I retrained the model.", round_spec=BEHAVIORAL)
    assert card.top_gap == "no_result"
    assert "no sentence states an outcome" in card.gaps[0].evidence


def test_strong_story_has_no_gaps_and_a_high_score() -> None:
    # scored as an interview scores it: the shipped round (which grades trade-offs too) and its rubric
    content = default_content()
    card = score_answer(STRONG, round_spec=content.round("behavioral"), rubric=content.rubric("behavioral"))
    assert card.gaps == ()
    assert card.overall >= 3.5
    assert card.star.score == 5.0


def test_design_gaps_in_order() -> None:
    card = score_answer("I'd use a two tower model for retrieval and a gradient boosted ranker on top, with a "
                        "feature store for user features and an approximate nearest neighbour index.",
                        round_spec=DESIGN)
    assert [g.id for g in card.gaps] == ["no_numbers", "no_clarifying", "no_tradeoff", "no_monitoring"]
    assert card.gaps[0].evidence.startswith("0 quantities in ")


def test_bad_math_comes_before_the_rounds_key_gap() -> None:
    card = score_answer("I'd use a two tower model. We have 100M DAU, each makes 10 requests a day, so about "
                        "1 million QPS.", round_spec=DESIGN)
    assert [g.id for g in card.gaps][:2] == ["bad_math", "no_clarifying"]


def test_a_question_about_the_problem_answered_at_once_still_clarified_it() -> None:
    """"Can I check the model size and the latency target? Seven billion parameters, ..." asks before designing,
    though the candidate then answers it: no "no clarifying" gap (the interview would not answer it, though)."""
    design = ("I'd use a two tower model for retrieval and a gradient boosted ranker on top, with a feature store for "
              "user features and an approximate nearest neighbour index.")
    asked = score_answer("Can I check the model size and the response time we need? Seven billion parameters and "
                         "under a second, fine. " + design, round_spec=DESIGN)
    assert "no_clarifying" not in [g.id for g in asked.gaps]
    assert "no_clarifying" in [g.id for g in score_answer(design, round_spec=DESIGN).gaps]


def test_too_long_is_flagged_from_timestamps() -> None:
    t = Transcript(STRONG, segments=(Segment(0, 200, STRONG[:200]), Segment(200.5, 400, STRONG[200:])))
    card = score_answer(t, round_spec=BEHAVIORAL)
    assert card.delivery.too_long and card.top_gap == "too_long"
    assert "against a 2.5 min time box" in card.gaps[0].evidence


def test_gap_ids_are_from_the_vocabulary_and_sorted() -> None:
    for text, rs in [(STRONG, DESIGN), ("We built things and we shipped them.", BEHAVIORAL),
                     ("Use a heap.", spec("coding")), (STRONG * 3, spec("recruiter", 30))]:
        gaps = score_answer(text, round_spec=rs).gaps
        assert all(g.id in GAP_IDS and 0 <= g.severity <= 1 and g.evidence for g in gaps)
        assert [g.severity for g in gaps] == sorted((g.severity for g in gaps), reverse=True)


def test_rubric_weights_are_used_and_every_dimension_explains_itself() -> None:
    rubric = Rubric("behavioral", (Dimension("star_structure", "Story", 3.0, ()),
                                   Dimension("communication", "Talk", 1.0, ())))
    card = score_answer(STRONG, rubric=rubric)
    star, comm = card.dimensions
    assert card.round == "behavioral"
    assert card.calibration.dimension_mean == pytest.approx(round((3 * star.score + comm.score) / 4, 2))
    for d in card.dimensions:
        assert d.rule and d.evidence


def test_default_rubric_without_a_round_fits_the_answer() -> None:
    ids = [d.id for d in score_answer(STRONG).dimensions]
    assert "star_structure" in ids and "ownership_scope" in ids and "communication" in ids
    weights = {d.weight for d in score_answer(STRONG).dimensions}
    assert len(weights) == 1


def test_round_spec_grades_pick_the_dimensions() -> None:
    rs = RoundSpec("deep-dive", "Deep dive", "", "", ("technical_depth", "tradeoffs"), 45, 240)
    assert [d.id for d in score_answer(STRONG, round_spec=rs).dimensions] == ["technical_depth", "tradeoffs"]


def test_unknown_dimension_is_listed_with_score_zero_and_left_out() -> None:
    rubric = Rubric("behavioral", (Dimension("star_structure", "Story", 1.0, ()), Dimension("charisma", "C", 1.0, ())))
    card = score_answer(STRONG, rubric=rubric)
    assert card.dimensions[1].score == 0.0 and card.calibration.dimension_mean == card.dimensions[0].score


def test_feedback_cites_evidence() -> None:
    card = score_answer("We had a churn model. We noticed it drifting. We added checks and we retrained it. "
                        "It went well.", round_spec=BEHAVIORAL)
    assert card.feedback
    for line in card.feedback:
        assert '"' in line or any(ch.isdigit() for ch in line), line


def test_contract_keys_and_json_round_trip() -> None:
    q = Question(id="ts", round="technical-screen", levels=(), prompt="How do you handle drift?", assesses="",
                 talking_points=("Monitor features", "Retrain"), keywords=(("psi",), ("retrain",)))
    t = Transcript("Um, I'd compute PSI daily, like, and retrain when it drifts, instead of on a schedule. "
                   "We log 2 billion events a day at 1 KB each, so 2 TB a day.",
                   segments=(Segment(0, 5, "a"), Segment(9, 14, "b")))
    card = score_answer(t, question=q, round_spec=spec("technical-screen", 120))
    d = card.to_dict()
    assert set(d) >= {"star", "sizing", "delivery", "talking_points", "dimensions", "gaps", "feedback", "overall"}
    for c in ("situation", "task", "action", "result"):
        assert set(d["star"][c]) == {"present", "evidence", "notes"}
    assert set(d["sizing"]) >= {"quantities", "checks", "missing", "score"}
    assert set(d["sizing"]["quantities"][0]) >= {"text", "value", "unit", "kind"}
    assert set(d["sizing"]["checks"][0]) >= {"ok", "message", "stated", "expected"}
    assert set(d["delivery"]) >= {"words", "wpm", "fillers", "hedges", "long_pauses", "too_long"}
    assert d["delivery"]["long_pauses"] == 1 and d["delivery"]["fillers"] == {"um": 1, "like": 1}
    assert set(d["talking_points"]) >= {"covered", "missed", "score"}
    assert set(d["dimensions"][0]) >= {"id", "name", "weight", "score", "rule", "evidence"}
    again = json.loads(json.dumps(d))
    assert Scorecard.from_dict(again) == card
    assert Scorecard.from_dict(again).to_dict() == d


def test_from_dict_tolerates_partial_and_old_cards() -> None:
    card = Scorecard.from_dict({"overall": 2.5, "gaps": [{"id": "no_result", "severity": 0.8, "evidence": "x"}]})
    assert card.overall == 2.5 and card.top_gap == "no_result" and card.star.score == 0.0
    assert Scorecard.from_dict({}).to_dict()["gaps"] == []


def test_stored_cards_of_any_age_come_back_through_one_loader() -> None:
    from coach.scoring import read_scorecard

    card = score_answer(STRONG, round_spec=BEHAVIORAL)
    assert read_scorecard(json.dumps(card.to_dict())) == card          # as the database holds it
    assert read_scorecard(card) is card
    assert read_scorecard(None) is None and read_scorecard("not json") is None and read_scorecard("[1, 2]") is None
    # a card from an older coach, or hand-edited, with one damaged section: the rest is kept
    damaged = {"overall": 3.1, "gaps": [{"id": "no_result", "severity": "high"}],
               "dimensions": [{"id": "communication", "name": "Communication", "score": 3.5}]}
    kept = read_scorecard(damaged)
    assert kept is not None and kept.overall == 3.1 and kept.gaps == ()
    assert [(d.id, d.score) for d in kept.dimensions] == [("communication", 3.5)]


def test_a_figure_watched_every_day_counts_as_monitoring() -> None:
    """A design that says it watches a quality figure on a schedule is not told it never mentions monitoring."""
    from coach.scoring import score_answer

    design = ("I'd put a fast classifier in the upload path, a distilled vision model on CPU that answers in under a "
              "hundred milliseconds, and anything it is unsure about goes to a heavier model and then to reviewers. "
              "I'd watch the precision at the block threshold every day.")
    offline = ("I'd put a fast classifier in the upload path, a distilled vision model on CPU that answers in under a "
               "hundred milliseconds, and anything it is unsure about goes to a heavier model and then to reviewers. "
               "I checked the precision at the block threshold on the test set.")
    question = default_content().questions["sd-image-moderation"]

    def gaps(text: str) -> set[str]:
        return {g.id for g in score_answer(text, question=question, round_spec=DESIGN).gaps}
    assert "no_monitoring" not in gaps(design)
    assert "no_monitoring" in gaps(offline)      # measured once, offline: not watching it


def test_one_error_priced_against_the_other_is_a_trade_off() -> None:
    """"A missed fraud costs about twenty times a false block" weighs the two mistakes: no "no trade-off" probe."""
    from coach.scoring.signals import TRADEOFF

    assert TRADEOFF.search("I'd pick the threshold from the cost ratio, since a missed fraud costs about twenty "
                           "times a false block.")
    assert TRADEOFF.search("A missed fraud costs about twenty times a false block.")
    assert not TRADEOFF.search("The cluster costs about twenty thousand dollars a month.")


def test_the_better_option_priced_in_what_it_would_add_is_a_trade_off() -> None:
    """A story that weighs a quality gain against the latency it adds must not show "no sentence weighs an
    alternative" on its card."""
    card = score_answer("I led ranking for a travel site. Product wanted a large transformer reranker. It was two "
                        "points better on NDCG in our offline test, but it would have added thirty milliseconds and "
                        "we had twenty left. I proposed distilling it into the current model and built the pipeline "
                        "myself. We kept most of the gain for two milliseconds, and bookings rose one percent.",
                        question=default_content().question("bh-simple-over-complex"))
    tradeoffs = next(d for d in card.dimensions if d.id == "tradeoffs")
    assert tradeoffs.score >= 2.0 and "NDCG" in tradeoffs.evidence[0]
    assert not any(g.id == "no_tradeoff" for g in card.gaps)
    from coach.scoring.signals import TRADEOFF
    assert not TRADEOFF.search("Results got better but we needed to wait for the next release.")


def test_volumes_and_agreement_watched_every_week_count_as_monitoring() -> None:
    """Tried as a new user would: a moderation design that ends "I would watch volume per class and reviewer agreement
    every week" was probed with "no monitoring"."""
    from coach.scoring import score_answer

    question = default_content().questions["sd-image-moderation"]
    base = ("Uploads go on a queue; hashing catches known bad images first, then a fine-tuned vision model per harm "
            "class scores the rest, and the uncertain band goes to moderators whose decisions come back as labels. ")
    for said in ("I would watch the volume per class and the reviewer agreement every week.",
                 "We keep an eye on the share of removals per class daily."):
        assert "no_monitoring" not in {g.id for g in score_answer(base + said, question=question, round_spec=DESIGN).gaps}
    assert "no_monitoring" in {g.id for g in score_answer(base + "I would review the design with the team.",
                                                          question=question, round_spec=DESIGN).gaps}


def test_a_design_that_opens_by_asking_the_problems_facts_then_assuming_them_has_clarified() -> None:
    """Questions asked in the problem's own words ("how many orders do we handle") and answered at once with the
    figures assumed are the clarifying the gap asks for: the card must not say "no requirement ... question"."""
    from coach.scoring import score_answer

    question = default_content().questions["sd-eta-prediction"]
    design = ("Two things to pin down: how many orders do we get, and is being late worse than being early? Half a "
              "million orders a day, and late is worse. I would predict the three legs "
              "apart, preparation, pickup and the ride, with a gradient boosted model each, and train on a quantile "
              "loss so estimates lean late. I would watch the share of orders later than promised every day.")
    assert "no_clarifying" not in {g.id for g in score_answer(design, question=question, round_spec=DESIGN).gaps}


def test_an_opening_that_gives_its_reason_is_not_probed_for_context() -> None:
    """"I set out to ..., because ..." tells what was at stake in the same breath as the task."""
    from coach.content import default_content
    from coach.scoring import score_answer
    q = default_content().question("bh-raising-standards")
    card = score_answer("I pushed to add a data contract to every feature table our models read, because schema "
                        "changes upstream had broken training three times in one quarter. I drafted the contract "
                        "format and wrote the checker that runs in the pipeline. I got two other teams to trial it "
                        "on their tables first. Within two quarters training breaks from upstream changes fell to "
                        "zero.", question=q, level="staff")
    assert "no_context" not in [g.id for g in card.gaps], card.gaps


def test_a_mistake_story_told_plainly_is_heard_as_one_with_its_lesson_and_its_lasting_fix() -> None:
    """No "mistake", "lesson" or "I owned it" is said; what was skipped, the damage, the repair, the habit changed and
    the failure not coming back (a measured outcome: none since) are, and a strong interviewer hears them."""
    from coach.content import default_content
    from coach.scoring import score_answer
    q = default_content().question("bh-biggest-mistake")
    card = score_answer("Two years ago I merged a change to our feature pipeline without checking it on a full day of "
                        "data, because the unit tests passed. That night the nightly training job read empty click "
                        "counts and the morning model dropped recommendation clicks by a fifth. I reverted the change "
                        "before lunch, retrained from the last good snapshot and added a check that compares each "
                        "feature's null rate with the day before. These days I always run a change on a full day of "
                        "data first, and we have not had an empty-feature model since.", question=q)
    covered = [p.point for p in card.talking_points.covered] if card.talking_points else []
    assert "A real mistake with real consequences" in covered
    assert "The lesson and the concrete change in how they work" in covered
    assert card.overall >= 3.5, card.calibration


def test_a_coding_answer_is_read_for_edge_cases_and_tests_not_for_monitoring() -> None:
    # the coding rubric's "Edge cases, validation and tests": the card asked a sliding-window answer for monitoring,
    # rollout and retraining, and missed the idle users and the bounded memory it named
    from coach.content import load_content
    from coach.scoring import score_answer
    question = load_content().questions["cd-top-k-stream"]
    card = score_answer("I'd keep a min-heap of size k keyed on the count and a dictionary of counts. Each new item "
                        "updates its count, and if it beats the smallest in the heap it replaces it, so that's log k "
                        "per item. With an empty stream I return an empty list, and ties go to the item seen first. "
                        "I'd write a unit test that checks it against sorting the whole list on random inputs.",
                        question=question)
    prod = next(d for d in card.dimensions if d.id == "production_readiness")
    assert prod.score >= 3.0 and any("edge cases" in e for e in prod.evidence), prod.evidence
    assert not any("monitoring" in e for e in prod.evidence)


def test_a_live_measure_watched_counts_as_monitoring_without_a_schedule() -> None:
    """Tried as a new user would: an arrival-time design ending "I'd watch the share of orders that arrive later than
    promised per city" was told it "watches nothing once live". Watching a measure is ongoing by itself; checking
    one is not."""
    from coach.scoring import score_answer

    question = default_content().questions["sd-eta-prediction"]
    base = ("I'd split the estimate into preparation, pickup and the drive, each a boosted tree on fresh queue and "
            "courier features, trained on past orders and predicting a high quantile, and I'd ramp it up city by "
            "city. ")
    for said in ("After that I'd keep an eye on the late-delivery rate in each city.",
                 "Once it is out I would watch the error of the estimate for the busiest restaurants."):
        assert "no_monitoring" not in {g.id for g in score_answer(base + said, question=question, round_spec=DESIGN).gaps}
    assert "no_monitoring" in {g.id for g in score_answer(base + "I would check the error on a held-out week first.",
                                                          question=question, round_spec=DESIGN).gaps}
