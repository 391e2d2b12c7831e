"""The steps of a plan the question asked for ("What would you do about it?", "Suppose you join next month").

An answer to such a question tells its steps with a modal ("I would pull the last eight weeks of pages", "then
I'd fix the top two causes"), which the story labels read as an aside; on the card they are the plan's actions,
and the effect it aims for ("I would track pages per week", "By day ninety I would want an agreed direction")
its result (on the card's labels; the score and the quotes read the story labels). A wish or a view ("I would hope to be seen as ...", "I think I would bring energy") is neither. The
words are data (rubrics/answer_words.toml `[plan]`).
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from coach.content.answer_words import word_list
from coach.scoring.star import COMPONENTS, StarReport

_MODAL = r"(?:i|we)(?:'d|'ll| would| will| could| might| am going to| are going to|'m going to|'re going to)"
_ADVERBS = r"first|then|also|probably|next|still|just|actually|really|now|definitely|immediately|mostly|only|" \
           r"rather|much"
_ADVERB = rf"(?:(?:{_ADVERBS})\s+)"
_OPINION = r"\b(?:i|we) (?:think|believe|feel|guess|suppose)(?: that)?\s+" + _MODAL


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    not_steps = "|".join(map(re.escape, word_list("plan", "not_steps")))
    aims = "|".join(map(re.escape, word_list("plan", "aims")))
    # a modal step: "I would pull", "then we'd fix", "the first thing I would do is", "my first question would be"
    step = re.compile(r"\b(?:" + _MODAL + r"|would (?:i|we))\s+" + _ADVERB + r"{0,2}(?!(?:" + not_steps + r"|have|"
                      + _ADVERBS + r"|not|never)\b)[a-z]+\b|"
                      r"\b(?:my|the|our) (?:first|next|last) (?:[a-z]+ ){0,4}?(?:would|will) be\b", re.IGNORECASE)
    aim = re.compile(r"\b" + _MODAL + r"\s+" + _ADVERB + r"{0,2}(?:" + aims + r")\b", re.IGNORECASE)
    return step, aim, re.compile(_OPINION, re.IGNORECASE)


def plan_labels(sentences: Sequence[str], labels: Sequence[str]) -> list[str]:
    """`labels` (the story labels) with each planned step an action, and what the plan aims for, told after a
    step, a result. A sentence the story labels already read as a part stays as it is."""
    step, aim, opinion = _patterns()
    out = list(labels)
    stepped = False
    for i, text in enumerate(sentences):
        low = text.lower()
        if out[i] != "result" and out[i] != "action" and not opinion.search(low):
            if stepped and aim.search(low):
                out[i] = "result"
            elif step.search(low):
                out[i] = "action"
        stepped = stepped or out[i] == "action"
    return out


def as_planned(report: StarReport) -> StarReport:
    """The card's labels of a plan: its steps and aims labelled; the score still reads the story labels (a plan's
    step is no evidence of work done), and a quote the card labels as another part is dropped, so the card never
    quotes as the scene a sentence it shows as a step."""
    labels = tuple(plan_labels(report.sentences, report.labels))
    where = {t: lab for t, lab in zip(report.sentences, labels)}
    parts = {c: replace(getattr(report, c), evidence=tuple(e for e in getattr(report, c).evidence
                                                            if where.get(e, c) in (c, "other")))
             for c in COMPONENTS}
    return replace(report, labels=labels, **parts)
