"""The loaded interview content and its look-up helpers."""
from __future__ import annotations

import difflib
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TypeVar

from coach.domain import GAP_IDS, LEVEL_IDS, ROUND_IDS, Plan, Question, RoundSpec, Rubric
from coach.errors import ContentError

T = TypeVar("T")


@dataclass(frozen=True)
class GapSpec:
    """One entry of `rubrics/gaps.toml`: what the gap means and generic probes for it."""

    id: str                       # one of GAP_IDS
    description: str
    followups: tuple[str, ...]    # spoken questions, each ending in "?"
    # asked instead when the question wants a past story ("Tell me about a time ..."), where a first step or a
    # rough plan does not fit; empty when the gap's own probes fit both
    story_followups: tuple[str, ...] = ()


@dataclass(frozen=True)
class DimensionSpec:
    """One `[[dimension]]` of `rubrics/rounds.toml`: the words for a dimension id, wherever it is shown."""

    id: str                       # one of DIMENSION_IDS
    name: str                     # on a scorecard
    phrase: str                   # inside a report's sentence
    short: str                    # an app column


def _unknown(kind: str, wanted: str, known: list[str], hint: str) -> ContentError:
    close = difflib.get_close_matches(wanted, known, n=3)
    extra = f"; did you mean {', '.join(close)}?" if close else ""
    return ContentError(f"no {kind} with id '{wanted}'{extra}", hint)


def _find(kind: str, table: Mapping[str, T], wanted: str, hint: str) -> T:
    """`table[wanted]`, or a ContentError naming the closest ids and where to look."""
    try:
        return table[wanted]
    except KeyError:
        raise _unknown(kind, wanted, list(table), hint) from None


@dataclass(frozen=True)
class Content:
    """Everything under `rubrics/` plus user question banks, validated."""

    rounds: dict[str, RoundSpec]
    rubrics: dict[str, Rubric]
    questions: dict[str, Question]
    plans: dict[str, Plan]
    gaps: dict[str, GapSpec]
    sources: tuple[str, ...] = field(default=())   # files read, for diagnostics
    dimensions: dict[str, DimensionSpec] = field(default_factory=dict)

    def questions_for(self, round: str | None = None, level: str | None = None) -> list[Question]:
        """Questions of a round and/or level, in file order."""
        if round is not None and round not in ROUND_IDS:
            raise _unknown("round", round, list(ROUND_IDS), f"rounds are: {', '.join(ROUND_IDS)}")
        if level is not None and level not in LEVEL_IDS:
            raise _unknown("level", level, list(LEVEL_IDS), f"levels are: {', '.join(LEVEL_IDS)}")
        return [
            q for q in self.questions.values()
            if (round is None or q.round == round) and (level is None or level in q.levels)
        ]

    def question(self, id: str) -> Question:
        return _find("question", self.questions, id,
                     "run `coach questions list` (filter with --round/--level) to see question ids")

    def rubric(self, round: str) -> Rubric:
        return _find("rubric", self.rubrics, round, f"rubrics exist for: {', '.join(self.rubrics)}")

    def round(self, id: str) -> RoundSpec:
        return _find("round", self.rounds, id, f"rounds are: {', '.join(self.rounds)}")

    def plan(self, id: str) -> Plan:
        return _find("plan", self.plans, id, f"plans are: {', '.join(self.plans)}")

    def gap(self, id: str) -> GapSpec:
        return _find("gap", self.gaps, id, f"gaps are: {', '.join(GAP_IDS)}")
