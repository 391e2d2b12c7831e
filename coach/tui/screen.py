"""The base of the app's screens: `self.app` is the `CoachApp` (Textual's typed-app getter), so
mypy checks what a screen reads and calls on the app."""
from __future__ import annotations

from textual import getters
from textual.screen import Screen

from coach.tui.app import CoachApp


class CoachScreen(Screen[None]):
    """A full screen of the coach's app."""

    app = getters.app(CoachApp)
