"""The one-line improvement a STAR report suggests, from what the story's parts hold (coach/scoring/star.py)."""
from __future__ import annotations

from coach.scoring.text import quote, times


def improvement(ev: dict[str, tuple[str, ...]], measurable: bool, i_count: int, we_count: int,
                 s_share: float) -> str:
    if not ev["result"]:
        return "End with the outcome and a number: what changed, by how much, for whom."
    if not measurable:
        return (f'Put a number on the result: "{quote(ev["result"][0], 90)}" measures nothing; '
                'say e.g. "cut p99 from 300 to 120 ms" or "saved $40K a month".')
    if not ev["action"]:
        return 'Say what you did, step by step, with "I" and a verb: "I profiled ..., I proposed ...".'
    if we_count >= 3 and we_count > 2 * max(i_count, 1):
        return f'Say "I" for your own part: "we" {times(we_count)} against "I" {times(i_count)}.'
    if not ev["situation"]:
        return "Open with one sentence of context: where you were, when, and what was at stake."
    if s_share > 0.35:
        return f"Cut the setup: {s_share:.0%} of the answer is context; two sentences are enough."
    if not ev["task"]:
        return 'Say what you were asked to do or the goal you owned ("my goal was to ...").'
    return "Close with what you learned or would do differently, in one sentence."
