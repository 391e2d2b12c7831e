"""The pure interview state machine, driven with scripted scorecards and a fake clock."""
from __future__ import annotations

from coach.content import default_content
from coach.interview.engine import Ask, InterviewEngine, NeedFollowUp, WrapUp
from coach.scoring import Scorecard


def _items(n: int = 2, round_id: str = "behavioral"):
    content = default_content()
    spec = content.round(round_id)
    return [(q, spec) for q in content.questions_for(round_id)[:n]]


GAPPY = Scorecard.from_dict({"gaps": [{"id": "no_result", "severity": 0.9, "evidence": "no figure"}]})
CLEAN = Scorecard()


def test_weak_answer_gets_a_follow_up_on_its_top_gap_then_moves_on_at_the_cap() -> None:
    engine = InterviewEngine(_items(), max_followups=1)
    first = engine.start(0)
    assert isinstance(first, Ask) and first.kind == "question"
    engine.spoken()
    decision = engine.answered("we did stuff", GAPPY, now=30)
    assert isinstance(decision, NeedFollowUp) and decision.gap == "no_result"
    assert first.text in decision.asked
    ask = engine.followup_ready("What changed, and by how much?", "no_result", "bank")
    assert ask.kind == "followup" and ask.question == first.question
    after_cap = engine.answered("still vague", GAPPY, now=60)
    assert isinstance(after_cap, Ask) and after_cap.kind == "question" and after_cap.question != first.question


def test_strong_answer_moves_straight_on_and_the_plan_ends_in_a_wrap_up() -> None:
    engine = InterviewEngine(_items(2))
    engine.start(0)
    second = engine.answered("a strong answer", CLEAN, now=10)
    assert isinstance(second, Ask) and second.kind == "question"
    assert isinstance(engine.answered("another strong one", CLEAN, now=20), WrapUp)
    assert engine.state == "done"


def test_time_box_stops_follow_ups_and_skips_the_rest_of_the_round() -> None:
    items = _items(3)
    engine = InterviewEngine(items)
    engine.start(0)
    over = items[0][1].time_box_minutes * 60 + 1
    assert isinstance(engine.answered("vague", GAPPY, now=over), WrapUp)


def test_repeat_skip_and_end() -> None:
    engine = InterviewEngine(_items(2))
    first = engine.start(0)
    again = engine.repeat()
    assert again.text == first.text and again.kind == "repeat"
    skipped = engine.skip(5)
    assert isinstance(skipped, Ask) and skipped.question != first.question
    assert engine.end().reason == "ended by candidate"


def test_low_severity_gaps_do_not_trigger_follow_ups() -> None:
    engine = InterviewEngine(_items(2))
    engine.start(0)
    minor = Scorecard.from_dict({"gaps": [{"id": "too_long", "severity": 0.1, "evidence": "190 s"}]})
    assert isinstance(engine.answered("fine answer", minor, now=5), Ask)
