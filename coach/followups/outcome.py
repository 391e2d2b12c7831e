"""A story whose last step is read as its result: the follow-up asks what came of it.

The scorer's STAR labels call a closing sentence a result when it comes after the steps; a closing
sentence that only tells more steps ("Based on that I stopped training on anything younger than six
weeks and added a check that fails the run ...", "... and proposed something smaller instead: ...")
says what the candidate did last, not what came of it, and a strong interviewer asks for the
outcome. A closing sentence is a step when a first-person subject (or an "and" carrying it on) does
something in the past; it tells an outcome when it names a measure that moved, a decision that
landed or what came of it (prompts/followup_words.toml `[outcome]`), or a change "from X to Y" or
"by N". Pure: reads the scorecard only.
"""
from __future__ import annotations

import re
from functools import lru_cache

from coach.domain import Question
from coach.followups.words import word_list
from coach.scoring.gaps import Gap
from coach.scoring.scorecard import Scorecard
from coach.scoring.text import quote

STORY_ROUNDS = ("behavioral", "deep-dive", "hiring-manager", "cross-functional", "recruiter")
# what a story with no outcome told is probed with, as the scorer's own gap for it
SEVERITY = 0.8
# a gap already raised that this rule leaves alone: the story has none to add to, or its outcome is probed already
SETTLED = ("no_result", "non_answer", "off_topic")
NONE_TOLD = "no sentence states an outcome"       # the scorer's evidence when it found no outcome at all
_CHANGE = re.compile(r"\bfrom\b[^.;:]{1,40}\bto\b|\bby (?:about |around |roughly )?\d|\d\s*(?:%|x\b)", re.IGNORECASE)


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    outcome = {w for name in ("moved", "landed", "came_of") for w in word_list("outcome", name)}
    told = re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, outcome))) + r")\b", re.IGNORECASE)
    verbs = "|".join(sorted(map(re.escape, word_list("outcome", "irregular_steps"))))
    step = re.compile(r"\b(?:i|we|and)\s+(?:[a-z]+ly\s+|then\s+|also\s+)?(?:[a-z]{3,}ed|" + verbs + r")\b",
                      re.IGNORECASE)
    return told, step


@lru_cache(maxsize=1)
def _moved_it() -> re.Pattern[str]:
    verbs = "|".join(sorted(map(re.escape, word_list("outcome", "moved_it"))))
    figure = r"(?:\d|(?:a |one |two |three |four |five |six |seven |eight |nine |ten |twenty |thirty |forty |fifty |" \
             r"sixty |seventy |eighty |ninety |hundred |half))"
    return re.compile(r"\b(?:i|we)\s+(?:" + verbs + r")\b[^.;:]{0,50}?\b(?:to|by)\s+(?:about\s+|around\s+|roughly\s+)?"
                      + figure, re.IGNORECASE)


def moved_a_measure(sentence: str) -> bool:
    """Did the candidate move a measure to or by a figure ("we brought the p99 down to thirty milliseconds")?"""
    return bool(_moved_it().search(sentence))


def tells_outcome(sentence: str) -> bool:
    """Does the sentence tell what came of the work (a measure moved, a decision landed, a change from X to Y)?"""
    told, _ = _patterns()
    return bool(told.search(sentence) or _CHANGE.search(sentence))


def is_step(sentence: str) -> bool:
    """Does the sentence tell something done ("I pulled ...", "we rebuilt ...", "... and proposed ...")?"""
    return bool(_patterns()[1].search(sentence))


def closing_step(card: Scorecard, question: Question | None) -> Gap | None:
    """The no_result gap of a past story whose every "result" sentence is a step with no outcome told, or None
    (a plan, a design, an answer with its outcome already probed, or a result that says what came of it)."""
    if question is None or question.round not in STORY_ROUNDS or question.hypothetical:
        return None
    if any(g.id in SETTLED for g in card.gaps):
        return None
    star = card.star
    results = [s for s, label in zip(star.sentences, star.labels) if label == "result"]
    if not results or not star.sentences or star.sentences[-1] not in results:
        return None
    if all(is_step(s) and not tells_outcome(s) for s in results):
        return Gap("no_result", SEVERITY, f'{NONE_TOLD}; it ends: "{quote(star.sentences[-1], 100)}"')
    return None


_REASON = re.compile(r"\b(?:since|because|as)\s+(?:the|a|an|it|they|we|i|our|their|there|that|no)\b.*$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _started() -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(map(re.escape, word_list("outcome", "started"))) + r")\b", re.IGNORECASE)


def ends_at_the_start(card: Scorecard, question: Question | None) -> Gap | None:
    """The no_result gap of a past story that ends as the work starts ("So I recommended building on the
    open-source tool, got the two engineers assigned, and we started with the review step since ..."): its last
    sentence a step that starts something and tells no outcome (its reason, "since ...", aside), and no change
    told anywhere ("from X to Y", "by N", a measure moved to a figure); else None."""
    if question is None or question.round not in STORY_ROUNDS or question.hypothetical:
        return None
    if any(g.id in SETTLED for g in card.gaps) or not card.star.sentences:
        return None
    last = _REASON.sub("", card.star.sentences[-1])
    if not (is_step(last) and _started().search(last)) or tells_outcome(last):
        return None
    if any(_CHANGE.search(s) or moved_a_measure(s) for s in card.star.sentences):
        return None
    return Gap("no_result", SEVERITY, f'{NONE_TOLD}; it ends: "{quote(card.star.sentences[-1], 100)}"')


def outcome_told_early(card: Scorecard) -> bool:
    """Was the outcome told before the last steps? The scorer reads a "result" before every step as the problem
    that set the story off; one in which the candidate moved a measure to a figure is the outcome itself."""
    star = card.star
    return any(label == "result" and moved_a_measure(s) for s, label in zip(star.sentences, star.labels))


def gaps_to_probe(card: Scorecard, question: Question | None) -> list[Gap]:
    """The card's gaps, a story's closing step read as no outcome told (`closing_step`) and an outcome told
    before the last steps as told (`outcome_told_early`), by severity; an answer that declines the question
    (`coach.followups.sidestep`) has the one gap, non_answer; a saving worked out wrong from the answer's own
    before and after figures (`coach.followups.savings`) is a wrong figure."""
    from coach.followups.sidestep import sidestep      # (it reads this module's step rule)

    declined = sidestep(card, question)
    if declined is not None:
        return [declined]           # as the scorer's own non-answer: the only gap
    from coach.followups.savings import saving_gap

    extra = closing_step(card, question) or ends_at_the_start(card, question)
    gaps = list(card.gaps) + [g for g in (extra, saving_gap(card)) if g is not None]
    if question is not None and question.round in STORY_ROUNDS and outcome_told_early(card):
        gaps = [g for g in gaps if not (g.id == "no_result" and g.evidence.startswith(NONE_TOLD))]
    return sorted(gaps, key=lambda g: -g.severity)       # stable: the scorer's order among equals
