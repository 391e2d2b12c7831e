"""Property tests: the scorer never crashes and always keeps its contract, whatever text it gets."""
from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coach.domain import GAP_IDS, Question, RoundSpec, Segment, Transcript
from coach.scoring import Scorecard, score_answer

SPOKEN = st.sampled_from([
    "um", "uh", "like,", "so", "we", "I", "built", "a", "the", "cache", "50k", "QPS", "fifty", "thousand",
    "ms", "p99", "of", "200", "$40,000", "a", "month", "10", "terabytes", "half", "million", "users", "each",
    "requests", "per", "day", "reduced", "latency", "by", "40%", "3x", "peak", "GPUs", "7B", "parameters",
    "in", "fp16", "is", "14", "GB", ".", ",", "?", "trade-off", "instead", "monitoring", "rollback", "and",
    "point", "five", "hundred", "billion", "one", "day", "I don't know", "at my last company", "as a result",
])
QUESTION = Question("q", "system-design", ("senior",), "Design a feed ranking system.", "",
                    talking_points=("Size the traffic", "Retrieval then ranking"),
                    keywords=(("qps", "users"), ("retrieval", "ranker")))
ROUNDS = st.sampled_from([None, *(RoundSpec(r, r, "", "", (), 45, 120) for r in
                                  ("behavioral", "system-design", "technical-screen", "coding", "deep-dive"))])


def _check(card: Scorecard) -> None:
    d = card.to_dict()
    json.dumps(d)                                  # JSON-serialisable
    assert 0.0 <= d["overall"] <= 5.0
    assert all(g["id"] in GAP_IDS and 0 <= g["severity"] <= 1 for g in d["gaps"])
    assert all(0.0 <= x["score"] <= 5.0 for x in d["dimensions"])
    assert Scorecard.from_dict(json.loads(json.dumps(d))).to_dict() == d
    if d["gaps"] and d["gaps"][0]["id"] in ("non_answer", "off_topic"):
        assert d["overall"] <= 0.5


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400), ROUNDS)
def test_any_unicode_text(text: str, rs: RoundSpec | None) -> None:
    _check(score_answer(text, round_spec=rs))


@settings(max_examples=150, deadline=None)
@given(st.lists(SPOKEN, max_size=120).map(" ".join), ROUNDS, st.booleans())
def test_speech_like_word_salad(text: str, rs: RoundSpec | None, with_question: bool) -> None:
    _check(score_answer(text, round_spec=rs, question=QUESTION if with_question else None))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.floats(allow_nan=True, allow_infinity=True), st.floats(allow_nan=True,
                                                                                     allow_infinity=True),
                          st.text(max_size=20)), max_size=8),
       st.one_of(st.none(), st.floats(allow_nan=True, allow_infinity=True)))
def test_odd_segments_and_durations(segs: list, duration: float | None) -> None:
    t = Transcript("we built a cache and cut p99 by 40%", tuple(Segment(a, b, c) for a, b, c in segs), duration)
    _check(score_answer(t))


def test_empty_and_whitespace() -> None:
    for text in ("", "   ", "\n\n", "...", "?!", "\x00\x01"):
        card = score_answer(text)
        assert card.top_gap == "non_answer" and card.overall <= 0.5
    assert score_answer(Transcript("")).top_gap == "non_answer"


def test_huge_input_is_bounded() -> None:
    import time

    text = ("At my last company I built a cache that cut p99 from 800 to 200 ms for 50k QPS. " * 4000)
    start = time.perf_counter()
    card = score_answer(text)
    assert time.perf_counter() - start < 10
    _check(card)


def test_garbage_numbers() -> None:
    for text in ("9" * 5000 + " QPS", "1e308 users", "0 QPS from 0 users each doing 0 requests a day",
                 "1,000,000,000,000,000,000,000 terabytes", "p99 of 99999999999 ms", "a a a a a hundred"):
        _check(score_answer(text))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from([
    "i", "was", "asked", "me", "to", "my", "role", "responsible", "for", "in", "charge", "of", "it", "on", "fell",
    "landed", "had", "already", "grown", "been", "sure", "convinced", "that", "the", "worst", "one", "when", "we",
    "success", "measured", "by", "got", "became", "faster", "stopped", "went", "away", "made", "no", "difference",
    "owned", "took", "led", "project", "ownership", "felt", "told", "gave", "so", "and", ",", "standard", "who",
]), min_size=1, max_size=14))
def test_a_slow_cue_never_fires_without_the_words_it_needs(words: list[str]) -> None:
    # the STAR labeller skips a slow cue when none of its needed words is in the sentence: that must never change a
    # label, so each cue must be unable to fire without one of them
    from coach.scoring.star_cues import CUE_NEEDS
    sentence = " ".join(words)
    for cue, needs in CUE_NEEDS.items():
        if cue.search(sentence):
            assert any(n in sentence for n in needs), (cue.pattern[:60], sentence)
