"""Settings: model paths, voice, silence threshold, input device, mode, level; saved to TOML."""
from __future__ import annotations

import dataclasses
from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Header, Input, Label, Select, Static

from coach.config import END_OF_TURN, MODES, TTS_ENGINES, Settings, config_path, save_settings
from coach.domain import LEVEL_IDS
from coach.errors import CoachError, ConfigError
from coach.tui.screen import CoachScreen
from coach.tui.widgets.footer import Footer

TEXT_FIELDS = (
    ("llm", "Interviewer model", "manifest name, file in models/, or a .gguf path; empty: default"),
    ("stt_model", "Speech model", "manifest name or a Whisper folder; empty: default"),
    ("voice", "espeak voice", "espeak voice id (the fallback voice); empty: the system default"),
    ("rate", "Speaking rate", "words per minute, 80-400"),
    ("silence_seconds", "Silence ends turn", "seconds of silence that end a hands-free answer, 0.5-10"),
    ("input_device", "Input device", "microphone name or index; empty: the default"),
)
RELOAD_FIELDS = ("llm", "stt_model", "tts", "voice", "rate", "input_device")
CHOICES = (   # (setting, label, options)
    ("tts", "Interviewer voice", TTS_ENGINES),
    ("end_of_turn", "Hands-free ends on", END_OF_TURN),
    ("headphones", "Headphones (barge-in)", (False, True)),
    ("primed_pass", "Jargon pass", (True, False)),
)


def settings_from_form(values: dict[str, str], mode: str, level: str, choices: dict[str, Any] | None = None) -> Settings:
    """Build Settings from the form's text, with a ConfigError naming the bad field."""
    try:
        rate = int(values["rate"])
    except ValueError:
        raise ConfigError(f"speaking rate must be a whole number, not {values['rate']!r}", "e.g. 175") from None
    try:
        silence = float(values["silence_seconds"])
    except ValueError:
        raise ConfigError(f"silence must be a number of seconds, not {values['silence_seconds']!r}",
                          "e.g. 2.0") from None
    return Settings(llm=values["llm"].strip(), stt_model=values["stt_model"].strip(), voice=values["voice"].strip(),
                    rate=rate, silence_seconds=silence, input_device=values["input_device"].strip(),
                    mode=mode, level=level, **(choices or {})).validate("settings")


def _show(option: Any) -> str:
    return {True: "on", False: "off"}.get(option, str(option)) if isinstance(option, bool) else str(option)


class SettingsScreen(CoachScreen):
    """Edit and save the TOML config (ctrl+s saves, esc leaves without saving)."""

    BINDINGS = [Binding("ctrl+s", "save", "Save", priority=True), Binding("escape", "back", "Back")]

    def compose(self) -> ComposeResult:
        app = self.app
        current: Settings = app.settings
        yield Header()
        with VerticalScroll(id="settings", classes="panel"):
            for name, label, help_text in TEXT_FIELDS:
                with Horizontal(classes="field"):
                    yield Label(label, classes="field-label wide")
                    yield Input(str(getattr(current, name)), placeholder=help_text, id=f"set-{name}",
                                compact=True, tooltip=help_text)
            with Horizontal(classes="field"):
                yield Label("Mode", classes="field-label wide")
                yield Select([(m, m) for m in MODES], value=current.mode, allow_blank=False, compact=True,
                             id="set-mode")
            with Horizontal(classes="field"):
                yield Label("Level", classes="field-label wide")
                yield Select([(lv, lv) for lv in LEVEL_IDS], value=current.level, allow_blank=False,
                             compact=True, id="set-level")
            for name, label, options in CHOICES:
                with Horizontal(classes="field"):
                    yield Label(label, classes="field-label wide")
                    yield Select([(_show(o), o) for o in options], value=getattr(current, name), allow_blank=False,
                                 compact=True, id=f"set-{name}")
            yield Static(Text(f"Config file: {config_path()} (ctrl+s writes it)", style="dim"), id="settings-path")
            with Horizontal(id="settings-buttons"):
                yield Button("Save (ctrl+s)", id="save", variant="primary", compact=True)
                yield Button("Cancel (esc)", id="cancel", compact=True)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#settings").border_title = "Settings"
        self.query_one("#set-llm", Input).focus()

    def form(self) -> Settings:
        values = {name: self.query_one(f"#set-{name}", Input).value for name, _, _ in TEXT_FIELDS}
        choices = {name: self.query_one(f"#set-{name}", Select).value for name, _, _ in CHOICES}
        return settings_from_form(values, str(self.query_one("#set-mode", Select).value),
                                  str(self.query_one("#set-level", Select).value), choices)

    @on(Button.Pressed, "#save")
    def _save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self) -> None:
        self.action_back()

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self.action_save()

    def action_save(self) -> None:
        app = self.app
        try:
            new = self.form()
            path = save_settings(new)
        except CoachError as exc:
            app.show_error(exc, title="Settings not saved")
            return
        except OSError as exc:
            app.show_error(ConfigError(f"cannot write the config: {exc}", "check the config folder's permissions"))
            return
        old: Settings = app.settings
        app.settings = new
        app.mode, app.level = new.mode, new.level
        changed = [f.name for f in dataclasses.fields(Settings) if getattr(old, f.name) != getattr(new, f.name)]
        self.notify(f"Saved to {path}", title="Settings", timeout=4)
        if any(name in RELOAD_FIELDS for name in changed) and app.load_models:
            app.reload_kit()
        self.dismiss()

    def action_back(self) -> None:
        self.dismiss()
