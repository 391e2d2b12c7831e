"""Napkin-math drills: every question's known range is re-derived here step by step, and answers are checked.

The solutions below are worked independently of the bank's numbers: each reads the inputs as the
prompt states them and computes the result; the test then checks the bank's worked value, its range
and the figure each step reaches.
"""
from __future__ import annotations

import math

import pytest

from coach.content import default_content
from coach.scoring import score_answer
from coach.scoring.calibrate import to_score

DAY = 24 * 3600
GB = 1e9

# question id -> (steps as the solver works them, the final figure in the estimate's unit)
SOLUTIONS = {
    "nm-feed-qps": lambda: (daily := 50e6 * 20, avg := daily / DAY, avg * 3),
    "nm-search-qps": lambda: (avg := 200e6 / DAY, avg * 2),
    "nm-batch-scoring-rate": lambda: (total := 300e6 * 5, total / (4 * 3600)),
    "nm-payments-tps": lambda: (peak_hour := 40e6 * 0.10, peak_hour / 3600),
    "nm-event-log-storage": lambda: (per_day := 1e9 * 500, per_day * 90),
    "nm-user-embeddings": lambda: (vec := 128 * 4, vec * 500e6),
    "nm-photo-storage": lambda: (per_day := 10e6 * 2e6, per_day * 365 * 3),
    "nm-training-set-size": lambda: (per_day := 2e9 * 200, per_day * 30),
    "nm-weights-7b": lambda: (7e9 * 2,),
    "nm-weights-70b-int4": lambda: (70e9 * 4 / 8,),
    "nm-adam-memory": lambda: (wg := 2 + 2, master := 4, moments := 4 + 4, 1e9 * (wg + master + moments)),
    "nm-kv-per-token": lambda: (2 * 32 * 4096 * 2,),
    "nm-kv-batch": lambda: (per_seq := 2 * 32 * 4096 * 2 * 4096, per_seq * 16),
    "nm-gpus-70b-serving": lambda: (need := 70e9 * 2 * 1.2, math.ceil(need / 80e9)),
    "nm-pretrain-time": lambda: (flops := 6 * 1e9 * 20e9, flops / (8 * 100e12)),
    "nm-epoch-time": lambda: (3 * 1e9 / 25_000,),
    "nm-finetune-cost": lambda: (per_run := 8 * 5 * 3, per_run * 12),
    "nm-cluster-cost": lambda: (gpu_hours := 64 * 14 * 24, gpu_hours * 2),
    "nm-cpu-fleet": lambda: (raw := 30_000 / 400, raw / 0.7),
    "nm-llm-fleet": lambda: (tokens := 200 * 250, tokens / 2500 * 1.5),
    "nm-feature-bandwidth": lambda: (resp := 500 * 100, resp * 20_000),
    "nm-model-rollout": lambda: (total := 14 * GB * 200, total / (10e9 / 8)),
    "nm-stream-ingest": lambda: (raw := 500_000 * 1000, raw * 3),
    "nm-llm-cost-per-thousand": lambda: (per_req := 1000 * 0.5e-6 + 300 * 1.5e-6, per_req * 1000),
    "nm-gpu-cost-per-thousand": lambda: (per_hour := 0.5 * 3600, 2 / per_hour * 1000),
    "nm-monthly-gpu-bill": lambda: (40 * 2.5 * 730,),
    "nm-vector-index": lambda: (vec := 768 * 2, vec * 100e6),
    "nm-labelling-cost": lambda: (hours := 200_000 * 30 / 3600, hours * 18),
    "nm-allreduce-step": lambda: (sent := 1e9 * 2 * 2, sent / (100e9 / 8)),
}


@pytest.fixture(scope="module")
def content():
    return default_content()


def test_round_has_enough_drills_and_every_one_is_solved_here(content) -> None:
    drills = content.questions_for("napkin-math")
    assert len(drills) >= 25
    assert {q.id for q in drills} == set(SOLUTIONS)
    kinds = {q.estimate.kind for q in drills}
    assert {"throughput", "storage", "compute", "cost", "bandwidth"} <= kinds
    assert {q.estimate.unit for q in drills} >= {"/s", "B", "B/s", "$", "s", "GPUs"}


@pytest.mark.parametrize("qid", sorted(SOLUTIONS))
def test_known_range_holds_the_worked_solution(content, qid: str) -> None:
    q = content.question(qid)
    est = q.estimate
    worked = SOLUTIONS[qid]()
    answer = worked[-1]
    assert est.low <= answer <= est.high, (qid, answer, est.low, est.high)
    assert est.value == pytest.approx(answer, rel=0.02), (qid, answer, est.value)
    # the range is tight enough to catch a slipped factor of ten, loose enough for rounding
    assert est.high / est.low < 2.2 and est.high < answer * 10 / 3 and est.low > answer * 3 / 10
    assert len(est.steps) == len(q.talking_points) >= 4
    # every intermediate figure the solver reached appears as the figure of some step
    for figure in worked[:-1]:
        assert any(s and abs(s - figure) <= 0.03 * figure for s in est.steps), (qid, figure, est.steps)


CORRECT = {
    "nm-event-log-storage": "One billion events at five hundred bytes is 500 gigabytes a day. Over ninety days "
                            "that is 45 terabytes in total, before compression.",
    "nm-cpu-fleet": "Thirty thousand over four hundred is 75 servers. At seventy percent utilization I divide by "
                    "0.7, so about 107 servers, spread over three zones.",
    "nm-monthly-gpu-bill": "Forty GPUs at 2.50 an hour is 100 dollars an hour. A month is about 730 hours, so "
                           "roughly $73,000 a month.",
    "nm-feature-bandwidth": "Each response is 500 times 100 bytes, so 50 kilobytes. Times 20,000 requests per "
                            "second gives about 1 gigabyte per second, which is eight gigabits.",
}
WRONG = {
    "nm-event-log-storage": ("One billion events at five hundred bytes is about 50 gigabytes a day, so 4.5 "
                             "terabytes over ninety days.", "45 TB"),
    "nm-cpu-fleet": ("Each server takes four hundred requests per second and peak is thirty thousand, so I "
                     "would divide and say we need about 30 servers in the fleet.", "107 servers"),
    "nm-monthly-gpu-bill": ("Forty GPUs at two dollars fifty each is a hundred dollars an hour, and a month "
                            "is about 73 hours of that, so roughly $7,300 a month.", "$73,000"),
}


SKIPPED = {   # a step each wrong answer left out: the scorecard names it
    "nm-event-log-storage": "compression or replication",
    "nm-cpu-fleet": "Run at seventy percent",
    "nm-monthly-gpu-bill": "seventy-three thousand dollars",
}


@pytest.mark.parametrize("qid", sorted(CORRECT))
def test_a_correct_worked_answer_passes(content, qid: str) -> None:
    q = content.question(qid)
    card = score_answer(CORRECT[qid], question=q, round_spec=content.round("napkin-math"),
                        rubric=content.rubric("napkin-math"))
    assert "bad_math" not in [g.id for g in card.gaps]
    assert "is in range" in card.feedback[0]
    sizing = next(d for d in card.dimensions if d.id == "numeric_sizing")
    assert sizing.score >= 4.0


@pytest.mark.parametrize("qid", sorted(CORRECT))
def test_the_card_says_the_estimate_made_the_score_not_the_story_rules(content, qid: str) -> None:
    """An estimate is no story: the card's "how the score was made" names the range check and the weighted
    dimensions, and matches the score shown (it used to say "no story: no action told -> 1" beside a 4.2)."""
    card = score_answer(CORRECT[qid], question=content.question(qid), round_spec=content.round("napkin-math"),
                        rubric=content.rubric("napkin-math"))
    assert card.calibration.kind == "estimate" and not card.is_story
    assert card.overall == pytest.approx(to_score(card.calibration.level))      # the same knots as every kind
    assert any("in range" in step for step in card.calibration.steps), card.calibration.steps
    assert not any("no story" in step for step in card.calibration.steps)


@pytest.mark.parametrize("qid", sorted(WRONG))
def test_a_wrong_answer_is_flagged_with_the_right_figure(content, qid: str) -> None:
    text, right = WRONG[qid]
    card = score_answer(text, question=content.question(qid), round_spec=content.round("napkin-math"),
                        rubric=content.rubric("napkin-math"))
    assert card.gaps[0].id == "bad_math"
    assert "outside the range" in card.gaps[0].evidence and right in card.gaps[0].evidence
    skipped = next((line for line in card.feedback if line.startswith("Steps you skipped:")), "")
    assert SKIPPED[qid] in skipped, skipped
    sizing = next(d for d in card.dimensions if d.id == "numeric_sizing")
    assert sizing.score <= 2.0


def test_no_figure_at_all_is_flagged(content) -> None:
    card = score_answer("I would multiply the users by their opens and divide by the seconds in a day, then "
                        "add a peak factor on top of the average.", question=content.question("nm-feed-qps"),
                        round_spec=content.round("napkin-math"), rubric=content.rubric("napkin-math"))
    assert card.gaps[0].id == "bad_math" and "no final figure" in card.gaps[0].evidence
    assert "35,000" in card.gaps[0].evidence


SPOKEN = {   # said as a candidate would, in words; espeak-ng renders it and the real speech model hears it
    "right": "Fifty million users times twenty opens is one billion requests a day. Divided by about "
             "eighty six thousand seconds, that is roughly twelve thousand requests per second on average. "
             "Peak is three times that, so about thirty five thousand requests per second.",
    "wrong": "Fifty million users times twenty opens is one billion requests a day. Divided by the seconds in "
             "an hour, I get about three hundred thousand requests per second, and that is my peak.",
}


def test_spoken_answers_are_checked_against_the_range(content, wav_dir, transcriber) -> None:
    from coach.adapters.audio_io import decode_file
    from tests.conftest import speak_to_wav

    q = content.question("nm-feed-qps")
    cards = {}
    for name, text in SPOKEN.items():
        heard = transcriber.transcribe(decode_file(speak_to_wav(text, wav_dir / f"nm-{name}.wav")))
        cards[name] = score_answer(heard, question=q, round_spec=content.round("napkin-math"),
                                   rubric=content.rubric("napkin-math"))
    assert "bad_math" not in [g.id for g in cards["right"].gaps], cards["right"].feedback
    assert "is in range" in cards["right"].feedback[0]
    wrong = cards["wrong"]
    assert wrong.gaps[0].id == "bad_math" and "outside the range" in wrong.gaps[0].evidence
    assert "35,000 requests per second" in wrong.gaps[0].evidence        # the right figure is named
    assert wrong.overall < cards["right"].overall


def test_a_drill_answer_that_goes_one_step_further_is_judged_on_the_figure_the_question_asked_for() -> None:
    """The question asks for a peak request rate; the answer reaches it, then sizes the ranker's load per item."""
    q = default_content().question("nm-feed-qps")
    card = score_answer("Fifty million users times twenty opens is a billion feed requests a day. Over roughly "
                        "86,400 seconds that is close to 11,600 requests a second on average. Peak is three times "
                        "that, so about 35,000 requests a second. If each request ranks 500 candidates, the ranker "
                        "scores around 17 million items a second at peak.", question=q)
    assert not any(g.id == "bad_math" for g in card.gaps)
    assert card.overall >= 4.0
    assert card.talking_points is not None and not card.talking_points.missed   # every step said in figures


def test_a_step_said_only_as_its_figure_counts_and_a_wrong_figure_does_not() -> None:
    q = default_content().question("nm-feed-qps")
    card = score_answer("Fifty million times twenty is a billion a day. Divide by 86,400 and that's about 11,600 a "
                        "second. Peak is three times the average, so about 3,500 a second.", question=q)
    assert card.talking_points is not None
    missed = [p.point for p in card.talking_points.missed]
    assert missed == [q.talking_points[3]]            # the peak step: 3,500 is not thirty-five thousand
    assert card.gaps[0].id == "bad_math"


def test_a_key_value_answer_is_judged_on_its_total_not_on_the_half_it_named_last() -> None:
    """"8 KB for the value" names a word of the question ("key-value cache"), but the figure asked for is the
    total per token the answer ends on."""
    q = default_content().question("nm-kv-per-token")
    card = score_answer("Every layer caches a key and a value, two vectors of 4096 numbers. In fp16 that is 8 KB "
                        "for the key and 8 KB for the value, so 16 KB a layer. Over 32 layers I get 512 KB.", question=q)
    assert not any(g.id == "bad_math" for g in card.gaps), card.gaps
    assert card.talking_points is not None and not card.talking_points.missed   # "512 KB" is the last step
    assert card.overall >= 4.0


def test_a_drill_answer_that_drops_a_factor_is_held_low_and_its_steps_are_not_given_for_stray_figures() -> None:
    """Only the key is counted: the total is half the right one. "two bytes" is not the point about caching both a
    key and a value, and "per token" beside the wrong total is not the point about the total."""
    q = default_content().question("nm-kv-per-token")
    card = score_answer("Each layer holds the key for the token, which is the hidden size, 4096 values. At two bytes "
                        "each that is about 8 KB per layer. With 32 layers, 256 KB per token.", question=q)
    assert card.gaps[0].id == "bad_math"
    assert card.talking_points is not None
    missed = [p.point for p in card.talking_points.missed]
    assert q.talking_points[0] in missed and q.talking_points[-1] in missed
    assert card.overall <= 2.6
