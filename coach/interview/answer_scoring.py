"""Scoring an answer within the session: alone, or joined to the earlier answers to its question."""
from __future__ import annotations

from typing import Any

from coach.domain import RoundSpec, Transcript
from coach.interview.question_card import joined, keeps_own_card, widened
from coach.interview.runner_state import RunnerState
from coach.scoring.scorecard import Scorecard


class AnswerScoring(RunnerState):
    def _score(self, question: Any, transcript: Transcript, after: str = "question",
               earlier: list[Transcript] | None = None, gap: str | None = None) -> Scorecard:
        return self._card(question, transcript, after, earlier, gap)[0]

    def _card(self, question: Any, transcript: Transcript, after: str = "question",
              earlier: list[Transcript] | None = None, gap: str | None = None) -> tuple[Scorecard, list[Transcript]]:
        """The answer's card, and the earlier answers it was scored with. An answer to a follow-up or a
        fact change (`after`) is scored joined to the `earlier` answers to the same question (default: all
        so far), as an interviewer judges the story with what the probe drew out; one that dodges the
        probe keeps its own card (question_card.py). `gap`: what the follow-up probed; an answer to "what was the
        situation?" (no_context) is joined before the story, where its scene belongs."""
        spec, rubric = self._round_of(question.round), self.rubrics.get(question.round)
        if after not in ("followup", "change"):
            return self.scorer(transcript, question=question, round_spec=spec, rubric=rubric), []
        own = self.scorer(transcript, question=question, round_spec=spec, rubric=rubric, followup=True)
        earlier = list(self._answers.get(question.id, ())) if earlier is None else earlier
        if not earlier or keeps_own_card(own):
            return own, []
        earlier = [t for t in earlier if not keeps_own_card(self.scorer(t, question=question, round_spec=spec,
                                                                        rubric=rubric))]
        if not earlier:         # all said before was no answer: this is the answer, judged as one
            return self.scorer(transcript, question=question, round_spec=spec, rubric=rubric), []
        return self.scorer(joined(earlier, transcript, context_first=gap == "no_context"), question=question,
                           round_spec=widened(spec, len(earlier) + 1), rubric=rubric), earlier

    def _round_of(self, round_id: str) -> RoundSpec | None:
        for question, spec in self.engine.items:
            if spec.id == round_id:
                return spec
        return None
