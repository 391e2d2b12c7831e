"""Delivery: words, pace from timestamps, fillers (with 'like' only as filler), hedges, pauses, time box."""
from __future__ import annotations

from coach.domain import Segment
from coach.scoring.delivery import analyse


def test_pace_from_segment_timestamps() -> None:
    segs = (Segment(0.0, 30.0, "word " * 75), Segment(30.5, 60.0, "word " * 75))
    r = analyse("word " * 150, segs)
    assert r.words == 150 and r.wpm == 150.0 and not r.duration_estimated


def test_pace_from_duration_or_none() -> None:
    assert analyse("one two three four", duration_s=2.0).wpm == 120.0
    assert analyse("one two three four").wpm is None


def test_long_pauses_are_gaps_between_segments_over_three_seconds() -> None:
    segs = (Segment(0, 5, "a"), Segment(9, 12, "b"), Segment(12.5, 14, "c"), Segment(20, 21, "d"))
    r = analyse("a b c d", segs)
    assert r.long_pauses == 2 and r.longest_pause_s == 6.0


def test_fillers_count_like_only_as_filler() -> None:
    r = analyse("Um, so we had like 50k users, like, a lot. I like Python and I would like to use it. "
                "It looks like a queue. You know, it was, uh, basically sort of fine, right?")
    assert r.fillers["um"] == 1 and r.fillers["uh"] == 1
    assert r.fillers["like"] == 2
    assert r.fillers["you know"] == 1 and r.fillers["basically"] == 1 and r.fillers["right?"] == 1
    assert r.fillers["sort of"] == 1


def test_kind_of_as_a_type_is_not_a_filler() -> None:
    assert "kind of" not in analyse("What kind of model is it? That kind of problem.").fillers
    assert analyse("It was kind of slow.").fillers == {"kind of": 1}


def test_hedges() -> None:
    r = analyse("I think it was maybe 50 ms, probably less, I guess.")
    assert r.hedges == {"i think": 1, "maybe": 1, "probably": 1, "i guess": 1}


def test_too_long_against_the_time_box() -> None:
    assert analyse("word " * 100, duration_s=240, answer_seconds=150).too_long
    assert not analyse("word " * 100, duration_s=200, answer_seconds=150).too_long
    # no timing: estimated at 150 words a minute
    r = analyse("word " * 600, answer_seconds=120)
    assert r.too_long and r.duration_estimated and r.duration_s == 240.0


def test_broken_segments_do_not_crash() -> None:
    segs = (Segment(5, 1, "x"), Segment(-1, 2, "y"), Segment(float("nan"), 3, "z"))
    r = analyse("x y z", segs, duration_s=float("nan"))
    assert r.words == 3 and r.wpm is None


def test_actually_as_an_adverb_is_not_a_filler() -> None:
    assert "actually" not in analyse("I would ask which two metrics leadership actually looks at.").fillers
    assert analyse("Actually, so actually we shipped it, actually.").fillers.get("actually") == 3
