"""The interview loop: drives the pure engine through the ports.

Speak the question, capture the answer (audio written as it arrives), transcribe,
score, decide, ask the follow-up. Every turn is committed to the store the
moment it ends, with its timings, so a crash loses at most the turn in flight.

With `resume_from` (a `coach.interview.resume.ResumePoint`), `run` continues an
interrupted session: turn indexes (and so answer audio names) go on after the
last saved turn, and the scores start with the saved ones, so the closing remarks
and the overall score cover the whole session.

The runner's parts live beside it: what it holds (runner_state.py), one candidate
turn (answer_turn.py), scoring within the session (answer_scoring.py), the live
reply (live_reply.py) and the primed passes (primed_passes.py).
"""
from __future__ import annotations

import contextlib
import time

from coach.domain import ENDED_EARLY, NO_ANSWERS, Turn, Timings
from coach.errors import CoachError, NoSpeechError
from coach.interview import clarify
from coach.interview import events as ev
from coach.interview.answer_turn import AnswerTurn
from coach.interview.engine import Ask, NeedFollowUp, WrapUp
from coach.interview.question_card import last_per_question, session_overall
from coach.interview.runner_state import RunnerState, Scorer, ms_since
from coach.interview.summary import closing_remarks, unscored_closing

__all__ = ["InterviewRunner", "RunnerState", "Scorer"]


class InterviewRunner(AnswerTurn):
    """The whole interview over the ports; constructed with `RunnerState`'s fields."""

    def _speaking(self, text: str) -> ev.Speaking:
        """The event for `text`, with where the interview stands (read here, on the runner's thread)."""
        engine = self.engine
        questions = self.questions
        if engine.index < 0 or engine.state == "done" or engine.last_ask is None:
            return ev.Speaking(text, kind="closing" if engine.state == "done" else "", questions=questions)
        spec = engine.current.round
        return ev.Speaking(text, kind=engine.last_ask.kind, gap=engine.last_ask.gap,
                           question_no=len({q.id for q, _ in engine.items[: engine.index + 1]}), questions=questions,
                           round_id=spec.id, round_name=spec.name, round_minutes=spec.time_box_minutes)

    def _say(self, session_id: str, ask: Ask, think_ms: int | None = None) -> None:
        self.on_event(self._speaking(ask.text))
        started = time.perf_counter()
        speak_over = getattr(self.source, "speak_over", None)    # headphones: the candidate may talk over it
        if speak_over is not None:
            self._start_final()
            speak_over(lambda: self.speaker.say(ask.text), self.speaker.stop)
        else:
            self._start_final()
            self.speaker.say(ask.text)
        self._apply_final(wait_s=0.0)
        self._save(Turn(
            session_id=session_id, index=self._index, speaker="interviewer", text=ask.text,
            question_id=ask.question.id, kind=ask.kind, gap=ask.gap, source=ask.source,
            timings=Timings(think_ms=think_ms, speak_ms=ms_since(started)),
        ))
        self.engine.spoken()

    def request(self, command: str) -> None:
        """From another thread (the TUI): "repeat", "skip" or "end". Cuts speech and the answer short."""
        if command not in ("repeat", "skip", "end"):
            raise ValueError(f"unknown command {command!r}")
        self._command = command
        self.speaker.stop()
        self.stop_answer.set()

    def finish_answer(self) -> None:
        """From another thread (the TUI): the candidate has finished answering (push-to-talk released)."""
        self._released_at = time.perf_counter()
        self.stop_answer.set()

    def heard_so_far(self) -> str:
        """From another thread: the answer in progress as transcribed so far ("" between answers)."""
        live = self.live
        return live.partial_text if live is not None else ""

    @property
    def questions(self) -> int:
        """Distinct questions in the session's plan."""
        return len({q.id for q, _ in self.engine.items})

    def _take_command(self) -> str | None:
        command, self._command = self._command, None
        return command


    def run(self, session_id: str) -> str:
        """Run the whole interview for an already started session (or, with `resume_from`, an
        interrupted one); returns its final status. With `session_lock`, a session another
        process is running is refused before anything is written."""
        with self.session_lock(session_id) if self.session_lock else contextlib.nullcontext():
            if self.resume_from is not None:
                saved = self.store.turns(session_id)
                if (max((t["idx"] for t in saved), default=-1) + 1) != self.resume_from.next_turn:
                    raise CoachError(f"session {session_id} changed while it was being resumed",
                                     "resume it again to go on from its latest turn")
                self.store.resume_session(session_id)
            return self._run(session_id)

    def _run(self, session_id: str) -> str:
        self.on_event(ev.SessionStarted(session_id))
        action = self.engine.start(self.clock(), at=self.resume_from)
        status, reason = "completed", ""
        try:
            while not isinstance(action, WrapUp):
                if isinstance(action, NeedFollowUp):
                    self.on_event(ev.Thinking(action.gap))
                    started, drafted = time.perf_counter(), self.drafts_used
                    self._acknowledge(action)
                    reply = self._follow_up(action)
                    self.on_event(ev.FollowUpReady(reply.gap, reply.source, self.drafts_used > drafted,
                                                   reply.first_token_at, reply.tokens, reply.generation_s,
                                                   reply.late))
                    ask = self.engine.followup_ready(reply.question, reply.gap, reply.source)
                    self._say(session_id, ask, think_ms=ms_since(started))
                else:
                    self._drop_draft()
                    self._say(session_id, action)
                    ask = action
                try:
                    result = None if self._command else self._answer(session_id, ask)
                except CoachError as exc:
                    if type(exc).__name__ != "AnswersExhausted":
                        raise
                    action = self.engine.end("no more answers")
                    continue
                command = self._take_command()
                if command == "repeat":
                    action = self.engine.repeat()
                    continue
                if command == "skip":
                    action = self.engine.skip(self.clock())
                    continue
                if command == "end":
                    action = self.engine.end()
                    continue
                if result is None:      # silence in live mode: ask again
                    action = self.engine.repeat()
                    continue
                if isinstance(result, list):    # a clarifying question: answered from the facts
                    said, used = clarify.reply(result, self.engine.facts_now(), given=self.engine.facts_given(),
                                               said=self._asked_in)
                    self._clarifications.append(tuple(used))
                    action = self.engine.clarified(" ".join(result), said, "facts" if used else "assumption", used)
                    continue
                transcript, card = result
                action = self.engine.answered(transcript.text, card, self.clock())
            reason = action.reason
            asked, planned = self.engine.questions_asked()
            if not self._scores:            # nothing answered: a session, but no practice to count
                status = NO_ANSWERS
            elif reason in ("ended by candidate", "no more answers") and asked < planned:
                status, reason = ENDED_EARLY, f"{reason}, after {asked} of {planned} questions"
            self._close(session_id)
        except NoSpeechError:
            status, reason = "failed", "no speech"
            raise
        except CoachError:
            status, reason = "failed", "error"
            raise
        except BaseException:
            status, reason = "interrupted", "interrupted"
            raise
        finally:
            self._drop_draft()
            if status != "interrupted":      # the last answer's primed pass, if the session ended early
                with contextlib.suppress(CoachError):
                    self._apply_final(wait_s=self.final_pass_wait_s)
            overall = self.overall()
            self.store.end_session(session_id, status=status, overall=overall)
            self.on_event(ev.SessionEnded(session_id, status, reason, overall))
        return status

    def overall(self) -> float | None:
        return session_overall((c.question_id, c.overall) for c in self._scores)

    def _close(self, session_id: str) -> None:
        if self.resume_from is not None and self.resume_from.pending == "close":
            return            # said before the interruption: the session only had to be ended
        rounds = [spec.name for _, spec in self.engine.items[: self.engine.index + 1]]
        scores = last_per_question(self._scores)
        text = closing_remarks(self.closing_template, rounds, scores, dict(self.focus)) if scores or not self.unscored \
            else unscored_closing(self.unscored, rounds, self._clarifications)
        self.on_event(self._speaking(text))
        started = time.perf_counter()
        self._start_final()       # the closing goes by the live card; the session's score waits for the pass
        self.speaker.say(text)
        self._save(Turn(session_id=session_id, index=self._index, speaker="interviewer", text=text,
                        kind="closing", timings=Timings(speak_ms=ms_since(started))))
