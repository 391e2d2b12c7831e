"""Practice: this week's plan, a loop from a job description file, and the numbers worth knowing by heart."""
from __future__ import annotations

from datetime import date

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Header, Input, Static

from coach.errors import CoachError
from coach.tui.screen import CoachScreen
from coach.tui.widgets.footer import Footer


class PracticeScreen(CoachScreen):
    """Opened from Home with `w`. The job plan is built by the same code as `coach plan --jd`."""

    BINDINGS = [
        Binding("escape", "back", "Back"),
        Binding("j", "focus_job", "Job description"),
        Binding("t", "start_plan", "Start the loop"),
    ]
    DEFAULT_CSS = """
    PracticeScreen #practice { height: 1fr; }
    PracticeScreen .panel { border: round $primary; padding: 0 1; }
    PracticeScreen #week-panel { width: 1fr; }
    PracticeScreen #right { width: 1fr; }
    PracticeScreen #job-panel { height: auto; max-height: 60%; }
    PracticeScreen #constants-panel { height: 1fr; }
    """

    def __init__(self, today: date | None = None) -> None:
        super().__init__()
        self.today = today or date.today()
        self.plan_name: str | None = None
        self.plan_level: str | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="practice"):
            with VerticalScroll(id="week-panel", classes="panel"):
                yield Static("", id="week")
            with Vertical(id="right"):
                with Vertical(id="job-panel", classes="panel"):
                    yield Input(placeholder="path to a job description (.txt), then enter", id="job-path")
                    yield Static("", id="job-plan")
                    yield Button("Start this loop  (t)", id="start-plan", variant="primary", compact=True,
                                 disabled=True)
                with VerticalScroll(id="constants-panel", classes="panel"):
                    yield Static("", id="constants")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#week-panel").border_title = "This week"
        self.query_one("#job-panel").border_title = "A loop for a job description"
        self.query_one("#constants-panel").border_title = "Numbers to know by heart"
        self._show_week()
        self._show_constants()

    def _show_week(self) -> None:
        app = self.app
        target = self.query_one("#week", Static)
        if app.store is None:
            target.update("No database: nothing to plan from yet.")
            return
        from coach.commands.week import build_week
        from coach.progress.week import render

        try:
            plan, content = build_week(app.store, self.today)
        except CoachError as exc:
            target.update(Text(exc.one_line(), style="red"))
            return
        target.update(render(plan, content))

    def _show_constants(self) -> None:
        from coach.commands.constants import render
        from coach.content.constants import load_constants

        try:
            text = render(sorted(load_constants(), key=lambda c: c.group), 60)
        except CoachError as exc:
            text = exc.one_line()
        self.query_one("#constants", Static).update(text)

    @on(Input.Submitted, "#job-path")
    def _job_submitted(self, event: Input.Submitted) -> None:
        from coach.commands.plan import describe, make_plan, read_job

        app = self.app
        out = self.query_one("#job-plan", Static)
        try:
            plan, _ = make_plan(read_job(event.value.strip()))
        except CoachError as exc:
            out.update(Text(exc.one_line(), style="red"))
            self.query_one("#start-plan", Button).disabled = True
            return
        self.plan_name, self.plan_level = plan.name, plan.level
        out.update("\n".join(describe(plan, app.content)) if app.content else plan.name)
        button = self.query_one("#start-plan", Button)
        button.disabled = False
        button.focus()

    @on(Button.Pressed, "#start-plan")
    def _start_pressed(self) -> None:
        self.action_start_plan()

    def action_focus_job(self) -> None:
        self.query_one("#job-path", Input).focus()

    def action_start_plan(self) -> None:
        app = self.app
        if not self.plan_name:
            self.notify("Open a job description first (j, then a file path).", timeout=3)
            return
        app.start_interview(self.plan_name, None, self.plan_level or app.level, app.mode)

    def action_back(self) -> None:
        self.app.pop_screen()
