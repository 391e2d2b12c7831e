"""A concern or a check waved away with certainty: read as a wrong claim whatever the topic.

A question's misconceptions (coach/scoring/claims.py) catch the wrong claims someone wrote down for it; an answer
nobody has seen yet is wrong in its own way. What a strong interviewer hears in most of them is the same move: a
shortcut justified by a certainty the field does not grant ("log loss is convex, so descent is bound to converge for
any step size", "there is no need to run it more than once", "novelty is not something I worry about"). Such a
sentence, neither reported ("people think ..."), denied ("it does not always work") nor qualified by a condition
("unless ...", "if the features share a scale ..."), is read as one more wrong claim: it caps the answer as one does
(coach/scoring/calibrate.py) and the card quotes it. The phrases are data (`rubrics/answer_words.toml`
`[waved_away]`), a coach may edit them.
"""
from __future__ import annotations

import re
from functools import lru_cache

from coach.content.answer_words import phrases, text
from coach.scoring.claims import DENY_BEFORE, NEAR_BEFORE, WrongClaim, _clause_start
from coach.scoring.text import Sentence


# Someone else's view, told by the candidate: "they had no need for a real-time stage", "the email team pushed back:
# ... no need for ..." is the objection the story is about, not the candidate's shortcut.
_THEIRS = re.compile(r"\b(?:they|he|she|they'd)\s+(?:\S+\s+){0,2}$", re.I)     # the subject just before
_REPORTED = re.compile(r"\b(?:pushed back|argued|objected|insisted|complained|claimed|told (?:me|us)|said that|felt that|"
                       r"believed that|their view|their position|their argument)\b", re.I)


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], WrongClaim, frozenset[str]]:
    listed = phrases("waved_away", "phrases")
    said = re.compile(r"\b(?:" + "|".join(re.escape(p) for p in listed) + r")\b", re.I)
    condition = re.compile(r"\b(?:" + "|".join(re.escape(p) for p in phrases("waved_away", "conditions")) + r")\b",
                           re.I)
    claim = WrongClaim(text("waved_away", "claim"), text("waved_away", "right"), "")
    # each phrase's longest word: a sentence holding none of them holds no phrase (a cheap test before the search)
    keys = frozenset(max(p.lower().split(), key=len) for p in listed)
    return said, condition, claim, keys


def waved_away(sents: list[Sentence]) -> tuple[WrongClaim, ...]:
    """One wrong claim quoting the first sentence that waves a concern away with certainty, or none."""
    said, condition, claim, keys = _patterns()
    for s in sents:
        low = s.text.lower()
        if not any(map(low.__contains__, keys)):
            continue
        for hit in said.finditer(s.text):
            start = _clause_start(s.text, hit.start())
            before = s.text[start:hit.start()]
            ends = [i for i in (s.text.find(";", hit.end()), s.text.find(":", hit.end())) if i >= 0]
            clause = s.text[start:min(ends, default=len(s.text))]     # (a condition elsewhere qualifies another claim)
            if NEAR_BEFORE.search(before) or DENY_BEFORE.search(before) or condition.search(clause) or \
                    _THEIRS.search(before) or _REPORTED.search(s.text[:hit.start()]):
                continue
            return (WrongClaim(claim.claim, claim.right, s.text),)
    return ()


__all__ = ["waved_away"]
