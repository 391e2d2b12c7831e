"""The reply to an answer in a live conversation: the follow-up drafted in the candidate's
silences, an acknowledgement said while it is written, the deadline it must meet, and the
lines the voice renders ahead (reply.py, prefetch.py)."""
from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from coach.domain import Transcript
from coach.interview import clarify
from coach.interview.answer_scoring import AnswerScoring
from coach.interview.engine import Ask, InterviewEngine, NeedFollowUp
from coach.interview.prefetch import FollowUpPrefetch
from coach.interview.primed_passes import PrimedPasses
from coach.interview.question_card import last_per_question
from coach.interview.reply import follow_up_reply, prepare_next, reply_deadline
from coach.ports import FollowUpReply
from coach.streaming.incremental import IncrementalTranscriber


class LiveReply(AnswerScoring, PrimedPasses):
    def _prepare_next(self) -> None:
        """While the candidate answers, the voice renders the lines that may come next (reply.py)."""
        if self.speculate:
            if self.acknowledgements:
                self.speaker.prepare(self._ack_line())
            prepare_next(self.engine, self.speaker, self.closing_template, last_per_question(self._scores),
                         self.focus)

    def _ack_line(self) -> str:
        return self.acknowledgements[self._acks % len(self.acknowledgements)]

    def _acknowledge(self, action: NeedFollowUp) -> None:
        """A live answer needs a follow-up that is not written yet: say a short acknowledgement now
        (rendered ahead), while the draft from the silence goes on being written."""
        prefetch = self.prefetch
        if not (self.speculate and self.acknowledgements) or (prefetch is not None and prefetch.ready(action)):
            return
        line = self._ack_line()
        self._acks += 1
        self.speaker.say(line)

    def _speculating(self, ask: Ask, live: IncrementalTranscriber) -> Callable[[Any], None]:
        """Feed the live transcriber, and draft the follow-up whenever the candidate falls silent."""
        prefetch = self.prefetch = FollowUpPrefetch(self.interviewer, self._planner(ask, copy.deepcopy(self.engine)),
                                                    ask.question, hold=self._give_way,
                                                    draft_after_s=self.draft_after_s or 0.0)

        def on_chunk(block: Any) -> None:
            live.feed(block)
            prefetch.on_chunk(live)
        return on_chunk

    def _planner(self, ask: Ask, snapshot: InterviewEngine) -> Callable[[Transcript], NeedFollowUp | None]:
        """What the engine would do after this transcript, asked of a copy taken before the answer."""
        def plan(transcript: Transcript) -> NeedFollowUp | None:
            if snapshot.takes_clarification() and clarify.clarifying_questions(transcript.text):
                return None    # the interviewer will answer it from the facts: nothing to draft
            card = self._score(ask.question, transcript, ask.kind, gap=ask.gap)
            action = copy.deepcopy(snapshot).answered(transcript.text, card, self.clock())
            return action if isinstance(action, NeedFollowUp) else None
        return plan

    def _follow_up(self, action: NeedFollowUp) -> FollowUpReply:
        """The drafted follow-up if one matches, else the model's, else the bank's (reply.py)."""
        prefetch, self.prefetch = self.prefetch, None
        reply = follow_up_reply(action, self.interviewer, self.speaker, prefetch, self._turn_ended,
                                self._reply_deadline(), self.reply_budget_s)
        if prefetch is not None and prefetch.used:
            self.drafts_used += 1
        return reply

    def _reply_deadline(self) -> float | None:
        """Seconds after the end of the turn by which the model's question must be written (reply.py).
        Only in a live conversation (`speculate`): an answer from a file waits for the model."""
        if self.reply_deadline_s is not None or self.first_audio_budget_s is None or not self.speculate:
            return self.reply_deadline_s
        return reply_deadline(self.speaker, self.first_audio_budget_s)

    def _drop_draft(self) -> None:
        prefetch, self.prefetch = self.prefetch, None
        if prefetch is not None:
            prefetch.cancel()
