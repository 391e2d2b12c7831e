"""The interview: question, round clock, level meter, live transcript, scorecard, answers.

The runner runs in a thread worker; its events arrive as `RunnerEvent` messages.
Answers reach it through an `AnswerQueueSource`: the microphone (space, or
hands-free), a typed answer, or an audio file path. In practice mode the runner
waits after each scored answer until the candidate presses enter.

The screen is built in layers, one module each: what it shows (interview_view.py), its threads
(interview_workers.py), its keys and answer boxes (interview_actions.py); this module handles the
messages the workers post.
"""
from __future__ import annotations

from rich.text import Text
from textual.screen import Screen
from textual.widgets import Static

from coach.interview import events as ev
from coach.progress.labels import gap_phrase
from coach.tui.messages import InputLevel, InterviewDone, PartialTranscript, RunnerEvent, WorkerError
from coach.tui.format import status_words
from coach.tui.screens.interview_actions import InterviewActions
from coach.tui.widgets.level_meter import LevelMeter
from coach.tui.widgets.scorecard_view import ScorecardView


class InterviewScreen(InterviewActions):
    """One interview session, from the first question to the closing remarks."""

    def on_mount(self) -> None:
        self.query_one("#iv-answer").border_title = "Your answer"
        self.query_one("#iv-question").border_title = "Interviewer"
        self._title()
        self.query_one("#iv-card", ScorecardView).display = False
        self._set_state("loading")
        self.kit_changed()
        self._run()

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

    def on_interview_done(self, message: InterviewDone) -> None:
        self.live.recording.clear()
        app = self.app
        if message.session_id and not self._finished.is_set() and app.is_running:
            app.switch_screen(_summary_screen(message.session_id))
        elif not self._finished.is_set():
            self.dismiss()


def _summary_screen(session_id: str) -> Screen[None]:
    from coach.tui.screens.replay import SessionScreen

    return SessionScreen(session_id, summary=True)
