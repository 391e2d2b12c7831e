"""Choosing the follow-up: the model's best guarded candidate, else the question bank's.

Pure: the candidates come in as strings; nothing here touches a model.
"""
from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from coach.domain import Question
from coach.followups import guards
from coach.ports import FollowUpReply

# Words that show a follow-up is about the gap even when it quotes nothing the
# candidate said. Used only by the guard's "on topic" test.
GAP_WORDS: dict[str, tuple[str, ...]] = {
    "non_answer": ("example", "specific", "walk", "start"),
    "off_topic": ("question", "back to", "specific"),
    "no_result": ("result", "outcome", "impact", "metric", "measure", "moved", "improve", "number"),
    "no_numbers": ("how many", "traffic", "qps", "latency", "scale", "size", "volume", "budget", "per second"),
    "bad_math": ("math", "number", "figure", "estimate", "check", "per second", "add up"),
    "we_not_i": ("you personally", "your role", "you yourself", "your part", "you do", "your own", "did you",
                 "you decide", "you propose", "you own"),
    "no_tradeoff": ("trade-off", "tradeoff", "give up", "lose", "alternative", "instead", "cost", "downside"),
    "no_monitoring": ("monitor", "know", "alert", "degrade", "drift", "rollout", "roll back", "rollback", "broke"),
    "no_clarifying": ("requirement", "assume", "scope", "clarify", "users", "constraint"),
    "no_context": ("context", "situation", "stakes", "team", "why"),
    "too_long": ("short", "summary", "one sentence", "key point", "headline"),
    "missing_point": ("what about", "how would", "consider", "handle"),
}

GENERIC = "Can you give me one concrete example from your own work that shows that?"


def gap_description(gap: str, gaps: Mapping[str, Any]) -> str:
    spec = gaps.get(gap)
    return getattr(spec, "description", "") or gap.replace("_", " ")


def bank_followup(question: Question, gap: str, asked: Sequence[str], gaps: Mapping[str, Any],
                  target: str = "") -> str:
    """The question's own follow-up for the gap (the one closest to what the scorer found, e.g. the
    missed talking point), else the gap's generic one, never a repeat."""
    def fresh(text: str) -> bool:
        return all(guards.similarity(text, a) < 0.6 and text != a for a in asked)

    own = [f.text for f in question.followups if f.gap == gap]
    if target and len(own) > 1:
        aim = guards.content_words(target)
        own.sort(key=lambda text: -len(guards.content_words(text) & aim))     # stable: ties keep the bank's order
    generic = list(getattr(gaps.get(gap), "followups", ()) or ())
    others = [f.text for f in question.followups if f.gap != gap]
    for text in own + generic + others:
        if fresh(text):
            return str(text)
    return GENERIC


def missed_words(gap: str, target: str) -> tuple[str, ...]:
    """For a missed talking point, the point's own words also mark a question as on the gap
    (the scorer quotes the missed points in its evidence)."""
    if gap != "missing_point" or not target:
        return ()
    quoted = " ".join(re.findall(r'"([^"]+)"', target))
    return tuple(sorted(w for w in guards.content_words(quoted) if len(w) > 3))


def borrowed_words(example_words: frozenset[str], question: str, answer: str, gap_words: Sequence[str]) -> frozenset[str]:
    """Example words the live interview does not use: seeing them means the model copied an example."""
    live = guards.content_words(question) | guards.content_words(answer) | guards.content_words(" ".join(gap_words))
    return frozenset(example_words - live)


def choose(
    question: Question,
    answer: str,
    gap: str,
    candidates: Sequence[str],
    asked: Sequence[str],
    gaps: Mapping[str, Any],
    example_words: frozenset[str] = frozenset(),
    live: str = "",
    target: str = "",
) -> FollowUpReply:
    """`example_words`: content words of the prompt's few-shot examples (see `borrowed_words`);
    `live`: other text the model was shown this turn (the finding and the draft), not copied examples."""
    words = GAP_WORDS.get(gap, ()) + tuple(getattr(gaps.get(gap), "keywords", ()) or ()) + missed_words(gap, target)
    borrowed = borrowed_words(example_words, question.prompt + " " + live, answer, words)
    winner, verdicts = guards.best(candidates, answer, words, list(asked) + [question.prompt], borrowed)
    shown = tuple(v.text for v in verdicts)
    if winner is not None:
        return FollowUpReply(gap=gap, question=winner.text, source="model", candidates=shown)
    return FollowUpReply(gap=gap, question=bank_followup(question, gap, asked, gaps, target), source="bank",
                         candidates=shown)
