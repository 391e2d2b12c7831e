"""What the interview screen shows: its widgets, the state line, the question and the answer's card.

The runner's thread (interview_workers.py), the keys and the answer boxes (interview_actions.py) and the
messages from the workers (interview.py) build on this view.
"""
from __future__ import annotations

import threading
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Header, Input, Static

from coach.interview import events as ev
from coach.progress.labels import gap_phrase
from coach.scoring.scorecard import Scorecard
from coach.tui.format import PLAN_NAMES
from coach.tui.messages import InputLevel
from coach.tui.screen import CoachScreen
from coach.tui.widgets.footer import Footer
from coach.tui.widgets.level_meter import LevelMeter
from coach.tui.widgets.scorecard_view import ScorecardView
from coach.tui.widgets.timer import RoundTimer
from coach.tui.wiring import LiveAudio, SessionRequest

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


class InterviewView(CoachScreen):
    """The interview screen's widgets and what they show; `InterviewScreen` is the whole screen."""

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

    # -- the interviewer ------------------------------------------------------------------
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

    # -- the answer's card ------------------------------------------------------------------
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
