"""The interview screen's keys and answer boxes: record, continue, repeat, skip, end (pressed twice),
pause, hands-free, stop the voice, details; a typed answer or an audio file path."""
from __future__ import annotations

import time
from pathlib import Path

from rich.text import Text
from textual import on
from textual.binding import Binding
from textual.widgets import Input, Static

from coach.errors import AudioError
from coach.tui.screens.interview_view import END_CONFIRM_S
from coach.tui.screens.interview_workers import InterviewWorkers

AUDIO_SUFFIXES = (".wav", ".flac", ".ogg", ".opus", ".mp3", ".m4a", ".webm")


def looks_like_audio_path(text: str) -> bool:
    """One word ending in an audio file's suffix ("~/answers/q1.wav"): a path, not a spoken answer."""
    return len(text.split()) == 1 and text.lower().endswith(AUDIO_SUFFIXES)


class InterviewActions(InterviewWorkers):
    """What each key and answer box does during the interview."""

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

    # -- answers from the inputs -------------------------------------------------------
    @on(Input.Submitted, "#iv-typed")
    def _typed(self, event: Input.Submitted) -> None:
        text = event.value.strip()
        if not text:
            return
        if looks_like_audio_path(text):         # a path typed or pasted in the answer box: the file is the answer
            self._answer_from_file(text, event.input)
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
        self._answer_from_file(event.value.strip(), event.input)

    def _answer_from_file(self, path: str, box: Input) -> None:
        if not path or not self._can_answer():
            return
        if not Path(path).expanduser().is_file():      # a typo: say so and keep the box, the turn is still yours
            self.app.show_error(AudioError(f"no such audio file: {path}",
                                           "check the path (wav, flac, ogg or mp3), or type the answer"))
            return
        self.source.supply_file(path)
        self._file_pending = True
        box.clear()
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
        if command == "end" and self.runner is None and not self.app.kit_ready.is_set():
            self._leave_while_loading()
            return
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

    def _leave_while_loading(self) -> None:
        """While the models load no session has started: e twice goes back to Home, and the worker waiting
        for the models returns."""
        if self._confirm_end("Press e again to go back to Home (the interview has not started yet)."):
            self.shutdown()
            self.dismiss()

    def _confirm_end(self, ask: str = "Press e again to end the session (your answers so far are kept).") -> bool:
        """One stray "e" (a word typed outside the answer box) must not end the whole session: e twice."""
        now = time.monotonic()
        if now - self._end_asked_at <= END_CONFIRM_S:
            return True
        self._end_asked_at = now
        self.notify(ask, timeout=END_CONFIRM_S)
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
