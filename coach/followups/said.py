"""A probe for a size the candidate already gave.

The talking points say what a strong answer covers in their own words; an answer can give the thing in other words
("about fifty thousand queries a second" for "its scale in users or traffic") and the point still reads as missed.
A probe for that size ("Roughly how many users or requests did it handle?") then asks for what the candidate just
said, which a strong interviewer never does. The nouns and asking words are data (prompts/followup_words.toml
`[said]`).
"""
from __future__ import annotations

import re
from functools import lru_cache

from coach.followups import words
from coach.scoring.numbers import find_numbers

NEAR = 4          # a figure this many words before the noun counts it ("fifty thousand search queries a second")


@lru_cache(maxsize=1)
def _nouns() -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(map(re.escape, words.word_list("said", "scale_nouns"))) + r")\b", re.I)


@lru_cache(maxsize=1)
def _asks() -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(map(re.escape, words.phrases("said", "asks"))) + r")\b", re.I)


def gives_a_size(answer: str) -> bool:
    """Does the answer put a figure on a count of users, requests or the like?"""
    for span in find_numbers(answer):
        after = answer[span.end:].split()[:NEAR]
        if _nouns().search(" ".join(after)):
            return True
    return False


def asks_for_a_size_said(probe: str, answer: str) -> bool:
    """Does the probe ask for a size of users, requests or the like that the answer already gave?"""
    return bool(_asks().search(probe) and _nouns().search(probe)) and gives_a_size(answer)
