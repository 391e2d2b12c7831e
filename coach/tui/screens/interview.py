"""The interview: question, round clock, level meter, live transcript, scorecard, answers.

The runner runs in a thread worker; its events arrive as `RunnerEvent` messages.
Answers reach it through an `AnswerQueueSource`: the microphone (space, or
hands-free), a typed answer, or an audio file path. In practice mode the runner
waits after each scored answer until the candidate presses enter.
"""
from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Header, Input, Static

from coach.errors import AudioError, CoachError
from coach.interview import events as ev
from coach.progress.labels import gap_phrase
from coach.tui.messages import InputLevel, InterviewDone, PartialTranscript, RunnerEvent, WorkerError
from coach.tui.format import PLAN_NAMES, status_words
from coach.tui.screen import CoachScreen
from coach.tui.widgets.footer import Footer
from coach.tui.widgets.level_meter import LevelMeter
from coach.scoring.scorecard import Scorecard
from coach.tui.widgets.scorecard_view import ScorecardView
from coach.tui.widgets.timer import RoundTimer
from coach.tui.wiring import LiveAudio, SessionRequest, wire_session

END_CONFIRM_S = 4.0          # a second e within this many seconds ends the session

STATES = {
    "loading": ("◌ LOADING", "cyan"),
    "speaking": ("◉ SPEAKING", "magenta"),
    "thinking": ("… THINKING", "yellow"),
    "waiting": ("○ YOUR TURN", "green"),
    "recording": ("● RECORDING", "bold red"),
    "paused": ("‖ PAUSED", "yellow"),
    "transcribing": ("✎ TRANSCRIBING", "cyan"),
    "scoring": ("✎ SCORING", "cyan"),
    "feedback": ("★ FEEDBACK", "green"),
    "done": ("■ DONE", "dim"),
}


class InterviewScreen(CoachScreen):
    """One interview session, from the first question to the closing remarks."""

    BINDINGS = [
        Binding("space", "record", "Record/stop"),
        Binding("enter", "continue", "Continue", show=False),
        Binding("r", "command('repeat')", "Repeat"),
        Binding("s", "command('skip')", "Skip"),
        Binding("p", "pause", "Pause"),
        Binding("e", "command('end')", "End (e e)"),
        Binding("h", "toggle_hands_free", "Hands-free", show=False),
        Binding("escape", "stop_speech", "Stop speech"),
        Binding("d", "details", "Details", show=False),
    ]

    def __init__(self, request: SessionRequest) -> None:
        super().__init__()
        self.request = request
        self.mode = request.mode
        self.hands_free = request.hands_free
        self.state = "loading"
        self.session_id: str | None = None
        self.runner: Any = None
        self.source: Any = None
        self._gate = threading.Event()
        self.live = LiveAudio(lambda db: self.post_message(InputLevel(db)))
        self._question_no = 0
        self._total_questions = 0
        self._round_id: str | None = None
        self._finished = threading.Event()
        self._last_card: tuple[Scorecard, str] | None = None
        self._card_turn: int | None = None       # the answer whose card is on screen
        self._file_pending = False               # an audio file was handed over and not yet taken
        self._question_text = ""                 # the question being answered, shown under a clarifying reply
        self._end_asked_at = -END_CONFIRM_S * 2   # when e was last pressed once (see _confirm_end)

    def compose(self) -> ComposeResult:
        app = self.app
        yield Header()
        with Vertical(id="iv-top", classes="panel"):
            with Horizontal(id="iv-status-row"):
                yield Static("", id="iv-state")
                yield RoundTimer(clock=app.clock, id="iv-timer")
            yield LevelMeter(id="iv-level")
            yield Static("", id="iv-notice")
        with VerticalScroll(id="iv-question", classes="panel"):
            yield Static("Getting the interview ready…", id="iv-question-text")
        with VerticalScroll(id="iv-answer", classes="panel"):
            yield Static("", id="iv-partial")
            yield ScorecardView(id="iv-card")
        with Horizontal(id="iv-inputs"):
            yield Input(placeholder="Type your answer, Enter sends", id="iv-typed", compact=True)
            yield Input(placeholder="…or an audio file path", id="iv-file", compact=True)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#iv-answer").border_title = "Your answer"
        self.query_one("#iv-question").border_title = "Interviewer"
        self._title()
        self.query_one("#iv-card", ScorecardView).display = False
        self._set_state("loading")
        self.kit_changed()
        self._run()

    # -- display --------------------------------------------------------------------
    def _title(self) -> None:
        app = self.app
        round_id = self._round_id or self.request.round
        name = PLAN_NAMES.get(self.request.plan, self.request.plan)
        if round_id and app.content is not None and round_id in app.content.rounds:
            name = app.content.rounds[round_id].name
        count = f" · question {self._question_no}/{self._total_questions}" if self._total_questions else ""
        answer = "hands-free" if self.hands_free else "push-to-talk"
        self.query_one("#iv-top").border_title = f"{name}{count} · {self.mode} · {answer}"

    def _set_state(self, state: str, detail: str = "") -> None:
        self.state = state
        label, style = STATES[state]
        text = Text(f" {label} ", style=f"{style} reverse")
        if detail:
            text.append(f"  {detail}")
        self.query_one("#iv-state", Static).update(text)
        self.query_one("#iv-level", LevelMeter).active = state == "recording"

    def kit_changed(self) -> None:
        app = self.app
        kit = app.kit
        notice = Text()
        if not app.kit_ready.is_set():
            step, total, label = app.kit_status
            notice.append(f"{'▰' * step}{'▱' * (total - step)} {label}…", style="cyan")
        else:
            self.query_one("#iv-level", LevelMeter).display = kit.mic_ok     # no microphone: no level to show
            if not kit.mic_ok:
                notice.append(f"{kit.mic_message}: type the answer or give an audio file path. ", style="yellow")
            if kit.text_only:
                notice.append(f"{kit.voice_message}.", style="yellow")
            if kit.mic_ok and not kit.text_only:
                notice.append("space records · h switches hands-free · p pauses listening", style="dim")
        self.query_one("#iv-notice", Static).update(notice)

    # -- the runner -----------------------------------------------------------------
    @work(thread=True, exclusive=True, exit_on_error=False, group="interview")
    def _run(self) -> None:
        app = self.app
        while not app.kit_ready.wait(0.1):
            if self._finished.is_set():
                return
        kit = app.kit
        if not kit.ready:
            problem = kit.problem() or CoachError("the models are not ready", "check Settings")
            self.post_message(WorkerError(problem, fatal=True))
            self.post_message(InterviewDone(None, "failed"))
            return
        from coach.services import start_session

        status = "failed"
        store = None
        try:
            self.runner, self.source, store = wire_session(
                app, self.request, kit, self.hands_free, on_event=self._runner_callback,
                on_chunk=self.live.add, on_error=lambda exc: self.post_message(WorkerError(exc)))
            runner = self.runner
            self._total_questions = runner.questions
            self.session_id = start_session(
                store, runner, plan=self.request.plan, round_id=self.request.round, level=self.request.level,
                mode=self.mode, stt_model=kit.transcriber.name, llm_model=getattr(kit.interviewer, "name", ""),
                resume=self.request.resume)
            status = runner.run(self.session_id)
        except CoachError as exc:
            self.post_message(WorkerError(exc))
        except Exception as exc:       # never a traceback on screen
            self.post_message(WorkerError(CoachError(f"the interview stopped: {type(exc).__name__}: {exc}",
                                                     "earlier turns are saved; start a new session")))
        finally:
            if store is not None:
                store.close()
        self.post_message(InterviewDone(self.session_id, status))

    def _runner_callback(self, event: ev.Event) -> None:
        """On the runner's thread: hand the event over; in practice mode, hold after a scored answer."""
        if isinstance(event, ev.Listening):
            self.live.reset()
        hold = (self.mode == "practice" and isinstance(event, ev.TurnSaved)
                and event.turn.speaker == "candidate" and event.turn.kind != "clarification")
        if hold:
            self._gate.clear()
        self.post_message(RunnerEvent(event))
        if hold:
            while not self._gate.wait(0.1):
                if self._finished.is_set():
                    return

    @work(thread=True, exclusive=True, exit_on_error=False, group="partial")
    def _partials(self) -> None:
        """Live transcript while recording: the runner's incremental transcript (see LiveAudio.partial_loop)."""
        def heard() -> str:
            return self.runner.heard_so_far() if self.runner is not None else ""

        self.live.partial_loop(heard, self._finished, self.source.paused if self.source else None,
                               lambda text: self.post_message(PartialTranscript(text)))

    # -- messages from workers ------------------------------------------------------------
    def on_input_level(self, message: InputLevel) -> None:
        self.query_one("#iv-level", LevelMeter).level = message.db

    def on_partial_transcript(self, message: PartialTranscript) -> None:
        if self.state == "recording":
            self.query_one("#iv-partial", Static).update(Text(message.text, style="italic"))

    def on_worker_error(self, message: WorkerError) -> None:
        app = self.app
        app.show_error(message.error)
        message.stop()
        if self._file_pending and self.state == "transcribing" and not message.fatal:
            self._file_pending = False          # the file could not be read: the source waits for another answer
            self._listening()

    def on_runner_event(self, message: RunnerEvent) -> None:
        event = message.event
        app = self.app
        if isinstance(event, ev.SessionStarted):
            self.session_id = event.session_id
        elif isinstance(event, ev.Speaking):
            self._speaking(event)
        elif isinstance(event, ev.Listening):
            self._listening()
        elif isinstance(event, ev.Transcribing):
            self._file_pending = False
            self.live.recording.clear()
            self._set_state("transcribing", f"{event.seconds:.0f} s of audio")
        elif isinstance(event, ev.Thinking):
            self._set_state("thinking", f"the interviewer is thinking of a follow-up ({gap_phrase(event.gap)})")
        elif isinstance(event, ev.NoSpeech):
            self.notify("No speech heard in that answer: the question is asked again.", severity="warning")
        elif isinstance(event, ev.AudioCutShort):
            self.notify(f"{event.message[:1].upper()}{event.message[1:]}. Check the input device in Settings, "
                        "or type your next answer.", severity="warning", timeout=10)
        elif isinstance(event, ev.TurnSaved) and event.turn.speaker == "candidate" \
                and event.turn.kind != "clarification":      # a clarifying question has no scorecard
            self._answer_saved(event)
        elif isinstance(event, ev.AnswerRevised):
            self._answer_revised(event)
        elif isinstance(event, ev.SessionEnded):
            said = status_words(event.status)
            self._set_state("done", f"{said} ({event.reason})" if event.reason else said)
            overall = "nothing to score" if event.overall is None else f"overall {event.overall:.1f}/5"
            app.notify(f"Session {said}: {overall}", timeout=6)

    def _speaking(self, event: ev.Speaking) -> None:
        if event.round_id is not None:
            if event.round_id != self._round_id:
                self._round_id = event.round_id
                self.query_one("#iv-timer", RoundTimer).restart(event.round_minutes * 60)
            self._question_no, self._total_questions = event.question_no, event.questions
            self._title()
        if event.kind in ("question", "repeat"):
            self._question_text = event.text
        shown = Text(event.text, style="bold")
        if event.kind == "clarification" and self._question_text:     # the reply must not hide the question
            shown.append("\n")
            shown.append("The question: ", style="dim bold")
            shown.append(self._question_text, style="dim")
        self.query_one("#iv-question-text", Static).update(shown)
        self.query_one("#iv-question").border_title = self._ask_title(event)
        app = self.app
        self._set_state("speaking", "text only: read the question" if app.kit.text_only else "esc stops the voice")

    @staticmethod
    def _ask_title(event: ev.Speaking) -> str:
        if event.round_id is None:
            return "Interviewer · closing"
        if event.kind == "followup" and event.gap:
            return f"Interviewer · follow-up: {gap_phrase(event.gap)}"
        if event.kind == "clarification":
            return "Interviewer · answering your clarifying question"
        if event.kind == "change":
            return "Interviewer · a fact has changed"
        return "Interviewer · asking again" if event.kind == "repeat" else "Interviewer · question"

    def _listening(self) -> None:
        app = self.app
        self.query_one("#iv-card", ScorecardView).display = False
        partial = self.query_one("#iv-partial", Static)
        partial.display = True
        partial.update("")
        self.query_one("#iv-answer").border_title = "Your answer"
        if self.source is not None and self.source.paused.is_set():
            self._set_state("paused", "p resumes listening")
        elif app.kit.mic_ok and self.hands_free:
            self._start_recording(hands_free=True)
        elif app.kit.mic_ok:
            self._set_state("waiting", "space starts recording · or type below")
        else:
            self._set_state("waiting", "type the answer below (esc: keys)")
            self.query_one("#iv-typed", Input).focus()

    def _start_recording(self, hands_free: bool) -> None:
        self.source.record(hands_free=hands_free)
        self.live.recording.set()
        detail = "answer, then pause to finish" if hands_free else "space stops"
        self._set_state("recording", detail)
        self._partials()

    def _answer_saved(self, event: ev.TurnSaved) -> None:
        self.live.recording.clear()
        self.query_one("#iv-level", LevelMeter).level = -120.0
        partial = self.query_one("#iv-partial", Static)
        if self.mode == "practice":
            self._last_card = (event.scorecard or Scorecard(), event.turn.text)
            self._card_turn = event.turn.index
            card = self.query_one("#iv-card", ScorecardView)
            card.show(event.scorecard, "\n\n".join((*event.earlier, event.turn.text)))
            card.display = True
            partial.display = False
            self.query_one("#iv-answer").border_title = \
                "Scorecard: the question with your earlier answer  (enter continues)" if event.earlier \
                else "Scorecard  (enter continues)"
            self.query_one("#iv-answer", VerticalScroll).scroll_home(animate=False)
            self._set_state("feedback", "enter: next · d: details")
        else:
            partial.update(Text(event.turn.text, style="dim"))
            self._set_state("thinking", "answer saved")

    def _answer_revised(self, event: ev.AnswerRevised) -> None:
        """The answer's primed pass came back: the card on screen (practice) shows its text and score."""
        if self.mode == "practice" and self.state == "feedback" and self._card_turn == event.turn.index:
            self._last_card = (event.scorecard or Scorecard(), event.turn.text)
            self.query_one("#iv-card", ScorecardView).show(event.scorecard, event.turn.text)

    def on_interview_done(self, message: InterviewDone) -> None:
        self.live.recording.clear()
        app = self.app
        if message.session_id and not self._finished.is_set() and app.is_running:
            app.switch_screen(_summary_screen(message.session_id))
        elif not self._finished.is_set():
            self.dismiss()

    # -- answers from the inputs -------------------------------------------------------
    @on(Input.Submitted, "#iv-typed")
    def _typed(self, event: Input.Submitted) -> None:
        text = event.value.strip()
        if not text:
            return
        if not self._can_answer():
            return
        self.source.supply_text(text)
        event.input.clear()
        self.query_one("#iv-partial", Static).update(Text(text, style="italic"))
        self._set_state("scoring")
        self.set_focus(None)

    @on(Input.Submitted, "#iv-file")
    def _file(self, event: Input.Submitted) -> None:
        path = event.value.strip()
        if not path or not self._can_answer():
            return
        if not Path(path).expanduser().is_file():      # a typo: say so and keep the box, the turn is still yours
            self.app.show_error(AudioError(f"no such audio file: {path}",
                                           "check the path (wav, flac, ogg or mp3), or type the answer"))
            return
        self.source.supply_file(path)
        self._file_pending = True
        event.input.clear()
        self._set_state("transcribing", path)
        self.set_focus(None)

    def _can_answer(self) -> bool:
        if self.source is None or self.state not in ("waiting", "speaking", "paused"):
            if self.state == "feedback":
                why = "the scorecard is up: esc, then enter goes on to the next question"
            else:
                why = "wait for the question"
            self.notify(f"Not now: {why}. Your text stays in the box.", severity="warning", timeout=5)
            return False
        return True

    # -- actions --------------------------------------------------------------------
    def action_record(self) -> None:
        app = self.app
        if self.state == "feedback":
            self.action_continue()
        elif self.state == "recording":
            if self.runner is not None:
                self.runner.finish_answer()
            self.live.recording.clear()
            self._set_state("transcribing")
        elif self.state == "waiting":
            if not app.kit.mic_ok:
                self.notify(f"{app.kit.mic_message}: type the answer or give an audio file path.",
                            severity="warning")
                return
            self._start_recording(hands_free=self.hands_free)

    def action_details(self) -> None:
        from coach.tui.screens.scorecard import ScorecardScreen

        if self.state == "feedback" and self._last_card is not None:
            self.app.push_screen(ScorecardScreen(*self._last_card))

    def action_continue(self) -> None:
        if self.state == "feedback":
            self._set_state("thinking", "next up")
            self._gate.set()

    def action_command(self, command: str) -> None:
        if self.runner is None or self.state in ("done", "loading"):
            return
        if command == "end" and not self._confirm_end():
            return
        self.live.recording.clear()
        self.source.clear()
        self.runner.request(command)
        self._gate.set()
        self._set_state("thinking", {"repeat": "asking again", "skip": "next question",
                                     "end": "closing the session"}[command])

    def _confirm_end(self) -> bool:
        """One stray "e" (a word typed outside the answer box) must not end the whole session: e twice."""
        now = time.monotonic()
        if now - self._end_asked_at <= END_CONFIRM_S:
            return True
        self._end_asked_at = now
        self.notify("Press e again to end the session (your answers so far are kept).", timeout=END_CONFIRM_S)
        return False

    def action_pause(self) -> None:
        if self.source is None:
            return
        if self.source.paused.is_set():
            self.source.paused.clear()
            if self.state == "paused":
                self._listening()
            self.notify("Listening again.", timeout=2)
        else:
            self.source.paused.set()
            if self.state in ("waiting", "recording"):
                self._set_state("paused", "p resumes listening")
            self.notify("Paused: the microphone is not listened to until you press p.", timeout=3)

    def action_toggle_hands_free(self) -> None:
        self.hands_free = not self.hands_free
        self._title()
        self.notify("Hands-free: a silence ends the answer" if self.hands_free
                    else "Push-to-talk: space starts and stops recording", timeout=3)

    def action_stop_speech(self) -> None:
        app = self.app
        if app.kit.speaker is not None:
            app.kit.speaker.stop()
        self.set_focus(None)

    # -- leaving ------------------------------------------------------------------------
    def shutdown(self) -> None:
        """End the session and let every worker thread return (on quit or leaving the screen)."""
        if self.runner is not None and self.state != "done":
            try:
                self.runner.request("end")
            except Exception:
                pass
        self._finished.set()
        self.live.recording.clear()
        self._gate.set()

    def on_unmount(self) -> None:
        self.shutdown()


def _summary_screen(session_id: str) -> Screen[None]:
    from coach.tui.screens.replay import SessionScreen

    return SessionScreen(session_id, summary=True)
