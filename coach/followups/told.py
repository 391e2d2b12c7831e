"""Figures the interviewer has already told in a system-design conversation (a clarifying question answered from
the question's facts). A follow-up on the missing numbers builds on them; it never asks for them again
("How many requests per second do you process?" just after "About 800 payments per second ...")."""
from __future__ import annotations

import re
from collections.abc import Sequence

from coach.domain import Question
from coach.followups import words

_FIGURE = re.compile(r"\d")
# The first clause of a fact is the figure; what follows a semicolon qualifies it ("...; 90 percent arrive within 60 days")
_CLAUSE_END = re.compile(r"[;.]\s|[;.]$")


def figures_told(question: Question, asked: Sequence[str]) -> tuple[str, ...]:
    """The facts to size from (traffic, latency, budget, data: `[told] topics`) with a figure that an earlier
    interviewer line said (verbatim, as the clarifying reply says them), each cut to its first clause."""
    said = " ".join(asked)
    facts = dict(question.facts)
    return tuple(_first_clause(facts[t]) for t in words.phrases("told", "topics")
                 if t in facts and _FIGURE.search(facts[t]) and facts[t] in said)


def _first_clause(fact: str) -> str:
    head = _CLAUSE_END.split(fact.strip(), maxsplit=1)[0].strip().rstrip(".,;")
    return head[:1].lower() + head[1:] if head[1:2].islower() else head     # "CPU serving only" keeps its capitals


def builds_on(told: Sequence[str]) -> str:
    """The numbers follow-up that takes the first figure told as its starting point
    (prompts/followup_words.toml [told] numbers)."""
    return words.phrases("told", "numbers")[0].format(figure=told[0])


def uses_a_figure(text: str, told: Sequence[str]) -> bool:
    """Whether a follow-up names one of the told figures (a number said in it): it builds on what was told."""
    numbers = {n for fact in told for n in re.findall(r"\d[\d,.]*", fact)}
    return any(n in text for n in numbers)
