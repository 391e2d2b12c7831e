"""A one-line input level meter: a bar from -60 dBFS to 0 and the figure."""
from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

FLOOR_DB = -60.0


class LevelMeter(Widget):
    """Shows the loudness of the latest audio block; cheap to update many times a second."""

    DEFAULT_CSS = """
    LevelMeter { height: 1; width: 1fr; }
    """
    level: reactive[float] = reactive(-120.0)
    active: reactive[bool] = reactive(False)

    def render(self) -> Text:
        width = max(4, self.size.width - 16)
        fraction = 0.0 if self.level <= FLOOR_DB else min(1.0, (self.level - FLOOR_DB) / -FLOOR_DB)
        filled = int(round(fraction * width))
        style = "green" if fraction < 0.75 else ("yellow" if fraction < 0.92 else "red")
        text = Text("mic ", style="bold" if self.active else "dim")
        text.append("█" * filled, style=style if self.active else "dim")
        text.append("░" * (width - filled), style="dim")
        figure = "  --  dB" if self.level <= -119 else f"{self.level:5.0f} dB"
        text.append(f" {figure}", style="dim" if not self.active else "")
        return text
