"""Home: pick a plan, round, level and mode; recent sessions; a glance at progress."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, DataTable, Header, Label, Select, Static

from coach.domain import ENDED_EARLY, LEVEL_IDS, NO_ANSWERS, ROUND_IDS
from coach.tui.format import PLAN_NAMES, round_name, when
from coach.tui.dimension_scores import answer_cards, dimension_history
from coach.tui.screen import CoachScreen
from coach.tui.widgets.footer import Footer
from coach.tui.widgets.progress import DimensionProgress

if TYPE_CHECKING:       # Home must show fast: the ports load later
    from coach.ports import SavedSession

STATUS_MARKS = {"completed": ("✓", "green"), "in_progress": ("…", "yellow"),
                "interrupted": ("⏸", "dim"), "failed": ("✗", "red"), NO_ANSWERS: ("–", "dim"),
                ENDED_EARLY: ("◐", "yellow")}


class HomeScreen(CoachScreen):
    """The first screen: usable at once, while the models load in the background."""

    BINDINGS = [
        Binding("s", "start", "Start"),
        Binding("m", "toggle_mode", "Mode"),
        Binding("h", "toggle_hands_free", "Hands-free"),
        Binding("v", "replay", "Replay"),
        Binding("o", "settings", "Settings"),
        Binding("w", "practice", "Week & job"),
        Binding("r", "resume_interrupted", "Resume interrupted", show=False),
        Binding("c", "close_interrupted", "Close interrupted", show=False),
        Binding("q", "quit", "Quit"),
    ]

    def compose(self) -> ComposeResult:
        app = self.app
        content = app.content
        rounds = [(content.rounds[r].name if content else r, r) for r in ROUND_IDS]
        plans = [(PLAN_NAMES.get(p, p), p) for p in (content.plans if content else PLAN_NAMES)]
        yield Header()
        with Horizontal(id="home"):
            with Vertical(id="new-interview", classes="panel"):
                yield self._row("Plan", Select(plans, value=app.start_plan if app.start_plan in dict(
                    (v, v) for _, v in plans) else "drill", allow_blank=False, compact=True, id="plan",
                    type_to_search=False))
                yield self._row("Round", Select(rounds, value=app.start_round or "behavioral",
                                                allow_blank=False, compact=True, id="round", type_to_search=False))
                yield self._row("Level", Select([(lv, lv) for lv in LEVEL_IDS], value=app.level,
                                                allow_blank=False, compact=True, id="level", type_to_search=False))
                yield self._row("Mode", Select([("practice (cards)", "practice"),
                                                ("realistic (at end)", "realistic")],
                                               value=app.mode, allow_blank=False, compact=True, id="mode",
                                               type_to_search=False))
                yield self._row("Answer", Select([("push-to-talk (space)", False), ("hands-free", True)],
                                                 value=app.hands_free, allow_blank=False, compact=True,
                                                 id="hands-free", type_to_search=False))
                yield Button("Start interview  (s)", id="start", variant="primary", compact=True)
                yield Static("", id="plan-help")
                yield Static("", id="setup")
                yield Static("", id="interrupted")
            with Vertical(id="home-right"):
                with Vertical(id="recent", classes="panel"):
                    yield DataTable(id="sessions", cursor_type="row", zebra_stripes=True)
                with Vertical(id="progress", classes="panel"):
                    yield DimensionProgress(id="dims")
        yield Footer()

    @staticmethod
    def _row(label: str, widget: Select[Any]) -> Horizontal:
        return Horizontal(Label(label, classes="field-label"), widget, classes="field")

    def on_mount(self) -> None:
        self.query_one("#new-interview").border_title = "New interview"
        self.query_one("#recent").border_title = "Recent sessions  (enter opens)"
        self.query_one("#progress").border_title = "Progress  (a bar per answer, 0-5; mean of last 5)"
        table = self.query_one("#sessions", DataTable)
        table.add_columns("When", "Round", "Score", "")
        self._plan_help()
        self.kit_changed()
        self.refresh_history()
        self.query_one("#start", Button).focus()

    def on_screen_resume(self) -> None:
        app = self.app
        self.query_one("#mode", Select).value = app.mode
        self.query_one("#level", Select).value = app.level
        self.refresh_history()
        self.kit_changed()

    # -- data -----------------------------------------------------------------------
    def refresh_history(self) -> None:
        app = self.app
        store = app.store
        table = self.query_one("#sessions", DataTable)
        table.clear()
        if store is None:
            return
        rows = store.sessions(limit=40)
        for row in rows:
            overall = row.get("overall")
            status = row.get("status") or ""
            mark, style = STATUS_MARKS.get(status, ("?", ""))
            rounds = app.content.rounds if app.content else None
            name = round_name(row.get("round"), rounds, 18) or PLAN_NAMES.get(row.get("plan") or "", row.get("plan") or "")
            table.add_row(when(row.get("started_at")), name,
                          "  -" if overall is None else f"{overall:3.1f}", Text(mark, style=style), key=row["id"])
        if not rows:
            table.add_row(Text("no sessions yet", style="dim"), Text("s starts one", style="dim"), "", "")
        self.run_worker(self.query_one("#dims", DimensionProgress).set_history(
            dimension_history(answer_cards(store))), exclusive=True, group="dims")
        interrupted = self._pending()
        note = self.query_one("#interrupted", Static)
        if interrupted:
            first = interrupted[0]
            note.update(Text.assemble(("⚠ ", "bold yellow"), f"{len(interrupted)} interrupted session"
                                      f"{'s' if len(interrupted) > 1 else ''} ({when(first.get('started_at'))}). ",
                                      ("r", "bold reverse"), " resumes the newest, ",
                                      ("c", "bold reverse"), f" closes {'them' if len(interrupted) > 1 else 'it'}."))
        else:
            note.update("")

    def kit_changed(self) -> None:
        app = self.app
        step, total, label = app.kit_status
        kit = app.kit if app.kit_ready.is_set() else app.loading_kit
        lines = Text()
        if not app.kit_ready.is_set():
            bar = "▰" * step + "▱" * (total - step)
            lines.append(f"{bar} {label}…\n", style="cyan")
        elif kit.ready:
            lines.append("✓ speech and interviewer models ready\n", style="green")
        else:
            problem = kit.problem()
            lines.append(f"✗ {problem.message if problem else 'models failed'}\n", style="red")
        if app.kit_ready.is_set() or step > 1:
            lines.append("✓ " if kit.mic_ok else "✗ ", style="green" if kit.mic_ok else "yellow")
            lines.append(kit.mic_message + ("" if kit.mic_ok else ": type answers or give a file") + "\n")
        if (app.kit_ready.is_set() or step > 2) and kit.voice_message:
            lines.append("✗ " if kit.text_only else "✓ ", style="yellow" if kit.text_only else "green")
            lines.append(kit.voice_message)
        self.query_one("#setup", Static).update(lines)

    def _plan_help(self) -> None:
        app = self.app
        plan = self.query_one("#plan", Select).value
        round_select = self.query_one("#round", Select)
        round_select.disabled = plan != "drill"
        description = ""
        if app.content is not None and plan in app.content.plans:
            steps = app.content.plans[plan].steps
            minutes = sum(s.minutes for s in steps)
            questions = sum(s.questions for s in steps)
            description = f"{questions} questions, about {minutes} min" + (
                f", {len(steps)} rounds" if len(steps) > 1 else "")
        self.query_one("#plan-help", Static).update(Text(description, style="dim"))

    # -- events ---------------------------------------------------------------------
    @on(Select.Changed, "#plan")
    def _plan_changed(self) -> None:
        self._plan_help()

    @on(Select.Changed, "#mode")
    def _mode_changed(self, event: Select.Changed) -> None:
        app = self.app
        app.mode = str(event.value)

    @on(Select.Changed, "#level")
    def _level_changed(self, event: Select.Changed) -> None:
        app = self.app
        app.level = str(event.value)

    @on(Select.Changed, "#hands-free")
    def _hands_free_changed(self, event: Select.Changed) -> None:
        app = self.app
        app.hands_free = bool(event.value)

    @on(Button.Pressed, "#start")
    def _start_pressed(self) -> None:
        self.action_start()

    @on(DataTable.RowSelected, "#sessions")
    def _session_selected(self, event: DataTable.RowSelected) -> None:
        app = self.app
        if event.row_key.value:
            app.open_session(event.row_key.value)

    # -- actions --------------------------------------------------------------------
    def action_start(self) -> None:
        app = self.app
        plan = str(self.query_one("#plan", Select).value)
        round_id = str(self.query_one("#round", Select).value) if plan == "drill" else None
        app.start_interview(plan, round_id, str(self.query_one("#level", Select).value),
                            str(self.query_one("#mode", Select).value))

    def action_toggle_mode(self) -> None:
        select = self.query_one("#mode", Select)
        select.value = "realistic" if select.value == "practice" else "practice"
        self.notify(f"Mode: {select.value}", timeout=2)

    def action_toggle_hands_free(self) -> None:
        select = self.query_one("#hands-free", Select)
        select.value = not bool(select.value)
        self.notify("Hands-free: the answer ends after a silence" if select.value
                    else "Push-to-talk: space starts and stops recording", timeout=3)

    def action_replay(self) -> None:
        from coach.tui.screens.replay import ReplayScreen

        self.app.push_screen(ReplayScreen())

    def action_practice(self) -> None:
        from coach.tui.screens.practice import PracticeScreen

        self.app.push_screen(PracticeScreen())

    def action_settings(self) -> None:
        from coach.tui.screens.settings import SettingsScreen

        self.app.push_screen(SettingsScreen())

    def _pending(self) -> list[SavedSession]:
        """Interrupted sessions, newest first, except those an interview screen here or another
        coach process is running."""
        from coach.adapters.session_lock import SessionLock

        store = self.app.store
        if store is None:
            return []
        busy = {getattr(s, "session_id", None) for s in self.app.screen_stack}
        return [s for s in store.interrupted_sessions()
                if s["id"] not in busy and not SessionLock(store.root, s["id"]).is_held()]

    def action_resume_interrupted(self) -> None:
        app = self.app
        if app.store is None:
            return
        pending = self._pending()
        if not pending:
            self.notify("No interrupted session to resume.", timeout=3)
            return
        app.resume_interview(pending[0]["id"])

    def action_close_interrupted(self) -> None:
        app = self.app
        if app.store is None:
            return
        pending = self._pending()
        if not pending:
            self.notify("No interrupted session to close.", timeout=3)
            return
        for row in pending:
            app.store.end_session(row["id"], "interrupted")
        self.notify(f"Closed {len(pending)} interrupted session{'s' if len(pending) > 1 else ''}.", timeout=3)
        self.refresh_history()

    def action_quit(self) -> None:
        self.app.action_quit()
