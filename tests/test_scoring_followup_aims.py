"""The scorer's top gap aims the interviewer's follow-up: rules behind it, on answers written for these tests."""
from __future__ import annotations

from coach.content import default_content
from coach.domain import Transcript
from coach.scoring import score_answer
from coach.scoring import concepts


def _gaps(text: str, qid: str) -> list[str]:
    c = default_content()
    q = c.question(qid)
    card = score_answer(Transcript(text), question=q, round_spec=c.round(q.round), rubric=c.rubric(q.round))
    return [g.id for g in card.gaps]


def test_asking_for_a_hint_or_another_question_is_a_non_answer():
    text = ("Right, a calibration drop. Honestly that is a tricky one for me right now. Would you mind giving "
            "me a hint about what to look at, or can we move to another question instead?")
    assert _gaps(text, "ts-calibration")[0] == "non_answer"


def test_saying_it_never_came_up_with_no_story_is_a_non_answer():
    text = ("To be fair it never really came up for me. The teams I was on mostly agreed on things early, and "
            "the few small bumps we had just sorted themselves out without much from me.")
    assert _gaps(text, "bh-disagreement")[0] == "non_answer"


def test_a_story_after_a_lucky_opening_is_still_scored_as_a_story():
    text = ("I've mostly been lucky there, but one time I told a director our churn model could not ship before "
            "the holiday; I showed her the error on new customers, we agreed to wait four weeks, and the "
            "retrained model cut false alarms by a third.")
    assert _gaps(text, "bh-pushback-leadership")[:1] != ["non_answer"]


def test_a_plan_answer_to_a_what_would_you_do_question_is_not_off_topic():
    text = ("Honestly I'd mostly be more careful at first. I'd spend more time sketching the design on paper, I'd "
            "write more checks around the nightly jobs, and I'd pick plainer tools than the ones we had.")
    gaps = _gaps(text, "dd-redo")
    assert gaps and gaps[0] not in ("off_topic", "non_answer")


def test_requests_per_order_are_no_peak_to_judge():
    text = ("I'd assume two million rides a day and around nine hundred price quote requests a second at the "
            "evening peak, since every open app asks for a fresh quote as the car moves. A gradient-boosted "
            "model on CPUs answers in fifteen milliseconds, and I'd alert when the quoted price misses the "
            "charged one by more than ten percent in any city.")
    assert "bad_math" not in _gaps(text, "sd-home-recommendations")


def test_a_peak_of_the_same_requests_far_above_average_is_still_flagged():
    text = ("Say a hundred million feed requests a day, so about a thousand requests a second on average and "
            "fifty thousand requests a second at the peak. Each request scores five hundred candidates with a "
            "small model on CPUs within a hundred milliseconds.")
    assert "bad_math" in _gaps(text, "sd-feed-ranking")


def test_a_cause_word_said_as_absent_states_no_causal_claim():
    cue = "shap | lime | attribution* + caus*"
    assert not concepts.fires(cue, "SHAP splits credit between correlated inputs, and none of it is causal.")
    assert not concepts.fires(cue, "The attributions describe the model, which isn't causal at all.")
    assert concepts.fires(cue, "The SHAP values show what causes each rejection.")
