"""CoachApp: the Textual app. Opens on Home at once; models load in a background thread.

Nothing heavy is imported here: faster-whisper and llama.cpp come in on the
kit worker's thread (see `coach.tui.kit`), so the first screen shows in well
under a second and stays responsive while the models load.
"""
from __future__ import annotations

import os
import sys
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.app import App
from textual.binding import Binding

from coach.config import Settings, load_settings
from coach.errors import CoachError
from coach.tui.kit import Kit, load_kit
from coach.tui.messages import KitProgress, KitReady, WorkerError

if TYPE_CHECKING:
    from coach.adapters.store_sqlite import SQLiteStore
    from coach.content.types import Content


class CoachApp(App[int]):
    """The coach's app: Home, Interview, Replay, Settings."""

    CSS_PATH = "app.tcss"
    TITLE = "coach"
    SUB_TITLE = "mock interviews for senior and staff ML engineers"
    ENABLE_COMMAND_PALETTE = False
    BINDINGS = [Binding("ctrl+q", "quit", "Quit", show=False, priority=True),
                Binding("question_mark", "toggle_keys", "Keys")]

    def __init__(self, db: str | Path | None = None, start: str | None = None,
                 settings: Settings | None = None, silent: bool = False,
                 stt_model: str = "", llm: str = "", plan: str = "drill", round: str | None = None,
                 level: str | None = None, overrides: dict[str, Any] | None = None,
                 clock: Callable[[], float] = time.monotonic, seed: int | None = None,
                 load_models: bool = True, resume: str | None = None, questions: Sequence[str] = ()) -> None:
        super().__init__()
        self.db_path = db
        self.start_with = start
        self._settings_given = settings
        self.settings = settings or Settings()
        self.silent = silent
        self.stt_model, self.llm = stt_model or "", llm or ""
        self.start_plan, self.start_round, self.start_level = plan or "drill", round, level
        self.overrides = dict(overrides or {})
        self.clock = clock
        self.seed = seed
        self.load_models = load_models
        self.resume_id = resume            # `coach interview --resume ID`: open on that session
        self.start_questions = tuple(questions)     # `coach interview --question ID`: ask these
        self.hands_free = False
        self.store: SQLiteStore | None = None
        self.content: Content | None = None
        self.kit = Kit()
        self.loading_kit = Kit()             # the kit being loaded: its microphone and voice are known first
        self._kit_generation = 0             # which load is the latest (settings can start another)
        self._kit_thread: threading.Thread | None = None
        self.kit_ready = threading.Event()
        self.kit_status: tuple[int, int, str] = (0, 5, "starting")
        self.closing = threading.Event()     # set on quit: every worker loop checks it
        self.mode = self.settings.mode
        self.level = self.settings.level

    # -- start-up -------------------------------------------------------------------
    def on_mount(self) -> None:
        from coach import services
        from coach.content import default_content
        from coach.tui.screens.home import HomeScreen

        if self._settings_given is None:
            try:
                self.settings = load_settings()
            except CoachError as exc:
                self.show_error(exc)
        self.mode, self.level = self.settings.mode, self.start_level or self.settings.level
        try:
            self.store = services.open_store(self.db_path)
        except CoachError as exc:
            self.show_error(exc)
        try:
            self.content = default_content()
        except CoachError as exc:
            self.show_error(exc)
        self.push_screen(HomeScreen())
        if self.load_models:
            self.reload_kit()
        if self.start_with == "interview" and self.resume_id:
            self.resume_interview(self.resume_id)
        elif self.start_with == "interview":
            self.start_interview(self.start_plan, self.start_round or "behavioral", self.level, self.mode,
                                 self.start_questions)

    def reload_kit(self) -> None:
        self.kit_ready.clear()
        self.kit_status = (0, 5, "starting")
        self.loading_kit = Kit()
        self._kit_generation += 1
        # A daemon thread, not a Textual thread worker: those run in an executor the interpreter joins on exit,
        # so q pressed while a model loads left a blank terminal until the load ended (40-90 s on a busy machine).
        self._kit_thread = threading.Thread(target=self._load_kit, args=(self._kit_generation, self.loading_kit),
                                            name="coach-kit", daemon=True)
        self._kit_thread.start()

    def run(self, *args: Any, **kwargs: Any) -> int | None:
        """Run the app; quit while a model still loads and the process ends at once (see `_exit_now`)."""
        result = super().run(*args, **kwargs)
        # `run` returns what the app exited with: an exit code, or another value (a screenshot under a test)
        self.exit_if_loading(result if isinstance(result, int) else int(self.return_code or 0))
        return result

    def exit_if_loading(self, code: int = 0) -> None:
        """End the process now if a model is still loading (see `_exit_now`); otherwise return."""
        if self._kit_thread is not None and self._kit_thread.is_alive():
            self._exit_now(code)

    def _exit_now(self, code: int) -> None:
        """The model loader is inside native code that cannot be stopped, and letting the interpreter finalise
        around it aborts the process (exit 134): close the history, flush, and leave without finalising."""
        if self.store is not None:
            try:
                self.store.close()
            except Exception:
                pass
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except Exception:
                pass
        os._exit(code)

    def _load_kit(self, generation: int, loading: Kit) -> None:
        def progress(step: int, total: int, label: str) -> None:
            if generation == self._kit_generation:
                self.post_message(KitProgress(step, total, label))

        try:
            kit = load_kit(self.settings, self.overrides, self.silent, progress, self.stt_model, self.llm,
                           kit=loading)
        except Exception as exc:        # load_kit keeps CoachErrors in kit.errors; anything else lands here
            kit = loading
            kit.errors.append(CoachError(f"the models could not be loaded: {type(exc).__name__}: {exc}",
                                         "run `coach doctor` to see what is missing"))
        if generation != self._kit_generation or self.closing.is_set():
            return                      # settings changed again meanwhile (a newer load is on its way), or quit
        self.kit = kit
        self.kit_ready.set()
        self.post_message(KitReady(kit))

    def on_kit_progress(self, message: KitProgress) -> None:
        self.kit_status = (message.step, message.total, message.label)
        self._kit_changed()

    def on_kit_ready(self, message: KitReady) -> None:
        step = message.kit.problem()
        self.kit_status = (5, 5, "ready" if message.kit.ready else "failed")
        if step is not None:
            self.show_error(step)
        self._kit_changed()

    def _kit_changed(self) -> None:
        for screen in self.screen_stack:
            hook = getattr(screen, "kit_changed", None)
            if hook is not None and screen.is_mounted:     # a screen still composing shows the kit on mount
                hook()

    # -- shared helpers -----------------------------------------------------------
    def show_error(self, error: CoachError | BaseException, title: str = "") -> None:
        """A notification with the message and what to do next; never a traceback."""
        if isinstance(error, CoachError):
            text = error.message + (f"\n[dim]→ {error.hint}[/]" if error.hint else "")
        else:
            text = f"{type(error).__name__}: {error}"
        self.notify(text, title=title or "Problem", severity="error", timeout=10, markup=True)

    def action_toggle_keys(self) -> None:
        """? shows every key of the screen, those the footer has no room for too (r and c on Home, enter and d
        on a scorecard), and hides them again."""
        from textual.widgets import HelpPanel

        panels = self.screen.query(HelpPanel)
        if panels:
            panels.remove()
        else:
            self.screen.mount(HelpPanel())

    def on_worker_error(self, message: WorkerError) -> None:
        self.show_error(message.error)

    def start_interview(self, plan: str, round_id: str | None, level: str, mode: str,
                        questions: Sequence[str] = ()) -> None:
        """Open the interview on a new session; `questions` (ids) are asked instead of the plan's pick."""
        from coach.tui.screens.interview import InterviewScreen
        from coach.tui.wiring import SessionRequest

        if self.store is None:
            self.notify("No database: the interview could not be saved.", severity="error")
            return
        items: tuple[Any, ...] = ()
        if questions and self.content is not None:
            try:
                asked = [self.content.question(q) for q in questions]
            except CoachError as exc:
                self.show_error(exc)
                return
            items = tuple((q, self.content.round(q.round)) for q in asked)
            round_id = asked[0].round
        self.push_screen(InterviewScreen(SessionRequest(plan=plan, round=round_id, level=level, mode=mode,
                                                        hands_free=self.hands_free, items=items)))

    def resume_interview(self, session_id: str) -> None:
        """Go on with an interrupted session: the same screen and worker as a new one, on the saved plan."""
        from coach.tui.screens.interview import InterviewScreen
        from coach.tui.wiring import SessionRequest

        if self.store is None:
            self.notify("No database: the interview could not be saved.", severity="error")
            return
        try:
            row = self.store.session(session_id)
        except CoachError as exc:
            self.show_error(exc)
            return
        self.push_screen(InterviewScreen(SessionRequest(
            plan=row.get("plan") or "drill", round=row.get("round") or None, level=row.get("level") or self.level,
            mode=row["mode"] if row.get("mode") in ("practice", "realistic") else self.mode,
            hands_free=self.hands_free, resume=session_id)))

    def open_session(self, session_id: str) -> None:
        from coach.tui.screens.replay import SessionScreen

        self.push_screen(SessionScreen(session_id))

    def action_quit(self) -> None:  # type: ignore[override]
        self.closing.set()
        for screen in self.screen_stack:
            shutdown = getattr(screen, "shutdown", None)
            if shutdown is not None:
                shutdown()
        self.exit(0)

    def on_unmount(self) -> None:
        self.closing.set()
        speaker = self.kit.speaker
        if speaker is not None:
            speaker.stop()
