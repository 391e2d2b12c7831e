"""An estimate worked out loud in the first person ("I got that wrong, I dropped a factor there ...") is still an
estimate: its card never asks for a story's result, context or "I" and never praises a "measured result" that is a
line of arithmetic."""
from __future__ import annotations

from coach.content import default_content
from coach.scoring import score_answer

TOLD = ("Right, I rushed that. I took fifty million users and twenty opens each, which I make a billion opens a day. "
        "I divided that by about a hundred thousand seconds, so I get roughly ten thousand a second on average, and I "
        "tripled it for the peak, so I'd say about thirty thousand requests a second.")


def test_an_estimate_told_in_the_first_person_gets_no_story_gaps() -> None:
    q = default_content().question("nm-feed-qps")
    card = score_answer(TOLD, question=q, level="senior")
    assert not {g.id for g in card.gaps} & {"no_result", "no_context", "we_not_i"}
    assert not [line for line in card.feedback if line.startswith("Result is measured")]
