"""A glance at progress: one Sparkline per rubric dimension, from past answers."""
from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Label, Sparkline

from coach.tui.dimension_scores import short_name


class DimensionProgress(Vertical):
    """Rows of `name ▂▃▅▆ 3.4` (the figure is the mean of the last five answers)."""

    DEFAULT_CSS = """
    DimensionProgress { height: auto; }
    DimensionProgress .dim-row { height: 1; }
    DimensionProgress .dim-name { width: 15; }
    DimensionProgress Sparkline { width: 1fr; height: 1; }
    DimensionProgress .dim-score { width: 5; text-align: right; }
    DimensionProgress .empty { color: $text-muted; }
    """

    def __init__(self, history: dict[str, tuple[str, list[float]]] | None = None, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.history = history or {}

    def compose(self) -> ComposeResult:
        if not self.history:
            yield Label("No scored answers yet: your progress shows here.", classes="empty")
            return
        for did, (name, scores) in self.history.items():
            recent = scores[-5:]
            with Horizontal(classes="dim-row"):
                yield Label(short_name(did, name)[:14], classes="dim-name")
                yield Sparkline(scores[-40:], summary_function=max)
                yield Label(f"{sum(recent) / len(recent):.1f}", classes="dim-score")

    async def set_history(self, history: dict[str, tuple[str, list[float]]]) -> None:
        self.history = history
        await self.recompose()
