"""The literal prefilter (coach/scoring/literals.py) only skips searches that would find nothing: a match always
holds one of its pattern's required strings, on hand-written patterns and on every STAR cue over every sentence of
the graded answers."""
from __future__ import annotations

import re

import pytest

from coach.eval.graded import load_graded
from coach.scoring import literals, star
from coach.scoring.text import clean, sentences


@pytest.mark.parametrize("pattern, needed", [
    (r"\bso i (?:led|owned|ran|took on) the (?:response|incident)\b", ("so i ",)),
    (r"colou?r", ("colour", "color")),
    (r"(?<!\bwhat )\b(?:i|we) (?:[a-z]+ed|built)\b", ("we ", "i ")),
    (r"[a-z]+ went (?:out|live)", (" went ",)),     # one string in every match beats two longer ones
    (r"a+bc*d", None),                 # single characters only: no test worth making
    (r"(?i)Went LIVE", ("went live",)),     # case-insensitive: lowered, tested on the lowered text
    (r"(?:went live|)", None),         # may match nothing at all
])
def test_the_required_strings_of_a_pattern(pattern: str, needed: tuple[str, ...] | None) -> None:
    assert literals.required(re.compile(pattern)) == needed


def test_a_case_insensitive_pattern_is_searched_on_text_that_is_not_ascii() -> None:
    went = re.compile(r"\bwent live\b", re.IGNORECASE)
    assert literals.may_match(went, "It WENT LIVE") and not literals.may_match(went, "it shipped")
    assert literals.may_match(went, "it shipped ſ")       # Unicode's own case pairs: always searched


def test_a_match_always_holds_a_required_string() -> None:
    cues = [p for part in (star.SITUATION, star.TASK, star.ACTION, star.RESULT) for p, _ in part]
    texts = [s.text.lower() for g in load_graded()[::3] for s in sentences(clean(g.text))]
    tested = [p for p in cues if literals.required(p)]
    assert len(tested) >= len(cues) // 2
    for p in tested:
        for text in texts:
            if p.search(text):
                assert literals.may_match(p, text), (p.pattern, text)


def test_folded_matches_find_what_the_case_insensitive_pattern_finds() -> None:
    from coach.scoring.sizing import _ARTICLE_UNIT, _SPOKEN_PRICE
    from coach.scoring.text import folded_matches

    for text in ("We kept A Year of logs, at Two Fifty an hour per GPU.", "Über die Grenze: about a day, at 2.50 an hour."):
        for pat in (_ARTICLE_UNIT, _SPOKEN_PRICE):
            assert [m.span() for m in folded_matches(pat, text)] == [m.span() for m in pat.finditer(text)]


def test_strings_found_in_one_scan_are_the_strings_the_text_holds() -> None:
    strings = ["ab", "abcd", "abcdef", "bcd", "cd", "so i ", "so i led", " led", "x.y", "a+b", "d"]
    find = literals.StringsFound(strings)
    for text in ("", "abcdeX", "xx abcdef so i led it", "x.y and a+b", "xay ab", "so i", "dd cd"):
        assert find(text) == {s for s in strings if s in text}, text
    assert literals.StringsFound([])("anything") == frozenset()


def test_the_star_cues_words_found_in_one_scan_match_a_test_of_each() -> None:
    words = star._CUE_WORDS.strings
    for answer in load_graded()[:60]:
        for s in sentences(clean(answer.text)):
            low = s.text.lower()
            assert star._CUE_WORDS(low) == {w for w in words if w in low}
