"""Replay: past sessions, and one session read turn by turn with its scores and audio."""
from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import DataTable, Header, OptionList, Static
from textual.widgets.option_list import Option

from coach.errors import AudioError, CoachError
from coach.progress.labels import gap_phrase
from coach.tui.format import PLAN_NAMES, round_name, status_words, when
from coach.tui.screen import CoachScreen
from coach.tui.widgets.footer import Footer
from coach.tui.widgets.scorecard_view import ScorecardView

if TYPE_CHECKING:
    from coach.ports import SavedTurn


class ReplayScreen(CoachScreen):
    """Every stored session; enter opens one."""

    BINDINGS = [Binding("escape,b", "back", "Back"), Binding("q", "back", "Back", show=False)]

    def compose(self) -> ComposeResult:
        yield Header()
        yield DataTable(id="replay-sessions", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        app = self.app
        table = self.query_one(DataTable)
        table.border_title = "Past sessions  (enter opens one)"
        table.add_columns("When", "Plan", "Round", "Level", "Mode", "Answers", "Clarifying", "Score", "Status")
        rounds = app.content.rounds if app.content else None
        for row in (app.store.sessions(limit=500) if app.store else []):
            overall = row.get("overall")
            table.add_row(when(row.get("started_at")), PLAN_NAMES.get(row.get("plan") or "", row.get("plan") or ""),
                          round_name(row.get("round"), rounds) or "-", row.get("level") or "", row.get("mode") or "",
                          str(row.get("answers") or 0), str(row.get("clarifications") or 0),
                          "-" if overall is None else f"{overall:.1f}",
                          status_words(row.get("status")), key=row["id"])
        if not table.row_count:
            table.add_row("no sessions yet", "", "", "", "", "", "", "", "")
        table.focus()

    @on(DataTable.RowSelected)
    def _open(self, event: DataTable.RowSelected) -> None:
        app = self.app
        if event.row_key.value and table_has_session(event.row_key.value):
            app.open_session(event.row_key.value)

    def action_back(self) -> None:
        self.dismiss()


def table_has_session(key: str) -> bool:
    return key != "" and not key.startswith("no sessions")


KIND_MARKS = {"question": "Q", "followup": "↳", "repeat": "↺", "closing": "■", "answer": " ", "clarification": "?",
              "change": "Δ"}


def turn_label(turn: Mapping[str, Any], width: int = 26) -> Text:
    """One line per turn: index, who, score or kind, the start of the text."""
    you = turn.get("speaker") == "candidate"
    text = Text(f"{turn.get('idx', 0):02d} ", style="dim")
    text.append("You " if you else "Int ", style="bold green" if you else "bold magenta")
    overall = turn.get("overall")
    if overall is not None:
        style = "green" if overall >= 3.5 else ("yellow" if overall >= 2.5 else "red")
        text.append(f"{overall:.1f} ", style=style)
    else:
        text.append(f"{KIND_MARKS.get(turn.get('kind') or '', ' ')}   ", style="cyan")
    body = " ".join(str(turn.get("text") or "").split())
    room = max(4, width - len(text.plain))
    text.append(body if len(body) <= room else body[: room - 1] + "…")
    return text


class SessionScreen(CoachScreen):
    """One session turn by turn: n/p move, a plays the answer's audio."""

    BINDINGS = [
        Binding("n", "move(1)", "Next turn"),
        Binding("p", "move(-1)", "Previous turn"),
        Binding("a", "play", "Play answer"),
        Binding("d", "details", "Details"),
        Binding("escape,b", "back", "Back"),
        Binding("q", "back", "Back", show=False),
    ]

    def __init__(self, session_id: str, summary: bool = False) -> None:
        super().__init__()
        self.session_id = session_id
        self.summary = summary
        self.turns: list[SavedTurn] = []
        self.session: Mapping[str, Any] = {}
        self._played = False

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="session-head", classes="panel")
        with Horizontal(id="session-body"):
            yield OptionList(id="turns")
            with VerticalScroll(id="turn-detail", classes="panel"):
                yield Static("", id="turn-question")
                yield ScorecardView(id="turn-card")
        yield Footer()

    def on_mount(self) -> None:
        app = self.app
        if app.store is None:       # opened from the history, which needs the store
            self.dismiss()
            return
        try:
            self.session = app.store.session(self.session_id)
            self.turns = app.store.turns(self.session_id)
        except CoachError as exc:
            app.show_error(exc)
            self.dismiss()
            return
        overall = self.session.get("overall")
        rounds = app.content.rounds if app.content else None
        head = Text("Session summary  " if self.summary else "", style="bold green")
        plan = self.session.get("plan") or ""
        what = [PLAN_NAMES.get(plan, plan)] if plan != "drill" or not self.session.get("round") else []
        what += [round_name(self.session.get("round"), rounds)] if self.session.get("round") else []
        head.append(" · ".join([when(self.session.get("started_at")), *what, self.session.get("level") or "",
                                self.session.get("mode") or ""]) + " · ")
        head.append(status_words(self.session.get("status")))
        head.append(f" · overall {overall:.1f}/5" if overall is not None else " · no score", style="bold")
        self.query_one("#session-head", Static).update(head)
        turns = self.query_one("#turns", OptionList)
        turns.border_title = f"{len(self.turns)} turns"
        turns.add_options([Option(turn_label(t), id=str(i)) for i, t in enumerate(self.turns)])
        if self.turns:
            turns.highlighted = self._closing_turn() if self.summary else self._first_answer()
        else:
            self.query_one("#turn-question", Static).update("This session has no turns.")
        turns.focus()

    def _closing_turn(self) -> int:
        """The summary opens on the interviewer's closing remarks (what worked, what to practise), when there are any."""
        for i in range(len(self.turns) - 1, -1, -1):
            if self.turns[i].get("kind") == "closing":
                return i
        return self._first_answer()

    def _first_answer(self) -> int:
        for i, turn in enumerate(self.turns):
            if turn.get("speaker") == "candidate":
                return i
        return 0

    @on(OptionList.OptionHighlighted, "#turns")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self.show_turn(event.option_index)

    def show_turn(self, index: int) -> None:
        if not 0 <= index < len(self.turns):
            return
        turn = self.turns[index]
        detail = self.query_one("#turn-detail", VerticalScroll)
        question = self.query_one("#turn-question", Static)
        card = self.query_one("#turn-card", ScorecardView)
        if turn.get("speaker") == "candidate":
            asked, replies = self._asked_before(index)
            shown = Text(asked, style="bold")
            if replies and turn.get("kind") != "clarification":
                shown.append(f"\n(after {replies} answer{'s' if replies > 1 else ''} to your clarifying questions)",
                             style="dim")
            question.update(shown if asked else "")
            clarifying = turn.get("kind") == "clarification"
            head = f"Clarifying question {index:02d} · not scored" if clarifying else f"Answer {index:02d}"
            earlier = 0 if clarifying else self._scored_with(index)
            if earlier:
                head += f" · scored with the answer{'s' if earlier > 1 else ''} before"
            detail.border_title = head + self._timing(turn)
            card.show(turn.get("scores"), str(turn.get("text") or ""))
        else:
            kind = turn.get("kind") or "question"
            question.update(Text(str(turn.get("text") or ""), style="bold"))
            gap = f" probing {gap_phrase(turn['gap'])}" if turn.get("gap") else ""
            detail.border_title = f"Interviewer {kind}{gap}" + self._timing(turn)
            card.show(None, "")
            card.update("")
        detail.scroll_home(animate=False)

    def _scored_with(self, index: int) -> int:
        """How many earlier answers the card at `index` was scored together with: a follow-up's answer is scored
        with the story or design it completes, so its card (and the tagged text under it) starts with them."""
        turn = self.turns[index]
        card = turn.get("scores")
        sentences = card.star.sentences if card is not None else []
        if not sentences:
            return 0
        opening = " ".join(str(sentences[0]).split())
        if opening in " ".join(str(turn.get("text") or "").split()):
            return 0
        return sum(1 for t in self.turns[:index] if t.get("speaker") == "candidate" and t.get("kind") == "answer"
                   and t.get("question_id") == turn.get("question_id"))

    def _asked_before(self, index: int) -> tuple[str, int]:
        """What the answer at `index` answers: the interviewer's last ask before it, passing over the replies to
        clarifying questions (the design answer after them answers the question), and how many were passed."""
        replies = 0
        for turn in reversed(self.turns[:index]):
            if turn.get("speaker") != "interviewer":
                continue
            if turn.get("kind") == "clarification":
                replies += 1
                continue
            return str(turn.get("text") or ""), replies
        return "", replies

    @staticmethod
    def _timing(turn: Mapping[str, Any]) -> str:
        parts = []
        if turn.get("duration_ms"):
            parts.append(f"{turn['duration_ms'] / 1000:.0f} s")
        for key, label in (("transcribe_ms", "stt"), ("think_ms", "think"), ("score_ms", "score")):
            if turn.get(key) is not None:
                parts.append(f"{label} {turn[key]} ms")
        return f"  ({', '.join(parts)})" if parts else ""

    def action_move(self, step: int) -> None:
        turns = self.query_one("#turns", OptionList)
        if not self.turns:
            return
        current = turns.highlighted if turns.highlighted is not None else -1
        turns.highlighted = max(0, min(len(self.turns) - 1, current + step))

    def action_details(self) -> None:
        from coach.tui.screens.scorecard import ScorecardScreen

        index = self.query_one("#turns", OptionList).highlighted
        turn = self.turns[index] if index is not None and 0 <= index < len(self.turns) else None
        if turn is None or not turn.get("scores"):
            self.notify("Pick a scored answer to see its details.", timeout=3)
            return
        self.app.push_screen(ScorecardScreen(turn["scores"], "", title=f"Answer {index:02d}"))

    def action_play(self) -> None:
        app = self.app
        turns = self.query_one("#turns", OptionList)
        index = turns.highlighted
        turn = self.turns[index] if index is not None and 0 <= index < len(self.turns) else None
        if turn is None or turn.get("speaker") != "candidate":
            self.notify("Pick an answer to play (n/p move between turns).", timeout=3)
            return
        if not turn.get("audio_path"):
            self.notify("This answer was typed: there is no audio to play.", timeout=3)
            return
        if app.store is None:
            return
        path = Path(app.store.root) / turn["audio_path"]
        if not path.is_file():
            self.notify(f"The recording is gone: {path}", severity="warning")
            return
        self._play(path)

    @work(thread=True, exclusive=True, exit_on_error=False, group="play")
    def _play(self, path: Path) -> None:
        from coach.adapters.mic import output_status

        ok, message = output_status()
        if not ok:
            self.app.call_from_thread(self.notify, f"Cannot play the answer: {message}.", severity="warning")
            return
        from coach.adapters.tts import play_wav

        self._played = True
        self.app.call_from_thread(self.notify, f"Playing {path.name}…", timeout=3)
        try:
            play_wav(path)
        except AudioError as exc:
            app = self.app
            self.app.call_from_thread(app.show_error, exc)

    def action_back(self) -> None:
        if self._played:          # cut playback short; sounddevice is only imported once something played
            try:
                import sounddevice as sd

                sd.stop()
            except Exception:
                pass
        self.dismiss()
