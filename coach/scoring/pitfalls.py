"""The question's pitfalls an answer falls into: the lapses of judgement an interviewer listens for on it.

Each question names its pitfalls (rubrics/questions/*.toml); `rubrics/pitfalls.toml` gives the ones a listener can
hear the cues to hear them by ("escalated to their director", "always build the platform first"). They are read like
wrong claims (coach/scoring/claims.py): a cue that the words around it deny, contrast or warn against ("rather than
going to my manager", "the trap is to ...") is not a lapse, nor is a road the candidate names only as not taken
("Escalating to the director would have been faster, but ...", "I was tempted to rewrite it myself"): a clause
holding one of the phrases of `rubrics/answer_words.toml` `[untaken]` is left out before the cues are read.
A lapse holds the answer at the rubric's level 2 in coach/scoring/calibrate.py: the question names the pitfall
because it is the judgement the question tests, so the structure around it does not make up for it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from coach.content.answer_words import phrases
from coach.domain import Question
from coach.scoring.claims import states
from coach.scoring.text import Sentence


@dataclass(frozen=True)
class Lapse:
    pitfall: str        # the lapse in plain words
    better: str         # what a strong answer does instead
    evidence: str       # the sentence that shows it


# Clauses of a sentence: split at , ; : and before "but", "so", "instead" ("..., but I sat with their lead").
_CLAUSE = re.compile(r"[,;:]|\s(?=(?:but|so|instead|yet)\b)", re.I)


@lru_cache(maxsize=1)
def _untaken() -> re.Pattern[str]:
    said = sorted(phrases("untaken", "phrases"), key=len, reverse=True)
    # "would have" before a thing held is a plan, not a road not taken: "by day thirty I would have a proposal to ...";
    # before "to" it is an obligation reported: "I told them all new features would have to go through it"
    return re.compile(r"(?<![a-z])(?:" + "|".join(re.escape(p) + (_HELD if p.endswith("have") else "") for p in said)
                      + r")(?![a-z])", re.I)


_HELD = r"(?! (?:a|an|the|my|our|some|one|two|three|four|five|ten|it|them|this|that|to)\b)"


def taken(sentence: str) -> str:
    """The sentence without its clauses that name a road not taken (see `[untaken]`)."""
    if not _untaken().search(sentence):
        return sentence
    return " ".join(c for c in _CLAUSE.split(sentence) if not _untaken().search(c))


def fallen(question: Question | None, sents: list[Sentence]) -> tuple[Lapse, ...]:
    """The question's pitfalls the answer falls into, each once with the first sentence that shows it."""
    if question is None:
        return ()
    from coach.content.pitfalls import outgrown_by, question_pitfalls

    out = []
    whole = " ".join(s.text for s in sents)
    for p in question_pitfalls().get(question.id, ()):
        hit = next((s.text for s in sents if states(p, taken(s.text), negation_in_cue=True)), None)
        if hit is not None and not any(u.search(whole) for u in outgrown_by(question.id, p.claim)):
            out.append(Lapse(p.claim, p.right, hit))
    return tuple(out)
