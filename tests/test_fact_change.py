"""Realistic mode changes a system-design fact part-way; an answer that never takes the change up hears it again."""
from __future__ import annotations

from coach.content import default_content
from coach.interview.engine import Ask, InterviewEngine
from coach.interview.fact_change import takes_up
from tests.scored import card_for

DESIGN = ("I'd split the arrival time into kitchen time, time to pickup and the drive, each its own gradient boosted "
          "model with the restaurant's open orders, couriers nearby, distance, hour and weather. Late is worse than "
          "early, so the drive and kitchen models train on a ninetieth percentile quantile loss. At 300 requests a "
          "second and 200 milliseconds a few CPU replicas with features in an online store are enough, and I'd "
          "report error percentiles per city and update the estimate at pickup.")
ELSEWHERE = ("I'd compare predicted and actual arrival per city every hour and alert when the share of orders more "
             "than five minutes late passes fifteen percent, then retrain on the last two weeks.")
TAKEN_UP = ("Then the kitchen model loses its target, so I'd infer when the food was ready from the courier's GPS: "
            "the time they stand at the restaurant before leaving.")


def _engine():
    content = default_content()
    q = content.question("sd-eta-prediction")
    spec = content.round(q.round)
    engine = InterviewEngine([(q, spec)], mode="realistic", level="senior")
    engine.start(0.0)
    return engine, q, spec


def _answer(engine, q, spec, text: str, now: float):
    return engine.answered(text, card_for(q.id, text, followup=True), now)


def test_an_answer_that_ignores_the_changed_fact_hears_it_once_more_then_the_interview_moves_on() -> None:
    engine, q, spec = _engine()
    change = _answer(engine, q, spec, DESIGN, 10.0)
    assert isinstance(change, Ask) and change.kind == "change"
    pressed = _answer(engine, q, spec, ELSEWHERE, 20.0)
    assert isinstance(pressed, Ask) and pressed.kind == "change" and pressed.text.startswith("Before we move on")
    assert "prep time is never observed" in pressed.text and pressed.text.endswith("?")
    after = _answer(engine, q, spec, ELSEWHERE, 30.0)
    assert not (isinstance(after, Ask) and after.kind == "change")      # said again once, never twice


def test_an_answer_that_takes_the_change_up_is_not_pressed() -> None:
    engine, q, spec = _engine()
    _answer(engine, q, spec, DESIGN, 10.0)
    after = _answer(engine, q, spec, TAKEN_UP, 20.0)
    assert not (isinstance(after, Ask) and after.kind == "change")


def test_every_bank_change_is_taken_up_by_an_answer_in_its_own_terms_and_not_by_a_generic_one() -> None:
    content = default_content()
    in_its_terms = {"budget": "I'd distil the ranker into a smaller model and serve it on CPUs.",
                    "labels": "I'd wait for the late outcomes before training and use a proxy label meanwhile.",
                    "latency": "I'd cut the candidates the ranker scores and precompute the heavy features.",
                    "traffic": "I'd shard the queue and autoscale the workers for the new peak.",
                    "team": "I'd drop the self-serve UI and build the online store first.",
                    "data": "I'd reindex the rewritten articles and refresh their embeddings.",
                    "constraints": "With a cap of one, I'd rank the day's candidates and send only the best."}
    generic = "I'd add dashboards and alert on drift, then roll it out behind a flag city by city."
    changes = [q for q in content.questions.values() if q.change is not None]
    assert len(changes) >= 14
    for q in changes:
        assert q.change is not None
        assert takes_up(in_its_terms[q.change[0]], q), q.id
        assert not takes_up(generic, q), q.id


def test_words_the_question_or_the_earlier_answer_already_had_do_not_take_the_change_up() -> None:
    """An answer on dashboards that names the restaurant's open orders again and "the labels" in passing has not
    taken up "restaurants no longer report when food is ready"; one that says how the kitchen time is now inferred
    has, though its words are new."""
    engine, q, spec = _engine()
    change = _answer(engine, q, spec, DESIGN, 10.0)
    assert isinstance(change, Ask) and change.kind == "change"
    passing = ("I'd chart the share of orders within five minutes per city and alert on a drop, and watch the "
               "restaurant's open orders as an input, since a broken feed shows there before the labels come in.")
    pressed = _answer(engine, q, spec, passing, 20.0)
    assert isinstance(pressed, Ask) and pressed.kind == "change" and pressed.text.startswith("Before we move on")
    engine, q, spec = _engine()
    _answer(engine, q, spec, DESIGN, 10.0)
    inferred = _answer(engine, q, spec, "Then kitchen time is never reported, so I'd take it from the courier's "
                                        "wait at the pickup, which the GPS trace shows.", 20.0)
    assert not (isinstance(inferred, Ask) and inferred.kind == "change")
