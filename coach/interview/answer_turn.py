"""One candidate turn: the answer captured (audio written as it arrives, transcribed while the
candidate speaks), then saved either as a clarifying question (never scored) or as a scored answer,
its primed pass queued."""
from __future__ import annotations

import time
from pathlib import Path

from coach.domain import Transcript, Turn, Timings
from coach.errors import NoSpeechError
from coach.interview import clarify
from coach.interview import events as ev
from coach.interview.engine import Ask
from coach.interview.final_pass import PendingPass
from coach.interview.live_reply import LiveReply
from coach.interview.runner_state import ms_since
from coach.scoring.scorecard import Scorecard
from coach.streaming.answer_end import WordsSoFar, question_kind
from coach.streaming.glossary import glossary_for
from coach.streaming.incremental import IncrementalTranscriber


class AnswerTurn(LiveReply):
    def _hotwords(self, ask: Ask, heard: str = "") -> str | None:
        """The glossary for this question (its own terms first, and before them those the answer as
        `heard` so far names or seems to, by word or by sound), or the whole glossary as given."""
        if self.glossary:
            question = ask.question
            return glossary_for(list(self.glossary), " ".join((question.prompt, *question.talking_points)),
                                heard=heard, sounds=getattr(self.transcriber, "sounds_near", None)) or None
        return self.hotwords or None

    def _clarifying(self, text: str) -> list[str]:
        """The candidate's clarifying questions, when this turn asks about a question that has facts."""
        return clarify.clarifying_questions(text) if self.engine.takes_clarification() else []

    def _answer(self, session_id: str, ask: Ask) -> tuple[Transcript, Scorecard] | list[str] | None:
        rel = Path("audio") / session_id / f"{self._index:03d}-answer.wav"
        self._apply_final(wait_s=0.0)
        self.on_event(ev.Listening(ask.text))
        self.stop_answer.clear()
        self._released_at = None
        self._prepare_next()
        hotwords = self._hotwords(ask)
        live = self.live = IncrementalTranscriber(self.transcriber, settle_s=self.settle_s,   # transcribes while
                                                  prompt=ask.text if self.prime else None,  # they speak
                                                  hotwords=hotwords if self.prime else None,
                                                  tail_prompt=ask.text if self.prime_tail else None,
                                                  tail_hotwords=hotwords if self.prime_tail else None,
                                                  background=True)
        on_chunk = self._speculating(ask, live) if self.speculate else live.feed
        heard = WordsSoFar(lambda: live.heard_by_now(0.0), question_kind(ask.question), ask.question) \
            if self.speculate else None         # the end-of-turn policy weighs it
        self._capturing.set()
        try:
            captured = self.source.capture(self.audio_root / rel, stop=self.stop_answer, on_chunk=on_chunk,
                                           words_so_far=heard)
        finally:
            self._capturing.clear()
        # the key's release, not the moment the capture loop saw it: a busy machine may lag a block or two
        released, now = self._released_at, time.perf_counter()
        self._turn_ended = min(now, released) if released is not None else now
        if self._command:      # repeat, skip or end pressed mid-answer: the audio stays on disk, unscored
            return None
        if captured.cut_short:
            self.on_event(ev.AudioCutShort(captured.cut_short))
        if captured.typed is not None:
            transcript, transcribe_ms, rel = Transcript(text=captured.typed.strip()), None, None  # type: ignore[assignment]
        else:
            self.on_event(ev.Transcribing(captured.duration_s))
            started = time.perf_counter()
            transcript = live.finish()          # only the tail is left to transcribe
            transcribe_ms = ms_since(started)
        # the previous answer's primed pass, done by now on a quiet machine; live, one still running (beside other
        # jobs it took 23 s and held the closing 5 s) is applied later, not waited for before the reply
        self._apply_final(wait_s=0.0 if self.speculate else self.final_pass_wait_s)
        if transcript.is_empty:
            self.on_event(ev.NoSpeech(str(rel or "")))
            if self.no_speech == "raise":
                raise NoSpeechError(f"no speech detected in {captured.source or rel}",
                                    "record the answer again, closer to the microphone")
            return None
        question = ask.question
        asked = self._clarifying(transcript.text)
        if asked:              # a question about the problem, not an answer: saved as such, never scored
            self._save(Turn(
                session_id=session_id, index=self._index, speaker="candidate", text=transcript.text,
                question_id=question.id, kind="clarification", audio_path=str(rel) if rel else None,
                segments=transcript.segments, timings=Timings(transcribe_ms=transcribe_ms),
                duration_ms=int(captured.duration_s * 1000),
            ))
            self._asked_in = transcript.text     # the whole turn: its other sentences can name the fact asked for
            return asked
        started = time.perf_counter()
        clarified = list(self.engine.current.clarified)
        earlier = list(self._answers.get(question.id, ()))
        card, covered = self._card(question, transcript, ask.kind, earlier, ask.gap)
        card = clarify.credit(card, clarified)
        self._answers.setdefault(question.id, []).append(transcript)
        turn = Turn(
            session_id=session_id, index=self._index, speaker="candidate", text=transcript.text,
            question_id=question.id, kind="answer", audio_path=str(rel) if rel else None, segments=transcript.segments,
            timings=Timings(transcribe_ms=transcribe_ms, score_ms=ms_since(started)), scores=card,
            duration_ms=int(captured.duration_s * 1000),
        )
        turn_id = self._save(turn, card, tuple(t.text for t in covered))
        self._scores.append(card)
        if rel is not None and turn_id is not None and self.prime_final and getattr(self.transcriber, "primes", False):
            # the glossary picked for the answer's words on the pass's thread: over a minute's answer it took
            # 0.3-0.7 s, which the reply waited for
            said = transcript.text
            self._finals.append(PendingPass(
                turn_id, turn, live.audio(), ask.text, lambda: self._hotwords(ask, said),
                lambda t: clarify.credit(self._score(question, t, ask.kind, self._answers[question.id][:len(earlier)], ask.gap),
                                         clarified), len(self._scores) - 1))
        return transcript, card
