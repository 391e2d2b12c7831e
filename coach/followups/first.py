"""Which open gap the interviewer probes first, where that is not simply the scorer's most severe one.

The scorer ranks a wrong figure above everything but a non-answer (coach/scoring/gaps.py). In a design that is
right for a slip of an order of magnitude: every later figure rests on it. A figure a few times off its own
inputs is different: a design's figures are the candidate's own choices (a peak above the average, headroom,
a replica count), and a strong interviewer asks first for what the design is missing (the requirements never
asked, the option never weighed, nothing watched once live) and comes back to the figure afterwards. The
figure stays open: it is the next probe, or the feedback's.

A story or a plan that waves its question's subject past with a placeholder ("there were the usual data issues,
and we dealt with them as they came up") and leaves half or more of the question's points out has not answered what
was asked: the point left out is asked for before its result or its "we" (the phrases: rubrics/answer_words.toml
`[glossed]`). A design's own missing pieces still come first.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from coach.content.answer_words import phrases, word_list

from coach.followups.findings import Finding
from coach.scoring.gaps import Gap
from coach.scoring.rubric import DESIGN_ROUNDS
from coach.scoring.scorecard import Scorecard
from coach.scoring.text import quote

# A design figure within this factor of what its inputs give is a few-fold difference, not a slip of an order
# of magnitude (the labelled wrong figures are 8x off or more; peaks, headroom and spares are 2-5x).
FEW_FOLD = 6.0
# A point left out, probed when nothing the scorer found is open (below every gap it ranks; the engine's floor).
POINT_LEFT_OUT = 0.2
# A design's own missing pieces (no clarifying 0.7, no trade-off 0.65, no monitoring 0.6, no numbers 0.8).
KEY_GAP = 0.6


def off_by(card: Scorecard, gap: Gap) -> float | None:
    """How many times the wrong figure of a `bad_math` gap is off its own inputs, else None."""
    check = Finding.of(card, gap).check
    if check is None or check.stated <= 0 or check.expected <= 0:
        return None
    return max(check.stated, check.expected) / min(check.stated, check.expected)


# Gaps asked about before any point left out: no answer at all, or a figure that does not add up.
_BEFORE_ANY_POINT = ("non_answer", "off_topic", "bad_math")


@lru_cache(maxsize=1)
def _placeholder() -> re.Pattern[str]:
    heads = "|".join(map(re.escape, phrases("glossed", "heads")))
    nouns = "|".join(map(re.escape, word_list("glossed", "nouns")))
    said = "|".join(map(re.escape, phrases("glossed", "phrases")))
    return re.compile(rf"(?<![a-z])(?:(?:{heads})(?: [a-z-]+){{0,2}} (?:{nouns})|{said})(?![a-z])", re.IGNORECASE)


def glossed(answer: str) -> str | None:
    """The placeholder with which the answer waves a subject past ("the usual data issues"), else None."""
    m = _placeholder().search(" ".join(answer.replace("\u2019", "'").split()))
    return m.group(0) if m else None


def probe_order(gaps: Sequence[Gap], card: Scorecard, round_id: str, answer: str = "") -> list[Gap]:
    """`gaps` (the scorer's order, most severe first) in the order the interviewer probes them: in a design, a
    figure only a few times off goes after the design's own missing pieces; after an answer that glosses over what
    was asked (`glossed`), the points it left out come first."""
    out = list(gaps)
    left_out = next((g for g in out if g.id == "missing_point"), None)
    if left_out is not None and round_id not in DESIGN_ROUNDS and out[0].id not in _BEFORE_ANY_POINT \
            and glossed(answer):
        return [left_out, *(g for g in out if g is not left_out)]
    if round_id not in DESIGN_ROUNDS or not out or out[0].id != "bad_math":
        return out
    factor = off_by(card, out[0])
    if factor is None or factor >= FEW_FOLD or not any(g.severity >= KEY_GAP for g in out[1:]):
        return out
    return [*(g for g in out[1:] if g.severity >= KEY_GAP), out[0], *(g for g in out[1:] if g.severity < KEY_GAP)]


def point_left_out(card: Scorecard) -> Gap | None:
    """After a first answer with nothing open, the talking points it never reached as a `missing_point` gap, else
    None. The scorer ranks a point missed in a story, a plan or an opinion as a gap only when half or more are
    missed, and an answer can clear every check it makes and still leave out what the question asks (the costs
    of a view held one way, a step of the story): a strong interviewer does not move on from that, it asks about
    the point left out (the bank's follow-up for it)."""
    missed = card.talking_points.missed
    if not missed:
        return None
    names = "; ".join(f'"{quote(p.point, 60)}"' for p in missed[:3])
    return Gap("missing_point", POINT_LEFT_OUT,
               f"missed {len(missed)} of {card.talking_points.total} talking points: {names}")


def _about(point: str, subjects: Sequence[str]) -> bool:
    low = point.lower()
    return any(re.search(r"(?<![a-z])" + re.escape(w), low) for w in subjects)


def past_answered(gap: Gap, card: Scorecard, answered: set[str] | frozenset[str]) -> Gap | None:
    """A `missing_point` gap less the points about what a probe already answered asked for (prompts/followup_words.toml
    `[point_subjects]`: told "what alternative did you consider?", the reply that named two vendor tools and their
    price has given "the options considered", in its own words); None when no point is left. Other gaps as they are."""
    from coach.followups import words

    subjects = [w for g in answered for w in words.phrase_table("point_subjects").get(g, ())]
    if gap.id != "missing_point" or not subjects:
        return gap
    missed = [p for p in card.talking_points.missed if not _about(p.point, subjects)]
    if len(missed) == len(card.talking_points.missed):
        return gap
    if not missed:
        return None
    names = "; ".join(f'"{quote(p.point, 60)}"' for p in missed[:3])
    return Gap(gap.id, gap.severity, f"missed {len(missed)} of {card.talking_points.total} talking points: {names}")
