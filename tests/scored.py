"""An answer to a bank question scored the way the interview's runner scores it: with the question's round and
rubric, at the level asked (shared by the tests that read a card)."""
from __future__ import annotations

from coach.content import default_content
from coach.domain import Transcript
from coach.scoring import score_answer
from coach.scoring.scorecard import Scorecard


def card_for(qid: str, text: str, level: str = "senior", followup: bool = False) -> Scorecard:
    content = default_content()
    q = content.question(qid)
    return score_answer(Transcript(text), question=q, round_spec=content.round(q.round), rubric=content.rubric(q.round),
                        level=level, followup=followup)


def claims_for(qid: str, text: str) -> list[str]:
    """The wrong claims the card names for an answer to a bank question, lower-cased."""
    return [w.claim.lower() for w in card_for(qid, text).wrong_claims]
