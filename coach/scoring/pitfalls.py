"""The question's pitfalls an answer falls into: the lapses of judgement an interviewer listens for on it.

Each question names its pitfalls (rubrics/questions/*.toml); `rubrics/pitfalls.toml` gives the ones a listener can
hear the cues to hear them by ("escalated to their director", "always build the platform first"). They are read like
wrong claims (coach/scoring/claims.py): a cue that the words around it deny, contrast or warn against ("rather than
going to my manager", "the trap is to ...") is not a lapse. A lapse lowers the answer's level in
coach/scoring/calibrate.py by a fixed step; it does not cap the answer, since one lapse in an otherwise strong
answer is a weakness, not a failing one.
"""
from __future__ import annotations

from dataclasses import dataclass

from coach.domain import Question
from coach.scoring.claims import states
from coach.scoring.text import Sentence


@dataclass(frozen=True)
class Lapse:
    pitfall: str        # the lapse in plain words
    better: str         # what a strong answer does instead
    evidence: str       # the sentence that shows it


def fallen(question: Question | None, sents: list[Sentence]) -> tuple[Lapse, ...]:
    """The question's pitfalls the answer falls into, each once with the first sentence that shows it."""
    if question is None:
        return ()
    from coach.content.pitfalls import question_pitfalls

    out = []
    for p in question_pitfalls().get(question.id, ()):
        hit = next((s.text for s in sents if states(p, s.text, negation_in_cue=True)), None)
        if hit is not None:
            out.append(Lapse(p.claim, p.right, hit))
    return tuple(out)
