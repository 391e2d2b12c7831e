"""The interview loop: drives the pure engine through the ports.

Speak the question, capture the answer (audio written as it arrives), transcribe,
score, decide, ask the follow-up. Every turn is committed to the store the
moment it ends, with its timings, so a crash loses at most the turn in flight.

With `resume_from` (a `coach.interview.resume.ResumePoint`), `run` continues an
interrupted session: turn indexes (and so answer audio names) go on after the
last saved turn, and the scores start with the saved ones, so the closing remarks
and the overall score cover the whole session.
"""
from __future__ import annotations

import contextlib
import copy
import threading
import time
from collections.abc import Callable, Mapping
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from coach.domain import Rubric, RoundSpec, Transcript, Turn, Timings
from coach.errors import CoachError, NoSpeechError
from coach.interview import clarify
from coach.interview import events as ev
from coach.interview.engine import Ask, InterviewEngine, NeedFollowUp, WrapUp
from coach.interview.final_pass import PendingPass
from coach.interview.prefetch import FollowUpPrefetch
from coach.interview.question_card import joined, keeps_own_card, last_per_question, widened
from coach.interview.reply import follow_up_reply, prepare_next, reply_deadline
from coach.interview.summary import closing_remarks
from coach.ports import AudioSource, FollowUpReply, Interviewer, Speaker, Store, Transcriber
from coach.scoring.scorecard import Scorecard
from coach.streaming.answer_end import WordsSoFar, question_kind
from coach.streaming.glossary import glossary_for
from coach.streaming.incremental import IncrementalTranscriber

Scorer = Callable[..., Scorecard]     # coach.scoring.score_answer


def _ms(since: float) -> int:
    return int(round((time.perf_counter() - since) * 1000))


@dataclass
class InterviewRunner:
    engine: InterviewEngine
    source: AudioSource
    transcriber: Transcriber
    interviewer: Interviewer
    speaker: Speaker
    store: Store
    scorer: Scorer
    rubrics: Mapping[str, Rubric]
    audio_root: Path                  # the data dir: audio paths are stored relative to it
    closing_template: str
    focus: Mapping[str, str] = field(default_factory=dict)
    on_event: Callable[[ev.Event], None] = lambda e: None
    no_speech: str = "raise"          # "raise" (headless) or "retry" (live: ask again)
    clock: Callable[[], float] = time.monotonic
    stop_answer: threading.Event = field(default_factory=threading.Event)
    _index: int = 0
    _command: str | None = None
    live: IncrementalTranscriber | None = None   # the answer in progress; the app reads its partial text
    speculate: bool = False           # live audio: draft the follow-up in the silence before the turn ends
    prefetch: FollowUpPrefetch | None = None
    drafts_used: int = 0              # follow-ups that were ready when the turn ended
    reply_budget_s: float = 1.0       # after the end of a turn, no second model attempt past this
    first_audio_budget_s: float | None = 2.0   # the reply's voice should start within this of the end of the turn:
                                      # a follow-up the model has not written by then, less the time the voice
                                      # lately takes to its first sound, is the bank's for the same gap
                                      # (None: wait for the model however long it takes)
    reply_deadline_s: float | None = None   # a fixed deadline for the model's question instead (tests)
    hotwords: str = ""                # the ML glossary, for priming Whisper when `prime` is on
    glossary: tuple[str, ...] = ()    # its terms: those of the question answered are sent first (glossary_for)
    prime: bool = False               # prime the live windows with the question and the glossary: off, because on
                                      # 60-second answers it dropped or repeated words (README, Jargon)
    prime_tail: bool = False          # prime the final pass (the tail) with them: off, it gained a point of WER
                                      # and cost up to 1.1 s of tail (README, --final-pass)
    prime_final: bool = True          # once the reply has started, transcribe the whole answer again primed with
                                      # the question and the glossary, and save and score that (final_pass.py)
    final_pass_wait_s: float = 30.0   # at the end of a session, how long to wait for the last answer's pass
    short_of_cores: Callable[[], bool] | None = None   # the machine leaves the coach less than two cores now: the
                                      # live transcriber goes first (the primed pass and the interviewer's cache
                                      # warm-up give way while an answer is captured)
    _capturing: threading.Event = field(default_factory=threading.Event)
    acknowledgements: tuple[str, ...] = ()   # live: said at once when an answer ends and its follow-up is not
                                      # written yet (prompts/acknowledgements.txt), so the candidate hears the
                                      # interviewer within a moment; the follow-up follows it
    _acks: int = 0
    _finals: list[PendingPass] = field(default_factory=list)   # answers' primed passes not yet applied, oldest first
    settle_s: float = 0.5             # silence before the tail is transcribed and the follow-up drafted
    draft_after_s: float | None = None   # the follow-up drafted only from this much silence (None: settle_s);
                                      # the tail may be transcribed sooner, for the end-of-turn policy's words
    _turn_ended: float | None = None  # when the candidate ended the turn: the reply deadline counts from here
    _released_at: float | None = None  # the key released (push-to-talk), before the capture has noticed
    _scores: list[Scorecard] = field(default_factory=list)
    _answers: dict[str, list[Transcript]] = field(default_factory=dict)   # each question's answers so far
    _asked_in: str = ""           # the last clarifying turn as said, for its reply
    resume_from: Any = None           # a ResumePoint: continue an interrupted session
    session_lock: Callable[[str], AbstractContextManager[Any]] | None = None   # one process per session

    def __post_init__(self) -> None:
        if self.resume_from is not None:
            self._index = self.resume_from.next_turn
            self._scores = list(self.resume_from.scores)
            at = self.resume_from
            if 0 <= at.index < len(self.engine.items) and at.answer_texts:   # the slot in progress: its answers so far
                self._answers[self.engine.items[at.index][0].id] = [Transcript(t) for t in at.answer_texts]

    def _save(self, turn: Turn, scorecard: Scorecard | None = None, earlier: tuple[str, ...] = ()) -> int | None:
        turn_id = self.store.add_turn(turn)
        self.on_event(ev.TurnSaved(turn, scorecard, earlier))
        self._index += 1
        return turn_id

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
            timings=Timings(think_ms=think_ms, speak_ms=_ms(started)),
        ))
        self.engine.spoken()

    def _hotwords(self, ask: Ask, heard: str = "") -> str | None:
        """The glossary for this question (its own terms first, and before them those the answer as
        `heard` so far names or seems to), or the whole glossary as given."""
        if self.glossary:
            question = ask.question
            return glossary_for(list(self.glossary), " ".join((question.prompt, *question.talking_points)),
                                heard=heard) or None
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
        heard = WordsSoFar(lambda: live.heard_by_now(0.0), question_kind(ask.question)) \
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
            transcribe_ms = _ms(started)
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
        card, covered = self._card(question, transcript, ask.kind, earlier)
        card = clarify.credit(card, clarified)
        self._answers.setdefault(question.id, []).append(transcript)
        turn = Turn(
            session_id=session_id, index=self._index, speaker="candidate", text=transcript.text,
            question_id=question.id, kind="answer", audio_path=str(rel) if rel else None, segments=transcript.segments,
            timings=Timings(transcribe_ms=transcribe_ms, score_ms=_ms(started)), scores=card,
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
                lambda t: clarify.credit(self._score(question, t, ask.kind, earlier), clarified), len(self._scores) - 1))
        return transcript, card

    def _start_final(self) -> None:
        """The last answer's primed pass starts as the reply is said, once the voice has had its lead
        to the first sound (the reply's first sentence renders before the pass takes the cores)."""
        if self._finals:
            lead_s = self.speaker.lead_s()
            self._finals[-1].start(self.transcriber, delay_s=0.5 if lead_s is None else lead_s, give_way=self._give_way)

    def _give_way(self) -> bool:
        """Background work (the primed pass, the cache warm-up) stands aside: an answer is being
        captured and the machine is short of cores, so the live transcriber needs the one left."""
        short = self.short_of_cores
        if not (self.speculate and self._capturing.is_set()) or short is None:
            return False
        try:
            return bool(short())
        except Exception:
            return False

    def _apply_final(self, wait_s: float | None) -> None:
        """Save and score the primed transcript in place of the live one, when it is ready (waiting up
        to `wait_s` for each, oldest first); on the runner's thread, so the store and the scores are touched only here."""
        while self._finals:
            pending = self._finals[0]
            pending.start(self.transcriber)
            if not pending.wait(wait_s):
                return
            self._finals.pop(0)
            revised = pending.revise(self.store, self._scores)
            if revised is not None:
                self.on_event(revised)

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

    def _score(self, question: Any, transcript: Transcript, after: str = "question",
               earlier: list[Transcript] | None = None) -> Scorecard:
        return self._card(question, transcript, after, earlier)[0]

    def _card(self, question: Any, transcript: Transcript, after: str = "question",
              earlier: list[Transcript] | None = None) -> tuple[Scorecard, list[Transcript]]:
        """The answer's card, and the earlier answers it was scored with. An answer to a follow-up or a
        fact change (`after`) is scored joined to the `earlier` answers to the same question (default: all
        so far), as an interviewer judges the story with what the probe drew out; one that dodges the
        probe keeps its own card (question_card.py)."""
        spec, rubric = self._round_of(question.round), self.rubrics.get(question.round)
        if after not in ("followup", "change"):
            return self.scorer(transcript, question=question, round_spec=spec, rubric=rubric), []
        own = self.scorer(transcript, question=question, round_spec=spec, rubric=rubric, followup=True)
        earlier = list(self._answers.get(question.id, ())) if earlier is None else earlier
        if not earlier or keeps_own_card(own):
            return own, []
        return self.scorer(joined(earlier, transcript), question=question,
                           round_spec=widened(spec, len(earlier) + 1), rubric=rubric), earlier

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
            action = copy.deepcopy(snapshot).answered(transcript.text, self._score(ask.question, transcript, ask.kind), self.clock())
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

    def _round_of(self, round_id: str) -> RoundSpec | None:
        for question, spec in self.engine.items:
            if spec.id == round_id:
                return spec
        return None

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
                    self._say(session_id, ask, think_ms=_ms(started))
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
                    action = self.engine.clarified(" ".join(result), said, "facts" if used else "assumption", used)
                    continue
                transcript, card = result
                action = self.engine.answered(transcript.text, card, self.clock())
            reason = action.reason
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
        values = [c.overall for c in last_per_question(self._scores)]
        return round(sum(values) / len(values), 2) if values else None

    def _close(self, session_id: str) -> None:
        if self.resume_from is not None and self.resume_from.pending == "close":
            return            # said before the interruption: the session only had to be ended
        rounds = [spec.name for _, spec in self.engine.items[: self.engine.index + 1]]
        text = closing_remarks(self.closing_template, rounds, last_per_question(self._scores), dict(self.focus))
        self.on_event(self._speaking(text))
        started = time.perf_counter()
        self._start_final()       # the closing goes by the live card; the session's score waits for the pass
        self.speaker.say(text)
        self._save(Turn(session_id=session_id, index=self._index, speaker="interviewer", text=text,
                        kind="closing", timings=Timings(speak_ms=_ms(started))))
