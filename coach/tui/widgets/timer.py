"""The round's clock: time spent against the round's time box."""
from __future__ import annotations

import time
from collections.abc import Callable

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget


def mmss(seconds: float) -> str:
    seconds = max(0, int(seconds))
    return f"{seconds // 60:02d}:{seconds % 60:02d}"


class RoundTimer(Widget):
    """Elapsed time since `start()` and a bar against `limit_s`; turns red when over."""

    DEFAULT_CSS = """
    RoundTimer { height: 1; width: 1fr; }
    """
    elapsed: reactive[float] = reactive(0.0)
    limit_s: reactive[float] = reactive(0.0)

    def __init__(self, clock: Callable[[], float] = time.monotonic, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.clock = clock
        self._started: float | None = None

    def on_mount(self) -> None:
        self.set_interval(0.5, self._tick)

    def start(self, limit_s: float) -> None:
        """Start (or keep) counting for a round of `limit_s` seconds."""
        if self._started is None:
            self._started = self.clock()
        self.limit_s = limit_s

    def restart(self, limit_s: float) -> None:
        self._started = self.clock()
        self.limit_s = limit_s
        self.elapsed = 0.0

    def _tick(self) -> None:
        if self._started is not None:
            self.elapsed = self.clock() - self._started

    def render(self) -> Text:
        label = f"{mmss(self.elapsed)} / {mmss(self.limit_s)}" if self.limit_s else mmss(self.elapsed)
        width = max(4, self.size.width - len(label) - 2)
        fraction = min(1.0, self.elapsed / self.limit_s) if self.limit_s else 0.0
        over = bool(self.limit_s) and self.elapsed >= self.limit_s
        filled = int(round(fraction * width))
        text = Text(label + " ", style="bold red" if over else "bold")
        text.append("━" * filled, style="red" if over else ("yellow" if fraction > 0.8 else "cyan"))
        text.append("─" * (width - filled), style="dim")
        return text
