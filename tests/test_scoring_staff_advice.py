"""The staff line on the card asks for what the round's staff bar wants, in its own terms: a design is asked for its
cost and who shares it, not for "who beyond your team changed how they work"; every staff signal has its advice in
rubrics/answer_words.toml [staff_advice]. Answers written for this file."""
from __future__ import annotations

from coach.content import answer_words
from coach.content.loader import default_content
from coach.domain import STAFF_SIGNAL_IDS, Transcript
from coach.scoring import score_answer


def test_every_staff_signal_has_advice_a_candidate_can_act_on() -> None:
    for signal in STAFF_SIGNAL_IDS:
        advice = answer_words.text("staff_advice", signal)
        assert 4 <= len(advice.split()) <= 20, (signal, advice)


def test_a_design_at_staff_is_asked_for_its_cost_and_sharing_in_design_terms() -> None:
    content = default_content()
    text = ("I'd put a small service in front of each model that samples one request in a hundred into a log table. "
            "A nightly job compares each feature's histogram with the training window and flags the ones that moved. "
            "When labels come back we recompute precision for each customer segment and page the model's owner if "
            "it falls.")
    card = score_answer(Transcript(text), question=content.questions["sd-model-monitoring"],
                        round_spec=content.rounds["system-design"], rubric=content.rubrics["system-design"],
                        level="staff")
    line = next(x for x in card.feedback if x.startswith("At staff level"))
    assert "cost and headroom" in card.calibration.staff_missing
    assert "costs a month" in line and "changed how they work" not in line
