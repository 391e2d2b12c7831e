"""The loaded interview content and its look-up helpers."""
from __future__ import annotations

import difflib
from dataclasses import dataclass, field

from coach.domain import GAP_IDS, LEVEL_IDS, ROUND_IDS, Plan, Question, RoundSpec, Rubric
from coach.errors import ContentError


@dataclass(frozen=True)
class GapSpec:
    """One entry of `rubrics/gaps.toml`: what the gap means and generic probes for it."""

    id: str                       # one of GAP_IDS
    description: str
    followups: tuple[str, ...]    # spoken questions, each ending in "?"


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
        try:
            return self.questions[id]
        except KeyError:
            raise _unknown(
                "question", id, list(self.questions),
                "run `coach questions list` (filter with --round/--level) to see question ids",
            ) from None

    def rubric(self, round: str) -> Rubric:
        try:
            return self.rubrics[round]
        except KeyError:
            raise _unknown("rubric", round, list(self.rubrics),
                           f"rubrics exist for: {', '.join(self.rubrics)}") from None

    def round(self, id: str) -> RoundSpec:
        try:
            return self.rounds[id]
        except KeyError:
            raise _unknown("round", id, list(self.rounds),
                           f"rounds are: {', '.join(self.rounds)}") from None

    def plan(self, id: str) -> Plan:
        try:
            return self.plans[id]
        except KeyError:
            raise _unknown("plan", id, list(self.plans),
                           f"plans are: {', '.join(self.plans)}") from None

    def gap(self, id: str) -> GapSpec:
        try:
            return self.gaps[id]
        except KeyError:
            raise _unknown("gap", id, list(self.gaps), f"gaps are: {', '.join(GAP_IDS)}") from None
